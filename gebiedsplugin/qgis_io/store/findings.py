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

import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.findings import CLOSED, MergePlan, Scope, decision, plan_merge
from gebiedsplugin.core.row_changes import INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store.save import SaveConflict, now_text, planner_name, save
from gebiedsplugin.toolbelt.csv_cells import safe_cell
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.rule_texts import rule_texts

TABLE = "findings"
CSV_FIELDS = ("finding_id", "rule", "severity", "district_id", "status", "message", "subject_uids", "note",
              "decided_by", "decided_at", "first_seen", "last_seen", "certainty")
MARKER_M = 5.0  # points and lines become small polygons: the findings table is polygonal


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

        Stored rows are updated at the version just read; if a planner decides a finding in
        between, the merge is refused and planned again on the new state.
        """
        findings = list(findings)
        texts = rule_texts(lang)
        for attempt in range(3):
            plan = plan_merge(self.by_id(), findings, scope or Scope(), now or now_text(), texts.message,
                              texts.text(CLOSED))
            versions = {r["fid"]: r.get(schema.ROW_VERSION) for r in self.rows()}
            changes = [RowChange(TABLE, INSERT, values=row, geometry=polygonal(geom)) for row, geom in plan.inserts]
            changes += [RowChange(TABLE, UPDATE, fid, versions.get(fid), changes_, polygonal(geom))
                        for fid, changes_, geom in plan.updates]
            try:
                save(self.store, changes)
                return plan
            except SaveConflict:
                if attempt == 2:
                    raise
        return plan

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
