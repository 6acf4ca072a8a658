"""The Overview dock's "Dossier…" button: the district dossier of the chosen district (every district
when the whole city is chosen). The programme is read and the content built in a QgsTask; the PDFs
are laid out on the main thread (print layouts), one district per event-loop turn so QGIS stays
responsive, with a progress message and cancel through the task manager's message bar."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsFeedback, QgsTask
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.dossier import planned_files, prepare_dossiers, write_dossiers
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify


class DossierAction:
    """Runs one dossier export at a time for *dock* (an OverviewDock)."""

    def __init__(self, dock):
        self.dock = dock
        self.task = None
        self.queue: list = []
        self.written: list = []
        self.feedback = None
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
        self.queue, self.written, self.feedback = list(prepared), [], QgsFeedback()
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        """Lay out and write one district's files (main thread), then yield to the event loop."""
        if not self.queue or self.feedback.isCanceled():
            self.queue, self.started = [], False
            return
        p = self.queue.pop(0)
        try:
            self.written += write_dossiers([p], self.folder, self.table_format, bool(self.overwrite))
        except Exception as e:  # noqa: BLE001 - told to the planner, the rest not written
            self.queue, self.started = [], False
            self._tell(str(e))
            return
        if self.queue:
            QTimer.singleShot(0, self._next)
            return
        self.started = False
        notify(self.dock.iface, tr("District dossier"),
               tr("%n file(s) written to {}.", "", len(self.written)).format(self.folder))

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
        if self.feedback is not None:
            self.feedback.cancel()
