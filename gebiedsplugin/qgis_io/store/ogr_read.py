"""Read a whole programme from an OGR data source into plain records, fast.

GDAL's Arrow stream hands over columns as numpy arrays and geometries as WKB, so 100,000 features
become records in a fraction of a second; shapely parses all WKB in one vectorised call. Safe to run
in a worker thread: it opens its own data source and touches no QGIS layer.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np
import shapely
from osgeo import gdal

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import ROW_PARTS, SPATIAL_PARTS, Feature, Programme

# Rows per Arrow batch: each batch's decoding, dicts and geometries are single calls that keep Python's
# lock (GDAL's default of 65,536 rows held it for ~0.3 s in a worker, the QGIS window standing still).
# The findings' texts get fewer: numpy pads every text of a batch to its longest (a 60 kB list of
# uids made a batch of 2,869 findings 174 MB and held the lock for 0.9 s).
BATCH_ROWS = 2000
BATCH_ROWS_LONG_TEXT = {"findings": 250}

gdal.UseExceptions()


def _python_values(array) -> list:
    """A column as Python values, None for nulls; text (fixed-width bytes) decoded in one call."""
    masked = isinstance(array, np.ma.MaskedArray)
    data = array.data if masked else array
    mask = np.ma.getmaskarray(array) if masked else None
    if mask is not None and mask.all():  # an unused optional column: nothing to decode
        return [None] * len(data)
    if data.dtype.kind == "S":
        values = _decoded(data)
    elif data.dtype.kind == "O":
        values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in data.tolist()]
    else:
        values = data.tolist()
    if mask is not None:
        for i in np.flatnonzero(mask).tolist():  # only the nulls are visited
            values[i] = None
    return values


def _decoded(data) -> list:
    """Fixed-width UTF-8 bytes as str, three times faster than decoding each value (np.char.decode).
    A repetitive column (codes, districts, funders) decodes each distinct value once and shares its
    str objects (less memory at a million rows); others are joined, decoded once and split again
    (OGR strings hold no NUL)."""
    values = data.tolist()  # bytes without their padding
    if not values:
        return []
    sample = values[::max(1, len(values) // 256)]
    if len(set(sample)) * 4 < len(sample):
        texts: dict = {}
        return [texts[v] if v in texts else texts.setdefault(v, v.decode("utf-8")) for v in values]
    return b"\x00".join(values).decode("utf-8").split("\x00")


def read_table(ds, table_name: str, feedback=None) -> tuple:
    """(rows as dicts, shapely geometries or None, fids) of one table."""
    table = schema.table(table_name)
    layer = ds.GetLayerByName(table_name)
    rows: list = []
    geoms: list = []
    fids: list = []
    if layer is None:
        return rows, None, fids
    # GDAL 3.6's numpy view of an Arrow boolean column reads the bit-packed buffer as bytes (wrong
    # values); booleans are read apart, by SQL, and joined on the fid.
    flags = [f.name for f in table.fields if f.type == schema.BOOLEAN]
    names = [f.name for f in table.fields if f.type != schema.BOOLEAN]
    batch_rows = BATCH_ROWS_LONG_TEXT.get(table_name, BATCH_ROWS)
    for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES",
                                                      "MAX_FEATURES_IN_BATCH={}".format(batch_rows)]):
        columns = {}
        for name in names:
            if name in batch:
                columns[name] = _python_values(batch[name])
        count = len(batch["fid"])
        fids.extend(batch["fid"].tolist())
        keys = list(columns)
        cols = [columns[k] for k in keys]
        if cols:
            rows.extend(map(dict, map(zip, repeat(keys), zip(*cols))))  # a dict per row, without a Python frame
        else:
            rows.extend({} for _ in range(count))
        if table.geometry:
            wkb = batch.get("geom")
            if wkb is not None:
                geoms.extend(shapely.from_wkb(np.asarray(wkb, dtype=object), on_invalid="ignore").tolist())
        if feedback is not None and feedback():
            break
    if flags:
        _read_booleans(ds, table_name, flags, rows, fids)
    return rows, (geoms if table.geometry else None), fids


def _read_booleans(ds, table_name: str, names: list, rows: list, fids: list) -> None:
    """Fill the boolean columns *names* of *rows* (in *fids* order) as True / False / None."""
    import sqlite3

    columns = ", ".join('"{}"'.format(n) for n in names)  # names from the schema, not from users
    conn = sqlite3.connect("file:{}?mode=ro".format(ds.GetDescription()), uri=True)
    try:  # a plain read: no GeoPackage function is involved
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        found = conn.execute('SELECT fid, {} FROM "{}" ORDER BY fid'.format(columns, table_name)).fetchall()  # nosec B608
    finally:
        conn.close()
    if [r[0] for r in found] != fids:  # not in the stream's order (or rows changed meanwhile): by fid
        by_fid = {r[0]: r for r in found}
        found = [by_fid.get(fid, (fid,) + (None,) * len(names)) for fid in fids]
    for row, values in zip(rows, found):
        for name, value in zip(names, values[1:]):
            row[name] = None if value is None else bool(value)


def read_programme(path: str, crs: str = schema.DEFAULT_CRS, feedback=None) -> Programme:
    """Every table of the GeoPackage at *path* as a Programme snapshot."""
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
    programme = Programme(crs=crs)
    for part, tables in SPATIAL_PARTS.items():
        features = getattr(programme, part)
        for table_name in tables:
            rows, geoms, fids = read_table(ds, table_name, feedback)
            features.extend(Feature(r, g, table_name, fid) for r, g, fid in zip(rows, geoms, fids))
    for part in ROW_PARTS:
        getattr(programme, part).extend(read_table(ds, part, feedback)[0])
    programme.settings = {r["key"]: r["value"] for r in read_table(ds, "settings")[0]}
    return programme

