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
from gebiedsplugin.qgis_io.store import gpkg_sqlite

_V = schema.ROW_VERSION


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
            self.conn.execute("BEGIN IMMEDIATE")
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
