"""gebiedsplugin:check_programme: the programme check (programmatoets), counts per rule and severity."""

from __future__ import annotations

import json

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsProject,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.findings import finding_row
from gebiedsplugin.core.rules import RULES, Cancelled
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.convert import from_shapely
from gebiedsplugin.qgis_io.store.findings import polygonal
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr, ui_language
from gebiedsplugin.toolbelt.qt_compat import field
from gebiedsplugin.toolbelt.rule_texts import rule_texts

OUTPUT_FIELDS = ("finding_id", "rule", "severity", "district_id", "message", "subject_uids")


def parse_rules(text: str):
    """A tuple of rule ids from 'conflict,stacking' (None when empty); ProgrammeError on unknown ids."""
    ids = tuple(dict.fromkeys(p.strip() for p in (text or "").replace(";", ",").split(",") if p.strip()))
    unknown = [r for r in ids if r not in RULES]
    if unknown:
        raise ProgrammeError(tr("Unknown rules: {} (known: {}).").format(", ".join(unknown), ", ".join(RULES)))
    return ids or None


class CheckProgrammeAlgorithm(BaseAlgorithm):
    NAME = "check_programme"
    PROGRAMME, RULES, DISTRICT, OUTPUT, UPDATE_REGISTER = (
        "PROGRAMME", "RULES", "DISTRICT", "OUTPUT", "UPDATE_REGISTER")
    COUNTS, TOTAL, NEW, CLOSED = "COUNTS", "TOTAL", "NEW", "CLOSED"

    def display(self) -> str:
        return tr("Check programme")

    def help_text(self) -> str:
        return tr("Runs the programme check (programmatoets): data quality, district mismatch, unknown programme "
                  "codes, periods, not in programme, conflicting works, rest period, stacking, duplicate funding "
                  "and area budgets. The findings go to the programme's findings register (decisions on earlier "
                  "findings are kept; findings that no longer occur are closed, not deleted) and optionally to "
                  "a layer. Returns the counts per rule and severity as JSON.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Programme"))
        self.add(QgsProcessingParameterString(self.RULES, tr("Rules"), optional=True),
                 tr("Rule ids separated by commas (empty: all): {}.").format(", ".join(RULES)))
        self.add(QgsProcessingParameterString(self.DISTRICT, tr("District"), optional=True),
                 tr("A district id to check only that district (empty or 'city': the whole city)."))
        self.add(QgsProcessingParameterBoolean(self.UPDATE_REGISTER, tr("Update the findings register"), True),
                 tr("Merge the findings into the programme's findings table."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Findings"), QgsProcessing.SourceType.TypeVectorPolygon, optional=True,
            createByDefault=False),
            tr("Optional layer with the findings of this run."))
        self.addOutput(QgsProcessingOutputString(self.COUNTS, tr("Findings per rule and severity (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL, tr("Number of findings")))
        self.addOutput(QgsProcessingOutputNumber(self.NEW, tr("New findings")))
        self.addOutput(QgsProcessingOutputNumber(self.CLOSED, tr("Findings closed")))

    def execute(self, parameters, context, feedback) -> dict:
        path = self.parameterAsFile(parameters, self.PROGRAMME, context)
        if not path:
            raise ProgrammeError(tr("Choose the programme to check."))
        district = self.parameterAsString(parameters, self.DISTRICT, context).strip() or None
        lang = ui_language()
        request = CheckRequest(path, parse_rules(self.parameterAsString(parameters, self.RULES, context)), district,
                               lang=lang, write=self.parameterAsBool(parameters, self.UPDATE_REGISTER, context))
        try:
            result = run_check(request, feedback.setProgress, feedback.isCanceled)
        except Cancelled:
            raise ProgrammeError(tr("The check was cancelled; the findings were not changed.")) from None
        for note in result.notes:
            feedback.reportError(note)
        out = {self.COUNTS: json.dumps(result.counts, sort_keys=True), self.TOTAL: result.total,
               self.NEW: result.merge.get("new", 0), self.CLOSED: result.merge.get("closed", 0)}
        for key, count in result.counts.items():
            feedback.pushInfo("{}: {}".format(key, count))
        feedback.pushInfo(tr("{} findings; new {}, closed {}.").format(result.total, out[self.NEW], out[self.CLOSED]))
        sink_crs = QgsCoordinateReferenceSystem(_crs_of(path))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, _fields(), QgsWkbTypes.Type.MultiPolygon,
                                          sink_crs)
        if sink is not None:
            texts = rule_texts(lang)
            for finding in result.findings:
                feat = QgsFeature(_fields())
                row = finding_row(finding, texts.message)
                feat.setAttributes([row[name] for name in OUTPUT_FIELDS])
                geom = polygonal(finding.geometry)
                if geom is not None:
                    g = from_shapely(geom)
                    g.convertToMultiType()
                    feat.setGeometry(g)
                if not sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            out[self.OUTPUT] = dest
        self._checked = open_store(path).path if request.write else ""
        return out

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Main thread: reload the findings layer of this programme when the project shows it."""
        if getattr(self, "_checked", ""):
            from gebiedsplugin.qgis_io.check_task import reload_layers
            from gebiedsplugin.qgis_io.loader import programme_layers

            layer = programme_layers(context.project() or QgsProject.instance(), self._checked).get("findings")
            reload_layers([layer])
        return {}


def _fields() -> QgsFields:
    fields = QgsFields()
    for name in OUTPUT_FIELDS:
        fields.append(field(name, QMetaType.Type.QString))
    return fields


def _crs_of(path: str) -> str:
    return open_store(path).crs()
