"""The audit trail in a dialog: one row's history, or the whole programme's, filterable by planner
and date (both stores keep one, see qgis_io/store/*_guards.py)."""

from __future__ import annotations

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.findings import split_uids
from gebiedsplugin.gui.check_tree import rule_title
from gebiedsplugin.gui.column_widths import column_width, sampled_rows
from gebiedsplugin.qgis_io.shared_editing import audit_rows, filter_trail, planners
from gebiedsplugin.toolbelt.i18n import tr, ui_language

HEADER_PADDING = 24  # px beside a header's text: its margins and the section line


def _row_name(entry: dict, names: dict) -> str:
    table = schema.TABLES_BY_NAME.get(entry.get("table") or "")
    name = table.alias_in(ui_language()) if table else (entry.get("table") or "")
    values = entry.get("new") or entry.get("old") or {}
    if entry.get("table") == "findings":
        return "{}: {}".format(name, _finding_name(values, names))
    label = values.get("title") or values.get("name") or entry.get("uid") or ""
    return "{}: {}".format(name, label)


def _finding_name(values: dict, names: dict) -> str:
    """A finding as the findings register names it: its rule's title, then what it is about (the
    interventions' titles, else its district's name), not its internal key."""
    subjects = [names.get(uid, uid) for uid in split_uids(values.get("subject_uids"))]
    if not subjects and values.get("district_id"):
        subjects = [names.get(values["district_id"], values["district_id"])]
    rule = rule_title(str(values.get("rule") or ""), ui_language())
    return " — ".join([rule, ", ".join(subjects)]) if subjects else rule


class AuditDialog(QDialog):
    """Read-only table: when, who, what, which fields changed (oldest first); filters on top."""

    def __init__(self, title: str, trail: list, parent=None, whole_programme: bool = False,
                 names: dict | None = None, lists: dict | None = None):
        """*names*: key -> name of the interventions and districts the findings are about
        (``qgis_io.shared_editing.row_names``); *lists*: the programme's value lists (its labels)."""
        super().__init__(parent)
        self.names = dict(names or {})
        self.lists = dict(lists or {})
        self.setObjectName("gebiedsplugin_audit_dialog")
        self.setWindowTitle(tr("History of {}").format(title))
        self.resize(1100 if whole_programme else 760, 420)  # 1366 px screens: room for the changes
        self.trail = list(trail)
        self.whole_programme = whole_programme
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.planner = QComboBox(self)
        self.planner.setObjectName("audit_planner")
        self.planner.addItem(tr("All planners"), "")
        for name in planners(self.trail):
            self.planner.addItem(name, name)
        days = sorted(e.get("changed_at") for e in self.trail if e.get("changed_at") is not None)
        first = QDate.fromString(str(days[0])[:10], "yyyy-MM-dd") if days else QDate.currentDate()
        self.since, self.until = QDateEdit(first, self), QDateEdit(QDate.currentDate(), self)
        for edit, name in ((self.since, "audit_since"), (self.until, "audit_until")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        self.planner.currentIndexChanged.connect(self.refresh)
        for text, widget in ((tr("Planner"), self.planner), (tr("From"), self.since), (tr("To"), self.until)):
            filters.addWidget(QLabel(text, self))
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        headers = [tr("When"), tr("Who"), tr("What"), tr("Changes")]
        if whole_programme:
            headers.insert(2, tr("Row"))
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per change, elided at its end
        header = self.table.horizontalHeader()
        # Sized once per fill from a sample (refresh): to every cell's text, a long row name pushed the
        # columns after it, and its own centred header text, out of view.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self, *_args) -> None:
        """Show the entries that pass the planner and date filters."""
        shown = filter_trail(self.trail, self.planner.currentData() or None,
                             self.since.date().toPyDate(), self.until.date().toPyDate())
        rows = audit_rows(shown, self.lists)
        if self.whole_programme:
            rows = [r[:2] + (_row_name(e, self.names),) + r[2:] for r, e in zip(rows, shown)]
        self.label.setText(tr("{} of {} recorded changes, oldest first.").format(len(rows), len(self.trail))
                           if self.trail else tr("No changes recorded."))
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        self._size_columns()

    def _size_columns(self) -> None:
        """Each column but the last (it stretches) as wide as its header and sampled texts, at most a
        quarter of the dialog (the changes keep the most room): a longer text is elided, whole in its
        tooltip."""
        header = self.table.horizontalHeader()
        title_metrics, metrics = header.fontMetrics(), self.table.fontMetrics()
        widest = max(120, self.width() // 4)
        sample = sampled_rows(self.table.rowCount(), 200)
        for c in range(self.table.columnCount() - 1):
            cells = [(metrics, self.table.item(r, c).text()) for r in sample]
            title = self.table.horizontalHeaderItem(c).text()
            self.table.setColumnWidth(c, min(widest, column_width(title_metrics, title, HEADER_PADDING, cells)))

    def set_filter(self, planner: str = "", since=None, until=None) -> None:
        """Choose a planner ('' for all) and a date range (datetime.date) as a user would."""
        self.planner.setCurrentIndex(max(0, self.planner.findData(planner)))
        if since is not None:
            self.since.setDate(QDate(since.year, since.month, since.day))
        if until is not None:
            self.until.setDate(QDate(until.year, until.month, until.day))

    def rows(self) -> list:
        """The table's text, row by row (tests and screenshots)."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]
