"""The unified programme map and the atlas pages, on hand-built records (no QGIS)."""

from __future__ import annotations

from shapely.geometry import LineString, MultiPolygon, Point, box

from gebiedsplugin.core import atlas_pages as ap
from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.unified import (
    CATEGORIES,
    FIELD_NAMES,
    Scope,
    build_unified,
    category_label,
    open_findings_count,
)


def _district(code, name, geom):
    return Feature({"district_id": code, "name": name}, MultiPolygon([geom]), "districts")


def _iv(uid, table="interventions_point", geom=None, **attrs):
    base = {"uid": uid, "title": "T " + uid, "domain": "physical", "kind": "intervention", "theme": "green",
            "district_id": "west", "neighbourhood_id": "w1", "start_year": 2020, "end_year": 2022,
            "status": "planned", "budget": 100.0, "funder": "municipality"}
    base.update(attrs)
    return Feature(base, geom if geom is not None else Point(5, 5), table)


def programme():
    west, east = box(0, 0, 10, 10), box(10, 0, 20, 10)
    p = Programme()
    p.districts = [_district("west", "West", west), _district("east", "Oost", east),
                   _district("empty", "Leeg", box(0, 10, 20, 20)), _district("city", "Stad", box(0, 0, 20, 20))]
    p.neighbourhoods = [Feature({"neighbourhood_id": "w1", "name": "Westbuurt", "district_id": "west"}, west)]
    p.interventions = [
        _iv("a"),
        _iv("b", "interventions_line", LineString([(11, 1), (15, 1)]), district_id="east", domain="social",
            kind="initiative", start_year=2025, end_year=2026, funder=None),
        _iv("c", "interventions_polygon", box(12, 2, 13, 3), district_id=None, start_year=2019, end_year=2019),
        _iv("d", district_id="city", start_year=None, end_year=2021),
    ]
    p.projects = [Feature({"programme_code": "MJP-1", "title": "Park", "theme": "green", "district_id": "west",
                           "start_year": 2021, "end_year": 2024, "budget": 5000.0, "status": "planned"},
                          box(1, 1, 3, 3), "programme_projects_polygon")]
    p.funding = [{"intervention_uid": "a", "year": 2020, "funder": "province", "amount": 10.0},
                 {"intervention_uid": "a", "year": 2021, "funder": "municipality", "amount": 10.0},
                 {"intervention_uid": "b", "year": 2025, "funder": "health_insurer", "amount": 5.0}]
    return p


def _by_uid(unified):
    return {f.get("uid"): f for f in unified.all_items()}


def test_merge_harmonises_interventions_and_projects():
    unified = build_unified(programme())
    items = _by_uid(unified)
    assert set(items) == {"a", "b", "c", "d", "MJP-1"}
    assert len(unified) == 5
    for item in items.values():
        assert set(item.attrs) == set(FIELD_NAMES)
    a, park = items["a"], items["MJP-1"]
    assert (a.get("source"), a.get("category"), a.get("district"), a.get("neighbourhood")) == (
        "intervention", "physical_intervention", "West", "Westbuurt")
    assert a.get("funders") == "municipality, province"  # own funder first, then funding rows, distinct
    assert items["b"].get("funders") == "health_insurer"
    assert (park.get("source"), park.get("kind"), park.get("category"), park.get("domain")) == (
        "programme", "programme", "programme", None)
    assert park.get("budget") == 5000.0 and park.get("programme_code") == "MJP-1"
    assert [f.get("uid") for f in unified.items["line"]] == ["b"]
    assert {f.get("uid") for f in unified.items["polygon"]} == {"c", "MJP-1"}
    assert items["a"].geometry.equals(Point(5, 5))


def test_missing_district_is_derived_from_geometry():
    items = _by_uid(build_unified(programme()))
    assert items["c"].get("district_id") == "east"
    assert items["c"].get("district") == "Oost"


def test_open_findings_counted_per_subject():
    findings = [{"subject_uids": "a,b", "status": "open"}, {"subject_uids": "a", "status": None},
                {"subject_uids": "a", "status": "resolved"}, {"subject_uids": " b , b", "status": "open"},
                {"subject_uids": "", "status": "open"}]
    assert open_findings_count(findings) == {"a": 2, "b": 2}
    items = _by_uid(build_unified(programme(), findings=findings))
    assert items["a"].get("open_findings") == 2 and items["MJP-1"].get("open_findings") == 0


def test_scope_districts_and_period():
    p = programme()
    west = _by_uid(build_unified(p, Scope(("west",))))
    assert set(west) == {"a", "MJP-1"}  # city-wide item d belongs to the city scope only
    period = _by_uid(build_unified(p, Scope((), 2023, 2025)))
    assert set(period) == {"b", "MJP-1"}
    edge = _by_uid(build_unified(p, Scope((), 2022, 2022)))
    assert set(edge) == {"a", "MJP-1"}
    assert set(_by_uid(build_unified(p, Scope((), None, 2019)))) == {"c"}
    assert set(_by_uid(build_unified(p, Scope((), 2021, None)))) == {"a", "b", "d", "MJP-1"}  # d: end 2021 only


def test_scope_parse():
    assert Scope.parse("city").is_city
    assert Scope.parse("").is_city
    assert Scope.parse(" west, east ,west", 2020, 2021) == Scope(("west", "east"), 2020, 2021)
    assert Scope.parse("west,city").is_city


def test_years_overlap_edges():
    s = Scope((), 2020, 2022)
    assert s.years_overlap(2022, 2030) and s.years_overlap(2010, 2020)
    assert not s.years_overlap(2023, 2024) and not s.years_overlap(2018, 2019)
    assert not s.years_overlap(None, None)
    assert Scope().years_overlap(None, None)
    assert Scope((), 2021, 2021).years_overlap(None, 2021)


def test_categories_and_labels():
    assert len(CATEGORIES) == 9 and CATEGORIES[-1] == "programme"
    assert category_label("social_maintenance") == "Social · Maintenance"
    assert category_label("social_maintenance", "nl") == "Sociaal · Onderhoud"
    assert category_label("programme", "nl") == "Programmaproject (MJP)"


def test_atlas_pages_city_then_districts_then_years():
    p = programme()
    unified = build_unified(p)
    pages = ap.atlas_pages(p, unified, Scope(), per_year=False)
    assert [(pg.page, pg.area_id) for pg in pages] == [(1, "city"), (2, "empty"), (3, "east"), (4, "west")]
    assert pages[0].item_count == 5 and pages[0].name == "Stad"
    assert (pages[0].year_from, pages[0].year_to) == (2019, 2026)
    by_id = {pg.area_id: pg for pg in pages}
    assert by_id["empty"].item_count == 0 and by_id["empty"].budget == 0.0
    # The intervention's money and its programme project's are shown apart, never added up.
    assert by_id["west"].item_count == 2 and by_id["west"].budget == 100.0
    assert by_id["west"].programme_budget == 5000.0
    with_years = ap.atlas_pages(p, unified, Scope(), per_year=True)
    assert len(with_years) == 4 + 8
    year_pages = [pg for pg in with_years if pg.page_kind == ap.YEAR]
    assert [pg.year_from for pg in year_pages] == list(range(2019, 2027))
    assert year_pages[0].item_count == 1  # only c runs in 2019


def test_atlas_pages_for_a_selection():
    p = programme()
    scope = Scope(("west", "east"), 2020, 2022)
    pages = ap.atlas_pages(p, build_unified(p, scope), scope)
    assert [pg.area_id for pg in pages] == ["selection", "west", "east"]
    assert pages[0].name == "West, Oost" and pages[0].geometry.area == 200
    single = Scope(("east",))
    assert [pg.area_id for pg in ap.atlas_pages(p, build_unified(p, single), single)] == ["east"]


def test_summary_rows():
    rows = ap.summary_rows(build_unified(programme()))
    west = [r for r in rows if r["district_id"] == "west"]
    assert {(r["source"], r["items"], r["budget"]) for r in west} == {("intervention", 1, 100.0),
                                                                      ("programme", 1, 5000.0)}
    assert set(rows[0]) == set(ap.SUMMARY_FIELDS)


def test_items_sharing_stored_period_values_get_the_period_worked_out_for_each():
    """The unified map works a period out once per kind of stored values: values equal as keys (2027 and
    2027.0, 1 and True) give the period each gives on its own; others their own."""
    from gebiedsplugin.core.periods import period_from

    p = programme()
    stored = [(2027, 2028, 3, None, None), (2027.0, 2028.0, 3.0, None, False), (2027, 2028, 3, None, "ja"),
              (2027, 2028, None, 1, True), (2027, 2028, None, 1.0, 1), (2027, 2028, 5, None, 0), (None, 2028, 2, 2, 1)]
    p.interventions = [_iv("p{}".format(k), start_year=s, end_year=e, start_quarter=sq, end_quarter=eq,
                           indicative=ind) for k, (s, e, sq, eq, ind) in enumerate(stored)]
    items = _by_uid(build_unified(p))
    for k, values in enumerate(stored):
        period = period_from(*values)
        expected = (period.start_quarter, period.end_quarter, period.precision, period.text()) if period else (
            None, None, None, None)
        got = tuple(items["p{}".format(k)].get(f) for f in ("start_quarter", "end_quarter", "period_precision",
                                                            "period"))
        assert got == expected, values
    assert items["p2"].get("period") == "2027 Q3-2028 Q4 (indicative)"
    assert items["p0"].get("period") == "2027 Q3-2028 Q4"


def test_page_tallies_are_each_pages_items_summed_by_hand():
    """Each page's count and money, from the items' own fields (the tallies read them as columns)."""
    p = programme()
    p.interventions += [_iv("e", budget=0.1), _iv("f", budget=0.2), _iv("g", district_id="east", budget=None),
                        _iv("h", district_id="east", start_year=2030, end_year=2031, budget=7.0)]
    unified = build_unified(p)
    pages = {pg.area_id: pg for pg in ap.atlas_pages(p, unified, Scope())}
    for area, members in (("city", None), ("west", {"west"}), ("east", {"east"}), ("empty", {"empty"})):
        mine = [f for f in unified.all_items() if members is None or f.get("district_id") in members]
        own, mjp = 0.0, 0.0
        for f in mine:  # in the unified map's order, as the page adds them
            if f.get("source") == "programme":
                mjp += float(f.get("budget") or 0.0)
            else:
                own += float(f.get("budget") or 0.0)
        assert (pages[area].item_count, pages[area].budget, pages[area].programme_budget) == (len(mine), own, mjp)
    assert pages["west"].budget == 100.0 + 0.1 + 0.2 and pages["east"].item_count == 4  # b, c (by its geometry), g, h
