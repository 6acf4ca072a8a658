"""The interventions dock's buttons: programme, drawing, editing and the edit buffer."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtWidgets import QToolBar

from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.qt_compat import QAction


def _toolbar(name: str, parent, text_beside: bool = False) -> QToolBar:
    bar = QToolBar(parent)
    bar.setObjectName(name)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text_beside
                           else Qt.ToolButtonStyle.ToolButtonIconOnly)
    return bar


class DockToolbars:
    """Three small toolbars wired to the dock's slots; actions are found by objectName in tests."""

    def __init__(self, dock):
        self.dock = dock
        self.actions: dict = {}
        self.programme = _toolbar("programme_bar", dock, text_beside=True)
        self._add(self.programme, "open", "/mActionFileOpen.svg", tr("Open…"), tr("Open a programme"),
                  dock.open_programme, always=True)
        self._add(self.programme, "new", "/mActionFileNew.svg", tr("New…"), tr("Create a new programme"),
                  dock.new_programme, always=True)
        self._add(self.programme, "export_csv", "/mActionSaveAsSVG.svg", tr("CSV…"),
                  tr("Export the list as shown (filter, columns, order) to a CSV file"), dock.files.export_csv)
        self._add(self.programme, "funding_backlog", "/mActionOpenTable.svg", tr("Backlog…"),
                  tr("Write the interventions short of money, largest shortfall first (CSV or ODS), of the chosen "
                     "district"), dock.files.export_backlog)
        self.draw = _toolbar("draw_bar", dock, text_beside=True)
        self._add(self.draw, "draw_point", "/mActionCapturePoint.svg", tr("Point"),
                  tr("Draw a point intervention"), lambda _checked=False: dock.start_drawing("point"))
        self._add(self.draw, "draw_line", "/mActionCaptureLine.svg", tr("Line"),
                  tr("Draw a line intervention"), lambda _checked=False: dock.start_drawing("line"))
        self._add(self.draw, "draw_polygon", "/mActionCapturePolygon.svg", tr("Area", "geometry"),
                  tr("Draw an area intervention"), lambda _checked=False: dock.start_drawing("polygon"))
        self._add(self.draw, "add_for_area", "/mActionAddPolygon.svg", tr("Whole area…"),
                  tr("Add an intervention for a whole district or neighbourhood (e.g. a social action)"),
                  dock.add_for_area)
        self.edit = _toolbar("edit_bar", dock)
        self._add(self.edit, "edit", "/mActionFormView.svg", tr("Edit"),
                  tr("Edit the selected intervention in its form"), dock.edit_selected)
        self._add(self.edit, "edit_geometry", "/mActionVertexTool.svg", tr("Edit shape"),
                  tr("Change the shape of the selected intervention (vertex tool)"), dock.edit_geometry)
        self._add(self.edit, "copy", "/mActionEditCopy.svg", tr("Copy to period…"),
                  tr("Copy the selected interventions to another period"), dock.copy_selected)
        self._add(self.edit, "delete", "/mActionDeleteSelected.svg", tr("Delete"),
                  tr("Delete the selected interventions"), dock.delete_selected)
        self._add(self.edit, "history", "/mActionHistory.svg", tr("History…"),
                  tr("Show who changed the selected intervention and when"), dock.show_history)
        self._add(self.edit, "programme_history", "/mActionHistory.svg", tr("Programme history…"),
                  tr("Every change to the programme: who, when, which row and field; filter by planner and date"),
                  dock.show_programme_history)
        self.edit.addSeparator()
        self._add(self.edit, "undo", "/mActionUndo.svg", tr("Undo"), tr("Undo the last change"), dock.undo)
        self._add(self.edit, "redo", "/mActionRedo.svg", tr("Redo"), tr("Redo"), dock.redo)
        self._add(self.edit, "save", "/mActionSaveEdits.svg", tr("Save"),
                  tr("Save all changes to the programme"), dock.save)
        self._add(self.edit, "discard", "/mActionCancelEdits.svg", tr("Discard"),
                  tr("Discard all unsaved changes"), dock.discard)

    def _add(self, bar: QToolBar, key: str, icon: str, text: str, tip: str, slot, always: bool = False) -> QAction:
        action = QAction(QgsApplication.getThemeIcon(icon), text, bar)
        action.setObjectName("interventions_" + key)
        action.setToolTip(tip)
        action.setProperty("always_enabled", always)
        action.triggered.connect(slot)
        bar.addAction(action)
        self.actions[key] = action
        return action

    def set_enabled(self, has_programme: bool, applies: dict | None = None) -> None:
        """Enable the programme-dependent actions only when a programme is open, and those named in
        *applies* (key -> bool: a selection, something to undo or save) only when they apply."""
        applies = applies or {}
        for key, action in self.actions.items():
            action.setEnabled(bool(action.property("always_enabled"))
                              or (has_programme and applies.get(key, True)))
