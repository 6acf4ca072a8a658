"""A programme read whole from a GeoPackage holds compact rows (core/rows.py) with the same fields,
order and values as the stored rows: checked against SQL on the file and against read_table's dicts."""

from __future__ import annotations

import sqlite3

from gebiedsplugin.core import schema
from gebiedsplugin.core.rows import Row
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.ogr_read import read_programme


def _stored(conn, table: str) -> dict:
    """fid -> {field: value} by SQL, booleans as bool (SQLite stores 0/1)."""
    fields = schema.table(table).fields
    sql = 'SELECT fid, {} FROM "{}"'.format(", ".join('"{}"'.format(f.name) for f in fields), table)
    out = {}
    for fid, *values in conn.execute(sql):
        out[fid] = {f.name: (bool(v) if f.type == schema.BOOLEAN and v is not None else v)
                    for f, v in zip(fields, values)}
    return out


def test_rows_hold_what_is_stored(tmp_path, qgis_app):
    programme, _ = generate_sample(seed=5, interventions=900)
    for n, feature in enumerate(programme.interventions[:300]):  # NULLs and odd values among the rest
        feature.attrs["city_wide"] = None if n % 4 == 0 else n % 3 == 0
        feature.attrs["budget"] = None if n % 5 == 0 else feature.attrs.get("budget")
        feature.attrs["start_quarter"] = None if n % 2 else 1 + n % 4
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)
    read = read_programme(str(store.path))
    conn = sqlite3.connect(store.path)
    try:
        checked = 0
        for table in schema.INTERVENTION_TABLES + schema.PROJECT_TABLES:
            stored = _stored(conn, table)
            features = [f for f in read.interventions + read.projects if f.table == table]
            assert sorted(f.fid for f in features) == sorted(stored)
            dicts, _, fids = store.read_table(table)
            by_fid = dict(zip(fids, dicts))
            for f in features:
                assert isinstance(f.attrs, Row)
                assert list(f.attrs) == list(by_fid[f.fid]) and f.attrs == by_fid[f.fid]  # as the dicts were
                for name, value in stored[f.fid].items():
                    if schema.table(table).field(name).type != "datetime":  # OGR's text form differs from SQL's
                        assert f.attrs[name] == value, (table, f.fid, name)
                        checked += 1
        funding = _stored(conn, "funding")
        assert sorted((r["uid"], r["intervention_uid"], r["year"], r["amount"]) for r in read.funding) == sorted(
            (r["uid"], r["intervention_uid"], r["year"], r["amount"]) for r in funding.values())
    finally:
        conn.close()
    assert checked > 900 * 20
    uids = {f.attrs["uid"]: f.attrs["uid"] for f in read.interventions}
    assert all(r["intervention_uid"] is uids[r["intervention_uid"]] for r in read.funding)  # one str per uid


def test_columns_kept_for_the_check_hold_what_is_stored(tmp_path, qgis_app):
    """The columns the read keeps beside the rows (READ_COLUMNS) hold each row's stored value (text
    fields of READ_TEXTS cleaned: stripped, blank as None), in the order of the part's rows; the
    check takes them once, and not after the part's list changed."""
    from gebiedsplugin.core.rules.context import READ_COLUMNS, READ_TEXTS
    from gebiedsplugin.core.rules.util import clean_text

    programme, _ = generate_sample(seed=6, interventions=700)
    for n, feature in enumerate(programme.interventions[:200]):
        feature.attrs["city_wide"] = None if n % 4 == 0 else n % 3 == 0
        feature.attrs["indicative"] = None if n % 3 == 0 else n % 2 == 0
        feature.attrs["lead_party"] = (None, "", "  ", " Waterschap ")[n % 4]
        feature.attrs["title"] = " {} ".format(feature.attrs["title"]) if n % 5 == 0 else feature.attrs["title"]
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)
    read = read_programme(str(store.path))
    conn = sqlite3.connect(store.path)
    try:
        for part in ("interventions", "projects"):
            stored = {}
            for table in (schema.INTERVENTION_TABLES if part == "interventions" else schema.PROJECT_TABLES):
                stored.update({(table, fid): row for fid, row in _stored(conn, table).items()})
            rows = getattr(read, part)
            columns = read.taken_columns(part)
            assert sorted(columns) == sorted(READ_COLUMNS[part])
            for name, values in columns.items():
                clean = clean_text if name in READ_TEXTS[part] else (lambda v: v)
                assert values == [clean(stored[(f.table, f.fid)][name]) for f in rows], (part, name)
            assert " Waterschap " in [f.attrs["lead_party"] for f in read.interventions]  # the rows as stored
            assert read.taken_columns(part) == {}  # handed over once
        funding = _stored(conn, "funding")
        columns = read.taken_columns("funding")
        by_uid = {r["uid"]: r for r in funding.values()}
        for name in READ_COLUMNS["funding"]:
            assert columns[name] == [by_uid[r["uid"]][name] for r in read.funding], name
    finally:
        conn.close()
    again = read_programme(str(store.path))
    again.projects.append(again.projects[0])
    assert again.taken_columns("projects") == {}  # rows added after the read: not the read's columns
    again.interventions = list(again.interventions)
    assert again.taken_columns("interventions") == {}


def test_batches_and_slices_read_as_one_batch(tmp_path, qgis_app, monkeypatch):
    """GDAL's batches cut into slices for decoding (ogr_read.FETCH_ROWS, BATCH_ROWS), code values first
    met in a later batch among them: the same rows, geometries, fids and kept columns as one batch per
    table; a repetitive column shares one object per value over all of a table's batches."""
    from gebiedsplugin.qgis_io.store import ogr_read

    programme, _ = generate_sample(seed=7, interventions=800)
    for n, feature in enumerate(programme.interventions):
        feature.attrs["start_year"] = 2031 + n % 3
        if n >= 500:  # statuses and a year no earlier batch holds
            feature.attrs["status"] = "late_{}".format(n % 3)
            feature.attrs["start_year"] = 2091
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)

    def read(fetch: int, batch: int):
        monkeypatch.setattr(ogr_read, "FETCH_ROWS", fetch, raising=False)
        monkeypatch.setattr(ogr_read, "BATCH_ROWS", batch)
        got = read_programme(str(store.path))
        parts = {}
        for part in ("interventions", "projects", "funding", "effect_measurements", "links"):
            rows = getattr(got, part)
            parts[part] = [(f.table, f.fid, dict(f.attrs), None if f.geometry is None else f.geometry.wkb)
                           if hasattr(f, "attrs") else dict(f) for f in rows]
            parts[part + " columns"] = got.taken_columns(part)
        return got, parts

    whole, one = read(100000, 100000)
    sliced, many = read(120, 50)  # ~270 rows a table: 3 GDAL batches, 6 slices
    assert many == one
    assert len(whole.interventions) == 800 and len(whole.funding) > 800
    for table in schema.INTERVENTION_TABLES:
        rows = [f.attrs for f in sliced.interventions if f.table == table]
        statuses = [r["status"] for r in rows]
        assert {"late_0", "late_1", "late_2"} <= set(statuses) and len(rows) > 3 * 50
        assert len(set(map(id, statuses))) == len(set(statuses))  # one str per status in the table
        years = [r["start_year"] for r in rows]
        assert 2091 in years and len(set(map(id, years))) == len(set(years)) == 4  # ints of no small-int cache
