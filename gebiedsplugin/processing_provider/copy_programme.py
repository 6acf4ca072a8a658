"""gebiedsplugin:copy_programme — move a programme between a GeoPackage and PostGIS, verified."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterBoolean, QgsProcessingParameterString

from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store.open import create_store, open_store
from gebiedsplugin.qgis_io.store.transfer import copy_programme
from gebiedsplugin.toolbelt.i18n import tr


class CopyProgrammeAlgorithm(BaseAlgorithm):
    """Copy INPUT to a new OUTPUT store; counts and ids are compared after the copy."""

    NAME = "copy_programme"
    INPUT, OUTPUT, OVERWRITE, COUNTS = "INPUT", "OUTPUT", "OVERWRITE", "COUNTS"

    def display(self) -> str:
        return tr("Copy programme (GeoPackage / PostGIS)")

    def help_text(self) -> str:
        return tr("Copies a programme into a new GeoPackage or PostGIS schema, for example an offline copy "
                  "for an area day, and checks that counts and ids are equal afterwards. A PostGIS programme "
                  "is written postgres:<QGIS connection>/<schema>.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(QgsProcessingParameterString(self.INPUT, tr("Programme to copy")),
                 tr("A GeoPackage path or postgres:<QGIS connection>/<schema>."))
        self.add(QgsProcessingParameterString(self.OUTPUT, tr("New programme")),
                 tr("A new GeoPackage path or postgres:<QGIS connection>/<schema>."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Replace an existing target"), False),
                 tr("Replace the target when it already exists."))
        # OUTPUT is a plain string parameter (a path or a PostGIS schema), so it is no output by itself.
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, tr("New programme")))
        self.addOutput(QgsProcessingOutputString(self.COUNTS, tr("Rows per table")))

    def execute(self, parameters, context, feedback) -> dict:
        source = open_store(self.parameterAsString(parameters, self.INPUT, context))
        target_text = self.parameterAsString(parameters, self.OUTPUT, context)
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE, context)
        target, report = copy_programme(
            source, lambda crs, programme: create_store(target_text, crs, programme, overwrite),
            feedback=feedback.isCanceled)
        feedback.pushInfo(tr("Copied {} interventions in {} s.").format(
            sum(n for t, n in report["counts"].items() if t.startswith("interventions_")), report["seconds"]))
        return {self.OUTPUT: target.path, self.COUNTS: str(report["counts"])}
