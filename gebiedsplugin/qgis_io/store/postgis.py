"""The shared store: one programme per PostgreSQL/PostGIS schema, many planners at once.

The connection is a QGIS connection name (Browser > PostgreSQL) or a connection string with a
QGIS auth config id (``authcfg=``); a connection string with a password is refused
(``pg_connection``). Credentials are looked up only in memory when a database connection opens;
layer URIs, paths and messages carry the ``authcfg`` id or the connection name, never a password.
Both stores implement ``store.protocol.ProgrammeStore``; on top of it the interventions tables carry a ``version``
column (optimistic locking, see ``pg_ddl``) and an audit trail (``audit_trail``).
"""

from __future__ import annotations

from datetime import datetime, timezone

import psycopg2
from psycopg2 import sql
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsWkbTypes,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.records import Programme
from gebiedsplugin.core.value_lists import value_list_rows
from gebiedsplugin.qgis_io.store import pg_check_tables, pg_connection, pg_migrate, pg_pool
from gebiedsplugin.qgis_io.store import pg_ddl as ddl
from gebiedsplugin.qgis_io.store import pg_rows as rows
from gebiedsplugin.qgis_io.store.pg_guards import USER_SETTING
from gebiedsplugin.qgis_io.store.schema_check import check_programme_tables
from gebiedsplugin.qgis_io.store.source_text import display_name
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.version import VERSION

_WKB_TYPES = {"point": QgsWkbTypes.Type.Point, "line": QgsWkbTypes.Type.MultiLineString,
              "polygon": QgsWkbTypes.Type.MultiPolygon, "multipolygon": QgsWkbTypes.Type.MultiPolygon}


class PostgisStore:
    """A programme in a PostgreSQL/PostGIS schema."""

    kind = "postgis"
    provider = "postgres"

    def __init__(self, connection: str, schema_name: str, user: str | None = None):
        """*connection*: a QGIS connection name or a connection string (with ``authcfg=``).

        *user* names the planner in ``modified_by`` and the audit trail (default: the database
        login); it is set per session as ``gebiedsplugin.user``.
        """
        if not ddl.valid_schema_name(schema_name):
            raise ProgrammeError(tr("A programme schema name must be lower-case letters, digits and "
                                    "underscores, not {}.").format(schema_name))
        self.connection = connection
        self.schema_name = schema_name
        self.user = user
        self._base = self._resolve(connection)
        self._realm = pg_connection.realm(self._base)  # the pool's key: no password in it
        self.path = "postgres:{}/{}".format(self._label(), schema_name)

    # --- connection --------------------------------------------------------------------------
    @staticmethod
    def _resolve(connection: str) -> QgsDataSourceUri:
        return pg_connection.resolve(connection)  # refuses a connection string with a password

    def _label(self) -> str:
        if "=" not in self.connection:
            return self.connection
        # A path is shown and stored in projects: never a password.
        return pg_connection.without_password(self._base).connectionInfo(False)

    def base_uri(self) -> QgsDataSourceUri:
        """The connection part of the layer URIs: authcfg or user, never a password."""
        return pg_connection.without_password(self._base)

    def connect(self):
        """A new psycopg2 connection (UTC, planner name set); the caller closes it. Store calls use
        session(), which keeps connections between calls (store/pg_pool.py)."""
        conn = pg_connection.connect(self._base, self._label())
        if self.user:
            with conn.cursor() as cur:
                cur.execute("SELECT set_config(%s, %s, false)", (USER_SETTING, self.user))
            conn.commit()
        return conn

    def _greet(self, conn) -> None:
        # A kept connection's first statement: proves it alive and names this store's planner.
        with conn.cursor() as cur:
            cur.execute("SELECT set_config(%s, %s, false)", (USER_SETTING, self.user or ""))

    def session(self, temp_buffers: str = ""):
        """``with store.session() as conn:`` a connection for the block alone, as connect() makes it but
        kept between calls (store/pg_pool.py); given back rolled back: commit what is to stay.

        A caller that sets temp_buffers names the value: PostgreSQL refuses to change it after a session's
        first temporary table, so a kept connection only goes to callers that set the same value.
        """
        key = self._realm + ("\ntemp_buffers=" + temp_buffers if temp_buffers else "")
        return pg_pool.borrowed(key, self.connect, self._greet)

    def _query(self, statement, params=None) -> list:
        with self.session() as conn:
            with conn.cursor() as cur:
                cur.execute(statement, params)
                result = cur.fetchall() if cur.description else []
            conn.commit()
            return result

    # --- lifecycle ---------------------------------------------------------------------------
    @classmethod
    def create(cls, connection: str, schema_name: str, crs: str = schema.DEFAULT_CRS,
               programme: Programme | None = None, overwrite: bool = False, user: str | None = None) -> PostgisStore:
        """Create a programme in schema *schema_name*, in one transaction (all or nothing)."""
        store = cls(connection, schema_name, user)
        ref = QgsCoordinateReferenceSystem(crs)
        if not ref.isValid() or not ref.postgisSrid():
            raise ProgrammeError(tr("Unknown coordinate reference system: {}").format(crs))
        if ref.isGeographic():
            raise ProgrammeError(tr("A programme needs a projected CRS in metres, not {}.").format(crs))
        srid = ref.postgisSrid()
        with store.session() as conn:
            try:
                with conn.cursor() as cur:
                    if store._schema_exists(cur):
                        if not overwrite:
                            raise ProgrammeError(tr("The schema {} already exists; choose another name or allow "
                                                    "overwriting.").format(schema_name))
                        cur.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema_name)))
                    # the check's kept tables before the rows: their triggers fill them (store/pg_check_tables.py)
                    for statement in ddl.create_programme(schema_name, srid) + pg_check_tables.statements(schema_name):
                        cur.execute(statement)
                    _write_bookkeeping(cur, schema_name, crs, programme)
                    if programme is not None:
                        rows.write_programme(cur, schema_name, programme, srid)
                    for statement in ddl.create_checks(schema_name) + pg_check_tables.settle(schema_name):
                        cur.execute(statement)
                conn.commit()
            except psycopg2.Error as e:
                conn.rollback()
                raise ProgrammeError(tr("Creating the programme {} failed: {}").format(
                    store.path, str(e).strip())) from None
        return store

    @classmethod
    def open(cls, connection: str, schema_name: str, user: str | None = None) -> PostgisStore:
        """Open an existing programme schema, refusing anything we cannot read."""
        store = cls(connection, schema_name, user)
        store.validate()
        return store

    def _schema_exists(self, cur) -> bool:
        cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (self.schema_name,))
        return cur.fetchone() is not None

    def validate(self) -> None:
        """Raise ProgrammeError naming the problem when the schema is not a readable programme."""
        with self.session() as conn:
            with conn.cursor() as cur:
                if not self._schema_exists(cur):
                    raise ProgrammeError(tr("The schema {} does not exist.").format(display_name(self.path)))
                cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                            (self.schema_name,))
                names = {r[0] for r in cur.fetchall()}
                if "schema_info" not in names:
                    raise ProgrammeError(tr("{} is not a programme (no schema_info table).").format(
                        display_name(self.path)))
                info = rows.key_values(cur, self.schema_name, "schema_info")
                found = pg_migrate.columns(cur, self.schema_name)
        check_programme_tables(display_name(self.path), names, info, found, pg_migrate.PG_TYPES)

    # --- access ------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        """A display name: the schema name."""
        return self.schema_name

    def uri(self, table: str) -> str:
        """Data source URI of *table* for QgsVectorLayer(uri, name, 'postgres')."""
        t = schema.table(table)
        uri = self.base_uri()
        uri.setDataSource(self.schema_name, table, ddl.GEOMETRY if t.geometry else None, "", ddl.KEY)
        if t.geometry:
            uri.setSrid(str(self._srid()))
            uri.setWkbType(_WKB_TYPES[t.geometry])
        return uri.uri(False)

    def _srid(self) -> int:
        if not hasattr(self, "_srid_cache"):
            self._srid_cache = QgsCoordinateReferenceSystem(self.crs()).postgisSrid()
        return self._srid_cache

    def crs(self) -> str:
        """The programme's CRS as an authority id."""
        crs = self.schema_info().get("crs")
        if crs:
            return crs
        found = self._query("SELECT Find_SRID(%s, 'districts', %s)", (self.schema_name, ddl.GEOMETRY))
        return "EPSG:{}".format(found[0][0])

    def _key_values(self, table_name: str) -> dict:
        return dict(self._query(sql.SQL("SELECT key, value FROM {}").format(
            sql.Identifier(self.schema_name, table_name))))

    def schema_info(self) -> dict:
        """The key/value rows of schema_info."""
        return self._key_values("schema_info")

    def settings(self) -> dict:
        """Rule parameters and other programme settings (key -> text)."""
        return self._key_values("settings")

    def write_settings(self, values: dict, versions: dict | None = None, planner: str | None = None) -> None:
        """Insert or update settings in one transaction, refusing ones changed since *versions* were read."""
        from gebiedsplugin.qgis_io.store.save import write_settings

        write_settings(self, values, versions, planner)

    def row_versions(self, table_name: str) -> dict:
        """fid -> row_version of every row of *table_name* (one light query)."""
        return self.begin_row_versions(table_name)()

    def begin_row_versions(self, table_name: str):
        """Fix now which row versions are read; the returned function reads them (in any thread).

        A repeatable-read transaction takes its snapshot here (a first statement), so a colleague's
        save that commits later is not seen by the read, however late it runs.
        """
        conn = pg_pool.take(self._realm, self.connect, self._greet)  # given back by read()
        try:
            conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
            with conn.cursor() as cur:
                cur.execute("SELECT 1")
        except BaseException:
            pg_pool.give_back(conn)
            raise
        statement = sql.SQL("SELECT {}, coalesce(row_version, 0) FROM {}").format(
            sql.Identifier(ddl.KEY), sql.Identifier(self.schema_name, schema.table(table_name).name))

        def read() -> dict:
            try:
                out = {}
                with conn.cursor() as cur:
                    cur.execute(statement)
                    while True:  # in batches: another thread gets the GIL in between
                        rows = cur.fetchmany(5000)
                        if not rows:
                            break
                        out.update(rows)
                return out
            finally:
                pg_pool.give_back(conn)  # rolled back there
        return read

    def writer(self, planner: str):
        """One write transaction (``with store.writer(planner) as w``) for store.save.apply_changes."""
        from gebiedsplugin.qgis_io.store.pg_writer import PgWriter

        return PgWriter(self, planner)

    def value_lists(self) -> dict:
        """Value lists as stored in the programme: list -> {code: (label_en, label_nl)}."""
        out: dict = {}
        found = self._query(sql.SQL("SELECT list, code, label_en, label_nl FROM {} ORDER BY fid").format(
            sql.Identifier(self.schema_name, "value_lists")))
        for name, code, en, nl in found:
            out.setdefault(name, {})[code] = (en or code, nl or code)
        return out

    def counts(self) -> dict:
        """Row count per table."""
        parts = [sql.SQL("SELECT {}, count(*) FROM {}").format(
            sql.Literal(t.name), sql.Identifier(self.schema_name, t.name)) for t in schema.TABLES]
        return dict(self._query(sql.SQL(" UNION ALL ").join(parts)))

    def read_programme(self, feedback=None) -> Programme:
        """The whole programme as plain records, one consistent snapshot (safe in a worker thread)."""
        crs = self.crs()
        with self.session() as conn:
            return rows.read_programme(conn, self.schema_name, crs)

    def append_programme(self, programme: Programme) -> None:
        """Append the records of *programme* in one transaction (all or nothing)."""
        srid = self._srid()
        with self.session() as conn:  # an error leaves it uncommitted: rolled back when given back
            with conn.cursor() as cur:
                rows.write_programme(cur, self.schema_name, programme, srid)
            conn.commit()

    # --- store-neutral services (the same names on GpkgStore) ----------------------------------
    def srid(self) -> int:
        """The PostGIS SRID of the programme's geometries."""
        return self._srid()

    def read_table(self, table_name: str) -> tuple:
        """(rows as dicts, shapely geometries or None, fids) of one table (safe in a worker thread)."""
        with self.session() as conn:
            with conn.cursor() as cur:
                found = rows.read_table(cur, self.schema_name, table_name)
            conn.commit()
            return found

    def read_keyed(self, table_name: str, keys, column: str | None = None) -> tuple:
        """read_table() of only the rows whose key (or *column*; as text, NULL as "") is in *keys*."""
        table = schema.table(table_name)
        column = column or table.key
        if column not in table.field_names:
            raise ValueError(column)  # a name from the schema only
        with self.session() as conn:
            with conn.cursor() as cur:
                found = rows.read_table(cur, self.schema_name, table_name, (column, keys))
            conn.commit()
            return found

    def findings_register(self):
        """The findings register of this programme (rows, merge, decide)."""
        from gebiedsplugin.qgis_io.store.findings import FindingsRegister

        return FindingsRegister(self)

    def foreign_crs_tables(self, crs: str) -> dict:
        """Nothing: every geometry column of a programme schema is typed with the programme's SRID."""
        return {}

    def check_writable(self) -> None:
        """ProgrammeError when this login may not change the interventions."""
        found = self._query("SELECT has_table_privilege(format('%%I.%%I', %s, %s), 'INSERT, UPDATE')",
                            (self.schema_name, "interventions_point"))
        if not found or not found[0][0]:
            raise ProgrammeError(tr("The programme {} is read-only; nothing was imported.").format(self.name))

    def apply_import(self, target: str, plan) -> None:
        """Write the added and updated rows of an ImportPlan in one transaction."""
        from gebiedsplugin.qgis_io.store.import_write import apply_import

        apply_import(self, target, plan)

    def folder(self) -> str:
        """Where files derived from the programme (CSV, reports) are offered by default."""
        from pathlib import Path

        return str(Path.home())

    # --- shared editing ----------------------------------------------------------------------
    def audit_trail(self, uid: str | None = None, table: str | None = None) -> list:
        """Recorded inserts, updates and deletes (of row *uid* / *table* when given), oldest first."""
        from gebiedsplugin.qgis_io.store.audit import pg_trail

        return pg_trail(self, uid, table)


def programme_schemas(connection: str) -> list:
    """The schemas of *connection* that hold a programme (a schema_info table), sorted.

    Connects as every store access does (pg_connection.connect): a server that cannot be reached or
    a login that fails or is cancelled is a ProgrammeError saying so.
    """
    base = pg_connection.resolve(connection)
    label = connection if "=" not in connection else pg_connection.without_password(base).connectionInfo(False)

    def greet(conn) -> None:
        conn.cursor().execute("SELECT 1")

    with pg_pool.borrowed(pg_connection.realm(base), lambda: pg_connection.connect(base, label), greet) as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT DISTINCT table_schema FROM information_schema.tables "
                        "WHERE table_name = 'schema_info' ORDER BY 1")
            return [row[0] for row in cur.fetchall()]


def _write_bookkeeping(cur, schema_name: str, crs: str, programme: Programme | None) -> None:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    info = [{"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
            {"key": "created_at", "value": now},
            {"key": "created_with", "value": "gebiedsplugin " + VERSION},
            {"key": "crs", "value": crs}]
    values = [{"list": name, "code": code, "label_en": en, "label_nl": nl}
              for name, code, en, nl in value_list_rows()]
    settings = dict(schema.DEFAULT_SETTINGS)
    if programme is not None:
        settings.update(programme.settings)
    rows.insert_rows(cur, schema_name, "schema_info", info)
    rows.insert_rows(cur, schema_name, "value_lists", values)
    rows.insert_rows(cur, schema_name, "settings", [{"key": k, "value": str(v)} for k, v in settings.items()])
