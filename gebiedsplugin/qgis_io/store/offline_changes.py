"""Which rows of a checked-out copy can differ from its base: found in SQL, so a check-in reads and
compares only those (proportional to the day's work, not to the checked-out districts).

The copy's guards (store/gpkg_guards.py) make every update bump ``row_version`` and log every
insert, change and delete in ``audit_log``. So a row whose key and row_version are those of its
base row, and that audit_log does not name, is the row as checked out. The rows found are a
superset of the changed ones: the merge compares their content as before. When a guard is missing
(dropped by hand), or the base was recorded with other fields than the plugin compares now (a copy
upgraded after its check-out), every row counts (None): the check-in then compares them all.
"""

from __future__ import annotations

import json
from typing import Optional

from gebiedsplugin.core import schema
from gebiedsplugin.core.merge import content
from gebiedsplugin.qgis_io.store import gpkg_guards, gpkg_sqlite


def _text(value) -> str:
    return "" if value is None else str(value)


def changed_keys(path: str, tables) -> Optional[dict]:
    """{table: {key, ...}} of the rows of the copy at *path* that may differ from its base (new, gone,
    another row_version, or named in audit_log); None: compare every row."""
    conn = gpkg_sqlite.connect_read_only(path)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        tables_found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if any(t not in tables_found for t in tables) or not set(gpkg_guards.trigger_names()) <= present:
            return None
        base: dict = {t: {} for t in tables}
        for table_name, key, version in conn.execute("SELECT table_name, row_key, row_version FROM checkout_base"):
            base.setdefault(table_name, {})[key] = version
        for table_name in tables:
            one = conn.execute("SELECT content FROM checkout_base WHERE table_name = ? LIMIT 1",
                               (table_name,)).fetchone()
            if one is not None and set(json.loads(one[0])) != set(content(table_name, {})):
                return None
        out = {}
        for table_name in tables:
            table, known = schema.table(table_name), base[table_name]
            found, seen = set(), set()
            # bandit B608: names from the schema only
            query = 'SELECT "{}", "{}" FROM "{}"'.format(table.key, schema.ROW_VERSION, table.name)  # nosec B608
            for key, version in conn.execute(query):
                key = _text(key)
                seen.add(key)
                if known.get(key) != int(version or 0):
                    found.add(key)
            out[table_name] = found | (set(known) - seen)
        for table_name, key in conn.execute("SELECT DISTINCT table_name, uid FROM audit_log"):
            if table_name in out:
                out[table_name].add(_text(key))
    finally:
        conn.close()
    return out
