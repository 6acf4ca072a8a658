"""Each join rule builds its Finding in one place, its own module (core/rules/<rule>.finding and
stacking's count_finding / priority_finding), which the in-memory check and the PostGIS check
(qgis_io/store/pg_check.py) both call: a wording, id or place change is made once.

The database side's parity with the in-memory rules is tests/qgis/test_pg_check_parity.py (real
PostGIS); here: that pg_check makes no finding of its own, and what the builders promise the SQL side.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

from shapely.geometry import Point, box

from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.rules import budget_exceeded, duplicate_funding, stacking
from gebiedsplugin.core.rules.areas import Areas
from gebiedsplugin.core.rules.context import intervention_label
from gebiedsplugin.core.rules.texts import english

PG_CHECK = Path(__file__).resolve().parents[2] / "gebiedsplugin" / "qgis_io" / "store" / "pg_check.py"
BUILDERS = {
    "district_mismatch": {"finding"}, "unknown_programme_code": {"finding"},
    "outside_programme_period": {"finding"}, "not_in_programme": {"finding"},
    "stacking": {"count_finding", "priority_finding"}, "duplicate_funding": {"finding"},
    "budget_exceeded": {"finding"},
}


def test_the_database_check_builds_no_finding_itself():
    tree = ast.parse(PG_CHECK.read_text(encoding="utf-8"))
    imported = {(node.module, a.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for a in node.names}
    called = {(node.func.value.id, node.func.attr) for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and isinstance(node.func.value, ast.Name)}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert not {m for m, _ in imported if m and m.endswith("core.rules.texts")}
    assert not names & {"make_finding", "sorted_finding", "Batch", "message", "year_range", "fmt_dist",
                        "label_text", "Amount", "Joined"}
    for rule, builders in BUILDERS.items():
        assert {(rule, b) for b in builders} <= called, rule


def _areas() -> Areas:
    districts = [Feature({"district_id": "west", "name": "West"}, box(0, 0, 1000, 1000), "districts", 1)]
    nbhs = [Feature({"neighbourhood_id": "w1", "name": "Wijk Een", "district_id": "west"},
                    box(0, 0, 500, 500), "neighbourhoods", 1)]
    return Areas(districts, nbhs)


def test_a_duplicate_pair_reads_smaller_uid_first_whichever_comes_first():
    a = duplicate_funding.Party("u-a", "'Tuin'", "west", ["municipality"])
    b = duplicate_funding.Party("u-b", "u-b", "oost", ["province", "rijk"])
    ab = duplicate_funding.finding(a, b, "green", 10.0, 2025, 2026, None)
    ba = duplicate_funding.finding(b, a, "green", 10.0, 2025, 2026, None)
    assert ab == ba
    assert ab.subject_uids == ("u-a", "u-b") and ab.district_id == "west"
    assert ab.finding_id == "duplicate_funding:" + hashlib.sha1(b"u-a|u-b#").hexdigest()[:16]
    assert english(ab.message) == ("'Tuin' and u-b: same theme (Green and water) within 10 m in 2025-2026, paid by "
                                   "different funders (Municipality / Province, rijk): combine or remove the "
                                   "duplicate")


def test_stacking_count_lies_on_the_neighbourhood_else_the_box_given():
    areas = _areas()
    fallback = box(700, 700, 800, 800)
    on_nbh = stacking.count_finding(areas, "w1", 2026, 5, 2, 3.0, ["c", "a", "b", "d", "e"], "oost", fallback)
    assert on_nbh.geometry.equals(box(0, 0, 500, 500)) and on_nbh.district_id == "west"
    assert on_nbh.certainty == "possible" and on_nbh.subject_uids == ("a", "b", "c", "d", "e")
    assert english(on_nbh.message).startswith("5 interventions in neighbourhood Wijk Een in 2026 (more than 3), 2 ")
    unknown = stacking.count_finding(areas, "x9", 2026, 5, 1, 3.0, ["a", "b", "c", "d", "e"], "oost", fallback)
    assert unknown.geometry is fallback and unknown.district_id == "oost" and unknown.certainty == "certain"


def test_priority_without_a_place_lies_on_its_district():
    f = stacking.priority_finding(_areas(), "u1", intervention_label("u1", None), "west", "green", None)
    assert f.geometry.equals(box(0, 0, 1000, 1000)) and f.severity == "info"
    assert english(f.message) == "u1: theme Green and water is not a priority in the area goals of district West"
    g = stacking.priority_finding(_areas(), "u1", intervention_label("u1", "Tuin"), "west", "green",
                                  Point(1, 1))
    assert g.geometry.equals(Point(1, 1)) and english(g.message).startswith("'Tuin': theme")


def test_budget_amounts_and_difference_from_the_facts():
    f = budget_exceeded.finding(_areas(), "west", 2027, 1250000.4, 1000000, ["b", "a"])
    assert english(f.message) == ("Planned money in district West in 2027: 1,250,000 EUR exceeds the area "
                                  "budget of 1,000,000 EUR by 250,000 EUR")
    assert f.subject_uids == ("a", "b") and f.finding_id == "budget_exceeded:" + hashlib.sha1(
        b"a|b#west|2027").hexdigest()[:16]
