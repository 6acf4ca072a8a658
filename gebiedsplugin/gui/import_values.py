"""The import dialog's value pane: for the chosen programme field with a list of values, each source
value and the programme value it becomes (a list to correct the proposal; "unknown" rejects the row)."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gebiedsplugin.core.value_lists import VALUE_LISTS, label
from gebiedsplugin.toolbelt.i18n import tr, ui_language


class ValuePane(QWidget):
    """A title and a two-column table: value in the source, value in the programme."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr("Value in the source"), tr("Value in the programme")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.table, 1)

    def show_none(self) -> None:
        """No field with a list of values is selected."""
        self.table.setRowCount(0)
        self.title.setText(tr("Select a programme field with a list of values to map its values."))

    def show_values(self, title: str, value_list: str, values: dict) -> None:
        """The values of the field called *title* (list *value_list*); a choice is written into *values*
        ({source value: code}, the dialog's own dict)."""
        self.table.setRowCount(0)
        self.title.setText(tr("Values of {}").format(title) if values else
                           tr("{}: no values to map (no source field chosen).").format(title))
        self.table.setRowCount(len(values))
        language = ui_language()
        for n, (src, code) in enumerate(values.items()):
            self.table.setItem(n, 0, QTableWidgetItem(src))
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.addItem(tr("(unknown: reject the row)"), None)
            for c in VALUE_LISTS[value_list]:
                combo.addItem(label(value_list, c, language), c)
                combo.setItemData(combo.count() - 1, c, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(code), 0))
            combo.currentIndexChanged.connect(
                lambda _i, src=src, combo=combo: values.__setitem__(src, combo.currentData()))
            self.table.setCellWidget(n, 1, combo)
        self._fit(len(values))

    def _fit(self, rows: int) -> None:
        """Every choice readable: the column (and so the pane) at least as wide as the widest list wants."""
        header = self.table.horizontalHeader()
        widest = max([self.table.cellWidget(n, 1).sizeHint().width() for n in range(rows)] or [0])
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, max(widest, header.sectionSizeHint(1)))
        self.table.setMinimumWidth(header.sectionSize(0) + self.table.columnWidth(1) +
                                   self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth())
        header.setStretchLastSection(True)
