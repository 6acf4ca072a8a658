"""The open programme, shared by menu actions and docks."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.loader import (
    SOURCE_PROPERTY,
    add_programme_layers,
    load_programme,
    programme_layers,
    remove_programme_layers,
)
from gebiedsplugin.qgis_io.open_task import OpenProgrammeTask
from gebiedsplugin.qgis_io.overlap import register_functions
from gebiedsplugin.qgis_io.store import pg_pool
from gebiedsplugin.qgis_io.store.open import create_store, open_store
from gebiedsplugin.toolbelt.i18n import ui_language

# The steps of an opened programme's arrival are a timer apart: Qt 5 runs singleShot(0) as posted events,
# which it may deliver one after another before a timer (a repaint, QGIS's own work) gets a turn.
NEXT_TURN_MS = 1


class ProgrammeController(QObject):
    """Creates and opens programmes, loads their layers, and tells docks when that changes."""

    programmeChanged = pyqtSignal()  # noqa: N815 (Qt signal naming)

    def __init__(self, project: QgsProject | None = None, parent=None):
        super().__init__(parent)
        self.project = project or QgsProject.instance()
        self.store = None
        self.layers: dict = {}
        self.opening: OpenProgrammeTask | None = None  # the open under way in the background, if any
        self._turns: list | None = None  # what listeners asked to do in turns while an opened programme is told
        self._tasks: set = set()  # every open task until it ended: a task whose Python object went would never end
        self.project.layersWillBeRemoved.connect(self._on_layers_removed)
        self.project.cleared.connect(self._on_cleared)
        self.project.readProject.connect(self._on_project_read)
        QCoreApplication.instance().aboutToQuit.connect(self.release_layers)

    def disconnect_project(self) -> None:
        """Drop the project and application connections (plugin unload); an open under way is stopped."""
        self.cancel_opening()
        self.project.layersWillBeRemoved.disconnect(self._on_layers_removed)
        self.project.cleared.disconnect(self._on_cleared)
        self.project.readProject.disconnect(self._on_project_read)
        QCoreApplication.instance().aboutToQuit.disconnect(self.release_layers)

    def release_layers(self) -> None:
        """Take every programme's layers out of the project while QGIS's window still stands (QGIS quitting).

        Since qgis/QGIS#53414 (3.44 here, not 3.22) QGIS deletes its layer tree view before the project,
        and a layer still in the project then calls into the deleted view on exit: signal 11
        (qgis/QGIS#65667). File > Exit empties the project first, so this finds nothing there; a
        QCoreApplication.quit() (scripts, the desktop tests) leaves the layers in. Also the layers of a
        programme left beside a newer one with unsaved edits.
        """
        self.cancel_opening()
        remove_programme_layers(self.project)
        pg_pool.close_all()  # the database sessions end with QGIS, not at the server's timeout

    def _on_project_read(self, *_args) -> None:
        # A saved project with a programme in it: the docks follow it without "Open programme…".
        self.adopt_project_layers()

    def open(self, path: str):
        """Open the programme *path* names and load its layers (ProgrammeError when it can't).

        *path*: a GeoPackage file or ``postgres:<QGIS connection>/<schema>``.
        """
        store = open_store(str(path))
        self._use(store)
        return store

    def open_in_background(self, path: str, on_done) -> OpenProgrammeTask:
        """Open the programme *path* names without blocking QGIS: the store is opened and the layers made in
        a task; they come into the project when it has ended, and the docks are told one a turn after
        that (``opening`` is the task until then). *on_done(task)* runs on the main thread at the end,
        once: opened when ``task.store`` is the new programme, else
        ``task.error`` (NeedsUpgrade for an older programme) or ``task.cancelled`` (by the planner, or a
        later open or create took its place: the layers of two programmes are never mixed)."""
        self.cancel_opening()
        register_functions()
        task = OpenProgrammeTask(str(path), ui_language(), self._opened)
        task.on_opened = on_done
        self.opening = task
        self._tasks.add(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def cancel_opening(self) -> None:
        """Stop the open under way in the background (its on_done is told: cancelled); nothing changes."""
        task, self.opening = self.opening, None
        if task is not None:
            task.cancel()

    def _opened(self, task: OpenProgrammeTask) -> None:
        self._tasks.discard(task)
        if task is self.opening and task.store is not None:
            # The layers come in the next turn and the docks are told one a turn after that: no turn of
            # the main thread holds it all (the docks together ~0.2 s at 100k under load).
            QTimer.singleShot(NEXT_TURN_MS, lambda: self._adopt(task))
        else:
            self._done(task)

    def _adopt(self, task: OpenProgrammeTask) -> None:
        """The programme an open in the background made the layers of becomes the current one."""
        if task is not self.opening:  # a later open or create began, or the project was cleared
            self._done(task)
            return
        try:
            if self.store is not None and self.store.path != task.store.path:
                self._remove_layers()
            self.store = task.store
            self.layers = programme_layers(self.project, task.store.path) or add_programme_layers(
                task.store, task.layers, self.project, task.years)
        except ProgrammeError as e:
            task.error = e
            self._done(task)
            return
        self._turns = []
        self.programmeChanged.emit()  # listeners that ask for in_turn() are queued, one a turn
        QTimer.singleShot(NEXT_TURN_MS, lambda: self._next_turn(task))

    def in_turn(self, work) -> None:
        """Run *work()* now, or, while an opened programme is being told, in a turn of its own after what
        was queued before it."""
        if self._turns is None:
            work()
        else:
            self._turns.append(work)

    def in_turns(self) -> bool:
        """True while an opened programme is being told (listeners may react in turns, or later)."""
        return self._turns is not None

    def _next_turn(self, task: OpenProgrammeTask) -> None:
        if self._turns:
            try:
                self._turns.pop(0)()
            finally:
                QTimer.singleShot(NEXT_TURN_MS, lambda: self._next_turn(task))
            return
        self._turns = None
        self._done(task)

    def _done(self, task: OpenProgrammeTask) -> None:
        """Tell the caller of open_in_background how it ended: opened when its programme is the current one."""
        if self.opening is task:
            self.opening = None
        opened = task.error is None and task.store is not None and self.store is task.store
        task.cancelled = task.error is None and not opened
        if not opened:
            task.store = None
        task.layers = {}
        if task.on_opened is not None:
            task.on_opened(task)

    def create(self, path: str, crs: str = "EPSG:28992"):
        """Create an empty programme at *path* (GeoPackage or postgres:<connection>/<schema>); load its layers."""
        store = create_store(str(path), crs)
        self._use(store)
        return store

    def use_store(self, store) -> None:
        """Make an already opened store (GeoPackage or PostGIS) the current programme."""
        self._use(store)

    def adopt_project_layers(self) -> bool:
        """Pick up a programme whose layers a loaded project already holds."""
        layers = programme_layers(self.project)
        if not layers:
            return False
        source = next(iter(layers.values())).customProperty(SOURCE_PROPERTY)
        try:
            self.store = open_store(source)
        except ProgrammeError:
            return False
        self.layers = programme_layers(self.project, source)
        self.programmeChanged.emit()
        return True

    def unsaved_layers(self) -> list:
        """The programme's layers with unsaved edits (checks, exports and imports use the saved data)."""
        return [lyr for lyr in self.layers.values() if lyr.isEditable() and lyr.isModified()]

    def layer(self, table: str):
        """The project layer of *table* of the current programme, or None."""
        return self.layers.get(table)

    def _use(self, store) -> None:
        self.cancel_opening()  # an open in the background would otherwise replace this one
        if self.store is not None and self.store.path != store.path:
            self._remove_layers()
        self.store = store
        self.layers = load_programme(store, self.project)
        self.programmeChanged.emit()

    def _remove_layers(self) -> None:
        """Take the previous programme's layers and group out of the project.

        Kept when any still has unsaved edits: programme_actions.use_programme asks Save / Discard /
        Cancel first, so this only guards a caller that did not ask.
        """
        if self.unsaved_layers():
            return
        layers = list(self.layers.values())
        self._forget()  # the docks let go of the old layers before they are deleted
        remove_programme_layers(self.project, layers)

    def _on_layers_removed(self, layer_ids) -> None:
        if any(layer.id() in layer_ids for layer in self.layers.values()):
            self._forget()

    def _on_cleared(self) -> None:
        self.cancel_opening()  # a new project: the programme being opened does not come into it
        self._forget()

    def _forget(self) -> None:
        if self.store is not None:
            pg_pool.close_all()  # the programme is closed: its database sessions too (store/pg_pool.py)
            self.store = None
            self.layers = {}
            self.programmeChanged.emit()
