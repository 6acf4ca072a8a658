"""One save, one transaction, on either store: apply RowChanges with optimistic locking.

A writer (``GpkgWriter``, ``PgWriter``) offers the same few primitives inside one transaction;
this module holds the rules once: stamp who and when, state the version read, collect every
refused row, and roll everything back when one is refused.
"""

from __future__ import annotations

import getpass
from datetime import datetime, timezone

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.row_changes import (
    DELETE,
    INSERT,
    UPDATE,
    Conflict,
    RowChange,
    SaveResult,
    row_label,
    stamped,
    stored_geometries,
)
from gebiedsplugin.toolbelt.i18n import tr, ui_language


class SaveConflict(ProgrammeError):
    """A save refused because rows moved on after the planner read them; nothing was written."""

    def __init__(self, conflicts: list):
        self.conflicts = conflicts
        super().__init__(conflict_message(conflicts))


def now_text() -> str:
    """The time a save stamps, UTC, as the stores keep it."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _when(value) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%d %H:%M:%S UTC")
    text = "" if value is None else str(value)
    return text.replace("T", " ").replace("Z", " UTC") if text else "?"


def conflict_message(conflicts: list) -> str:
    """One translated paragraph naming each refused row, who changed it and when."""
    parts = []
    for c in conflicts:
        table = schema.table(c.table)
        where = "{} ({})".format(c.label or c.fid, table.alias_in(ui_language()))
        if c.deleted:
            parts.append(tr("“{}” was deleted by someone else after you read it.").format(where))
        else:
            parts.append(tr("“{}” was changed by {} at {} after you read it (you read version {}, it is now {}).")
                         .format(where, c.who or "?", c.when, c.read_version, c.current_version))
    return " ".join(parts) + " " + tr(
        "Your save was refused so that nothing is overwritten; nothing of it was written. Your edits are still "
        "in the edit buffer: note them, discard, and make your change again on the current version.")


class MissingValues(ProgrammeError):
    """A save refused before writing because rows lack a mandatory value (the database's NOT NULL)."""

    def __init__(self, missing: list):
        self.missing = missing  # [(RowChange, [field name, ...])]
        super().__init__(missing_message(missing))


def missing_values(changes, planner: str, now: str) -> list:
    """(change, [mandatory field names left empty]) of every insert or update that would leave one NULL."""
    out = []
    for change in changes:
        if change.op == DELETE:
            continue
        values = stamped(change.table, change.values, planner, now, insert=change.op == INSERT)
        fields = schema.table(change.table).fields
        empty = [f.name for f in fields if f.mandatory and (change.op == INSERT or f.name in values)
                 and values.get(f.name) is None]
        if empty:
            out.append((change, empty))
    return out


def missing_message(missing: list, lang: str | None = None) -> str:
    """One translated paragraph naming each row (title or uid, table) and its empty fields (aliases in
    *lang*, default the user's language)."""
    lang = lang or ui_language()
    parts = []
    for change, names in missing:
        table = schema.table(change.table)
        uid = change.values.get("uid") if table.key == "uid" else None
        name = change.label or uid or str(change.fid)
        where = "{} ({})".format(name if not uid or uid == name else "{}, {}".format(name, uid), table.alias_in(lang))
        fields = ", ".join(table.field(n).alias_in(lang) for n in names)
        parts.append(tr("“{}” has no value for: {}.").format(where, fields))
    return " ".join(parts) + " " + tr("These fields are required. Fill them in and save again; nothing was "
                                      "written, your edits are still in the edit buffer.")


def _conflict(writer, change, read_version) -> Conflict:
    row = writer.current(change.table, change.fid)
    if row is None:
        return Conflict(change.table, change.fid, change.label, deleted=True, read_version=read_version)
    return Conflict(change.table, change.fid, change.label or row_label(change.table, row),
                    who=row.get("modified_by") or "", when=_when(row.get("modified_at")),
                    read_version=read_version, current_version=row.get(schema.ROW_VERSION))


def apply_changes(writer, changes, planner: str, now: str | None = None) -> SaveResult:
    """Apply *changes* through *writer* (inside its transaction); SaveConflict lists every refused row.

    Updates and deletes state the version read (``change.version``; None: the current one, no
    lock). The caller's ``with writer:`` block commits, or rolls back on the exception. Deletes go
    first, then updates, then inserts. A writer with ``update_rows`` gets each table's rows as one
    set: PostGIS one COPY and one statement instead of a round trip per row, the GeoPackage its
    values converted and geometries encoded at once and, listed by fid, one statement
    (``writer.update`` etc. remain the row-by-row primitives).
    """
    now = now or now_text()
    result = SaveResult()
    conflicts = []
    inserted = []  # (position in *changes*, table, fid)
    for op in (DELETE, UPDATE, INSERT):
        for batch in _batches(changes, op):
            if op == INSERT:
                fids = _insert(writer, batch, planner, now)
                inserted += [(pos, c.table, fid) for (pos, c), fid in zip(batch, fids)]
                result.counts[INSERT] += len(fids)
                continue
            versions = _versions_read(writer, [c for _, c in batch])
            stamps = [stamped(c.table, c.values if op == UPDATE else {}, planner, now, insert=False)
                      for _, c in batch]
            done = _write(writer, op, [c for _, c in batch], versions, stamps)
            result.counts[op] += len(done)
            conflicts += [_conflict(writer, c, versions[c.fid]) for _, c in batch if c.fid not in done]
    if conflicts:
        raise SaveConflict(conflicts)
    result.inserted = [(table, fid) for _, table, fid in sorted(inserted, key=lambda item: item[0])]
    return result


def _batches(changes, op: str):
    """The changes of *op*, grouped by table and by the fields they set (one statement's shape)."""
    groups: dict = {}
    for pos, change in enumerate(changes):
        if change.op == op:
            shape = (change.table, tuple(sorted(change.values)), change.geometry is None)
            groups.setdefault(shape, []).append((pos, change))
    return list(groups.values())


def _versions_read(writer, changes) -> dict:
    """fid -> the version each change states; the current one where it states none (no lock)."""
    versions = {c.fid: c.version for c in changes}
    missing = [fid for fid, version in versions.items() if version is None]
    if missing:
        table = changes[0].table
        if hasattr(writer, "versions"):
            current = writer.versions(table, missing)
        else:
            current = {fid: (writer.current(table, fid) or {}).get(schema.ROW_VERSION) for fid in missing}
        versions.update({fid: current.get(fid) or 0 for fid in missing})
    return {fid: version or 0 for fid, version in versions.items()}


def _write(writer, op: str, changes, versions: dict, stamps: list) -> set:
    """Versioned updates or deletes of one table; the fids written (a missing fid was refused)."""
    table = changes[0].table
    kind = schema.table(table).geometry
    geometries = stored_geometries([c.geometry if op == UPDATE else None for c in changes], kind)
    if hasattr(writer, "update_rows"):
        rows = [(c.fid, versions[c.fid], stamp, geom) for c, stamp, geom in zip(changes, stamps, geometries)]
        return writer.update_rows(table, rows) if op == UPDATE else writer.delete_rows(table, rows)
    done = set()
    for c, stamp, geom in zip(changes, stamps, geometries):
        if op == UPDATE:
            ok = writer.update(table, c.fid, versions[c.fid], stamp, geom)
        else:
            ok = writer.delete(table, c.fid, versions[c.fid], stamp)
        if ok:
            done.add(c.fid)
    return done


def _insert(writer, batch, planner: str, now: str) -> list:
    """Insert one table's new rows; their fids in order."""
    table = batch[0][1].table
    kind = schema.table(table).geometry
    geometries = stored_geometries([c.geometry for _, c in batch], kind)
    rows = [(stamped(table, c.values, planner, now, insert=True), geom) for (_, c), geom in zip(batch, geometries)]
    if hasattr(writer, "insert_rows"):
        return writer.insert_rows(table, rows)
    return [writer.insert(table, values, geom) for values, geom in rows]


def planner_name() -> str:
    """Who saves: QGIS's user name when QGIS knows it, else the system's."""
    name = ""
    try:
        from qgis.core import QgsApplication

        name = QgsApplication.userFullName() or QgsApplication.userLoginName()
    except Exception:  # noqa: BLE001 - outside QGIS
        name = ""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name on some systems
            name = ""
    return name or "?"


def save(store, changes, planner: str | None = None, require: bool = False) -> SaveResult:
    """Apply *changes* to *store* in one transaction (all or nothing).

    *require*: refuse first (MissingValues, nothing written) when a row lacks a mandatory value, named
    by row and field in the planner's language instead of the database's text (a planner's edits;
    imports check their rows themselves, and their batches are large).
    """
    planner = planner or planner_name()
    if require:
        missing = missing_values(changes, planner, now_text())
        if missing:
            raise MissingValues(missing)
    with store.writer(planner) as writer:
        return apply_changes(writer, changes, planner)


def save_planned(store, plan, planner: str | None = None) -> SaveResult:
    """Like save(), with the changes made by *plan(writer)* inside the save's own transaction: what it
    reads there (``writer.rows``) is what the changes state as read. Refused rows: SaveConflict."""
    planner = planner or planner_name()
    with store.writer(planner) as writer:
        return apply_changes(writer, plan(writer), planner)


def row_versions(store, table_name: str) -> dict:
    """fid -> row_version of every row of *table_name* (what a planner's session has read)."""
    return store.row_versions(table_name)


def write_settings(store, values: dict, versions: dict | None = None, planner: str | None = None) -> None:
    """Insert or update settings (key -> value) in one transaction.

    *versions* (key -> row_version) are the versions the planner read: a setting a colleague
    changed since is refused (SaveConflict); without them the current versions are used.
    """
    rows, _, fids = store.read_table("settings")
    existing = {r["key"]: (fid, r.get(schema.ROW_VERSION)) for r, fid in zip(rows, fids)}
    changes = []
    for key, value in values.items():
        text = None if value is None else str(value)
        if key in existing:
            fid, version = existing[key]
            if versions is not None and key in versions:
                version = versions[key]
            changes.append(RowChange("settings", UPDATE, fid, version, {"value": text}, label=key))
        else:
            changes.append(RowChange("settings", INSERT, values={"key": key, "value": text}, label=key))
    save(store, changes, planner)
