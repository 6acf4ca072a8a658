"""The interventions list: a table model over ListRows and a sorting proxy."""

from __future__ import annotations

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from gebiedsplugin.core.periods import QUARTER, quarter_text
from gebiedsplugin.core.value_lists import label, stored_label
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import number

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # (table, fid)

TITLE, KIND, THEME, YEARS, STATUS, BUDGET, FUNDING, CONTACT = range(8)
SORT_AT_ONCE = 5000  # more rows than this are sorted by the sorter, between turns (when one is set)
SEARCHED_ROWS = 200  # up to this many rows are looked up by their sort key, more through a map of all rows


def _headers() -> list:
    return [tr("Title"), tr("Kind"), tr("Theme"), tr("Years"), tr("Status"), tr("Budget (EUR)"),
            tr("Funding (EUR)"), tr("Contact")]


def years_text(start, end) -> str:
    """'2024–2026', '2024' or '' for a period."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return str(start if start is not None else end)
    return "{}–{}".format(start, end)


def period_label(row) -> str:
    """The Years column: '2024–2026', '2027 Q3–2028 Q1' (to the quarter) or '2029–2031 (indicative)'."""
    period = row.period
    if period is None:
        return years_text(row.start_year, row.end_year)
    if period.precision == QUARTER:
        first, last = quarter_text(period.first), quarter_text(period.last)
        return first if first == last else "{}–{}".format(first, last)
    text = years_text(row.start_year, row.end_year)
    return tr("{} (indicative)").format(text) if period.indicative else text


class InterventionTableModel(QAbstractTableModel):
    """Rows of the list (ListRow), shown with value-list labels in the plugin's language."""

    def __init__(self, lang: str = "en", value_lists: dict | None = None, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._lang = lang
        self._lists = value_lists or {}
        self._headers = _headers()
        self._sorted_by = (-1, Qt.SortOrder.AscendingOrder)
        self.sorter = None  # sorts a long list between turns: sorter(column, order), then in_order()

    # --- content -----------------------------------------------------------------------------
    def set_rows(self, rows: list, sorted_by: tuple | None = None) -> None:
        """Replace every row (kept in the order the view sorts by); *sorted_by* (column, order): the rows
        come in that order already (sorted between turns, see core/list_steps.py)."""
        self.beginResetModel()
        if sorted_by is None:
            self._rows = self._in_order(list(rows), *self._sorted_by)
        else:
            self._rows, self._sorted_by = list(rows), tuple(sorted_by)
        self.endResetModel()

    @property
    def sorted_by(self) -> tuple:
        """(column, order) the rows are kept in; column -1: unsorted."""
        return self._sorted_by

    def key_of(self, column: int):
        """The sort key of *column* as a function of a row."""
        return lambda row: self._sort_key(row, column)

    def update_rows(self, old: list, rows: list) -> list:
        """Rows changed: *old* are the rows listed before (those not shown are skipped), *rows* the new
        ones to show. A row that keeps its place in the sort order is replaced in place (its selection
        stays); the others are removed and inserted where the order puts them, as a new sort would
        (after rows of an equal key). The rows of *old* that were shown."""
        new = {(r.table, r.fid): r for r in rows}
        last = self.columnCount() - 1
        at = sorted(self.positions(old), reverse=True)
        shown = [self._rows[i] for i in at]
        for i in at:  # from the end: the positions before stay valid
            key = (self._rows[i].table, self._rows[i].fid)
            row = new.get(key)
            if row is not None and self._fits(i, row):
                self._rows[i] = new.pop(key)
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
                continue
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self.endRemoveRows()
        for row in new.values():
            i = self._place(row)
            self.beginInsertRows(QModelIndex(), i, i)
            self._rows.insert(i, row)
            self.endInsertRows()
        return shown

    def positions(self, rows: list) -> list:
        """The positions of *rows* (the very ListRow objects) among the rows shown; those not shown are
        left out. Each is searched by its sort key (the rows are kept in order), then by identity among
        the rows of an equal key: no Python loop over 100,000 rows."""
        column = self._sorted_by[0]
        if column < 0 or len(rows) > SEARCHED_ROWS:  # a map made in C over every row
            where = dict(zip(map(id, self._rows), range(len(self._rows)))) if rows else {}
            return [where[id(r)] for r in rows if id(r) in where]
        found = []
        for row in rows:
            key = self._sort_key(row, column)
            low, high = 0, len(self._rows)
            while low < high:  # the first row whose key is not before *key*
                middle = (low + high) // 2
                if self._before(self._sort_key(self._rows[middle], column), key):
                    low = middle + 1
                else:
                    high = middle
            equal = list(map(id, self._rows[low:self._place(row)]))
            if id(row) in equal:
                found.append(low + equal.index(id(row)))
        return found

    def _before(self, a, b) -> bool:
        """True when key *a* sorts strictly before key *b* in the current order."""
        return a > b if self._sorted_by[1] == Qt.SortOrder.DescendingOrder else a < b

    def _fits(self, i: int, row) -> bool:
        """True when *row* at position *i* keeps the rows in order (with its neighbours)."""
        column = self._sorted_by[0]
        if column < 0:
            return True
        key = self._sort_key(row, column)
        if i > 0 and self._before(key, self._sort_key(self._rows[i - 1], column)):
            return False
        return not (i + 1 < len(self._rows) and self._before(self._sort_key(self._rows[i + 1], column), key))

    def _place(self, row) -> int:
        """Where *row* goes in the current order: after every row whose key is not after its key."""
        column = self._sorted_by[0]
        if column < 0:
            return len(self._rows)
        key = self._sort_key(row, column)
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            if self._before(key, self._sort_key(self._rows[middle], column)):
                high = middle
            else:
                low = middle + 1
        return low

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows here, one key per row. QSortFilterProxyModel's sort asked data() for the keys of
        every comparison: 3.4 million Python calls and 10-29 s on the main thread at 100,000 rows. More
        than SORT_AT_ONCE rows are handed to *sorter* (column, order) when set: sorted between turns of the
        event loop, then shown with in_order()."""
        if self.sorter is not None and len(self._rows) > SORT_AT_ONCE and column >= 0:
            self.sorter(column, order)
            return
        self.in_order(self._in_order(self._rows, column, order) if column >= 0 else self._rows, column, order)

    def in_order(self, rows: list, column: int, order) -> None:
        """Show the same rows as now in a new order, *rows* (sorted by *column* and *order*); the selection
        follows its rows."""
        self._sorted_by = (column, order)
        if column < 0 or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = [i for i in self.persistentIndexList() if i.isValid() and i.row() < len(self._rows)]
        kept = {id(self._rows[i.row()]) for i in old}  # the selection follows its rows
        before = [id(self._rows[i.row()]) for i in old]
        self._rows = list(rows)
        position = {id(r): n for n, r in enumerate(self._rows) if id(r) in kept}
        self.changePersistentIndexList(old, [self.index(position[k], i.column()) for k, i in zip(before, old)])
        self.layoutChanged.emit()

    def _in_order(self, rows: list, column: int, order) -> list:
        if column < 0:
            return rows
        keys = [self._sort_key(r, column) for r in rows]
        # Python's sort is stable in both directions, as Qt's: equal keys keep their order.
        ranks = sorted(range(len(rows)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return [rows[i] for i in ranks]

    def set_value_lists(self, value_lists: dict, lang: str) -> None:
        """Labels for codes: list name -> {code: (label_en, label_nl)}."""
        self.beginResetModel()
        self._lists, self._lang = value_lists or {}, lang
        later = self.sorter is not None and len(self._rows) > SORT_AT_ONCE and self._sorted_by[0] >= 0
        if not later:
            self._rows = self._in_order(self._rows, *self._sorted_by)  # labels are sort keys: kept in order
        self.endResetModel()
        if later:  # a long list: sorted again between turns
            self.sorter(*self._sorted_by)

    def rows(self) -> list:
        """The current rows."""
        return list(self._rows)

    def row_at(self, row: int):
        """The ListRow at source row *row*."""
        return self._rows[row]

    def row_of(self, table: str, fid: int) -> int:
        """Source row of feature (*table*, *fid*), -1 when not listed."""
        for i, r in enumerate(self._rows):
            if r.fid == fid and r.table == table:
                return i
        return -1

    def label(self, list_name: str, code: str) -> str:
        """Display label of *code* in value list *list_name*."""
        entry = self._lists.get(list_name, {}).get(code)
        if entry is None:
            return label(list_name, code, self._lang) if code else ""
        return stored_label(list_name, code, entry, self._lang)

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SORT_ROLE:
            return self._sort_key(r, col)
        if role == KEY_ROLE:
            return (r.table, r.fid)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (BUDGET, FUNDING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == TITLE:
            tip = "{}\n{} · {}".format(r.title, self.label("domain", r.domain), r.district_id or "?")
            if r.needs_review:
                tip += " · " + tr("needs review")
            return tip
        return None

    def texts(self, column: int, rows: list) -> list:
        """What column *column* shows in source rows *rows* (to size it)."""
        return [self._display(self._rows[i], column) or "" for i in rows if i < len(self._rows)]

    def _display(self, r, col):
        if col == TITLE:
            return r.title
        if col == KIND:
            return self.label("kind", r.kind)
        if col == THEME:
            return self.label("theme", r.theme)
        if col == YEARS:
            return period_label(r)
        if col == STATUS:
            return self.label("status", r.status)
        if col == BUDGET:
            return number(r.budget, 0)
        if col == FUNDING:
            return number(r.funding, 0) if r.funding else ""
        if col == CONTACT:
            return r.contact
        return None

    def _sort_key(self, r, col):
        if col == YEARS:  # by first, then last quarter: 2027 Q3 after 2027 (which starts in Q1)
            period = r.period
            if period is None:
                return (r.start_year or 0) * 100000 + (r.end_year or 0) * 10
            return period.first * 100000 + period.last * 10 + int(period.indicative)
        if col == BUDGET:
            return r.budget if r.budget is not None else -1.0
        if col == FUNDING:
            return r.funding
        text = self._display(r, col)
        return (text or "").lower()


class InterventionSortProxy(QSortFilterProxyModel):
    """The view's model: sorting by a column (numbers as numbers) is done by the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
