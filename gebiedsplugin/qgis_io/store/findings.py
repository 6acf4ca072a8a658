"""The findings register: the programme's `findings` table, in either store.

Every write is one transaction through the store's writer (all or nothing, versioned, audited).
Safe in a worker thread: it opens its own connection and touches no QGIS layer; loaded layers are
reloaded by the caller on the main thread.
Findings are never deleted (see core.findings for the merge rules).
"""

from __future__ import annotations

import csv
from datetime import datetime, timezone
from typing import Iterable, Optional

import numpy as np
import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.findings import CLOSED, MergePlan, Scope, decision, plan_merge
from gebiedsplugin.core.release import collection_paused
from gebiedsplugin.core.row_changes import INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store.save import SaveConflict, now_text, planner_name, save, save_planned
from gebiedsplugin.toolbelt.csv_cells import safe_cell
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.rule_texts import rule_texts

TABLE = "findings"
CSV_FIELDS = ("finding_id", "rule", "severity", "district_id", "status", "message", "subject_uids", "note",
              "decided_by", "decided_at", "first_seen", "last_seen", "certainty")
MARKER_M = 5.0  # points and lines become small polygons: the findings table is polygonal
# what the merge reads of the stored register (core.findings.plan_merge)
MERGE_FIELDS = ("finding_id", "rule", "district_id", "status", "decided_by", "note", schema.ROW_VERSION)
_POLYGON, _MULTIPOLYGON, _COLLECTION = 3, 6, 7  # shapely.GeometryType


def decision_changes(status: str, note: Optional[str], user: Optional[str], now: Optional[str]) -> dict:
    """The field values of a planner's decision (both stores); ProgrammeError for an unknown status."""
    try:
        return decision(status, note, current_user() if user is None else user, now or now_text())
    except ValueError:
        raise ProgrammeError(tr("Unknown finding status: {}").format(status)) from None


def current_user() -> str:
    """Who decides: QGIS's user name when QGIS knows it, else the system's."""
    return planner_name()


def polygonal(geom):
    """A (Multi)Polygon for the findings table, or None: parts of collections kept, points and
    lines buffered a little, empty geometries dropped."""
    return polygonals([geom])[0]


def polygonals(geoms) -> list:
    """polygonal() of each geometry, with shapely's array functions (a check at 1M has ~33,000 findings)."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    kinds = shapely.get_type_id(geoms)  # -1: None
    usable = (kinds >= 0) & ~shapely.is_empty(geoms)
    keep = usable & np.isin(kinds, (_POLYGON, _MULTIPOLYGON))
    out[keep] = geoms[keep]
    marked = usable & ~keep
    for k in np.flatnonzero(marked & (kinds == _COLLECTION)):
        parts = [p for p in shapely.get_parts(geoms[k]) if p.geom_type in ("Polygon", "MultiPolygon")]
        if parts:
            out[k] = shapely.union_all(parts)
            marked[k] = False
    out[marked] = shapely.buffer(geoms[marked], MARKER_M, quad_segs=4)
    return out.tolist()


class FindingsRegister:
    """The findings table of a programme (either store: ``store.findings_register()``)."""

    def __init__(self, store):
        self.store = store
        self.path = store.path

    # --- reading ---------------------------------------------------------------------------------
    def rows(self) -> list:
        """Every stored finding as a dict (with ``fid``), without geometry."""
        found, _, fids = self.store.read_table(TABLE)
        out = []
        for row, fid in zip(found, fids):
            row = {k: _text(v) for k, v in row.items()}
            row["fid"] = fid
            out.append(row)
        return out

    def by_id(self) -> dict:
        """finding_id -> stored row."""
        return {r["finding_id"]: r for r in self.rows()}

    # --- writing ---------------------------------------------------------------------------------
    def merge(self, findings: Iterable, scope: Optional[Scope] = None, lang: str = "en",
              now: Optional[str] = None) -> MergePlan:
        """Merge the findings of a run over *scope* into the register in one transaction.

        The register is read inside the merge's own transaction (no geometry: the merge needs
        none) and every stored row is updated at the version read there; if a planner decides a
        finding in between, the merge is refused and planned again on the new state.
        """
        with collection_paused():  # beside a programme of millions of objects held by the caller
            return self._merge(list(findings), scope, lang, now)

    def _merge(self, findings: list, scope: Optional[Scope], lang: str, now: Optional[str]) -> MergePlan:
        texts = rule_texts(lang)
        planned = []

        def plan(writer) -> list:
            stored = writer.rows(TABLE, MERGE_FIELDS)
            existing = {row["finding_id"]: dict(row, fid=fid) for fid, row in stored.items()}
            found = plan_merge(existing, findings, scope or Scope(), now or now_text(), texts.message,
                               texts.text(CLOSED))
            planned.append(found)
            shapes = polygonals([geom for _, geom in found.inserts])
            changes = [RowChange(TABLE, INSERT, values=row, geometry=shape)
                       for (row, _), shape in zip(found.inserts, shapes)]
            shapes = polygonals([geom for _, _, geom in found.updates])
            changes += [RowChange(TABLE, UPDATE, fid, stored[fid].get(schema.ROW_VERSION), changes_, shape)
                        for (fid, changes_, _), shape in zip(found.updates, shapes)]
            return changes

        for attempt in range(3):
            try:
                save_planned(self.store, plan)
                return planned[-1]
            except SaveConflict:
                if attempt == 2:
                    raise
        return planned[-1]

    def decide(self, finding_ids: Iterable[str], status: str, note: Optional[str], user: Optional[str] = None,
               now: Optional[str] = None, versions: Optional[dict] = None) -> int:
        """Record a planner's decision on findings; the number changed (ProgrammeError on a bad status).

        *versions* (finding_id -> row_version) are what the planner read: a finding a colleague
        decided since is refused (SaveConflict), naming who and when.
        """
        changes = decision_changes(status, note, user, now)
        wanted = set(finding_ids)
        rows = [r for r in self.rows() if r["finding_id"] in wanted]
        versions = versions or {}
        save(self.store, [RowChange(TABLE, UPDATE, r["fid"], versions.get(r["finding_id"], r.get(schema.ROW_VERSION)),
                                    changes, label=r.get("message") or r["finding_id"]) for r in rows], user)
        return len(rows)


def _text(value):
    """Timestamps as text (UTC, ISO 8601), whichever store they came from."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value


def write_csv(path: str, rows: Iterable[dict], overwrite: bool = False) -> str:
    """Write findings rows as CSV (UTF-8, header) via a temporary file; refuses to overwrite
    an existing file unless *overwrite*. Returns the path."""
    with atomic_path(path, overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: safe_cell(row.get(k)) for k in CSV_FIELDS})  # no formulas for spreadsheets
    return str(path)
