"""The "Interventions" dock: pick a district and period, see the list, draw, edit, save."""

from __future__ import annotations

import time

from qgis.core import Qgis
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from gebiedsplugin.core import schema
from gebiedsplugin.core.intervention_list import ListFilter, matches
from gebiedsplugin.gui.draw_actions import AREA_TABLES, DrawActions
from gebiedsplugin.gui.edit_actions import EditActions
from gebiedsplugin.gui.intervention_table_model import KEY_ROLE
from gebiedsplugin.gui.interventions_files import ListFiles
from gebiedsplugin.gui.interventions_filters import FilterBar
from gebiedsplugin.gui.interventions_map import ListMap
from gebiedsplugin.gui.interventions_table import ListTable
from gebiedsplugin.gui.interventions_toolbars import DockToolbars
from gebiedsplugin.gui.layer_watch import LayerWatcher
from gebiedsplugin.gui.list_changes import ListChanges
from gebiedsplugin.gui.programme_actions import new_programme, open_programme
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.edit_session import session_of
from gebiedsplugin.qgis_io.intervention_rows import ListedRows, ProgrammeRowsReader, area_choices
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify
from gebiedsplugin.toolbelt.numbers import number

# A large programme's features are read between turns of the event loop: the first READ_AT_ONCE at
# once (a small programme is listed at once), then READ_STEP at a time for TURN_SECONDS per turn; then
# the table lists them (between turns too when there are many: ListTable).
READ_AT_ONCE, READ_STEP, TURN_SECONDS = 1000, 100, 0.04
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
        self._reader = None  # ProgrammeRowsReader of a reload under way
        self._read_started = 0.0
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.timeout.connect(self._read_more)
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
        self.table = ListTable(self.lang, body, self._list_shown, self.apply_filter)
        self.model, self.proxy, self.view, self.footer = (self.table.model, self.table.proxy, self.table.view,
                                                          self.table.footer)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        layout.addWidget(self.bars.edit)
        self.setWidget(body)
        self.map = ListMap(self.iface, self.controller, self.table, lambda: self.listed)
        self.filters.changed.connect(self.apply_filter)
        self.filters.districtChanged.connect(self.map.zoom_to_district)
        self.view.selectionModel().selectionChanged.connect(self.map.list_selection_changed)
        self.view.doubleClicked.connect(self.zoom_to_index)
        self.view.selectionModel().selectionChanged.connect(self.update_actions)
        self.watcher.changed.connect(self._layers_changed)
        self.watcher.touched.connect(self._actions_timer.start)
        self.watcher.selectionChanged.connect(self.map.map_selection_changed)

    def set_prompts(self, prompts) -> None:
        """Use *prompts* for every question the dock asks (tests answer without dialogs)."""
        self.prompts = prompts
        self.edits.prompts = prompts

    def cleanup(self) -> None:
        """Disconnect from the controller, layers and canvas (plugin unload)."""
        self._read_timer.stop()
        self._actions_timer.stop()
        self.table.stop()
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
        self.table.stop()  # a list under way is of rows read before
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
        """True while the interventions are being read or listed (the list is not yet up to date)."""
        return self._reader is not None or self.table.busy()

    def _read_more(self) -> None:
        reader = self._reader
        if reader is not None and not self._read_a_turn(reader):
            self.footer.setText(tr("Reading the interventions… {}").format(number(reader.read, 0)))
            self._read_timer.start()
            return
        self._reader = None
        self.listed = reader.listed if reader is not None else ListedRows()
        self.reads += 1
        self.apply_filter(read_started=self._read_started)

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
        if self.table.busy():  # the list under way is of the rows before these edits: list them again
            self.apply_filter()
            return
        flt = self.filters.current()
        shown = rows if flt == ListFilter() else [r for r in rows if matches(r, flt)]
        self.table.syncing = True
        try:
            gone = self.model.update_rows(old, shown)
        finally:
            self.table.syncing = False
        self.table.update_total(gone, shown)  # the footer's sums moved by what changed
        for layer in {self.controller.layer(r.table) for r in old + rows} - {None}:
            self.map.map_selection_changed(layer)

    def apply_filter(self, *_args, read_started: float = 0.0) -> None:
        """Show the rows that pass the filter bar, in the view's order, and update the footer (a long list
        between turns: reading() is true until it is shown)."""
        self.table.show(self.all_rows, self.filters.current(), read_started)

    @property
    def refresh_seconds(self) -> float:
        """How long the last whole read and its listing took."""
        return self.table.refresh_seconds

    def _list_shown(self) -> None:
        for layer in {self.controller.layer(t) for t in schema.INTERVENTION_TABLES} - {None}:
            self.map.map_selection_changed(layer)
        self.update_actions()  # a new list drops the selection without selectionChanged

    def fit_columns(self) -> None:
        """Size the list's columns to a sample of its texts."""
        self.table.fit_columns()

    def visible_keys(self) -> list:
        """(table, fid) of the listed rows, in the view's (sorted) order."""
        return [self.proxy.index(i, 0).data(KEY_ROLE) for i in range(self.proxy.rowCount())]

    def selected_keys(self) -> list:
        """(table, fid) of the selected rows."""
        return self.map.selected_keys()

    def zoom_to_index(self, index) -> None:
        """Zoom to the feature of a list row and flash it."""
        self.map.zoom_to_index(index)

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

