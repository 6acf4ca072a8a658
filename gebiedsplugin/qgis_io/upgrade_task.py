"""A programme's schema upgrade (store/migrate.py) off the main thread.

The same upgrade as Processing's gebiedsplugin:upgrade_programme, as a QgsTask with progress and cancel:
one transaction (the backup included), so a cancel or a failure rolls back and nothing is changed. At a
million interventions a PostGIS upgrade copies every table for its backup and fills the check's kept
tables: minutes that must not freeze QGIS.
"""

from __future__ import annotations

from qgis.core import QgsTask

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store import migrate
from gebiedsplugin.toolbelt.i18n import tr


class UpgradeTask(QgsTask):
    """migrate.upgrade(*plan*) in the background. Afterwards ``result`` (migrate.upgrade's dict) is set,
    or ``error`` says what to tell the planner, or ``cancelled`` is True (nothing was changed)."""

    def __init__(self, plan: migrate.Plan):
        super().__init__(tr("Upgrading {}").format(plan.label), QgsTask.Flag.CanCancel)
        self.plan = plan
        self.error = ""
        self.cancelled = False
        self.result: dict = {}

    def run(self) -> bool:
        try:
            self.result = migrate.upgrade(self.plan, cancelled=self.isCanceled, progress=self.setProgress)
        except Cancelled:
            self.cancelled = True
            return False
        except ProgrammeError as e:
            self.error = str(e)
            return False
        except Exception as e:  # noqa: BLE001 - told to the planner, not swallowed
            self.error = tr("Upgrading {} failed, nothing was changed: {}").format(self.plan.label, e)
            return False
        return True

    def finished(self, result: bool) -> None:
        if not result and not self.error:  # cancelled, possibly before it started
            self.cancelled = True
