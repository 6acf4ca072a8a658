"""The GeoPackage side of a save: one SQLite transaction (BEGIN IMMEDIATE), versioned writes.

SQLite's rollback journal makes a crash mid-save roll back on the next open; the write lock is
taken at the start, waiting BUSY_SECONDS for another planner's save (WAL is not used: it does not
work on network shares).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store import gpkg_guards, gpkg_sqlite
from gebiedsplugin.toolbelt.i18n import tr

_V = schema.ROW_VERSION
# The page cache of a save's connection, KiB. SQLite's default (2 MiB) is smaller than a save of 1,000 audited
# rows (the rows' pages plus ~2 kB of audit per row): it spills in mid-transaction, and each spill syncs the
# rollback journal twice more. 64 MiB keeps a planner's save in memory until the commit; an import beyond it
# spills, as before. Memory is taken as pages are used, not up front.
CACHE_KIB = 64 * 1024
# _update_set's statement (schema names filled in; every value comes from the temporary table)
_SET_UPDATE = "UPDATE {t} SET {s} FROM temp.gebied_rows AS v WHERE {t}.fid = v.fid AND coalesce({t}.{v}, 0) = v.version"
UPDATE_FROM = sqlite3.sqlite_version_info >= (3, 33, 0)  # UPDATE ... FROM (QGIS 3.22 on Ubuntu 20.04: 3.31)


def _q(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


def sql_value(field: schema.Field, value):
    """A Python value as the GeoPackage stores it (datetimes as UTC ISO text, booleans as 0/1)."""
    if value is None:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if field.type == schema.DATETIME and isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + "{:03d}Z".format(value.microsecond // 1000)
    if field.type == schema.BOOLEAN:
        return 1 if value else 0
    if field.type == schema.DATETIME and isinstance(value, str) and len(value) == 20 and value.endswith("Z"):
        return value[:-1] + ".000Z"  # the GeoPackage's own form, YYYY-MM-DDTHH:MM:SS.SSSZ
    return value


class GpkgWriter:
    """``with GpkgWriter(path) as w:`` one transaction; commits at the end, rolls back on error."""

    def __init__(self, path: str):
        self.path = path
        self.conn = None
        self._srs: dict = {}
        self._touched: set = set()

    def __enter__(self) -> GpkgWriter:
        self.conn = gpkg_sqlite.connect(self.path)
        try:
            # this connection's cache, not the file's; an int from this module
            self.conn.execute("PRAGMA cache_size = -{:d}".format(CACHE_KIB))  # nosec B608
            self.conn.execute("BEGIN IMMEDIATE")
            gpkg_guards.refresh(self.conn)  # a programme made before the guards' current texts gets them
            self._srs = dict(self.conn.execute("SELECT table_name, srs_id FROM gpkg_geometry_columns"))
        except sqlite3.Error as e:
            self.conn.close()
            raise ProgrammeError(gpkg_sqlite.explain(e, self.path)) from None
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        conn, self.conn = self.conn, None
        try:
            if exc_type is None:
                try:
                    for table in sorted(self._touched):
                        conn.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                     "WHERE table_name = ?", (table,))
                    conn.execute("COMMIT")
                except sqlite3.Error as e:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise ProgrammeError(gpkg_sqlite.explain(e, self.path)) from None
            elif conn.in_transaction:
                conn.execute("ROLLBACK")
        finally:
            conn.close()

    def execute(self, statement: str, params=()):
        """Run one statement; SQLite errors become a ProgrammeError a planner can read."""
        try:
            return self.conn.execute(statement, params)
        except sqlite3.Error as e:
            raise ProgrammeError(gpkg_sqlite.explain(e, self.path)) from None

    def _assignments(self, table: schema.Table, values: dict, geometry):
        names = [n for n in values if n in table.fields_by_name]
        params = [sql_value(table.field(n), values[n]) for n in names]
        columns = [_q(n) for n in names]
        if geometry is not None and table.geometry:
            columns.append('"geom"')
            params.append(gpkg_sqlite.encode(geometry, self._srs.get(table.name, 0)))
        return columns, params

    def current(self, table_name: str, fid: int):
        """The row *fid* as a dict (None when it does not exist)."""
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        cur = self.execute("SELECT * FROM {} WHERE fid = ?".format(_q(table_name)), (fid,))  # nosec B608
        found = cur.fetchone()
        if found is None:
            return None
        return {d[0]: v for d, v in zip(cur.description, found) if d[0] != "geom"}

    def rows(self, table_name: str, names) -> dict:
        """fid -> {name: value} of every row of *table_name*: the columns *names*, read in this transaction."""
        # bandit B608: SQL text built from schema names only
        cur = self.execute("SELECT fid, {} FROM {}".format(", ".join(_q(n) for n in names), _q(table_name)))  # nosec B608
        return {found[0]: dict(zip(names, found[1:])) for found in cur}

    def insert(self, table_name: str, values: dict, geometry) -> int:
        table = schema.table(table_name)
        columns, params = self._assignments(table, values, geometry)
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        cur = self.execute("INSERT INTO {} ({}) VALUES ({})".format(  # nosec B608
            _q(table_name), ", ".join(columns), ", ".join("?" * len(columns))), params)
        self._touched.add(table_name)
        return cur.lastrowid

    def update(self, table_name: str, fid: int, version: int, values: dict, geometry) -> bool:
        table = schema.table(table_name)
        values = dict(values, **{_V: version + 1})
        columns, params = self._assignments(table, values, geometry)
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        cur = self.execute("UPDATE {} SET {} WHERE fid = ? AND coalesce({}, 0) = ?".format(  # nosec B608
            _q(table_name), ", ".join("{} = ?".format(c) for c in columns), _q(_V)), params + [fid, version])
        self._touched.add(table_name)
        return cur.rowcount == 1

    def delete(self, table_name: str, fid: int, version: int, stamp: dict) -> bool:
        """Mark the row with the negated next version (checks the version read), then delete it."""
        table = schema.table(table_name)
        values = {k: v for k, v in stamp.items() if k in ("modified_by", "modified_at")}
        values[_V] = -(version + 1)
        columns, params = self._assignments(table, values, None)
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        cur = self.execute("UPDATE {} SET {} WHERE fid = ? AND coalesce({}, 0) = ?".format(  # nosec B608
            _q(table_name), ", ".join("{} = ?".format(c) for c in columns), _q(_V)), params + [fid, version])
        if cur.rowcount != 1:
            return False
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        self.execute("DELETE FROM {} WHERE fid = ?".format(_q(table_name)), (fid,))  # nosec B608
        self._touched.add(table_name)
        return True

    # --- sets: a table's rows with their values converted and geometries encoded at once ----------
    def _set_params(self, table: schema.Table, names: list, rows: list, with_geometry: bool) -> list:
        """[values of *names*..., geometry blob] per (values, geometry) of *rows*."""
        columns = [[sql_value(table.field(n), values.get(n)) for values, _ in rows] for n in names]
        if with_geometry:
            columns.append(gpkg_sqlite.encode_many([geom for _, geom in rows], self._srs.get(table.name, 0)))
        return [list(row) for row in zip(*columns)] if columns else [[] for _ in rows]

    def versions(self, table_name: str, fids: list) -> dict:
        """fid -> row_version of the rows *fids* that exist."""
        out = {}
        fids = list(fids)
        for at in range(0, len(fids), 500):
            part = fids[at:at + 500]
            # bandit B608: SQL text built from schema names only; every value is a bound parameter
            out.update(self.execute("SELECT fid, {} FROM {} WHERE fid IN ({})".format(  # nosec B608
                _q(_V), _q(table_name), ", ".join("?" * len(part))), part))
        return out

    def insert_rows(self, table_name: str, rows: list) -> list:
        """Insert (values, geometry) rows of one table (each row sets the same fields); their fids, in order."""
        if any(values.keys() != rows[0][0].keys() for values, _ in rows):  # not one shape: row by row
            return [self.insert(table_name, values, geom) for values, geom in rows]
        table = schema.table(table_name)
        names = [n for n in rows[0][0] if n in table.fields_by_name]
        with_geometry = bool(table.geometry) and rows[0][1] is not None
        columns = [_q(n) for n in names] + (['"geom"'] if with_geometry else [])
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        statement = "INSERT INTO {} ({}) VALUES ({})".format(  # nosec B608
            _q(table_name), ", ".join(columns), ", ".join("?" * len(columns)))
        fids = []
        cur = self.conn.cursor()
        try:
            for params in self._set_params(table, names, rows, with_geometry):
                cur.execute(statement, params)
                fids.append(cur.lastrowid)
        except sqlite3.Error as e:
            raise ProgrammeError(gpkg_sqlite.explain(e, self.path)) from None
        self._touched.add(table_name)
        return fids

    def update_rows(self, table_name: str, rows: list) -> set:
        """Versioned updates of (fid, version, values, geometry) rows that set the same fields: the rows at
        the version stated, in one statement (the write lock is held: no one moves a row in between).
        The fids written; the others were refused."""
        fids = [fid for fid, _, _, _ in rows]
        if len(set(fids)) < len(fids):  # one row twice: the second is refused, as row by row
            return {fid for fid, version, values, geom in rows if self.update(table_name, fid, version, values, geom)}
        current = self.versions(table_name, fids)
        due = [row for row in rows if row[0] in current and (current[row[0]] or 0) == row[1]]
        if not due:
            return set()
        table = schema.table(table_name)
        names = [n for n in due[0][2] if n in table.fields_by_name and n != _V]
        with_geometry = bool(table.geometry) and due[0][3] is not None
        params = self._set_params(table, names, [(values, geom) for _, _, values, geom in due], with_geometry)
        for row, (fid, version, _, _) in zip(params, due):
            row += [version + 1, fid, version]
        columns = [_q(n) for n in names] + (['"geom"'] if with_geometry else []) + [_q(_V)]
        # One statement when the audit trail gets the rows in the caller's order that way (a planner's
        # save lists them by fid: edit_session); otherwise, or on a SQLite without UPDATE ... FROM, per row.
        in_fid_order = all(a[0] < b[0] for a, b in zip(due, due[1:]))
        try:
            if in_fid_order and len(due) > 1 and UPDATE_FROM:
                written = self._update_set(table_name, columns, params)
            else:
                written = self._update_each(table_name, columns, params)
        except sqlite3.Error as e:
            raise ProgrammeError(gpkg_sqlite.explain(e, self.path)) from None
        if written != len(due):
            raise ProgrammeError(tr("Saving {} failed: {}. Nothing was written.").format(
                self.path, tr("{} of {} rows updated").format(written, len(due))))
        self._touched.add(table_name)
        return {fid for fid, _, _, _ in due}

    def _update_each(self, table_name: str, columns: list, params: list) -> int:
        """One UPDATE per row (*params*: the values of *columns*, then fid and the version read); rows written."""
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        return self.conn.executemany("UPDATE {} SET {} WHERE fid = ? AND coalesce({}, 0) = ?".format(  # nosec B608
            _q(table_name), ", ".join("{} = ?".format(c) for c in columns), _q(_V)), params).rowcount

    def _update_set(self, table_name: str, columns: list, params: list) -> int:
        """The rows of _update_each in one UPDATE ... FROM a temporary table of their values; rows written.

        Why: SQLite copies each page a statement changes into the statement journal (to undo that statement
        alone) the first time that statement changes it. One UPDATE per row copied, for every row, the row's
        page and the audit_log and index pages its audit trigger appends to: about a quarter of what the audit added
        to a save of 1,000 rows (scripts/bench_save.py). SQLite updates the rows in fid order, so the audit
        trail gets them in the caller's order only when the caller lists them so (update_rows sees to it)."""
        slots = ["c{}".format(i) for i in range(len(columns))]
        # bandit B608: column names made here (c0, c1, ...)
        self.conn.execute("CREATE TEMP TABLE gebied_rows ({}, fid INTEGER PRIMARY KEY, version)".format(  # nosec B608
            ", ".join(slots)))
        try:
            # bandit B608: SQL text built from schema names only; every value is a bound parameter
            self.conn.executemany("INSERT INTO temp.gebied_rows VALUES ({})".format(  # nosec B608
                ", ".join("?" * (len(slots) + 2))), params)
            target = "main." + _q(table_name)
            sets = ", ".join("{} = v.{}".format(c, slot) for c, slot in zip(columns, slots))
            # bandit B608: SQL text built from schema names only; every value comes from the temporary table
            return self.conn.execute(_SET_UPDATE.format(t=target, v=_q(_V), s=sets)).rowcount  # nosec B608
        finally:
            self.conn.execute("DROP TABLE temp.gebied_rows")

    def delete_rows(self, table_name: str, rows: list) -> set:
        """Deletes of (fid, version, stamp, _) rows, each at the version read (row by row: they are few)."""
        return {fid for fid, version, stamp, _ in rows if self.delete(table_name, fid, version, stamp)}
