"""The Overview dock's progress panel: each effect indicator from its baseline (year, value) to the
latest measured value and the target, as a percentage (core/effects.py defines it; no arithmetic here).
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from gebiedsplugin.core.aggregations import is_city
from gebiedsplugin.core.list_steps import sorted_in_runs
from gebiedsplugin.gui.text_table import TextTable
from gebiedsplugin.toolbelt.i18n import tr

# Progress cell colours: the target reached, more than half way, under way, moving away from it.
PROGRESS_COLOURS = ((100.0, "#b8e0b0"), (50.0, "#d9f0d3"), (0.0, "#fff2c2"), (float("-inf"), "#f8d0d0"))


def progress_colour(percent) -> str:
    """Background of a progress cell ('' when there is no percentage)."""
    if percent is None:
        return ""
    return next(colour for floor, colour in PROGRESS_COLOURS if percent >= floor)


class ProgressPanel(QWidget):
    """Baseline year and value -> latest measured -> target, with the progress percentage."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("overview_progress")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel(self)
        self.summary.setObjectName("overview_progress_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = TextTable(self, "progress_table")
        layout.addWidget(self.table, 1)
        self.rows: list = []

    def update_scope(self, ov, district, year_from, year_to, lang) -> None:
        self.show_data(ov, district, year_from, year_to, lang, self.compute(ov, district, year_from, year_to, lang))

    def compute(self, ov, district, year_from, year_to, lang, _geometry=None) -> list:
        """The rows (plain work on the Overview, fine in a worker)."""
        items = sorted_in_runs([i for i in ov.scoped(district) if i.progress is not None and i.active
                                and i.overlaps(year_from, year_to)],
                               key=lambda i: (ov.name(i.district_id), i.effect_indicator, i.title, i.uid))
        locale = QLocale()

        def num(value) -> str:
            return "" if value is None else locale.toString(float(value), "g", 6)

        def at(year, value) -> str:
            if value is None:
                return ""
            return "{} ({})".format(num(value), year) if year is not None else num(value)

        headers = [tr("District"), tr("Title"), tr("Indicator"), tr("Baseline (year)"), tr("Latest measured (year)"),
                   tr("Target value"), tr("Progress")]
        rows, colours = [], []
        for item in items:
            p = item.progress
            percent = "" if p.percent is None else "{} %".format(locale.toString(p.percent, "f", 0))
            rows.append((ov.name(item.district_id), item.title, item.effect_indicator, at(p.baseline_year, p.baseline),
                         at(p.latest_year, p.latest), num(p.target), percent))
            colours.append(("",) * (len(headers) - 1) + (progress_colour(p.percent),))
        return items, headers, rows, colours

    def show_data(self, ov, district, year_from, year_to, lang, computed) -> None:
        self.rows, headers, rows, colours = computed
        measured = [i for i in self.rows if i.progress.percent is not None]
        reached = [i for i in measured if i.progress.reached]
        self.summary.setText(tr("{} of {} indicators have a measurement and a target; {} reached the target.")
                             .format(len(measured), len(self.rows), len(reached)) if self.rows
                             else tr("No effect indicators in this scope."))
        self.table.set_rows(headers, rows, colours)
        self.table.setColumnHidden(0, not is_city(district))
