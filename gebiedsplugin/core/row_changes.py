"""Row changes as a store writes them: one save = a list of RowChange, applied in one transaction.

Pure data (no QGIS): the edit session turns layer edit buffers into RowChanges, the stores apply
them with optimistic locking (``row_version``), and a refused save comes back as Conflicts that
name the row, who changed it and when.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
import shapely

from gebiedsplugin.core import schema

INSERT, UPDATE, DELETE = "insert", "update", "delete"
# Columns a writer sets itself; values for them in a change are ignored.
BOOKKEEPING = (schema.ROW_VERSION, "modified_at", "modified_by")
_LINESTRING, _POLYGON = 1, 3  # shapely.GeometryType


@dataclass
class RowChange:
    """One insert, update or delete of a row of a versioned table.

    *version* is the row_version the planner read (update, delete); *values* holds only the
    fields that change (update) or the new row (insert); *geometry* a shapely geometry or None
    (unchanged for an update).
    """

    table: str
    op: str
    fid: Optional[int] = None
    version: Optional[int] = None
    values: dict = field(default_factory=dict)
    geometry: Any = None
    label: str = ""  # how the planner knows the row (title, code, name)


@dataclass
class Conflict:
    """A change the store refused: the row moved on (or vanished) after the planner read it."""

    table: str
    fid: Optional[int]
    label: str
    who: str = ""
    when: str = ""
    deleted: bool = False  # the row was deleted meanwhile
    read_version: Optional[int] = None
    current_version: Optional[int] = None


@dataclass
class SaveResult:
    """What a save wrote: new fids of inserted rows (in change order) and counts per operation."""

    inserted: list = field(default_factory=list)  # (table, fid)
    counts: dict = field(default_factory=lambda: {INSERT: 0, UPDATE: 0, DELETE: 0})


def new_uid() -> str:
    """A row uid as the forms make them (UUID without braces)."""
    return str(uuid.uuid4())


def row_label(table_name: str, row: dict) -> str:
    """How a planner names a row: its title or name, else its key value."""
    table = schema.table(table_name)
    for name in ("title", "name", "message"):
        if row.get(name):
            return str(row[name])
    if table.key and row.get(table.key) is not None:
        return str(row[table.key])
    return ""


def with_identity(table_name: str, row: dict) -> dict:
    """*row* ready for a bulk insert (create, sample, copy, import): version 1 and a uid when missing."""
    table = schema.table(table_name)
    if schema.ROW_VERSION not in table.field_names:
        return row
    if row.get(schema.ROW_VERSION) is not None and (table.key != "uid" or row.get("uid")):
        return row
    out = dict(row)
    if out.get(schema.ROW_VERSION) is None:
        out[schema.ROW_VERSION] = 1
    if table.key == "uid" and not out.get("uid"):
        out["uid"] = new_uid()
    return out


def stored_geometry(geom, geometry_kind: str):
    """Promote a single geometry to the multi type lines and polygons are stored as."""
    if geom is None or geometry_kind == "point":
        return geom
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    if geom.geom_type == "LineString":
        return shapely.MultiLineString([geom])
    return geom


def stored_geometries(geoms, geometry_kind: str) -> list:
    """stored_geometry() of each geometry, single polygons and lines promoted in one call of shapely's
    array functions (a save of tens of thousands of rows: findings, imports)."""
    geoms = list(geoms)
    if geometry_kind == "point" or not geoms:
        return geoms
    arr = np.asarray(geoms, dtype=object)
    kinds = shapely.get_type_id(arr)
    filled = ~shapely.is_empty(arr)  # an empty single geometry goes the scalar way
    for single, multi in ((_POLYGON, shapely.multipolygons), (_LINESTRING, shapely.multilinestrings)):
        at = np.flatnonzero((kinds == single) & filled)
        if len(at):
            arr[at] = multi(arr[at], indices=np.arange(len(at)))
    for k in np.flatnonzero((kinds >= 0) & ~filled):
        arr[k] = stored_geometry(arr[k], geometry_kind)
    return arr.tolist()


def stamped(table_name: str, values: dict, planner: str, now: str, insert: bool) -> dict:
    """*values* with the bookkeeping a writer adds: who and when; for an insert a uid and version 1."""
    table = schema.table(table_name)
    names = table.fields_by_name
    out = {k: v for k, v in values.items() if k in names and k not in BOOKKEEPING}
    out["modified_by"] = planner
    out["modified_at"] = now
    if insert:
        out[schema.ROW_VERSION] = 1
        if table.key == "uid" and not out.get("uid"):
            out["uid"] = new_uid()
        for key, value in (("created_by", planner), ("created_at", now)):
            if key in names and not out.get(key):
                out[key] = value
    return out
