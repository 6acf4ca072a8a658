"""Shared editing for people: refused saves as a clear message, audit trail entries as table rows.

The locking trigger (``postgis_ddl._ROW_GUARD``) refuses a stale save with SQLSTATE 40001, hint
``gebiedsplugin:conflict`` and a message naming the intervention, who changed it and when. QGIS
hands that on inside ``layer.commitErrors()`` among provider text; ``conflicts()`` picks out the
fields so the dock shows a translated sentence instead of raw SQL errors.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from gebiedsplugin.toolbelt.i18n import tr

HINT = "gebiedsplugin:conflict"
_REFUSED = re.compile(r'Intervention "(?P<title>.*?)" was changed by (?P<who>.*?) at '
                      r'(?P<when>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC) after you read it')
# Bookkeeping columns every change touches; not listed as "what changed".
_QUIET = {"version", "modified_at", "modified_by", "geom_wkt", "fid"}


def conflicts(errors) -> list:
    """[{title, who, when}] of the refused saves named in *errors* (commit error texts), in order."""
    text = "\n".join(str(e) for e in errors or ())
    found, seen = [], set()
    for match in _REFUSED.finditer(text):
        item = (match.group("title"), match.group("who"), match.group("when"))
        if item not in seen:
            seen.add(item)
            found.append(dict(zip(("title", "who", "when"), item)))
    return found


def is_conflict(errors) -> bool:
    """True when *errors* contain a save refused by the locking trigger."""
    text = "\n".join(str(e) for e in errors or ())
    return HINT in text or bool(_REFUSED.search(text))


def conflict_message(errors) -> str:
    """One translated paragraph for the planner: whose change won, and that nothing of theirs is lost."""
    parts = [tr("“{}” was changed by {} at {} after you opened it.").format(c["title"], c["who"], c["when"])
             for c in conflicts(errors)]
    if not parts:
        parts = [tr("Someone else saved one of these interventions after you opened it.")]
    return " ".join(parts) + " " + tr(
        "Your save was refused so that nothing is overwritten. Your edits are still in the edit buffer: "
        "note them, discard, and make your change again on the current version.")


def _when(value) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%d %H:%M:%S UTC")
    return "" if value is None else str(value)


def _values(value) -> dict:
    if isinstance(value, str):
        value = json.loads(value)
    return value or {}


def changed_fields(entry: dict) -> list:
    """[(field, old, new)] of an audit entry's update (bookkeeping columns left out)."""
    old, new = _values(entry.get("old")), _values(entry.get("new"))
    return [(k, old.get(k), new.get(k)) for k in sorted(set(old) | set(new))
            if k not in _QUIET and old.get(k) != new.get(k)]


def audit_rows(trail: list) -> list:
    """Rows (when, who, what, details) of the audit trail table, oldest first."""
    labels = {"INSERT": tr("Created"), "UPDATE": tr("Changed"), "DELETE": tr("Deleted")}
    out = []
    for entry in trail:
        operation = entry.get("operation")
        details = []
        if operation == "UPDATE":
            details = ["{}: {} → {}".format(k, "—" if a is None else a, "—" if b is None else b)
                       for k, a, b in changed_fields(entry)]
            if entry.get("geometry_changed"):
                details.append(tr("shape changed"))
        who = entry.get("changed_by") or ""
        if entry.get("db_user") and entry.get("db_user") != who:
            who = "{} ({})".format(who, entry["db_user"])
        out.append((_when(entry.get("changed_at")), who, labels.get(operation, operation or ""), "; ".join(details)))
    return out
