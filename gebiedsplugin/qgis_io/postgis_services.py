"""What the check and the import write into a PostGIS programme: the findings register and import plans.

The counterparts of ``findings_store.FindingsRegister`` (GeoPackage) and ``gpkg_upsert.apply_plan``,
reached through ``PostgisStore.findings_register()`` and ``PostgisStore.apply_import()``. Every write
is one transaction (all or nothing); SQL only with quoted identifiers and parameters. Safe in a
worker thread: each call opens its own connection and touches no QGIS layer.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Optional

import psycopg2
import shapely
from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.findings import MergePlan, Scope, plan_merge
from gebiedsplugin.qgis_io import postgis_rows as rows
from gebiedsplugin.qgis_io.postgis_ddl import GEOMETRY, KEY
from gebiedsplugin.toolbelt.i18n import tr

TABLE = "findings"


def _text(value):
    """Timestamps as the GeoPackage register shows them (UTC, ISO 8601)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value


def _geometry_sql(table: schema.Table, srid: int) -> sql.Composed:
    geom = sql.SQL("ST_GeomFromWKB({}, {})").format(sql.Placeholder(), sql.Literal(int(srid)))
    return geom if table.geometry == "point" else sql.SQL("ST_Multi({})").format(geom)


def update_row(cur, schema_name: str, table: schema.Table, fid: int, changes: dict, geometry=None,
               srid: int = 0) -> int:
    """UPDATE one row by fid (the version column is left alone: the row guard accepts it)."""
    names = [n for n in changes if n in table.field_names]
    items = [sql.SQL("{} = {}").format(sql.Identifier(n), sql.Placeholder()) for n in names]
    params = [rows.pg_value(table.field(n), changes[n]) for n in names]
    if geometry is not None and table.geometry:
        items.append(sql.SQL("{} = {}").format(sql.Identifier(GEOMETRY), _geometry_sql(table, srid)))
        params.append(psycopg2.Binary(shapely.to_wkb(geometry, include_srid=False)))
    if not items:
        return 0
    cur.execute(sql.SQL("UPDATE {} SET {} WHERE {} = %s").format(
        sql.Identifier(schema_name, table.name), sql.SQL(", ").join(items), sql.Identifier(KEY)),
        params + [fid])
    return cur.rowcount


class PostgisFindingsRegister:
    """The findings table of a PostGIS programme; the interface of ``FindingsRegister``."""

    def __init__(self, store):
        self.store = store
        self.path = store.path

    def rows(self) -> list:
        """Every stored finding as a dict (with ``fid``), without geometry."""
        conn = self.store.connect()
        try:
            with conn.cursor() as cur:
                found, _, fids = rows.read_table(cur, self.store.schema_name, TABLE)
            conn.commit()
        finally:
            conn.close()
        out = []
        for row, fid in zip(found, fids):
            row = {k: _text(v) for k, v in row.items()}
            row["fid"] = fid
            out.append(row)
        return out

    def by_id(self) -> dict:
        """finding_id -> stored row."""
        return {r["finding_id"]: r for r in self.rows()}

    def merge(self, findings: Iterable, scope: Optional[Scope] = None, lang: str = "en",
              now: Optional[str] = None) -> MergePlan:
        """Merge the findings of a run over *scope* into the register in one transaction."""
        from gebiedsplugin.qgis_io.findings_store import now_text, polygonal

        plan = plan_merge(self.by_id(), findings, scope or Scope(), now or now_text(), lang)
        table = schema.table(TABLE)
        srid = self.store.srid()
        self._write(lambda cur: (
            rows.insert_rows(cur, self.store.schema_name, TABLE, [r for r, _ in plan.inserts],
                             [polygonal(g) for _, g in plan.inserts], None, srid),
            [update_row(cur, self.store.schema_name, table, fid, changes, polygonal(geom), srid)
             for fid, changes, geom in plan.updates]))
        return plan

    def decide(self, finding_ids: Iterable[str], status: str, note: Optional[str], user: Optional[str] = None,
               now: Optional[str] = None) -> int:
        """Record a planner's decision on findings; the number changed (ProgrammeError on a bad status)."""
        from gebiedsplugin.qgis_io.findings_store import decision_changes

        changes = decision_changes(status, note, user, now)
        wanted = sorted(set(finding_ids))
        if not wanted:
            return 0
        names = list(changes)
        statement = sql.SQL("UPDATE {} SET {} WHERE finding_id = ANY(%s)").format(
            sql.Identifier(self.store.schema_name, TABLE),
            sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(n)) for n in names))
        counted = []
        self._write(lambda cur: (cur.execute(statement, [changes[n] for n in names] + [wanted]),
                                 counted.append(cur.rowcount)))
        return counted[0]

    def _write(self, work) -> None:
        conn = self.store.connect()
        try:
            with conn.cursor() as cur:
                work(cur)
            conn.commit()
        except psycopg2.Error as e:
            conn.rollback()
            raise ProgrammeError(tr("Writing the findings failed: {}").format(str(e).strip())) from None
        except BaseException:
            conn.rollback()
            raise
        finally:
            conn.close()


def apply_import(store, target: str, plan) -> None:
    """Write the added and updated rows of an ImportPlan in one transaction; nothing on any error."""
    from gebiedsplugin.qgis_io.gpkg_upsert import _audit

    srid = store.srid()
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            for row in plan.updated:
                table = schema.table(row.table)
                if row.old_table:  # geometry kind changed: move the row to its new table
                    old_rows, _, old_fids = rows.read_table(cur, store.schema_name, row.old_table)
                    kept = next((r for r, f in zip(old_rows, old_fids) if f == row.fid), {})
                    kept = {k: v for k, v in kept.items() if k in table.field_names}
                    cur.execute(sql.SQL("DELETE FROM {} WHERE {} = %s").format(
                        sql.Identifier(store.schema_name, row.old_table), sql.Identifier(KEY)), (row.fid,))
                    rows.insert_rows(cur, store.schema_name, row.table,
                                     [_audit(table, dict(kept, **row.attrs), False)], [row.geometry], None, srid)
                elif not update_row(cur, store.schema_name, table, row.fid, _audit(table, row.attrs, False),
                                    row.geometry, srid):
                    raise ProgrammeError(tr("Feature {} of {} vanished during the import.").format(
                        row.fid, table.name))
            by_table: dict = {}
            for row in plan.added:
                by_table.setdefault(row.table, []).append(row)
            for name, added in by_table.items():
                table = schema.table(name)
                geoms = [r.geometry for r in added] if table.geometry else None
                rows.insert_rows(cur, store.schema_name, name, [_audit(table, r.attrs, True) for r in added],
                                 geoms, None, srid)
        conn.commit()
    except psycopg2.Error as e:
        conn.rollback()
        raise ProgrammeError(tr("Writing the import failed ({}); nothing was imported.").format(
            str(e).strip())) from None
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
