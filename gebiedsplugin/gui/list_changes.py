"""Which features of the listed layers changed, so the Interventions list re-reads only those.

The layers say it feature by feature: adding, deleting and changing attributes, and undo, redo and
QGIS's roll back (which undoes every edit) do too. Two things do not: a roll back with a cleared
undo stack (our save drops the saved buffer that way), whose buffer is read just before it goes, and
a provider reload (``dataChanged``). The reload after our own save is explained by the save (the
rows it wrote, the new fids of the rows it inserted); any other reload (merge, import, another
tool) asks for a whole new read.
"""

from __future__ import annotations

from functools import partial

from gebiedsplugin.core.row_changes import DELETE, UPDATE
from gebiedsplugin.gui.connections import Connections
from gebiedsplugin.qgis_io.edit_session import session_of

# A feature's id is the first argument of each of these layer signals.
_FEATURE_SIGNALS = ("featureAdded", "featureDeleted", "attributeValueChanged", "geometryChanged")


class ListChanges:
    """The (table, fid) of every feature changed in the watched layers since take()."""

    def __init__(self):
        self._changed: dict = {}  # table -> set of fids
        self._expected: set = set()  # tables our save will reload: that reload is explained by the save
        self._whole = False  # a reload nobody explained: read the whole programme again
        self._connections = Connections()
        self._tables: set = set()
        self._session = None

    def watch(self, layers: dict) -> None:
        """Follow *layers* (table -> layer) and the edit session they are saved with."""
        self.clear()
        self._tables = set(layers)
        for table, layer in layers.items():
            for name in _FEATURE_SIGNALS:
                self._connections.connect(getattr(layer, name), partial(self._feature, table))
            self._connections.connect(layer.beforeRollBack, partial(self._buffer_goes, table, layer))
            self._connections.connect(layer.dataChanged, partial(self._reloaded, table))
        self._session = next((s for s in map(session_of, layers.values()) if s is not None), None)
        if self._session is not None:
            self._session.saved_listeners.append(self._saved_rows)

    def clear(self) -> None:
        """Disconnect everything watch() connected and forget what changed."""
        self._connections.clear()
        if self._session is not None and self._saved_rows in self._session.saved_listeners:
            self._session.saved_listeners.remove(self._saved_rows)
        self._session = None
        self._expected = set()
        self.take()

    def take(self) -> tuple:
        """(whether the whole programme must be read again, {table: fids changed}) since the last take()."""
        whole, changed = self._whole, self._changed
        self._changed, self._whole = {}, False
        return whole, changed

    def count(self) -> int:
        """How many features changed since take()."""
        return sum(len(fids) for fids in self._changed.values())

    def _mark(self, table: str, fids) -> None:
        self._changed.setdefault(table, set()).update(fids)

    def _feature(self, table: str, fid, *_args) -> None:
        self._mark(table, (fid,))

    def _buffer_goes(self, table: str, layer) -> None:
        buffer = layer.editBuffer()
        if buffer is not None:
            self._mark(table, set(buffer.addedFeatures()) | set(buffer.changedAttributeValues())
                       | set(buffer.changedGeometries()) | set(buffer.deletedFeatureIds()))

    def _reloaded(self, table: str) -> None:
        if table in self._expected:
            self._expected.discard(table)
        else:
            self._whole = True

    def _saved_rows(self, changes, result, reloaded) -> None:
        """Our save wrote *changes* (RowChanges), inserted *result*.inserted ((table, fid)) and reloads
        the layers of the tables *reloaded* next."""
        self._expected |= set(reloaded) & self._tables
        for change in changes:
            if change.op in (UPDATE, DELETE):
                self._mark(change.table, (change.fid,))
        for table, fid in result.inserted:
            self._mark(table, (fid,))
