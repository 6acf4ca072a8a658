"""Writing an ImportPlan into either store: one save, versioned and audited like a planner's edit.

An updated row states the version it had when the plan was made, so a colleague's change made
while the import dialog was open is refused, not overwritten. A row whose geometry kind changed
moves: deleted from its old table and inserted, with its other values, into the new one.
"""

from __future__ import annotations

from gebiedsplugin.core.row_changes import DELETE, INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store.save import save


def plan_changes(store, plan) -> list:
    """The RowChanges that write *plan* (added and updated rows)."""
    changes = []
    tables: dict = {}  # old table -> {fid: row}, read once per table
    for row in plan.updated:
        if not row.old_table:
            changes.append(RowChange(row.table, UPDATE, row.fid, row.version, dict(row.attrs), row.geometry))
            continue
        if row.old_table not in tables:
            found, _, fids = store.read_table(row.old_table)
            tables[row.old_table] = dict(zip(fids, found))
        kept = dict(tables[row.old_table].get(row.fid, {}))
        changes.append(RowChange(row.old_table, DELETE, row.fid, row.version))
        changes.append(RowChange(row.table, INSERT, values=dict(kept, **row.attrs), geometry=row.geometry))
    for row in plan.added:
        changes.append(RowChange(row.table, INSERT, values=dict(row.attrs), geometry=row.geometry))
    return changes


def apply_import(store, target: str, plan) -> None:
    """Write the added and updated rows of *plan* in one transaction; nothing on any error."""
    save(store, plan_changes(store, plan))
