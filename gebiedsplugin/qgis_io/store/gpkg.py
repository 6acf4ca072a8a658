"""The embedded default store: one GeoPackage per programme.

Creating writes a temporary file beside the target and renames it when complete; opening checks
that the file is a programme of a schema version this plugin reads, without writing to it.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from osgeo import gdal, osr

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.records import Programme
from gebiedsplugin.qgis_io.store import gpkg_sqlite
from gebiedsplugin.qgis_io.store.gpkg_create import create_file, write_programme
from gebiedsplugin.qgis_io.store.ogr_tables import (
    read_rows,
)
from gebiedsplugin.qgis_io.store.schema_check import check_programme_tables
from gebiedsplugin.toolbelt.i18n import tr

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
        return cls(create_file(path, crs, programme, overwrite))

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
        write_programme(ds, programme)

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
