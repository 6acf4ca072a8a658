"""combination_chance on planted cases (found, with scores worked out by hand below, in that order)
and controls that must not be found: same owner and theme, too far, too many years apart, linked
`combines_with`, done, social."""

from __future__ import annotations

import re

import pytest
from shapely.geometry import LineString, Point, box

from gebiedsplugin.core.findings import COMBINE, NOT_COMBINE, decision, decision_fits
from gebiedsplugin.core.rules import RULES, run_rules
from gebiedsplugin.core.rules.combination_chance import INFO
from tests.unit.ts_texts import dutch


def _plant(city):
    add = city.add
    # A: sewer and road in one street, 4 m apart, 200 m each, same years, other owners.
    #    overlap 40 x 200/200 = 40; time 30 (gap 0); kinds sewer+mobility 1.0 -> 30; score 100.
    add("a1", LineString([(0, 500), (200, 500)]), theme="sewer", lead_party="Waterschap", start_year=2027,
        end_year=2028)
    add("a2", LineString([(0, 504), (200, 504)]), theme="mobility", lead_party="Gemeente", start_year=2027,
        end_year=2028)
    #    a green area 10 m from the street joins the group (a group of three; its best pair is a1-a2).
    add("a3", box(80, 460, 120, 490), theme="green", lead_party="Gemeente", start_year=2028, end_year=2029)
    # B: a 100 m line crossing the 25 m band of a 300 m street: 50 m inside -> share 0.5 -> 20;
    #    2025 then 2027-2028: gap 2 -> 30 x (1 - 2/4) = 15; green + public space 0.8 -> 24; score 59.
    #    Same owner, other themes: a chance.
    add("b1", LineString([(100, 150), (100, 250)]), theme="green", lead_party="Gemeente", start_year=2025,
        end_year=2025)
    add("b2", LineString([(0, 210), (300, 210)]), theme="public_space", lead_party="Gemeente", start_year=2027,
        end_year=2028)
    # C: two points 10 m apart: 20 x (1 - 10/25) = 12; same year 30; housing + energy 0.6 -> 18; score 60.
    add("c1", Point(500, 800), theme="housing", lead_party="Woningcorporatie", start_year=2026, end_year=2026)
    add("c2", Point(510, 800), theme="energy", lead_party="Gemeente", start_year=2026, end_year=2027)
    # Controls.
    add("e1", LineString([(1100, 100), (1300, 100)]), theme="mobility", lead_party="Gemeente", district_id="east")
    add("e2", LineString([(1100, 105), (1300, 105)]), theme="mobility", lead_party=" gemeente ",
        district_id="east")  # same owner (case and spaces aside), same theme
    add("f1", Point(1500, 500), theme="sewer", lead_party="Waterschap", district_id="east")
    add("f2", Point(1526, 500), theme="mobility", lead_party="Gemeente", district_id="east")  # 26 m: too far
    add("g1", Point(1500, 800), theme="sewer", lead_party="Waterschap", start_year=2025, end_year=2025,
        district_id="east")
    add("g2", Point(1505, 800), theme="mobility", lead_party="Gemeente", start_year=2029, end_year=2030,
        district_id="east")  # gap 4 > 3 years
    add("h1", Point(1800, 300), theme="sewer", lead_party="Waterschap", district_id="east")
    add("h2", Point(1805, 300), theme="mobility", lead_party="Gemeente", district_id="east")  # linked below
    add("i1", Point(1800, 700), theme="sewer", lead_party="Waterschap", status="done", district_id="east")
    add("i2", Point(1805, 700), theme="mobility", lead_party="Gemeente", district_id="east")  # i1 is done
    add("j1", Point(1800, 900), theme="care", domain="social", lead_party="GGD", district_id="east")
    add("j2", Point(1805, 900), theme="mobility", lead_party="Gemeente", district_id="east")  # j1 is social
    city.programme.links.append({"from_uid": "h2", "to_uid": "h1", "relation": "combines_with"})


def _score(finding) -> int:
    return int(re.search(r"score (\d+)/100", finding.message_en).group(1))


def test_planted_chances_are_found_with_their_scores_and_controls_are_not(city):
    _plant(city)
    found = city.run("combination_chance")
    assert {f.subject_uids: _score(f) for f in found} == {("a1", "a2", "a3"): 100, ("b1", "b2"): 59,
                                                          ("c1", "c2"): 60}
    ranked = [f.subject_uids[0] for f in sorted(found, key=_score, reverse=True)]
    assert ranked == ["a1", "c1", "b1"]
    assert all(f.severity == "chance" and f.rule == "combination_chance" for f in found)
    assert {f.district_id for f in found} == {"west"}


def test_the_message_explains_the_score_in_words(city):
    _plant(city)
    by = {f.subject_uids: f for f in city.run("combination_chance")}
    a = by[("a1", "a2", "a3")]
    assert a.message_en.startswith("Chance to combine (score 100/100): 'Work a1' (Sewer, Waterschap), "
                                   "'Work a2' (Mobility, Gemeente), 'Work a3' (Green and water, Gemeente). ")
    assert "100% of 'Work a1' lies within 25 m of 'Work a2'; both run in 2027-2028; Mobility and Sewer: the " \
           "street is opened once for both. Score: overlap 40 + time 30 + kinds 30" in a.message_en
    assert "Kans om te combineren (score 100/100)" in dutch(a) and "beide lopen in 2027-2028" in dutch(a)
    b = by[("b1", "b2")]
    assert "50% of 'Work b1' lies within 25 m of 'Work b2'; 'Work b2' starts 2 year(s) after 'Work b1' ends; " \
           "Green and water and Public space: one redesign of the street profile. Score: overlap 20 + time 15 " \
           "+ kinds 24" in b.message_en
    c = by[("c1", "c2")]
    assert "'Work c1' and 'Work c2' lie 10 m apart; both run in 2026" in c.message_en
    assert "Score: overlap 12 + time 30 + kinds 18" in c.message_en


def test_parameters_widen_and_narrow_the_search(city):
    _plant(city)
    wider = {f.subject_uids for f in city.run("combination_chance", chance_distance_m=30, chance_years=4)}
    assert ("f1", "f2") in wider and ("g1", "g2") in wider
    assert ("e1", "e2") not in wider and ("h1", "h2") not in wider and ("i1", "i2") not in wider
    narrow = {f.subject_uids for f in city.run("combination_chance", chance_years=1)}
    assert ("b1", "b2") not in narrow and ("c1", "c2") in narrow


def test_registered_with_parameters_and_ids_stable_across_input_order(city):
    assert RULES["combination_chance"] is INFO and INFO.params == {"chance_distance_m": 25.0, "chance_years": 3.0}
    _plant(city)
    first = run_rules(city.programme, ["combination_chance"])
    city.programme.interventions.reverse()
    again = run_rules(city.programme, ["combination_chance"])
    assert [(f.finding_id, f.message_en) for f in first] == [(f.finding_id, f.message_en) for f in again]


def test_decisions_on_chances_are_combine_or_not():
    assert decision(COMBINE, "in one contract with the road works", "anna", "now")["status"] == "combine"
    assert decision_fits(NOT_COMBINE, "chance") and decision_fits(COMBINE, "chance")
    assert not decision_fits(COMBINE, "warning") and not decision_fits("false_positive", "chance")
    assert decision_fits("accepted", "error") and decision_fits("open", "chance")
    with pytest.raises(ValueError):
        decision("maybe", None, "anna", "now")


def test_the_check_dock_lists_chances_by_score(city):
    from gebiedsplugin.core.findings import finding_row
    from gebiedsplugin.core.findings_view import group_rows

    _plant(city)
    # English by default, Dutch from the .ts: the order by "(score N/100)" holds in both
    rows = [finding_row(f, text) for text in (None, dutch) for f in city.run("combination_chance")]
    (en_group,) = [g for g in group_rows(r for r in rows if r["message"].startswith("Chance"))]
    (nl_group,) = [g for g in group_rows(r for r in rows if r["message"].startswith("Kans"))]
    assert [r["subject_uids"] for r in en_group.rows] == ["a1,a2,a3", "c1,c2", "b1,b2"]
    assert [r["subject_uids"] for r in nl_group.rows] == ["a1,a2,a3", "c1,c2", "b1,b2"]


def test_a_chain_of_works_is_one_group_naming_six_and_counting_the_rest(city):
    themes = ["sewer", "mobility"]
    for k in range(8):  # 8 points 20 m apart: each pair of neighbours is a chance, the chain one group
        city.add("p{}".format(k), Point(100 + 20 * k, 100), theme=themes[k % 2], lead_party="Gemeente")
    (found,) = city.run("combination_chance")
    assert found.subject_uids == tuple("p{}".format(k) for k in range(8))
    assert "'Work p5' (Mobility, Gemeente) and 2 more." in found.message_en
    assert " en nog 2." in dutch(found)
    # neighbours 20 m apart: 20 x (1 - 20/25) = 4; same year 30; sewer + mobility 30 -> 64
    assert "(score 64/100)" in found.message_en
