"""Edit buffers <-> the edit journal's plain data: a snapshot of a layer's unsaved edits, and their replay.

A BufferCopy (made on the main thread by buffer_mirror) holds what the edit buffer holds, plus the
row_version the planner read of each row it changes or deletes (the EditSession's, so a restored
edit is saved against what it was made on); its plain(), in a worker thread, makes plain Python of
the values, WKB of the geometries, and looks up the rows' keys.
replay() puts such a snapshot back into a layer's edit buffer: added rows get new temporary fids,
changed and deleted rows are found by fid and checked by key; nothing is written to the programme.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from qgis.core import QgsExpression, QgsFeature, QgsFeatureRequest, QgsGeometry
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from gebiedsplugin.core import schema
from gebiedsplugin.core.journal_format import moved_on, recorded_rows, table_edits
from gebiedsplugin.qgis_io.edit_session import py_value, session_of
from gebiedsplugin.toolbelt.i18n import tr


def _plain(value):
    value = py_value(value)
    if isinstance(value, datetime):  # py_value gives UTC without a zone: say so
        return value.replace(tzinfo=timezone.utc)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return value


def _wkb(geometry):
    if geometry is None or geometry.isNull():
        return None
    return bytes(geometry.asWkb())


def key_field(table: str) -> str | None:
    """The field that names a row of *table* across sessions (uid, district_id, ...), or None."""
    key = schema.table(table).key
    return key or ("uid" if schema.table(table).has_field("uid") else None)


def stored_rows(layer, table: str, fids) -> dict:
    """fid -> (key, row_version) of the rows *fids* as the programme holds them now (not the buffer)."""
    return _rows_of(layer.dataProvider(), table, fids) if fids else {}


class BufferCopy:
    """A layer's edit buffer as copied on the main thread (buffer_mirror); plain() makes journal data of
    it in any thread. Values stay as QGIS gave them and geometries as (implicitly shared, reentrant)
    QgsGeometry copies until then: the main thread only copies.

    *added*: [([(field index, value)], geometry)]; *attrs*: {fid: {field index: value}}; *geoms*:
    {fid: geometry}; *deleted*: {fid}; *read*: {fid: row_version read (None: not known)} of every
    changed or deleted row; *known*: {fid: (key, version)} looked up already (filled in by plain()).
    """

    def __init__(self, table: str, layer, added: list, attrs: dict, geoms: dict, deleted: set, read: dict,
                 known: dict):
        self.table = table
        self.names = layer.fields().names()
        self.uri, self.provider_key = layer.source(), layer.providerType()
        self.added, self.attrs, self.geoms, self.deleted, self.read = added, attrs, geoms, deleted, read
        self.known = known

    def __bool__(self) -> bool:
        return bool(self.added or self.read)

    def plain(self) -> dict:
        """The copy as journal data (table_edits); keys (and versions the session did not read) of rows
        not seen before are read here, over a connection of this thread's own."""
        missing = [fid for fid in self.read if fid not in self.known]
        if missing:
            self.known.update(_stored_here(self.provider_key, self.uri, self.table, missing))
        names = self.names

        def row(fid):
            key, version = self.known.get(fid, (None, None))
            read = self.read.get(fid)
            return {"fid": fid, "key": key, "version": version if read is None else read}

        added = [{"values": {names[i]: _plain(v) for i, v in values}, "wkb": _wkb(geometry)}
                 for values, geometry in self.added]
        changed = []
        for fid in sorted(set(self.read) - self.deleted):
            item = row(fid)
            item["values"] = {names[i]: _plain(v) for i, v in self.attrs.get(fid, {}).items()}
            item["wkb"] = _wkb(self.geoms[fid]) if fid in self.geoms else None
            item["geometry_changed"] = fid in self.geoms
            changed.append(item)
        return table_edits(added, changed, [row(fid) for fid in sorted(self.deleted)])


def _stored_here(provider_key: str, uri: str, table: str, fids) -> dict:
    """stored_rows() through a data provider made in the calling thread (a worker's own connection)."""
    from qgis.core import QgsDataProvider, QgsProviderRegistry

    provider = QgsProviderRegistry.instance().createProvider(provider_key, uri, QgsDataProvider.ProviderOptions())
    if provider is None or not provider.isValid():
        return {}
    try:
        return _rows_of(provider, table, fids)
    finally:
        del provider


def _rows_of(provider, table: str, fids) -> dict:
    key = key_field(table)
    wanted = [n for n in (key, schema.ROW_VERSION) if n and provider.fields().indexFromName(n) >= 0]
    request = QgsFeatureRequest().setFilterFids(list(fids)).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(wanted, provider.fields())
    out = {}
    for feature in provider.getFeatures(request):
        out[feature.id()] = (py_value(feature[key]) if key in wanted else None,
                             py_value(feature[schema.ROW_VERSION]) if schema.ROW_VERSION in wanted else None)
    return out


def _qvalue(value):
    """A journal value as the attribute value QGIS expects."""
    if isinstance(value, datetime):
        moment = value.astimezone(timezone.utc) if value.tzinfo is not None else value
        spec = Qt.TimeSpec.UTC if value.tzinfo is not None else Qt.TimeSpec.LocalTime
        return QDateTime(QDate(moment.year, moment.month, moment.day),
                         QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000), spec)
    if isinstance(value, date):
        return QDate(value.year, value.month, value.day)
    return value


def _geometry(wkb):
    geometry = QgsGeometry()
    if wkb:
        geometry.fromWkb(wkb)
    return geometry


def _find(layer, table: str, rows: list) -> dict:
    """Recorded fid -> (fid now, row_version now) of *rows* (journal rows with fid and key); a row
    whose fid holds another key now is looked up by its key; a row that is gone is left out."""
    now = stored_rows(layer, table, [r["fid"] for r in rows])
    out, lost = {}, []
    for r in rows:
        here = now.get(r["fid"])
        if here is not None and (r.get("key") is None or here[0] == r.get("key")):
            out[r["fid"]] = (r["fid"], here[1])
        elif r.get("key") is not None:
            lost.append(r)
    key = key_field(table)
    if lost and key:
        wanted = {r["key"]: r["fid"] for r in lost}
        expression = "{} IN ({})".format(QgsExpression.quotedColumnRef(key),
                                         ", ".join(QgsExpression.quotedValue(k) for k in wanted))
        request = QgsFeatureRequest(QgsExpression(expression)).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for feature in layer.dataProvider().getFeatures(request):
            fid = wanted.get(py_value(feature[key]))
            if fid is not None:
                out[fid] = (feature.id(), py_value(feature[schema.ROW_VERSION]))
    return out


def replay(layer, table: str, edits: dict) -> dict:
    """Put the journal's *edits* of *table* back into *layer*'s edit buffer (starting editing).

    Returns {"moved_on": [recorded fids changed or deleted by someone else since], "lost": [recorded
    fids of rows no longer there, whose edits could not be put back]}. Changed rows are replayed
    even when moved on: the save refuses them, naming whose change is in the way.
    """
    rows = list(edits.get("changed", [])) + list(edits.get("deleted", []))
    found = _find(layer, table, rows)
    if not (layer.isEditable() or layer.startEditing()):
        raise RuntimeError(tr("{} cannot be edited.").format(layer.name()))
    session = session_of(layer)
    if session is not None:
        # The restored rows were read at the versions the journal recorded, not at today's: the
        # EditSession's dict of versions read is updated in place, so the save states those.
        session.versions(table).update({found[r["fid"]][0]: r["version"] for r in rows
                                        if r["fid"] in found and r.get("version") is not None})
    fields = layer.fields()
    stale = moved_on({table: recorded_rows({"tables": {table: edits}})[table]},
                     {table: {fid: version for fid, (_now, version) in found.items()}}).get(table, [])
    lost = [fid for fid in stale if fid not in found]
    layer.beginEditCommand(tr("Restore unsaved edits"))
    try:
        for r in edits.get("changed", []):
            if r["fid"] not in found:
                continue
            fid = found[r["fid"]][0]
            values = {fields.indexFromName(name): _qvalue(value) for name, value in r.get("values", {}).items()}
            values.pop(-1, None)  # a field the layer no longer has
            # skipDefaultValues: the values as they were, modified_at included, not stamped anew now
            if values:
                layer.changeAttributeValues(fid, values, {}, True)
            if r.get("geometry_changed"):
                layer.changeGeometry(fid, _geometry(r.get("wkb")), True)
        for r in edits.get("deleted", []):
            if r["fid"] in found:
                layer.deleteFeature(found[r["fid"]][0])
        for r in edits.get("added", []):
            feature = QgsFeature(fields)
            for name, value in r.get("values", {}).items():
                index = fields.indexFromName(name)
                if index >= 0:
                    feature.setAttribute(index, _qvalue(value))
            if r.get("wkb"):
                feature.setGeometry(_geometry(r["wkb"]))
            layer.addFeature(feature)
    finally:
        layer.endEditCommand()
    return {"moved_on": [fid for fid in stale if fid in found], "lost": lost}
