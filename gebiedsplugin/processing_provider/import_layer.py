"""gebiedsplugin:import_layer: import a vector source into a programme, with a field mapping."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFieldMapping,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.import_mapping import TARGETS
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.import_report import report_json
from gebiedsplugin.qgis_io.import_source import open_source
from gebiedsplugin.qgis_io.importer import ImportRejected, run_import
from gebiedsplugin.toolbelt.i18n import tr


class ImportLayerAlgorithm(BaseAlgorithm):
    NAME = "import_layer"
    PROGRAMME, INPUT, TARGET, FIELD_MAPPING, DRY_RUN, VALID_ONLY, SOURCE_CRS = (
        "PROGRAMME", "INPUT", "TARGET", "FIELD_MAPPING", "DRY_RUN", "VALID_ONLY", "SOURCE_CRS")
    FIELDS_MAPPING = "FIELDS_MAPPING"  # QGIS's field mapping, named as native:refactorfields names it
    ADDED, UPDATED, UNCHANGED, REJECTED, REPORT = "ADDED", "UPDATED", "UNCHANGED", "REJECTED", "REPORT"

    def display(self) -> str:
        return tr("Import data into programme")

    def help_text(self) -> str:
        return tr("Imports districts, neighbourhoods, interventions, programme projects (MJP), area goals or "
                  "area budgets from any vector source QGIS reads (GeoPackage, shapefile, GeoJSON, CSV with WKT "
                  "or x/y columns, Excel). Geometries are transformed to the programme's CRS. Rows are matched "
                  "on their key (code, uid; district and theme for goals; district and year for budgets), so a "
                  "re-import updates instead of duplicating. The import is one transaction: when any row is "
                  "rejected nothing is written, unless VALID_ONLY is set. Rejected rows are named by the file's "
                  "line (CSV, counting the header as line 1), the sheet's row, the GeoPackage fid or the "
                  "feature number.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Programme"))
        self.add(QgsProcessingParameterVectorLayer(self.INPUT, tr("Source layer"),
                                                   [QgsProcessing.SourceType.TypeVector]),
                 tr("The layer or file to import (GeoPackage, shapefile, GeoJSON, CSV, Excel)."))
        self.add(QgsProcessingParameterEnum(self.TARGET, tr("Target"), options=list(TARGETS), defaultValue=0,
                                            usesStaticStrings=False),
                 tr("What the source holds: one of {} (index or name).").format(", ".join(TARGETS)))
        self.add(QgsProcessingParameterFieldMapping(self.FIELDS_MAPPING, tr("Field mapping"), self.INPUT,
                                                    optional=True),
                 tr("A list of {name: programme field, expression: source field or QGIS expression}, as "
                    "native:refactorfields takes it, optionally with values: {source value: code}; an empty "
                    "expression leaves the field out. Programme fields not listed, and an empty mapping, take "
                    "the proposal from names and aliases; an entry mapping a source field onto itself (the "
                    "form's default) is skipped."))
        self.add(QgsProcessingParameterString(self.FIELD_MAPPING, tr("Field mapping (JSON, older form)"),
                                              multiLine=True, optional=True),
                 tr('{"target_field": "source_field" or {"field": "source_field", "values": {"Fysiek": "physical"}}}; '
                    "empty for the automatic proposal from names and aliases. Use FIELDS_MAPPING or this, not both."))
        self.add(QgsProcessingParameterBoolean(self.DRY_RUN, tr("Dry run (write nothing)"), False),
                 tr("Only count what would be added, updated, left unchanged and rejected."))
        self.add(QgsProcessingParameterBoolean(self.VALID_ONLY, tr("Import the valid rows when some are rejected"),
                                               False),
                 tr("Default off: any rejected row means nothing is written."))
        self.add(QgsProcessingParameterCrs(self.SOURCE_CRS, tr("Source CRS"), optional=True),
                 tr("What the source's coordinates are, when the source does not say (a shapefile without "
                    ".prj, CSV x/y or WKT columns) or says it wrongly; empty: the source's own CRS, or for "
                    "CSV a guess (degrees: WGS84, else the programme's CRS)."))
        for name, label in ((self.ADDED, tr("Added")), (self.UPDATED, tr("Updated")),
                            (self.UNCHANGED, tr("Unchanged")), (self.REJECTED, tr("Rejected"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputString(self.REPORT, tr("Report (JSON)")))

    def _target(self, parameters, context) -> str:
        raw = parameters.get(self.TARGET)
        if isinstance(raw, str) and raw in TARGETS:
            return raw
        if isinstance(raw, str) and not raw.strip().isdigit():
            raise ProgrammeError(tr("Unknown import target {}; choose one of: {}.").format(raw, ", ".join(TARGETS)))
        return TARGETS[self.parameterAsEnum(parameters, self.TARGET, context)]

    def checkParameterValues(self, parameters, context):  # noqa: N802
        raw = parameters.get(self.TARGET)
        if isinstance(raw, str) and raw in TARGETS:  # names are accepted besides indexes
            parameters = dict(parameters, TARGET=TARGETS.index(raw))
        entries = parameters.get(self.FIELDS_MAPPING)
        if isinstance(entries, (list, tuple)):
            # QGIS's check wants a type in every entry; the programme fixes the types, so a script may omit it
            parameters = dict(parameters, FIELDS_MAPPING=[
                dict({"type": int(QMetaType.Type.QString)}, **e) if isinstance(e, dict) else e for e in entries])
        return super().checkParameterValues(parameters, context)

    def _mapping(self, parameters, context):
        """FIELDS_MAPPING's list, or FIELD_MAPPING's JSON (scripts written before FIELDS_MAPPING)."""
        entries = parameters.get(self.FIELDS_MAPPING) or []
        text = self.parameterAsString(parameters, self.FIELD_MAPPING, context) or ""
        if not isinstance(entries, (list, tuple)):
            raise ProgrammeError(tr("FIELDS_MAPPING must be a list of {name, expression} entries."))
        if entries and text.strip():
            raise ProgrammeError(tr("Give the field mapping once: FIELDS_MAPPING or FIELD_MAPPING, not both."))
        return list(entries) if entries else text

    def execute(self, parameters, context, feedback) -> dict:
        programme = self.parameterAsFile(parameters, self.PROGRAMME, context)
        target = self._target(parameters, context)
        raw = parameters.get(self.INPUT)
        source_crs = None
        if parameters.get(self.SOURCE_CRS) not in (None, ""):
            source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        hint = source_crs.authid() if source_crs is not None and source_crs.isValid() else ""
        if isinstance(raw, str) and "://" not in raw and Path(raw.partition("|")[0]).exists():
            # a file: CSV x/y and WKT detection, clear file errors (Processing may have loaded it
            # through OGR already, which knows neither)
            layer = open_source(raw, hint)
        elif isinstance(raw, str) and "://" not in raw and not context.getMapLayer(raw):
            layer = open_source(raw, hint)  # a missing file: named
        else:
            layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        try:
            mapping = self._mapping(parameters, context)
            result = run_import(programme, layer, target, mapping,
                                dry_run=self.parameterAsBool(parameters, self.DRY_RUN, context),
                                valid_only=self.parameterAsBool(parameters, self.VALID_ONLY, context),
                                context=context.transformContext(), feedback=feedback, source_crs=source_crs)
        except ImportRejected as e:
            for line in e.result.text().splitlines():
                feedback.reportError(line)
            raise
        for line in result.text().splitlines():
            feedback.pushInfo(line)
        counts = result.counts()
        return {self.ADDED: counts["added"], self.UPDATED: counts["updated"], self.UNCHANGED: counts["unchanged"],
                self.REJECTED: counts["rejected"], self.REPORT: report_json(result)}
