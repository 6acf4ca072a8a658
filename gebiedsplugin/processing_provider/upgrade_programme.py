"""gebiedsplugin:upgrade_programme — bring a programme of an older schema version up to date, in place."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterBoolean

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store import migrate
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import seconds


class UpgradeProgrammeAlgorithm(BaseAlgorithm):
    """Upgrade PROGRAMME to this plugin's schema version (a backup copy first unless BACKUP is off)."""

    NAME = "upgrade_programme"
    PROGRAMME, BACKUP, OUTPUT, BACKUP_COPY = "PROGRAMME", "BACKUP", "OUTPUT", "BACKUP_COPY"

    def display(self) -> str:
        return tr("Upgrade programme to the current schema")

    def help_text(self) -> str:
        return tr("Upgrades a programme made by an older version of the plugin in place, in one transaction, "
                  "after a backup copy: a GeoPackage next to it named with the old version and the time, or a "
                  "PostGIS schema <schema>_v<old>_backup_<time>. A programme that is already current is left "
                  "as it is. The other algorithms refuse an older programme until it is upgraded.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Programme"))
        self.add(QgsProcessingParameterBoolean(self.BACKUP, tr("Make a backup copy first"), True),
                 tr("Copy the programme before upgrading it (recommended)."))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, tr("Upgraded programme")))
        self.addOutput(QgsProcessingOutputString(self.BACKUP_COPY, tr("Backup copy")))

    def execute(self, parameters, context, feedback) -> dict:
        source = self.parameterAsFile(parameters, self.PROGRAMME, context)
        backup = self.parameterAsBool(parameters, self.BACKUP, context)
        try:
            result = migrate.upgrade(source, backup=backup, cancelled=feedback.isCanceled,
                                     progress=feedback.setProgress)
        except Cancelled:
            raise ProgrammeError(tr("{} was not upgraded: cancelled, nothing was changed.").format(source)) from None
        if result["from"] == result["to"]:
            feedback.pushInfo(tr("{} already has schema version {}; nothing to do.").format(source, result["to"]))
        else:
            feedback.pushInfo(tr("Upgraded {} from schema {} to {} in {} s; backup: {}").format(
                source, result["from"], result["to"], seconds(result["seconds"]), result["backup"] or tr("none")))
        return {self.OUTPUT: source, self.BACKUP_COPY: result["backup"] or ""}
