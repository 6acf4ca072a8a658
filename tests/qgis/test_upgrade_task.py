"""A programme's upgrade runs in a task (qgis_io/upgrade_task.py): asked once when the programme is opened, it
runs with a progress dialog whose Cancel changes nothing (both stores); a planner without the right to create
tables is told which schema, not shown a traceback."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import psycopg2.errors
import pytest
from psycopg2 import sql
from qgis.core import QgsDataSourceUri
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QProgressDialog, QPushButton

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.gui.programme_actions import upgrade_programme
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.gui.task_wait import wait_for_task
from gebiedsplugin.qgis_io.store import migrate, pg_check_tables, pg_pool
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from gebiedsplugin.qgis_io.upgrade_task import UpgradeTask
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import (
    postgis_source,
    restored_schema,
    run_on_server,
    store_basic_login,
    unlock_auth_db,
)
from tests.qgis.test_pg_check_kept import drop_kept

FIXTURE_V3 = Path(__file__).resolve().parent.parent / "fixtures" / "programme_v3.gpkg"


class Accept(Prompts):
    def __init__(self):
        super().__init__(None)
        self.asked = []

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return True


def _digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _files(folder) -> list:
    return sorted(p.name for p in Path(folder).iterdir())


@pytest.fixture()
def v3_copy(tmp_path):
    path = tmp_path / "programma.gpkg"
    shutil.copy(FIXTURE_V3, path)
    return path


@pytest.mark.parametrize("when", ["at once", "after the backup"])
def test_a_cancelled_geopackage_upgrade_changes_nothing(v3_copy, when, qgis_app):
    digest, files = _digest(v3_copy), _files(v3_copy.parent)
    seen = []
    cancelled = (lambda: True) if when == "at once" else (lambda: bool(seen))
    with pytest.raises(Cancelled):
        migrate.upgrade(str(v3_copy), cancelled=cancelled, progress=seen.append)
    assert seen == ([] if when == "at once" else [50.0])
    assert _digest(v3_copy) == digest and _files(v3_copy.parent) == files  # no backup left behind
    with sqlite3.connect(str(v3_copy)) as conn:
        assert conn.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone() == ("3",)


def test_the_task_upgrades_with_progress(v3_copy, qgis_app):
    task = UpgradeTask(migrate.plan(str(v3_copy)))
    values = []
    task.progressChanged.connect(values.append)
    wait_for_task(None, task, "upgrading")
    assert not task.error and not task.cancelled
    assert (task.result["from"], task.result["to"]) == (3, schema.SCHEMA_VERSION)
    assert 50.0 in values and Path(task.result["backup"]).is_file()


def _cancel_the_dialog_after(ms: int, pressed: list) -> None:
    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.objectName() == "gebiedsplugin_task_wait" \
                    and widget.isVisible():
                pressed.append(widget.labelText())
                widget.findChild(QPushButton).click()  # as the planner does (cancel() alone tells nobody)
                return
        QTimer.singleShot(50, press)  # not shown yet
    QTimer.singleShot(ms, press)


@pytest.fixture()
def v3_schema(pg_connection, pg_schema, pg_extra_schemas):
    yield from restored_schema(pg_connection, pg_schema, pg_extra_schemas, 3)


def _version(connection, schema_name) -> str:
    return run_on_server(connection, lambda cur: (
        cur.execute(sql.SQL("SELECT value FROM {} WHERE key = 'schema_version'").format(
            sql.Identifier(schema_name, "schema_info"))), cur.fetchone()[0])[1])


def _backups(connection, schema_name) -> list:
    return run_on_server(connection, lambda cur: (cur.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE %s",
                                                     (schema_name + "_v3_backup_%",)), cur.fetchall())[1])


def test_the_dialogs_cancel_stops_a_waiting_postgis_upgrade(qgis_iface, pg_connection, v3_schema):
    """The upgrade waits for a colleague's lock on the programme; the planner cancels in the dialog: the
    upgrade stops at once (not after the 10 s lock timeout), nothing is changed, nothing opened."""
    source = postgis_source(pg_connection, v3_schema)
    holder = PostgisStore(pg_connection, v3_schema).connect()
    pressed = []
    try:
        with holder.cursor() as cur:
            cur.execute(sql.SQL("SELECT value FROM {} WHERE key = 'schema_version' FOR UPDATE").format(
                sql.Identifier(v3_schema, "schema_info")))
        _cancel_the_dialog_after(500, pressed)
        prompts = Accept()
        assert upgrade_programme(qgis_iface, source, prompts) is False
        assert len(prompts.asked) == 1 and pressed  # asked once; the dialog was there to cancel
    finally:
        holder.rollback()
        holder.close()
    assert _version(pg_connection, v3_schema) == "3" and not _backups(pg_connection, v3_schema)
    assert upgrade_programme(qgis_iface, source, Accept()) is True  # asked again: now it runs through
    assert _version(pg_connection, v3_schema) == str(schema.SCHEMA_VERSION)
    assert len(_backups(pg_connection, v3_schema)) == 1
    store = PostgisStore(pg_connection, v3_schema)
    assert pg_check_tables.kept_by(store)


@pytest.fixture()
def without_kept(pg_sample):
    """The sample programme on PostGIS (a schema of this test's own) without the check's kept tables."""
    store = pg_sample[1]
    drop_kept(store)
    return store


@pytest.fixture()
def reader(pg_env, without_kept):
    """A connection string (auth config) of a login that may read the programme but not create tables."""
    store = without_kept
    role = "gp_reader_" + store.schema_name
    password = os.urandom(12).hex()
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s").format(sql.Identifier(role)), (password,))
            cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
                sql.Identifier(store.schema_name), sql.Identifier(role)))
            cur.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(
                sql.Identifier(store.schema_name), sql.Identifier(role)))
        conn.commit()
    except psycopg2.errors.InsufficientPrivilege as e:
        pytest.skip("the test server's role cannot create roles: {}".format(e))
    finally:
        conn.close()
    authcfg = store_basic_login("gebiedsplugin test reader", role, password)
    uri = QgsDataSourceUri()
    uri.setConnection(pg_env["host"], pg_env["port"], pg_env["db"], "", "", QgsDataSourceUri.SslMode.SslDisable,
                      authcfg)
    yield uri.connectionInfo(False)
    pg_pool.close_all()
    unlock_auth_db().removeAuthenticationConfig(authcfg)
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(
            sql.Identifier(store.schema_name), sql.Identifier(role)))
        cur.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(
            sql.Identifier(store.schema_name), sql.Identifier(role)))
        cur.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
    conn.commit()
    conn.close()


def test_a_planner_without_the_right_is_told_the_schema(qgis_app, without_kept, reader):
    store = PostgisStore.open(reader, without_kept.schema_name)
    with pytest.raises(ProgrammeError) as refused:
        migrate.upgrade(store.path)
    text = str(refused.value)
    assert text.startswith("Your login may not create tables in the schema {}".format(store.schema_name)), text
    assert "nothing was changed" in text and "\n" not in text and "Traceback" not in text
    task = UpgradeTask(migrate.plan(store.path))
    wait_for_task(None, task, "upgrading")
    assert task.error == text and not task.cancelled
    assert not pg_check_tables.kept_by(without_kept)


def test_processing_upgrade_honours_its_feedbacks_cancel(provider, v3_copy):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    digest, files = _digest(v3_copy), _files(v3_copy.parent)
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value >= 50 else None)
    with pytest.raises(QgsProcessingException, match="cancelled, nothing was changed"):
        processing.run("gebiedsplugin:upgrade_programme", {"PROGRAMME": str(v3_copy), "BACKUP": True},
                       feedback=feedback)
    assert _digest(v3_copy) == digest and _files(v3_copy.parent) == files
