"""Schema migrations of a GeoPackage programme: the schema-1 fixture (made by the schema-1 code) upgraded
in place equals a freshly created programme, keeps every row, has a backup, and is refused when broken.
The PostGIS counterpart is test_schema_migration_postgis.py."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_actions import open_programme
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.store import gpkg_migrate, migrate
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.schema_check import NeedsUpgrade
from gebiedsplugin.qgis_io.store.versions import V1_COLUMNS
from tests.qgis.migration_checks import (
    assert_edit_bumps_version_and_audits,
    assert_new_columns_filled,
    assert_rows_kept,
    gpkg_layout,
    gpkg_rows,
    gpkg_snapshot,
)

FIXTURE_V1 = Path(__file__).resolve().parent.parent / "fixtures" / "programme_v1.gpkg"


@pytest.fixture()
def v1_copy(tmp_path, qgis_app):
    target = tmp_path / "programma.gpkg"
    shutil.copy(FIXTURE_V1, target)
    return target


def _digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _backups(folder) -> list:
    return sorted(Path(folder).glob("*_v1_backup_*.gpkg"))


def test_the_v1_fixture_is_what_schema_1_made():
    conn = sqlite3.connect(str(FIXTURE_V1))
    try:
        assert dict(conn.execute("SELECT key, value FROM schema_info"))["schema_version"] == "1"
        for table, names in V1_COLUMNS.items():
            found = [r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]
            assert [n for n in found if n not in ("fid", "geom")] == list(names), table
    finally:
        conn.close()


def test_upgrade_equals_a_fresh_programme_keeps_every_row_and_backs_up(v1_copy, tmp_path):
    before = gpkg_rows(FIXTURE_V1)  # read independently, from the fixture itself
    with pytest.raises(NeedsUpgrade) as refused:
        GpkgStore.open(v1_copy)
    assert "upgrade_programme" in str(refused.value) and "1" in str(refused.value)

    result = migrate.upgrade(str(v1_copy))
    assert (result["from"], result["to"]) == (1, schema.SCHEMA_VERSION)
    store = GpkgStore.open(v1_copy)  # opens without a word now
    info = store.schema_info()
    assert info["schema_version"] == str(schema.SCHEMA_VERSION) and info["migrated_from"] == "1"
    assert info["migrated_at"]

    fresh = GpkgStore.create(tmp_path / "nieuw.gpkg").path
    upgraded, new = gpkg_layout(v1_copy), gpkg_layout(fresh)
    assert upgraded["objects"] == new["objects"]  # tables, indexes, triggers (names)
    assert upgraded["columns"] == new["columns"]  # names, declared types, NOT NULL
    assert upgraded["contents"] == new["contents"]  # audit_log registered like a fresh one

    after = gpkg_rows(v1_copy)
    assert_rows_kept(before, after)
    assert_new_columns_filled(after)
    assert {r[schema.ROW_VERSION] for t in schema.VERSIONED_TABLES for r in after[t]} == {1}

    backups = _backups(tmp_path)
    assert [str(b) for b in backups] == [result["backup"]]
    assert gpkg_rows(backups[0]) == before
    check = subprocess.run([sys.executable, "-m", "osgeo_utils.samples.validate_gpkg", str(v1_copy)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    conn = sqlite3.connect(str(v1_copy))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = dict(conn.execute("SELECT table_name, feature_count FROM gpkg_ogr_contents"))
        assert all(counts[t] in (None, len(after[t])) for t in after)  # NULL: GDAL counts itself
    finally:
        conn.close()


def test_upgrading_twice_changes_nothing(v1_copy, tmp_path):
    migrate.upgrade(str(v1_copy))
    first = gpkg_snapshot(v1_copy)
    again = migrate.upgrade(str(v1_copy))
    assert again["from"] == again["to"] == schema.SCHEMA_VERSION and again["backup"] is None
    assert gpkg_snapshot(v1_copy) == first
    assert len(_backups(tmp_path)) == 1
    # The step itself is idempotent too: run it again on the upgraded file, in a transaction.
    conn = gpkg_migrate.connect(str(v1_copy))
    try:
        conn.execute("BEGIN IMMEDIATE")
        gpkg_migrate.STEPS[2](conn, {})
        conn.execute("COMMIT")
    finally:
        conn.close()
    assert gpkg_snapshot(v1_copy) == first


def _alter(path, *statements) -> None:
    conn = sqlite3.connect(str(path))
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_missing_and_mistyped_columns_are_refused_naming_them(v1_copy, tmp_path):
    _alter(v1_copy, 'ALTER TABLE funding DROP COLUMN amount',
           'ALTER TABLE interventions_point RENAME COLUMN budget TO budget_old',
           'ALTER TABLE interventions_point ADD COLUMN budget TEXT')
    digest = _digest(v1_copy)
    for attempt in (lambda: GpkgStore.open(v1_copy), lambda: migrate.upgrade(str(v1_copy))):
        with pytest.raises(ProgrammeError) as refused:
            attempt()
        assert not isinstance(refused.value, NeedsUpgrade)
        message = str(refused.value)
        assert "funding.amount: expected REAL, missing" in message
        assert "interventions_point.budget: expected REAL, found TEXT" in message
    assert _digest(v1_copy) == digest and not _backups(tmp_path)

    current = GpkgStore.create(tmp_path / "huidig.gpkg").path  # the current version is checked as well
    _alter(current, "ALTER TABLE value_lists DROP COLUMN label_nl")
    with pytest.raises(ProgrammeError, match=r"value_lists\.label_nl: expected TEXT, missing"):
        GpkgStore.open(current)


def test_a_newer_programme_is_refused_as_before(tmp_path, qgis_app):
    newer = GpkgStore.create(tmp_path / "nieuwer.gpkg").path
    _alter(newer, "UPDATE schema_info SET value = '{}' WHERE key = 'schema_version'".format(schema.SCHEMA_VERSION + 1))
    digest = _digest(newer)
    with pytest.raises(ProgrammeError, match="newer version of the plugin"):
        GpkgStore.open(newer)
    with pytest.raises(ProgrammeError, match="newer version of the plugin"):
        migrate.upgrade(newer)
    assert _digest(newer) == digest


def test_an_edit_after_the_upgrade_bumps_row_version_and_is_audited(v1_copy):
    migrate.upgrade(str(v1_copy))
    assert_edit_bumps_version_and_audits(GpkgStore.open(v1_copy))


class Answers(Prompts):
    """Answers the file question and the upgrade question; remembers what it was asked."""

    def __init__(self, path: str, upgrade: bool):
        super().__init__(None)
        self.path, self.upgrade, self.asked = path, upgrade, []

    def open_path(self, start: str = "") -> str:
        return self.path

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.upgrade


def test_opening_an_older_programme_asks_once_then_upgrades_and_opens(qgis_iface, v1_copy, tmp_path):
    controller = ProgrammeController(QgsProject.instance())
    try:
        digest = _digest(v1_copy)
        declined = Answers(str(v1_copy), upgrade=False)
        assert not open_programme(qgis_iface, controller, declined)
        assert len(declined.asked) == 1 and controller.store is None
        assert _digest(v1_copy) == digest and not _backups(tmp_path)

        accepted = Answers(str(v1_copy), upgrade=True)
        assert open_programme(qgis_iface, controller, accepted)
        (question,) = accepted.asked
        backups = _backups(tmp_path)
        assert len(backups) == 1
        for part in (str(v1_copy), "1", str(schema.SCHEMA_VERSION), backups[0].name):
            assert part in question
        assert controller.store.schema_info()["schema_version"] == str(schema.SCHEMA_VERSION)
        assert controller.layer("interventions_point") is not None
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()


def test_processing_refuses_an_older_programme_and_upgrade_programme_upgrades_it(provider, v1_copy, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="upgrade_programme"):
        processing.run("gebiedsplugin:check_programme", {"PROGRAMME": str(v1_copy)})
    result = processing.run("gebiedsplugin:upgrade_programme", {"PROGRAMME": str(v1_copy), "BACKUP": True})
    assert result["OUTPUT"] == str(v1_copy) and Path(result["BACKUP_COPY"]).is_file()
    assert GpkgStore.open(v1_copy).schema_info()["schema_version"] == str(schema.SCHEMA_VERSION)
    again = processing.run("gebiedsplugin:upgrade_programme", {"PROGRAMME": str(v1_copy), "BACKUP": True})
    assert again["BACKUP_COPY"] == "" and len(_backups(tmp_path)) == 1
