"""gebiedsplugin:check_in — merge an offline copy back into its shared programme, all or nothing."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store.offline import check_in
from gebiedsplugin.toolbelt.i18n import tr


def conflict_rows(result) -> list:
    """The conflicts of a check-in as JSON-ready dicts (ident, kind, label, fields)."""
    return [{"id": c.ident, "kind": c.kind, "label": c.label,
             "fields": [{"field": f, "base": b, "mine": m, "theirs": t} for f, b, m, t in c.fields],
             "decided": c.decided} for c in result.plan.conflicts]


class CheckInAlgorithm(BaseAlgorithm):
    """COPY, PROGRAMME (optional), DECISIONS (JSON), DRY_RUN -> COUNTS, CONFLICTS, OPEN_CONFLICTS."""

    NAME = "check_in"
    COPY, PROGRAMME, DECISIONS, DRY_RUN = "COPY", "PROGRAMME", "DECISIONS", "DRY_RUN"
    COUNTS, CONFLICTS, OPEN = "COUNTS", "CONFLICTS", "OPEN_CONFLICTS"

    def display(self) -> str:
        return tr("Check in an offline copy")

    def help_text(self) -> str:
        return tr("Merges a checked-out copy back into its shared programme by uid against the base it was "
                  "checked out with: rows changed only offline or only in the shared programme are taken over; "
                  "rows changed on both sides are conflicts, listed in CONFLICTS. Decide each in DECISIONS as "
                  "JSON {\"<id>\": \"mine\" | \"theirs\"}; nothing is written while a conflict is undecided. The "
                  "check-in is one transaction, audited as you, and a copy is checked in once.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(QgsProcessingParameterFile(self.COPY, tr("Offline copy"), fileFilter=tr("GeoPackage (*.gpkg)")),
                 tr("The GeoPackage made by 'Check out districts for offline work'."))
        self.add(QgsProcessingParameterString(self.PROGRAMME, tr("Shared programme (if moved)"), optional=True),
                 tr("Empty: the programme the copy was checked out from."))
        self.add(QgsProcessingParameterString(self.DECISIONS, tr("Decisions (JSON)"), optional=True),
                 tr("{\"<conflict id>\": \"mine\" or \"theirs\"} for each conflict."))
        self.add(QgsProcessingParameterBoolean(self.DRY_RUN, tr("Only show what would happen"), False),
                 tr("Write nothing; report the counts and the conflicts."))
        self.addOutput(QgsProcessingOutputString(self.COUNTS, tr("Rows per operation")))
        self.addOutput(QgsProcessingOutputString(self.CONFLICTS, tr("Conflicts (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(self.OPEN, tr("Undecided conflicts")))

    def execute(self, parameters, context, feedback) -> dict:
        text = self.parameterAsString(parameters, self.DECISIONS, context) or "{}"
        try:
            decisions = json.loads(text)
        except ValueError as e:
            raise ProgrammeError(tr("DECISIONS is not valid JSON: {}").format(e)) from None
        if not isinstance(decisions, dict) or any(v not in ("mine", "theirs") for v in decisions.values()):
            raise ProgrammeError(tr("DECISIONS must map conflict ids to \"mine\" or \"theirs\"."))
        try:
            result = check_in(self.parameterAsFile(parameters, self.COPY, context), decisions,
                              target=self.parameterAsString(parameters, self.PROGRAMME, context) or None,
                              dry_run=self.parameterAsBool(parameters, self.DRY_RUN, context),
                              progress=feedback.setProgress, cancelled=feedback.isCanceled)
        except Cancelled:
            raise ProgrammeError(tr("The check-in was cancelled; nothing was checked in.")) from None
        open_ = len(result.plan.open_conflicts)
        if result.written:
            feedback.pushInfo(tr("Checked in: {}.").format(result.counts))
        elif open_:
            feedback.reportError(tr("Not checked in: {} conflict(s) need a decision.").format(open_))
        return {self.COUNTS: json.dumps(result.counts), self.CONFLICTS: json.dumps(conflict_rows(result)),
                self.OPEN: open_}
