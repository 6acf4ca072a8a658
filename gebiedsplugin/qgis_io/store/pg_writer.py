"""The PostGIS side of a save: one PostgreSQL transaction, versioned writes, the planner named."""

from __future__ import annotations

import psycopg2
import shapely
from psycopg2 import sql
from psycopg2.extras import execute_values

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY, PG_TYPES
from gebiedsplugin.qgis_io.store.pg_guards import USER_SETTING
from gebiedsplugin.qgis_io.store.pg_rows import pg_value
from gebiedsplugin.toolbelt.i18n import tr

_V = schema.ROW_VERSION
LOCK_TIMEOUT = "10s"  # how long a save waits for rows another planner's save holds
PAGE = 1000  # rows per statement of a set-based write


class PgWriter:
    """``with PgWriter(store, planner) as w:`` one transaction; commits at the end, rolls back on error."""

    def __init__(self, store, planner: str):
        self.store = store
        self.planner = planner
        self.conn = None
        self.cur = None

    def __enter__(self) -> PgWriter:
        self.conn = self.store.connect()
        self.cur = self.conn.cursor()
        self.cur.execute("SELECT set_config(%s, %s, true), set_config('lock_timeout', %s, true)",
                         (USER_SETTING, self.planner or "", LOCK_TIMEOUT))
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        conn, self.conn = self.conn, None
        try:
            if exc_type is None:
                try:
                    conn.commit()
                except psycopg2.Error as e:
                    conn.rollback()
                    raise ProgrammeError(self._explain(e)) from None
            else:
                conn.rollback()
        finally:
            conn.close()

    def _explain(self, error) -> str:
        if getattr(error, "pgcode", None) == "55P03":
            return tr("Another planner is saving the same rows of {} right now. Nothing was written; save again "
                      "in a moment.").format(self.store.path)
        return tr("Saving {} failed: {}. Nothing was written.").format(self.store.path, str(error).strip())

    def execute(self, statement, params=()):
        """Run one statement; database errors become a ProgrammeError a planner can read."""
        try:
            self.cur.execute(statement, params)
        except psycopg2.Error as e:
            raise ProgrammeError(self._explain(e)) from None
        return self.cur

    def _target(self, table_name: str):
        return sql.Identifier(self.store.schema_name, table_name)

    def _assignments(self, table: schema.Table, values: dict, geometry):
        names = [n for n in values if n in table.fields_by_name]
        columns = [sql.Identifier(n) for n in names]
        slots = [sql.Placeholder()] * len(names)
        params = [pg_value(table.field(n), values[n]) for n in names]
        if geometry is not None and table.geometry:
            geom = sql.SQL("ST_GeomFromWKB({}, {})").format(sql.Placeholder(), sql.Literal(int(self.store.srid())))
            columns.append(sql.Identifier(GEOMETRY))
            slots.append(geom if table.geometry == "point" else sql.SQL("ST_Multi({})").format(geom))
            params.append(psycopg2.Binary(shapely.to_wkb(geometry, include_srid=False)))
        return columns, slots, params

    def current(self, table_name: str, fid: int):
        """The row *fid* as a dict (None when it does not exist)."""
        cur = self.execute(sql.SQL("SELECT * FROM {} WHERE {} = %s").format(
            self._target(table_name), sql.Identifier(KEY)), (fid,))
        found = cur.fetchone()
        if found is None:
            return None
        return {d[0]: v for d, v in zip(cur.description, found) if d[0] != GEOMETRY}

    def insert(self, table_name: str, values: dict, geometry) -> int:
        columns, slots, params = self._assignments(schema.table(table_name), values, geometry)
        cur = self.execute(sql.SQL("INSERT INTO {} ({}) VALUES ({}) RETURNING {}").format(
            self._target(table_name), sql.SQL(", ").join(columns), sql.SQL(", ").join(slots),
            sql.Identifier(KEY)), params)
        return cur.fetchone()[0]

    def _versioned_update(self, table_name: str, fid: int, version: int, values: dict, geometry) -> bool:
        columns, slots, params = self._assignments(schema.table(table_name), values, geometry)
        sets = sql.SQL(", ").join(sql.SQL("{} = {}").format(c, s) for c, s in zip(columns, slots))
        cur = self.execute(sql.SQL("UPDATE {} SET {} WHERE {} = %s AND coalesce({}, 0) = %s").format(
            self._target(table_name), sets, sql.Identifier(KEY), sql.Identifier(_V)), params + [fid, version])
        return cur.rowcount == 1

    def update(self, table_name: str, fid: int, version: int, values: dict, geometry) -> bool:
        return self._versioned_update(table_name, fid, version, dict(values, **{_V: version + 1}), geometry)

    def delete(self, table_name: str, fid: int, version: int, stamp: dict) -> bool:
        """Mark the row with the negated next version (checks the version read), then delete it."""
        values = {k: v for k, v in stamp.items() if k in ("modified_by", "modified_at")}
        values[_V] = -(version + 1)
        if not self._versioned_update(table_name, fid, version, values, None):
            return False
        self.execute(sql.SQL("DELETE FROM {} WHERE {} = %s").format(self._target(table_name), sql.Identifier(KEY)),
                     (fid,))
        return True

    # --- set-based writes: one statement per table and page, not a round trip per row ------------
    def _slots(self, table: schema.Table, names: list, with_geometry: bool, lead: tuple = ()) -> sql.Composed:
        """A typed VALUES row (NULLs need the column's type): *lead* integers, *names*, the geometry."""
        slots = [sql.SQL("%s::integer") for _ in lead]
        slots += [sql.SQL("%s::{}").format(sql.SQL(PG_TYPES[table.field(n).type])) for n in names]
        if with_geometry:
            geom = sql.SQL("ST_GeomFromWKB(%s::bytea, {})").format(sql.Literal(int(self.store.srid())))
            slots.append(geom if table.geometry == "point" else sql.SQL("ST_Multi({})").format(geom))
        return sql.SQL("({})").format(sql.SQL(", ").join(slots))

    def _params(self, table: schema.Table, names: list, values: dict, geometry) -> list:
        params = [pg_value(table.field(n), values.get(n)) for n in names]
        if geometry is not None:
            params.append(psycopg2.Binary(shapely.to_wkb(geometry, include_srid=False)))
        return params

    def _run_values(self, statement, template, rows: list) -> list:
        try:
            return execute_values(self.cur, statement.as_string(self.cur), rows,
                                  template=template.as_string(self.cur), page_size=PAGE, fetch=True)
        except psycopg2.Error as e:
            raise ProgrammeError(self._explain(e)) from None

    def versions(self, table_name: str, fids: list) -> dict:
        """fid -> row_version of the rows *fids* that exist."""
        cur = self.execute(sql.SQL("SELECT {}, {} FROM {} WHERE {} = ANY(%s)").format(
            sql.Identifier(KEY), sql.Identifier(_V), self._target(table_name), sql.Identifier(KEY)), (list(fids),))
        return dict(cur.fetchall())

    def insert_rows(self, table_name: str, rows: list) -> list:
        """Insert (values, geometry) rows of one table; their new fids, in order."""
        table = schema.table(table_name)
        names = [n for n in dict.fromkeys(k for values, _ in rows for k in values) if n in table.fields_by_name]
        with_geometry = bool(table.geometry) and rows[0][1] is not None
        columns = [sql.Identifier(n) for n in names] + ([sql.Identifier(GEOMETRY)] if with_geometry else [])
        statement = sql.SQL("INSERT INTO {} ({}) VALUES %s RETURNING {}").format(
            self._target(table_name), sql.SQL(", ").join(columns), sql.Identifier(KEY))
        params = [self._params(table, names, values, geom if with_geometry else None) for values, geom in rows]
        return [found[0] for found in self._run_values(statement, self._slots(table, names, with_geometry), params)]

    def _update_set(self, table_name: str, rows: list, negate: bool) -> set:
        """Versioned UPDATE of (fid, version, values, geometry) rows that set the same fields: each
        row only at the version stated, row_version bumped (negated: marked for deletion). The
        fids written; the others were refused."""
        table = schema.table(table_name)
        names = [n for n in rows[0][2] if n in table.fields_by_name and n != _V]
        with_geometry = bool(table.geometry) and rows[0][3] is not None
        new = [sql.Identifier(n) for n in names] + ([sql.Identifier(GEOMETRY)] if with_geometry else [])
        alias = [sql.Identifier("v_{}".format(k)) for k in range(len(new))]
        bump = sql.SQL("-(v.v_version + 1)" if negate else "v.v_version + 1")
        sets = [sql.SQL("{} = v.{}").format(c, a) for c, a in zip(new, alias)]
        sets.append(sql.SQL("{} = {}").format(sql.Identifier(_V), bump))
        statement = sql.SQL(
            "UPDATE {t} AS t SET {sets} FROM (VALUES %s) AS v(v_fid, v_version{cols}) "
            "WHERE t.{key} = v.v_fid AND coalesce(t.{ver}, 0) = v.v_version RETURNING t.{key}").format(
            t=self._target(table_name), sets=sql.SQL(", ").join(sets), key=sql.Identifier(KEY),
            ver=sql.Identifier(_V), cols=sql.SQL("").join(sql.SQL(", {}").format(a) for a in alias))
        template = self._slots(table, names, with_geometry, lead=("fid", "version"))
        params = [[fid, version] + self._params(table, names, values, geom if with_geometry else None)
                  for fid, version, values, geom in rows]
        return {found[0] for found in self._run_values(statement, template, params)}

    def update_rows(self, table_name: str, rows: list) -> set:
        """Versioned updates of one table as a set; the fids written."""
        return self._update_set(table_name, rows, negate=False)

    def delete_rows(self, table_name: str, rows: list) -> set:
        """Mark each row at the version read (negated next version), then delete the marked ones."""
        done = self._update_set(table_name, [(fid, version, {k: v for k, v in stamp.items()
                                                          if k in ("modified_by", "modified_at")}, None)
                                             for fid, version, stamp, _ in rows], negate=True)
        if done:
            self.execute(sql.SQL("DELETE FROM {} WHERE {} = ANY(%s)").format(
                self._target(table_name), sql.Identifier(KEY)), (sorted(done),))
        return done
