"""The Interventions dock's table: the view over the list's model, its rows filtered, summed and sorted
between turns of the event loop when there are many (#18: 0.2-0.6 s in one go after an open of 100,000
interventions, a header click's sort 1-2 s), its columns sized from a sample and its footer."""

from __future__ import annotations

import time

from qgis.PyQt.QtCore import QObject, Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from gebiedsplugin.core.intervention_list import ListFilter, Summary, matches, summarise
from gebiedsplugin.core.list_steps import STEP, Ordered, ordered_steps
from gebiedsplugin.gui.column_widths import column_width, sampled_rows
from gebiedsplugin.gui.intervention_table_model import TITLE, InterventionSortProxy, InterventionTableModel
from gebiedsplugin.gui.turns import TURN, Turns
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import number

SAMPLED_ROWS = 200  # rows measured to size the list's columns
HEADER_PADDING = 24  # px beside a header's text: room for the sort arrow
LIST_AT_ONCE = 5000  # more rows than this are filtered, summed and sorted between turns
TURN_SECONDS = 0.025  # of such work a turn


class ListTable(QObject):
    """The view, model and footer of the list. show() puts rows in it; *on_shown()* is called after a new
    list is in (the dock selects what the map has selected and updates its buttons), *relist()* when a
    header is clicked during a listing (the dock lists its rows again, in the new order)."""

    def __init__(self, lang: str, parent_widget, on_shown, relist):
        super().__init__(parent_widget)
        self.model = InterventionTableModel(lang, parent=self)
        self.proxy = InterventionSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(parent_widget)
        self.view.setObjectName("interventions_list")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        # Sized once per new list from a sample (fit_columns): ResizeToContents asked the model (Python)
        # for about ten roles of the sampled cells again at each layout, seconds at 100,000 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TITLE, 220)
        self.footer = QLabel()
        self.footer.setObjectName("footer")
        self.turns = Turns(self, TURN_SECONDS)
        self.total = summarise([])  # the footer's count and sums of the rows shown
        self.refresh_seconds = 0.0  # a whole read and its listing, the last time
        self.syncing = False  # true while rows are replaced: selection changes are not the planner's
        self._on_shown, self._relist = on_shown, relist
        self._sort_wanted = None  # (column, order) of a header click whose sort is under way
        self.model.sorter = self._sort_between_turns

    def busy(self) -> bool:
        """True while a list or a sort is under way."""
        return self.turns.busy()

    def stop(self) -> None:
        self.turns.stop()

    def show(self, rows: list, flt: ListFilter, read_started: float = 0.0) -> None:
        """Show the *rows* that pass *flt* in the view's order, and their total. More than LIST_AT_ONCE
        rows are done between turns and shown when done."""
        accepts = None if flt == ListFilter() else (lambda row: matches(row, flt))
        column, order = self._sort_wanted or self.model.sorted_by
        self.turns.start(self._listing(rows, accepts, column, order, read_started), at_once=len(rows) <= LIST_AT_ONCE)

    def _listing(self, rows: list, accepts, column: int, order, read_started: float):
        out = Ordered()
        key = self.model.key_of(column) if column >= 0 else None
        yield from ordered_steps(rows, accepts, key, order == Qt.SortOrder.DescendingOrder, out)
        parts = []
        for start in range(0, len(out.rows), STEP):
            parts.append(summarise(out.rows[start:start + STEP]))
            yield
        yield TURN
        self._sort_wanted = None
        self.syncing = True
        try:
            self.model.set_rows(out.rows, (column, order))
        finally:
            self.syncing = False
        self.show_total(Summary(sum(p.count for p in parts), sum(p.budget for p in parts),
                                sum(p.funding for p in parts)) if out.rows else summarise([]))
        self._on_shown()
        yield TURN
        yield from self._fitting()
        if read_started:
            self.refresh_seconds = time.perf_counter() - read_started

    def _sort_between_turns(self, column: int, order) -> None:
        """A header click on a long list: its rows sorted between turns, then shown in the new order (the
        selection kept). During a listing the listing starts again in the new order."""
        self._sort_wanted = (column, order)
        if self.turns.busy():
            self._relist()
            return
        self.footer.setText(tr("Sorting the interventions…"))
        self.turns.start(self._sorting(self.model.rows(), column, order))

    def _sorting(self, rows: list, column: int, order):
        out = Ordered()
        yield from ordered_steps(rows, None, self.model.key_of(column), order == Qt.SortOrder.DescendingOrder, out)
        yield TURN
        self._sort_wanted = None
        self.model.in_order(out.rows, column, order)
        self.show_total(self.total)

    def update_total(self, gone: list, shown: list) -> None:
        """The footer after an edit: *gone* rows left the list, *shown* came in (summing 100,000 rows
        again took 30-500 ms)."""
        before, after = summarise(gone), summarise(shown)
        total, count = self.total, self.total.count - before.count + after.count
        self.show_total(Summary(count, total.budget - before.budget + after.budget,
                                total.funding - before.funding + after.funding) if count else summarise([]))

    def show_total(self, total: Summary) -> None:
        self.total = total
        self.footer.setText(tr("%n intervention(s) · budget € {} · funding € {}", "", total.count).format(
            number(total.budget or 0, 0), number(total.funding or 0, 0)))

    def fit_columns(self) -> None:
        """Every column but the title as wide as its header and its texts in a sample of rows (the first
        SAMPLED_ROWS and as many spread over the rest), measured here with the font's metrics."""
        for _ in self._fitting():
            pass

    def _fitting(self):
        sample = sampled_rows(self.model.rowCount(), SAMPLED_ROWS)
        metrics, header = self.view.fontMetrics(), self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column != TITLE:
                title = self.model.headerData(column, Qt.Orientation.Horizontal)
                cells = ((metrics, text) for text in self.model.texts(column, sample))
                header.resizeSection(column, column_width(header.fontMetrics(), title, HEADER_PADDING, cells))
                yield
