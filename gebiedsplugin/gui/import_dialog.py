"""The import dialog: source, target (guessed), QGIS's field mapping widget with a value mapping beside it,
a preview that names rows as the file does, dry run, import (all rows, or the valid rows only).

Thin: proposals, conversion and writing live in core.import_mapping, qgis_io.import_fields and
qgis_io.importer; large imports run in an ImportTask.
"""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsMapLayerProxyModel,
    QgsWkbTypes,
)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
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
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.import_mapping import TARGETS, FieldSource, propose_target, propose_values, target_fields
from gebiedsplugin.core.value_lists import value_list
from gebiedsplugin.gui.import_field_mapping import ProgrammeFieldMapping
from gebiedsplugin.gui.import_preview import ImportPreview
from gebiedsplugin.gui.import_values import ValuePane
from gebiedsplugin.gui.programme_actions import zoom_to_programme
from gebiedsplugin.qgis_io.import_fields import (
    destination_fields,
    field_title,
    proposed_expressions,
    source_of,
    target_label,
)
from gebiedsplugin.qgis_io.import_source import open_source
from gebiedsplugin.qgis_io.import_targets import target_tables
from gebiedsplugin.qgis_io.import_task import ImportTask
from gebiedsplugin.qgis_io.importer import ImportRejected, python_value, run_import
from gebiedsplugin.toolbelt.i18n import tr

LARGE = 5000  # features; above this the import runs as a background task

_KINDS = {QgsWkbTypes.GeometryType.PointGeometry: "point", QgsWkbTypes.GeometryType.LineGeometry: "line",
          QgsWkbTypes.GeometryType.PolygonGeometry: "polygon"}


def geometry_kind(layer) -> str | None:
    """'point', 'line' or 'polygon' for a layer with geometries, else None."""
    if layer is None or not layer.isSpatial():
        return None
    return _KINDS.get(QgsWkbTypes.geometryType(layer.wkbType()))


class ImportDialog(QDialog):
    """Import a file or project layer into the controller's programme."""

    def __init__(self, iface, controller, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.iface, self.controller = iface, controller
        self.layer = None
        self.values: dict = {}  # target field -> {source value: code}
        self._sources: dict = {}  # target field -> the source (field or expression) its values were proposed for
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
        self.target_hint = QLabel()
        self.mapping = ProgrammeFieldMapping(self)
        self.value_pane = ValuePane()
        self.value_title, self.value_table = self.value_pane.title, self.value_pane.table
        self.preview = ImportPreview()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.tabs = QTabWidget()
        self.valid_only = QCheckBox(tr("Import the valid rows only"))
        self.valid_only.setObjectName("import_valid_only")
        self.valid_only.setToolTip(tr("Rejected rows are skipped and listed in the report. Off: when any row is "
                                      "rejected, nothing is imported."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._layout()
        self.file.fileChanged.connect(self._source_changed)
        self.layers.layerChanged.connect(self._source_changed)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.mapping.changed.connect(self._mapping_changed)
        self.mapping.selectionModel().currentRowChanged.connect(lambda *_: self._show_values())

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Source file"), self.file)
        form.addRow(tr("or project layer"), self.layers)
        form.addRow(tr("Source CRS"), self.source_crs)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(self.target_hint, 1)
        form.addRow(tr("Import as"), target_row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.mapping)
        split.addWidget(self.value_pane)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        fields = QWidget()
        fields_box = QVBoxLayout(fields)
        intro = QLabel(tr("Which source field fills each programme field (proposed from names and aliases; "
                          "choose a field or write an expression)"))
        intro.setWordWrap(True)
        fields_box.addWidget(intro)
        fields_box.addWidget(split, 1)
        self.tabs.addTab(fields, tr("Fields"))
        self.tabs.addTab(self.preview, tr("Preview of the first rows"))
        self.tabs.addTab(self.report, tr("Report"))
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
        box.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addWidget(self.valid_only)
        row.addWidget(self.status, 1)
        row.addWidget(self.progress)
        row.addWidget(buttons)
        holder = QWidget()
        holder.setLayout(row)
        box.addWidget(holder)
        self._enable()
        self.resize(1000, 720)

    def mapping_view(self) -> QTableView:
        """The table inside QGIS's field mapping widget."""
        return self.mapping.view()

    # --- source and mapping -------------------------------------------------------------------
    def set_target(self, target: str) -> None:
        self.target.setCurrentIndex(TARGETS.index(target))

    def current_target(self) -> str:
        return self.target.currentData()

    def _source_changed(self, *_args) -> None:
        self.layer = None
        self.status.clear()
        path = self.file.filePath()
        try:
            if path and self.sender() is not self.layers:
                self.layer = open_source(path)
            elif self.layers.currentLayer() is not None:
                self.layer = self.layers.currentLayer()
        except ProgrammeError as e:
            self.status.setText(str(e))
        guess = propose_target(self.source_names(), geometry_kind(self.layer)) if self.layer is not None else None
        if guess is not None:
            self.target.blockSignals(True)
            self.set_target(guess)
            self.target.blockSignals(False)
            self.target_hint.setText(tr("guessed from the source's fields"))
        else:
            self.target_hint.clear()  # nothing to guess from: the target stays as chosen
        self._refresh()

    def _target_changed(self, *_args) -> None:
        self.target_hint.clear()
        self._refresh()

    def source_names(self) -> list:
        return self.layer.fields().names() if self.layer is not None else []

    def _refresh(self, *_args) -> None:
        target = self.current_target()
        names = self.source_names()
        self.values, self._sources = {}, {}
        self.mapping.show_fields(self.layer, destination_fields(target), proposed_expressions(names, target))
        self._mapping_changed()
        self._enable()

    def _mapping_changed(self) -> None:
        """Propose values for a coded field whose source changed; refresh the preview and value list."""
        for name, src in self.mapping.sources().items():
            if self._sources.get(name) != src:
                self._sources[name] = src
                self.values.pop(name, None)
                self._propose_values(name, src)
        self._fill_preview()
        self._show_values()

    def source_field(self, target_field: str) -> str:
        """The source field (or expression) that feeds *target_field*, '' when none."""
        expression = self.mapping.sources()[target_field]
        if not expression:
            return ""
        try:
            return source_of(expression, self.source_names(), self.current_target(), target_field)
        except ProgrammeError:
            return expression

    def set_source(self, target_field: str, source_field: str) -> None:
        """Feed *target_field* from *source_field* ('' for none), as choosing it in the widget does."""
        self.mapping.set_source(target_field, source_field)

    def _propose_values(self, target_field: str, src: str) -> None:
        f = next((c for c in target_fields(self.current_target()) if c.name == target_field), None)
        if f is None or not f.value_list or not src or self.layer is None:
            return
        field = self.source_field(target_field)
        idx = self.layer.fields().indexFromName(field)
        if idx < 0:
            return  # an expression: its values are matched by code and label when imported
        distinct = [python_value(v) for v in sorted(self.layer.uniqueValues(idx), key=str)][:200]
        self.values[target_field] = propose_values(distinct, value_list(f.value_list))

    def _current_field(self):
        name = self.mapping.current_name()
        return next((x for x in target_fields(self.current_target()) if x.name == name), None)

    def _show_values(self) -> None:
        f = self._current_field()
        if f is None or not f.value_list:
            self.value_pane.show_none()
            return
        self.value_pane.show_values(field_title(self.current_target(), f.name), f.value_list,
                                    self.values.get(f.name, {}))

    def current_mapping(self) -> dict:
        """{target field: FieldSource} as the widget shows it (ProgrammeError for a bad expression)."""
        out = {}
        target, names = self.current_target(), self.source_names()
        for name, expression in self.mapping.sources().items():
            if expression:
                values = {k: v for k, v in self.values.get(name, {}).items() if v}
                out[name] = FieldSource(source_of(expression, names, target, name), values)
        return out

    def _fill_preview(self) -> None:
        try:
            mapping = self.current_mapping() if self.layer is not None else {}
        except ProgrammeError as e:
            self.status.setText(str(e))
            mapping = {}
        self.preview.fill(self.layer, mapping, self.current_target())

    def _enable(self) -> None:
        # Without a programme there is nothing to import into: say so before the mapping is done, not after.
        has_programme = getattr(self.controller, "store", None) is not None
        if not has_programme and not self.status.text():
            self.status.setText(tr("Open or create a programme first."))
        ready = has_programme and self.layer is not None and self.task is None
        self.dry_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

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
        valid_only = self.valid_only.isChecked()
        try:
            programme = self._programme()
            mapping = self.current_mapping()
            if not dry and self.layer.featureCount() > LARGE:
                self._start_task(programme, mapping, valid_only)
                return None
            result = run_import(programme, self.layer, self.current_target(), mapping, dry_run=dry,
                                valid_only=valid_only, source_crs=self.source_crs.crs())
        except ImportRejected as e:
            self._show(str(e), e.result)
            return e.result
        except ProgrammeError as e:
            self._show(str(e), None)
            return None
        self._finished(result)
        return result

    def _start_task(self, programme: str, mapping: dict, valid_only: bool) -> None:
        crs = self.source_crs.crs()
        if not crs.isValid():
            crs = self.layer.crs()  # the task reopens the source: keep the CRS a CSV was given when opened
        self.task = ImportTask(programme, self.layer.source(), self.layer.providerType(), self.current_target(),
                               mapping, valid_only=valid_only, source_crs=crs)
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
        self.import_button.setEnabled(not running and self.layer is not None)
        self.dry_button.setEnabled(not running and self.layer is not None)

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
                    layers[table].updateExtents()
                    layers[table].triggerRepaint()
            if "districts" in target_tables(result.target):  # the districts just imported, on the map
                zoom_to_programme(self.iface, layers)

    def _show(self, text: str, result) -> None:
        self.task = None
        self._running(False)
        self.progress.setValue(100 if result is not None and result.written else 0)  # 0 after a refusal
        self.last_result = result
        self.report.setPlainText(text)
        self.tabs.setCurrentWidget(self.report)
        self.status.setText(text.splitlines()[0] if text else "")
