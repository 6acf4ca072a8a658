"""The "Interventions" dock: pick a district and period, see the list, draw, edit, save."""

from __future__ import annotations

import time

from qgis.core import Qgis
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from gebiedsplugin.core import schema
from gebiedsplugin.core.intervention_list import ListFilter, Summary, filter_rows, matches, summarise
from gebiedsplugin.gui.column_widths import column_width, sampled_rows
from gebiedsplugin.gui.draw_actions import AREA_TABLES, DrawActions
from gebiedsplugin.gui.edit_actions import EditActions
from gebiedsplugin.gui.intervention_table_model import (
    KEY_ROLE,
    TITLE,
    InterventionSortProxy,
    InterventionTableModel,
)
from gebiedsplugin.gui.interventions_files import ListFiles
from gebiedsplugin.gui.interventions_filters import FilterBar
from gebiedsplugin.gui.interventions_toolbars import DockToolbars
from gebiedsplugin.gui.layer_watch import LayerWatcher
from gebiedsplugin.gui.list_changes import ListChanges
from gebiedsplugin.gui.programme_actions import new_programme, open_programme
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.edit_session import session_of
from gebiedsplugin.qgis_io.intervention_rows import ListedRows, ProgrammeRowsReader, area_choices, area_geometry
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify
from gebiedsplugin.toolbelt.numbers import number

SAMPLED_ROWS = 200  # rows measured to size the list's columns
# A large programme's features are read between turns of the event loop: the first READ_AT_ONCE at
# once (a small programme is listed at once), then READ_STEP at a time for TURN_SECONDS per turn.
READ_AT_ONCE, READ_STEP, TURN_SECONDS = 1000, 100, 0.04
HEADER_PADDING = 24  # px beside a header's text: room for the sort arrow
# An edit re-reads only the features it changed; more than this many at once (an import, a large
# undo) are read with the whole programme, between turns.
MAX_UPDATED = 2000


class InterventionsDock(ProgrammeDock):
    """List, filter, draw and edit the interventions of the open programme."""

    def __init__(self, iface, controller, parent=None):
        super().__init__(tr("Interventions"), "gebiedsplugin_interventions_dock", iface, controller, parent)
        self.prompts = Prompts(self)
        self.draw = DrawActions(iface, controller, self)
        self.edits = EditActions(iface, controller, self.prompts)
        self.files = ListFiles(self)
        self.watcher = LayerWatcher(parent=self)
        self.changes = ListChanges()  # the features edited since the list was last brought up to date
        self.listed = ListedRows()  # the programme's rows as listed, kept up to date edit by edit
        self.reads = 0  # whole reads of the programme done (an edit re-reads only what it changed)
        self._total = summarise([])  # the footer's count and sums of the rows shown
        self.refresh_seconds = 0.0
        self._reader = None  # ProgrammeRowsReader of a reload under way
        self._read_started = 0.0
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.timeout.connect(self._read_more)
        self._syncing = False
        # The buttons follow the edit buffer once per turn of the event loop, not once per feature
        # of a large edit.
        self._actions_timer = QTimer(self)
        self._actions_timer.setSingleShot(True)
        self._actions_timer.setInterval(0)
        self._actions_timer.timeout.connect(self.update_actions)
        self._build()
        self.follow_programme()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.bars = DockToolbars(self)
        self.programme_label = QLabel()
        self.programme_label.setObjectName("programme_label")
        self.programme_label.setWordWrap(True)
        layout.addWidget(self.bars.programme)
        layout.addWidget(self.programme_label)
        self.filters = FilterBar(body)
        layout.addWidget(self.filters)
        layout.addWidget(self.bars.draw)
        self.model = InterventionTableModel(self.lang, parent=self)
        self.proxy = InterventionSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(body)
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
        layout.addWidget(self.view, 1)
        self.footer = QLabel()
        self.footer.setObjectName("footer")
        layout.addWidget(self.footer)
        layout.addWidget(self.bars.edit)
        self.setWidget(body)
        self.filters.changed.connect(self.apply_filter)
        self.filters.districtChanged.connect(self.zoom_to_district)
        self.view.selectionModel().selectionChanged.connect(self._list_selection_changed)
        self.view.doubleClicked.connect(self.zoom_to_index)
        self.view.selectionModel().selectionChanged.connect(self.update_actions)
        self.watcher.changed.connect(self._layers_changed)
        self.watcher.touched.connect(self._actions_timer.start)
        self.watcher.selectionChanged.connect(self._map_selection_changed)

    def set_prompts(self, prompts) -> None:
        """Use *prompts* for every question the dock asks (tests answer without dialogs)."""
        self.prompts = prompts
        self.edits.prompts = prompts

    def cleanup(self) -> None:
        """Disconnect from the controller, layers and canvas (plugin unload)."""
        self._read_timer.stop()
        self._actions_timer.stop()
        self._reader = None
        self.watcher.clear()
        self.changes.clear()
        self.draw.detach()
        super().cleanup()

    # --- programme ---------------------------------------------------------------------------
    def open_programme(self) -> None:
        """Ask for a programme file and open it."""
        open_programme(self.iface, self.controller, self.prompts, background=True)

    def new_programme(self) -> None:
        """Ask for a file name and create an empty programme."""
        new_programme(self.iface, self.controller, self.prompts)

    def on_programme_changed(self) -> None:
        """Re-attach to the layers of the (new) programme and reload everything."""
        store = self.controller.store
        layers = self.controller.layers
        tables = schema.INTERVENTION_TABLES
        self.watcher.watch([layers[t] for t in tables + ("funding",) if t in layers],
                           [layers[t] for t in tables if t in layers])
        self.changes.watch({t: layers[t] for t in tables + ("funding",) if t in layers})
        self.draw.attach()
        session = session_of(layers.get(tables[0]))
        if session is not None and self._qgis_save_refused not in session.refused_listeners:
            session.refused_listeners.append(self._qgis_save_refused)
        # No programme: the first steps, where a new user looks first (in view on the plugin's first start).
        self.programme_label.setText(tr("Programme: {}").format(store.name) if store is not None else tr(
            "No programme open. Open or create one, or try the sample city: Area programme > Generate sample city…"))
        # Each a turn of its own after an open in the background (at once otherwise): ~50-100 ms each at 100k.
        self.controller.in_turn(self._show_value_lists)
        self.controller.in_turn(self._show_districts)
        self.controller.in_turn(self.reload)
        self.update_actions()

    def _show_districts(self) -> None:
        self.filters.set_districts(area_choices(self.controller.layers.get("districts"), "district_id"))

    def _show_value_lists(self) -> None:
        store = self.controller.store
        lists = store.value_lists() if store is not None else {}
        self.model.set_value_lists(lists, self.lang)
        self.filters.set_value_lists(lists, self.lang)

    def _qgis_save_refused(self, reason: str) -> None:
        """QGIS's own Save was refused by the programme's save: say why, beside QGIS's database error."""
        notify(self.iface, tr("Save"), tr("Not saved: {}").format(reason), Qgis.MessageLevel.Critical, 0)

    def update_actions(self, *_args) -> None:
        """Enable each button only when it applies: the selection's with a selection, undo and redo
        with something to undo or redo, save and discard with unsaved edits."""
        selected = self.view.selectionModel().hasSelection()
        last = self.watcher.last_layer
        stack = last.undoStack() if last is not None and last.isEditable() else None
        edited = bool(self.edits.edited_layers())
        applies = {key: selected for key in ("edit", "edit_geometry", "copy", "delete", "history")}
        applies.update(undo=stack is not None and stack.canUndo(), redo=stack is not None and stack.canRedo(),
                       save=edited or bool(self.controller.unsaved_layers()), discard=edited)
        self.bars.set_enabled(self.controller.store is not None, applies)

    # --- list ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the interventions from the layers (edit buffers included) and re-filter. A small
        programme is read at once; a large one a few features per turn of the event loop (the
        list shows the rows when all are read; reading() is true until then)."""
        self.changes.take()  # all of it is read now
        self._reader = ProgrammeRowsReader(self.controller.layers) if self.controller.store is not None else None
        self._read_started = time.perf_counter()
        self._read_more()

    @staticmethod
    def _read_a_turn(reader) -> bool:
        """The first READ_AT_ONCE features (a small programme: all at once), then READ_STEP at a time
        for at most TURN_SECONDS; True when all are read."""
        if reader.read == 0:
            return reader.step(READ_AT_ONCE)
        until = time.perf_counter() + TURN_SECONDS
        while not reader.step(READ_STEP):
            if time.perf_counter() > until:
                return False
        return True

    def reading(self) -> bool:
        """True while the interventions are being read (the list is not yet up to date)."""
        return self._reader is not None

    def _read_more(self) -> None:
        reader = self._reader
        if reader is not None and not self._read_a_turn(reader):
            self.footer.setText(tr("Reading the interventions… {}").format(number(reader.read, 0)))
            self._read_timer.start()
            return
        self._reader = None
        self.listed = reader.listed if reader is not None else ListedRows()
        self.reads += 1
        self.apply_filter()
        self.refresh_seconds = time.perf_counter() - self._read_started

    @property
    def all_rows(self) -> list:
        """Every intervention of the programme as listed (before the filter)."""
        return list(self.listed.rows.values())

    def _layers_changed(self) -> None:
        """Edits (debounced): re-read the features they touched, or the whole programme after a reload
        nobody explained, a read under way or a great many changes."""
        if self.changes.count() > MAX_UPDATED or self._reader is not None or self.controller.store is None:
            self.reload()
            return
        whole, changed = self.changes.take()
        if whole:
            self.reload()
            return
        if not changed:
            return
        old, rows = self.listed.update(self.controller.layers, changed)
        flt = self.filters.current()
        shown = rows if flt == ListFilter() else [r for r in rows if matches(r, flt)]
        self._syncing = True
        try:
            gone = self.model.update_rows(old, shown)
        finally:
            self._syncing = False
        # The footer's sums moved by what changed (summing 100,000 rows again took 30-500 ms).
        before, after = summarise(gone), summarise(shown)
        total, count = self._total, self._total.count - before.count + after.count
        self._show_total(Summary(count, total.budget - before.budget + after.budget,
                                 total.funding - before.funding + after.funding) if count else summarise([]))
        for layer in {self.controller.layer(r.table) for r in old + rows} - {None}:
            self._map_selection_changed(layer)

    def apply_filter(self) -> None:
        """Show the rows that pass the filter bar and update the footer."""
        rows = filter_rows(self.all_rows, self.filters.current())
        self._syncing = True
        self.model.set_rows(rows)
        self._syncing = False
        self.fit_columns()
        self._show_total(summarise(rows))
        for layer in {self.controller.layer(t) for t in schema.INTERVENTION_TABLES} - {None}:
            self._map_selection_changed(layer)
        self.update_actions()  # a new list drops the selection without selectionChanged

    def _show_total(self, total: Summary) -> None:
        self._total = total
        self.footer.setText(tr("%n intervention(s) · budget € {} · funding € {}", "", total.count).format(
            number(total.budget or 0, 0), number(total.funding or 0, 0)))

    def fit_columns(self) -> None:
        """Every column but the title as wide as its header and its texts in a sample of rows (the first
        SAMPLED_ROWS and as many spread over the rest), measured here with the font's metrics."""
        sample = sampled_rows(self.model.rowCount(), SAMPLED_ROWS)
        metrics, header = self.view.fontMetrics(), self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column != TITLE:
                title = self.model.headerData(column, Qt.Orientation.Horizontal)
                cells = ((metrics, text) for text in self.model.texts(column, sample))
                header.resizeSection(column, column_width(header.fontMetrics(), title, HEADER_PADDING, cells))

    def visible_keys(self) -> list:
        """(table, fid) of the listed rows, in the view's (sorted) order."""
        return [self.proxy.index(i, 0).data(KEY_ROLE) for i in range(self.proxy.rowCount())]

    def selected_keys(self) -> list:
        """(table, fid) of the selected rows."""
        return [i.data(KEY_ROLE) for i in self.view.selectionModel().selectedRows()]

    # --- selection sync ------------------------------------------------------------------------
    def _list_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        keys = self.selected_keys()
        self._syncing = True
        try:
            for table in schema.INTERVENTION_TABLES:
                layer = self.controller.layer(table)
                if layer is not None:
                    layer.selectByIds([fid for t, fid in keys if t == table])
        finally:
            self._syncing = False

    def _map_selection_changed(self, layer) -> None:
        if self._syncing or layer is None:
            return
        table = layer.customProperty("gebiedsplugin/table")
        wanted = set(layer.selectedFeatureIds())
        model = self.view.selectionModel()
        if not wanted and not model.hasSelection():
            return  # nothing to select or deselect: no walk over (maybe 100,000) rows
        selection = QItemSelection()
        listed = self.listed.rows
        for row in self.model.positions([listed[(table, fid)] for fid in wanted if (table, fid) in listed]):
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.Rows
        self._syncing = True
        try:
            # Keep the other layers' rows; replace this layer's rows.
            for index in model.selectedRows():
                key = index.data(KEY_ROLE)
                if key[0] == table and key[1] not in wanted:
                    model.select(index, QItemSelectionModel.SelectionFlag.Deselect | flags)
            model.select(selection, QItemSelectionModel.SelectionFlag.Select | flags)
        finally:
            self._syncing = False

    # --- map ---------------------------------------------------------------------------------------
    def zoom_to_index(self, index) -> None:
        """Zoom to the feature of a list row and flash it."""
        table, fid = index.data(KEY_ROLE)
        layer = self.controller.layer(table)
        if layer is None:
            return
        canvas = self.iface.mapCanvas()
        canvas.zoomToFeatureIds(layer, [fid])
        canvas.flashFeatureIds(layer, [fid])

    def zoom_to_district(self, code: str) -> None:
        """Show the chosen district (or the whole city) on the map."""
        layer = self.controller.layer("districts")
        if layer is None:
            return
        geometry = area_geometry(layer, "district_id", code)
        canvas = self.iface.mapCanvas()
        if geometry is None and code == schema.CITY_ID:
            extent = canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
        elif geometry is not None:
            extent = canvas.mapSettings().layerExtentToOutputExtent(layer, geometry.boundingBox())
        else:
            return
        extent.scale(1.05)
        canvas.setExtent(extent)
        canvas.refresh()

    # --- actions (wired by DockToolbars) ---------------------------------------------------------
    def start_drawing(self, kind: str) -> None:
        """Start QGIS's capture tool for a point, line or polygon intervention."""
        if self.draw.start(kind) is None:
            notify(self.iface, tr("Interventions"), tr("Open a programme first."), Qgis.MessageLevel.Warning)

    def add_for_area(self) -> None:
        """Ask for a district or neighbourhood and add an intervention covering it."""
        choices = [(tr("District: {}").format(name), ("districts", code))
                   for code, name in area_choices(self.controller.layer("districts"), "district_id")]
        choices += [(tr("Neighbourhood: {}").format(name), ("neighbourhoods", code))
                    for code, name in area_choices(self.controller.layer("neighbourhoods"), "neighbourhood_id")]
        picked = self.prompts.choose_area(choices)
        if picked is not None and picked[0] in AREA_TABLES:
            self.draw.add_for_area(*picked)

    def edit_selected(self) -> None:
        keys = self.selected_keys()
        if keys:
            self.edits.edit(keys[0])

    def delete_selected(self) -> None:
        self.edits.delete(self.selected_keys())

    def copy_selected(self) -> None:
        self.edits.copy(self.selected_keys())

    def edit_geometry(self) -> None:
        keys = self.selected_keys()
        if keys:
            self.edits.edit_geometry(keys[0])

    def show_history(self) -> None:
        keys = self.selected_keys()
        if keys:
            self.edits.history(keys[0])

    def show_programme_history(self) -> None:
        self.edits.programme_history()

    def undo(self) -> None:
        self.edits.undo(self.watcher.last_layer)

    def redo(self) -> None:
        self.edits.redo(self.watcher.last_layer)

    def save(self) -> None:
        self.edits.save()

    def discard(self) -> None:
        self.edits.discard()

