"""Planners' QGIS sessions for the shared-programme tests: each a project of its own with the
programme loaded as the plugin loads it (controller, layers, edit session) and an interventions dock."""

from __future__ import annotations

import json
import sqlite3

from psycopg2 import sql
from qgis.core import QgsExpressionContextUtils, QgsProject

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.interventions_dock import InterventionsDock
from gebiedsplugin.qgis_io.intervention_rows import ensure_editing
from tests.qgis.interventions_fixtures import AnsweringPrompts


class Session:
    """One planner's QGIS: a project, a controller with the programme open, an interventions dock."""

    def __init__(self, iface, source: str, planner: str, table: str = "interventions_point"):
        self.project = QgsProject()
        self.controller = ProgrammeController(self.project)
        self.controller.open(source)
        for layer in self.controller.layers.values():  # each QGIS has its own user: @user_full_name
            QgsExpressionContextUtils.setLayerVariable(layer, "user_full_name", planner)
        self.dock = InterventionsDock(iface, self.controller)
        self.dock.set_prompts(AnsweringPrompts())
        self.layer = self.controller.layer(table)

    def read(self, table: str):
        """Start editing *table*: what the planner reads now is what a later save states."""
        layer = self.controller.layer(table)
        assert ensure_editing(layer)
        return layer

    def edit(self, uid: str, field: str, value, table: str | None = None) -> None:
        layer = self.controller.layer(table) if table else self.layer
        fid = next(f.id() for f in layer.getFeatures("\"uid\" = '{}'".format(uid)))
        self.set(layer.customProperty("gebiedsplugin/table"), fid, field, value)

    def set(self, table: str, fid: int, field: str, value) -> None:
        layer = self.read(table)
        assert layer.changeAttributeValue(fid, layer.fields().indexFromName(field), value)

    def delete(self, table: str, fid: int) -> None:
        assert self.read(table).deleteFeature(fid)

    def save(self) -> bool:
        return self.dock.edits.save()

    @property
    def error(self) -> str:
        return self.dock.edits.last_error

    def close(self) -> None:
        for layer in self.controller.layers.values():
            if layer.isEditable():
                layer.rollBack()
        self.dock.cleanup()
        self.controller.disconnect_project()
        self.project.clear()


def stored_row(store, table: str, fid: int):
    """Row *fid* of *table* straight from the database (sqlite3 / psycopg2), or None."""
    if store.kind == "gpkg":
        conn = sqlite3.connect(store.path)
        try:
            cur = conn.execute('SELECT * FROM "{}" WHERE fid = ?'.format(table), (fid,))
            found = cur.fetchone()
            return None if found is None else {d[0]: v for d, v in zip(cur.description, found) if d[0] != "geom"}
        finally:
            conn.close()
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("SELECT * FROM {} WHERE fid = %s").format(
                sql.Identifier(store.schema_name, table)), (fid,))
            found = cur.fetchone()
            return None if found is None else {d[0]: v for d, v in zip(cur.description, found) if d[0] != "geom"}
    finally:
        conn.close()


def audit_rows(store, table: str) -> list:
    """(operation, changed_by, row fid, old, new) of *table*'s audit_log rows, straight from the database."""
    if store.kind == "gpkg":
        conn = sqlite3.connect(store.path)
        try:
            found = conn.execute("SELECT operation, changed_by, row_fid, old_values, new_values FROM audit_log "
                                 "WHERE table_name = ? ORDER BY id", (table,)).fetchall()
        finally:
            conn.close()
        return [(o, w, f, json.loads(a) if a else None, json.loads(b) if b else None) for o, w, f, a, b in found]
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("SELECT operation, changed_by, row_fid, old_values, new_values FROM {} "
                                "WHERE table_name = %s ORDER BY id").format(
                sql.Identifier(store.schema_name, "audit_log")), (table,))
            return [tuple(r) for r in cur.fetchall()]
    finally:
        conn.close()
