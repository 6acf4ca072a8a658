"""Making a programme GeoPackage: all tables, bookkeeping, guards and indexes in a temporary file that
is renamed when complete (GpkgStore.create; a check-out's copy through create_file's extra options)."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from osgeo import gdal, ogr

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.records import ROW_PARTS, SPATIAL_PARTS, Programme
from gebiedsplugin.core.value_lists import value_list_rows
from gebiedsplugin.qgis_io.store import gpkg_bulk, gpkg_guards, gpkg_sqlite
from gebiedsplugin.qgis_io.store.ogr_tables import create_table, spatial_ref, write_features, write_rows
from gebiedsplugin.toolbelt.files import write_error
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.temp_files import new_temp, remove_temp, sweep_stale
from gebiedsplugin.toolbelt.version import VERSION

gdal.UseExceptions()


def create_file(path, crs: str = schema.DEFAULT_CRS, programme: Programme | None = None,
                overwrite: bool = False, finish=None, cancelled=None, row_by_row: bool = False) -> Path:
    """GpkgStore.create()'s file (its path is returned), with what only a GeoPackage file offers (a
    check-out uses them):

    *programme* optionally fills it (districts, sample data), in bulk (store/gpkg_bulk.py);
    *row_by_row*: feature by feature through OGR instead (the reference the bulk write is tested
    against). *finish(temp_path)* completes the file before it appears (a check-out's base).
    The file appears only when complete; an existing file is replaced only with *overwrite*.
    *cancelled()* is asked between tables: Cancelled, and nothing is written.
    """
    target = Path(path)
    if target.suffix.lower() != ".gpkg":
        raise ProgrammeError(tr("A programme file must end in .gpkg: {}").format(target))
    if target.exists() and not overwrite:
        raise ProgrammeError(tr("{} already exists; choose another name or allow overwriting.").format(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ProgrammeError(tr("The folder {} does not exist.").format(folder))
    if not os.access(folder, os.W_OK):
        raise ProgrammeError(tr("The folder {} is not writable.").format(folder))
    try:
        srs = spatial_ref(crs)
    except RuntimeError:
        raise ProgrammeError(tr("Unknown coordinate reference system: {}").format(crs)) from None
    if srs.IsGeographic():
        raise ProgrammeError(tr("A programme needs a projected CRS in metres, not {}.").format(crs))
    sweep_stale(folder)
    tmp = str(new_temp(target, create=""))  # recognisable, removed after a crash (toolbelt.temp_files)
    try:
        bulk = programme is not None and not row_by_row
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
        ds.StartTransaction()
        for table in schema.TABLES:
            create_table(ds, table, srs, spatial_index=not bulk)
        ds.CommitTransaction()
        _write_bookkeeping(ds, crs, programme)
        if bulk:
            ds = None
            left = gpkg_bulk.write_programme(tmp, programme, cancelled)
            ds = ogr.Open(tmp, 1)
            _write_tables(ds, left)  # the tables with a value only OGR converts
            for table in schema.TABLES:  # R-trees over the filled tables, as OGR makes them
                if table.geometry:
                    ds.ExecuteSQL("SELECT CreateSpatialIndex('{}', 'geom')".format(table.name))
        elif programme is not None:
            write_programme(ds, programme)
        _create_indexes(ds)
        ds = None
        if bulk and left:
            gpkg_bulk.count_features(tmp, [name for name, _ in left])
        _install_guards(tmp)
        if finish is not None:
            finish(tmp)
        os.replace(tmp, target)
    except BaseException as e:
        ds = None
        error = write_error(e, target)  # before removing tmp: a full disk is told by its free space
        remove_temp(tmp)
        if error is not None:
            try:
                raise error from None  # "The disk is full: ...", not a traceback
            finally:
                error = None  # no reference cycle through this frame (see files.py's atomic_path)
        raise
    return target


def _write_bookkeeping(ds, crs: str, programme: Programme | None) -> None:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    info = [
        {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
        {"key": "created_at", "value": now},
        {"key": "created_with", "value": "gebiedsplugin " + VERSION},
        {"key": "crs", "value": crs},
    ]
    values = [
        {"list": name, "code": code, "label_en": en, "label_nl": nl} for name, code, en, nl in value_list_rows()
    ]
    settings = dict(schema.DEFAULT_SETTINGS)
    if programme is not None:
        settings.update(programme.settings)
    ds.StartTransaction()
    write_rows(ds.GetLayerByName("schema_info"), schema.table("schema_info"), info)
    write_rows(ds.GetLayerByName("value_lists"), schema.table("value_lists"), values)
    write_rows(ds.GetLayerByName("settings"), schema.table("settings"),
               [{"key": k, "value": str(v)} for k, v in settings.items()])
    ds.CommitTransaction()


def write_programme(ds, programme: Programme) -> None:
    """Write every part of *programme* in one transaction, record by record through OGR."""
    tables = []
    for part in SPATIAL_PARTS:
        by_table: dict = {}
        for feat in getattr(programme, part):
            by_table.setdefault(feat.table or part, []).append(feat)
        tables += list(by_table.items())
    _write_tables(ds, tables + [(t, getattr(programme, t)) for t in ROW_PARTS if getattr(programme, t)])


def _write_tables(ds, tables: list) -> None:
    """[(table, Features or dict rows)] through OGR in one transaction."""
    if not tables:
        return
    ds.StartTransaction()
    try:
        for table_name, records in tables:
            if schema.table(table_name).geometry:
                write_features(ds, table_name, records)
            else:
                write_rows(ds.GetLayerByName(table_name), schema.table(table_name), records)
        ds.CommitTransaction()
    except BaseException:
        ds.RollbackTransaction()
        raise


def _install_guards(path: str) -> None:
    """Locking and audit triggers (store/gpkg_guards.py), in one transaction."""
    conn = gpkg_sqlite.connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        gpkg_guards.install(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()


def uid_index_sql(table: str) -> str:
    """The unique index on *table*'s uid. It names the column's own collation (BINARY) so that GDAL does
    not report uid as a unique field: QGIS checks a unique field's new value against every value of the
    layer (QgsVectorLayerUtils::createFeature, at each Add Feature: 90-380 ms at 100,000 interventions).
    The index is the same and still refuses a taken uid; a new row's uid is a UUID."""
    return 'CREATE UNIQUE INDEX "ux_{0}_uid" ON "{0}" ("uid" COLLATE BINARY)'.format(table)


def _create_indexes(ds) -> None:
    """Unique keys and lookup indexes (identifiers come from the schema, not from users)."""
    for table in schema.UID_TABLES:
        ds.ExecuteSQL(uid_index_sql(table))
    unique = [("findings", "finding_id"), ("settings", "key"), ("schema_info", "key")]
    lookup = [(t, "programme_code") for t in schema.PROJECT_TABLES + schema.INTERVENTION_TABLES] + [
        ("funding", "intervention_uid"), ("effect_measurements", "intervention_uid"), ("links", "from_uid"),
        ("links", "to_uid")]
    for table, column in unique:
        ds.ExecuteSQL('CREATE UNIQUE INDEX "ux_{0}_{1}" ON "{0}" ("{1}")'.format(table, column))
    for table, column in lookup:
        ds.ExecuteSQL('CREATE INDEX "ix_{0}_{1}" ON "{0}" ("{1}")'.format(table, column))
