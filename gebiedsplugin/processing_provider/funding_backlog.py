"""gebiedsplugin:funding_backlog: the interventions short of money, largest shortfall first (CSV or ODS)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from gebiedsplugin.core.funding_gap import BACKLOG_COLUMNS
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr, ui_language


class FundingBacklogAlgorithm(BaseAlgorithm):
    NAME = "funding_backlog"
    PROGRAMME, DISTRICT, OUTPUT, OVERWRITE, COUNT, SHORTFALL = (
        "PROGRAMME", "DISTRICT", "OUTPUT", "OVERWRITE", "COUNT", "SHORTFALL")

    def display(self) -> str:
        return tr("Funding backlog (CSV / ODS)")

    def help_text(self) -> str:
        return tr("Writes the interventions that are not (fully) funded, largest shortfall first: budget, the sum "
                  "of the funding rows, the shortfall in total and per year, funding status and funders. Funded "
                  "means the funding rows add up to the budget within 1 EUR; cancelled interventions are left "
                  "out. The same rule as the Interventions dock's funding filter and the exports.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Programme"))
        self.add(QgsProcessingParameterString(self.DISTRICT, tr("District (empty: the whole city)"), optional=True),
                 tr("A district id; empty or 'city' for the whole city."))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Backlog"),
                                                       tr("CSV files (*.csv);;OpenDocument spreadsheets (*.ods)")),
                 tr("Where to write the backlog: .csv or .ods."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Overwrite an existing file"), False),
                 tr("Replace OUTPUT if it exists."))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Interventions in the backlog")))
        self.addOutput(QgsProcessingOutputNumber(self.SHORTFALL, tr("Total shortfall (EUR)")))

    def execute(self, parameters, context, feedback) -> dict:
        from gebiedsplugin.qgis_io.funding_backlog import backlog_rows, write_backlog

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        store = open_store(self.parameterAsFile(parameters, self.PROGRAMME, context))
        district = self.parameterAsString(parameters, self.DISTRICT, context).strip() or None
        headers, rows = backlog_rows(store.read_programme(), district, ui_language())
        write_backlog(output, headers, rows, self.parameterAsBool(parameters, self.OVERWRITE, context))
        column = [key for key, _header in BACKLOG_COLUMNS].index("shortfall")
        shortfall = sum(row[column] for row in rows)
        feedback.pushInfo(tr("Written: {} ({} interventions)").format(output, len(rows)))
        return {self.OUTPUT: output, self.COUNT: len(rows), self.SHORTFALL: shortfall}
