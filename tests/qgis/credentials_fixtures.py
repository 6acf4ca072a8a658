"""QGIS's credential prompt answered without a person, and saved connections without a password.

``AnsweringCredentials`` is installed as QGIS's ``QgsCredentials`` instance, as the desktop installs
its dialog: it answers what a planner would type (or cancels) and counts how often it was asked.
"""

from __future__ import annotations

import os
import socket

import pytest
from qgis.core import QgsCredentials, QgsDataSourceUri, QgsProviderRegistry

NO_PASSWORD_CONNECTION = "gebiedsplugin_test_no_password"
DOWN_CONNECTION = "gebiedsplugin_test_down"


class AnsweringCredentials(QgsCredentials):
    """A QgsCredentials that answers *password* (None: cancels) and records every request."""

    def __init__(self, password):
        super().__init__()
        self.password = password
        self.requests: list = []

    def request(self, realm, username, password, message=""):
        self.requests.append((realm, username, message))
        if self.password is None:
            return False, username, ""
        return True, username, self.password

    def requestMasterPassword(self, password, stored=False):  # noqa: N802
        return False, ""


@pytest.fixture()
def answer_credentials(qgis_app):
    """A function installing an AnsweringCredentials(password); QGIS's own instance is put back after."""
    original = QgsCredentials.instance()
    installed = []

    def install(password):
        from gebiedsplugin.qgis_io.store import pg_pool

        pg_pool.close_all()  # a session of its own: no login kept from an earlier test either
        credentials = AnsweringCredentials(password)
        credentials.setInstance(credentials)
        installed.append(credentials)
        return credentials

    yield install
    if installed:
        installed[-1].setInstance(original)


def _save(name: str, host: str, port: str, db: str, user: str) -> str:
    uri = QgsDataSourceUri()
    uri.setConnection(host, port, db, user, "")  # no password, no authcfg: QGIS's default
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    configuration = {"saveUsername": True, "savePassword": False}
    metadata.saveConnection(metadata.createConnection(uri.uri(False), configuration), name)
    return name


@pytest.fixture()
def pg_no_password_connection(pg_env):
    """The test server saved as a QGIS connection with its user but without its password; its name."""
    yield _save(NO_PASSWORD_CONNECTION, pg_env["host"], pg_env["port"], pg_env["db"], pg_env["user"])
    QgsProviderRegistry.instance().providerMetadata("postgres").deleteConnection(NO_PASSWORD_CONNECTION)


@pytest.fixture()
def pg_down_connection(qgis_app):
    """A saved connection to a closed port on this machine (a server that is down); its name."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    yield _save(DOWN_CONNECTION, "127.0.0.1", port, "gebied_test", "gebied_test")
    QgsProviderRegistry.instance().providerMetadata("postgres").deleteConnection(DOWN_CONNECTION)


def server_password() -> str:
    """The test server's password (from scripts/with_postgis.sh), typed into the prompt."""
    return os.environ.get("GEBIED_PG_PASSWORD", "")
