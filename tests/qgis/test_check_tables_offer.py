"""A PostGIS programme made before the check's kept tables (store/pg_check_tables.py) is offered them quietly
when it is opened: once per programme per session, in the message bar, added in a task with progress and
cancel (a cancel rolls back: nothing changed); a planner without the right to create tables is told which
schema, not shown a traceback."""

from __future__ import annotations

import os
import time

import psycopg2.errors
import pytest
from psycopg2 import sql
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProject
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.gui.programme_actions import add_check_tables, offer_check_tables, use_programme
from gebiedsplugin.qgis_io.check_tables_task import CheckTablesTask
from gebiedsplugin.qgis_io.store import migrate, pg_check_tables, pg_pool
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import unlock_auth_db
from tests.qgis.test_pg_check_kept import drop_kept


@pytest.fixture()
def without_kept(pg_sample):
    """The sample programme on PostGIS (a schema of this test's own) as one made before the kept tables."""
    store = pg_sample[1]
    drop_kept(store)
    return store


def _interventions(store) -> int:
    return sum(store.counts()[t] for t in ("interventions_point", "interventions_line", "interventions_polygon"))


def _kept_rows(store):
    """Rows of the kept interventions table, or None when it is not there (asked with a connection of its own)."""
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT to_regclass(%s)", ("{}.check_interventions".format(store.schema_name),))
            if cur.fetchone()[0] is None:
                return None
            cur.execute(sql.SQL("SELECT count(*) FROM {}").format(
                sql.Identifier(store.schema_name, "check_interventions")))
            return cur.fetchone()[0]
    finally:
        conn.close()


def _ended(task) -> list:
    """A list that gets *task* once its on_done has run (wrapped before any event is processed)."""
    ended = []
    told = task.on_done
    task.on_done = lambda t: (told(t), ended.append(t))
    return ended


def _wait(ended) -> None:
    """Process events (as QGIS's main loop would) until the task's on_done has run."""
    for _ in range(12000):
        QCoreApplication.processEvents()
        if ended:
            return
        time.sleep(0.01)
    pytest.fail("the task did not end")


def _offers(iface, store) -> list:
    """The offers in the message bar for *store*'s schema (the bar is shared by the tests of a session)."""
    return [item for item in iface.messageBar().items()
            if item.objectName() == "gebiedsplugin_check_tables_offer" and store.schema_name in item.text()]


def test_opening_offers_once_and_the_button_adds_them_in_a_task(plugin, without_kept):
    store = without_kept
    assert _kept_rows(store) is None
    assert use_programme(plugin.iface, plugin.controller.open, store.path)
    offers = _offers(plugin.iface, store)
    assert len(offers) == 1
    assert store.schema_name in offers[0].text() and "right to create tables" in offers[0].text()
    # once per programme per session: opened again, nothing more is offered
    assert offer_check_tables(plugin.iface, store) is None
    button = offers[0].findChild(QPushButton, "gebiedsplugin_check_tables_button")
    button.click()
    task = next(t for t in QgsApplication.taskManager().tasks() if isinstance(t, CheckTablesTask))
    _wait(_ended(task))
    assert not _offers(plugin.iface, store)  # the button took the offer away
    assert task.error == "" and task.result["check_tables"]
    assert pg_check_tables.kept_by(store)
    assert _kept_rows(store) == _interventions(store) > 0
    QgsProject.instance().clear()


def test_nothing_is_offered_where_nothing_is_missing(plugin, pg_sample, sample_gpkg):
    store = pg_sample[1]
    assert offer_check_tables(plugin.iface, store) is None  # made with them
    assert offer_check_tables(plugin.iface, GpkgStore.open(sample_gpkg[0])) is None


def test_cancel_rolls_back(plugin, without_kept):
    store = without_kept
    task = add_check_tables(plugin.iface, store.path)
    ended = _ended(task)
    task.cancel()  # queued or running: either way it ends cancelled, in its transaction
    _wait(ended)
    assert "cancelled" in task.error and "nothing was changed" in task.error
    assert _kept_rows(store) is None and not pg_check_tables.kept_by(store)
    # a cancel between two statements of the upgrade: rolled back as well
    steps = []
    with pytest.raises(Cancelled):
        migrate.upgrade(store.path, cancelled=lambda: len(steps) > 3, progress=steps.append)
    assert steps and steps[-1] < 100
    assert _kept_rows(store) is None and not pg_check_tables.kept_by(store)


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
    manager = unlock_auth_db()
    config = QgsAuthMethodConfig("Basic")
    config.setName("gebiedsplugin test reader")
    config.setConfig("username", role)
    config.setConfig("password", password)
    ok, stored = manager.storeAuthenticationConfig(config)
    assert ok
    uri = QgsDataSourceUri()
    uri.setConnection(pg_env["host"], pg_env["port"], pg_env["db"], "", "", QgsDataSourceUri.SslMode.SslDisable,
                      stored.id())
    yield uri.connectionInfo(False)
    pg_pool.close_all()
    manager.removeAuthenticationConfig(stored.id())
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(
            sql.Identifier(store.schema_name), sql.Identifier(role)))
        cur.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(
            sql.Identifier(store.schema_name), sql.Identifier(role)))
        cur.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
    conn.commit()
    conn.close()


def test_a_planner_without_the_right_is_told_the_schema(plugin, without_kept, reader):
    store = PostgisStore.open(reader, without_kept.schema_name)
    item = offer_check_tables(plugin.iface, store)
    assert item is not None  # offered to everyone: the message says who may do it
    with pytest.raises(ProgrammeError) as refused:
        migrate.upgrade(store.path)
    text = str(refused.value)
    assert text.startswith("Your login may not create tables in the schema {}".format(store.schema_name)), text
    assert "nothing was changed" in text and "\n" not in text and "Traceback" not in text
    task = add_check_tables(plugin.iface, store.path)
    _wait(_ended(task))
    assert task.error == text
    assert _kept_rows(without_kept) is None


def test_the_check_dock_offers_them_to_a_programme_not_offered_at_open(plugin, without_kept):
    """A programme that came in without the open's offer (controller.open, as a reopened project adopts it):
    the check dock's check, which copies then, offers them when it is done, once."""
    from tests.qgis.test_check_dock import _wait as wait_for_check

    store = without_kept
    plugin.controller.open(store.path)
    assert not _offers(plugin.iface, store)
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_check_dock")
    assert dock.run_check(), dock.last_error
    wait_for_check(dock)
    assert dock.last_error == "" and dock.last_result is not None
    offers = _offers(plugin.iface, store)
    assert len(offers) == 1 and store.schema_name in offers[0].text()
    assert dock.run_check(), dock.last_error
    wait_for_check(dock)
    assert len(_offers(plugin.iface, store)) == 1  # not a second time
    QgsProject.instance().clear()
