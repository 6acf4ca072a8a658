"""Read a whole programme from an OGR data source into plain records, fast.

GDAL's Arrow stream hands over columns as numpy arrays and geometries as WKB, so 100,000 features
become records in a fraction of a second; shapely parses all WKB in one vectorised call. A programme
read whole holds its rows as compact Rows (core/rows.py), a table read alone as dicts. Safe to run in
a worker thread: it opens its own data source and touches no QGIS layer.
"""

from __future__ import annotations

from contextlib import contextmanager
from itertools import repeat
from operator import itemgetter

import numpy as np
import shapely
from osgeo import gdal

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import ROW_PARTS, SPATIAL_PARTS, Feature, Programme
from gebiedsplugin.core.release import collection_paused
from gebiedsplugin.core.rows import table_rows
from gebiedsplugin.core.rules.context import READ_COLUMNS, READ_TEXTS
from gebiedsplugin.core.rules.util import texts

# Rows per Arrow batch: each batch's decoding, dicts and geometries are single calls that keep Python's
# lock (GDAL's default of 65,536 rows held it for ~0.3 s in a worker, the QGIS window standing still).
# The findings' texts get fewer: numpy pads every text of a batch to its longest (a 60 kB list of
# uids made a batch of 2,869 findings 174 MB and held the lock for 0.9 s).
# GDAL hands the stream over in batches of FETCH_ROWS, decoded in slices of BATCH_ROWS: GDAL's cost
# per batch falls (at 100,000 interventions 0.30 s of a 1.0 s read in batches of 2,000, 0.14 s in
# 10,000) while the lock is held no longer per slice (slices of numpy columns are views). Texts are
# padded to the batch's longest: 20,000 rows kept a 100k read's peak within 10 MB of 2,000's.
BATCH_ROWS = 2000
BATCH_ROWS_LONG_TEXT = {"findings": 250}
FETCH_ROWS = 20000

gdal.UseExceptions()

# GDAL 3.8 to 3.11.3 stream a GeoPackage table with a filter or a gap in its fids (any deleted row)
# from a worker thread that can still be writing a batch the caller already reads (GDAL #12934, fixed
# in 3.11.4): random garbage or a crash in GetArrowStreamAsNumPy (QGIS 3.44 LTR on Debian 13 has
# 3.10.3). Such tables are read there through GDAL's generic stream, feature by feature in the reading
# thread; a table of fids 1..n keeps GDAL's fast stream (its prefetch threads have their own
# connections and wait correctly). 3.6 has no such worker thread.
_WORKER_RACE = 3070000 <= int(gdal.VersionInfo()) < 3110400
_BASE_STREAM = "OGR_GPKG_STREAM_BASE_IMPL"


# Columns naming rows of other tables (funding, effects, links -> intervention; intervention ->
# neighbourhood): in a programme read whole they share the named row's str (at a million
# interventions ~180 MB less; a pooled value costs ~60 ns, so columns of mostly distinct values or
# few references, like contact and programme_code, are not pooled).
_REFERENCES = frozenset(("intervention_uid", "from_uid", "to_uid", "neighbourhood_id"))


def _python_values(array, shared: dict) -> list:
    """A column as Python values, None for nulls; text (fixed-width bytes) decoded in one call.
    *shared* is the column's {stored value: Python value} over the batches of its table."""
    masked = isinstance(array, np.ma.MaskedArray)
    data = array.data if masked else array
    mask = np.ma.getmaskarray(array) if masked else None
    if mask is not None and mask.all():  # an unused optional column: nothing to decode
        return [None] * len(data)
    if data.dtype.kind == "S":
        values = _decoded(data, shared)
    elif data.dtype.kind == "O":
        values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in data.tolist()]
    elif data.dtype.kind in "iuM":
        values = _shared_values(data, shared)
    else:
        values = data.tolist()
    if mask is not None:
        for i in np.flatnonzero(mask).tolist():  # only the nulls are visited
            values[i] = None
    return values


def _repetitive(values: list) -> bool:
    """A sample of *values* holds few distinct ones (codes, years, districts), not uids or titles."""
    sample = values[::max(1, len(values) // 256)]
    return len(set(sample)) * 4 < len(sample)


def _shared_values(data, shared: dict) -> list:
    """Integers or timestamps as Python ints or datetimes; a column of few distinct values (years,
    quarters, the sample's timestamps) shares one object per value instead of one per row (28 and
    48 bytes: a million rows of two years and two timestamps are 150 MB), kept in *shared* from one
    batch to the next (no sort of every batch)."""
    values = data.tolist()
    if not values or not (shared or _repetitive(values)):  # shared: repetitive in an earlier batch
        return values
    return list(map(shared.setdefault, values, values))


def _decoded(data, shared: dict) -> list:
    """Fixed-width UTF-8 bytes as str, three times faster than decoding each value (np.char.decode).
    A repetitive column (codes, districts, funders) decodes each distinct value once per table and
    shares its str objects through *shared* (less memory at a million rows); others are joined,
    decoded once and split again (OGR strings hold no NUL)."""
    values = data.tolist()  # bytes without their padding
    if not values:
        return []
    if shared or _repetitive(values):  # shared: repetitive in an earlier batch (a short last slice too)
        try:
            return list(map(shared.__getitem__, values))
        except KeyError:  # values not met in the earlier batches
            for value in set(values).difference(shared):
                shared[value] = value.decode("utf-8")
            return list(map(shared.__getitem__, values))
    return b"\x00".join(values).decode("utf-8").split("\x00")


def _worker_streamed(ds, layer, filtered: bool) -> bool:
    """Whether GDAL would stream *layer* from its worker thread (see _WORKER_RACE): a filter set, or
    fids other than 1..n (GDAL asks the same)."""
    if filtered:
        return True
    fid = layer.GetFIDColumn()
    count = layer.GetFeatureCount()
    if not fid or count <= 0:
        return True
    # bandit B608: the names are the file's own table and fid column
    result = ds.ExecuteSQL('SELECT MIN("{0}"), MAX("{0}") FROM "{1}"'.format(fid, layer.GetName()))  # nosec B608
    try:
        feature = result.GetNextFeature()
        return (feature.GetField(0), feature.GetField(1)) != (1, count)
    finally:
        ds.ReleaseResultSet(result)


def read_table(ds, table_name: str, feedback=None) -> tuple:
    """(rows as dicts, shapely geometries or None, fids) of one table."""
    return _read(ds, table_name, feedback, _dicts)


def read_fids(ds, table_name: str, fids: list) -> tuple:
    """read_table() of only the rows *fids* (ints), in fid order: an attribute filter, so SQLite reads
    just those rows."""
    layer = ds.GetLayerByName(table_name)
    if layer is None or not fids:
        return [], (None if layer is None or not schema.table(table_name).geometry else []), []
    layer.SetAttributeFilter("fid IN ({})".format(",".join(str(int(f)) for f in sorted(fids))))
    try:
        return _read(ds, table_name, None, _dicts, filtered=True)
    finally:
        layer.SetAttributeFilter(None)


def _dicts(names: list, columns: list, count: int) -> list:
    if not names:
        return [{} for _ in range(count)]
    return list(map(dict, map(zip, repeat(names), zip(*columns))))  # a dict per row, without a Python frame


def _read(ds, table_name: str, feedback, make_rows, pool=None, keep=None, cleaned=(), filtered=False) -> tuple:
    """(rows, geometries or None, fids) of one table; *make_rows(names, columns, count)* turns each
    Arrow batch's columns into rows (dicts, or compact Rows for a whole programme). With a *pool*
    (dict), the columns that name rows of other tables share one str object per value with them.
    *keep* ({field: list}) gets each batch's values of those fields appended (None where the table
    has no such field), those named in *cleaned* as core/rules/util.texts cleans them. *filtered*: the
    layer has an attribute filter."""
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
    booleans = _Booleans(ds, table_name, flags) if flags else None
    shared: dict = {}  # per column: its stored values met so far and their Python values
    batch_rows = BATCH_ROWS_LONG_TEXT.get(table_name, BATCH_ROWS)
    fetch_rows = batch_rows if table_name in BATCH_ROWS_LONG_TEXT else max(batch_rows, FETCH_ROWS)
    generic = _WORKER_RACE and _worker_streamed(ds, layer, filtered)
    with _arrow_stream(layer, fetch_rows, generic) as stream:
        for batch in _slices(stream, batch_rows):
            keys = [name for name in names if name in batch]
            cols = [_python_values(batch[name], shared.setdefault(name, {})) for name in keys]
            if pool is not None:
                for k, name in enumerate(keys):
                    if name in _REFERENCES or (name == "uid" and table_name in schema.INTERVENTION_TABLES):
                        cols[k] = list(map(pool.setdefault, cols[k], cols[k]))
            batch_fids = batch["fid"].tolist()
            if booleans is not None:
                keys += flags
                cols += booleans.columns(batch_fids)
            rows.extend(make_rows(keys, cols, len(batch_fids)))
            if keep:
                by_name = dict(zip(keys, cols))
                for name, column in keep.items():
                    values = by_name.get(name) or [None] * len(batch_fids)
                    column.extend(texts(values) if name in cleaned else values)
            fids.extend(batch_fids)
            if table.geometry:
                wkb = batch.get("geom")
                if wkb is not None:
                    geoms.extend(shapely.from_wkb(np.asarray(wkb, dtype=object), on_invalid="ignore").tolist())
            del batch, cols
            if feedback is not None and feedback():
                break
    return rows, (geoms if table.geometry else None), fids


@contextmanager
def _arrow_stream(layer, fetch_rows: int, generic: bool):
    """*layer*'s Arrow stream of numpy batches of *fetch_rows* (*generic*: GDAL's generic one), released
    as the block ends (also when the read stops early), before anything else touches the layer."""
    old = gdal.GetThreadLocalConfigOption(_BASE_STREAM, None)
    if generic:  # this thread only: a check in a worker thread leaves the others' reads alone
        gdal.SetThreadLocalConfigOption(_BASE_STREAM, "YES")
    try:
        with layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES",
                                                  "MAX_FEATURES_IN_BATCH={}".format(fetch_rows)]) as stream:
            yield stream
    finally:
        if generic:
            gdal.SetThreadLocalConfigOption(_BASE_STREAM, old)


def _slices(stream, size: int):
    """The batches of *stream* ({column: numpy array}) cut into batches of at most *size* rows."""
    for whole in stream:
        count = len(whole["fid"])
        if count <= size:
            yield whole
            continue
        for start in range(0, count, size):
            yield {name: column[start:start + size] for name, column in whole.items()}
        del whole


class _Booleans:
    """The boolean columns *names* of a table as True / False / None, read by SQL in fid order and
    handed out per batch of fids (by fid when the stream comes in another order)."""

    def __init__(self, ds, table_name: str, names: list) -> None:
        import sqlite3

        columns = ", ".join('"{}"'.format(n) for n in names)  # names from the schema, not from users
        conn = sqlite3.connect("file:{}?mode=ro".format(ds.GetDescription()), uri=True)
        try:  # a plain read: no GeoPackage function is involved
            # bandit B608: SQL text built from schema names only; every value is a bound parameter
            query = 'SELECT fid, {} FROM "{}" ORDER BY fid'.format(columns, table_name)  # nosec B608
            self._found = conn.execute(query).fetchall()
        finally:
            conn.close()
        self._width = len(names)
        self._next = 0
        self._by_fid = None

    def columns(self, fids: list) -> list:
        """One list per boolean column for the rows *fids*."""
        start, end = self._next, self._next + len(fids)
        found = self._found[start:end]
        if list(map(_FID, found)) == fids:
            self._next = end
        else:  # not in the stream's order (or rows changed meanwhile): by fid
            if self._by_fid is None:
                self._by_fid = {r[0]: r for r in self._found}
            missing = (None,) + (None,) * self._width
            found = [self._by_fid.get(fid, missing) for fid in fids]
        if not found:
            return [[] for _ in range(self._width)]
        return [_flags(column) for column in list(zip(*found))[1:]]


_FID = itemgetter(0)
_BOOLS = {None: None, 0: False, 1: True}


def _flags(column: tuple) -> list:
    """Stored booleans (0, 1 or NULL; anything else as its truth value) as False / True / None."""
    if _BOOLS.keys() >= set(column):
        return list(map(_BOOLS.__getitem__, column))
    return [None if v is None else bool(v) for v in column]


def _kept(programme: Programme, part: str) -> dict:
    """Lists for the columns of *part* the check reads (core/rules/context.py: READ_COLUMNS; its
    text fields cleaned, READ_TEXTS), kept on the programme beside its rows (Programme.taken_columns):
    a list append per batch here, on values just made, spares the check passes over every row."""
    names = READ_COLUMNS.get(part)
    if not names:
        return {}
    keep = {name: [] for name in names}
    programme.columns[part] = (getattr(programme, part), keep)
    return keep


def read_programme(path: str, crs: str = schema.DEFAULT_CRS, feedback=None) -> Programme:
    """Every table of the GeoPackage at *path* as a Programme snapshot."""
    # Rows are tracked by the cyclic garbage collector (dicts of plain values are not): with the
    # collector on, its passes over the growing heap cost a third of the read. The read makes no
    # cycles; the collector pauses for it, as it does for the rules (core/rules/engine.py), and the
    # snapshot is put out of its sight (keep: gc.freeze) as the read ends: otherwise the collector's
    # first passes after the read walk all of it (a million interventions: 8 M objects, three passes
    # before the findings were written, 5 s CPU, 12 % of the check), and reference counting frees
    # it all the same when the caller drops it.
    with collection_paused(keep=True):
        return _read_programme(path, crs, feedback)


def _read_programme(path: str, crs: str, feedback) -> Programme:
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
    programme = Programme(crs=crs)
    pool: dict = {}
    for part, tables in SPATIAL_PARTS.items():
        features = getattr(programme, part)
        keep = _kept(programme, part)
        for table_name in tables:
            rows, geoms, fids = _read(ds, table_name, feedback, table_rows, pool, keep, READ_TEXTS.get(part, ()))
            features.extend(map(Feature, rows, geoms, repeat(table_name), fids))
            del rows, geoms, fids
    for part in ROW_PARTS:
        getattr(programme, part).extend(_read(ds, part, feedback, table_rows, pool, _kept(programme, part))[0])
    del pool
    programme.settings = {r["key"]: r["value"] for r in read_table(ds, "settings")[0]}
    return programme

