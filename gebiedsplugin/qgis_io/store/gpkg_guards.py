"""Locking and audit inside a GeoPackage: SQLite triggers generated from the schema.

Whatever writes the file (the plugin, QGIS's own save, ogr2ogr), the database itself refuses

- an update that does not bump ``row_version`` by exactly one (a stale or unversioned write),
- a delete of a row not first marked with its negated next version (the plugin's writer marks
  the row it read, so a delete of a row changed meanwhile is refused like an update),
- an insert without a positive ``row_version``,

and records every insert, change and delete in ``audit_log`` (who, when, table, row uid, fid,
old and new values as JSON). SQLite has no session user: *who* is the row's ``modified_by``, which
the plugin's writer stamps on every insert, update and delete marking. RAISE takes a fixed text
only; the writer names the row and the colleague itself.

The plugin's own saves never meet these refusals: its writer states the version read in the WHERE
clause and names a stale row itself (``store/save.py``: who changed it, when). What they refuse is a
write from elsewhere: a programme table opened as a plain QGIS layer, another program, or QGIS's own
save of a programme layer after the plugin refused that save and said why. QGIS shows the text in
its "Could not commit changes" message, so it says that nothing was changed and how to edit instead;
it is written in the language of the QGIS that created or upgraded the file (a trigger's text is fixed).
A programme made before these texts gets them at the plugin's next save (refresh()).
"""

from __future__ import annotations

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.store.guard_texts import REFUSED, how, sentences

# In every guard this plugin writes: a file whose guards lack it has the older texts (refresh()).
MARK = "/* gebiedsplugin guards 2 */"
_BOOKKEEPING = {schema.ROW_VERSION, "modified_at", "modified_by"}

AUDIT_TABLE = """CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    uid TEXT,
    row_fid INTEGER,
    operation TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    db_user TEXT,
    changed_at DATETIME NOT NULL,
    old_values TEXT,
    new_values TEXT,
    geometry_changed BOOLEAN NOT NULL DEFAULT 0)"""

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _q(name: str) -> str:
    """A quoted SQLite identifier (names come from the schema, never from users)."""
    return '"{}"'.format(name.replace('"', '""'))


def _json(row: str, table: schema.Table) -> str:
    pairs = ", ".join("'{}', {}.{}".format(f.name, row, _q(f.name)) for f in table.fields)
    return "json_object({})".format(pairs)


def _refusals() -> tuple:
    """The guards' texts: a change, a stale versioned change, an insert and a delete from outside the plugin."""
    said = sentences()
    return tuple("{}: {} {}".format(REFUSED, said[kind], how()) for kind in ("change", "stale", "add", "delete"))


def _literal(text: str) -> str:
    """*text* as an SQL string literal."""
    return "'{}'".format(text.replace("'", "''"))


def _triggers(table: schema.Table) -> list:
    t, key, v = _q(table.name), _q(table.key), _q(schema.ROW_VERSION)
    name = table.name
    watched = [_q(f.name) for f in table.fields if f.name not in _BOOKKEEPING]
    if table.geometry:
        watched.append('"geom"')
    changed = " OR ".join("NEW.{0} IS NOT OLD.{0}".format(c) for c in watched)
    moved = "NEW.\"geom\" IS NOT OLD.\"geom\"" if table.geometry else "0"
    # bandit B608: SQL text built from schema names only; every value is a bound parameter
    log = ("INSERT INTO audit_log (table_name, uid, row_fid, operation, changed_by, changed_at, old_values, "  # nosec B608
           "new_values, geometry_changed) VALUES ('{}', ".format(name))
    outside, stale, added, deleted = (_literal(text) for text in _refusals())
    return [
        ("gebied_guard_insert_" + name,
         "BEFORE INSERT ON {t} WHEN NEW.{v} IS NULL OR NEW.{v} < 1 BEGIN {m} SELECT RAISE(ABORT, {added}); END"
         .format(t=t, v=v, m=MARK, added=added)),
        # Unchanged row_version: a writer that does not keep it (QGIS's OGR provider writes the stored one).
        ("gebied_guard_update_" + name,
         "BEFORE UPDATE ON {t} WHEN NEW.{v} IS NOT abs(coalesce(OLD.{v}, 0)) + 1 "
         "AND NEW.{v} IS NOT -(abs(coalesce(OLD.{v}, 0)) + 1) BEGIN {m} SELECT CASE WHEN NEW.{v} IS OLD.{v} "
         "THEN RAISE(ABORT, {outside}) ELSE RAISE(ABORT, {stale}) END; END".format(
             t=t, v=v, m=MARK, outside=outside, stale=stale)),
        ("gebied_guard_delete_" + name,
         "BEFORE DELETE ON {t} WHEN OLD.{v} IS NULL OR OLD.{v} >= 0 BEGIN {m} SELECT RAISE(ABORT, {deleted}); END"
         .format(t=t, v=v, m=MARK, deleted=deleted)),
        ("gebied_audit_insert_" + name,
         "AFTER INSERT ON {t} BEGIN {log}NEW.{k}, NEW.fid, 'INSERT', coalesce(NEW.modified_by, ''), {now}, "
         "NULL, {new}, 0); END".format(t=t, log=log, k=key, now=_NOW, new=_json("NEW", table))),
        ("gebied_audit_update_" + name,
         "AFTER UPDATE ON {t} WHEN NEW.{v} > 0 AND ({changed}) BEGIN {log}NEW.{k}, NEW.fid, 'UPDATE', "
         "coalesce(NEW.modified_by, ''), {now}, {old}, {new}, {moved}); END".format(
             t=t, v=v, changed=changed, log=log, k=key, now=_NOW, old=_json("OLD", table),
             new=_json("NEW", table), moved=moved)),
        ("gebied_audit_delete_" + name,
         "AFTER DELETE ON {t} BEGIN {log}OLD.{k}, OLD.fid, 'DELETE', coalesce(OLD.modified_by, ''), {now}, "
         "{old}, NULL, 0); END".format(t=t, log=log, k=key, now=_NOW, old=_json("OLD", table))),
    ]


def statements(tables=None) -> list:
    """Every statement that (re)creates audit_log and the triggers; safe to run again.

    *tables*: the versioned tables to guard (default all; an upgrade step names those that exist).
    """
    out = [AUDIT_TABLE,
           "CREATE INDEX IF NOT EXISTS ix_audit_log_uid ON audit_log (uid, changed_at)",
           "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, last_change) "
           "VALUES ('audit_log', 'attributes', 'audit_log', {})".format(_NOW)]
    for table_name in schema.VERSIONED_TABLES if tables is None else tables:
        for name, body in _triggers(schema.table(table_name)):
            out.append("DROP TRIGGER IF EXISTS {}".format(_q(name)))
            out.append("CREATE TRIGGER {} {}".format(_q(name), body))
    return out


def install(conn, tables=None) -> None:
    """Create audit_log and the guard and audit triggers (a sqlite3 connection, caller's transaction)."""
    for statement in statements(tables):
        conn.execute(statement)


def refresh(conn) -> bool:
    """Rewrite the guards of a programme made before MARK's texts (a sqlite3 connection inside the caller's
    write transaction); True when it did. A file with the current guards is left as it is, whatever the
    language its texts are in."""
    found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                         ("gebied_guard_update_" + schema.VERSIONED_TABLES[0],)).fetchone()
    if found is None or MARK in (found[0] or ""):
        return False
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    install(conn, [t for t in schema.VERSIONED_TABLES if t in present])
    return True


def trigger_names() -> list:
    """The names of the triggers install() creates."""
    return [name for t in schema.VERSIONED_TABLES for name, _ in _triggers(schema.table(t))]
