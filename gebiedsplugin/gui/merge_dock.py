"""Check in an offline copy: the conflicts of the merge, field by field (base / mine / theirs, with
who and when), a decision per conflict, and the check-in itself (all or nothing).

Thin: reading what a check-in would do and the check-in itself run as a CheckInTask in QGIS's task
manager (a whole-city copy takes seconds); the dock shows its progress and offers Cancel meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.merge import BOTH_CHANGED, DELETED_HERE, DELETED_THERE, MADE_TWICE, MINE, THEIRS
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.check_in_task import CheckInTask
from gebiedsplugin.qgis_io.check_task import reload_layers
from gebiedsplugin.qgis_io.shared_editing import value_text
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify
from gebiedsplugin.toolbelt.numbers import date_time


def _stacked(label: str) -> str:
    """A column header with its first "(…)" on a line of its own: in Dutch "Hun versie (gedeeld)" on one
    line was cut in a dock beside the map at 1366x768."""
    first, newline, rest = label.partition("\n")
    return first.replace(" (", "\n(", 1) + newline + rest


def kind_text(kind: str) -> str:
    """A conflict kind as a planner reads it."""
    return {BOTH_CHANGED: tr("changed offline and in the shared programme"),
            DELETED_HERE: tr("deleted offline, changed in the shared programme"),
            DELETED_THERE: tr("changed offline, deleted in the shared programme"),
            MADE_TWICE: tr("made offline and in the shared programme")}.get(kind, kind)


class MergeDock(ProgrammeDock):
    """Pick a copy, see its conflicts, decide each, check in."""

    def __init__(self, iface, controller, parent=None):
        super().__init__(tr("Check in"), "gebiedsplugin_merge_dock", iface, controller, parent)
        self.result = None
        self.decisions: dict = {}
        self.decisions_for = ""  # the copy the decisions were taken on: another copy starts undecided
        self.task = None  # the CheckInTask running for this dock, if any
        self.last_error = ""
        self.prompts = Prompts(self)
        self._build()

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        self.copy = QgsFileWidget(body)
        self.copy.setObjectName("merge_copy")
        self.copy.setFilter(tr("GeoPackage (*.gpkg)"))
        self.copy.fileChanged.connect(lambda _path: self.refresh())
        row.addWidget(QLabel(tr("Offline copy"), body))
        row.addWidget(self.copy, 1)
        layout.addLayout(row)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(body)
        self.progress.setObjectName("merge_progress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(14)
        self.cancel_button = QPushButton(tr("Cancel"), body)
        self.cancel_button.setObjectName("merge_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.status = QLabel(body)
        self.status.setObjectName("merge_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.conflicts = QTreeWidget(body)
        self.conflicts.setObjectName("merge_conflicts")
        self.conflicts.setHeaderLabels([tr("Row"), tr("Decision")])
        self.conflicts.setRootIsDecorated(False)
        self.conflicts.setWordWrap(True)
        self.conflicts.header().setStretchLastSection(False)
        self.conflicts.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.conflicts.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts.currentItemChanged.connect(lambda *_: self.show_fields())
        layout.addWidget(self.conflicts, 1)
        self.detail = QLabel(body)
        self.detail.setObjectName("merge_detail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.fields = QTableWidget(0, 4, body)
        self.fields.setObjectName("merge_fields")
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)
        self._name_columns()
        layout.addWidget(self.fields, 1)
        buttons = QHBoxLayout()
        self.keep_mine = QPushButton(tr("Keep mine (offline)"), body)
        self.keep_theirs = QPushButton(tr("Keep theirs (shared)"), body)
        self.check_in_button = QPushButton(tr("Check in"), body)
        self.check_in_button.setObjectName("merge_check_in")
        self.keep_mine.clicked.connect(lambda: self.decide(MINE))
        self.keep_theirs.clicked.connect(lambda: self.decide(THEIRS))
        self.check_in_button.clicked.connect(self.check_in)
        for button in (self.keep_mine, self.keep_theirs):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_in_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._enable()

    def on_programme_changed(self) -> None:
        """The dock works on a copy, not on the open programme."""

    def cleanup(self) -> None:
        """Plugin unload: a running task is cancelled (a check-in then writes nothing) and forgotten."""
        self._drop_task()
        super().cleanup()

    # --- what the merge would do ----------------------------------------------------------------
    def load(self, path: str) -> None:
        """Show what checking in the copy at *path* would do (writes nothing; read in a task)."""
        if self.task is not None and not self.task.dry_run:
            self._warn(tr("A check-in is running; pick another copy when it has finished."))
            return
        if path == self.copy.filePath():
            self.refresh()  # the same copy again: read it again (no fileChanged follows)
        else:
            self.copy.setFilePath(path)  # refresh() follows through fileChanged

    def refresh(self) -> None:
        """Start reading what checking in the picked copy would do; a read of another copy stops."""
        if self.task is not None and not self.task.dry_run:
            return  # the copy cannot be changed while it is checked in
        self._drop_task()
        self.result = None
        self.last_error = ""
        self.conflicts.clear()
        self.fields.setRowCount(0)
        self.progress.setValue(0)
        path = self.copy.filePath()
        if path != self.decisions_for:
            self.decisions, self.decisions_for = {}, path
        if not path:
            self.status.setText("")
            self._enable()
            return
        self._start(CheckInTask(path, self.decisions, lambda result, error: self._read(path, result, error),
                                dry_run=True), tr("Reading {}…").format(Path(path).name))

    def _start(self, task: CheckInTask, text: str) -> None:
        self.task = task
        task.progressChanged.connect(lambda value: self.task is task and self.progress.setValue(int(value)))
        self.progress.setValue(0)
        self.status.setText(text)
        self._enable()
        QgsApplication.taskManager().addTask(task)

    def _drop_task(self) -> None:
        """Cancel the running task, if any, and forget it: its outcome will not be shown."""
        task, self.task = self.task, None
        if task is not None:
            task.on_done = lambda *_args: None
            task.cancel()

    def cancel(self) -> None:
        """Stop the running read or check-in (the check-in writes nothing then)."""
        if self.task is not None:
            self.task.cancel()

    def _read(self, path: str, result, error: str) -> None:
        """Main thread: what checking in *path* would do is known (or why it is not)."""
        self.task = None
        if path != self.copy.filePath():  # another copy was picked meanwhile
            self._enable()
            return
        if result is None:
            self.progress.setValue(0)
            self.last_error = error
            self.status.setText(error)
            self._enable()
            return
        self.progress.setValue(100)
        self._show(result)

    def _show(self, result) -> None:
        self.result = result
        self.conflicts.clear()
        self._show_status()
        for conflict in self.result.plan.conflicts:
            table = schema.table(conflict.table)
            name = table.alias_in(self.lang)
            item = QTreeWidgetItem(["{} ({})".format(conflict.label or conflict.key, name),
                                    self._decision_text(conflict.decided)])
            item.setData(0, Qt.ItemDataRole.UserRole, conflict.ident)
            item.setToolTip(0, "{} ({})".format(conflict.label or conflict.key, conflict.ident))
            self.conflicts.addTopLevelItem(item)
        if self.conflicts.topLevelItemCount():
            self.conflicts.setCurrentItem(self.conflicts.topLevelItem(0))
        self._enable()

    def _nothing_changed(self) -> bool:
        """True when the copy read has no change to check in (checking it in would only close its check-out)."""
        return self.result is not None and not any(self.result.counts.values()) and not self.result.plan.conflicts

    def _show_status(self) -> None:
        if self._nothing_changed():
            self.status.setText(tr("Nothing to check in: the copy has no changes since it was checked out. "
                                   "Check in only closes its check-out."))
            return
        counts, conflicts = self.result.counts, self.result.plan.conflicts
        undecided = sum(1 for c in conflicts if c.decided not in (MINE, THEIRS))
        self.status.setText(tr("{} new, {} changed, {} deleted rows to check in; %n conflict(s), {} undecided.", "",
                               len(conflicts)).format(counts.get("insert", 0), counts.get("update", 0),
                                                      counts.get("delete", 0), undecided))

    @staticmethod
    def _decision_text(choice) -> str:
        return {MINE: tr("mine"), THEIRS: tr("theirs")}.get(choice, tr("undecided"))

    def _current(self):
        item = self.conflicts.currentItem()
        if item is None or self.result is None:
            return None
        ident = item.data(0, Qt.ItemDataRole.UserRole)
        return next((c for c in self.result.plan.conflicts if c.ident == ident), None)

    def show_fields(self) -> None:
        """Base, mine and theirs of the selected conflict, field by field, with who and when."""
        conflict = self._current()
        self.fields.setRowCount(0)
        self.detail.setText("")
        if conflict is None:
            self._name_columns()
            return
        self.detail.setText("{}: {}".format(conflict.label or conflict.key, kind_text(conflict.kind)))
        mine, theirs = conflict.mine, conflict.theirs
        self.fields.setHorizontalHeaderLabels([_stacked(label) for label in (
            tr("Field"), tr("Base\n(checked out)"),
            tr("Mine (offline)\n{}\n{}").format(mine.modified_by, date_time(mine.modified_at)) if mine
            else tr("Mine (offline)\ndeleted"),
            tr("Theirs (shared)\n{}\n{}").format(theirs.modified_by, date_time(theirs.modified_at)) if theirs
            else tr("Theirs (shared)\ndeleted"))])
        table = schema.table(conflict.table)
        for name, base, mine_value, theirs_value in conflict.fields:
            r = self.fields.rowCount()
            self.fields.insertRow(r)
            field = table.field(name) if table.has_field(name) else None
            label = field.alias_in(self.lang) if field else tr("Shape")
            values = (value_text(conflict.table, name, v, self.result.value_lists)
                      for v in (base, mine_value, theirs_value))
            for c, value in enumerate((label, *values)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.fields.setItem(r, c, item)
        self.fields.resizeRowsToContents()

    def _name_columns(self) -> None:
        """The field table's headers while no conflict is selected (Qt would number them)."""
        self.fields.setHorizontalHeaderLabels([_stacked(label) for label in (
            tr("Field"), tr("Base\n(checked out)"), tr("Mine (offline)"), tr("Theirs (shared)"))])

    def decide(self, choice: str) -> None:
        """Record the decision on the selected conflict."""
        conflict = self._current()
        if conflict is None:
            return
        self.decisions[conflict.ident] = choice
        conflict.decided = choice
        self.conflicts.currentItem().setText(1, self._decision_text(choice))
        self._show_status()
        self._enable()

    def _enable(self) -> None:
        busy = self.task is not None
        has = self.result is not None and not busy
        self.keep_mine.setEnabled(has and self.conflicts.topLevelItemCount() > 0)
        self.keep_theirs.setEnabled(self.keep_mine.isEnabled())
        undecided = has and any(c.decided not in (MINE, THEIRS) for c in self.result.plan.conflicts)
        self.check_in_button.setEnabled(has and not undecided)
        self.conflicts.setEnabled(not busy)
        self.copy.setEnabled(not busy or self.task.dry_run)  # another copy may be picked while one is read
        self.cancel_button.setEnabled(busy)

    def check_in(self) -> bool:
        """Start checking the copy in with the decisions taken; False (with a message) when it cannot start."""
        path = self.copy.filePath()
        if self.task is not None or self.result is None or not path:
            return self._warn(tr("Pick an offline copy and wait until it has been read."))
        undecided = [c for c in self.result.plan.conflicts if c.decided not in (MINE, THEIRS)]
        if undecided:
            return self._warn(tr("Not checked in: %n conflict(s) need a decision.", "", len(undecided)))
        if self._nothing_changed() and not self.prompts.confirm(tr("Nothing to check in"), tr(
                "{} has no changes since it was checked out. Close its check-out anyway? The copy cannot be "
                "checked in after that.").format(Path(path).name)):
            return False
        self.last_error = ""
        self._start(CheckInTask(path, self.decisions, lambda result, error: self._checked_in(result, error)),
                    tr("Checking in {}…").format(Path(path).name))
        return True

    def _checked_in(self, result, error: str) -> None:
        """Main thread: the check-in is done, refused or cancelled."""
        self.task = None
        if result is None:
            self.progress.setValue(0)
            self.last_error = error
            self.status.setText(error)
            self._enable()
            notify(self.iface, tr("Check in"), error, Qgis.MessageLevel.Critical, 10)
            return
        if not result.written:  # the shared programme changed meanwhile: conflicts to decide first
            self.progress.setValue(0)
            self._show(result)
            self._warn(tr("Not checked in: %n conflict(s) need a decision.", "", len(result.plan.open_conflicts)))
            return
        self.progress.setValue(100)
        if any(result.counts.values()):
            text = tr("Checked in: {} new, {} changed, {} deleted rows.").format(
                result.counts.get("insert", 0), result.counts.get("update", 0), result.counts.get("delete", 0))
        else:
            text = tr("The check-out of {} is closed; it had no changes.").format(Path(self.copy.filePath()).name)
        notify(self.iface, tr("Check in"), text, Qgis.MessageLevel.Success, 10)
        self.status.setText(tr("Checked in."))
        self.result = None
        self.conflicts.clear()
        self._enable()
        reload_layers(self.controller.layers.values())  # the open programme may be the one checked into

    def _warn(self, text: str) -> bool:
        self.last_error = text
        notify(self.iface, tr("Check in"), text, Qgis.MessageLevel.Warning, 10)
        return False
