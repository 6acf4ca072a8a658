"""The overview's aggregations on a hand-built programme whose figures are worked out below."""

from __future__ import annotations

import pytest
from shapely.geometry import box

from gebiedsplugin.core import aggregations as agg
from gebiedsplugin.core import comparisons as cmp
from gebiedsplugin.core.records import Feature, Programme


def inter(uid, district, start, end, budget=None, theme="green", kind="intervention", domain="physical",
          status="planned", funder="municipality", nbh=None, **extra):
    attrs = dict(uid=uid, title="T " + uid, domain=domain, kind=kind, theme=theme, district_id=district,
                 neighbourhood_id=nbh, start_year=start, end_year=end, budget=budget, status=status,
                 funder=funder, city_wide=district == "city")
    attrs.update(extra)
    return Feature(attrs, box(0, 0, 1, 1), "interventions_polygon", fid=len(uid))


@pytest.fixture()
def programme():
    districts = [Feature({"district_id": "a", "name": "Alpha"}, box(0, 0, 10, 10), "districts"),
                 Feature({"district_id": "b", "name": "Beta"}, box(10, 0, 20, 10), "districts"),
                 Feature({"district_id": "city", "name": "Town"}, box(0, 0, 20, 10), "districts")]
    hoods = [Feature({"neighbourhood_id": "a1", "name": "A-one", "district_id": "a"}),
             Feature({"neighbourhood_id": "a2", "name": "A-two", "district_id": "a"}),
             Feature({"neighbourhood_id": "b1", "name": "B-one", "district_id": "b"})]
    interventions = [
        # i1: funding rows win over its budget: 2025 municipality 100, 2026 province 50
        inter("i1", "a", 2025, 2026, budget=999, theme="green", nbh="a1"),
        # i2: no funding rows: 300 spread over 2025-2027 (100 a year) under housing_corporation
        inter("i2", "a", 2025, 2027, budget=300, theme="housing", domain="social",
              funder="housing_corporation", nbh="a1", effect_indicator="Vacancy", baseline=10, target=5),
        # i3: cancelled: no money, not stacked, still a comparable case
        inter("i3", "b", 2025, 2025, budget=100, theme="green", status="cancelled", nbh="b1"),
        # i4: in b, same kind+theme as i1, budget 120, 2026-2026
        inter("i4", "b", 2026, 2026, budget=120, theme="green", nbh="b1", effect_indicator="Trees", baseline=0,
              target=40, status="idea"),
        # i5: city-wide, 200 in 2026 with no funder
        inter("i5", "city", 2026, 2026, budget=200, theme="work_income", funder=None),
        # i6: no stored district: lies in b by its geometry; social domain, same kind/theme as i1
        inter("i6", None, 2030, 2031, budget=0, theme="green", domain="social"),
    ]
    interventions[5].geometry = box(12, 2, 13, 3)
    funding = [{"intervention_uid": "i1", "year": 2025, "funder": "municipality", "amount": 100},
               {"intervention_uid": "i1", "year": 2026, "funder": "province", "amount": 50},
               {"intervention_uid": "i1", "year": None, "funder": "province", "amount": 7}]  # no year: ignored
    goals = [{"district_id": "a", "theme": "green", "priority": 1},
             {"district_id": "a", "theme": "mobility", "priority": 2},
             {"district_id": "a", "theme": "safety", "priority": 0}]
    budgets = [{"district_id": "a", "year": 2025, "amount": 150}, {"district_id": "a", "year": 2026, "amount": 100},
               {"district_id": "b", "year": 2026, "amount": 500}]
    return Programme(districts=districts, neighbourhoods=hoods, interventions=interventions, funding=funding,
                     area_goals=goals, area_budgets=budgets, settings={"stacking_max": "1"})


@pytest.fixture()
def ov(programme):
    return agg.prepare(programme)


def test_prepare_resolves_district_money_and_threshold(ov):
    assert ov.by_uid("i6").district_id == "b"  # from its geometry
    assert ov.by_uid("i1").money == ((2025, "municipality", 100.0), (2026, "province", 50.0))
    assert ov.by_uid("i2").money == tuple((y, "housing_corporation", 100.0) for y in (2025, 2026, 2027))
    assert ov.by_uid("i5").money == ((2026, agg.UNKNOWN, 200.0),)
    assert ov.by_uid("i6").money == ()  # budget 0
    assert ov.stacking_max == 1.0
    assert ov.districts() == ["a", "b"]
    assert ov.years() == (2025, 2031)


def test_funding_sums_taken_from_the_unified_map_give_the_same_gaps(programme):
    """The export hands its unified map to prepare(): the funding rows summed for it are taken, not summed
    again, and every gap is the one prepare() works out on its own; the unified map's funding status and
    shortfall of every intervention are those of its gap."""
    from gebiedsplugin.core.unified import INTERVENTION, build_unified

    own = agg.prepare(programme, build_unified(programme))  # nothing kept: the funding rows summed in prepare
    kept = build_unified(programme, keep_funding=True)
    assert kept.funding is not None and build_unified(programme).funding is None
    assert kept.funding["i1"][0] == 157.0
    assert agg.prepare(programme, kept).gaps == own.gaps
    unified = {f.get("uid"): f for f in kept.all_items() if f.get("source") == INTERVENTION}
    assert {u: (f.get("funding_status"), f.get("shortfall")) for u, f in unified.items()} == {
        u: (g.status, g.shortfall) for u, g in own.gaps.items() if u in unified}
    gaps = own.gaps  # by hand: i1 999 budget, rows 100 + 50 + 7 (a row without a year counts as money)
    assert (gaps["i1"].status, gaps["i1"].shortfall, gaps["i1"].funded) == ("partly_funded", 842.0, 157.0)
    assert (gaps["i2"].status, gaps["i2"].shortfall) == ("unfunded", 300.0)
    assert gaps["i6"].district_id == "b" and gaps["i6"].status == "funded"  # district from its geometry
    assert list(gaps) == ["i1", "i2", "i3", "i4", "i5", "i6"]



def test_an_overview_without_gaps_is_the_same_overview_and_says_it_has_none(programme):
    """The export's summary pages show no funding gaps: its Overview leaves them out (gaps None, so a reader
    of them fails instead of finding none); everything else is the Overview made with them."""
    from gebiedsplugin.core.unified import build_unified

    unified = build_unified(programme)
    full, lean = agg.prepare(programme, unified), agg.prepare(programme, unified, gaps=False)
    assert full.gaps and lean.gaps is None
    assert (lean.items, lean.district_names, lean.neighbourhoods, lean.area_budgets, lean.area_goals,
            lean.stacking_max) == (full.items, full.district_names, full.neighbourhoods, full.area_budgets,
                                   full.area_goals, full.stacking_max)
    for district in ("a", "b", None):
        assert agg.money_by(lean, "funder", district) == agg.money_by(full, "funder", district)
        assert agg.stacking_table(lean, district).counts == agg.stacking_table(full, district).counts
    with pytest.raises(AttributeError):
        agg.funding_totals(lean, "theme")

def test_money_per_year_theme_domain_funder_for_a_district(ov):
    assert agg.money_by(ov, "year", "a") == {2025: 200.0, 2026: 150.0, 2027: 100.0}
    assert agg.money_by(ov, "theme", "a") == {"housing": 300.0, "green": 150.0}
    assert agg.money_by(ov, "domain", "a") == {"social": 300.0, "physical": 150.0}
    assert agg.money_by(ov, "funder", "a") == {"housing_corporation": 300.0, "municipality": 100.0,
                                               "province": 50.0}
    assert agg.money_by(ov, "funder", "a", 2026, 2026) == {"housing_corporation": 100.0, "province": 50.0}
    assert agg.money_by(ov, "year", "b") == {2026: 120.0}  # i3 cancelled
    with pytest.raises(ValueError):
        agg.money_by(ov, "colour")


def test_money_for_the_city_includes_city_wide(ov):
    assert agg.money_by(ov, "year") == {2025: 200.0, 2026: 470.0, 2027: 100.0}
    assert agg.money_by(ov, "funder", "city", 2026, 2026)[agg.UNKNOWN] == 200.0


def test_budget_by_year_against_area_budget(ov):
    rows = agg.budget_by_year(ov, "a")
    assert [(r.year, r.planned, r.area_budget) for r in rows] == [
        (2025, 200.0, 150.0), (2026, 150.0, 100.0), (2027, 100.0, 0.0)]
    assert [r.over for r in rows] == [True, True, False]  # no area budget: not over
    assert rows[0].difference == -50.0
    assert agg.area_budget(ov, "city", year_from=2026, year_to=2026) == 600.0
    assert agg.area_budget(ov, "a", 2025) == 150.0
    assert [r.year for r in agg.budget_by_year(ov, None, 2026, 2026)] == [2026]


def test_funder_matrix_shares_across_districts(ov):
    m = agg.funder_matrix(ov)
    assert m.districts == ["a", "b", "city"]
    assert m.amounts[("a", "municipality")] == 100.0 and m.amounts[("b", "municipality")] == 120.0
    assert m.share("a", "municipality") == pytest.approx(100 / 220)
    assert m.share("b", "municipality") == pytest.approx(120 / 220)
    assert m.share("a", "housing_corporation") == 1.0
    assert m.total() == 770.0
    assert m.funders[0] == "housing_corporation"  # 300, the largest
    assert agg.funder_matrix(ov, 2027, 2027).funders == ["housing_corporation"]


def test_stacking_table_counts_and_threshold(ov):
    t = agg.stacking_table(ov, "a")
    assert t.neighbourhoods == ["a1", "a2"]  # every neighbourhood of the district is a row
    assert t.years == [2025, 2026, 2027]
    assert (t.count("a1", 2025), t.count("a1", 2026), t.count("a1", 2027), t.count("a2", 2025)) == (2, 2, 1, 0)
    assert t.cells_over() == [("a1", 2025), ("a1", 2026)]  # more than 1
    assert not t.over("a1", 2027)
    assert t.names["a1"] == "A-one" and t.maximum == 2
    b = agg.stacking_table(ov, "b", 2025, 2026)
    assert b.years == [2025, 2026] and b.count("b1", 2025) == 0 and b.count("b1", 2026) == 1  # i3 cancelled
    city = agg.stacking_table(ov)
    assert set(city.neighbourhoods) == {"a1", "b1"}  # i5 city-wide and i6 without neighbourhood left out


def test_priority_coverage(ov):
    rows = cmp.priority_coverage(ov, "a")
    states = {r.theme: r.state for r in rows}
    assert states == {"housing": agg.FUNDED_NOT_PRIORITISED, "mobility": agg.PRIORITISED_NOT_FUNDED,
                      "green": agg.COVERED}  # safety has priority 0 and no money: not listed
    assert [r.theme for r in rows] == ["housing", "mobility", "green"]  # mismatches first
    assert next(r for r in rows if r.theme == "housing").funded == 300.0
    # in 2027 only housing has money: green becomes prioritised but not funded
    assert {r.theme: r.state for r in cmp.priority_coverage(ov, "a", 2027, 2027)}["green"] == \
        agg.PRIORITISED_NOT_FUNDED
    assert cmp.priority_coverage(ov, "b") == []  # no area goals
    assert {r.district_id for r in cmp.priority_coverage(ov)} == {"a"}


def test_budget_closeness():
    assert cmp.budget_closeness(100, 100) == 1.0
    assert cmp.budget_closeness(100, 150) == pytest.approx(1 - 50 / 150)
    assert cmp.budget_closeness(0, 0) == 1.0
    assert cmp.budget_closeness(None, 5) == 0.0


def test_comparable_cases_ranked(ov):
    cases = cmp.comparable_cases(ov, "i1")
    # i4: same domain, overlapping (2026), closeness 1-879/999; i3: same domain, overlapping (2025),
    # closeness 100/999; i6: other domain, no overlap, closeness 0 (budget 0 vs 999)
    assert [c.item.uid for c in cases] == ["i4", "i3", "i6"]
    assert cases[0].score == pytest.approx(2 + 120 / 999)
    assert cases[1].score == pytest.approx(2 + 100 / 999)
    assert (cases[2].same_domain, cases[2].overlapping, cases[2].score) == (False, False, 0.0)
    assert [c.decision for c in cases] == ["pending", "rejected", "approved"]
    assert cmp.comparable_cases(ov, "i1", limit=1)[0].item.uid == "i4"
    assert cmp.comparable_cases(ov, "i2") == []  # no other housing intervention
    assert cmp.comparable_cases(ov, "nope") == []
    # never the same district
    assert all(c.item.district_id != "b" for c in cmp.comparable_cases(ov, "i4"))


def test_effects_and_status_per_district(ov):
    assert [i.uid for i in cmp.effects(ov)] == ["i2", "i4"]
    assert [i.uid for i in cmp.effects(ov, "b")] == ["i4"]
    assert cmp.effects(ov, "a", 2028, 2030) == []
    assert cmp.effects_by_status(ov) == {"a": {"planned": 1}, "b": {"idea": 1}}
    assert cmp.effect_change(ov.by_uid("i2")) == -5.0
    assert cmp.effect_change(ov.by_uid("i1")) is None


def test_timeline_order_and_period(ov):
    assert [i.uid for i in cmp.timeline(ov, "a")] == ["i1", "i2"]
    assert [i.uid for i in cmp.timeline(ov, "b")] == ["i3", "i4", "i6"]
    assert [i.uid for i in cmp.timeline(ov, "b", 2027, 2030)] == ["i6"]
    assert [i.uid for i in cmp.timeline(ov)] == ["i3", "i1", "i2", "i4", "i5", "i6"]  # start, end, title


def test_empty_programme():
    ov = agg.prepare(Programme())
    assert agg.money_by(ov, "year") == {} and agg.budget_by_year(ov) == []
    assert agg.stacking_table(ov).neighbourhoods == [] and agg.funder_matrix(ov).districts == []
    assert ov.years() == (None, None) and cmp.timeline(ov) == [] and cmp.priority_coverage(ov) == []
