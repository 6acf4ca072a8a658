"""The embedded default store: one GeoPackage per programme.

Creating writes a temporary file beside the target and renames it when complete; opening checks
that the file is a programme of a schema version this plugin reads, without writing to it.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path

from osgeo import gdal, ogr, osr

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.records import ROW_PARTS, SPATIAL_PARTS, Programme
from gebiedsplugin.core.value_lists import value_list_rows
from gebiedsplugin.qgis_io.store import gpkg_bulk, gpkg_guards, gpkg_sqlite
from gebiedsplugin.qgis_io.store.ogr_tables import (
    create_table,
    read_rows,
    spatial_ref,
    write_features,
    write_rows,
)
from gebiedsplugin.qgis_io.store.schema_check import check_programme_tables
from gebiedsplugin.toolbelt.files import write_error
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.temp_files import new_temp, remove_temp, sweep_stale
from gebiedsplugin.toolbelt.version import VERSION

gdal.UseExceptions()

SPATIAL_TABLES = ("districts", "neighbourhoods") + schema.INTERVENTION_TABLES + schema.PROJECT_TABLES

# Programme tables written record by record; attribute tables as dict rows.


class GpkgStore:
    """A programme in a GeoPackage file."""

    kind = "gpkg"

    def __init__(self, path: str | os.PathLike):
        self.path = str(Path(path).resolve())

    # --- lifecycle ---------------------------------------------------------------------------
    @classmethod
    def create(cls, path, crs: str = schema.DEFAULT_CRS, programme: Programme | None = None,
               overwrite: bool = False) -> GpkgStore:
        """Create a new programme at *path* (all tables, value lists, settings, schema version).

        *programme* optionally fills it (districts, sample data), in bulk (store/gpkg_bulk.py). The file
        appears only when complete; an existing file is replaced only with *overwrite*.
        """
        return create_file(path, crs, programme, overwrite)

    @classmethod
    def open(cls, path) -> GpkgStore:
        """Open an existing programme, refusing (untouched) anything that is not one we can read."""
        store = cls(path)
        store.validate()
        return store

    def validate(self) -> None:
        """Raise ProgrammeError naming the problem when the file is not a readable programme."""
        p = Path(self.path)
        if not p.is_file():
            raise ProgrammeError(tr("File not found: {}").format(p))
        try:
            ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
        except RuntimeError:
            ds = None
        if ds is None:
            raise ProgrammeError(tr("{} is not a GeoPackage.").format(p.name))
        names = {ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())}
        if "schema_info" not in names:
            raise ProgrammeError(tr("{} is a GeoPackage but not a programme (no schema_info table).").format(p.name))
        info = {r["key"]: r["value"] for r in read_rows(ds, "schema_info")}
        conn = gpkg_sqlite.connect_read_only(self.path)
        try:
            found = gpkg_sqlite.columns(conn)
        finally:
            conn.close()
        check_programme_tables(p.name, names, info, found, gpkg_sqlite.GPKG_TYPES)

    # --- access ------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        """A display name: the file name without extension."""
        return Path(self.path).stem

    def uri(self, table: str) -> str:
        """OGR data source URI of *table* for QgsVectorLayer(uri, name, 'ogr')."""
        return "{}|layername={}".format(self.path, table)

    provider = "ogr"

    def _open(self, update: bool = False):
        flags = gdal.OF_VECTOR | (gdal.OF_UPDATE if update else gdal.OF_READONLY)
        try:
            return gdal.OpenEx(self.path, flags, allowed_drivers=["GPKG"])
        except RuntimeError as e:
            raise ProgrammeError(tr("Cannot open {}: {}").format(self.path, e)) from None

    def crs(self) -> str:
        """The programme's CRS as an authority id."""
        ds = self._open()
        srs = ds.GetLayerByName("districts").GetSpatialRef()
        return "{}:{}".format(srs.GetAuthorityName(None), srs.GetAuthorityCode(None))

    def schema_info(self) -> dict:
        """The key/value rows of schema_info."""
        return {r["key"]: r["value"] for r in read_rows(self._open(), "schema_info")}

    def settings(self) -> dict:
        """Rule parameters and other programme settings (key -> text)."""
        return {r["key"]: r["value"] for r in read_rows(self._open(), "settings")}

    def write_settings(self, values: dict, versions: dict | None = None, planner: str | None = None) -> None:
        """Insert or update settings in one transaction, refusing ones changed since *versions* were read."""
        from gebiedsplugin.qgis_io.store.save import write_settings

        write_settings(self, values, versions, planner)

    def row_versions(self, table_name: str) -> dict:
        """fid -> row_version of every row of *table_name* (one light query)."""
        return self.begin_row_versions(table_name)()

    def begin_row_versions(self, table_name: str):
        """Fix now which row versions are read; the returned function reads them (in any thread).

        The query's first step runs here and holds SQLite's read snapshot (a writer that commits
        later is not seen) until the function has read every row and closed the connection.
        """
        conn = gpkg_sqlite.connect(self.path, any_thread=True)
        try:
            # bandit B608: SQL text built from schema names only; every value is a bound parameter
            cursor = conn.execute('SELECT fid, coalesce(row_version, 0) FROM "{}"'.format(  # nosec B608
                schema.table(table_name).name))
        except BaseException:
            conn.close()
            raise

        def read() -> dict:
            try:
                out = {}
                while True:  # in batches: another thread gets the GIL in between
                    rows = cursor.fetchmany(5000)
                    if not rows:
                        return out
                    out.update(rows)
            finally:
                conn.close()
        return read

    def writer(self, planner: str):
        """One write transaction (``with store.writer(planner) as w``) for store.save.apply_changes."""
        from gebiedsplugin.qgis_io.store.gpkg_writer import GpkgWriter

        return GpkgWriter(self.path)

    def audit_trail(self, uid: str | None = None, table: str | None = None) -> list:
        """Recorded inserts, updates and deletes (of row *uid* / *table* when given), oldest first."""
        from gebiedsplugin.qgis_io.store.audit import gpkg_trail

        return gpkg_trail(self.path, uid, table)

    def value_lists(self) -> dict:
        """Value lists as stored in the programme: list -> {code: (label_en, label_nl)}."""
        out: dict = {}
        for r in read_rows(self._open(), "value_lists"):
            out.setdefault(r["list"], {})[r["code"]] = (r["label_en"] or r["code"], r["label_nl"] or r["code"])
        return out

    def counts(self) -> dict:
        """Row count per table."""
        ds = self._open()
        return {t.name: ds.GetLayerByName(t.name).GetFeatureCount() for t in schema.TABLES}

    def read_programme(self, feedback=None) -> Programme:
        """The whole programme as plain records (safe in a worker thread)."""
        from gebiedsplugin.qgis_io.store.ogr_read import read_programme

        return read_programme(self.path, self.crs(), feedback)

    def append_programme(self, programme: Programme) -> None:
        """Append the records of *programme* in one transaction (all or nothing)."""
        ds = self._open(update=True)
        _write_programme(ds, programme)

    # --- store-neutral services (the same names on PostgisStore) --------------------------------
    def read_table(self, table_name: str) -> tuple:
        """(rows as dicts, shapely geometries or None, fids) of one table (safe in a worker thread)."""
        from gebiedsplugin.qgis_io.store.ogr_read import read_table

        return read_table(self._open(), table_name)

    def read_keyed(self, table_name: str, keys, column: str | None = None) -> tuple:
        """read_table() of only the rows whose key (or *column*; as text, NULL as "") is in *keys*, in fid order."""
        from gebiedsplugin.qgis_io.store.ogr_read import read_fids

        table = schema.table(table_name)
        column = column or table.key
        if column not in [f.name for f in table.fields]:
            raise ValueError(column)  # a name from the schema only
        # bandit B608: names from the schema; the keys are one bound JSON parameter
        query = ('SELECT fid FROM "{}" WHERE coalesce(CAST("{}" AS TEXT), \'\') '  # nosec B608
                 "IN (SELECT value FROM json_each(?))").format(table.name, column)
        conn = gpkg_sqlite.connect_read_only(self.path)
        try:
            fids = [r[0] for r in conn.execute(query, (json.dumps(sorted(keys)),))]
        finally:
            conn.close()
        return read_fids(self._open(), table_name, fids)

    def findings_register(self):
        """The findings register of this programme (rows, merge, decide)."""
        from gebiedsplugin.qgis_io.store.findings import FindingsRegister

        return FindingsRegister(self)

    def foreign_crs_tables(self, crs: str) -> dict:
        """table -> authority id of spatial tables stored in another CRS than *crs*."""
        ds = self._open()
        target = osr.SpatialReference()
        target.SetFromUserInput(crs)
        out = {}
        for name in SPATIAL_TABLES:
            layer = ds.GetLayerByName(name)
            srs = layer.GetSpatialRef() if layer is not None else None
            if srs is not None and not srs.IsSame(target):
                out[name] = "{}:{}".format(srs.GetAuthorityName(None), srs.GetAuthorityCode(None))
        return out

    def check_writable(self) -> None:
        """ProgrammeError when the programme file or its folder cannot be written (or is marked read-only)."""
        p = Path(self.path)
        mode = stat.S_IMODE(p.stat().st_mode)
        if not os.access(p, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise ProgrammeError(tr("The programme {} is read-only; nothing was imported.").format(p.name))
        if not os.access(p.parent, os.W_OK):
            raise ProgrammeError(tr("The folder of the programme {} is not writable; nothing was imported.")
                                 .format(p.name))

    def apply_import(self, target: str, plan) -> None:
        """Write the added and updated rows of an ImportPlan in one transaction."""
        from gebiedsplugin.qgis_io.store.import_write import apply_import

        apply_import(self, target, plan)

    def folder(self) -> str:
        """Where files derived from the programme (CSV, reports) are offered by default."""
        return str(Path(self.path).parent)


def create_file(path, crs: str = schema.DEFAULT_CRS, programme: Programme | None = None,
                overwrite: bool = False, finish=None, cancelled=None, row_by_row: bool = False) -> GpkgStore:
    """GpkgStore.create(), with what only a GeoPackage file offers (a check-out uses them):

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
            _write_programme(ds, programme)
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
    return GpkgStore(target)


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


def _write_programme(ds, programme: Programme) -> None:
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
