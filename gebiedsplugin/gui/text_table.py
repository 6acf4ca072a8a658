"""A read-only table of texts over a model: the Overview's tables at 100,000 interventions.

A QTableWidget makes an item (and a Python wrapper the collector walks ever after) per cell: 100,000
rows took the QGIS window seconds to fill. Here the rows stay plain Python lists and Qt asks only for
the cells it paints. item() and horizontalHeaderItem() read a cell as QTableWidget's do.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QFontMetrics
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from gebiedsplugin.gui.column_widths import column_width, sampled_rows

SAMPLED_ROWS = 100  # rows whose texts size the columns (and the row labels' width)
HEADER_PADDING = 16  # px beside a header's text: its margins and room for a sort arrow


@dataclass
class Cell:
    """What a cell (or a header) shows."""

    value: str
    tip: str = ""
    colour: str = ""
    bold: bool = False

    def text(self) -> str:
        return self.value

    def toolTip(self) -> str:  # noqa: N802 - as QTableWidgetItem
        return self.tip

    def background(self) -> QBrush:
        return QBrush(QColor(self.colour)) if self.colour else QBrush()


class _Model(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers: list = []
        self.header_tips: dict = {}
        self.vertical: list = []
        self.rows: list = []
        self.colours: list = []  # per row: '' / '#rrggbb' for the row / a list per cell
        self.tips: dict = {}  # (row, column) -> text
        self.bold: set = set()  # (row, column)
        self.brushes: dict = {}
        self.font = QFont()
        self.font.setBold(True)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def colour(self, row: int, column: int) -> str:
        colour = self.colours[row] if row < len(self.colours) else ""
        if isinstance(colour, (list, tuple)):
            colour = colour[column] if column < len(colour) else ""
        return colour or ""

    def cell(self, row: int, column: int) -> Cell:
        values = self.rows[row]
        return Cell(str(values[column]) if column < len(values) else "", self.tips.get((row, column), ""),
                    self.colour(row, column), (row, column) in self.bold)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = self.rows[row]
            return str(values[column]) if column < len(values) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.get((row, column))
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.colour(row, column)
            if not colour:
                return None
            if colour not in self.brushes:
                self.brushes[colour] = QBrush(QColor(colour))
            return self.brushes[colour]
        if role == Qt.ItemDataRole.FontRole and (row, column) in self.bold:
            return self.font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.headers):
                return self.headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.header_tips.get(section)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.vertical[section] if section < len(self.vertical) else str(section + 1)
        return None


class TextTable(QTableView):
    """Rows of texts under headers; optional colours (per row or per cell), bold cells, tooltips."""

    def __init__(self, parent=None, name: str = ""):
        super().__init__(parent)
        self.setObjectName(name)
        self.model_ = _Model(self)
        self.setModel(self.model_)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        # Columns sized once per set_rows() by fit_columns(): Qt's ResizeToContents asks the model (Python)
        # for about ten roles of every sampled cell, again at each layout, 0.2-0.5 s at 30,000 rows.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setResizeContentsPrecision(SAMPLED_ROWS)  # its width: row labels sampled too

    def set_rows(self, headers: list, rows: list, colours: list = None, tips: dict = None, bold=(),
                 vertical: list = None, header_tips: dict = None) -> None:
        m = self.model_
        m.beginResetModel()
        m.headers, m.rows = list(headers), rows
        m.colours = colours or []
        m.tips, m.bold = dict(tips or {}), set(bold)
        m.vertical = list(vertical) if vertical is not None else []
        m.header_tips = dict(header_tips or {})
        m.endResetModel()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header and its widest text in a sample of rows (the first
        SAMPLED_ROWS and as many spread over the rest), measured here with the font's metrics."""
        m = self.model_
        sample = sampled_rows(len(m.rows), SAMPLED_ROWS)
        plain, bold = self.fontMetrics(), QFontMetrics(m.font)
        header = self.horizontalHeader()
        for column, title in enumerate(m.headers):
            cells = ((bold if (row, column) in m.bold else plain, m.rows[row][column])
                     for row in sample if column < len(m.rows[row]))
            header.resizeSection(column, column_width(header.fontMetrics(), title, HEADER_PADDING, cells))

    def clear(self) -> None:
        self.set_rows([], [])

    def rowCount(self) -> int:  # noqa: N802 - as QTableWidget
        return self.model_.rowCount()

    def columnCount(self) -> int:  # noqa: N802 - as QTableWidget
        return self.model_.columnCount()

    def item(self, row: int, column: int):
        """The cell at (*row*, *column*) (None outside the table), read as a QTableWidgetItem."""
        if 0 <= row < self.rowCount() and 0 <= column < self.columnCount():
            return self.model_.cell(row, column)
        return None

    def horizontalHeaderItem(self, column: int):  # noqa: N802 - as QTableWidget
        if 0 <= column < self.columnCount():
            return Cell(self.model_.headers[column], self.model_.header_tips.get(column, ""))
        return None
