"""Audit trail entries (either store, ``store/audit.py``) as rows a planner reads.

A refused save is worded by ``store/save.conflict_message``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from qgis.core import QgsFeatureRequest

from gebiedsplugin.core import schema
from gebiedsplugin.core.value_lists import label, stored_label
from gebiedsplugin.toolbelt.i18n import tr, ui_language

# Bookkeeping columns every change touches; not listed as "what changed".
_QUIET = {"row_version", "version", "modified_at", "modified_by", "geom_wkt", "fid"}


def _when(value) -> str:
    """A stored moment (UTC: PostGIS gives a datetime, a GeoPackage '2026-12-07T01:52:10.249Z') as the
    planner's local time, written the same for either store; the text itself if unreadable."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")
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


def audit_rows(trail: list, lists: dict | None = None) -> list:
    """Rows (when, who, what, details) of the audit trail table, oldest first; values of a value list
    by the programme's *lists* (``store.value_lists()``) where it names them."""
    labels = {"INSERT": tr("Created"), "UPDATE": tr("Changed"), "DELETE": tr("Deleted")}
    out = []
    for entry in trail:
        operation = entry.get("operation")
        details = []
        if operation == "UPDATE":
            table = entry.get("table") or ""
            details = ["{}: {} → {}".format(field_text(table, k), value_text(table, k, a, lists),
                                                   value_text(table, k, b, lists))
                       for k, a, b in changed_fields(entry)]
            if entry.get("geometry_changed"):
                details.append(tr("shape changed"))
        who = entry.get("changed_by") or ""
        if entry.get("db_user") and entry.get("db_user") != who:
            who = "{} ({})".format(who, entry["db_user"])
        out.append((_when(entry.get("changed_at")), who, labels.get(operation, operation or ""), "; ".join(details)))
    return out


def row_names(layers: list, trail: list) -> dict:
    """Key -> name of the interventions (uid -> title) and districts (district_id -> name) a history names
    findings by: as *trail* last recorded them (deleted rows too), then as the loaded *layers* hold them."""
    keys = {"districts": ("district_id", "name")}
    keys.update({table: ("uid", "title") for table in schema.INTERVENTION_TABLES})
    names: dict = {}
    for entry in trail:
        key, name = keys.get(entry.get("table") or "", (None, None))
        values = _values(entry.get("new")) or _values(entry.get("old"))
        if key and values.get(key) and values.get(name):
            names[str(values[key])] = str(values[name])
    for layer in layers:
        fields = layer.fields()
        key, name = next(((k, n) for k, n in keys.values() if k in fields.names() and n in fields.names()),
                         (None, None))
        if key is None:
            continue
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes([key, name], fields)
        for feature in layer.getFeatures(request):
            if feature[key] and feature[name]:
                names[str(feature[key])] = str(feature[name])
    return names


def _field(table_name: str, name: str):
    table = schema.TABLES_BY_NAME.get(table_name)
    return table.field(name) if table is not None and table.has_field(name) else None


def field_text(table_name: str, name: str) -> str:
    """Field *name* as the forms head it: its alias in the planner's language (else the name)."""
    field = _field(table_name, name)
    return field.alias_in(ui_language()) if field is not None else name


def value_text(table_name: str, name: str, value, lists: dict | None = None) -> str:
    """A stored value of field *name* as a planner reads it, the same from either store (0/1 booleans,
    500.0 amounts, a value list's code as its label in the planner's language, as the forms show it:
    from the programme's *lists* (``store.value_lists()``) when given, a code it renamed or added
    included): in the history and the check-in's conflicts."""
    if value is None:
        return "—"
    field = _field(table_name, name)
    kind = field.type if field is not None else None
    if field is not None and field.value_list:
        stored = (lists or {}).get(field.value_list, {}).get(str(value))
        if stored is not None:
            return stored_label(field.value_list, str(value), stored, ui_language())
        return label(field.value_list, str(value), ui_language())
    if kind == schema.BOOLEAN:
        return tr("yes") if value else tr("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def planners(trail: list) -> list:
    """The distinct planners in *trail*, sorted."""
    return sorted({e.get("changed_by") or "" for e in trail} - {""})


def filter_trail(trail: list, planner: str | None = None, since=None, until=None) -> list:
    """Entries of *planner* (None: anyone) changed on a day from *since* to *until* (dates; None: open)."""
    out = []
    for entry in trail:
        if planner and entry.get("changed_by") != planner:
            continue
        day = _when(entry.get("changed_at"))[:10]
        if since is not None and day < since.isoformat():
            continue
        if until is not None and day > until.isoformat():
            continue
        out.append(entry)
    return out
