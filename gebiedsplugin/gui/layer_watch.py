"""Watch programme layers for edits made anywhere (attribute table, other tools, undo) and say so once.

Every connection made here is remembered (gui/connections), so ``clear()`` disconnects exactly what was connected.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from gebiedsplugin.gui.connections import Connections

# Layer signals that change what the interventions list shows.
_CHANGE_SIGNALS = ("featureAdded", "featureDeleted", "attributeValueChanged", "geometryChanged",
                   "afterCommitChanges", "afterRollBack", "editingStopped", "dataChanged")


class LayerWatcher(QObject):
    """Debounced change notification for a set of layers."""

    changed = pyqtSignal()
    touched = pyqtSignal()  # at each change, not debounced (the dock's buttons follow the edit buffer)
    selectionChanged = pyqtSignal(object)  # noqa: N815 (the layer whose selection changed)

    def __init__(self, delay_ms: int = 150, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.changed)
        self.last_layer = None  # the layer edited most recently (for undo/redo)
        self._connections = Connections()

    def watch(self, layers: list, selection_layers: list = ()) -> None:
        """Watch *layers* for changes and *selection_layers* for selection changes."""
        self.clear()
        for layer in layers:
            for name in _CHANGE_SIGNALS:
                self._connections.connect(getattr(layer, name), self._make_slot(layer))
            self._connections.connect(layer.undoStack().indexChanged, self._make_slot(layer))
        for layer in selection_layers:
            self._connections.connect(layer.selectionChanged, self._make_selection_slot(layer))

    def _make_slot(self, layer):
        def slot(*_args):
            self.last_layer = layer
            self.timer.start()
            self.touched.emit()
        return slot

    def _make_selection_slot(self, layer):
        def slot(*_args):
            self.selectionChanged.emit(layer)
        return slot

    def clear(self) -> None:
        """Disconnect every connection made by watch()."""
        self.timer.stop()
        self._connections.clear()
        self.last_layer = None

    def flush(self) -> None:
        """Emit a pending change now (tests, and before reading the list)."""
        if self.timer.isActive():
            self.timer.stop()
            self.changed.emit()
