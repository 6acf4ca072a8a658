"""Insert-or-update of imported rows in a GeoPackage programme, in one OGR transaction.

Kept beside gpkg_store.py (which creates, opens and appends); this module reads the rows an import
matches against and writes an ImportPlan: all of it or, on any error, nothing.
"""

from __future__ import annotations

import getpass
import os
import stat
import uuid
from datetime import datetime, timezone
from pathlib import Path

import shapely
from osgeo import gdal, ogr

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.import_mapping import TARGET_KEYS, table_for
from gebiedsplugin.core.import_rows import ImportPlan
from gebiedsplugin.qgis_io.ogr_tables import _value, write_rows
from gebiedsplugin.toolbelt.i18n import tr

gdal.UseExceptions()


def target_tables(target: str) -> list:
    """The programme tables a target reads and writes."""
    if target == "interventions":
        return list(schema.INTERVENTION_TABLES)
    if target == "programme_projects":
        return list(schema.PROJECT_TABLES)
    return [target]


def check_writable(path: str) -> None:
    """ProgrammeError when the programme file or its folder cannot be written (or is marked read-only)."""
    p = Path(path)
    mode = stat.S_IMODE(p.stat().st_mode)
    if not os.access(p, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ProgrammeError(tr("The programme {} is read-only; nothing was imported.").format(p.name))
    if not os.access(p.parent, os.W_OK):
        raise ProgrammeError(tr("The folder of the programme {} is not writable; nothing was imported.")
                             .format(p.name))


def _as_store(store):
    """A store for *store* (a store, or a GeoPackage path as older callers pass)."""
    if isinstance(store, (str, os.PathLike)):
        from gebiedsplugin.qgis_io.gpkg_store import GpkgStore

        return GpkgStore(store)
    return store


def read_existing(store, target: str) -> dict:
    """{key: (table, fid, attrs, geometry)} of the rows already in the programme (*store*) for *target*."""
    store = _as_store(store)
    keys = TARGET_KEYS[target]
    out: dict = {}
    for table_name in target_tables(target):
        rows, geoms, fids = store.read_table(table_name)
        geoms = geoms if geoms is not None else [None] * len(rows)
        for row, geom, fid in zip(rows, geoms, fids):
            key = tuple(row.get(k) for k in keys)
            if all(k is not None for k in key):
                out[key] = (table_name, fid, row, geom)
    return out


def value_codes(store) -> dict:
    """The programme's value lists: {list: {code: (label_en, label_nl)}} (defaults where missing)."""
    codes = {name: dict(values) for name, values in schema.VALUE_LISTS.items()}
    for name, values in _as_store(store).value_lists().items():
        codes.setdefault(name, {}).update(values)
    return codes


def _audit(table: schema.Table, attrs: dict, insert: bool) -> dict:
    names = set(table.field_names)
    now = datetime.now(timezone.utc)
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 (no user name on some systems)
        user = ""
    out = dict(attrs)
    if insert:
        if "uid" in names and not out.get("uid"):
            out["uid"] = "{" + str(uuid.uuid4()) + "}"
        if "created_at" in names:
            out.update(created_at=now, created_by=user)
    if "modified_at" in names:
        out.update(modified_at=now, modified_by=user)
    return out


def _update(layer, table: schema.Table, fid: int, attrs: dict, geometry) -> None:
    feat = layer.GetFeature(fid)
    if feat is None:
        raise ProgrammeError(tr("Feature {} of {} vanished during the import.").format(fid, table.name))
    defn = layer.GetLayerDefn()
    for name, value in attrs.items():
        idx = defn.GetFieldIndex(name)
        if idx < 0:
            continue
        value = _value(table.field(name), value)
        if value is None:
            feat.SetFieldNull(idx)
        else:
            feat.SetField(idx, value)
    if geometry is not None:
        feat.SetGeometry(ogr.CreateGeometryFromWkb(bytes(shapely.to_wkb(geometry))))
    layer.SetFeature(feat)


def apply_plan(path: str, target: str, plan: ImportPlan) -> None:
    """Write the added and updated rows of *plan* in one transaction; nothing on any error."""
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
    except RuntimeError as e:
        raise ProgrammeError(tr("Cannot open the programme for writing: {}").format(e)) from None
    try:
        ds.StartTransaction()
    except RuntimeError as e:
        raise ProgrammeError(tr("The programme is locked by another program ({}); nothing was imported.")
                             .format(e)) from None
    try:
        for row in plan.updated:
            table = schema.table(row.table)
            if row.old_table:  # geometry kind changed: move the row to its new table
                old = ds.GetLayerByName(row.old_table)
                kept = {k: v for k, v in read_feature(old, row.fid).items() if k in table.field_names}
                old.DeleteFeature(row.fid)
                write_rows(ds.GetLayerByName(row.table), table, [_audit(table, dict(kept, **row.attrs), False)],
                           [row.geometry])
            else:
                _update(ds.GetLayerByName(row.table), table, row.fid, _audit(table, row.attrs, False),
                        row.geometry)
        by_table: dict = {}
        for row in plan.added:
            by_table.setdefault(row.table, []).append(row)
        for name, rows in by_table.items():
            table = schema.table(name)
            geoms = [r.geometry for r in rows] if table.geometry else None
            write_rows(ds.GetLayerByName(name), table, [_audit(table, r.attrs, True) for r in rows], geoms)
        ds.CommitTransaction()
    except RuntimeError as e:
        _rollback(ds)
        if "locked" in str(e).lower() or "busy" in str(e).lower():
            raise ProgrammeError(tr("The programme is locked by another program ({}); nothing was imported.")
                                 .format(e)) from None
        raise ProgrammeError(tr("Writing the import failed ({}); nothing was imported.").format(e)) from None
    except BaseException:
        _rollback(ds)
        raise
    finally:
        ds = None


def _rollback(ds) -> None:
    try:
        ds.RollbackTransaction()
    except RuntimeError:
        pass


def read_feature(layer, fid: int) -> dict:
    """The attributes of feature *fid* of an OGR layer (empty when absent)."""
    feat = layer.GetFeature(fid)
    return feat.items() if feat is not None else {}


def whole_city_missing(store, target: str) -> bool:
    """True when *target* is districts and the programme has no `city` row yet."""
    if target != "districts":
        return False
    return (schema.CITY_ID,) not in read_existing(store, target)


def city_row(plan: ImportPlan, name: str):
    """A districts row for the whole city: the union of the added districts (None when none)."""
    from gebiedsplugin.core.import_rows import Row

    geoms = [r.geometry for r in plan.added + plan.updated + plan.unchanged if r.geometry is not None]
    if not geoms:
        return None
    city = shapely.union_all(geoms)
    if city.geom_type == "Polygon":
        city = shapely.MultiPolygon([city])
    elif city.geom_type != "MultiPolygon":
        city = shapely.MultiPolygon([p for p in shapely.get_parts(city) if p.geom_type == "Polygon"])
    return Row(0, {"district_id": schema.CITY_ID, "name": name}, city, "polygon", (schema.CITY_ID,),
               table_for("districts").name)
