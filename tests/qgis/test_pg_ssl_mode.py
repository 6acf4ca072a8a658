"""A saved QGIS connection's SSL mode holds for the plugin's own database connections too.

QGIS's postgres provider passes the connection's sslmode to libpq; the plugin's psycopg2 connection
left it out, so a connection saved with "require" was used without encryption where the server
offers none (and QGIS's own layers then failed with its credentials dialog). Whether the throw-away
server offers SSL is asked with psycopg2 directly, not through the code under test.
"""

from __future__ import annotations

import os

import psycopg2
import pytest
from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store import pg_connection as login
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403

NAME = "gebiedsplugin_test_ssl_{}"


def _server_offers_ssl(pg_env) -> bool:
    try:
        psycopg2.connect(host=pg_env["host"], port=pg_env["port"], dbname=pg_env["db"], user=pg_env["user"],
                         password=os.environ["GEBIED_PG_PASSWORD"], sslmode="require", connect_timeout=10).close()
    except psycopg2.OperationalError as e:
        assert "SSL" in str(e), e
        return False
    return True


@pytest.fixture()
def saved(pg_env, pg_authcfg):
    """save(mode): the test server saved in QGIS with *mode* and the auth config; its name."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    names = []

    def save(mode) -> str:
        uri = QgsDataSourceUri()
        uri.setConnection(pg_env["host"], pg_env["port"], pg_env["db"], "", "", mode, pg_authcfg)
        name = NAME.format(QgsDataSourceUri.encodeSslMode(mode).replace("-", "_"))
        metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
        names.append(name)
        return name

    yield save
    for name in names:
        metadata.deleteConnection(name)


def _uses_ssl(conn) -> bool:
    with conn.cursor() as cur:
        cur.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        return bool(cur.fetchone()[0])


def test_require_is_kept(pg_env, saved):
    name = saved(QgsDataSourceUri.SslMode.SslRequire)
    if _server_offers_ssl(pg_env):
        conn = login.connect(login.resolve(name), name)
        try:
            assert _uses_ssl(conn)
        finally:
            conn.close()
    else:  # the planner asked for encryption: no unencrypted connection, and a message naming the connection
        with pytest.raises(ProgrammeError) as refused:
            login.connect(login.resolve(name), name).close()
        assert name in str(refused.value) and "SSL" in str(refused.value)
        assert os.environ["GEBIED_PG_PASSWORD"] not in str(refused.value)


def test_disable_is_kept(pg_env, saved):
    name = saved(QgsDataSourceUri.SslMode.SslDisable)
    conn = login.connect(login.resolve(name), name)
    try:
        assert not _uses_ssl(conn)
    finally:
        conn.close()
