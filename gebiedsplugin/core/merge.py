"""Three-way merge of an offline copy into the shared programme, by row key (uid or code), per table.

Pure data: *base* is what was checked out, *mine* the copy now, *theirs* the shared programme now,
each ``{(table, key): RowState}``. The merge says which RowChanges bring the offline work into the
shared programme and which rows changed on both sides (conflicts, for a planner to decide).

Rules (b = base, m = mine, t = theirs):

| b | m | t | result |
| - | - | - | - |
| - | new | - | insert mine |
| - | new | new | conflict (made on both sides) |
| yes | same as b | any | nothing (theirs stands) |
| yes | gone | same version as b | delete |
| yes | gone | changed or gone | conflict / nothing (both deleted) |
| yes | changed | same version as b | update the fields mine changed |
| yes | changed | changed or gone | conflict |

A decision per conflict: ``mine`` (the offline row wins, written over the current shared version)
or ``theirs`` (the shared row stays).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional

from gebiedsplugin.core import schema
from gebiedsplugin.core.row_changes import BOOKKEEPING, DELETE, INSERT, UPDATE, RowChange, row_label

MINE, THEIRS = "mine", "theirs"
# Conflict kinds
BOTH_CHANGED, DELETED_HERE, DELETED_THERE, MADE_TWICE = "both_changed", "deleted_here", "deleted_there", "made_twice"
_IGNORED = set(BOOKKEEPING) | {"created_at", "created_by"}


@dataclass
class RowState:
    """One row as a side of the merge sees it."""

    version: int
    values: dict  # field -> normalised value (bookkeeping left out)
    geometry: Optional[bytes] = None  # normalised WKB
    fid: Optional[int] = None
    modified_by: str = ""
    modified_at: str = ""
    shape: Any = None  # the shapely geometry, to write

    def same_content(self, other: RowState) -> bool:
        return self.values == other.values and self.geometry == other.geometry


@dataclass
class Conflict:
    """A row changed on both sides: what each side holds, field by field."""

    table: str
    key: str
    kind: str
    label: str
    base: Optional[RowState]
    mine: Optional[RowState]
    theirs: Optional[RowState]
    fields: list = field(default_factory=list)  # [(field, base, mine, theirs)] that differ
    decided: Optional[str] = None  # mine | theirs, once a planner chose

    @property
    def ident(self) -> str:
        """How a decision names this conflict: 'table/key'."""
        return "{}/{}".format(self.table, self.key)


@dataclass
class MergePlan:
    """The changes to write and the conflicts still open."""

    changes: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {INSERT: 0, UPDATE: 0, DELETE: 0})

    @property
    def open_conflicts(self) -> list:
        return [c for c in self.conflicts if c.decided not in (MINE, THEIRS)]


def normal(table: schema.Table, name: str, value):
    """A value as both stores can compare it (UTC seconds for timestamps, bools, ints for whole years)."""
    if value is None:
        return None
    kind = table.field(name).type if table.has_field(name) else None
    if kind == schema.DATETIME:
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                value = value.astimezone(timezone.utc).replace(tzinfo=None)
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        text = str(value).replace(" ", "T")
        return text[:19] + "Z" if len(text) >= 19 else text
    if kind == schema.BOOLEAN:
        return bool(value)
    if kind == schema.REAL:
        return float(value)
    if kind == schema.INTEGER:
        return int(value)
    return value


_PLAIN = {schema.TEXT: str, schema.INTEGER: int, schema.REAL: float, schema.BOOLEAN: bool}
_COMPARED: dict = {}


def _compared(table_name: str) -> list:
    """(field, type it must have, or None for timestamps) of the fields a merge compares."""
    found = _COMPARED.get(table_name)
    if found is None:
        table = schema.table(table_name)
        found = _COMPARED[table_name] = [(f.name, _PLAIN.get(f.type)) for f in table.fields
                                         if f.name not in _IGNORED]
    return found


def content(table_name: str, row: dict) -> dict:
    """The fields of *row* a merge compares (bookkeeping left out), normalised (fast path: values
    already of their type pass as they are)."""
    table = None
    out = {}
    for name, kind in _compared(table_name):
        value = row.get(name)
        if value is None or (kind is not None and type(value) is kind):
            out[name] = value
        else:
            table = table or schema.table(table_name)
            out[name] = normal(table, name, value)
    return out


def _differing(base, mine, theirs) -> list:
    names = sorted(set().union(*[(s.values if s else {}) for s in (base, mine, theirs)]))
    out = []
    for name in names:
        values = [s.values.get(name) if s else None for s in (base, mine, theirs)]
        if len({repr(v) for v in values}) > 1:
            out.append((name, *values))
    geoms = [s.geometry if s else None for s in (base, mine, theirs)]
    if len(set(geoms)) > 1:
        out.append(("geometry", *[("…" if g else None) for g in geoms]))
    return out


def _label(table: str, *states) -> str:
    for s in states:
        if s is not None:
            return row_label(table, s.values)
    return ""


def _update(table: str, mine: RowState, against: RowState, version: int) -> RowChange:
    values = {k: v for k, v in mine.values.items() if against.values.get(k) != v}
    shape = mine.shape if mine.geometry != against.geometry else None
    return RowChange(table, UPDATE, against.fid, version, values, shape, _label(table, mine))


def _in_order(keys) -> list:
    """*keys* by table, then by key as text: one short sort per table rather than one of every key, so
    that a worker thread merging a whole city lets the main thread have its turns in between."""
    by_table: dict = {}
    for key in keys:
        by_table.setdefault(key[0], []).append(key)
    return [key for table in sorted(by_table) for key in sorted(by_table[table], key=lambda k: str(k[1]))]


def plan(base: dict, mine: dict, theirs: dict, decisions: Optional[dict] = None) -> MergePlan:
    """The merge of *mine* into *theirs* over *base*; *decisions* maps Conflict.ident -> mine | theirs."""
    decisions = decisions or {}
    out = MergePlan()
    for key in _in_order(set(base) | set(mine)):
        table, uid = key
        b, m, t = base.get(key), mine.get(key), theirs.get(key)
        conflict = None
        if b is None:
            if m is None:
                continue
            if t is None:
                out.changes.append(RowChange(table, INSERT, values=dict(m.values), geometry=m.shape,
                                             label=_label(table, m)))
                continue
            conflict = Conflict(table, str(uid), MADE_TWICE, _label(table, m, t), b, m, t)
        elif m is None:
            if t is None:
                continue
            if t.version == b.version:
                out.changes.append(RowChange(table, DELETE, t.fid, t.version, label=_label(table, b)))
                continue
            conflict = Conflict(table, str(uid), DELETED_HERE, _label(table, t, b), b, m, t)
        elif m.same_content(b):
            continue
        elif t is None:
            conflict = Conflict(table, str(uid), DELETED_THERE, _label(table, m, b), b, m, t)
        elif t.version == b.version:
            out.changes.append(_update(table, m, b, t.version))
            continue
        elif t.same_content(m):
            continue  # both made the same change
        else:
            conflict = Conflict(table, str(uid), BOTH_CHANGED, _label(table, m, t, b), b, m, t)
        conflict.fields = _differing(b, m, t)
        choice = decisions.get(conflict.ident)
        conflict.decided = choice
        out.conflicts.append(conflict)
        if choice == MINE:
            out.changes.extend(_resolve_mine(conflict))
    for change in out.changes:
        out.counts[change.op] += 1
    return out


def _resolve_mine(c: Conflict) -> list:
    """The changes that make the offline row win."""
    if c.mine is None:  # deleted here, changed there: delete the current shared row
        return [RowChange(c.table, DELETE, c.theirs.fid, c.theirs.version, label=c.label)]
    if c.theirs is None:  # changed here, deleted there: bring it back
        return [RowChange(c.table, INSERT, values=dict(c.mine.values), geometry=c.mine.shape, label=c.label)]
    return [_update(c.table, c.mine, c.theirs, c.theirs.version)]
