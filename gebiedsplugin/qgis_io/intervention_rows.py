"""Interventions layers <-> the dock's list rows, and edits that go through the edit buffer.

Reads include uncommitted edits (QgsVectorLayer.getFeatures reads through the edit buffer), so the
list shows what the planner sees on the map. Writes happen inside edit commands: undo/redo work
and nothing reaches the GeoPackage before the planner saves.
"""

from __future__ import annotations

from itertools import islice

from qgis.core import (
    QgsDefaultValue,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsVectorLayer,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.intervention_list import (
    PROPOSED_FIELDS,
    ListRow,
    funding_totals,
    shifted_copy,
    to_bool,
)
from gebiedsplugin.core.periods import quarter
from gebiedsplugin.qgis_io.forms import new_row_default
from gebiedsplugin.qgis_io.loader import TABLE_PROPERTY
from gebiedsplugin.toolbelt.i18n import tr

_ROW_FIELDS = ("uid", "title", "domain", "kind", "theme", "status", "district_id", "neighbourhood_id",
               "start_year", "end_year", "budget", "city_wide", "needs_review", "start_quarter", "end_quarter",
               "indicative", "contact")

# Filled by the layer's defaults on a copy, never copied.
COPY_DROP = ("uid", "district_id", "neighbourhood_id", "needs_review", "created_at", "created_by",
             "modified_at", "modified_by")


def plain(value):
    """A QGIS attribute value as plain Python (NULL -> None)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    return value


def feature_attrs(feature: QgsFeature) -> dict:
    """field name -> plain value of *feature*."""
    names = feature.fields().names()
    return {name: plain(value) for name, value in zip(names, feature.attributes())}


def layer_rows(layer: QgsVectorLayer, table: str) -> list:
    """One ListRow per feature of an interventions layer (edit buffer included)."""
    return list(_list_rows(layer, table))


def _list_rows(layer: QgsVectorLayer, table: str, funding=None, fids=None):
    """The ListRows of *layer* (only features *fids* when given); *funding* maps uid -> total (get)."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    if fids is not None:
        request.setFilterFids(list(fids))
    fields = layer.fields()
    names = [n for n in _ROW_FIELDS if fields.indexFromName(n) >= 0]
    request.setSubsetOfAttributes(names, fields)
    picked = [(n, fields.indexFromName(n)) for n in names]  # by index: feat[name] looks the name up each time
    for feat in layer.getFeatures(request):
        values = feat.attributes()
        a = {n: plain(values[i]) for n, i in picked}
        yield ListRow(
            table=table, fid=feat.id(), uid=a.get("uid") or "", title=a.get("title") or "",
            domain=a.get("domain") or "", kind=a.get("kind") or "", theme=a.get("theme") or "",
            status=a.get("status") or "", district_id=a.get("district_id") or "",
            neighbourhood_id=a.get("neighbourhood_id") or "",
            start_year=_int(a.get("start_year")), end_year=_int(a.get("end_year")),
            budget=_float(a.get("budget")), city_wide=to_bool(a.get("city_wide")),
            needs_review=to_bool(a.get("needs_review")), start_quarter=quarter(a.get("start_quarter")),
            end_quarter=quarter(a.get("end_quarter")), indicative=to_bool(a.get("indicative")),
            contact=a.get("contact") or "", funding=(funding or {}).get(a.get("uid") or "", 0.0))


def _funding_rows(layer: QgsVectorLayer, fids=None):
    """(fid, intervention uid, amount) of the funding layer's features (only *fids* when given)."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    if fids is not None:
        request.setFilterFids(list(fids))
    request.setSubsetOfAttributes(["intervention_uid", "amount"], layer.fields())
    uid, amount = layer.fields().indexFromName("intervention_uid"), layer.fields().indexFromName("amount")
    for f in layer.getFeatures(request):
        values = f.attributes()
        yield f.id(), plain(values[uid]), plain(values[amount])


def funding_by_uid(layer: QgsVectorLayer | None) -> dict:
    """uid -> total funding, from the funding layer (edit buffer included)."""
    if layer is None:
        return {}
    return funding_totals({"intervention_uid": uid, "amount": amount} for _, uid, amount in _funding_rows(layer))


def programme_rows(layers: dict) -> list:
    """ListRows of all three interventions layers of a programme (table name -> layer)."""
    reader = ProgrammeRowsReader(layers)
    reader.step(None)
    return reader.rows


class ListedRows:
    """The list's rows of a programme and the funding rows their totals were made of, so that an edit
    re-reads only the features it touched (update()) instead of the whole programme (about 5 s of
    event-loop turns at 100,000 interventions)."""

    def __init__(self):
        self.rows: dict = {}  # (table, fid) -> ListRow, in the order read
        self._keys_of: dict = {}  # intervention uid -> the keys of its rows (one, unless uids repeat)
        self._paid: dict = {}  # intervention uid -> {funding fid: amount}, in the order read
        self._payer: dict = {}  # funding fid -> intervention uid

    def get(self, uid, default=0.0):
        """The funding total of intervention *uid*, added up in the order read (as funding_totals does)."""
        amounts = self._paid.get(uid)
        return sum(amounts.values()) if amounts else default

    def add_funding(self, fid: int, uid, amount) -> None:
        """Count funding row *fid*; one without uid or amount is skipped, as funding_totals skips it."""
        if uid and amount is not None:
            self._paid.setdefault(uid, {})[fid] = float(amount)
            self._payer[fid] = uid

    def add_row(self, row) -> None:
        """List *row* (in place of the row of its key, if any)."""
        key = (row.table, row.fid)
        self.drop_row(key)
        self.rows[key] = row
        self._keys_of[row.uid] = self._keys_of.get(row.uid, ()) + (key,)

    def drop_row(self, key):
        """Take the row of *key* out of the list; the row (None when not listed)."""
        row = self.rows.pop(key, None)
        if row is not None:
            kept = tuple(k for k in self._keys_of.get(row.uid, ()) if k != key)
            if kept:
                self._keys_of[row.uid] = kept
            else:
                self._keys_of.pop(row.uid, None)
        return row

    def _drop_funding(self, fid: int):
        uid = self._payer.pop(fid, None)
        if uid is not None:
            amounts = self._paid[uid]
            del amounts[fid]
            if not amounts:
                del self._paid[uid]
        return uid

    def update(self, layers: dict, changed: dict) -> tuple:
        """Re-read the features *changed* names (table -> fids; edit buffers included) from *layers*
        (table -> layer): (the rows listed before for them, the new rows of those still there). A funding
        change re-makes the rows of the interventions it pays."""
        uids = set()
        funding = layers.get("funding")
        if changed.get("funding") and funding is not None:
            fids = set(changed["funding"])
            uids = {self._drop_funding(fid) for fid in fids} - {None}
            for fid, uid, amount in _funding_rows(funding, fids):
                self.add_funding(fid, uid, amount)
                uids.add(uid)
        keys = {(table, fid) for table in schema.INTERVENTION_TABLES for fid in changed.get(table, ())}
        for uid in uids:
            keys.update(self._keys_of.get(uid, ()))
        fresh = []
        for table in schema.INTERVENTION_TABLES:
            fids = [fid for t, fid in keys if t == table]
            if fids and layers.get(table) is not None:
                fresh += _list_rows(layers[table], table, self, fids)
        old = [self.drop_row(key) for key in keys]
        for row in fresh:
            self.add_row(row)
        return [row for row in old if row is not None], fresh


class ProgrammeRowsReader:
    """programme_rows() a few features at a time: step() by step() between turns of the event loop, so
    the main thread is not held for the whole read (about 6 s at 100,000 interventions). The features
    are read on the main thread; each layer's iterator keeps the snapshot (edit buffer included) it
    started from. ``listed`` is the ListedRows that edits then keep up to date."""

    def __init__(self, layers: dict):
        self.rows: list | None = None  # the ListRows, once read
        self.listed = ListedRows()
        self.read = 0  # features read so far
        self._steps = self._reading(dict(layers))

    def step(self, count: int | None) -> bool:
        """Read up to *count* more features (None: all); True when the rows are read."""
        if self.rows is None:
            for _ in islice(self._steps, count):
                self.read += 1
        return self.rows is not None

    def _reading(self, layers: dict):
        # The funding first: each row is then made with its total (with_funding's copy of 100,000
        # rows at the end took 0.9 s in one step).
        listed = self.listed
        if layers.get("funding") is not None:
            for fid, uid, amount in _funding_rows(layers["funding"]):
                listed.add_funding(fid, uid, amount)
                yield
        for table in schema.INTERVENTION_TABLES:
            if layers.get(table) is not None:
                for row in _list_rows(layers[table], table, listed):
                    listed.add_row(row)
                    yield
        self.rows = list(listed.rows.values())


def _int(value):
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _float(value):
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


# --- proposals: last-used values offered in the next form ---------------------------------------
def apply_proposals(layer: QgsVectorLayer, values: dict) -> None:
    """Offer *values* (field -> value) as insert-only defaults of *layer*'s proposed fields.

    QGIS's add-feature tool and our own form flow both fill a new feature from the layer's default
    values, so this is how the last-used domain, kind, theme and years reach the form.
    """
    for name in PROPOSED_FIELDS:
        idx = layer.fields().indexFromName(name)
        if idx < 0:
            continue
        value = values.get(name)
        if value in (None, "", 0):  # no last-used value: the schema's own (this year for the years)
            expression = new_row_default(layer.customProperty(TABLE_PROPERTY) or "", name)
        elif isinstance(value, (int, float)):
            expression = str(int(value))
        else:
            expression = QgsExpression.quotedString(str(value))
        layer.setDefaultValueDefinition(idx, QgsDefaultValue(expression, False))


def clear_proposals(layer: QgsVectorLayer) -> None:
    """Remove the proposals again (back to the schema's defaults)."""
    apply_proposals(layer, {})


# --- edits ----------------------------------------------------------------------------------------
def fit_geometry(layer: QgsVectorLayer, geometry: QgsGeometry) -> QgsGeometry:
    """*geometry* converted to the layer's single/multi type (the tables store multi lines/polygons)."""
    geom = QgsGeometry(geometry)
    if QgsWkbTypes.isMultiType(layer.wkbType()) and not geom.isMultipart() and not geom.convertToMultiType() \
            and not geom.isNull():
        raise ProgrammeError(tr("A {} geometry cannot be stored in the layer {}.").format(
            QgsWkbTypes.displayString(geom.wkbType()), layer.name()))
    return geom


def new_feature(layer: QgsVectorLayer, geometry: QgsGeometry, initial: dict | None = None) -> QgsFeature:
    """A feature for *layer* with the layer's defaults (uid, district, audit, proposals) evaluated.

    *initial* (field -> value) wins over defaults. Nothing is added to the layer.
    """
    attrs = {}
    for name, value in (initial or {}).items():
        idx = layer.fields().indexFromName(name)
        if idx >= 0:
            attrs[idx] = value
    # QGIS's own, as its Add Feature tool: the store's uid index is not one it reads as a unique field, so
    # it does not read every uid (store/gpkg_create.uid_index_sql, pg_ddl.uid_constraint).
    return QgsVectorLayerUtils.createFeature(layer, fit_geometry(layer, geometry), attrs,
                                             layer.createExpressionContext())


def ensure_editing(layer: QgsVectorLayer) -> bool:
    """Put *layer* in edit mode if it is not already (True when it is editable afterwards)."""
    return layer.isEditable() or layer.startEditing()


def copy_to_period(layer: QgsVectorLayer, fid: int, years: int, title_suffix: str = "") -> int | None:
    """Add a copy of feature *fid* moved *years* (new uid; district etc. by defaults); its new fid."""
    source = layer.getFeature(fid)
    if not source.isValid() or not ensure_editing(layer):
        return None
    attrs = shifted_copy(feature_attrs(source), years, COPY_DROP + ("fid",))
    if title_suffix and attrs.get("title"):
        attrs["title"] = attrs["title"] + title_suffix
    feature = new_feature(layer, source.geometry(), attrs)
    layer.beginEditCommand(tr("Copy intervention"))  # the text QGIS's undo history shows
    ok = layer.addFeature(feature)
    if not ok:
        layer.destroyEditCommand()
        return None
    layer.endEditCommand()
    return feature.id()


def delete_features(layer: QgsVectorLayer, fids: list) -> bool:
    """Delete *fids* from *layer* in one edit command (undoable)."""
    if not fids or not ensure_editing(layer):
        return False
    layer.beginEditCommand(tr("Delete interventions"))
    ok = layer.deleteFeatures(list(fids))
    if ok:
        layer.endEditCommand()
    else:
        layer.destroyEditCommand()
    return ok


def area_geometry(layer: QgsVectorLayer, code_field: str, code: str) -> QgsGeometry | None:
    """The geometry of the area *code* (district or neighbourhood layer), or None."""
    expression = "{} = {}".format(QgsExpression.quotedColumnRef(code_field), QgsExpression.quotedString(code))
    for feat in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression)):
        if feat.hasGeometry():
            return QgsGeometry(feat.geometry())
    return None


def area_choices(layer: QgsVectorLayer | None, code_field: str) -> list:
    """(code, name) of every area in *layer*, sorted by name."""
    if layer is None:
        return []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    out = [(plain(f[code_field]), plain(f["name"]) or plain(f[code_field])) for f in layer.getFeatures(request)]
    return sorted((c for c in out if c[0]), key=lambda c: str(c[1]).lower())
