"""Giving a PostGIS programme the check's kept tables (store/pg_check_tables.py) off the main thread.

The same upgrade as Processing's gebiedsplugin:upgrade_programme (store/migrate.py), as a QgsTask with
progress and cancel: one transaction, so a cancel (or a failure) rolls back and nothing is changed.
*on_done(task)* runs on the main thread: ``error`` is then "" when the tables were made, else what to say.
"""

from __future__ import annotations

from typing import Callable

import psycopg2
from qgis.core import QgsTask

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store import migrate, pg_check_tables
from gebiedsplugin.qgis_io.store.source_text import display_name
from gebiedsplugin.toolbelt.i18n import tr


def lacks_check_tables(store) -> bool:
    """True when *store* is a PostGIS programme without the check's kept tables of this version; False
    when it has them, is a GeoPackage, or the server cannot tell now (nothing is offered then)."""
    if getattr(store, "kind", "") != "postgis":
        return False
    try:
        return not pg_check_tables.kept_by(store)
    except (ProgrammeError, psycopg2.Error):
        return False


class CheckTablesTask(QgsTask):
    """migrate.upgrade(*source*) in the background, for a programme whose schema is current."""

    def __init__(self, source: str, on_done: Callable):
        self.name = display_name(source)
        super().__init__(tr("Adding the check's tables to {}").format(self.name), QgsTask.Flag.CanCancel)
        self.source = source
        self.on_done = on_done
        self.error = ""
        self.result: dict = {}

    def run(self) -> bool:
        try:
            plan = migrate.plan(self.source)
            if plan.needed:  # an older schema is upgraded after the question that names its backup, not here
                raise ProgrammeError(migrate.describe(plan))
            self.result = migrate.upgrade(plan, cancelled=self.isCanceled, progress=self.setProgress)
        except Cancelled:
            self.error = self._cancelled()
            return False
        except ProgrammeError as e:
            self.error = str(e)
            return False
        except Exception as e:  # noqa: BLE001 - told to the planner, not swallowed
            self.error = tr("Adding the check's tables to {} failed, nothing was changed: {}").format(self.name, e)
            return False
        return True

    def _cancelled(self) -> str:
        return tr("Adding the check's tables to {} was cancelled; nothing was changed.").format(self.name)

    def finished(self, result: bool) -> None:
        if not result and not self.error:  # cancelled before it started
            self.error = self._cancelled()
        self.on_done(self)
