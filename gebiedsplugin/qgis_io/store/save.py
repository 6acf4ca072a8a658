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
    stored_geometry,
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
        where = "{} ({})".format(c.label or c.fid, table.alias_nl if ui_language() == "nl" else table.alias_en)
        if c.deleted:
            parts.append(tr("“{}” was deleted by someone else after you read it.").format(where))
        else:
            parts.append(tr("“{}” was changed by {} at {} after you read it (you read version {}, it is now {}).")
                         .format(where, c.who or "?", c.when, c.read_version, c.current_version))
    return " ".join(parts) + " " + tr(
        "Your save was refused so that nothing is overwritten; nothing of it was written. Your edits are still "
        "in the edit buffer: note them, discard, and make your change again on the current version.")


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
    lock). The caller's ``with writer:`` block commits, or rolls back on the exception.
    """
    now = now or now_text()
    result = SaveResult()
    conflicts = []
    order = {DELETE: 0, UPDATE: 1, INSERT: 2}
    for change in sorted(changes, key=lambda c: order[c.op]):
        if change.op == INSERT:
            values = stamped(change.table, change.values, planner, now, insert=True)
            geometry = stored_geometry(change.geometry, schema.table(change.table).geometry)
            result.inserted.append((change.table, writer.insert(change.table, values, geometry)))
            result.counts[INSERT] += 1
            continue
        version = change.version
        if version is None:
            row = writer.current(change.table, change.fid)
            version = row.get(schema.ROW_VERSION) if row else 0
        stamp = stamped(change.table, change.values if change.op == UPDATE else {}, planner, now, insert=False)
        if change.op == UPDATE:
            geometry = stored_geometry(change.geometry, schema.table(change.table).geometry)
            done = writer.update(change.table, change.fid, version or 0, stamp, geometry)
        else:
            done = writer.delete(change.table, change.fid, version or 0, stamp)
        if done:
            result.counts[change.op] += 1
        else:
            conflicts.append(_conflict(writer, change, version))
    if conflicts:
        raise SaveConflict(conflicts)
    return result


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


def save(store, changes, planner: str | None = None) -> SaveResult:
    """Apply *changes* to *store* in one transaction (all or nothing)."""
    planner = planner or planner_name()
    with store.writer(planner) as writer:
        return apply_changes(writer, changes, planner)


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
