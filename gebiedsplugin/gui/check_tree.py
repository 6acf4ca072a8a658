"""The findings list of the check dock: groups by rule and severity, one row per finding."""

from __future__ import annotations

from qgis.PyQt.QtCore import QRect, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)

from gebiedsplugin.core.findings_view import district_summary
from gebiedsplugin.core.rules import RULES
from gebiedsplugin.core.value_lists import label
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.rule_texts import rule_texts

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#d68910", "info": "#2471a3", "chance": "#1e8449"}
# The note is a line under the finding's text, not a column: at 1366x768 four columns left the text ~115 px.
MESSAGE, DISTRICT, STATUS = range(3)
SLICE = 300  # finding rows added per turn of the event loop (thousands at 100k: the window keeps its turns)


def rule_title(rule: str, lang: str) -> str:
    info = RULES.get(rule)
    if info is None:
        return rule
    return rule_texts(lang).title(info)


def finding_text(row: dict) -> str:
    """A finding's whole text and its note: its row's text (wrapped) and tooltip."""
    text = str(row.get("message") or "")
    note = str(row.get("note") or "")
    return tr("{}\nNote: {}").format(text, note) if note else text


class _WrapDelegate(QStyledItemDelegate):
    """A finding's row as tall as its text wrapped at the message column's width."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):  # noqa: N802 - Qt API
        size = super().sizeHint(option, index)
        if index.column() != MESSAGE or not index.parent().isValid():
            return size
        # A finding is indented twice (the decorated root's branch, then its group's), and the style keeps
        # a margin each side of the text: the width it is painted in, or its last lines are cut.
        depth = 2 if self.tree.rootIsDecorated() else 1
        width = max(self.tree.columnWidth(MESSAGE) - depth * self.tree.indentation() - 8, 60)
        text = str(index.data() or "")
        wrap = int(Qt.TextFlag.TextWordWrap)
        metrics = option.fontMetrics
        lines = round(metrics.boundingRect(QRect(0, 0, width, 100000), wrap, text).height() / metrics.lineSpacing())
        # The style lays a line out at the font's height, more than its line spacing when the leading is
        # negative (DejaVu Sans): at line spacing the last line is elided.
        height = lines * max(metrics.height(), metrics.lineSpacing())
        return QSize(size.width(), max(size.height(), height + 4))


class FindingsTree(QTreeWidget):
    """Findings grouped by rule and severity; each group shows its counts per district."""

    def __init__(self, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("check_findings")
        self.setColumnCount(3)
        self.setHeaderLabels([tr("Finding"), tr("District"), tr("Status")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)  # a finding's text wraps instead of shrinking to "'Buu…"
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        for column in (DISTRICT, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegateForColumn(MESSAGE, _WrapDelegate(self))
        header.sectionResized.connect(self._column_resized)
        self.names: dict = {}
        self.pending: list = []  # [top item, rows not yet added under it, expand when whole]
        self.filler = QTimer(self)
        self.filler.setInterval(0)
        self.filler.timeout.connect(self._fill_slice)

    def show_groups(self, groups: list, names: dict) -> None:
        """Fill the tree with *groups* (core.findings_view.Group); *names* maps district ids to names.
        The group lines come at once, their findings a slice per turn of the event loop."""
        self.fill_now()
        expanded = {self.topLevelItem(i).data(0, ROW_ROLE) for i in range(self.topLevelItemCount())
                    if self.topLevelItem(i).isExpanded()}
        self.clear()
        self.names = names
        for group in groups:
            severity = label("severity", group.severity, self.lang)
            top = QTreeWidgetItem([tr("{} · {} ({}): {}").format(
                rule_title(group.rule, self.lang), severity, len(group.rows),
                district_summary(group.per_district, names))])
            key = "{}/{}".format(group.rule, group.severity)
            top.setData(0, ROW_ROLE, key)
            top.setForeground(0, QBrush(QColor(SEVERITY_COLOURS.get(group.severity, "#000000"))))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setToolTip(0, top.text(0))
            self.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the header line reads across the columns
            if group.rows:
                top.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                self.pending.append([top, list(group.rows), key in expanded or len(groups) <= 4])
        if self.pending:
            self.filler.start()

    def fill_now(self) -> None:
        """Add every finding row still waiting (before the tree is read or changed)."""
        while self.pending:
            self._fill_slice(len(self.pending[0][1]))

    def _fill_slice(self, count: int = SLICE) -> None:
        if not self.pending:
            self.filler.stop()
            return
        top, rows, expand = self.pending[0]
        batch, rows[:] = rows[:count], rows[count:]
        top.addChildren([self._child(row) for row in batch])
        if not rows:
            self.pending.pop(0)
            top.setExpanded(expand)
        if not self.pending:
            self.filler.stop()

    def _child(self, row: dict) -> QTreeWidgetItem:
        status = row.get("status") or "open"
        child = QTreeWidgetItem([
            finding_text(row), str(self.names.get(row.get("district_id"), row.get("district_id") or "")),
            label("finding_status", status, self.lang)])
        child.setData(0, ROW_ROLE, row)
        child.setToolTip(0, finding_text(row))
        if status != "open":
            child.setForeground(0, QBrush(QColor("#7f8c8d")))
        return child

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == MESSAGE:
            self.scheduleDelayedItemsLayout()  # rows take the height of the text at the new width

    def group_count(self) -> int:
        self.fill_now()
        return self.topLevelItemCount()

    def finding_rows(self) -> list:
        """Every finding row shown, in tree order."""
        self.fill_now()
        out = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            out.extend(top.child(j).data(0, ROW_ROLE) for j in range(top.childCount()))
        return out

    def selected_rows(self) -> list:
        """The selected findings; a selected group stands for all its findings."""
        self.fill_now()
        out, seen = [], set()
        for item in self.selectedItems():
            items = [item.child(j) for j in range(item.childCount())] if item.parent() is None else [item]
            for it in items:
                row = it.data(0, ROW_ROLE)
                if isinstance(row, dict) and row.get("finding_id") not in seen:
                    seen.add(row.get("finding_id"))
                    out.append(row)
        return out

    def select_finding(self, finding_id: str) -> bool:
        """Select (and show) the row of *finding_id*."""
        self.fill_now()
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            for j in range(top.childCount()):
                row = top.child(j).data(0, ROW_ROLE)
                if row.get("finding_id") == finding_id:
                    top.setExpanded(True)
                    self.setCurrentItem(top.child(j))
                    return True
        return False
