"""The Overview's funding gap panel: per district and per theme, how many interventions are funded,
partly funded, unfunded or without a budget, and the money short. Numbers from core (aggregations'
funding_totals, funding_gap's rule); only formatting here."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from gebiedsplugin.core import funding_gap
from gebiedsplugin.core.aggregations import funding_totals, is_city
from gebiedsplugin.gui.overview_panels import fill_table, make_table
from gebiedsplugin.qgis_io.overview_charts import code_label, money_text
from gebiedsplugin.toolbelt.i18n import tr

STATUS_COLUMNS = (funding_gap.UNFUNDED, funding_gap.PARTLY_FUNDED, funding_gap.FUNDED, funding_gap.NO_BUDGET)


class FundingPanel(QWidget):
    """A summary line and one table: the districts (for the whole city), then the themes of the scope."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("overview_funding")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel(self)
        self.summary.setObjectName("overview_funding_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = make_table(self, "funding_table")
        layout.addWidget(self.table, 1)
        self.rows: list = []  # (kind, code, Totals) as shown

    def update_scope(self, ov, district, year_from, year_to, lang) -> None:
        self.show_data(ov, district, year_from, year_to, lang, self.compute(ov, district, year_from, year_to, lang))

    def compute(self, ov, district, year_from, year_to, lang, _geometry=None) -> list:
        """The totals (plain work on the Overview, fine in a worker)."""
        blocks = []
        if is_city(district):
            blocks.append(("district_id", tr("District"), funding_totals(ov, "district_id", None, year_from, year_to)))
        blocks.append(("theme", tr("Theme"), funding_totals(ov, "theme", district, year_from, year_to)))
        return blocks

    def show_data(self, ov, district, year_from, year_to, lang, blocks) -> None:
        # the money short first: the columns a narrow dock shows are the ones a district meeting asks for
        headers = [tr("By"), tr("Name"), tr("Short")] + [funding_gap.label(s, lang) for s in STATUS_COLUMNS] + [
            tr("Budget")]
        rows, self.rows = [], []
        for key, by, totals in blocks:
            for t in totals:
                name = ov.name(t.key) if key == "district_id" else code_label("theme", t.key, lang)
                rows.append([by, name or tr("Unknown"), money_text(t.shortfall, lang)] + [
                    t.counts[s] for s in STATUS_COLUMNS] + [money_text(t.budget, lang)])
                self.rows.append((key, t.key, t))
        fill_table(self.table, headers, rows)
        scope = blocks[-1][2]
        short = sum(t.shortfall for t in scope)
        unfunded = sum(t.counts[funding_gap.UNFUNDED] for t in scope)
        partly = sum(t.counts[funding_gap.PARTLY_FUNDED] for t in scope)
        self.summary.setText(tr("{} unfunded and {} partly funded interventions, {} short. Funded: the funding rows "
                                "add up to the budget (within € 1).").format(unfunded, partly, money_text(short, lang)))
