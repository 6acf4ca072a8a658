"""The files the Interventions dock writes: the list as shown (CSV) and the funding backlog."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsTask

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.gui.intervention_table_model import BUDGET, FUNDING, SORT_ROLE
from gebiedsplugin.gui.table_csv import view_table, write_view_csv
from gebiedsplugin.qgis_io.funding_backlog import backlog_rows, write_backlog
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify


class ListFiles:
    """Writes the dock's files; asks through the dock's prompts (tests answer without dialogs)."""

    def __init__(self, dock):
        self.dock = dock
        self.backlog_task = None  # a reference keeps the running task alive

    def _target(self, path: str) -> tuple:
        """(path, overwrite) for a chosen *path*: ('', False) when none was chosen or the planner
        keeps the existing file."""
        if not path:
            return "", False
        overwrite = Path(path).exists()
        question = tr("{} exists already. Replace it?").format(path)
        if overwrite and not self.dock.prompts.confirm(tr("Replace file?"), question):
            return "", False
        return path, overwrite

    def export_csv(self) -> str:
        """Write the list as shown (rows, columns, order, labels) to a CSV file; its path ('' if none)."""
        dock = self.dock
        headers, rows = view_table(dock.view, (BUDGET, FUNDING), SORT_ROLE)
        if not rows:
            notify(dock.iface, tr("Interventions"), tr("Nothing to export: the list is empty."),
                   Qgis.MessageLevel.Warning)
            return ""
        store = dock.controller.store
        start = str(Path(store.folder()) / (store.name + "_interventions.csv")) if store is not None else ""
        path, overwrite = self._target(dock.prompts.csv_path(start))
        if not path:
            return ""
        try:
            write_view_csv(path, headers, rows, overwrite)
        except ProgrammeError as e:
            notify(dock.iface, tr("Interventions"), str(e), Qgis.MessageLevel.Critical)
            return ""
        notify(dock.iface, tr("Interventions"), tr("{} interventions written to {}.").format(len(rows), path))
        return path

    def export_backlog(self) -> str:
        """Write the funding backlog of the chosen district (saved data) in a background task; the path
        chosen ('' when none). The result is told in the message bar when the task ends."""
        dock = self.dock
        store = dock.controller.store
        if store is None:
            return ""
        district = dock.filters.current().district_id
        suffix = "" if district in (None, "", schema.CITY_ID) else "_" + str(district)
        start = str(Path(store.folder()) / "{}_backlog{}.csv".format(store.name, suffix))
        path, overwrite = self._target(dock.prompts.backlog_path(start))
        if not path:
            return ""
        lang, iface = dock.lang, dock.iface

        def work(task):  # worker thread: reads the store, writes the file; no layers, no iface
            headers, rows = backlog_rows(store.read_programme(), district, lang)
            write_backlog(path, headers, rows, overwrite)
            return len(rows)

        def done(exception, count=None):
            if exception is not None:
                notify(iface, tr("Funding backlog"), str(exception), Qgis.MessageLevel.Critical)
            else:
                notify(iface, tr("Funding backlog"), tr("%n intervention(s) short of money written to {}.",
                                                        "", count or 0).format(path))
            self.backlog_task = None

        self.backlog_task = QgsTask.fromFunction(tr("Writing the funding backlog"), work, on_finished=done)
        QgsApplication.taskManager().addTask(self.backlog_task)
        return path
