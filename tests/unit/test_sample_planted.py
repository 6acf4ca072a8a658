"""The programme check finds every case planted in Voorbeeldstad, and no other errors."""

from __future__ import annotations

import pytest

from gebiedsplugin.core.sample import generate_sample

rules = pytest.importorskip("gebiedsplugin.core.rules")

SIZES = [(42, 400, None), (7, 1000, None), (3, 400, 60), (5, 3000, 900)]


def _found(case: dict, findings: list) -> bool:
    same_rule = [f for f in findings if f.rule == case["rule"]]
    if case["rule"] == "budget_exceeded":
        # One finding per district and year; its message names the year ("... in 2027: ...").
        return any(f.district_id == case["district_id"] and " in {}:".format(case["year"]) in f.message_en
                   for f in same_rule)
    return any(set(case["uids"]) <= set(f.subject_uids) for f in same_rule)


@pytest.mark.parametrize("seed,interventions,projects", SIZES)
def test_every_planted_case_is_found(seed, interventions, projects):
    programme, manifest = generate_sample(seed=seed, interventions=interventions, projects=projects)
    findings = rules.run_rules(programme)
    missing = [(c["rule"], c["description"]) for c in manifest["planted"] if not _found(c, findings)]
    assert not missing


@pytest.mark.parametrize("seed,interventions,projects", SIZES)
def test_errors_are_only_the_planted_ones(seed, interventions, projects):
    programme, manifest = generate_sample(seed=seed, interventions=interventions, projects=projects)
    planted = {u for c in manifest["planted"] for u in c["uids"]}
    budget = {(c["district_id"], c["year"]) for c in manifest["planted"] if c["rule"] == "budget_exceeded"}
    for f in rules.run_rules(programme):
        if f.severity != "error":
            continue
        if f.rule == "budget_exceeded":
            assert any(f.district_id == d and " in {}:".format(y) in f.message_en for d, y in budget)
        else:
            assert set(f.subject_uids) & planted, f.message_en
