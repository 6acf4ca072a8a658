"""Area days offline: check a part of a shared programme out into a GeoPackage, check it back in.

Check-out copies the districts asked for (all districts and neighbourhoods come along for the
check; interventions, programme projects, area goals and budgets of those districts and period,
with their funding and links; the settings) into a new programme file, records the base of every
row (``offline_base``) and registers the check-out in the shared programme.

Check-in merges the copy into the shared programme (``core/merge.py``: by row key against the
base), in one transaction through the store's save, audited as the planner: rows changed only
offline or only in the shared programme are taken over, rows changed on both sides are conflicts
for a decision. It refuses, writing nothing, a copy of another programme, a copy already checked
in, a base edited by hand, and new or changed rows outside the checked-out districts.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.merge import MergePlan, plan
from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.release import free_gradually
from gebiedsplugin.core.row_changes import INSERT, RowChange
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store import gpkg_sqlite
from gebiedsplugin.qgis_io.store.offline_base import MERGED_TABLES, read_base, seal, states, write_base
from gebiedsplugin.qgis_io.store.offline_changes import changed_keys
from gebiedsplugin.qgis_io.store.save import apply_changes, now_text, planner_name, save
from gebiedsplugin.toolbelt.i18n import tr

WHOLE_CITY = "city"
_DISTRICT_TABLES = schema.INTERVENTION_TABLES + schema.PROJECT_TABLES + ("area_goals", "area_budgets")
_CHILDREN = {"funding": "intervention_uid", "effect_measurements": "intervention_uid", "links": "from_uid"}


@dataclass
class CheckInResult:
    """What a check-in did (or would do): counts per operation and the conflicts."""

    plan: MergePlan
    written: bool = False
    counts: dict = field(default_factory=dict)
    value_lists: dict = field(default_factory=dict)  # the shared programme's: its conflicts read by them


def _scope(districts) -> set:
    wanted = {d for d in (districts or []) if d}
    return set() if not wanted or WHOLE_CITY in wanted else wanted  # empty: everything


def _in_scope(districts: set, year_from, year_to):
    """keep(key, row) for the rows a check-out takes along."""
    def keep(key, row) -> bool:
        table = key[0]
        if table in _DISTRICT_TABLES and districts and row.get("district_id") not in districts:
            return False
        if table in schema.INTERVENTION_TABLES + schema.PROJECT_TABLES:
            if year_from is not None and (row.get("end_year") or 0) < year_from:
                return False
            if year_to is not None and (row.get("start_year") or 0) > year_to:
                return False
        return True
    return keep


def _programme_id(store, planner: str) -> str:
    """The shared programme's identity (made once, on its first check-out)."""
    found = store.schema_info().get("programme_id")
    if found:
        return found
    made = str(uuid.uuid4())
    save(store, [RowChange("schema_info", INSERT, values={"key": "programme_id", "value": made})], planner)
    return made


def check_out(source, target: str, districts=None, year_from=None, year_to=None, planner=None,
              overwrite: bool = False, progress=None, cancelled=None, row_by_row: bool = False) -> dict:
    """Copy a part of *source* (a store) into a new GeoPackage at *target*; counts per table.

    *progress(percent)* is told how far it got; when *cancelled()* says so it raises Cancelled, up to
    the moment the check-out is registered in *source* (nothing is then written anywhere). The copy is
    made in a temporary file beside *target*, renamed when complete and registered. *row_by_row*: its
    tables written feature by feature through OGR (gpkg_create.create_file: the reference of the bulk write)."""
    from gebiedsplugin.qgis_io.store.gpkg_create import create_file

    progress = progress or (lambda _percent: None)
    planner = planner or planner_name()
    scope = _scope(districts)
    known = {r["district_id"] for r in source.read_table("districts")[0]}
    unknown = sorted(scope - known)
    if unknown:
        raise ProgrammeError(tr("{} has no district {}; nothing was checked out.").format(
            source.name, ", ".join(unknown)))
    keep = _in_scope(scope, year_from, year_to)
    # Only the districts' rows are read (where the store can), then only their interventions' children.
    base = states(source, tables=[t for t in MERGED_TABLES if t not in _CHILDREN], keep=keep, cancelled=cancelled,
                  where={t: ("district_id", scope) for t in _DISTRICT_TABLES} if scope else None)
    progress(20)
    interventions = {k for t, k in base if t in schema.INTERVENTION_TABLES}
    part = scope or year_from is not None or year_to is not None
    base.update(states(source, tables=[t for t in MERGED_TABLES if t in _CHILDREN], keep=keep, cancelled=cancelled,
                       where={t: (column, interventions) for t, column in _CHILDREN.items()} if part else None))
    progress(35)  # the shares: measured on a check-out of one district of 100,000 interventions
    for key in [k for k in base if k[0] in ("funding", "effect_measurements", "links")]:
        row = base[key].values
        parent = row.get("from_uid") if key[0] == "links" else row.get("intervention_uid")
        if parent not in interventions:
            del base[key]
    programme = Programme(crs=source.crs(), settings=source.settings())
    for table, key in sorted(base):  # the keys sorted: cheaper than the items
        state = base[table, key]
        row = dict(state.values, row_version=state.version, modified_by=state.modified_by or None,
                   modified_at=state.modified_at or None)
        if table in ("districts", "neighbourhoods"):
            getattr(programme, table).append(Feature(row, state.shape, table))
        elif table in schema.INTERVENTION_TABLES:
            programme.interventions.append(Feature(row, state.shape, table))
        elif table in schema.PROJECT_TABLES:
            programme.projects.append(Feature(row, state.shape, table))
        elif table != "settings":
            getattr(programme, table).append(row)
    path = str(Path(target).resolve())

    def finish(temp: str) -> None:  # the copy's base and identity, then the registration; the file appears after
        progress(80)
        sealed = write_base(temp, base)
        progress(95)
        if cancelled is not None and cancelled():  # the last moment to stop: nothing written anywhere yet
            raise Cancelled()
        info = {"checkout_id": str(uuid.uuid4()), "checkout_source": source.path,
                "programme_id": _programme_id(source, planner), "checkout_districts": json.dumps(sorted(scope)),
                "checkout_period": json.dumps([year_from, year_to]), "checked_out_at": now_text(),
                "checked_out_by": planner}
        _put_info(temp, info)
        save(source, [RowChange("schema_info", INSERT, values={"key": "checkout:" + info["checkout_id"], "value": (
            json.dumps({"seal": sealed, "districts": sorted(scope), "by": planner, "at": info["checked_out_at"],
                        "copy": path}))})], planner)

    create_file(target, programme.crs, programme, overwrite=overwrite, finish=finish, cancelled=cancelled,
                row_by_row=row_by_row)
    counts: dict = {}
    for table, _ in base:
        counts[table] = counts.get(table, 0) + 1
    return {t: counts[t] for t in MERGED_TABLES if t in counts}  # in the tables' order


def _put_info(path: str, values: dict) -> None:
    conn = gpkg_sqlite.connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO schema_info (key, value) VALUES (?, ?)", sorted(values.items()))
        conn.execute("COMMIT")
    finally:
        conn.close()


def _refuse(message: str):
    raise ProgrammeError(message + " " + tr("Nothing was checked in."))


def _outside(mine: dict, base: dict, districts: set) -> list:
    """New or changed rows of the copy that lie in districts it did not check out."""
    if not districts:
        return []
    out = []
    for key, state in mine.items():
        if key[0] not in _DISTRICT_TABLES or state.values.get("district_id") in districts:
            continue
        if key not in base or not state.same_content(base[key]):
            out.append("{} {} ({})".format(key[0], key[1], state.values.get("district_id")))
    return out


def check_in(copy_path: str, decisions=None, planner=None, target=None, dry_run: bool = False,
             progress=None, cancelled=None, compare_all: bool = False) -> CheckInResult:
    """Merge the copy at *copy_path* into its shared programme (or *target*), all or nothing.

    Only the rows the copy's guards say may have changed are read and compared (offline_changes.py);
    *compare_all* compares every checked-out row instead (the same result, slower).

    *progress(percent)* is told how far it got; when *cancelled()* says so it raises Cancelled, up to
    the moment the transaction commits (the programme and the copy are then as they were)."""
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.migrate import upgrade
    from gebiedsplugin.qgis_io.store.open import open_store
    from gebiedsplugin.qgis_io.store.schema_check import NeedsUpgrade

    progress = progress or (lambda _percent: None)
    cancelled = cancelled or (lambda: False)

    def step(percent: float) -> None:
        if cancelled():
            raise Cancelled()
        progress(percent)

    planner = planner or planner_name()
    try:
        copy = GpkgStore.open(copy_path)
    except NeedsUpgrade:  # a copy from before a plugin update: bring it to the current schema first
        upgrade(str(copy_path), backup=True, user=planner)
        copy = GpkgStore.open(copy_path)
    info = copy.schema_info()
    name = copy.name
    if "checkout_id" not in info:
        _refuse(tr("{} is not a checked-out copy.").format(name))
    if info.get("checked_in_at"):
        _refuse(tr("{} was already checked in at {} by {}.").format(name, info["checked_in_at"],
                                                                    info.get("checked_in_by", "?")))
    source = open_store(target or info["checkout_source"])
    shared = source.schema_info()
    if shared.get("programme_id") != info.get("programme_id"):
        _refuse(tr("{} is a copy of another programme than {}.").format(name, source.name))
    registered = shared.get("checkout:" + info["checkout_id"])
    if registered is None:
        _refuse(tr("{} does not know the check-out of {}.").format(source.name, name))
    if "checkin:" + info["checkout_id"] in shared:
        _refuse(tr("{} was already checked in: {}.").format(name, shared["checkin:" + info["checkout_id"]]))
    step(5)  # the shares below: measured on a whole-city copy of 100,000 interventions, 5,000 changed
    if seal(copy.path) != json.loads(registered)["seal"]:
        _refuse(tr("The base recorded in {} was changed after the check-out (it does not match its seal).")
                .format(name))
    step(50)
    districts = set(json.loads(info.get("checkout_districts") or "[]"))
    changed = None if compare_all else changed_keys(copy.path, MERGED_TABLES)  # None: every row
    base = read_base(copy.path, changed)
    step(75)
    mine = states(copy, cancelled=cancelled, keys=changed)
    step(80)
    outside = _outside(mine, base, districts)
    if outside:
        _refuse(tr("{} has new or changed rows outside the checked-out districts {}: {}.").format(
            name, ", ".join(sorted(districts)), "; ".join(outside[:10])))
    theirs = states(source, tables=MERGED_TABLES, keep=lambda key, row: key in base or key in mine, shapes=False,
                    cancelled=cancelled, keys=changed)
    step(85)
    merged = plan(base, mine, theirs, decisions)
    result = CheckInResult(merged, counts=dict(merged.counts), value_lists=source.value_lists())
    step(90)
    free_gradually(base, mine, theirs)  # not all at once on return: the main thread keeps its turns
    if merged.open_conflicts or dry_run:
        progress(100)
        return result
    stamp = json.dumps({"at": now_text(), "by": planner, "counts": merged.counts})
    with source.writer(planner) as writer:  # one transaction, as store.save.save() makes it
        apply_changes(writer, merged.changes + [RowChange("schema_info", INSERT, values={
            "key": "checkin:" + info["checkout_id"], "value": stamp})], planner)
        step(98)  # the last moment to stop: raising here rolls the whole check-in back
    _put_info(copy.path, {"checked_in_at": now_text(), "checked_in_by": planner})
    result.written = True
    progress(100)
    return result
