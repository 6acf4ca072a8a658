"""A small dialog with the audit trail of one intervention (PostGIS programmes keep one)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from gebiedsplugin.qgis_io.shared_editing import audit_rows
from gebiedsplugin.toolbelt.i18n import tr


class AuditDialog(QDialog):
    """Read-only table: when, who, what, which fields changed (oldest first)."""

    def __init__(self, title: str, trail: list, parent=None):
        super().__init__(parent)
        self.setObjectName("gebiedsplugin_audit_dialog")
        self.setWindowTitle(tr("History of {}").format(title))
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        rows = audit_rows(trail)
        label = QLabel(tr("{} recorded changes, oldest first.").format(len(rows)) if rows
                       else tr("No changes recorded for this intervention."))
        layout.addWidget(label)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Who"), tr("What"), tr("Changes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self) -> list:
        """The table's text, row by row (tests and screenshots)."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]
