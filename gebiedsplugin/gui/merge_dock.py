"""Check in an offline copy: the conflicts of the merge, field by field (base / mine / theirs, with
who and when), a decision per conflict, and the check-in itself (all or nothing)."""

from __future__ import annotations

from qgis.core import Qgis
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.merge import BOTH_CHANGED, DELETED_HERE, DELETED_THERE, MADE_TWICE, MINE, THEIRS
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from gebiedsplugin.qgis_io.shared_editing import value_text
from gebiedsplugin.qgis_io.store.offline import check_in
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify
from gebiedsplugin.toolbelt.numbers import date_time


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
        self.status = QLabel(body)
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

    # --- what the merge would do ----------------------------------------------------------------
    def load(self, path: str) -> None:
        """Show what checking in the copy at *path* would do (writes nothing)."""
        self.copy.setFilePath(path)  # refresh() follows through fileChanged
        if self.result is None and not self.status.text():
            self.refresh()

    def refresh(self) -> None:
        self.result = None
        self.conflicts.clear()
        self.fields.setRowCount(0)
        path = self.copy.filePath()
        if path != self.decisions_for:
            self.decisions, self.decisions_for = {}, path
        if not path:
            self.status.setText("")
            self._enable()
            return
        try:
            self.result = check_in(path, self.decisions, dry_run=True)
        except ProgrammeError as e:
            self.status.setText(str(e))
            self._enable()
            return
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

    def _show_status(self) -> None:
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
        self.fields.setHorizontalHeaderLabels([
            tr("Field"), tr("Base\n(checked out)"),
            tr("Mine (offline)\n{}\n{}").format(mine.modified_by, date_time(mine.modified_at)) if mine
            else tr("Mine (offline)\ndeleted"),
            tr("Theirs (shared)\n{}\n{}").format(theirs.modified_by, date_time(theirs.modified_at)) if theirs
            else tr("Theirs (shared)\ndeleted")])
        table = schema.table(conflict.table)
        for name, base, mine_value, theirs_value in conflict.fields:
            r = self.fields.rowCount()
            self.fields.insertRow(r)
            field = table.field(name) if table.has_field(name) else None
            label = field.alias_in(self.lang) if field else tr("Shape")
            values = (value_text(conflict.table, name, v) for v in (base, mine_value, theirs_value))
            for c, value in enumerate((label, *values)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.fields.setItem(r, c, item)
        self.fields.resizeRowsToContents()

    def _name_columns(self) -> None:
        """The field table's headers while no conflict is selected (Qt would number them)."""
        self.fields.setHorizontalHeaderLabels([tr("Field"), tr("Base\n(checked out)"), tr("Mine (offline)"),
                                               tr("Theirs (shared)")])

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
        has = self.result is not None
        self.keep_mine.setEnabled(has and self.conflicts.topLevelItemCount() > 0)
        self.keep_theirs.setEnabled(self.keep_mine.isEnabled())
        undecided = has and any(c.decided not in (MINE, THEIRS) for c in self.result.plan.conflicts)
        self.check_in_button.setEnabled(has and not undecided)

    def check_in(self) -> bool:
        """Check the copy in with the decisions taken; True when written."""
        try:
            result = check_in(self.copy.filePath(), self.decisions)
        except ProgrammeError as e:
            notify(self.iface, tr("Check in"), str(e), Qgis.MessageLevel.Critical, 10)
            return False
        if not result.written:
            notify(self.iface, tr("Check in"), tr("Not checked in: %n conflict(s) need a decision.", "",
                                                       len(result.plan.open_conflicts)), Qgis.MessageLevel.Warning, 10)
            return False
        notify(self.iface, tr("Check in"), tr("Checked in: {} new, {} changed, {} deleted rows.").format(
            result.counts.get("insert", 0), result.counts.get("update", 0), result.counts.get("delete", 0)),
            Qgis.MessageLevel.Success, 10)
        self.status.setText(tr("Checked in."))
        self.result = None
        self._enable()
        for layer in self.controller.layers.values():  # the open programme may be the one checked into
            layer.reload()
            layer.triggerRepaint()
        return True
