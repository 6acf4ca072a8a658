"""The PostGIS side of a save: one PostgreSQL transaction, versioned writes, the planner named."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import numpy as np
import psycopg2
import shapely
from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY, PG_TYPES
from gebiedsplugin.qgis_io.store.pg_guards import USER_SETTING
from gebiedsplugin.qgis_io.store.pg_rows import pg_value
from gebiedsplugin.qgis_io.store.source_text import display_name
from gebiedsplugin.toolbelt.i18n import tr

_V = schema.ROW_VERSION
LOCK_TIMEOUT = "10s"  # how long a save waits for rows another planner's save holds
# For this transaction only: a set of 33,000 rows and the audit's old and new images (~25 MB each) are
# sorted and joined in memory, not in temporary files; the statements of a save are planned fresh
# each time, so JIT compiling them (~150 ms on a large audit) never pays; an audit row of an
# intervention (old and new image, ~3 kB) is compressed with lz4 where the server has it, not pglz
# (the same values, stored; a third of the audit's time for a save of 1,000 interventions).
SET_MEMORY = "64MB"
_SETTINGS = ("SELECT set_config(%s, %s, true), set_config('lock_timeout', %s, true), "
             "set_config('jit', 'off', true), set_config('work_mem', %s, true), "
             "set_config('temp_buffers', %s, true), set_config(name, CASE WHEN 'lz4' = ANY(enumvals) "
             "THEN 'lz4' ELSE setting END, true) FROM pg_settings WHERE name = 'default_toast_compression'")
# A temporary table's column for an integer field reads any number, as ``%s::integer`` did (2025.0 -> 2025)
_COPY_TYPES = {schema.INTEGER: "numeric"}
_SPECIAL = "\\\t\n\r"  # what COPY's text format escapes
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class PgWriter:
    """``with PgWriter(store, planner) as w:`` one transaction; commits at the end, rolls back on error."""

    def __init__(self, store, planner: str):
        self.store = store
        self.planner = planner
        self.conn = None
        self.cur = None
        self._session = None
        self.sets = 0  # temporary tables loaded in this transaction

    def __enter__(self) -> PgWriter:
        self._session = self.store.session(SET_MEMORY)  # temp_buffers: see PostgisStore.session
        self.conn = self._session.__enter__()
        try:
            self.cur = self.conn.cursor()
            self.cur.execute(_SETTINGS, (USER_SETTING, self.planner or "", LOCK_TIMEOUT, SET_MEMORY, SET_MEMORY))
        except BaseException:
            self.conn = None
            self._session.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        conn, self.conn = self.conn, None
        session, self._session = self._session, None
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
            session.__exit__(None, None, None)  # the connection goes back to the pool (store/pg_pool.py)

    def _explain(self, error) -> str:
        if getattr(error, "pgcode", None) == "55P03":
            return tr("Another planner is saving the same rows of {} right now. Nothing was written; save again "
                      "in a moment.").format(display_name(self.store.path))
        return tr("Saving {} failed: {}. Nothing was written.").format(display_name(self.store.path),
                                                                      str(error).strip())

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

    def rows(self, table_name: str, names) -> dict:
        """fid -> {name: value} of every row of *table_name*: the columns *names*, read in this transaction."""
        cur = self.execute(sql.SQL("SELECT {}, {} FROM {}").format(sql.Identifier(KEY), sql.SQL(", ").join(
            sql.Identifier(n) for n in names), self._target(table_name)))
        return {found[0]: dict(zip(names, found[1:])) for found in cur.fetchall()}

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

    # --- set-based writes: the rows go to the server in one COPY, then one statement per set -------
    def _load(self, table: schema.Table, lead: list, names: list, columns: list, geometries: list) -> sql.Identifier:
        """COPY a set into a new temporary table of this transaction; its name. Columns l_0.. hold the
        *lead* integer columns, v_0.. the values of *names* (one list per name), g the geometries.

        The columns are typed as the table's, so the server reads each value as it read a
        statement's typed parameter (an integer column reads 2025.0 as 2025, as ``%s::integer`` did).
        """
        types = [sql.SQL("{} integer").format(sql.Identifier("l_{}".format(k))) for k in range(len(lead))]
        types += [sql.SQL("{} {}").format(sql.Identifier("v_{}".format(k)), sql.SQL(_COPY_TYPES.get(
            table.field(n).type, PG_TYPES[table.field(n).type]))) for k, n in enumerate(names)]
        types.append(sql.SQL("g geometry"))
        self.sets += 1
        name = sql.Identifier("gp_set_{}".format(self.sets))
        self.execute(sql.SQL("CREATE TEMPORARY TABLE {} ({}) ON COMMIT DROP").format(name, sql.SQL(", ").join(types)))
        wkb = shapely.to_wkb(np.asarray(geometries, dtype=object), hex=True, include_srid=False)
        fields = [[str(v) for v in column] for column in lead]
        fields += [_copy_column(table.field(n).type, column) for n, column in zip(names, columns)]
        fields.append(["\\N" if g is None else g for g in wkb.tolist()])
        text = "".join(line + "\n" for line in map("\t".join, zip(*fields)))
        try:
            self.cur.copy_expert(sql.SQL("COPY {} FROM STDIN").format(name).as_string(self.cur), io.StringIO(text))
        except psycopg2.Error as e:
            raise ProgrammeError(self._explain(e)) from None
        return name

    def _loaded(self, table: schema.Table, names: list, with_geometry: bool) -> list:
        """The SELECT list of a loaded set's values for *names* (and the geometry), as the table stores them."""
        out = [sql.SQL("v.{}::{}").format(sql.Identifier("v_{}".format(k)), sql.SQL(PG_TYPES[table.field(n).type]))
               for k, n in enumerate(names)]
        if with_geometry:
            geom = sql.SQL("ST_SetSRID(v.g, {})").format(sql.Literal(int(self.store.srid())))
            out.append(geom if table.geometry == "point" else sql.SQL("ST_Multi({})").format(geom))
        return out

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
        loaded = self._load(table, [range(len(rows))], names, [[values.get(n) for values, _ in rows] for n in names],
                            [geom if with_geometry else None for _, geom in rows])
        columns = [sql.Identifier(n) for n in names] + ([sql.Identifier(GEOMETRY)] if with_geometry else [])
        # RETURNING gives the rows in the order the SELECT feeds them (as it did for a VALUES list)
        cur = self.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} AS v ORDER BY v.l_0 RETURNING {}").format(
            self._target(table_name), sql.SQL(", ").join(columns),
            sql.SQL(", ").join(self._loaded(table, names, with_geometry)), loaded, sql.Identifier(KEY)))
        return [found[0] for found in cur.fetchall()]

    def _update_set(self, table_name: str, rows: list, negate: bool) -> set:
        """Versioned UPDATE of (fid, version, values, geometry) rows that set the same fields: each
        row only at the version stated, row_version bumped (negated: marked for deletion). The
        fids written; the others were refused."""
        table = schema.table(table_name)
        names = [n for n in rows[0][2] if n in table.fields_by_name and n != _V]
        with_geometry = bool(table.geometry) and rows[0][3] is not None
        loaded = self._load(table, [[row[0] for row in rows], [row[1] for row in rows]], names,
                            [[row[2].get(n) for row in rows] for n in names],
                            [row[3] if with_geometry else None for row in rows])
        new = [sql.Identifier(n) for n in names] + ([sql.Identifier(GEOMETRY)] if with_geometry else [])
        sets = [sql.SQL("{} = {}").format(c, value) for c, value in zip(new, self._loaded(table, names, with_geometry))]
        sets.append(sql.SQL("{} = {}").format(sql.Identifier(_V), sql.SQL("-(v.l_1 + 1)" if negate else "v.l_1 + 1")))
        cur = self.execute(sql.SQL(
            "UPDATE {t} AS t SET {sets} FROM {loaded} AS v "
            "WHERE t.{key} = v.l_0 AND coalesce(t.{ver}, 0) = v.l_1 RETURNING t.{key}").format(
            t=self._target(table_name), sets=sql.SQL(", ").join(sets), loaded=loaded, key=sql.Identifier(KEY),
            ver=sql.Identifier(_V)))
        return {found[0] for found in cur.fetchall()}

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


def _copy_column(kind: str, values: list) -> list:
    """A column of values as fields of COPY's text format (\\N for NULL), read by the server as the
    typed parameters they were before (pg_rows.pg_value): booleans, naive datetimes as UTC, numpy scalars."""
    if kind == schema.BOOLEAN:
        return ["\\N" if v is None else "true" if v else "false" for v in values]
    texts = [v if type(v) is str else None if v is None else _text(kind, v) for v in values]
    found = "".join(t for t in texts if t)
    if any(c in found for c in _SPECIAL):  # rare: escape value by value only then
        texts = [t.translate(_ESCAPES) if t else t for t in texts]
    return ["\\N" if t is None else t for t in texts]


def _text(kind: str, value) -> str:
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return str(int(value)) if kind in (schema.INTEGER, schema.REAL) else "true" if value else "false"
    if isinstance(value, datetime) and kind == schema.DATETIME:
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).isoformat()
    return str(value)
