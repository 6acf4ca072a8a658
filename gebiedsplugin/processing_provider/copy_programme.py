"""gebiedsplugin:copy_programme — move a programme between a GeoPackage and PostGIS, verified."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDatabaseSchema,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store.open import PREFIX, create_store, open_store
from gebiedsplugin.qgis_io.store.transfer import copy_programme
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import seconds


class CopyProgrammeAlgorithm(BaseAlgorithm):
    """Copy INPUT to a new OUTPUT store; counts and ids are compared after the copy."""

    NAME = "copy_programme"
    INPUT, OUTPUT, OVERWRITE, COUNTS = "INPUT", "OUTPUT", "OVERWRITE", "COUNTS"
    CONNECTION, SCHEMA = "TARGET_CONNECTION", "TARGET_SCHEMA"

    def display(self) -> str:
        return tr("Copy programme (GeoPackage / PostGIS)")

    def help_text(self) -> str:
        return tr("Copies a programme into a new GeoPackage or PostGIS schema, for example an offline copy "
                  "for an area day, and checks that counts and ids are equal afterwards. A PostGIS programme "
                  "is written postgres:<QGIS connection>/<schema>.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.INPUT, tr("Programme to copy"))
        self.add(QgsProcessingParameterString(self.OUTPUT, tr("New programme"), optional=True),
                 tr("A new GeoPackage path or postgres:<QGIS connection>/<schema>; leave it empty to choose a "
                    "PostGIS connection and schema below."))
        self.add(QgsProcessingParameterProviderConnection(self.CONNECTION, tr("New programme: PostGIS connection"),
                                                          "postgres", optional=True),
                 tr("A saved QGIS PostGIS connection for the new programme (when New programme is empty)."))
        self.add(QgsProcessingParameterDatabaseSchema(self.SCHEMA, tr("New programme: schema"), self.CONNECTION,
                                                      optional=True),
                 tr("The schema of the new programme (a new name: lower-case letters, digits and _)."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Replace an existing target"), False),
                 tr("Replace the target when it already exists."))
        # OUTPUT is a plain string parameter (a path or a PostGIS schema), so it is no output by itself.
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, tr("New programme")))
        self.addOutput(QgsProcessingOutputString(self.COUNTS, tr("Rows per table")))

    def execute(self, parameters, context, feedback) -> dict:
        source = open_store(self.parameterAsString(parameters, self.INPUT, context))
        target_text = self.target(parameters, context)
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE, context)
        target, report = copy_programme(
            source, lambda crs, programme: create_store(target_text, crs, programme, overwrite),
            feedback=feedback.isCanceled)
        feedback.pushInfo(tr("Copied {} interventions in {} s.").format(
            sum(n for t, n in report["counts"].items() if t.startswith("interventions_")), seconds(report["seconds"])))
        return {self.OUTPUT: target.path, self.COUNTS: str(report["counts"])}

    def target(self, parameters, context) -> str:
        """OUTPUT as written, or ``postgres:<connection>/<schema>`` of TARGET_CONNECTION and TARGET_SCHEMA."""
        text = self.parameterAsString(parameters, self.OUTPUT, context).strip()
        if text:
            return text
        connection = self.parameterAsConnectionName(parameters, self.CONNECTION, context)
        schema_name = self.parameterAsSchema(parameters, self.SCHEMA, context)
        if not connection or not schema_name:
            raise QgsProcessingException(tr("Give the new programme: a GeoPackage path or postgres:<QGIS connection>/"
                                            "<schema> as New programme, or a PostGIS connection and a schema."))
        return "{}{}/{}".format(PREFIX, connection, schema_name)
