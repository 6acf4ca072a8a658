"""No password in a layer URI, a programme path, a saved project, a log or a message (issue 13, item 5).

Runs against the throw-away server of scripts/with_postgis.sh with its real password, so a leak
anywhere would show as that password in the text checked.
"""

from __future__ import annotations

import os

import pytest
from qgis.core import Qgis, QgsApplication, QgsDataSourceUri, QgsProject, QgsProviderRegistry

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.loader import load_programme
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403

SAVED = "gebiedsplugin_test_stored_password"


@pytest.fixture()
def password(pg_env) -> str:
    return os.environ["GEBIED_PG_PASSWORD"]


@pytest.fixture()
def logged():
    """Every message QGIS's message log receives during the test (the plugin's and QGIS's own)."""
    seen = []

    def keep(message, tag, level):
        seen.append("{} {}".format(tag, message))

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield seen
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def leaked(password: str, texts: dict) -> list:
    """Names of the *texts* that hold the password (names only: a failing test must not print it)."""
    return [name for name, text in texts.items() if password in str(text)]


def _with_password(pg_env, password: str, database: str = "") -> QgsDataSourceUri:
    uri = QgsDataSourceUri()
    uri.setConnection(pg_env["host"], pg_env["port"], database or pg_env["db"], pg_env["user"], password)
    return uri


@pytest.fixture()
def saved_with_password(pg_env, password):
    """A QGIS connection saved with "store user name" and "store password" ticked (QGIS's own settings)."""
    def save(database: str = "") -> str:
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        uri = _with_password(pg_env, password, database)
        metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": True,
                                                                            "savePassword": True}), SAVED)
        assert leaked(password, {"saved": metadata.findConnection(SAVED).uri()})  # QGIS keeps it: its business
        return SAVED

    yield save
    QgsProviderRegistry.instance().providerMetadata("postgres").deleteConnection(SAVED)


def test_a_connection_string_with_a_password_is_refused_naming_the_way_out(pg_env, password, qgis_iface, logged):
    with_password = _with_password(pg_env, password).connectionInfo(False)
    assert "password=" in with_password and leaked(password, {"string": with_password})  # it would connect
    url = "postgresql://{}:{}@{}:{}/{}".format(pg_env["user"], password, pg_env["host"], pg_env["port"], pg_env["db"])
    sources = ["postgres:{}/programme".format(with_password),
               "postgres:{} password={}/x y/programme".format(with_password.replace("password=", "x="), password),
               "postgres:{}/programme".format(url),
               "postgres:host={} sslpassword={}/programme".format(pg_env["host"], password)]
    messages = []
    for source in sources:
        with pytest.raises(ProgrammeError) as refused:
            open_store(source)
        messages.append(str(refused.value))
    with pytest.raises(ProgrammeError) as refused:
        PostgisStore(with_password, "programme")
    messages.append(str(refused.value))
    assert leaked(password, dict(enumerate(messages))) == []
    for message in messages:
        assert "authcfg=" in message and "authentication manager" in message
    # Through the menu's path: the message bar and the log say why, without the password.
    controller = ProgrammeController(QgsProject.instance())
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    try:
        assert not use_programme(qgis_iface, controller.open, sources[0])
    finally:
        controller.disconnect_project()
    shown = bar.get_messages(Qgis.Critical)
    assert shown and any("authcfg=" in m for m in shown)
    assert logged and leaked(password, {"bar": shown, "log": logged}) == []


def test_a_saved_connection_with_a_stored_password_keeps_it_out_of_uris_and_projects(
        pg_sample, saved_with_password, password, tmp_path, logged):
    _, pg, _ = pg_sample
    name = saved_with_password()
    store = PostgisStore.open(name, pg.schema_name)
    assert store.path == "postgres:{}/{}".format(name, pg.schema_name)
    uris = {t.name: store.uri(t.name) for t in schema.TABLES}
    assert leaked(password, dict(uris, path=store.path)) == []
    assert [t for t, uri in uris.items() if "password" in uri.lower()] == []
    assert {QgsDataSourceUri(uri).username() for uri in uris.values()} == {os.environ["GEBIED_PG_USER"]}
    assert store.counts() == pg.counts()  # psycopg2 still gets the password, in memory
    project = QgsProject()
    layers = load_programme(store, project)
    try:
        # The postgres provider connects from QGIS's credential cache, not from the URI.
        assert all(layer.isValid() for layer in layers.values())
        assert layers["interventions_point"].featureCount() == pg.counts()["interventions_point"]
        assert leaked(password, {t: layer.source() for t, layer in layers.items()}) == []
        qgs = tmp_path / "shared.qgs"
        assert project.write(str(qgs))
        text = qgs.read_text(encoding="utf-8")
        assert store.uri("interventions_point").split(" key=")[0].split("dbname=")[1] in text  # the layers are in it
        assert leaked(password, {"qgs": text}) == [] and "password=" not in text.lower()
        qgz = tmp_path / "shared.qgz"
        assert project.write(str(qgz))
        import zipfile

        with zipfile.ZipFile(qgz) as z:
            assert [n for n in z.namelist() if password.encode() in z.read(n)] == []
    finally:
        project.clear()
    assert leaked(password, dict(enumerate(logged))) == []


def test_a_failed_connection_tells_why_without_the_password(pg_env, saved_with_password, password, logged):
    name = saved_with_password(database="no_such_database")
    with pytest.raises(ProgrammeError) as failed:
        PostgisStore.open(name, "programme")
    message = str(failed.value)
    assert "no_such_database" in message and leaked(password, {"message": message}) == []
    assert leaked(password, dict(enumerate(logged))) == []
