"""Rule messages through Qt Linguist: the compiled Dutch catalogue, and a third language from a .ts alone."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from gebiedsplugin.core.findings import AUTO_DECIDER, CLOSED, Scope, plan_merge
from gebiedsplugin.core.rules import RULES, budget_exceeded, run_rules
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store.findings import FindingsRegister
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.rule_texts import RuleTexts, rule_texts
from tests.unit.ts_texts import dutch


@pytest.fixture(scope="module")
def findings():
    programme, _manifest = generate_sample(seed=42, interventions=400)
    return run_rules(programme)


def test_the_compiled_dutch_is_the_dutch_of_the_ts(findings):
    # no translator installed on the application: the register's language is chosen per call
    assert QCoreApplication.translate("rules:conflict", "Conflicting works") == "Conflicting works"
    nl = rule_texts("nl")
    assert {f.rule for f in findings} == set(RULES)  # every rule speaks in the sample
    for f in findings:
        assert nl.message(f) == dutch(f) != f.message_en
    assert [nl.title(info) for info in RULES.values()][:3] == ["Datakwaliteit", "Stadsdeel klopt niet",
                                                               "Onbekende programmacode"]
    assert rule_texts("en").message(findings[0]) == findings[0].message_en


TS_DE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>rules:budget_exceeded</name>
    <message>
        <source>{source}</source>
        <translation>Geplante Mittel im Bezirk {{district}} {{year}}: {{total}} EUR übersteigen das Gebietsbudget
            von {{budget}} EUR um {{diff}} EUR</translation>
    </message>
    <message>
        <source>Area budget exceeded</source>
        <translation>Gebietsbudget überschritten</translation>
    </message>
</context>
</TS>
"""


@pytest.mark.skipif(shutil.which("lrelease") is None, reason="needs Qt's lrelease (qttools5-dev-tools)")
def test_a_third_language_is_one_ts_file(tmp_path, findings):
    ts, qm = tmp_path / "gebiedsplugin_de.ts", tmp_path / "gebiedsplugin_de.qm"
    ts.write_text(TS_DE.format(source=budget_exceeded.MSG.source), encoding="utf-8")
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    de = RuleTexts("de", translator)
    budget = [f for f in findings if f.rule == "budget_exceeded"]
    assert budget
    for f in budget:
        text = de.message(f)
        assert text.startswith("Geplante Mittel im Bezirk ") and " übersteigen das Gebietsbudget" in text
        # the same figures as the English, written the German way (1,250,000 -> 1.250.000)
        english_numbers = [w for w in f.message_en.split() if w[:1].isdigit() and "," in w]
        assert english_numbers and all(n.replace(",", ".") in text for n in english_numbers)
    assert de.title(RULES["budget_exceeded"]) == "Gebietsbudget überschritten"
    # what the German catalogue lacks reads in English, not in Dutch
    conflict = next(f for f in findings if f.rule == "conflict")
    assert de.message(conflict) == conflict.message_en
    assert de.title(RULES["conflict"]) == "Conflicting works"


def test_a_dutch_run_writes_the_register_in_dutch_whatever_the_ui_speaks(sample_gpkg):
    path, _ = sample_gpkg
    result = run_check(CheckRequest(str(path), lang="nl"))
    stored = FindingsRegister(GpkgStore(str(path))).by_id()
    assert result.findings
    for f in result.findings:
        assert stored[f.finding_id]["message"] == dutch(f)


def test_the_closing_note_in_the_run_language_and_stripped_in_either(findings):
    words = rule_texts("nl").text(CLOSED)
    assert words == "komt niet meer voor"
    finding = next(f for f in findings if f.rule == "conflict")
    row = {"fid": 1, "finding_id": finding.finding_id, "rule": "conflict", "district_id": None, "note": "kijken"}
    plan = plan_merge({finding.finding_id: dict(row, status="open")}, [], Scope(), "t", None, words)
    assert plan.closed == 1 and plan.updates[0][1]["note"] == "kijken; komt niet meer voor"
    for note in ("kijken; komt niet meer voor", "kijken; no longer occurs"):  # closed by a Dutch or an English run
        closed = {finding.finding_id: dict(row, status="resolved", decided_by=AUTO_DECIDER, note=note)}
        plan = plan_merge(closed, [finding], Scope(), "t", rule_texts("nl").message, words)
        assert plan.reopened == 1 and plan.updates[0][1]["note"] == "kijken"


def test_the_check_dock_orders_chances_by_score_in_dutch_from_the_qm(findings):
    from gebiedsplugin.core.findings import finding_row
    from gebiedsplugin.core.findings_view import chance_score, group_rows

    chances = [f for f in findings if f.rule == "combination_chance"]
    assert len(chances) >= 3
    english = {f.finding_id: int(re.search(r"\(score (\d+)/100\)", f.message_en).group(1)) for f in chances}
    assert len(set(english.values())) >= 2  # the order below means something
    nl = rule_texts("nl")
    rows = [finding_row(f, nl.message) for f in chances]
    assert all(r["message"].startswith("Kans om te combineren (score ") for r in rows)
    assert {r["finding_id"]: chance_score(r) for r in rows} == english  # the .qm keeps "(score N/100)"
    (group,) = group_rows(rows)
    assert [english[r["finding_id"]] for r in group.rows] == sorted(english.values(), reverse=True)
