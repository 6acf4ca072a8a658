"""The edit journal's file: a programme's unsaved edits as plain data, and that data as JSON text.

A journal is a dict::

    {"format": FORMAT, "version": VERSION, "source": "<path or postgres:connection/schema>",
     "name": "<programme>", "planner": "...", "saved_at": "<ISO UTC>", "host": "...", "pid": 123,
     "tables": {"<table>": {"added": [{"values": {...}, "wkb": b"..." or None}],
                            "changed": [{"fid": 7, "key": "<uid>", "version": 3, "values": {...},
                                         "wkb": b"..." or None}],   # wkb: the new geometry, if changed
                            "deleted": [{"fid": 9, "key": "<uid>", "version": 2}]}}}

``version`` of a changed or deleted row is the ``row_version`` the planner read, so a restored
edit is saved (or refused) against what it was made on. Values are None, bool, int, float, str,
date, datetime or bytes; JSON keeps the last three tagged. Nothing here knows QGIS.
"""

from __future__ import annotations

import json
from datetime import date, datetime

FORMAT = "gebiedsplugin-edit-journal"
VERSION = 1


class JournalFormatError(ValueError):
    """A file that is not an edit journal this code can read."""


def _encode(value):
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, (bytes, bytearray)):
        return {"$bytes": bytes(value).hex()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)  # anything else a provider hands over, as text rather than lost


def _decode(value):
    if isinstance(value, dict) and len(value) == 1:
        (tag, text), = value.items()
        if tag == "$datetime":
            return datetime.fromisoformat(text)
        if tag == "$date":
            return date.fromisoformat(text)
        if tag == "$bytes":
            return bytes.fromhex(text)
    return value


def _row(row: dict, code) -> dict:
    out = dict(row)
    if "values" in out:
        out["values"] = {k: code(v) for k, v in out["values"].items()}
    if "wkb" in out:
        out["wkb"] = code(out["wkb"])
    return out


def to_text(journal: dict) -> str:
    """*journal* as JSON text (UTF-8 safe, one key order)."""
    data = {k: v for k, v in journal.items() if k != "tables"}
    data["format"], data["version"] = FORMAT, VERSION
    data["tables"] = {table: {part: [_row(r, _encode) for r in rows] for part, rows in edits.items()}
                      for table, edits in journal.get("tables", {}).items()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def from_text(text: str) -> dict:
    """The journal *text* holds; JournalFormatError when it is not one (or of a newer version)."""
    try:
        data = json.loads(text)
    except ValueError as e:
        raise JournalFormatError(str(e)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise JournalFormatError("not an edit journal")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise JournalFormatError("edit journal version {} is newer than {}".format(data.get("version"), VERSION))
    data["tables"] = {table: {part: [_row(r, _decode) for r in rows] for part, rows in edits.items()}
                      for table, edits in (data.get("tables") or {}).items()}
    return data


def table_edits(added=(), changed=(), deleted=()) -> dict:
    """One table's part of a journal."""
    return {"added": list(added), "changed": list(changed), "deleted": list(deleted)}


def edit_count(journal: dict) -> int:
    """How many rows the journal adds, changes or deletes."""
    return sum(len(rows) for edits in journal.get("tables", {}).values() for rows in edits.values())


def recorded_rows(journal: dict) -> dict:
    """table -> {fid: (key, version read)} of the rows the journal changes or deletes."""
    return {table: {r["fid"]: (r.get("key"), r.get("version")) for part in ("changed", "deleted")
                    for r in edits.get(part, [])}
            for table, edits in journal.get("tables", {}).items()}


def moved_on(recorded: dict, current: dict) -> dict:
    """table -> sorted fids whose row changed since the journal was written: deleted, or another
    ``row_version`` than the one read. *recorded*: recorded_rows(); *current*: table -> {fid: version
    now} of the rows still there."""
    out = {}
    for table, rows in recorded.items():
        now = current.get(table, {})
        stale = sorted(fid for fid, (_key, version) in rows.items()
                       if fid not in now or (version is not None and now[fid] != version))
        if stale:
            out[table] = stale
    return out
