"""Data exports of the unified map: the GeoPackage and CSV tables (the GeoJSON: geojson_export).

Everything here except embed_styles() uses OGR only and is safe in a worker thread (no layers).
Each file is written under a temporary name and renamed when complete (toolbelt.files). CSV text
cells that a spreadsheet would run as a formula start with a single quote (toolbelt.csv_cells).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from operator import itemgetter, methodcaller

import numpy as np
import shapely
from osgeo import gdal, ogr

from gebiedsplugin.core import schema
from gebiedsplugin.core.atlas_pages import PAGE_FIELDS, SUMMARY_FIELDS, summary_rows
from gebiedsplugin.core.export_schema import schema_document
from gebiedsplugin.core.unified import FIELD_NAMES, UNIFIED_FIELDS, UnifiedMap
from gebiedsplugin.qgis_io.store import gpkg_sqlite
from gebiedsplugin.qgis_io.store.ogr_tables import spatial_ref
from gebiedsplugin.toolbelt.csv_cells import FORMULA_STARTS, safe_cell
from gebiedsplugin.toolbelt.files import atomic_path

gdal.UseExceptions()
ogr.UseExceptions()

UNIFIED_LAYERS = {k: "unified_" + k for k in schema.GEOMETRY_KINDS}
ITEMS_TABLE, PAGES_TABLE, DISTRICTS_TABLE = "unified_items", "atlas_pages", "districts"
CSV_EXTRA = ("x", "y")  # representative point in the programme's CRS
CSV_CHUNK = 5000  # rows per writerows() call

_OGR = {schema.TEXT: ogr.OFTString, schema.INTEGER: ogr.OFTInteger, schema.REAL: ogr.OFTReal}
_GEOM = {"point": ogr.wkbPoint, "line": ogr.wkbMultiLineString, "polygon": ogr.wkbMultiPolygon}


def _multi(geoms: list, kind: str) -> list:
    if kind == "line":
        if not geoms:
            return []
        arr = np.array(geoms, dtype=object)
        single = shapely.get_type_id(arr) == 1  # LineString
        arr[single] = shapely.multilinestrings(arr[single][:, None])
        return arr.tolist()
    if kind == "polygon":
        return _open_polygons(geoms)
    return geoms


def _open_polygons(geoms: list) -> list:
    """_open_polygon() for many: the valid ones made multi and oriented in one vectorised pass."""
    if not geoms:
        return []
    arr = np.array(geoms, dtype=object)
    valid = (shapely.is_valid(arr) & ~shapely.is_empty(arr)) | shapely.is_missing(arr)
    multi = shapely.get_type_id(arr) == 6  # MultiPolygon
    parts, part_of = shapely.get_parts(arr[multi], return_index=True)
    # One with an empty part goes one by one, which drops it (GEOS >= 3.12 keeps it when orienting).
    valid[np.flatnonzero(multi)[part_of[shapely.is_empty(parts)]]] = False
    single = shapely.get_type_id(arr) == 3  # Polygon
    arr[valid & single] = shapely.multipolygons(arr[valid & single][:, None])
    arr[valid] = _oriented(arr[valid])
    for i in np.flatnonzero(~valid):
        arr[i] = _open_polygon(arr[i])
    return arr.tolist()


def _oriented(arr: np.ndarray) -> np.ndarray:
    """shapely.orient_polygons(arr) (exterior rings counter-clockwise, holes clockwise, the same
    coordinates), multipolygons in whole-array calls: with GEOS < 3.12 shapely orients one polygon
    at a time in Python (6 s for 42,000 polygons)."""
    out = arr.copy()
    multi = shapely.get_type_id(arr) == 6  # MultiPolygon
    parts, part_of = shapely.get_parts(arr[multi], return_index=True)
    multi[np.flatnonzero(multi)[part_of[shapely.is_empty(parts)]]] = False  # shapely drops empty parts
    other = np.flatnonzero(~multi & ~shapely.is_missing(arr))
    if len(other):
        out[other] = shapely.orient_polygons(arr[other])
    multi = np.flatnonzero(multi)
    if not len(multi):
        return out
    parts, part_of = shapely.get_parts(arr[multi], return_index=True)
    rings, ring_of = shapely.get_rings(parts, return_index=True)  # each part's exterior first
    if not len(rings):
        return out
    exterior = np.r_[True, ring_of[1:] != ring_of[:-1]]
    wrong = shapely.is_ccw(rings) != exterior  # an exterior not counter-clockwise, a hole not clockwise
    if not wrong.any():
        return out
    rings[wrong] = shapely.reverse(rings[wrong])
    redo = np.unique(ring_of[wrong])  # parts with a reversed ring, rebuilt from their rings
    keep = np.isin(ring_of, redo)
    parts[redo] = shapely.polygons(rings[keep], indices=np.unique(ring_of[keep], return_inverse=True)[1])
    changed = np.unique(part_of[redo])  # multipolygons with a rebuilt part, rebuilt from their parts
    keep = np.isin(part_of, changed)
    out[multi[changed]] = shapely.multipolygons(parts[keep], indices=np.unique(part_of[keep],
                                                                                 return_inverse=True)[1])
    return out


def _open_polygon(geom):
    """A valid MultiPolygon with counter-clockwise exterior rings (what the national portal's
    geopackage-validator asks: RQ23 valid geometries, RC20 ring orientation; RFC 7946's right-hand
    rule). An invalid polygon keeps its polygonal parts after make_valid; one that collapses to
    lines becomes a 1 cm wide polygon around them rather than disappearing."""
    if geom is None or geom.is_empty:
        return geom
    if not geom.is_valid:
        fixed = shapely.make_valid(geom)
        parts = [p for p in shapely.get_parts(fixed) if p.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(parts) if parts else fixed.buffer(0.01)
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.orient_polygons(shapely.multipolygons(parts))


def write_layer(ds, name: str, fields, features, geom_type=ogr.wkbNone, srs=None, options=None,
                kind: str = "", cancelled=None) -> None:
    """Create layer *name* with *fields* ((name, type) pairs) and write *features* (Feature records)."""
    layer = ds.CreateLayer(name, srs, geom_type, options=options or [])
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, _OGR[ftype]))
    defn = layer.GetLayerDefn()
    names = [f[0] for f in fields]
    wkbs = [None] * len(features)
    if geom_type != ogr.wkbNone:
        geoms = _multi([f.geometry for f in features], kind) if kind else [f.geometry for f in features]
        wkbs = shapely.to_wkb(geoms).tolist() if geoms else []
    for i, (feat, wkb) in enumerate(zip(features, wkbs)):
        out = ogr.Feature(defn)
        attrs = feat.attrs if hasattr(feat, "attrs") else feat
        for j, fname in enumerate(names):
            value = attrs.get(fname)
            if value is None:
                out.SetFieldNull(j)  # written as null, not left out (GeoJSON properties stay complete)
            else:
                out.SetField(j, value)
        if wkb is not None:
            out.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(out)
        if cancelled is not None and i % 5000 == 0 and cancelled():
            raise InterruptedError


def write_working_gpkg(path: str, unified: UnifiedMap, pages: list, districts: list, cancelled=None,
                       rows_written=None) -> None:
    """The unified map as a GeoPackage: a layer per geometry kind, the item table, pages, districts.

    OGR creates the (empty) tables, then the rows go in with one executemany per table on a plain
    SQLite connection (the same values OGR's SetField would store, geometries as GeoPackage blobs),
    and OGR builds the spatial indexes over the filled tables: a fraction of a feature-by-feature write.
    *rows_written()* is called between the two (work in another thread may use the GIL meanwhile: OGR
    lets go of it; executemany takes it back after every row, which another thread would slow).
    """
    fields = [(f[0], f[1]) for f in UNIFIED_FIELDS]
    tables = [(name, fields, unified.items[kind], _GEOM[kind], kind) for kind, name in UNIFIED_LAYERS.items()]
    tables += [(ITEMS_TABLE, fields, unified.all_items(), ogr.wkbNone, ""),
               (PAGES_TABLE, PAGE_FIELDS, [_page_record(p) for p in pages], ogr.wkbMultiPolygon, "polygon"),
               (DISTRICTS_TABLE, [("district_id", schema.TEXT), ("name", schema.TEXT)], districts,
                ogr.wkbMultiPolygon, "polygon")]
    srs = spatial_ref(unified.crs)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    try:
        for name, table_fields, _features, geom_type, _kind in tables:
            spatial = geom_type != ogr.wkbNone
            options = ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=NO"] if spatial else ["FID=fid"]
            layer = ds.CreateLayer(name, srs if spatial else None, geom_type, options=options)
            for field_name, field_type in table_fields:
                layer.CreateField(ogr.FieldDefn(field_name, _OGR[field_type]))
    finally:
        ds = None
    columns = {UNIFIED_LAYERS[k]: _columns(unified.items[k], fields) for k in schema.GEOMETRY_KINDS}
    conn = gpkg_sqlite.connect(path)
    try:
        conn.execute("BEGIN")
        for name, table_fields, features, geom_type, kind in tables:
            if cancelled is not None and cancelled():
                raise InterruptedError
            if name == ITEMS_TABLE:
                _copy_items(conn, [f[0] for f in fields], len(features))
            else:
                _insert_rows(conn, name, table_fields, features, kind if geom_type != ogr.wkbNone else None,
                             columns.get(name))
        conn.execute("COMMIT")
    finally:
        conn.close()
    if rows_written is not None:
        rows_written()
    ds = ogr.Open(path, 1)
    try:
        for name, _fields, _features, geom_type, _kind in tables:
            if geom_type != ogr.wkbNone:
                ds.ExecuteSQL("SELECT CreateSpatialIndex('{}', 'geom')".format(name))
        for name in list(UNIFIED_LAYERS.values()) + [ITEMS_TABLE]:
            ds.ExecuteSQL('CREATE INDEX "ix_{0}_district" ON "{0}" ("district_id")'.format(name))
    finally:
        ds = None


_CAST = {schema.TEXT: str, schema.INTEGER: int, schema.REAL: float}


def _columns(features, fields) -> list:
    """The values of *fields* ((name, type) pairs) of *features* (Features or dicts), a list per field,
    typed as OGR would store them (None stays None). A column already of its type (the usual case)
    is taken as it is, in C loops; only a column with other types is converted value by value."""
    records = [feat.attrs if hasattr(feat, "attrs") else feat for feat in features]
    columns = []
    for (_name, ftype), column in zip(fields, _value_columns(records, [f[0] for f in fields])):
        cast = _CAST[ftype]
        if not set(map(type, column)) <= {cast, type(None)}:
            column = [None if v is None else (v if type(v) is cast else cast(v)) for v in column]
        columns.append(column)
    return columns


def _value_columns(records: list, names: list) -> list:
    """[_values(records, name) for name in *names*], read in one pass over the records (each record's
    fields while it is at hand: half the time of a pass per field at 100,000 records)."""
    if len(names) < 2 or not records:
        return [_values(records, n) for n in names]
    try:
        return [list(column) for column in zip(*map(itemgetter(*names), records))]
    except KeyError:
        return [_values(records, n) for n in names]


def _values(records: list, name: str) -> list:
    """record.get(name) of every record (dicts), in a C loop when every record has the field."""
    try:
        return list(map(itemgetter(name), records))
    except KeyError:
        return [r.get(name) for r in records]


def _insert_rows(conn, table: str, fields, features, kind, columns=None) -> None:
    """All *features* into *table* (names from the export schema, never from users), typed as OGR
    would store them (*columns*: their _columns() when known); with *kind* (a geometry kind) their
    geometries too, and the table's extent."""
    names = [f[0] for f in fields]
    columns = columns if columns is not None else _columns(features, fields)
    quoted = ", ".join('"{}"'.format(n) for n in names)
    if kind is None:
        # bandit B608: identifiers from the export schema; every value is a bound parameter
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(table, quoted, ", ".join("?" * len(names)))  # nosec B608
        conn.executemany(sql, zip(*columns) if names else [()] * len(features))
        _count(conn, table, len(features))
        return
    srs_id = conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
    geoms = _multi([getattr(f, "geometry", None) for f in features], kind)
    sql = 'INSERT INTO "{}" ("geom", {}) VALUES (?, {})'.format(table, quoted, ", ".join("?" * len(names)))  # nosec B608
    conn.executemany(sql, zip(gpkg_sqlite.encode_many(geoms, srs_id), *columns))
    _count(conn, table, len(features))
    minx, miny, maxx, maxy = shapely.total_bounds(np.array(geoms, dtype=object)).tolist()  # NULL, empty: left out
    if not np.isnan(minx):
        conn.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                     (minx, miny, maxx, maxy, table))


def _copy_items(conn, names: list, count: int) -> None:
    """The item table: the rows of the three kind layers, in their order (all_items(): fids 1..n in
    that order), copied inside SQLite (the same stored values; no second pass of Python values)."""
    quoted = ", ".join('"{}"'.format(n) for n in names)
    for kind in schema.GEOMETRY_KINDS:
        # bandit B608: identifiers from the export schema, no user text
        conn.execute('INSERT INTO "{}" ({}) SELECT {} FROM "{}" ORDER BY fid'.format(  # nosec B608
            ITEMS_TABLE, quoted, quoted, UNIFIED_LAYERS[kind]))
    _count(conn, ITEMS_TABLE, count)


def _count(conn, table: str, count: int) -> None:
    """The feature count OGR keeps in gpkg_ogr_contents (it trusts it over counting)."""
    conn.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (count, table))


class _PageRecord:
    def __init__(self, attrs, geometry):
        self.attrs, self.geometry = attrs, geometry


def published(features: list, kind: str) -> list:
    """Records of *features* (of one geometry *kind*) with their geometry as the files publish it:
    multi, and polygons valid and counter-clockwise (_open_polygon)."""
    geoms = _multi([f.geometry for f in features], kind)
    return [_PageRecord(f.attrs, g) for f, g in zip(features, geoms)]


def _page_record(page) -> _PageRecord:
    return _PageRecord(page.attrs(), page.geometry)


def shareable(path: str) -> None:
    """Give a finished temporary file the usual permissions (temporary files start owner-only)."""
    try:
        os.chmod(path, 0o644)
    except OSError:
        pass


def publish_copy(source: str, target: str, overwrite: bool) -> str:
    """Copy *source* to *target* via a temporary name (the GeoPackage deliverable)."""
    with atomic_path(target, overwrite) as tmp:
        shutil.copyfile(source, tmp)
        shareable(tmp)
    return str(target)


def write_items_csv(target: str, unified: UnifiedMap, overwrite: bool) -> str:
    """One row per item with every unified field and a representative point (x, y)."""
    items = unified.all_items()
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(FIELD_NAMES + CSV_EXTRA)
            # A chunk of items at a time: its columns are small (it is written while the atlas renders),
            # and the GIL is let go between chunks.
            for start in range(0, len(items), CSV_CHUNK):
                writer.writerows(_csv_rows(items[start:start + CSV_CHUNK]))
        shareable(tmp)
    return str(target)


def _csv_rows(items: list) -> list:
    """The items CSV's rows of *items*, built by columns."""
    columns = [_safe_column(c) for c in _value_columns([f.attrs for f in items], FIELD_NAMES)]
    points = shapely.point_on_surface([f.geometry for f in items])
    blank = (shapely.is_missing(points) | shapely.is_empty(points)).tolist()
    xs = [("" if b else round(v, 2)) for v, b in zip(shapely.get_x(points).tolist(), blank)]
    ys = [("" if b else round(v, 2)) for v, b in zip(shapely.get_y(points).tolist(), blank)]
    return list(zip(*columns, xs, ys))


def _safe_column(column: list) -> list:
    """safe_cell() over a column, called only where it changes something (checked in C loops): csv
    writes None as an empty cell, and whatever is not a text starting like a formula stays as it is."""
    types = set(map(type, column)) - {type(None)}
    if str not in types:
        return column
    if types == {str} and not any(map(_FORMULA_LIKE, filter(None, column))):
        return column
    return [safe_cell(v) for v in column]


_FORMULA_LIKE = methodcaller("startswith", FORMULA_STARTS)


def write_schema_json(target: str, overwrite: bool) -> str:
    """The export schema (fields, types, units, code lists, meanings; its version) as JSON."""
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(schema_document(), out, ensure_ascii=False, indent=1)
        shareable(tmp)
    return str(target)


def write_summary_csv(target: str, unified: UnifiedMap, overwrite: bool) -> str:
    """Items, budget and open findings per district, source, domain and kind."""
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=SUMMARY_FIELDS)
            writer.writeheader()
            for row in summary_rows(unified):
                writer.writerow({k: safe_cell(v) for k, v in row.items()})
        shareable(tmp)
    return str(target)


def embed_styles(path: str, styles: dict) -> None:
    """Store each layer's style in the GeoPackage (table layer_styles) as its default (main thread).

    *styles*: table name -> a QgsVectorLayer already styled (its renderer and labels are saved).
    """
    from gebiedsplugin.core.errors import ProgrammeError
    from gebiedsplugin.toolbelt.i18n import tr
    from gebiedsplugin.toolbelt.qt_compat import save_style_to_database

    for table_name, layer in styles.items():
        error = save_style_to_database(layer, table_name, tr("Unified programme map"))
        if error:
            raise ProgrammeError(tr("Could not store the style of {} in {}: {}").format(table_name, path, error))
