"""A PostGIS programme made before the check's kept tables, opened in the real desktop from the plugin's open:
the message bar offers them once (a button, no modal question), the button adds them in a task, and the
next check reads them; opened again in the same session, nothing more is offered."""

from __future__ import annotations

import os

import psycopg2
import pytest

from tests.e2e.desktop import run_in_qgis

BODY = r'''
from psycopg2 import sql
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry
from qgis.PyQt.QtWidgets import QApplication, QPushButton
from qgis.utils import plugins

from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.store import pg_check_tables
from gebiedsplugin.qgis_io.store.postgis import PostgisStore

PG, SCHEMA = __PG__, __SCHEMA__
plugin = plugins["gebiedsplugin"]
manager = QgsApplication.authManager()
manager.setMasterPassword("e2e-master", True)
config = QgsAuthMethodConfig("Basic")
config.setName("e2e login")
config.setConfig("username", PG["user"])
config.setConfig("password", PG["password"])
authcfg = manager.storeAuthenticationConfig(config)[1].id()
uri = QgsDataSourceUri()
uri.setConnection(PG["host"], PG["port"], PG["db"], "", "", QgsDataSourceUri.SslMode.SslDisable, authcfg)
meta = QgsProviderRegistry.instance().providerMetadata("postgres")
meta.saveConnection(meta.createConnection(uri.uri(False), {}), "e2e_offer")
programme, _ = generate_sample(seed=3, interventions=300, projects=100)
store = PostgisStore.create("e2e_offer", SCHEMA, programme.crs, programme)
# as a programme made before the kept tables: no tables, functions, triggers or schema_info row
conn = store.connect()
with conn.cursor() as cur:
    for kept, (tables, _rows) in pg_check_tables.KEPT.items():
        for table in tables:
            for name in ("gebied_check_insert", "gebied_check_update", "gebied_check_delete", "gebied_check_truncate"):
                target = sql.Identifier(SCHEMA, table)
                cur.execute(sql.SQL("DROP TRIGGER {} ON {}").format(sql.Identifier(name), target))
            cur.execute(sql.SQL("DROP FUNCTION {}()").format(sql.Identifier(SCHEMA, "gebied_check_" + table)))
        cur.execute(sql.SQL("DROP TABLE {}").format(sql.Identifier(SCHEMA, kept)))
    cur.execute(sql.SQL("DELETE FROM {} WHERE key = 'check_tables'").format(sql.Identifier(SCHEMA, "schema_info")))
conn.commit()
conn.close()
RESULT["kept_before"] = pg_check_tables.kept_by(store)

def offers():
    return [i for i in iface.messageBar().items() if i.objectName() == "gebiedsplugin_check_tables_offer"]

use_programme(iface, plugin.controller.open, store.path, background=True)
pump(60, lambda: plugin.controller.store is not None and QgsApplication.taskManager().countActiveTasks() == 0)
pump(1.0)
RESULT["opened"] = plugin.controller.store.path if plugin.controller.store else ""
RESULT["modal"] = QApplication.activeModalWidget() is not None
shown = offers()
RESULT["offers"] = len(shown)
RESULT["offer_text"] = shown[0].text() if shown else ""
if shown:
    shown[0].findChild(QPushButton, "gebiedsplugin_check_tables_button").click()
    pump(60, lambda: pg_check_tables.kept_by(store) and QgsApplication.taskManager().countActiveTasks() == 0)
    pump(1.0)
RESULT["kept_after"] = pg_check_tables.kept_by(store)
RESULT["offers_after_click"] = len(offers())
use_programme(iface, plugin.controller.open, store.path, background=True)  # again, same session
pump(60, lambda: QgsApplication.taskManager().countActiveTasks() == 0)
pump(1.0)
RESULT["offers_reopened"] = len(offers())
finish()
'''


@pytest.mark.timeout(600)
def test_check_tables_offered_once_and_added(tmp_path):
    if not os.environ.get("GEBIED_PG_HOST"):
        pytest.fail("needs the throw-away PostGIS of scripts/with_postgis.sh (make test-e2e starts it)")
    pg = {k: os.environ.get("GEBIED_PG_" + k.upper(), "") for k in ("host", "port", "db", "user", "password")}
    schema = "e2e_offer_{}".format(os.getpid())
    body = BODY.replace("__PG__", repr(pg)).replace("__SCHEMA__", repr(schema))
    try:
        result = run_in_qgis(body, tmp_path, "en", timeout=420)
    finally:
        with psycopg2.connect(host=pg["host"], port=pg["port"], dbname=pg["db"], user=pg["user"],
                              password=pg["password"]) as db, db.cursor() as cur:
            cur.execute("DROP SCHEMA IF EXISTS {} CASCADE".format(schema))  # nosec B608 - our own name
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    assert result["kept_before"] is False and result["opened"] == "postgres:e2e_offer/" + schema, result
    assert result["offers"] == 1 and not result["modal"], result
    assert schema in result["offer_text"] and "right to create tables" in result["offer_text"], result
    assert result["kept_after"] is True and result["offers_after_click"] == 0, result
    assert result["offers_reopened"] == 0, result
