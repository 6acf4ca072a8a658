"""What every programme store implements: ``GpkgStore`` (store/gpkg.py) and ``PostgisStore`` (store/postgis.py).

Callers (loader, edit session, import, check, export, migrations) hold a ``ProgrammeStore`` and never
ask which backend it is, except through ``kind`` where a backend-specific module takes over
(``store/migrate.py`` picks ``gpkg_migrate`` or ``pg_migrate``). The rules of a save (optimistic
locking, who and when, all or nothing) are written once in ``store/save.py`` on top of
``writer()``; the audit trail is read by ``store/audit.py``; the findings register writes through
the same save.

Constructors: ``open`` and ``create`` are classmethods of both stores, each taking its backend's
location first (a GeoPackage *path*; a PostGIS *connection* and *schema_name*), then the same
options. From one text (a path or ``postgres:<connection>/<schema>``) ``store/open.py`` gives
either: ``open_store``, ``create_store``, ``unopened_store``.

``tests/qgis/test_store_protocol.py`` checks that both classes implement every member below with
the same signature, and that neither grows a public name the protocol does not list (except the
few backend-only members it names), so the two cannot drift.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from gebiedsplugin.core.records import Programme


@runtime_checkable
class ProgrammeStore(Protocol):
    """One programme in one backend: open, read, save in one transaction, lock, audit, migrate."""

    kind: str  # "gpkg" or "postgis": picks the backend's migration steps
    provider: str  # the QGIS data provider of its layers ("ogr", "postgres")
    path: str  # the text that names the programme (a path or postgres:<connection>/<schema>), no password

    @property
    def name(self) -> str:
        """A display name (file name without extension, or the schema name)."""

    # --- opening ---------------------------------------------------------------------------------
    def validate(self) -> None:
        """ProgrammeError naming the problem when this is not a programme this plugin reads
        (``schema_check.NeedsUpgrade`` for an older one that is otherwise sound)."""

    # --- reading ---------------------------------------------------------------------------------
    def uri(self, table: str) -> str:
        """The data source URI of *table* for ``QgsVectorLayer(uri, name, provider)``."""

    def crs(self) -> str:
        """The programme's CRS as an authority id."""

    def schema_info(self) -> dict:
        """The key/value rows of schema_info."""

    def settings(self) -> dict:
        """Rule parameters and other programme settings (key -> text)."""

    def value_lists(self) -> dict:
        """list -> {code: (label_en, label_nl)} as stored in the programme."""

    def counts(self) -> dict:
        """Row count per table."""

    def read_programme(self, feedback=None) -> Programme:
        """The whole programme as plain records (safe in a worker thread)."""

    def read_table(self, table_name: str) -> tuple:
        """(rows as dicts, shapely geometries or None, fids) of one table (safe in a worker thread)."""

    def read_keyed(self, table_name: str, keys, column: str | None = None) -> tuple:
        """read_table() of only the rows whose key (or *column*) is in *keys*, in fid order (a check-in
        reads only the rows that can have changed)."""

    def row_versions(self, table_name: str) -> dict:
        """fid -> row_version of every row of *table_name* (what an edit session has read)."""

    def begin_row_versions(self, table_name: str):
        """row_versions as they are now, read later: a function, safe to call in a worker thread."""

    def foreign_crs_tables(self, crs: str) -> dict:
        """table -> authority id of spatial tables stored in another CRS than *crs*."""

    def folder(self) -> str:
        """Where files derived from the programme (CSV, reports) are offered by default."""

    # --- writing: one transaction each, versioned and audited --------------------------------------
    def writer(self, planner: str):
        """One write transaction (``with store.writer(planner) as w``) for ``store/save.py``."""

    def write_settings(self, values: dict, versions: dict | None = None, planner: str | None = None) -> None:
        """Insert or update settings, refusing ones changed since *versions* were read."""

    def append_programme(self, programme: Programme) -> None:
        """Append the records of *programme* (all or nothing)."""

    def apply_import(self, target: str, plan) -> None:
        """Write the added and updated rows of an ImportPlan."""

    def check_writable(self) -> None:
        """ProgrammeError when the programme cannot be written."""

    def findings_register(self):
        """The findings register of this programme (``store/findings.py``)."""

    def audit_trail(self, uid: str | None = None, table: str | None = None) -> list:
        """Recorded inserts, updates and deletes (of row *uid* / *table* when given), oldest first."""


# Public members only one backend has, used by that backend's own modules (pg_writer, audit, pg_migrate,
# transfer) and its tests. Anything else public on a store belongs in ProgrammeStore.
BACKEND_ONLY = {
    "gpkg": frozenset(),
    "postgis": frozenset({"connection", "schema_name", "user", "base_uri", "connect", "session", "srid"}),
}
# Location parameters that open() and create() take first, before the options both share.
LOCATION = {"gpkg": ("path",), "postgis": ("connection", "schema_name")}
