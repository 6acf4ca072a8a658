"""The check where a PostGIS programme lives (store/pg_check.py) finds exactly what the in-memory
rules find on the same programme: ids, subjects, messages (English and Dutch), severity, district,
certainty, and the finding's place. On Voorbeeldstad and on a planted programme of edge cases whose
expected findings are worked out by hand below.
"""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import LineString, Point, box

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.rules import run_rules
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store import pg_check
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.check_parity import assert_parity, assert_same_as_in_memory, finding_key, two_districts
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


def test_sample_city_same_findings_in_the_database(pg_sample):
    _, store, _ = pg_sample
    found = assert_parity(store)
    rules = {f.rule for f in found}
    # the sample plants each of these (core/sample_planted.py): the comparison is not over nothing
    assert {"district_mismatch", "unknown_programme_code", "outside_programme_period", "not_in_programme",
            "stacking", "duplicate_funding", "budget_exceeded"} <= rules


def test_sample_city_whole_check_same_as_in_memory(pg_sample):
    """run_check on PostGIS (join rules in SQL, the other rules on the columns they read) finds what
    every rule finds in memory on the whole programme."""
    _, store, _ = pg_sample
    result = run_check(CheckRequest(store.path, write=False, in_database=True))
    assert "in_database" in result.timings
    assert_same_as_in_memory(result.findings, store)
    assert result.interventions == store.counts()["interventions_point"] + store.counts()[
        "interventions_line"] + store.counts()["interventions_polygon"]


# --- a planted programme: two districts side by side, one neighbourhood each -----------------------
def _inter(uid, geom, **attrs) -> Feature:
    base = {"uid": uid, "title": attrs.pop("title", uid.upper()), "domain": "physical", "kind": "maintenance",
            "theme": "greenery", "district_id": "west", "neighbourhood_id": "w1", "start_year": 2026,
            "end_year": 2026, "status": "planned"}
    base.update(attrs)
    table = {"Point": "interventions_point", "LineString": "interventions_line"}.get(geom.geom_type,
                                                                                     "interventions_polygon")
    if geom.geom_type == "LineString":
        geom = shapely.MultiLineString([geom])
    elif geom.geom_type == "Polygon":
        geom = shapely.MultiPolygon([geom])
    return Feature(base, geom, table)


def _project(code, geom, start, end, status="planned") -> Feature:
    return Feature({"programme_code": code, "title": "Project " + code, "theme": "greenery", "district_id": "west",
                    "start_year": start, "end_year": end, "status": status},
                   shapely.MultiPolygon([geom]), "programme_projects_polygon")


def planted() -> Programme:
    p = two_districts()
    # P1 covers the square 100..300 in 2025-2027; P2 2026 only; P3 cancelled
    p.projects = [_project("P1", box(100, 100, 300, 300), 2025, 2027),
                  _project("P2", box(600, 600, 700, 700), 2026, 2026),
                  _project("P3", box(800, 100, 900, 200), 2020, 2030, status="cancelled")]
    items = [
        # not_in_programme: exactly 25 m from P1 counts as within; 25.5 m not; years must meet
        _inter("n-at-25", Point(325, 200)),
        _inter("n-beyond", Point(325.5, 200)),
        _inter("n-year-edge", Point(200, 200), start_year=2027, end_year=2029),  # meets 2027: covered
        _inter("n-year-out", Point(200, 210), start_year=2028, end_year=2029),  # no overlap: finding
        _inter("n-cancelled-proj", Point(850, 150)),  # only a cancelled project: finding
        # programme codes: unknown, outside the period, at the period's edges
        _inter("c-unknown", Point(500, 500), programme_code=" P9 "),
        _inter("c-inside", Point(510, 500), programme_code="P1", start_year=2025, end_year=2027),
        _inter("c-before", Point(520, 500), programme_code="P1", start_year=2024, end_year=2026),
        _inter("c-after", Point(530, 500), programme_code="P2", start_year=2026, end_year=2027, start_quarter=4,
               end_quarter=1, indicative=True),
        # district mismatch: a point on the shared border is in both (no finding); a line mostly east
        _inter("d-border", Point(1000, 500), district_id="east", neighbourhood_id="e1", programme_code="P1",
               start_year=2025),
        _inter("d-wrong", Point(1500, 500), district_id="west", neighbourhood_id="e1", programme_code="P1",
               start_year=2025),
        _inter("d-line", LineString([(900, 50), (1300, 50)]), district_id="west", neighbourhood_id="e1",
               programme_code="P1", start_year=2025),
        _inter("d-citywide", Point(1600, 500), district_id="west", city_wide=True, programme_code="P1",
               start_year=2025),
        _inter("d-touch", box(1000, 800, 1100, 900), district_id="east", neighbourhood_id="e1", programme_code="P1",
               start_year=2025),
        _inter("d-none", Point(1700, 500), district_id=None, neighbourhood_id="e1", programme_code="P1",
               start_year=2025),
        # duplicate funding: same theme within 10 m, overlapping years, different funders
        _inter("f-a", Point(1500, 100), district_id="east", neighbourhood_id="e1", funder="municipality",
               programme_code="P1", start_year=2025),
        _inter("f-b", Point(1510, 100), district_id="east", neighbourhood_id="e1", funder="province",
               programme_code="P1", start_year=2025),
        _inter("f-c", Point(1500, 110.5), district_id="east", neighbourhood_id="e1", funder="province",
               programme_code="P1", start_year=2025),  # 10.5 m from f-a, same funder as f-b: nothing
        _inter("f-d", Point(1600, 100), district_id="east", neighbourhood_id="e1", funder="municipality",
               programme_code="P1", start_year=2025),
        _inter("f-e", Point(1600, 105), district_id="east", neighbourhood_id="e1", programme_code="P1",
               start_year=2025),  # funder only by a funding row: national
        _inter("f-f", Point(1700, 100), district_id="east", neighbourhood_id="e1", funder="municipality",
               programme_code="P1", start_year=2025),
        _inter("f-g", Point(1705, 100), district_id="east", neighbourhood_id="e1", funder="province",
               programme_code="P1", start_year=2025),  # linked combines_with f-f: nothing
        # a chain 8 m apart on one theme (one cluster of the database's pair search): only neighbours are
        # pairs, x-1 and x-4 (24 m, different funders) are not; only x-3 / x-4 differ in funder
        *[_inter("x-{}".format(k + 1), Point(1500 + 8 * k, 700), district_id="east", neighbourhood_id="e1",
                 funder="province" if k == 3 else "municipality", programme_code="P1", start_year=2025)
          for k in range(4)],
        # budget: east 2027 has 100; f-h's budget 300 over 2026-2028 gives 100 a year, plus f-i's funding row
        _inter("f-h", Point(1800, 300), district_id="east", neighbourhood_id="e1", budget=300.0, domain="social",
               start_year=2026, end_year=2028),
        _inter("f-i", Point(1810, 300), district_id="east", neighbourhood_id="e1", budget=999.0, domain="social",
               start_year=2027, end_year=2027),
    ]
    # stacking in w1 2030: exactly 3 (the limit) firm plus 1 indicative: possible; 2031: 4 firm: certain
    for k in range(4):
        items.append(_inter("s30-{}".format(k), Point(50 + k, 900), domain="social", start_year=2030, end_year=2030,
                            indicative=k == 3))
        items.append(_inter("s31-{}".format(k), Point(50 + k, 950), domain="social", start_year=2031, end_year=2031,
                            neighbourhood_id=None if k == 0 else "w1", start_quarter=3))
    p.interventions = items
    p.funding = [{"intervention_uid": "f-e", "year": 2025, "funder": "national", "amount": 10.0},
                 {"intervention_uid": "f-i", "year": 2027, "funder": "national", "amount": 50.0}]
    p.links = [{"from_uid": "f-g", "to_uid": "f-f", "relation": "combines_with"}]
    p.area_budgets = [{"district_id": "east", "year": 2027, "amount": 100.0},
                      {"district_id": "east", "year": 2026, "amount": 100.0}]
    p.area_goals = [{"district_id": "east", "theme": "greenery", "priority": 0}]
    p.settings = {"stacking_max": "3"}
    return p


@pytest.fixture()
def planted_store(pg_connection, pg_schema):
    return PostgisStore.create(pg_connection, pg_schema, programme=planted())


def test_planted_edges_same_findings_in_the_database(planted_store):
    found = assert_parity(planted_store)
    by_rule: dict = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(f)

    def subjects(rule, extra=None):
        return sorted(f.subject_uids for f in by_rule.get(rule, []) if extra is None or extra in f.finding_id)

    assert subjects("not_in_programme") == [("n-beyond",), ("n-cancelled-proj",), ("n-year-out",)]
    assert subjects("unknown_programme_code") == [("c-unknown",)]
    assert subjects("outside_programme_period") == [("c-after",), ("c-before",)]
    assert subjects("district_mismatch") == [("d-line",), ("d-none",), ("d-wrong",)]
    assert subjects("duplicate_funding") == [("f-a", "f-b"), ("f-d", "f-e"), ("x-3", "x-4")]
    budget = by_rule["budget_exceeded"]
    assert [(f.subject_uids, f.message_en) for f in budget] == [
        (("f-h", "f-i"),
         "Planned money in district Oost in 2027: 150 EUR exceeds the area budget of 100 EUR by 50 EUR")]
    counts = sorted((year, f.certainty, len(f.subject_uids)) for f in by_rule["stacking"] for year in ("2030", "2031")
                    if "neighbourhood Westbuurt in {} ".format(year) in f.message_en)
    assert counts == [("2030", "possible", 4), ("2031", "certain", 4)]
    priority = sorted(f.subject_uids[0] for f in by_rule["stacking"] if f.severity == "info")
    assert priority and all(u.startswith(("d-", "f-", "x-")) for u in priority)


def test_district_mismatch_looks_closer_only_at_what_meets_another_district(planted_store):
    """The interventions district_mismatch computes shares for (gp_dm): the planted ones that touch or
    cross into a district not their own, or have none; not the many that lie inside their own
    (worked out by hand from planted(): the districts are single squares, so one piece each)."""
    import psycopg2

    from gebiedsplugin.qgis_io.store import pg_check_sql as q

    conn = planted_store.connect()
    try:
        conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
        with conn.cursor() as cur:
            for statement in q.SESSION + q.FUNCTIONS + q.snapshot(planted_store.schema_name) + q.DISTRICT_CANDIDATES:
                cur.execute(statement)
            cur.execute("SELECT i.uid FROM gp_dm JOIN gp_i i USING (n) ORDER BY 1")
            looked_at = [r[0] for r in cur.fetchall()]
        conn.rollback()
    finally:
        conn.close()
    # d-border lies on the shared border, d-touch shares an edge with the west, d-wrong and d-line lie
    # (partly) in the east but say west, d-none names no district; d-citywide is not checked
    assert looked_at == ["d-border", "d-line", "d-none", "d-touch", "d-wrong"]


def test_check_runs_the_join_rules_in_the_database(planted_store):
    """run_check on PostGIS: the join rules in SQL, the rest in memory, the register as before."""
    result = run_check(CheckRequest(planted_store.path, in_database=True))
    memory = run_rules(planted_store.read_programme())
    assert [finding_key(f) for f in result.findings] == [finding_key(f) for f in memory]
    assert not any("in memory" in n for n in result.notes) and "in_database" in result.timings
    assert len(planted_store.findings_register().rows()) == len(memory)


def test_server_without_what_it_needs_runs_in_memory_and_says_so(planted_store, monkeypatch):
    conn = planted_store.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT postgis_lib_version()")
        real = cur.fetchone()[0]
    conn.close()
    monkeypatch.setattr(pg_check, "MIN_POSTGIS", (99, 0))
    result = run_check(CheckRequest(planted_store.path, write=False, in_database=True))
    assert [n for n in result.notes if "in memory" in n] == [
        "The check ran every rule in memory: PostGIS {} is older than 99.0.".format(real)]
    assert_same_as_in_memory(result.findings, planted_store)


def test_a_small_postgis_programme_checks_in_memory_by_default(planted_store):
    """Below IN_DATABASE_FROM interventions the faster in-memory path runs (#18's figures); same findings."""
    from gebiedsplugin.qgis_io.check_task import IN_DATABASE_FROM

    assert sum(planted_store.counts()[t] for t in schema.INTERVENTION_TABLES) < IN_DATABASE_FROM
    result = run_check(CheckRequest(planted_store.path, write=False))
    assert "in_database" not in result.timings
    assert_same_as_in_memory(result.findings, planted_store)


def test_a_server_error_in_a_join_rule_runs_every_rule_in_memory(planted_store, monkeypatch):
    """The join rules run on a helper thread beside the in-memory ones; when the server fails one of
    their statements (here a real division by zero on the server), the run still ends with every rule's
    findings, all computed in memory, and says so."""
    def failing(cur, *_args):
        cur.execute("SELECT 1 / 0")
        return []

    monkeypatch.setitem(pg_check._RULES, "budget_exceeded", failing)
    result = run_check(CheckRequest(planted_store.path, write=False, in_database=True))
    assert [n for n in result.notes if "in memory" in n] == ["The check ran every rule in memory: division by zero"]
    assert "in_database" not in result.timings
    assert_same_as_in_memory(result.findings, planted_store)


def test_cancel_while_the_server_works_stops_the_run(planted_store):
    """Cancelled while the join rules run on the helper thread: the run raises Cancelled, writes nothing."""
    from gebiedsplugin.core.rules import Cancelled

    before = planted_store.findings_register().rows()
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        run_check(CheckRequest(planted_store.path, in_database=True), cancelled=cancelled)
    assert planted_store.findings_register().rows() == before


def test_pairs_in_a_big_cluster_are_found_through_the_index(planted_store, monkeypatch):
    """Duplicate funding's pairs come from clusters of candidates; a cluster above BIG_CLUSTER members is
    searched through a GiST index instead of pair by pair. With every cluster "big", the same findings."""
    from gebiedsplugin.qgis_io.store import pg_check_duplicates

    monkeypatch.setattr(pg_check_duplicates, "BIG_CLUSTER", 1)
    found = assert_parity(planted_store)
    assert sorted(f.subject_uids for f in found if f.rule == "duplicate_funding") == [
        ("f-a", "f-b"), ("f-d", "f-e"), ("x-3", "x-4")]


# --- the rules left in memory read only the rows they can find something in -------------------------
# Pairs (conflict, rest_period, combination_chance: defaults 10 m, 5 years, 25 m / 3 years) in the west;
# data_quality's cases in the east. The city is the two districts together (no `city` row).
def _near(uid, x, y, **attrs) -> Feature:
    return _inter(uid, Point(x, y), **attrs)


def _q(uid, geom, **attrs) -> Feature:
    attrs = dict({"domain": "social", "district_id": "east", "neighbourhood_id": "e1"}, **attrs)
    return _inter(uid, geom, **attrs)


def planted_rest() -> Programme:
    p = planted()
    p.projects = [_project("P-ok", box(1100, 300, 1200, 400), 2026, 2026),
                  _project("P-blank", box(1300, 300, 1400, 400), 2026, 2026),
                  _project("P-out", box(2100, 0, 2200, 100), 2026, 2026)]
    p.projects[1].attrs["title"] = "  "
    p.interventions = [
        # conflict: exactly 10 m (found); 10.5 m (not); an indicative one (possible); both done (not);
        # a domain with a no-break space (physical after all); a cancelled one (not a work)
        _near("k-a", 100, 100), _near("k-b", 110, 100),
        _near("k-c", 300, 100), _near("k-d", 310.5, 100),
        _near("k-e", 500, 100), _near("k-f", 505, 100, indicative=True),
        _near("k-g", 700, 100, status="done"), _near("k-h", 702, 100, status="done"),
        _near("k-i", 100, 200, domain="physical\u00a0"), _near("k-j", 105, 200),
        _near("k-k", 300, 200, status=" cancelled "), _near("k-l", 305, 200),
        # rest period 5 years: 3 years after a done work (found); exactly 5 (not); 2 years at exactly 10 m
        _near("r-a", 100, 300, start_year=2020, end_year=2020, status="done"),
        _near("r-b", 105, 300, start_year=2023, end_year=2023),
        _near("r-c", 300, 300, start_year=2020, end_year=2020), _near("r-d", 305, 300, start_year=2025, end_year=2025),
        _near("r-e", 500, 300, start_year=2020, end_year=2020), _near("r-f", 500, 310, start_year=2022, end_year=2022),
        # combination chances: two streets 20 m apart + a point 20 m further 3 years later (one group of
        # three, best pair 40 + 30 + 30); two points exactly 25 m apart (0 + 30 + 27); 25.5 m (nothing)
        _inter("c-a", LineString([(100, 500), (200, 500)]), theme="sewer", lead_party="A"),
        _inter("c-b", LineString([(100, 520), (200, 520)]), theme="mobility", lead_party="B"),
        _near("c-c", 150, 540, theme="green", lead_party="C", start_year=2029, end_year=2029),
        _near("c-d", 700, 500, theme="sewer", lead_party="A"), _near("c-e", 725, 500, theme="green", lead_party="B"),
        _near("c-f", 900, 500, theme="sewer", lead_party="A"), _near("c-g", 925.5, 500, theme="green", lead_party="B"),
        # data quality
        _q("q-blank", Point(1100, 100), title="\u00a0"),
        _q("q-dup", Point(1200, 100)), _q(" q-dup\u2003", Point(1210, 100), title="Q-DUP 2"),
        _q("q-edge", Point(2000, 500)), _q("q-near", Point(2000.5, 500)), _q("q-out", Point(2002, 500)),
        _q("q-bowtie", shapely.Polygon([(1300, 800), (1400, 900), (1400, 800), (1300, 900)])),
        _q("q-year", Point(1400, 100), start_year=1999),
        _q("q-quarter", Point(1500, 100), start_quarter=3, end_quarter=2),
        _q("q-q5", Point(1600, 100), start_quarter=5),
        _q("q-neg", Point(1700, 100), budget=-5.0), _q("q-huge", Point(1800, 100), budget=2e11),
        _q("q-end", Point(1900, 100), start_year=2027, end_year=2026),
        _q("q-fine", Point(1500, 600), budget=100.0),
    ]
    p.funding, p.links, p.area_budgets, p.area_goals = [], [], [], []
    return p


@pytest.fixture()
def rest_store(pg_connection, pg_schema):
    return PostgisStore.create(pg_connection, pg_schema, programme=planted_rest())


REST = ("data_quality", "conflict", "rest_period", "combination_chance")
_KINDS = {"mandatory fields missing": "missing_fields", "is used by": "duplicate_uid",
          "outside the city": "outside_city", "invalid geometry": "geometry_invalid", "is not a year": "year_invalid",
          "is not a quarter": "quarter_invalid", "negative budget": "negative_budget",
          "not plausible": "budget_implausible"}


def _kind(f) -> str:
    text = f.message_en
    if "is before start" in text:
        return "end_before_start" if "end year" in text else "end_quarter_before_start"
    return next(k for words, k in _KINDS.items() if words in text)


def test_the_rules_left_in_memory_read_only_what_they_can_find_something_in(rest_store):
    programme = pg_check.read_for_rules(rest_store, REST)
    read = sorted(f.attrs.get("uid") for f in programme.interventions)
    pairs = ["c-a", "c-b", "c-c", "c-d", "c-e"] + ["k-" + c for c in "abcdefghijkl"] + ["r-" + c for c in "abcdef"]
    suspects = [" q-dup\u2003", "q-blank", "q-bowtie", "q-dup", "q-edge", "q-end", "q-huge", "q-near", "q-neg",
                "q-out", "q-q5", "q-quarter", "q-year"]  # q-edge, q-near: not properly inside, tested exactly
    assert read == sorted(pairs + suspects)  # not c-f, c-g (25.5 m apart), not q-fine
    assert sorted(f.attrs.get("programme_code") for f in programme.projects) == ["P-blank", "P-out"]
    assert len(programme.districts) == 2
    # conflict alone at 6 m: only the works with a work within 6 m (5 m or 2 m apart; not 10 m or more)
    programme = pg_check.read_for_rules(rest_store, ("conflict",), {"conflict_distance_m": 6.0})
    assert sorted(f.attrs.get("uid") for f in programme.interventions) == [
        "k-e", "k-f", "k-g", "k-h", "k-i", "k-j", "k-k", "k-l", "r-a", "r-b", "r-c", "r-d"]
    assert programme.projects == []
    # data_quality alone: only its suspects
    programme = pg_check.read_for_rules(rest_store, ("data_quality",))
    assert sorted(f.attrs.get("uid") for f in programme.interventions) == sorted(suspects)


def test_the_rules_left_in_memory_find_what_they_find_on_every_row(rest_store):
    """run_check on PostGIS reads only the selected rows for data_quality and the pair rules, and finds
    what every rule finds in memory on the whole programme; the expected findings worked by hand."""
    result = run_check(CheckRequest(rest_store.path, write=False, in_database=True))
    assert "in_database" in result.timings and not result.notes
    assert_same_as_in_memory(result.findings, rest_store)
    by_rule: dict = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
    assert sorted((f.subject_uids, f.certainty) for f in by_rule["conflict"]) == [
        (("k-a", "k-b"), "certain"), (("k-e", "k-f"), "possible"), (("k-i", "k-j"), "certain")]
    conflict = next(f for f in by_rule["conflict"] if f.subject_uids == ("k-a", "k-b"))
    assert conflict.message_en == ("Physical works 'K-A' and 'K-B' lie within 10 m of each other and overlap in "
                                   "2026: coordinate or combine them")
    rest = sorted((f.subject_uids, f.message_en) for f in by_rule["rest_period"])
    assert rest == [
        (("r-a", "r-b"), "'R-B' (2023) starts 3 year(s) after 'R-A' ended (2020) at the same place (within 10 m); "
                         "the rest period is 5 years"),
        (("r-e", "r-f"), "'R-F' (2022) starts 2 year(s) after 'R-E' ended (2020) at the same place (within 10 m); "
                         "the rest period is 5 years")]
    chances = sorted((f.subject_uids, f.message_en.split(":")[0]) for f in by_rule["combination_chance"])
    assert chances == [(("c-a", "c-b", "c-c"), "Chance to combine (score 100/100)"),
                       (("c-d", "c-e"), "Chance to combine (score 57/100)")]
    quality = sorted((f.subject_uids[0], _kind(f)) for f in by_rule["data_quality"])
    assert quality == [
        ("P-blank", "missing_fields"), ("P-out", "outside_city"), ("q-blank", "missing_fields"),
        ("q-bowtie", "geometry_invalid"), ("q-dup", "duplicate_uid"), ("q-dup", "duplicate_uid"),
        ("q-end", "end_before_start"), ("q-huge", "budget_implausible"), ("q-neg", "negative_budget"),
        ("q-out", "outside_city"), ("q-q5", "quarter_invalid"), ("q-quarter", "end_quarter_before_start"),
        ("q-year", "year_invalid")]


def test_a_server_error_in_the_selection_reads_every_row(rest_store, monkeypatch):
    """When the server fails the selection of the rows the in-memory rules need (here a real division by
    zero), those rules read every row instead, and find the same."""
    from psycopg2 import sql

    from gebiedsplugin.qgis_io.store import pg_check_rows

    monkeypatch.setattr(pg_check_rows, "selection", lambda *_args: [sql.SQL("SELECT 1 / 0")])
    programme = pg_check.read_for_rules(rest_store, REST)
    assert len(programme.interventions) == len(planted_rest().interventions)
    result = run_check(CheckRequest(rest_store.path, write=False, in_database=True))
    assert "in_database" in result.timings
    assert_same_as_in_memory(result.findings, rest_store)


def test_sql_cleans_text_of_every_whitespace_python_strips():
    """The SQL side strips what str.strip() strips (U+00A0 from spreadsheets, U+3000, ...), no more."""
    import sys

    from gebiedsplugin.qgis_io.store.pg_check_sql import WHITESPACE

    assert WHITESPACE == "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert "\u00a0" in WHITESPACE and "\u200b" not in WHITESPACE


def test_sql_cleaning_gives_what_python_strip_gives(planted_store):
    """clean() on the server (its shortcut for values that begin and end with '!'..'~' included) gives
    str.strip(), blank = NULL, for values at and around that shortcut's edges."""
    from psycopg2 import sql

    from gebiedsplugin.qgis_io.store.pg_check_sql import clean

    values = ["", " ", "a", "~", "!", " a", "a ", "\ta\n", "a b", "\u00a0x", "x\u00a0", "\u3000", "\u00e9",
              "a\u00e9", "\u00e9a", "\u200bx", "x\x7f", "\x1fx", "! ~", "  \u2003 ", None]
    conn = planted_store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("SELECT {} FROM unnest(%s::text[]) WITH ORDINALITY AS t(v, k) ORDER BY k").format(
                clean("v")), (values,))
            got = [r[0] for r in cur.fetchall()]
    finally:
        conn.close()
    assert got == [None if v is None else (v.strip() or None) for v in values]


def test_cancel_while_the_server_selects_the_rows_stops_it(rest_store, monkeypatch):
    """Cancelled while the server selects the rows for the in-memory rules (here a statement that would
    take 30 s): the server is asked to stop it, and the read raises Cancelled within moments."""
    import time

    from psycopg2 import sql

    from gebiedsplugin.core.rules import Cancelled
    from gebiedsplugin.qgis_io.store import pg_check_rows

    monkeypatch.setattr(pg_check_rows, "selection", lambda *_args: [sql.SQL("SELECT pg_sleep(30)")])
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        pg_check.read_for_rules(rest_store, REST, cancelled=lambda: time.monotonic() > t0 + 0.5)
    assert time.monotonic() - t0 < 10


def test_cancel_inside_a_join_rule_stops_the_server(planted_store, monkeypatch):
    """Cancelled while the server runs one long join rule (a 30 s statement here): the statement is
    stopped and the join rules end with Cancelled within moments, not with the server-error fallback."""
    import time

    from gebiedsplugin.core.rules import Cancelled

    def slow(cur, *_args):
        cur.execute("SELECT pg_sleep(30)")
        return []

    monkeypatch.setitem(pg_check._RULES, "budget_exceeded", slow)
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        pg_check.run_in_database(planted_store, ["budget_exceeded"], None, planted_store.settings(),
                                 cancelled=lambda: time.monotonic() > t0 + 3)
    assert time.monotonic() - t0 < 15
