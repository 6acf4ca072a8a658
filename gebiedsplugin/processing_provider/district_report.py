"""gebiedsplugin:district_report: a PDF with, per district (and the city), the overview's charts and tables."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr, ui_language


class DistrictReportAlgorithm(BaseAlgorithm):
    NAME = "district_report"
    PROGRAMME, DISTRICT, YEAR_FROM, YEAR_TO, OUTPUT, OVERWRITE, PAGES = (
        "PROGRAMME", "DISTRICT", "YEAR_FROM", "YEAR_TO", "OUTPUT", "OVERWRITE", "PAGES")

    def display(self) -> str:
        return tr("District report (PDF)")

    def help_text(self) -> str:
        return tr("Writes a PDF with one page for the whole city and one per district (or only the districts "
                  "asked for): planned money per year against the area budget, per funder and per theme, the "
                  "share per funder across districts, stacking per neighbourhood and year, and the themes "
                  "funded against the priorities of the area goals. The same figures as the Overview dock.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Programme"))
        self.add(QgsProcessingParameterString(self.DISTRICT, tr("Districts (empty: the city and every district)"),
                                              optional=True),
                 tr("Comma-separated district ids; 'city' for the whole city."))
        for name, text in ((self.YEAR_FROM, tr("From year")), (self.YEAR_TO, tr("To year"))):
            self.add(QgsProcessingParameterNumber(name, text, QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                  minValue=2000, maxValue=2100),
                     tr("Inclusive; empty for an open period."))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Report"), tr("PDF files (*.pdf)")),
                 tr("Where to write the PDF."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Overwrite an existing file"), False),
                 tr("Replace OUTPUT if it exists."))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Pages")))

    def execute(self, parameters, context, feedback) -> dict:
        from gebiedsplugin.qgis_io.district_report import write_district_report

        year_from, year_to = self.period(parameters, context, self.YEAR_FROM, self.YEAR_TO)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        store = open_store(self.parameterAsFile(parameters, self.PROGRAMME, context))
        areas = write_district_report(
            store, output, self.parameterAsString(parameters, self.DISTRICT, context) or "", year_from, year_to,
            self.parameterAsBool(parameters, self.OVERWRITE, context), ui_language(), feedback)
        feedback.pushInfo(tr("Written: {} ({} pages)").format(output, len(areas)))
        return {self.OUTPUT: output, self.PAGES: len(areas)}
