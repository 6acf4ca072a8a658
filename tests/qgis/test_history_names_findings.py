"""The programme history names a finding as the findings register does (qa item 9): its rule's title in
the planner's language and the titles of the interventions it is about (else its district's name), never
its internal key (`data_quality:3f2e…`). Expected names from SQL on the GeoPackage and the .ts file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gebiedsplugin.core import schema
from gebiedsplugin.core.rules import RULES
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from tests.qgis.interventions_fixtures import programme_history
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)
from tests.unit.ts_texts import catalogue

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "shots"


def test_history_names_findings_by_rule_and_subject(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    run_check(CheckRequest(str(path)))
    with sqlite3.connect(str(path)) as db:
        findings = {row[0]: row[1:] for row in db.execute(
            "SELECT finding_id, rule, subject_uids, district_id FROM findings")}
        titles = {uid: title for t in schema.INTERVENTION_TABLES
                  for uid, title in db.execute(f"SELECT uid, title FROM {t}")}  # nosec B608 - schema names
        districts = dict(db.execute("SELECT district_id, name FROM districts").fetchall())
    assert findings and any(subjects for _, subjects, _ in findings.values())
    dialog, trail = programme_history(plugin, path)
    shown = [row[2] for row in dialog.rows()]
    dialog.resize(1000, 420)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / f"history-findings-{ui_locale}.png"))
    alias = "Bevindingen" if ui_locale == "nl" else "Findings"
    expected = []
    for entry in trail:
        if entry["table"] != "findings":
            continue
        rule, subjects, district = findings[(entry["new"] or entry["old"])["finding_id"]]
        title = RULES[rule].title
        rule_name = title.source if ui_locale == "en" else catalogue().get((title.context, title.source), title.source)
        about = [titles[u] for u in (subjects or "").split(",") if u] or ([districts[district]] if district else [])
        expected.append(f"{alias}: {rule_name} — {', '.join(about)}" if about else f"{alias}: {rule_name}")
    finding_rows = [text for text in shown if text.startswith(alias + ":")]
    assert finding_rows == expected and len(expected) >= len(findings)
    assert not any(fid in text for text in finding_rows for fid in findings)  # no internal key shown
