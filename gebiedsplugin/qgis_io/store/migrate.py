"""Schema migrations of a programme, the same on both stores.

``schema_info.schema_version`` says which version a programme has. Upgrading runs the forward-only
steps ``found + 1 .. SCHEMA_VERSION`` of the store's backend (``gpkg_migrate.STEPS``,
``pg_migrate.STEPS``: one per version, each idempotent) and then records ``schema_version``,
``migrated_at`` and ``migrated_from`` in schema_info, all in ONE transaction, after a backup copy:

- GeoPackage: ``VACUUM INTO`` a sibling file ``<name>_v<old>_backup_<yyyymmddhhmmss>.gpkg``, made
  while the upgrade holds the write lock (so it is exactly what was upgraded);
- PostGIS: a schema ``<schema>_v<old>_backup_<yyyymmddhhmm>`` with a copy of every table (rows,
  columns, indexes), made in the upgrade's own transaction.

A failed upgrade changes nothing and leaves no backup. Opening a programme of an older version
raises ``schema_check.NeedsUpgrade``; the GUI asks once (``plan`` names the backup) and calls
``upgrade``; Processing refuses with that message or runs ``gebiedsplugin:upgrade_programme``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.open import unopened_store
from gebiedsplugin.qgis_io.store.source_text import display_name
from gebiedsplugin.toolbelt.i18n import tr


@dataclass
class Plan:
    """What an upgrade of *source* would do: from which version to which, and where the backup goes."""

    source: str
    label: str
    found: int
    target: int
    backup: str | None

    @property
    def needed(self) -> bool:
        return self.found < self.target


def _backend(store):
    if store.kind == "postgis":
        from gebiedsplugin.qgis_io.store import pg_migrate

        return pg_migrate
    from gebiedsplugin.qgis_io.store import gpkg_migrate

    return gpkg_migrate


def plan(source: str, backup: bool = True, user: str | None = None) -> Plan:
    """The Plan for *source* (a path or postgres:<connection>/<schema>); ProgrammeError when unreadable."""
    from gebiedsplugin.qgis_io.store.schema_check import NeedsUpgrade

    store = unopened_store(str(source), user)
    try:
        store.validate()
    except NeedsUpgrade as e:
        found = e.found
    else:
        found = schema.SCHEMA_VERSION
    where = None
    if backup and found < schema.SCHEMA_VERSION:
        if store.kind == "postgis":
            from gebiedsplugin.qgis_io.store.pg_migrate import backup_name

            where = backup_name(store.schema_name, found)
        else:
            from gebiedsplugin.qgis_io.store.gpkg_migrate import backup_path

            where = str(backup_path(store.path, found))
    label = display_name(store.path) if store.kind == "postgis" else store.path  # a file: its whole path
    return Plan(str(source), label, found, schema.SCHEMA_VERSION, where)


def run_steps(backend, found: int, handle, info: dict) -> None:
    """Every step after *found*, in order, then the version bump (inside the caller's transaction)."""
    for version in range(found + 1, schema.SCHEMA_VERSION + 1):
        step = backend.STEPS.get(version)
        if step is None:
            raise ProgrammeError(tr("There is no upgrade to schema version {}.").format(version))
        step(handle, info)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    backend.set_info(handle, "schema_version", str(schema.SCHEMA_VERSION))
    backend.set_info(handle, "migrated_at", now)
    backend.set_info(handle, "migrated_from", str(found))


def upgrade(source_or_plan, backup: bool = True, user: str | None = None, **watch) -> dict:
    """Upgrade a programme in place to the current schema version; a no-op when it is current (a PostGIS
    one still gets the check's kept tables when it lacks them: pg_migrate.upgrade).

    *source_or_plan*: a Plan (its backup name is used) or a source text. Returns {'from', 'to',
    'backup', 'seconds'}. ProgrammeError (nothing changed) when it cannot. *watch*: ``cancelled`` and
    ``progress`` callables (Cancelled, nothing changed, as soon as ``cancelled()`` says so).
    """
    p = source_or_plan if isinstance(source_or_plan, Plan) else plan(source_or_plan, backup, user)
    store = unopened_store(p.source, user)
    backend = _backend(store)
    started = time.perf_counter()
    target = store if store.kind == "postgis" else store.path
    result = backend.upgrade(target, p.backup if backup else None,
                             lambda found, handle, info: run_steps(backend, found, handle, info),
                             **watch)
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


def describe(p: Plan) -> str:
    """The confirmation question for an upgrade: file or schema, versions, backup."""
    text = tr("{} has schema version {}; this version of the plugin uses version {}. Upgrade it in place "
              "now? Colleagues with an older plugin can no longer open it afterwards.").format(
        p.label, p.found, p.target)
    if p.backup:
        text += " " + tr("A backup copy is made first: {}").format(p.backup)
    return text
