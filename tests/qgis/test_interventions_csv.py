"""CSV = the table you see: the Interventions dock writes its list with the visible filter, columns,
column order, sort order and labels; amounts as numbers."""

from __future__ import annotations

import csv

from qgis.PyQt.QtCore import Qt

from gebiedsplugin.gui.intervention_table_model import BUDGET, THEME, TITLE
from tests.qgis import interventions_fixtures as fx

clean_settings, stocked_dock = fx.clean_settings, fx.stocked_dock  # fixtures


class CsvPrompts(fx.AnsweringPrompts):
    def __init__(self, path):
        super().__init__()
        self.path = path

    def csv_path(self, start=""):
        self.asked.append(("csv", start))
        return str(self.path)


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_is_the_list_as_shown(stocked_dock, tmp_path):
    dock = stocked_dock
    dock.set_prompts(CsvPrompts(tmp_path / "list.csv"))
    dock.filters.set_choice("district", "west")  # Bench (500) and Park (80,000)
    dock.view.sortByColumn(BUDGET, Qt.SortOrder.DescendingOrder)
    dock.view.setColumnHidden(THEME, True)
    header = dock.view.horizontalHeader()
    header.moveSection(header.visualIndex(BUDGET), 0)  # budget first on screen
    assert dock.bars.actions["export_csv"].isEnabled()
    path = dock.files.export_csv()
    rows = _read(path)
    assert rows[0] == ["Budget (EUR)", "Title", "Kind", "Years", "Status", "Funding (EUR)",
                       "Contact"]
    assert rows[1] == ["80000.0", "Park", "Maintenance", "2020–2022", "Done", "", ""]
    assert rows[2] == ["500.0", "Bench", "Intervention", "2025–2026", "Planned", "", ""]
    assert len(rows) == 3


def test_whole_city_with_funding_and_refusing_to_replace(stocked_dock, tmp_path):
    dock = stocked_dock
    target = tmp_path / "city.csv"
    prompts = CsvPrompts(target)
    dock.set_prompts(prompts)
    dock.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    rows = _read(dock.files.export_csv())
    assert [r[0] for r in rows[1:]] == ["Bench", "Bike lane", "Neighbourhood team", "Park", "Tree"]
    by_title = {r[0]: r for r in rows[1:]}
    assert by_title["Bike lane"][-2] == "150000.0" and by_title["Neighbourhood team"][-3] == ""
    prompts.answers["confirm"] = False
    target.write_text("keep", encoding="utf-8")
    assert dock.files.export_csv() == "" and target.read_text(encoding="utf-8") == "keep"
