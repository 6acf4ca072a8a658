"""Schema migrations of a PostGIS programme: the schema-1 dump (made by the schema-1 code) restored,
upgraded in place, compared with a freshly created programme; backup schema, idempotence, refusals.
Run under scripts/with_postgis.sh."""

from __future__ import annotations

import pytest
from psycopg2 import sql
from qgis.core import QgsProject

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.store import migrate, pg_migrate
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from gebiedsplugin.qgis_io.store.schema_check import NeedsUpgrade
from tests.qgis.migration_checks import (
    assert_edit_bumps_version_and_audits,
    assert_fresh_layout,
    assert_new_columns_filled,
    assert_rows_kept,
    pg_layout,
    pg_rows,
)
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import postgis_source, restored_schema, run_on_server
from tests.qgis.test_schema_migration import Answers


@pytest.fixture()
def v1_schema(pg_connection, pg_schema, pg_extra_schemas):
    """The schema-1 dump restored as pg_schema; its backups are dropped after the test."""
    yield from restored_schema(pg_connection, pg_schema, pg_extra_schemas, 1)


def test_upgrade_equals_a_fresh_programme_keeps_every_row_and_backs_up(pg_connection, v1_schema, pg_extra_schemas):
    before = run_on_server(pg_connection, lambda cur: pg_rows(cur, v1_schema))  # read before the plugin touches it
    assert all("version" in r for r in before["interventions_point"])
    with pytest.raises(NeedsUpgrade):
        PostgisStore.open(pg_connection, v1_schema)

    result = migrate.upgrade(postgis_source(pg_connection, v1_schema))
    assert (result["from"], result["to"]) == (1, schema.SCHEMA_VERSION)
    assert result["backup"].startswith(v1_schema + "_v1_backup_")
    store = PostgisStore.open(pg_connection, v1_schema)
    assert store.schema_info()["schema_version"] == str(schema.SCHEMA_VERSION)
    assert store.schema_info()["migrated_from"] == "1"

    assert_fresh_layout(pg_connection, v1_schema, pg_extra_schemas)

    after = run_on_server(pg_connection, lambda cur: pg_rows(cur, v1_schema))
    assert_rows_kept(before, after, renamed={"version": schema.ROW_VERSION})
    assert_new_columns_filled(after)
    backup = run_on_server(pg_connection, lambda cur: pg_rows(cur, result["backup"]))
    assert backup == before


def test_upgrading_twice_changes_nothing(pg_connection, v1_schema):
    source = postgis_source(pg_connection, v1_schema)
    migrate.upgrade(source)

    def snapshot(cur):
        return pg_layout(cur, v1_schema), pg_rows(cur, v1_schema)

    first = run_on_server(pg_connection, snapshot)
    again = migrate.upgrade(source)
    assert again["from"] == again["to"] == schema.SCHEMA_VERSION and again["backup"] is None
    assert run_on_server(pg_connection, snapshot) == first

    def step_again(cur):  # the step itself, once more on the upgraded schema
        pg_migrate.STEPS[2](pg_migrate.Target(cur, v1_schema), {})

    run_on_server(pg_connection, step_again)
    assert run_on_server(pg_connection, snapshot) == first


def test_missing_and_mistyped_columns_are_refused_naming_them(pg_connection, v1_schema):
    def damage(cur):
        cur.execute(sql.SQL("ALTER TABLE {} DROP COLUMN amount").format(sql.Identifier(v1_schema, "funding")))
        line = sql.Identifier(v1_schema, "interventions_line")
        cur.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT ck_interventions_line_budget").format(line))
        cur.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN budget TYPE text").format(line))

    run_on_server(pg_connection, damage)
    before = run_on_server(pg_connection, lambda cur: pg_rows(cur, v1_schema))
    for attempt in (lambda: PostgisStore.open(pg_connection, v1_schema),
                    lambda: migrate.upgrade(postgis_source(pg_connection, v1_schema))):
        with pytest.raises(ProgrammeError) as refused:
            attempt()
        assert not isinstance(refused.value, NeedsUpgrade)
        assert "funding.amount: expected double precision, missing" in str(refused.value)
        assert "interventions_line.budget: expected double precision, found text" in str(refused.value)
    assert run_on_server(pg_connection, lambda cur: pg_rows(cur, v1_schema)) == before


def test_an_edit_after_the_upgrade_bumps_row_version_and_is_audited(pg_connection, v1_schema):
    migrate.upgrade(postgis_source(pg_connection, v1_schema))
    assert_edit_bumps_version_and_audits(PostgisStore.open(pg_connection, v1_schema))


def test_opening_an_older_postgis_programme_asks_once_then_upgrades(qgis_iface, pg_connection, v1_schema):
    controller = ProgrammeController(QgsProject.instance())
    source = postgis_source(pg_connection, v1_schema)
    try:
        answers = Answers(source, upgrade=True)
        assert use_programme(qgis_iface, controller.open, source, answers)
        (question,) = answers.asked
        assert v1_schema in question and v1_schema + "_v1_backup_" in question
        assert controller.store.schema_info()["schema_version"] == str(schema.SCHEMA_VERSION)
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()
