"""What the parity tests compare: the check where a PostGIS programme lives (store/pg_check.py) against
the in-memory rules on the same programme (tests/qgis/test_pg_check_parity.py, test_pg_check_kept.py,
test_pg_check_uid_twice.py)."""

from __future__ import annotations

import shapely
from shapely.geometry import box

from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.rules import run_rules
from gebiedsplugin.core.rules.texts import render
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store import pg_check
from gebiedsplugin.toolbelt.rule_texts import rule_texts

# Two districts side by side, one neighbourhood each: the planted programmes' areas
WEST, EAST = box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)


def two_districts() -> Programme:
    """A programme (EPSG:28992) with only the areas: districts `west` (West) and `east` (Oost), neighbourhoods
    `w1` (Westbuurt) and `e1` (Oostbuurt) covering them."""
    p = Programme(crs="EPSG:28992")
    p.districts = [Feature({"district_id": "west", "name": "West"}, shapely.MultiPolygon([WEST]), "districts"),
                   Feature({"district_id": "east", "name": "Oost"}, shapely.MultiPolygon([EAST]), "districts")]
    p.neighbourhoods = [
        Feature({"neighbourhood_id": "w1", "name": "Westbuurt", "district_id": "west"},
                shapely.MultiPolygon([WEST]), "neighbourhoods"),
        Feature({"neighbourhood_id": "e1", "name": "Oostbuurt", "district_id": "east"},
                shapely.MultiPolygon([EAST]), "neighbourhoods")]
    return p


def finding_key(f) -> tuple:
    """All a finding says, in English and as the register writes it in Dutch."""
    return (f.rule, f.finding_id, f.severity, f.district_id, f.subject_uids, f.certainty,
            render(f.message, "en"), rule_texts("nl").message(f))


def in_memory(store) -> list:
    return run_rules(store.read_programme(), pg_check.IN_DATABASE)


def in_database(store) -> list:
    found, _ = pg_check.run_in_database(store, pg_check.IN_DATABASE, None, store.settings())
    return found


def same_place(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return shapely.symmetric_difference(a, b).area <= 1e-6 * max(a.area, 1.0)


def assert_parity(store) -> list:
    """The join rules find the same in the database as in memory (all a finding says, and its place);
    the database's findings."""
    memory, database = in_memory(store), in_database(store)
    assert [finding_key(f) for f in database] == [finding_key(f) for f in memory]
    moved = [f.finding_id for f, g in zip(database, memory) if not same_place(f.geometry, g.geometry)]
    assert moved == []
    return database


def assert_same_as_in_memory(findings, store) -> None:
    """*findings* say all that every rule finds in memory on *store*'s programme, in the same order."""
    assert [finding_key(f) for f in findings] == [finding_key(f) for f in run_rules(store.read_programme())]


def assert_whole_check_parity(store) -> list:
    """run_check on PostGIS (the join rules in SQL, the selection of rows for the rest) finds what every
    rule finds in memory on the whole programme; its findings."""
    result = run_check(CheckRequest(store.path, write=False, in_database=True))
    assert "in_database" in result.timings
    assert_same_as_in_memory(result.findings, store)
    return result.findings
