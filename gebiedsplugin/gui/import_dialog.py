"""The import dialog: source and target, an editable field and value mapping, preview, dry run, import.

Thin: proposals, conversion and writing live in core.import_mapping and qgis_io.importer; large
imports run in an ImportTask.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsMapLayerProxyModel
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.import_mapping import (
    TARGETS,
    FieldSource,
    is_mandatory,
    propose_mapping,
    propose_values,
    target_fields,
)
from gebiedsplugin.qgis_io.import_source import open_source
from gebiedsplugin.qgis_io.import_targets import target_tables
from gebiedsplugin.qgis_io.import_task import ImportTask
from gebiedsplugin.qgis_io.importer import ImportRejected, python_value, run_import
from gebiedsplugin.toolbelt.i18n import tr, ui_language

PREVIEW_ROWS = 10
LARGE = 5000  # features; above this the import runs as a background task


def target_label(target: str) -> str:
    """Translated name of an import target."""
    return {
        "districts": tr("Districts"), "neighbourhoods": tr("Neighbourhoods"), "interventions": tr("Interventions"),
        "programme_projects": tr("Programme projects (MJP)"), "area_goals": tr("Area goals"),
        "area_budgets": tr("Area budgets"),
    }[target]


class ImportDialog(QDialog):
    """Import a file or project layer into the controller's programme."""

    def __init__(self, iface, controller, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.iface, self.controller = iface, controller
        self.layer = None
        self.values: dict = {}  # target field -> {source value: code}
        self.task = None
        self.last_result = None
        self.setWindowTitle(tr("Import data"))
        self.setObjectName("gebiedsplugin_import_dialog")
        self.file = QgsFileWidget()
        self.file.setFilter(tr("Vector files (*.gpkg *.shp *.geojson *.json *.csv *.txt *.xlsx *.ods);;All files (*)"))
        self.layers = QgsMapLayerComboBox()
        self.layers.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        self.layers.setAllowEmptyLayer(True)
        self.layers.setLayer(None)
        self.source_crs = QgsProjectionSelectionWidget()
        self.source_crs.setOptionVisible(QgsProjectionSelectionWidget.CrsOption.CrsNotSet, True)
        self.source_crs.setNotSetText(tr("As the source says"))
        self.source_crs.setCrs(QgsCoordinateReferenceSystem())
        self.target = QComboBox()
        for t in TARGETS:
            self.target.addItem(target_label(t), t)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([tr("Programme field"), tr("Source field")])
        self.value_table = QTableWidget(0, 2)
        self.value_table.setHorizontalHeaderLabels([tr("Source value"), tr("Code")])
        self.preview = QTableWidget(0, 0)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.status = QLabel()
        self._layout()
        self.file.fileChanged.connect(self._source_changed)
        self.layers.layerChanged.connect(self._source_changed)
        self.target.currentIndexChanged.connect(self._refresh)
        self.mapping.currentCellChanged.connect(lambda *_: self._show_values())

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Source file"), self.file)
        form.addRow(tr("or project layer"), self.layers)
        form.addRow(tr("Source CRS"), self.source_crs)
        form.addRow(tr("Import as"), self.target)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.mapping)
        split.addWidget(self.value_table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.dry_button = QPushButton(tr("Dry run"))
        self.import_button = QPushButton(tr("Import"))
        self.cancel_button = QPushButton(tr("Cancel import"))
        self.cancel_button.setObjectName("import_cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        buttons.addButton(self.dry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.dry_button.clicked.connect(self.dry_run)
        self.import_button.clicked.connect(self.run_import)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(QLabel(tr("Field mapping (proposed from names and aliases; * = mandatory)")))
        box.addWidget(split, 2)
        box.addWidget(QLabel(tr("Preview of the first rows")))
        box.addWidget(self.preview, 1)
        box.addWidget(self.report, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.progress)
        row.addWidget(buttons)
        holder = QWidget()
        holder.setLayout(row)
        box.addWidget(holder)
        self.resize(900, 700)

    # --- source and mapping -------------------------------------------------------------------
    def set_target(self, target: str) -> None:
        self.target.setCurrentIndex(TARGETS.index(target))

    def current_target(self) -> str:
        return self.target.currentData()

    def _source_changed(self, *_args) -> None:
        self.layer = None
        path = self.file.filePath()
        try:
            if path and self.sender() is not self.layers:
                self.layer = open_source(path)
            elif self.layers.currentLayer() is not None:
                self.layer = self.layers.currentLayer()
        except ProgrammeError as e:
            self.status.setText(str(e))
        self._refresh()

    def source_names(self) -> list:
        return self.layer.fields().names() if self.layer is not None else []

    def _refresh(self, *_args) -> None:
        target = self.current_target()
        names = self.source_names()
        proposal = propose_mapping(names, target)
        fields = target_fields(target)
        self.mapping.setRowCount(len(fields))
        self.values = {}
        for row, f in enumerate(fields):
            alias = f.alias_nl if ui_language() == "nl" else f.alias_en
            item = QTableWidgetItem("{}{} ({})".format(f.name, " *" if is_mandatory(target, f) else "", alias))
            item.setData(Qt.ItemDataRole.UserRole, f.name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem("", "")
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(proposal.get(f.name, "")), 0))
            combo.currentIndexChanged.connect(lambda _i, name=f.name: self._source_field_changed(name))
            self.mapping.setCellWidget(row, 1, combo)
            if f.value_list and proposal.get(f.name):
                self._propose_values(f.name)
        self.mapping.resizeColumnsToContents()
        self._fill_preview()
        self._show_values()

    def field_combo(self, target_field: str) -> QComboBox:
        """The source-field combo of *target_field*."""
        for row in range(self.mapping.rowCount()):
            if self.mapping.item(row, 0).data(Qt.ItemDataRole.UserRole) == target_field:
                return self.mapping.cellWidget(row, 1)
        raise KeyError(target_field)

    def _source_field_changed(self, target_field: str) -> None:
        self.values.pop(target_field, None)
        self._propose_values(target_field)
        self._fill_preview()
        self._show_values()

    def _propose_values(self, target_field: str) -> None:
        f = next((c for c in target_fields(self.current_target()) if c.name == target_field), None)
        src = self.field_combo(target_field).currentData()
        if f is None or not f.value_list or not src or self.layer is None:
            return
        idx = self.layer.fields().indexFromName(src)
        distinct = [python_value(v) for v in sorted(self.layer.uniqueValues(idx), key=str)][:200]
        self.values[target_field] = propose_values(distinct, schema.VALUE_LISTS[f.value_list])

    def _show_values(self) -> None:
        row = self.mapping.currentRow()
        self.value_table.setRowCount(0)
        if row < 0:
            return
        name = self.mapping.item(row, 0).data(Qt.ItemDataRole.UserRole)
        f = next(x for x in target_fields(self.current_target()) if x.name == name)
        if not f.value_list:
            return
        values = self.values.get(name, {})
        self.value_table.setRowCount(len(values))
        for n, (src, code) in enumerate(values.items()):
            self.value_table.setItem(n, 0, QTableWidgetItem(src))
            combo = QComboBox()
            combo.addItem(tr("(unknown: reject)"), None)
            for c in schema.VALUE_LISTS[f.value_list]:
                combo.addItem("{} – {}".format(c, schema.label(f.value_list, c, ui_language())), c)
            combo.setCurrentIndex(max(combo.findData(code), 0))
            combo.currentIndexChanged.connect(
                lambda _i, name=name, src=src, combo=combo: self.values[name].__setitem__(src, combo.currentData()))
            self.value_table.setCellWidget(n, 1, combo)

    def current_mapping(self) -> dict:
        """{target field: FieldSource} as the table shows it."""
        out = {}
        for f in target_fields(self.current_target()):
            src = self.field_combo(f.name).currentData()
            if src:
                values = {k: v for k, v in self.values.get(f.name, {}).items() if v}
                out[f.name] = FieldSource(src, values)
        return out

    def _fill_preview(self) -> None:
        mapping = self.current_mapping() if self.mapping.rowCount() else {}
        names = list(mapping)
        self.preview.clear()
        self.preview.setColumnCount(len(names))
        self.preview.setHorizontalHeaderLabels(names)
        rows = []
        if self.layer is not None:
            for n, feat in enumerate(self.layer.getFeatures()):
                if n >= PREVIEW_ROWS:
                    break
                rows.append([python_value(feat[mapping[name].field]) for name in names])
        self.preview.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))

    # --- running ------------------------------------------------------------------------------
    def _programme(self):
        store = getattr(self.controller, "store", None)
        if store is None:
            raise ProgrammeError(tr("Open or create a programme first."))
        if self.layer is None:
            raise ProgrammeError(tr("Choose a source file or layer first."))
        return store.path

    def dry_run(self):
        """Count what an import would do; show the counts and reasons."""
        return self._run(dry=True)

    def run_import(self):
        """Import (as a background task when the source is large); show the report."""
        return self._run(dry=False)

    def _run(self, dry: bool):
        try:
            programme = self._programme()
            if not dry and self.layer.featureCount() > LARGE:
                self._start_task(programme)
                return None
            result = run_import(programme, self.layer, self.current_target(), self.current_mapping(), dry_run=dry,
                                source_crs=self.source_crs.crs())
        except ImportRejected as e:
            self._show(str(e), e.result)
            return e.result
        except ProgrammeError as e:
            self._show(str(e), None)
            return None
        self._finished(result)
        return result

    def _start_task(self, programme: str) -> None:
        self.task = ImportTask(programme, self.layer.source(), self.layer.providerType(), self.current_target(),
                               self.current_mapping(), source_crs=self.source_crs.crs())
        self.task.done.connect(self._finished)
        self.task.failed.connect(lambda message: self._show(message, None))
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.status.setText(tr("Importing in the background…"))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._running(True)
        QgsApplication.taskManager().addTask(self.task)

    def _running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.import_button.setEnabled(not running)
        self.dry_button.setEnabled(not running)

    def cancel_import(self) -> None:
        """Stop the background import: nothing is written (the import is one transaction)."""
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("Cancelling…"))
            self.task.cancel()

    def _finished(self, result) -> None:
        self._show(result.text(), result)
        if result.written:
            layers = getattr(self.controller, "layers", {})
            for table in target_tables(result.target):
                if table in layers:
                    layers[table].dataProvider().reloadData()
                    layers[table].triggerRepaint()

    def _show(self, text: str, result) -> None:
        self.task = None
        self._running(False)
        self.progress.setValue(100 if result is not None and result.written else 0)  # 0 after a refusal
        self.last_result = result
        self.report.setPlainText(text)
        self.status.setText(text.splitlines()[0] if text else "")

