"""core.dossier_texts: numbers and dates in the language's format; core.dossier: the sums of a hand-built
district."""

from __future__ import annotations

import datetime

from gebiedsplugin.core import dossier, dossier_texts
from gebiedsplugin.core.aggregations import prepare
from gebiedsplugin.core.records import Feature, Programme


def test_numbers_and_dates_per_language():
    assert dossier_texts.money_text(1234567.4, "nl") == "€ 1.234.567"
    assert dossier_texts.money_text(1234567.6, "en") == "€ 1,234,568"
    assert dossier_texts.number_text(1234.5, "nl", 1) == "1.234,5"
    assert dossier.cell_text(None, dossier.MONEY, "en") == ""
    assert dossier_texts.date_text(datetime.date(2026, 3, 5), "nl") == "5 maart 2026"
    assert dossier_texts.date_text(datetime.date(2026, 3, 5), "en") == "5 March 2026"


def _item(uid, theme, budget, status="planned", district="noord"):
    return Feature({"uid": uid, "title": "T " + uid, "domain": "physical", "kind": "intervention", "theme": theme,
                    "district_id": district, "start_year": 2027, "end_year": 2028, "status": status,
                    "budget": budget}, table="interventions_point")


def test_sums_leave_cancelled_out_and_findings_follow_the_district():
    programme = Programme(
        districts=[Feature({"district_id": "city", "name": "Stad"}), Feature({"district_id": "noord", "name": "Noord"}),
                   Feature({"district_id": "zuid", "name": "Zuid"})],
        interventions=[_item("a", "green", 100.0), _item("b", "green", 50.0), _item("c", "sewer", 30.0, "cancelled"),
                       _item("d", "sewer", 70.0), _item("e", "green", 999.0, district="zuid")],
        funding=[{"intervention_uid": "a", "year": 2027, "funder": "province", "amount": 100.0},
                 {"intervention_uid": "b", "year": 2027, "funder": "municipality", "amount": 20.0}])
    findings = [{"rule": "conflict", "district_id": "noord", "status": "open", "severity": "warning"},
                {"rule": "conflict", "district_id": "noord", "status": "accepted", "severity": "warning"},
                {"rule": "combination_chance", "district_id": "noord", "status": "combine", "severity": "chance"},
                {"rule": "conflict", "district_id": "zuid", "status": "open", "severity": "warning"}]
    d = dossier.build_dossier(prepare(programme), "noord", findings, {}, "en")
    assert len(d.section("interventions").rows) == 4  # the cancelled one listed too
    assert (d.count, d.budget, d.funded, d.shortfall) == (3, 220.0, 120.0, 100.0)  # a 0, b 30, d 70
    theme = {r[0]: r[1:] for r in d.section("per_theme").rows}
    assert theme["Green and water"] == [2, 150.0, 120.0, 30.0] and theme["Sewer"] == [1, 70.0, 0.0, 70.0]
    assert theme["Total"] == [3, 220.0, 120.0, 100.0]
    per_rule = {r[0]: r for r in d.section("findings_per_rule").rows}
    assert per_rule["conflict"][1:3] == [2, 1] and per_rule["combination_chance"][1] == 1
    assert len(d.section("findings").rows) == 3


def test_best_case_is_the_first_comparable_case():
    from gebiedsplugin.core.comparisons import comparable_cases
    from gebiedsplugin.core.sample import generate_sample

    ov = prepare(generate_sample(seed=42)[0])
    best = dossier.best_cases(ov, ov.items)
    assert len(best) > 300
    for item in ov.items:
        cases = comparable_cases(ov, item.uid, 1)
        assert (best[item.uid].item.uid if item.uid in best else None) == (cases[0].item.uid if cases else None)
