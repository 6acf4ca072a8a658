"""The findings register on disk: the programme's `findings` table in its GeoPackage.

Every write is one OGR transaction (all or nothing). Safe in a worker thread: it opens its own data
source and touches no QGIS layer; loaded layers are reloaded by the caller on the main thread.
Findings are never deleted (see core.findings for the merge rules).
"""

from __future__ import annotations

import csv
import getpass
from datetime import datetime, timezone
from typing import Iterable, Optional

import shapely
from osgeo import gdal, ogr

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.findings import MergePlan, Scope, decision, plan_merge
from gebiedsplugin.qgis_io.ogr_tables import write_rows
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr

gdal.UseExceptions()
ogr.UseExceptions()

TABLE = "findings"
CSV_FIELDS = ("finding_id", "rule", "severity", "district_id", "status", "message", "subject_uids", "note",
              "decided_by", "decided_at", "first_seen", "last_seen")
MARKER_M = 5.0  # points and lines become small polygons: the findings table is polygonal


def now_text() -> str:
    """The current UTC time as the register stores it."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def decision_changes(status: str, note: Optional[str], user: Optional[str], now: Optional[str]) -> dict:
    """The field values of a planner's decision (both stores); ProgrammeError for an unknown status."""
    try:
        return decision(status, note, current_user() if user is None else user, now or now_text())
    except ValueError:
        raise ProgrammeError(tr("Unknown finding status: {}").format(status)) from None


def current_user() -> str:
    """Who decides: QGIS's user name when QGIS knows it, else the system's."""
    try:
        from qgis.core import QgsApplication

        name = QgsApplication.userFullName() or QgsApplication.userLoginName()
    except Exception:  # noqa: BLE001 - outside QGIS
        name = ""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001
            name = ""
    return name


def polygonal(geom):
    """A (Multi)Polygon for the findings table, or None: parts of collections kept, points and
    lines buffered a little, empty geometries dropped."""
    if geom is None or shapely.is_empty(geom):
        return None
    kind = geom.geom_type
    if kind in ("Polygon", "MultiPolygon"):
        return geom
    if kind == "GeometryCollection":
        parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
        if parts:
            return shapely.union_all(parts)
    return shapely.buffer(geom, MARKER_M, quad_segs=4)


class FindingsRegister:
    """The findings table of the GeoPackage programme at *path*."""

    def __init__(self, path: str):
        self.path = str(path)

    def _open(self, update: bool = False):
        flags = gdal.OF_VECTOR | (gdal.OF_UPDATE if update else gdal.OF_READONLY)
        try:
            ds = gdal.OpenEx(self.path, flags, allowed_drivers=["GPKG"])
        except RuntimeError as e:
            raise ProgrammeError(tr("Cannot open {}: {}").format(self.path, e)) from None
        if ds.GetLayerByName(TABLE) is None:
            raise ProgrammeError(tr("{} has no findings table.").format(self.path))
        return ds

    # --- reading ---------------------------------------------------------------------------------
    def rows(self, ds=None) -> list:
        """Every stored finding as a dict (with ``fid``), without geometry."""
        ds = ds or self._open()
        layer = ds.GetLayerByName(TABLE)
        layer.SetIgnoredFields(["geom"])
        layer.ResetReading()
        out = []
        for feat in layer:
            row = feat.items()
            row["fid"] = feat.GetFID()
            out.append(row)
        layer.SetIgnoredFields([])
        return out

    def by_id(self, ds=None) -> dict:
        """finding_id -> stored row."""
        return {r["finding_id"]: r for r in self.rows(ds)}

    # --- writing ---------------------------------------------------------------------------------
    def merge(self, findings: Iterable, scope: Optional[Scope] = None, lang: str = "en",
              now: Optional[str] = None) -> MergePlan:
        """Merge the findings of a run over *scope* into the register in one transaction."""
        ds = self._open(update=True)
        plan = plan_merge(self.by_id(ds), findings, scope or Scope(), now or now_text(), lang)
        layer = ds.GetLayerByName(TABLE)
        ds.StartTransaction()
        try:
            if plan.inserts:
                rows = [row for row, _ in plan.inserts]
                write_rows(layer, schema.table(TABLE), rows, [polygonal(g) for _, g in plan.inserts])
            for fid, changes, geom in plan.updates:
                self._update(layer, fid, changes, geom, geom is not None)
            ds.CommitTransaction()
        except BaseException:
            ds.RollbackTransaction()
            raise
        return plan

    def decide(self, finding_ids: Iterable[str], status: str, note: Optional[str], user: Optional[str] = None,
               now: Optional[str] = None) -> int:
        """Record a planner's decision on findings; the number changed (ProgrammeError on a bad status)."""
        changes = decision_changes(status, note, user, now)
        wanted = set(finding_ids)
        ds = self._open(update=True)
        fids = [r["fid"] for r in self.rows(ds) if r["finding_id"] in wanted]
        layer = ds.GetLayerByName(TABLE)
        ds.StartTransaction()
        try:
            for fid in fids:
                self._update(layer, fid, changes, None, False)
            ds.CommitTransaction()
        except BaseException:
            ds.RollbackTransaction()
            raise
        return len(fids)

    @staticmethod
    def _update(layer, fid: int, changes: dict, geom, set_geometry: bool) -> None:
        feat = layer.GetFeature(fid)
        if feat is None:
            return
        for name, value in changes.items():
            if value is None:
                feat.SetFieldNull(name)
            else:
                feat.SetField(name, value)
        if set_geometry:
            shape = polygonal(geom)
            if shape is not None and shape.geom_type == "Polygon":
                shape = shapely.MultiPolygon([shape])
            feat.SetGeometry(None if shape is None else ogr.CreateGeometryFromWkb(shapely.to_wkb(shape)))
        layer.SetFeature(feat)


def write_csv(path: str, rows: Iterable[dict], overwrite: bool = False) -> str:
    """Write findings rows as CSV (UTF-8, header) via a temporary file; refuses to overwrite
    an existing file unless *overwrite*. Returns the path."""
    with atomic_path(path, overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in CSV_FIELDS})
    return str(path)
