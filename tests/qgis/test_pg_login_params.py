"""The login an auth config gives the plugin's connection, expanded by QGIS's own auth method.

A Basic config's user name and password come back from QGIS's method quoted for libpq (``'`` and
``\\`` escaped); they must reach psycopg2 as stored, quotes and backslashes included.
"""

from __future__ import annotations

from qgis.core import QgsDataSourceUri

from gebiedsplugin.qgis_io.store import pg_connection as login
from tests.qgis.postgis_fixtures import store_basic_login, unlock_auth_db

USER, PASSWORD = "o'neil\\planning", "it's a \\secret' = 1"


def test_basic_login_with_quotes_and_backslashes_comes_through(qgis_app):
    authcfg = store_basic_login("gebiedsplugin test quotes", USER, PASSWORD)
    try:
        uri = QgsDataSourceUri()
        uri.setConnection("127.0.0.1", "5432", "gebied", "", "", QgsDataSourceUri.SslMode.SslRequire, authcfg)
        with login.login_params(uri) as params:
            assert (params["user"], params["password"], params["sslmode"]) == (USER, PASSWORD, "require")
            assert "sslrootcert" not in params  # QGIS's Basic method adds authorities only for verify-*
    finally:
        unlock_auth_db().removeAuthenticationConfig(authcfg)
