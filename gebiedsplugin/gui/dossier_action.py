"""The Overview dock's "Dossier…" button: the district dossier of the chosen district (every district
when the whole city is chosen). Two QgsTasks, nothing drawn on the main thread: one reads the
programme and builds the content, then (after asking whether to replace existing files) one lays out
and writes the PDFs and spreadsheets (qgis_io/dossier_task.py). Progress and cancel through QGIS's
task manager; a cancel leaves only whole PDF + spreadsheet pairs."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsTask
from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox

from gebiedsplugin.core import schema
from gebiedsplugin.gui.outcome import push_result
from gebiedsplugin.qgis_io.dossier import planned_files, prepare_dossiers
from gebiedsplugin.qgis_io.dossier_task import DossierWriteTask
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify


class DossierAction:
    """Runs one dossier export at a time for *dock* (an OverviewDock)."""

    def __init__(self, dock):
        self.dock = dock
        self.task = None
        self.written: list = []
        self.folder = ""
        self.overwrite = False
        self.table_format = "ods"
        self.error = ""  # the last run's refusal, as told in the message bar
        self.started = False

    def start(self, folder: str = "", overwrite: bool = None, table_format: str = "ods") -> bool:
        """Ask for the folder (unless given), then prepare in the background; False when not started."""
        store = self.dock.controller.store
        if store is None or self.busy:
            return False
        if not folder:
            folder = QFileDialog.getExistingDirectory(self.dock, tr("Folder for the district dossiers"),
                                                      str(Path(store.folder())))
        if not folder:
            return False
        district = self.dock.scope()[0]
        districts = "" if district in (None, "", schema.CITY_ID) else district
        self.folder, self.overwrite, self.table_format = folder, overwrite, table_format
        self.error, self.written, self.started = "", [], True
        lang = self.dock.lang

        def work(task):  # worker thread: reads the store and builds the content; no layers, no iface
            return prepare_dossiers(store, districts, lang, progress=task.setProgress, cancelled=task.isCanceled)

        self.task = QgsTask.fromFunction(tr("Preparing the district dossiers"), work, on_finished=self._prepared)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _prepared(self, exception, prepared=None) -> None:
        self.task = None
        if exception is not None or not prepared:
            self.started = False
            if exception is not None:
                self._tell(str(exception))
            return
        existing = [p for pair in planned_files(prepared, self.folder, self.table_format) for p in pair
                    if Path(p).exists()]
        if existing and self.overwrite is None:
            answer = QMessageBox.question(self.dock, tr("Replace files?"),
                                          tr("%n dossier file(s) exist already in {}. Replace them?", "",
                                             len(existing)).format(self.folder))
            self.overwrite = answer == QMessageBox.StandardButton.Yes
            if not self.overwrite:
                self.started = False
                return
        self.task = DossierWriteTask(prepared, self.folder, self.table_format, bool(self.overwrite), self._written)
        QgsApplication.taskManager().addTask(self.task)

    def _written(self, written: list, error: str) -> None:
        """Main thread, when the writing task ends: what was written (whole pairs), or why it stopped."""
        self.task, self.written, self.started = None, written, False
        if error:
            self._tell(error)
            return
        push_result(self.dock.iface, tr("District dossier"),  # stays, with a button to the folder, as the export's
                    tr("%n file(s) written to {}.", "", len(self.written)).format(self.folder), self.folder)

    def _tell(self, message: str) -> None:
        self.error = message
        notify(self.dock.iface, tr("District dossier"), message, Qgis.MessageLevel.Critical)

    @property
    def busy(self) -> bool:
        """From start() until the last file is written or the run is refused."""
        return self.started

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
