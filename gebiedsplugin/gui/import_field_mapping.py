"""QGIS's field mapping widget as the import dialog shows it: each programme field, by its label, and
the source field or expression that fills it. The type, length, precision, constraint (and comment)
columns are fixed by the programme and hidden."""

from __future__ import annotations

from qgis.core import QgsExpression, QgsFields
from qgis.gui import QgsFieldMappingModel, QgsFieldMappingWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHeaderView, QTableView

from gebiedsplugin.toolbelt.qt_compat import alias_column

# QGIS 3.22 shows the alias in the name column; from 3.30 on the alias has a column of its own.
LABEL_COLUMN = alias_column(QgsFieldMappingModel.ColumnDataIndex.DestinationName)
SOURCE_COLUMN = int(QgsFieldMappingModel.ColumnDataIndex.SourceExpression)


class ProgrammeFieldMapping(QgsFieldMappingWidget):
    """Reads "Title (required) <- titel": the label column first, then the source; nothing else."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("import_mapping")
        self.setDestinationEditable(False)
        view = self.view()
        for column in range(self.model().columnCount()):
            view.setColumnHidden(column, column not in (LABEL_COLUMN, SOURCE_COLUMN))
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.moveSection(header.visualIndex(LABEL_COLUMN), 0)
        view.verticalHeader().setVisible(False)

    def view(self) -> QTableView:
        """The table inside the widget."""
        return self.findChild(QTableView)

    def show_fields(self, layer, destination: QgsFields, expressions: dict) -> None:
        """The programme fields *destination* fed from *layer* (None: no source) by *expressions*, without
        signalling a change (the dialog refreshes itself after)."""
        self.blockSignals(True)
        self.setSourceLayer(layer)
        self.setSourceFields(layer.fields() if layer is not None else QgsFields())
        self.setDestinationFields(destination, expressions)
        self.blockSignals(False)

    def sources(self) -> dict:
        """{programme field: source field or expression text ('' when not fed)} as the widget shows it."""
        return {f.field.name(): f.expression.strip() for f in self.mapping()}

    def set_source(self, target_field: str, source_field: str) -> None:
        """Feed *target_field* from *source_field* ('' for none), as choosing it in the widget does."""
        model = self.model()
        for row, f in enumerate(self.mapping()):
            if f.field.name() == target_field:
                value = QgsExpression.quotedColumnRef(source_field) if source_field else ""
                model.setData(model.index(row, SOURCE_COLUMN), value, Qt.ItemDataRole.EditRole)
                return
        raise KeyError(target_field)

    def current_name(self):
        """The programme field of the selected row, or None."""
        index = self.selectionModel().currentIndex()
        fields = self.mapping()
        if not index.isValid() or index.row() >= len(fields):
            return None
        return fields[index.row()].field.name()
