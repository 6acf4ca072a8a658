"""The "Export" dock: scope, period, formats, folder, template -> the unified programme map export.

Thin: it fills an ExportRequest, runs the data preparation as a QgsTask and the layout rendering on
the main thread (qgis_io.exporter), and shows progress and the outcome.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.export_plan import DEFAULT_FORMATS, FORMATS, ORIENTATIONS, PAPERS, ExportRequest
from gebiedsplugin.core.unified import Scope
from gebiedsplugin.gui.outcome import open_folder, push_result
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.exporter import ExportTask
from gebiedsplugin.qgis_io.store.open import is_postgis, open_store
from gebiedsplugin.toolbelt.catalogue import language_name, languages
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify
from gebiedsplugin.toolbelt.settings import PluginSettings

NO_YEAR = 1999  # the spin boxes' "no bound" value (shown as a dash)


class ExportDock(ProgrammeDock):
    """Export the open (or a chosen) programme as print atlas and data."""

    def __init__(self, iface, controller, parent=None):
        super().__init__(tr("Export"), "gebiedsplugin_export_dock", iface, controller, parent)
        self.prompts = Prompts(self)
        self.task = None
        self.last_result = None
        self.last_error = ""
        self._build()
        self.follow_programme()

    # --- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.programme = QgsFileWidget()
        self.programme.setFilter(tr("GeoPackage (*.gpkg)"))
        self.programme.setToolTip(tr("A GeoPackage, or postgres:<connection>/<schema> for a PostGIS programme."))
        self.programme.fileChanged.connect(self._load_districts)
        self.programme.fileChanged.connect(self._enable_run)
        form.addRow(tr("Programme"), self.programme)
        self.city = QRadioButton(tr("Whole city"))
        self.city.setChecked(True)
        self.some = QRadioButton(tr("Districts:"))
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.city)
        scope_row.addWidget(self.some)
        form.addRow(tr("Scope"), scope_row)
        self.districts = QListWidget()
        self.districts.setMaximumHeight(110)
        self.districts.setEnabled(False)
        self.some.toggled.connect(self.districts.setEnabled)
        form.addRow("", self.districts)
        self.year_from, self.year_to = self._year_box(), self._year_box()
        period = QHBoxLayout()
        period.addWidget(self.year_from)
        period.addWidget(QLabel("–"))
        period.addWidget(self.year_to)
        form.addRow(tr("Period"), period)
        self.formats = {}
        fmt_row = QHBoxLayout()
        for fmt in FORMATS:
            box = QCheckBox({"geojson": "GeoJSON", "web": tr("Web map")}.get(fmt, fmt.upper()))
            box.setChecked(fmt in DEFAULT_FORMATS)
            box.setObjectName("export_format_" + fmt)
            self.formats[fmt] = box
            fmt_row.addWidget(box)
        form.addRow(tr("Formats"), fmt_row)
        self.per_year = QCheckBox(tr("Also one page per year"))
        form.addRow("", self.per_year)
        self.summary_pages = QCheckBox(tr("District summary pages (charts and tables)"))
        self.summary_pages.setObjectName("export_summary_pages")
        self.summary_pages.setChecked(True)
        self.summary_pages.setToolTip(tr("After the city's and each district's atlas page, a page with the "
                                         "Overview's money charts, stacking and priority tables."))
        form.addRow("", self.summary_pages)
        self.language = QComboBox()
        self.language.setObjectName("export_language")
        self.language.addItem(tr("English"), "en")
        self.language.addItem(tr("Dutch"), "nl")
        for lang in languages()[2:]:  # a language added as one .ts/.qm
            self.language.addItem(language_name(lang) or lang, lang)
        self.language.setCurrentIndex(self.language.findData(self.lang))
        self.language.setToolTip(tr("The language of the atlas, legends and file contents."))
        form.addRow(tr("Language"), self.language)
        self.paper = QComboBox()
        self.paper.setObjectName("export_paper")
        for paper in PAPERS:
            self.paper.addItem(paper.upper(), paper)
        self.paper.setCurrentIndex(self.paper.findData(ExportRequest.paper))
        self.orientation = QComboBox()
        self.orientation.setObjectName("export_orientation")
        for orientation, text in zip(ORIENTATIONS, (tr("Portrait"), tr("Landscape"))):
            self.orientation.addItem(text, orientation)
        self.orientation.setCurrentIndex(self.orientation.findData(ExportRequest.orientation))
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper)
        paper_row.addWidget(self.orientation, 1)
        form.addRow(tr("Paper"), paper_row)
        self.png_dpi = QSpinBox()
        self.png_dpi.setObjectName("export_png_dpi")
        self.png_dpi.setRange(72, 600)
        self.png_dpi.setSingleStep(50)
        self.png_dpi.setValue(ExportRequest.png_dpi)
        self.png_dpi.setSuffix(tr(" dpi"))
        form.addRow(tr("PNG resolution"), self.png_dpi)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setFilePath(PluginSettings.load().last_output_folder)
        form.addRow(tr("Output folder"), self.folder)
        self.template = QgsFileWidget()
        self.template.setFilter(tr("Layout template (*.qpt)"))
        self.template.setToolTip(tr("Empty: the plugin's atlas template for the paper size and orientation."))
        form.addRow(tr("Template"), self.template)
        layout.addLayout(form)
        for fmt in ("pdf", "png"):
            self.formats[fmt].toggled.connect(self._enable_atlas_options)
        self._enable_atlas_options()
        self.run_button = QPushButton(tr("Export"))
        self.run_button.setObjectName("export_run")
        self.run_button.clicked.connect(self.run_export)
        self._enable_run()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("export_cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_button = QPushButton(tr("Open output folder"))
        self.open_button.setObjectName("export_open_folder")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(lambda: open_folder(self.folder.filePath()))
        row = QHBoxLayout()
        for button in (self.run_button, self.cancel_button, self.open_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setWidget(body)

    def _year_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NO_YEAR, schema.MAX_YEAR)
        box.setSpecialValueText("—")
        box.setValue(NO_YEAR)
        return box

    # --- programme ---------------------------------------------------------------------------------
    def on_programme_changed(self) -> None:
        store = self.controller.store
        if store is not None:
            self.programme.setFilePath(store.path)
        self._load_districts()

    def _load_districts(self, *_args) -> None:
        self.districts.clear()
        text = self.programme.filePath()
        store = self.controller.store
        if not text:
            return
        try:
            if store is None or store.path != text:
                if not (is_postgis(text) or Path(text).is_file()):
                    return
                store = open_store(text)
            rows = store.read_table("districts")[0]
        except Exception:  # noqa: BLE001 - an unreadable programme simply lists no districts
            return
        for row in sorted(rows, key=lambda r: str(r.get("name"))):
            if row.get("district_id") == schema.CITY_ID:
                continue
            item = QListWidgetItem(str(row.get("name") or row.get("district_id")))
            item.setData(Qt.ItemDataRole.UserRole, row.get("district_id"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.districts.addItem(item)

    # --- export ------------------------------------------------------------------------------------
    def request(self) -> ExportRequest:
        """The ExportRequest the form describes."""
        ids = ()
        if self.some.isChecked():
            ids = tuple(self.districts.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.districts.count())
                        if self.districts.item(i).checkState() == Qt.CheckState.Checked)
        year_from = None if self.year_from.value() == NO_YEAR else self.year_from.value()
        year_to = None if self.year_to.value() == NO_YEAR else self.year_to.value()
        return ExportRequest(
            programme=self.programme.filePath(), folder=self.folder.filePath(), scope=Scope(ids, year_from, year_to),
            formats=tuple(f for f, box in self.formats.items() if box.isChecked()),
            per_year=self.per_year.isChecked(), template=self.template.filePath() or None,
            lang=self.language.currentData(), summary_pages=self.summary_pages.isChecked(),
            png_dpi=self.png_dpi.value(), paper=self.paper.currentData(), orientation=self.orientation.currentData())

    def run_export(self) -> bool:
        """Start an export; False (with a message) when the form asks for something impossible."""
        request = self.request()
        problem = self._problem(request)
        if problem:
            return self._fail(problem)
        store = self.controller.store
        unsaved = self.unsaved_layers() if store is not None and store.path == request.programme else []
        if unsaved:
            if not self.prompts.confirm(tr("Unsaved edits"), tr("Some layers have unsaved edits. The export reads "
                                                                "the saved programme. Save the edits first?")):
                return self._fail(tr("Nothing exported: save or discard the edits first."))
            for layer in unsaved:
                if not layer.commitChanges():
                    return self._fail(tr("Saving {} failed: {}").format(layer.name(),
                                                                        "; ".join(layer.commitErrors())))
        existing = request.existing_files()
        if existing:
            names = "\n".join(p.name for p in existing[:12]) + ("\n…" if len(existing) > 12 else "")
            if not self.prompts.confirm(tr("Replace files?"), tr("These files exist already:\n{}\n\nReplace them?")
                                        .format(names)):
                return self._fail(tr("Nothing exported: the files exist already."))
            request.overwrite = True
        settings = PluginSettings.load()
        settings.last_output_folder = request.folder
        settings.save()
        self.last_result, self.last_error = None, ""
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.open_button.setVisible(False)
        self.progress.setValue(0)
        self.status.setText(tr("Preparing the data…"))
        self.task = ExportTask(request, lambda result, error: self._done(request, result, error))
        self.task.progressChanged.connect(self._progress)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def cancel_export(self) -> None:
        """Stop the running export: nothing of it is written, existing files stay."""
        self.cancel_button.setEnabled(False)
        self.status.setText(tr("Cancelling…"))
        if self.task is not None:
            self.task.cancel()

    def _progress(self, value: float) -> None:
        """The task's progress (queued from its thread): the bar, and the phase in the status line."""
        self.progress.setValue(int(value))
        if value >= 30 and self.task is not None and not self.task.isCanceled():
            self.status.setText(tr("Rendering the atlas…"))

    def cleanup(self) -> None:
        """Plugin unload: cancel a running export (its working files removed) and drop the connections."""
        if self.task is not None:
            self.task.progressChanged.disconnect(self._progress)
            self.task.on_done = lambda *_args: None  # the task removes its own working files
            self.task.cancel()
            self.task = None
        super().cleanup()

    def _problem(self, request: ExportRequest) -> str:
        if not request.programme:
            return tr("Choose the programme to export.")
        if not request.folder:
            return tr("Choose an output folder.")
        if not request.formats:
            return tr("Choose at least one export format.")
        if self.some.isChecked() and not request.scope.district_ids:
            return tr("Tick at least one district, or choose the whole city.")
        scope = request.scope
        if scope.year_from is not None and scope.year_to is not None and scope.year_to < scope.year_from:
            return tr("The period ends before it starts.")
        return ""

    def _done(self, request: ExportRequest, result, error: str) -> None:
        """Main thread: the export task ended (result None: failed or cancelled, *error* says why)."""
        self.task = None
        self._enable_run()
        self.cancel_button.setEnabled(False)
        if result is None:
            self._fail(error)
            return
        self.last_result = result
        self.progress.setValue(100)
        if {"pdf", "png"} & set(request.formats):
            text = tr("%n file(s) written to {} ({} atlas pages, {} items).", "", len(result.all_files())).format(
                request.folder, result.atlas_pages, result.items)
        else:  # no atlas asked for: no pages to count
            text = tr("%n file(s) written to {} ({} items).", "", len(result.all_files())).format(
                request.folder, result.items)
        self.status.setText(text)
        self.open_button.setVisible(True)
        push_result(self.iface, tr("Export"), text, request.folder)

    def _enable_run(self, *_args) -> None:
        """Export only with a programme to export (the open one, or one chosen here) and none running; the
        tooltip says why not."""
        has = bool(self.programme.filePath())
        self.run_button.setEnabled(has and self.task is None)
        self.run_button.setToolTip("" if has else tr("Open a programme, or choose one under Programme, to export it."))

    def _enable_atlas_options(self, *_args) -> None:
        """The atlas's options only where an atlas is made (PDF or page images): else they did nothing."""
        atlas = self.formats["pdf"].isChecked() or self.formats["png"].isChecked()
        for widget in (self.per_year, self.summary_pages, self.paper, self.orientation, self.template):
            widget.setEnabled(atlas)
        self.png_dpi.setEnabled(self.formats["png"].isChecked())

    def _fail(self, text: str) -> bool:
        self.last_error = text
        self.status.setText(text)
        self.progress.setValue(0)  # a refusal or a cancel leaves no bar at 100 %
        self.cancel_button.setEnabled(False)
        notify(self.iface, tr("Export"), text, Qgis.MessageLevel.Warning, 10)
        return False
