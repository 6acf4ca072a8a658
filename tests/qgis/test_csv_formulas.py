"""Exported CSV cells that a spreadsheet would run as a formula start with a single quote (OWASP), per
route: the export's item and summary tables and the check dock's findings; numbers stay numbers."""

from __future__ import annotations

import csv

import pytest

from gebiedsplugin.core import schema
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.core.unified import Scope
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.gui_helpers import wait_for_check
from tests.qgis.test_check_dock import Answers, dock  # noqa: F401 - the dock fixture

HYPERLINK = '=HYPERLINK("http://x","klik")'
FORMULAS = [HYPERLINK, "+31 6 12345678", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]
DISTRICT = "=1+2 Wijk"


def _read(path) -> list:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def csv_export(tmp_path_factory, qgis_app):
    """Voorbeeldstad whose first interventions carry formula titles and one district a formula name."""
    programme, _ = generate_sample(seed=42)
    titled = {}
    for item, title in zip(programme.interventions, FORMULAS):
        item.attrs["title"] = title
        titled[item.attrs["uid"]] = title
    district = next(d for d in programme.districts if d.attrs["district_id"] != schema.CITY_ID)
    district.attrs["name"] = DISTRICT
    folder = tmp_path_factory.mktemp("csv_formulas")
    GpkgStore.create(folder / "p.gpkg", programme.crs, programme)
    request = ExportRequest(str(folder / "p.gpkg"), str(folder / "out"), Scope(), formats=("csv",))
    result = run_export(request)
    items, summary = result.files["csv"]
    return _read(items), _read(summary), titled, district.attrs["district_id"]


def test_item_titles_are_escaped_and_read_back_as_text(csv_export):
    items, _summary, titled, _district = csv_export
    by_uid = {row["uid"]: row for row in items}
    assert {uid: by_uid[uid]["title"] for uid in titled} == {uid: "'" + t for uid, t in titled.items()}
    assert by_uid[next(iter(titled))]["title"] == '\'=HYPERLINK("http://x","klik")'
    others = [row["title"] for uid, row in by_uid.items() if uid not in titled]
    assert others and not any(t.startswith("'") for t in others)  # ordinary titles untouched


def test_numbers_and_ordinary_cells_stay_as_they_were(csv_export):
    items, summary, _titled, _district = csv_export
    for row in items:
        for name in ("start_year", "end_year", "budget", "open_findings", "x", "y"):
            if row[name] != "":
                float(row[name])  # a number, not quoted text
    assert all(row["district"] == "'" + DISTRICT for row in items if row["district"].endswith(DISTRICT))
    assert {row["district"] for row in items} - {"'" + DISTRICT, ""}  # the other districts as they were


def test_summary_cells_are_escaped(csv_export):
    _items, summary, _titled, district = csv_export
    rows = [row for row in summary if row["district_id"] == district]
    assert rows and {row["district"] for row in rows} == {"'" + DISTRICT}
    assert all(float(row["budget"]) >= 0 and int(row["items"]) > 0 for row in rows)


def test_findings_csv_escapes_a_formula_note(dock, tmp_path):  # noqa: F811 - the imported fixture
    assert dock.run_check()
    wait_for_check(dock)
    row = dock.tree.finding_rows()[0]
    assert dock.tree.select_finding(row["finding_id"])
    dock.decision.setCurrentIndex(dock.decision.findData("accepted"))
    dock.note.setText(HYPERLINK)
    assert dock.decide_selected() == 1
    target = tmp_path / "findings.csv"
    dock.prompts = Answers(csv=str(target))
    assert dock.export_csv() == str(target)
    written = {r["finding_id"]: r for r in _read(target)}
    assert written[row["finding_id"]]["note"] == "'" + HYPERLINK
    assert written[row["finding_id"]]["status"] == "accepted"
    # Rule messages start with a word or a quoted title: written as the register holds them.
    assert {k: r["message"] for k, r in written.items()} == {r["finding_id"]: r["message"]
                                                             for r in dock.tree.finding_rows()}
