"""The import dialog's preview: the first rows of the source as the mapping reads them, each row named
as the report names it (line 2, fid 7, feature 3)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from gebiedsplugin.qgis_io.import_fields import field_title
from gebiedsplugin.qgis_io.importer import preview_rows

PREVIEW_ROWS = 10
PREVIEW_VISIBLE = 8  # rows the preview shows without scrolling


class ImportPreview(QTableWidget):
    """A read-only table of the first PREVIEW_ROWS rows, PREVIEW_VISIBLE of them in view."""

    def __init__(self, parent=None):
        super().__init__(0, 0, parent)
        self.setObjectName("import_preview")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # tall enough for PREVIEW_VISIBLE rows, a header and a horizontal scroll bar
        rows = self.verticalHeader().defaultSectionSize() * PREVIEW_VISIBLE
        chrome = self.horizontalHeader().sizeHint().height() + self.horizontalScrollBar().sizeHint().height() + \
            2 * self.frameWidth()
        self.setMinimumHeight(rows + chrome)

    def fill(self, layer, mapping: dict, target: str) -> None:
        """The rows of *layer* (None: none) under the programme fields of *mapping* ({field: FieldSource})."""
        self.clear()
        names = list(mapping)
        self.setColumnCount(len(names))
        self.setHorizontalHeaderLabels([field_title(target, n) for n in names])
        places, rows = preview_rows(layer, mapping, PREVIEW_ROWS) if layer is not None else ([], [])
        self.setRowCount(len(rows))
        self.setVerticalHeaderLabels(places)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.resizeColumnsToContents()
