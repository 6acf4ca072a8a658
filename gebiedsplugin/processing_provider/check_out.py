"""gebiedsplugin:check_out — take districts of a shared programme along for an area day offline."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store.offline import check_out
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr


class CheckOutAlgorithm(BaseAlgorithm):
    """PROGRAMME, DISTRICTS, YEAR_FROM, YEAR_TO -> OUTPUT (a GeoPackage copy), COUNTS."""

    NAME = "check_out"
    PROGRAMME, DISTRICTS, YEAR_FROM, YEAR_TO = "PROGRAMME", "DISTRICTS", "YEAR_FROM", "YEAR_TO"
    OUTPUT, OVERWRITE, COUNTS = "OUTPUT", "OVERWRITE", "COUNTS"

    def display(self) -> str:
        return tr("Check out districts for offline work")

    def help_text(self) -> str:
        return tr("Copies districts of a shared programme (PostGIS or a GeoPackage on a share) into a GeoPackage "
                  "to work without a network on an area day: their interventions, programme projects, area goals "
                  "and budgets with funding and links, all districts and neighbourhoods and the settings, so the "
                  "check and the export work offline. The version of every row is recorded; check the copy "
                  "back in with 'Check in an offline copy'.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Shared programme"))
        districts = QgsProcessingParameterString(self.DISTRICTS, tr("Districts"), optional=True)
        # The dialog lists the programme's districts by name to tick; the value stays their codes.
        districts.setMetadata({"widget_wrapper": {"class": "gebiedsplugin.processing_provider.district_picker"
                                                           ".DistrictsWrapper"}})
        self.add(districts, tr("District codes such as noord,oost (the dialog lists them by name to tick); "
                               "empty or city: the whole city."))
        for name, label in ((self.YEAR_FROM, tr("From year")), (self.YEAR_TO, tr("To year"))):
            self.add(QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                  minValue=1900, maxValue=2200),
                     tr("Only interventions and programme projects active in this period (empty: all)."))
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Offline copy"),
                                                       tr("GeoPackage (*.gpkg)")),
                 tr("The new GeoPackage to take along."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Replace an existing file"), False),
                 tr("Replace the file when it already exists."))
        self.addOutput(QgsProcessingOutputString(self.COUNTS, tr("Rows per table")))

    def execute(self, parameters, context, feedback) -> dict:
        source = open_store(self.parameterAsString(parameters, self.PROGRAMME, context))
        text = self.parameterAsString(parameters, self.DISTRICTS, context) or ""
        districts = [d.strip() for d in text.split(",") if d.strip()]
        years = [self.optional_year(parameters, n, context) for n in (self.YEAR_FROM, self.YEAR_TO)]
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            counts = check_out(source, target, districts, years[0], years[1],
                               overwrite=self.parameterAsBool(parameters, self.OVERWRITE, context),
                               progress=feedback.setProgress, cancelled=feedback.isCanceled)
        except Cancelled:
            raise ProgrammeError(tr("The check-out was cancelled; nothing was checked out.")) from None
        feedback.pushInfo(tr("Checked out {} rows into {}.").format(sum(counts.values()), target))
        return {self.OUTPUT: target, self.COUNTS: str(counts)}
