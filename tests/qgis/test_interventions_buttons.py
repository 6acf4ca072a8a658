"""The Interventions dock's buttons are enabled only when they apply: the selection's with a
selection, undo and redo with something to undo or redo, save and discard with unsaved edits."""

from __future__ import annotations

import sqlite3

from qgis.PyQt.QtWidgets import QApplication

from tests.qgis import interventions_fixtures as fx
from tests.qgis.test_interventions_edit import select

clean_settings, stocked_dock = fx.clean_settings, fx.stocked_dock

SELECTION = ("edit", "edit_geometry", "copy", "delete", "history")
BUFFER = ("undo", "redo", "save", "discard")


def enabled(dock) -> dict:
    QApplication.processEvents()  # the buttons follow the edit buffer once per turn of the event loop
    return {key: action.isEnabled() for key, action in dock.bars.actions.items()}


def test_buttons_follow_the_selection_and_the_edit_buffer(stocked_dock):
    dock = stocked_dock
    path = dock.controller.store.path
    state = enabled(dock)
    assert not any(state[k] for k in SELECTION + BUFFER), state
    assert state["programme_history"] and state["draw_point"] and state["export_csv"] and state["open"]

    select(dock, "Bench")
    assert all(enabled(dock)[k] for k in SELECTION)
    dock.view.clearSelection()
    assert not any(enabled(dock)[k] for k in SELECTION)
    # Selected on the map: the list follows, and so do the buttons.
    layer = dock.controller.layer("interventions_point")
    bench = next(f.id() for f in layer.getFeatures() if f["title"] == "Bench")
    layer.selectByIds([bench])
    assert all(enabled(dock)[k] for k in SELECTION)
    layer.removeSelection()
    assert not any(enabled(dock)[k] for k in SELECTION)

    # An edit: undo, save and discard apply; redo not yet.
    layer.startEditing()
    assert not any(enabled(dock)[k] for k in BUFFER)  # editing, nothing changed yet
    assert layer.changeAttributeValue(bench, layer.fields().indexOf("title"), "Bench (new)")
    dock.watcher.flush()
    state = enabled(dock)
    assert state["undo"] and state["save"] and state["discard"] and not state["redo"], state
    steps = layer.undoStack().index()  # the title and the on-update defaults (modified_at, …)
    for _ in range(steps):
        dock.bars.actions["undo"].trigger()
    state = enabled(dock)
    assert state["redo"] and not state["undo"] and not state["save"] and not state["discard"], state
    for _ in range(steps):
        dock.bars.actions["redo"].trigger()
    state = enabled(dock)
    assert state["undo"] and state["save"] and not state["redo"], state
    dock.bars.actions["save"].trigger()  # a disabled action would not save: the file says it did
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT title FROM interventions_point WHERE fid = ?", (bench,)).fetchone() == (
            "Bench (new)",)
    finally:
        conn.close()
    assert not any(enabled(dock)[k] for k in BUFFER)
