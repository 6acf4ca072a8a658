"""Tables with deleted rows (gaps in their fids) and reads of chosen fids: GDAL 3.8 to 3.11.3 stream
those from a worker thread that can still be writing a batch the caller reads (GDAL #12934; a random
crash in GetArrowStreamAsNumPy on QGIS 3.44 LTR, GDAL 3.10.3). Read many times, they must give the
stored rows every time; a read stopped early must leave the data source usable and GDAL's settings
as it found them."""

from __future__ import annotations

import sqlite3

from osgeo import gdal

from gebiedsplugin.core.row_changes import DELETE, RowChange
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.store import ogr_read
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.save import save

TABLES = ("interventions_point", "interventions_line", "funding")


def _gapped_store(tmp_path):
    programme, _ = generate_sample(seed=11, interventions=600)
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)
    conn = sqlite3.connect(store.path)
    try:
        gone = [RowChange(t, DELETE, fid, version) for t in TABLES  # every fifth row: fids no longer 1..n
                for fid, version in conn.execute(
                    'SELECT fid, row_version FROM "{}" WHERE fid % 5 = 2'.format(t))]  # nosec B608
    finally:
        conn.close()
    save(store, gone, "Anna")
    conn = sqlite3.connect(store.path)
    try:
        stored = {t: dict(conn.execute('SELECT fid, uid FROM "{}" ORDER BY fid'.format(t)))  # nosec B608
                  for t in TABLES}
    finally:
        conn.close()
    return store, stored


def test_tables_with_gaps_read_the_stored_rows_every_time(tmp_path, qgis_app):
    store, stored = _gapped_store(tmp_path)
    for table in TABLES:
        assert len(stored[table]) > 20
    for _ in range(60):
        ds = gdal.OpenEx(store.path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
        for table in TABLES:
            rows, _, fids = ogr_read.read_table(ds, table)
            assert dict(zip(fids, (r["uid"] for r in rows))) == stored[table]
            chosen = sorted(stored[table])[1::3]
            rows, _, fids = ogr_read.read_fids(ds, table, chosen)
            assert fids == chosen
            assert [r["uid"] for r in rows] == [stored[table][f] for f in chosen]
        del ds


def test_a_read_stopped_early_leaves_the_data_source_usable(tmp_path, qgis_app, monkeypatch):
    store, stored = _gapped_store(tmp_path)
    monkeypatch.setattr(ogr_read, "FETCH_ROWS", 40)
    monkeypatch.setattr(ogr_read, "BATCH_ROWS", 20)
    table = "interventions_point"
    ds = gdal.OpenEx(store.path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
    before = gdal.GetThreadLocalConfigOption("OGR_GPKG_STREAM_BASE_IMPL", None)
    rows, _, fids = ogr_read.read_table(ds, table, feedback=lambda: True)  # stops after its first slice
    assert fids == sorted(stored[table])[:20]
    assert gdal.GetThreadLocalConfigOption("OGR_GPKG_STREAM_BASE_IMPL", None) == before
    chosen = sorted(stored[table])[-5:]
    rows, _, fids = ogr_read.read_fids(ds, table, chosen)  # the same layer, right after
    assert [r["uid"] for r in rows] == [stored[table][f] for f in chosen]
    rows, _, fids = ogr_read.read_table(ds, table)
    assert dict(zip(fids, (r["uid"] for r in rows))) == stored[table]
