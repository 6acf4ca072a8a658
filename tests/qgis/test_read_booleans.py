"""Booleans read from a GeoPackage are the stored ones (GDAL 3.6's Arrow numpy view of a boolean
column reads its bit-packed buffer as bytes; the reader reads booleans apart)."""

from __future__ import annotations

import sqlite3

from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


def test_city_wide_and_needs_review_read_as_stored(tmp_path, qgis_app):
    programme, _ = generate_sample(seed=3, interventions=600)
    for n, feature in enumerate(programme.interventions):  # a pattern no bit packing reproduces by chance
        feature.attrs["city_wide"] = None if n % 7 == 0 else n % 3 == 0
        feature.attrs["needs_review"] = n % 5 == 1
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)
    conn = sqlite3.connect(store.path)
    for table in ("interventions_point", "interventions_line", "interventions_polygon"):
        stored = {fid: (None if c is None else bool(c), None if r is None else bool(r)) for fid, c, r in
                  conn.execute('SELECT fid, city_wide, needs_review FROM "{}"'.format(table))}
        rows, _, fids = store.read_table(table)
        assert sum(1 for c, _ in stored.values() if c) > 8
        assert {fid: (r["city_wide"], r["needs_review"]) for r, fid in zip(rows, fids)} == stored
    conn.close()
