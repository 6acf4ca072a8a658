"""A programme layer's edit buffer, mirrored so that a copy of it costs the main thread little.

QGIS hands its edit buffer to Python only whole (changedAttributeValues() converts every changed
value: 50-170 ms at 10,000 changed rows on this 2-core machine). The mirror copies it whole once, then follows the
layer's signals (attributeValueChanged, geometryChanged, featureAdded, featuresDeleted: mark()) and
at the next copy reads only the rows marked since: the rows as the buffer shows them and as the
programme stores them, in one request each; a changed value is one that differs from the stored
one. When many rows were marked (a field calculation) and after a save or a discard (reset()) it
copies whole again.
"""

from __future__ import annotations

from qgis.core import QgsFeatureRequest

from gebiedsplugin.qgis_io.edit_journal import BufferCopy
from gebiedsplugin.qgis_io.edit_session import session_of

# Reading one marked row costs about as much as copying 30 rows of the whole buffer (bench_journal.py):
# marked rows above max(WHOLE_MIN, rows in the buffer / ROWS_PER_WHOLE) are copied with the whole buffer.
ROWS_PER_WHOLE = 30
WHOLE_MIN = 20


class BufferMirror:
    """The edits of *layer* (a programme layer of *table*) as last copied."""

    def __init__(self, table: str, layer):
        self.table, self.layer = table, layer
        self.known: dict = {}  # fid -> (key, version), filled in by the copies' plain()
        self.last_copy = ""  # how the buffer was read last: "whole", "rows" (those marked), "" (not at all)
        self.reset()

    def reset(self) -> None:
        """Forget what was copied (the buffer was saved or discarded): the next copy is whole."""
        self.whole = True
        self.dirty: set = set()
        self.added: dict = {}  # fid -> ([(index, value)], geometry)
        self.attrs: dict = {}
        self.geoms: dict = {}
        self.deleted: set = set()
        self.known = {}

    def mark(self, fids) -> None:
        """Rows whose edits changed since the last copy (the layer's signals)."""
        self.dirty.update(fids)

    def copy(self) -> BufferCopy:
        """The buffer now, for the journal (main thread)."""
        buffer = self.layer.editBuffer() if self.layer.isEditable() else None
        if buffer is None:
            self.reset()
            self.last_copy = ""
        elif self.whole or len(self.dirty) > max(WHOLE_MIN, self._rows() // ROWS_PER_WHOLE):
            self._copy_whole(buffer)
            self.last_copy = "whole"
        elif self.dirty:
            self._copy_marked(buffer)
            self.last_copy = "rows"
        self.whole, self.dirty = buffer is None, set()
        session = session_of(self.layer)
        versions = session.versions(self.table) if session is not None and (self.attrs or self.geoms or self.deleted) \
            else {}
        touched = self.deleted.union(self.attrs, self.geoms)
        return BufferCopy(self.table, self.layer, list(self.added.values()), dict(self.attrs), dict(self.geoms),
                          set(self.deleted), {fid: versions.get(fid) for fid in touched}, self.known)

    def _rows(self) -> int:
        return len(self.added) + len(self.deleted) + len(self.attrs.keys() | self.geoms.keys())

    def _skip(self) -> set:
        return set(self.layer.dataProvider().pkAttributeIndexes())  # the store numbers new rows itself

    def _copy_whole(self, buffer) -> None:
        skip = self._skip()
        self.added = {fid: ([(i, v) for i, v in enumerate(f.attributes()) if i not in skip], f.geometry())
                      for fid, f in buffer.addedFeatures().items()}
        self.attrs = {fid: v for fid, v in buffer.changedAttributeValues().items() if fid >= 0}
        self.geoms = {fid: g for fid, g in buffer.changedGeometries().items() if fid >= 0}
        self.deleted = {fid for fid in buffer.deletedFeatureIds() if fid >= 0}

    def _copy_marked(self, buffer) -> None:
        fids = sorted(self.dirty)
        shown = {f.id(): f for f in self.layer.getFeatures(QgsFeatureRequest().setFilterFids(fids))}
        stored_fids = [fid for fid in fids if fid >= 0 and buffer.isFeatureAttributesChanged(fid)]
        request = QgsFeatureRequest().setFilterFids(stored_fids).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        stored = {f.id(): f.attributes() for f in self.layer.dataProvider().getFeatures(request)} if stored_fids else {}
        skip = self._skip()
        for fid in fids:
            feature = shown.get(fid)
            if fid < 0:
                if feature is not None and buffer.isFeatureAdded(fid):
                    self.added[fid] = ([(i, v) for i, v in enumerate(feature.attributes()) if i not in skip],
                                       feature.geometry())
                else:
                    self.added.pop(fid, None)
                continue
            self.attrs.pop(fid, None)
            self.geoms.pop(fid, None)
            self.deleted.discard(fid)
            if buffer.isFeatureDeleted(fid):
                self.deleted.add(fid)
            if feature is None:  # deleted (above), or gone from the programme: nothing of it to keep
                continue
            now, before = feature.attributes(), stored.get(fid)
            changed = {i: v for i, v in enumerate(now) if before is not None and v != before[i]}
            if changed:
                self.attrs[fid] = changed
            if buffer.isFeatureGeometryChanged(fid):
                self.geoms[fid] = feature.geometry()
