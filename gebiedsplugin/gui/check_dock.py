"""The "Programme check" (Programmatoets) dock: run the check, review findings, decide, export.

Thin: the check runs as a CheckTask in QGIS's task manager (the UI never waits for it); decisions
and parameters go through the findings register and the store; the map part lives in check_map.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsFeatureRequest
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.findings import STATUSES, decision_fits
from gebiedsplugin.core.findings_view import RowFilter, group_rows
from gebiedsplugin.core.rules import RULES
from gebiedsplugin.core.value_lists import label, value_codes
from gebiedsplugin.gui.check_dock_read import READ_AT_ONCE, FindingsReader
from gebiedsplugin.gui.check_map import show_finding
from gebiedsplugin.gui.check_params import RuleParamsBox
from gebiedsplugin.gui.check_tree import ROW_ROLE, FindingsTree
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.check_task import CheckRequest, CheckTask, reload_layers
from gebiedsplugin.qgis_io.store.findings import write_csv
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify
from gebiedsplugin.toolbelt.numbers import seconds


class CheckPrompts(Prompts):
    """The dock's questions; tests replace it with one that answers by itself."""

    def csv_path(self, start: str = "") -> str:
        """A CSV file to write ('' when cancelled); the dialog itself asks before replacing a file."""
        path, _ = QFileDialog.getSaveFileName(self.parent, tr("Export findings"), start, tr("CSV (*.csv)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path and not path.lower().endswith(".csv"):
            path += ".csv"
        return path


def _keep_room(edit: QLineEdit) -> None:
    """Room to read a few words in *edit*: the dock is never made so narrow that it shrinks to nothing."""
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("x" * 14))


class CheckDock(ProgrammeDock):
    """Run the programme check for the city or one district and work through its findings."""

    def __init__(self, iface, controller, parent=None):
        super().__init__(tr("Programme check"), "gebiedsplugin_check_dock", iface, controller, parent)
        self.prompts = CheckPrompts(self)
        self.task = None
        self.rows: list = []
        self.params_read: dict = {}  # settings key -> row_version as shown (a save states these)
        self.names: dict = {}
        self.last_result = None
        self.last_error = ""
        self.reader = FindingsReader(self._read)  # a large programme's findings, read in the background
        self._build()
        self.follow_programme()

    # --- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.programme_label = QLabel()
        self.programme_label.setWordWrap(True)
        layout.addWidget(self.programme_label)
        run_row = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.setObjectName("check_scope")
        self.scope.setToolTip(tr("Check the whole city or one district"))
        self.scope.currentIndexChanged.connect(self.apply_filter)
        self.run_button = QPushButton(tr("Run check"))
        self.run_button.setObjectName("check_run")
        self.run_button.clicked.connect(self.run_check)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("check_cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        run_row.addWidget(self.scope, 1)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        layout.addLayout(run_row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(14)
        layout.addWidget(self.progress)
        self.params = RuleParamsBox(body)
        self.params.save_button.clicked.connect(self.save_params)
        layout.addWidget(self.params)
        layout.addLayout(self._filter_row())
        self.tree = FindingsTree(self.lang, body)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.setToolTip(tr("Double-click a finding, or select it and press Zoom, to show it on the map."))
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._decision_row())
        self.status = QLabel()
        self.status.setObjectName("check_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setWidget(body)

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.severity_filter = QComboBox()
        self.severity_filter.setObjectName("check_filter_severity")
        self.severity_filter.addItem(tr("All severities"), "")
        for code in value_codes("severity"):
            self.severity_filter.addItem(label("severity", code, self.lang), code)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("check_filter_status")
        self.status_filter.addItem(tr("All statuses"), "")
        for code in STATUSES:
            self.status_filter.addItem(label("finding_status", code, self.lang), code)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("check_filter_text")
        self.text_filter.setPlaceholderText(tr("Search findings…"))
        self.text_filter.setClearButtonEnabled(True)
        _keep_room(self.text_filter)
        for combo in (self.severity_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
            row.addWidget(combo)
        self.text_filter.textChanged.connect(self.apply_filter)
        row.addWidget(self.text_filter, 1)
        return row

    def _decision_row(self) -> QVBoxLayout:
        # Two lines: on one line with the three buttons the note was squeezed to nothing in a narrow dock.
        rows, row, more = QVBoxLayout(), QHBoxLayout(), QHBoxLayout()
        self.decision = QComboBox()
        self.decision.setObjectName("check_decision")
        for code in STATUSES:
            self.decision.addItem(label("finding_status", code, self.lang), code)
        self.decision.insertItem(0, tr("Decision…"), None)  # nothing chosen: no one-click accept
        self.decision.setCurrentIndex(0)
        self.decision.setToolTip(tr("Choose a decision for the selected findings, then Set status."))
        self.note = QLineEdit()
        self.note.setObjectName("check_note")
        self.note.setPlaceholderText(tr("Note"))
        _keep_room(self.note)
        self.decide_button = QPushButton(tr("Set status"))
        self.decide_button.setObjectName("check_decide")
        self.decide_button.clicked.connect(self.decide_selected)
        self.zoom_button = QPushButton(tr("Zoom"))
        self.zoom_button.setObjectName("check_zoom")
        self.zoom_button.setToolTip(tr("Select the selected finding's interventions and zoom to it on the map"))
        self.zoom_button.clicked.connect(self.zoom_selected)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setObjectName("check_export")
        self.export_button.clicked.connect(self.export_csv)
        row.addWidget(self.decision)
        row.addWidget(self.note, 1)
        row.addWidget(self.decide_button)
        more.addWidget(self.zoom_button)
        more.addStretch(1)
        more.addWidget(self.export_button)
        rows.addLayout(row)
        rows.addLayout(more)
        return rows

    def cleanup(self) -> None:
        """Plugin unload: cancel a running check and drop the controller connection."""
        self.reader.on_read = lambda _task: None
        self.reader.stop()
        if self.task is not None:
            self.task.on_done = lambda *_args: None
            self.task.cancel()
            self.task = None
        super().cleanup()

    # --- programme ---------------------------------------------------------------------------------
    @property
    def store(self):
        """The open programme's store (GeoPackage or PostGIS), or None."""
        return self.controller.store

    def on_programme_changed(self) -> None:
        store = self.store
        self.reader.stop()
        self.programme_label.setText(tr("Programme: {}").format(store.name) if store else tr("No programme open."))
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(tr("Whole city"), None)
        self.names = {}
        layer = self.controller.layer("districts")
        if layer is not None:
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
            for feat in sorted(layer.getFeatures(request), key=lambda f: str(f["name"])):
                code = feat["district_id"]
                self.names[code] = str(feat["name"])
                if code != schema.CITY_ID:
                    self.scope.addItem(str(feat["name"]), code)
        self.scope.blockSignals(False)
        for widget in (self.run_button, self.decide_button, self.export_button, self.params):
            widget.setEnabled(store is not None)
        findings = self.controller.layer("findings")
        if store is not None and findings is not None and findings.featureCount() > READ_AT_ONCE:
            self.rows = []
            self.tree.show_groups([], self.names)
            self.status.setText(tr("Reading the findings…"))
            self.reader.start(self.store.path)
            return
        if store is not None:
            self.load_params()
        self.reload_rows()

    def reading(self) -> bool:
        """True while the programme's findings are read in the background."""
        return self.reader.busy()

    def _read(self, task) -> None:
        """Main thread: the findings and settings read in the background."""
        if task.rows is None:
            self._fail(task.error or tr("Reading the findings failed."))
            return
        self.load_params(task.settings)
        self.rows = task.rows
        self.apply_filter()

    def load_params(self, rows: list | None = None) -> None:
        """Show the stored rule parameters (*rows* of the settings table when read already) and remember
        the versions read (a later save states them)."""
        rows = self.store.read_table("settings")[0] if rows is None else rows
        self.params_read = {r["key"]: r.get(schema.ROW_VERSION) for r in rows}
        self.params.set_values({r["key"]: r["value"] for r in rows})

    def reload_rows(self) -> None:
        """Re-read the findings register and show it."""
        self.reader.stop()
        self.rows = self.store.findings_register().rows() if self.store else []
        self.apply_filter()

    def current_filter(self) -> RowFilter:
        return RowFilter(self.severity_filter.currentData() or "", self.status_filter.currentData() or "",
                         self.text_filter.text().strip(), self.scope.currentData())

    def apply_filter(self, *_args) -> None:
        accepts = self.current_filter().accepts  # read the filter widgets once, not once per finding
        shown = [r for r in self.rows if accepts(r)]
        self.tree.show_groups(group_rows(shown, RULES), self.names)
        if self.task is None and self.store is not None:
            self.status.setText(tr("{} of %n finding(s) shown.", "", len(self.rows)).format(len(shown)))

    # --- running --------------------------------------------------------------------------------------
    def run_check(self) -> bool:
        """Start the check for the chosen scope; False (with a message) when it cannot start."""
        if self.store is None:
            return self._fail(tr("Open a programme first."))
        if self.task is not None:
            return self._fail(tr("A check is running already."))
        unsaved = self.unsaved_layers()
        if unsaved:
            if not self.prompts.confirm(tr("Unsaved edits"), tr("Some layers have unsaved edits. The check reads the "
                                                                "saved programme. Save the edits first?")):
                return self._fail(tr("The check did not run: save or discard the edits first."))
            for layer in unsaved:
                if not layer.commitChanges():
                    return self._fail(tr("Saving {} failed: {}").format(layer.name(),
                                                                        "; ".join(layer.commitErrors())))
        self.reader.stop()  # the check's findings come with its end
        request = CheckRequest(self.store.path, district_id=self.scope.currentData(), lang=self.lang)
        self.last_result, self.last_error = None, ""
        self.task = CheckTask(request, self._done, [self.controller.layer("findings")])
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(tr("Checking the programme…"))
        QgsApplication.taskManager().addTask(self.task)
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _done(self, result, error: str) -> None:
        """Main thread: the task is finished (layers already reloaded)."""
        self.task = None
        self.run_button.setEnabled(self.store is not None)
        self.cancel_button.setEnabled(False)
        if result is None:
            self.progress.setValue(0)
            self._fail(error)
            return
        self.last_result = result
        self.progress.setValue(100)
        self.rows = result.rows
        self.apply_filter()
        merge = result.merge
        text = tr("%n finding(s) ({} new, {} closed) in {} s.", "", result.total).format(
            merge.get("new", 0), merge.get("closed", 0), seconds(result.timings.get("total", 0.0)))
        for note in result.notes:
            notify(self.iface, tr("Programme check"), note, Qgis.MessageLevel.Warning, 10)
        self.status.setText(text)
        notify(self.iface, tr("Programme check"), text, Qgis.MessageLevel.Success)

    # --- decisions, export, parameters ---------------------------------------------------------------
    def decide_selected(self) -> int:
        """Set the chosen status and note on the selected findings; how many changed."""
        rows = self.tree.selected_rows()
        if self.decision.currentData() is None:
            self._fail(tr("Choose a decision first."))
            return 0
        if not rows or self.store is None:
            self._fail(tr("Select one or more findings first."))
            return 0
        if not all(decision_fits(self.decision.currentData(), r.get("severity")) for r in rows):
            self._fail(tr("Combine and Do not combine are decisions on chances; Accepted and False positive on "
                          "the other findings. Select findings of one sort."))
            return 0
        try:
            count = self.store.findings_register().decide(  # as read: a colleague's decision is not overwritten
                [r["finding_id"] for r in rows], self.decision.currentData(), self.note.text().strip(),
                versions={r["finding_id"]: r.get(schema.ROW_VERSION) for r in rows})
        except ProgrammeError as e:
            self._fail(str(e))
            return 0
        reload_layers([self.controller.layer("findings")])
        self.reload_rows()
        if len(rows) == 1:
            self.tree.select_finding(rows[0]["finding_id"])
        self.status.setText(tr("Status set on %n finding(s).", "", count))
        return count

    def export_csv(self) -> str:
        """Write the findings shown to a CSV file; its path ('' when nothing was written)."""
        rows = self.tree.finding_rows()
        if not rows:
            self._fail(tr("No findings to export."))
            return ""
        path = self.prompts.csv_path(str(Path(self.store.folder()) / (self.store.name + "_findings.csv")))
        if not path:
            return ""
        overwrite = False
        if Path(path).exists():
            if not self.prompts.confirm(tr("Replace file?"), tr("{} exists already. Replace it?").format(path)):
                self._fail(tr("Nothing exported: the file exists already."))
                return ""
            overwrite = True
        try:
            write_csv(path, rows, overwrite)
        except ProgrammeError as e:
            self._fail(str(e))
            return ""
        self.status.setText(tr("%n finding(s) written to {}.", "", len(rows)).format(path))
        return path

    def save_params(self) -> None:
        """Store the rule parameters in the programme."""
        if self.store is None:
            return
        try:
            self.store.write_settings(self.params.values(), versions=self.params_read)
        except (ProgrammeError, RuntimeError) as e:
            self._fail(str(e))
            return
        self.load_params()
        self.status.setText(tr("Rule parameters saved; they apply from the next run."))

    def zoom_selected(self) -> bool:
        """Show the current finding on the map (as a double-click does)."""
        item = self.tree.currentItem()
        if item is None or not isinstance(item.data(0, ROW_ROLE), dict):
            self._fail(tr("Select one finding first."))
            return False
        self._double_clicked(item, 0)
        return True

    def _double_clicked(self, item, _column) -> None:
        row = item.data(0, ROW_ROLE)
        if isinstance(row, dict):
            show_finding(self.iface, self.controller, row)

    def _fail(self, text: str) -> bool:
        self.last_error = text
        self.status.setText(text)
        notify(self.iface, tr("Programme check"), text, Qgis.MessageLevel.Warning, 10)
        return False

