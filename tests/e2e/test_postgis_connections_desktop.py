"""The plugin's PostGIS choice behaves like QGIS's own connections, in the real desktop (qa4).

Connections saved as the Data Source Manager saves them: one with an auth configuration (the login in
QGIS's auth DB), one with a pg_service name only (service file and .pgpass from libpq's environment),
one with an auth configuration and sslmode=require, and one saved while the plugin's dialog is open.
No password prompt may come up; the service connection opens a programme made through the authcfg
one; the SSL mode is kept (a server without SSL refuses, named in the dialog); no password reaches the
profile's files or a layer source.
"""

from __future__ import annotations

import os

import psycopg2
import pytest

from tests.e2e.desktop import run_in_qgis

BODY = r'''
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProject, QgsProviderRegistry
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

PG, SCHEMA = __PG__, __SCHEMA__
plugin, action, manager, prompts = postgis_start()
meta = QgsProviderRegistry.instance().providerMetadata("postgres")
config = QgsAuthMethodConfig("Basic")
config.setName("e2e login")
config.setConfig("username", PG["user"])
config.setConfig("password", PG["password"])
authcfg = manager.storeAuthenticationConfig(config)[1].id()

def save(name, service="", ssl=QgsDataSourceUri.SslMode.SslPrefer, auth=""):
    uri = QgsDataSourceUri()
    if service:
        uri.setConnection(service, "", "", "", ssl, auth)
    else:
        uri.setConnection(PG["host"], PG["port"], PG["db"], "", "", ssl, auth)
    meta.saveConnection(meta.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": False}), name)

save("e2e_auth", auth=authcfg)
save("e2e_service", service="e2e_svc")
save("e2e_ssl_require", ssl=QgsDataSourceUri.SslMode.SslRequire, auth=authcfg)
R = RESULT["dialog"] = {}

def pick(d, name):
    d.connection.setConnection(name)
    pump(2.0)
    return {"current": d.connection_name(), "message": d.message.text(), "schemas": d.schemas(),
            "open": d.open_button.isEnabled(), "create": d.create_button.isEnabled()}

def drive(work):
    state = {"done": False}
    def poll():
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.objectName() == "gebiedsplugin_postgis_dialog" and not state["done"]:
            state["done"] = True
            timer.stop()
            work(modal)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(250)
    action.trigger()  # modal: returns when the dialog is done
    timer.stop()

def first(d):
    R["listed"] = [d.connection.itemText(i) for i in range(d.connection.count())]
    R["ssl"] = pick(d, "e2e_ssl_require")
    save("e2e_live", auth=authcfg)  # added in QGIS while the dialog is open
    pump(1.0)
    R["listed_after"] = [d.connection.itemText(i) for i in range(d.connection.count())]
    R["auth"] = pick(d, "e2e_auth")
    d.schema.comboBox().setEditText(SCHEMA)
    pump(0.5)
    d.create_button.click()

def second(d):
    R["service"] = pick(d, "e2e_service")
    d.schema.setSchema(SCHEMA)
    pump(0.5)
    R["service_open"] = d.open_button.isEnabled()
    d.open_button.click() if d.open_button.isEnabled() else d.reject()

drive(first)
pump(20, lambda: plugin.controller.store is not None and QgsApplication.taskManager().countActiveTasks() == 0)
R["created"] = plugin.controller.store.path if plugin.controller.store else ""
drive(second)
pump(20, lambda: QgsApplication.taskManager().countActiveTasks() == 0)
pump(1.0)
R["opened"] = plugin.controller.store.path if plugin.controller.store else ""
layers = [l for l in QgsProject.instance().mapLayers().values() if l.customProperty("gebiedsplugin/table")]
R["service_layers"] = [l.isValid() for l in layers if "e2e_svc" in l.source()]
R["sources_with_password"] = sum(PG["password"] in l.source() for l in layers)
prompts.stop()
finish()
'''


@pytest.mark.timeout(600)
def test_postgis_connections_like_qgis(tmp_path, monkeypatch):
    if not os.environ.get("GEBIED_PG_HOST"):
        pytest.fail("needs the throw-away PostGIS of scripts/with_postgis.sh (make test-e2e starts it)")
    pg = {k: os.environ.get("GEBIED_PG_" + k.upper(), "") for k in ("host", "port", "db", "user", "password")}
    service = tmp_path / "pg_service.conf"
    service.write_text("[e2e_svc]\nhost={host}\nport={port}\ndbname={db}\nuser={user}\n".format(**pg))
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("{host}:{port}:{db}:{user}:{password}\n".format(**pg))
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    schema = "e2e_conn_{}".format(os.getpid())
    try:  # whether the server offers SSL, asked here with psycopg2, not through the plugin
        psycopg2.connect(host=pg["host"], port=pg["port"], dbname=pg["db"], user=pg["user"],
                         password=pg["password"], sslmode="require", connect_timeout=10).close()
        offers_ssl = True
    except psycopg2.OperationalError:
        offers_ssl = False
    body = BODY.replace("__PG__", repr(pg)).replace("__SCHEMA__", repr(schema))
    try:
        result = run_in_qgis(body, tmp_path, "en", timeout=420)
    finally:
        with psycopg2.connect(host=pg["host"], port=pg["port"], dbname=pg["db"], user=pg["user"],
                              password=pg["password"]) as db, db.cursor() as cur:
            cur.execute("DROP SCHEMA IF EXISTS {} CASCADE".format(schema))  # nosec B608 - our own name
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    d = result["dialog"]
    assert {"e2e_auth", "e2e_service", "e2e_ssl_require"} <= set(d["listed"]) and "e2e_live" not in d["listed"]
    assert "e2e_live" in d["listed_after"], d["listed_after"]  # a connection added in QGIS shows up at once
    assert result["prompts"] == 0  # the authcfg and the service file log in: nobody is asked for a password
    if offers_ssl:
        assert "public" in d["ssl"]["schemas"], d["ssl"]
    else:  # "require" is kept: no unencrypted connection, the connection named
        assert d["ssl"]["schemas"] == [] and "e2e_ssl_require" in d["ssl"]["message"], d["ssl"]
        assert "SSL" in d["ssl"]["message"] and not d["ssl"]["create"]
    assert d["created"] == "postgres:e2e_auth/" + schema, d
    assert d["service"]["open"] and schema in d["service"]["schemas"], d["service"]
    assert d["opened"] == "postgres:e2e_service/" + schema, d
    assert d["service_layers"] and all(d["service_layers"]), d["service_layers"]
    assert d["sources_with_password"] == 0
    profile_files = [p for p in (tmp_path / "qgis-en").rglob("*") if p.is_file() and p.suffix != ".db"]
    assert not [p.name for p in profile_files if pg["password"] in p.read_text(errors="ignore")]
