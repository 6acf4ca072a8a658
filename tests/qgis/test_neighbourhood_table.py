"""Editing a neighbourhood cell in the attribute table's table view (QgsDualView in table mode, whose
delegate makes an editor widget per cell) behaves as QGIS's own value relation does with the plugin's
widget too, and the table shows the same names. The oracle: the same steps on the same layer with QGIS's
value relation; each district's names from SQL on the GeoPackage."""

from __future__ import annotations

import sqlite3

from qgis.core import NULL
from qgis.gui import QgsAttributeTableModel, QgsDualView, QgsEditorWidgetWrapper
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt, QVariant
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAbstractItemView, QApplication, QComboBox

from gebiedsplugin.qgis_io.neighbourhood_list import NEIGHBOURHOOD_WIDGET, VALUE_RELATION, use_widget
from tests.qgis.gui_helpers import dual_view, pump

POINTS = "interventions_point"  # it has city-wide rows (no neighbourhood)
NO_SELECTION = QCoreApplication.translate("QgsValueRelationWidgetWrapper", "(no selection)")


def _plain(value):
    """None (no value), "NULL" (the empty choice) or the code."""
    if value is None:
        return None
    return "NULL" if isinstance(value, QVariant) and value.isNull() else value


def _sql(path, query, *args) -> list:
    with sqlite3.connect(str(path)) as db:
        return [row[0] for row in db.execute(query, args)]


def _cell(view, layer, fid):
    """The table's index of the neighbourhood cell of feature *fid*."""
    model = view.tableView().model()
    field = layer.fields().indexFromName("neighbourhood_id")
    column = next(c for c in range(model.columnCount())
                  if model.data(model.index(0, c), QgsAttributeTableModel.Role.FieldIndexRole) == field)
    row = next(r for r in range(model.rowCount())
               if model.data(model.index(r, 0), QgsAttributeTableModel.Role.FeatureIdRole) == fid)
    return model.index(row, column)


def _cell_steps(view, layer, fid, pick) -> tuple:
    """One cell: what the table shows, what its editor lists and shows, the values written to the cell's
    field when entry *pick* is chosen and Enter commits it (as a planner does), the value then held and
    what the table shows."""
    table = view.tableView()
    index = _cell(view, layer, fid)
    before = index.data(Qt.ItemDataRole.DisplayRole)
    table.setCurrentIndex(index)  # the table's edit triggers open the cell's editor on this
    pump()
    if table.state() != QAbstractItemView.State.EditingState:
        table.edit(index)
        pump()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and QgsEditorWidgetWrapper.fromWidget(editor) is not None
    listed = [editor.itemText(i) for i in range(editor.count())]
    shown = editor.currentText()
    field = layer.fields().indexFromName("neighbourhood_id")
    written = []

    def record(changed, idx, value):
        if changed == fid and idx == field:
            written.append(_plain(value))

    layer.attributeValueChanged.connect(record)
    try:
        editor.setCurrentIndex(pick)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        pump()
    finally:
        layer.attributeValueChanged.disconnect(record)
    assert table.state() != QAbstractItemView.State.EditingState
    stored = _plain(layer.getFeature(fid)["neighbourhood_id"])
    return before, listed, shown, written, stored, _cell(view, layer, fid).data(Qt.ItemDataRole.DisplayRole)


def _table_steps(plugin, layer, rows, edits) -> list:
    """The attribute table in table view, the layer in editing: *edits* (fid -> {field: value}) made first
    (unsaved, without the derived defaults), then each of *rows* (fid, entry to pick) edited in its
    neighbourhood cell."""
    assert layer.startEditing()
    for fid, values in edits.items():
        for name, value in values.items():
            idx = layer.fields().indexFromName(name)
            assert layer.changeAttributeValue(fid, idx, value, layer.getFeature(fid)[name], True)
    view = dual_view(plugin, layer, QgsDualView.ViewMode.AttributeTable)
    pump()
    try:
        return [_cell_steps(view, layer, fid, pick) for fid, pick in rows]
    finally:
        view.close()
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        layer.rollBack()


def test_table_cells_list_the_rows_district_as_qgis_does(plugin, sample_gpkg):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(POINTS)
    idx = layer.fields().indexFromName("neighbourhood_id")
    features = list(layer.getFeatures())
    with_hood = [f for f in features if _plain(f["neighbourhood_id"]) not in (None, "NULL")]
    first = with_hood[0]
    second = next(f for f in with_hood if f["district_id"] != first["district_id"])
    city = next(f for f in features if _plain(f["neighbourhood_id"]) == "NULL")
    foreign, no_district = [f for f in with_hood if f.id() not in (first.id(), second.id())][:2]
    edits = {
        # a neighbourhood of another district than the row's: the editor shows "(code)"
        foreign.id(): {"district_id": second["district_id"], "neighbourhood_id": first["neighbourhood_id"]},
        # no district: every neighbourhood
        no_district.id(): {"district_id": NULL},
    }
    rows = [(first.id(), 2), (second.id(), 1), (city.id(), 0), (foreign.id(), 1), (no_district.id(), 3)]
    assert layer.editorWidgetSetup(idx).type() == NEIGHBOURHOOD_WIDGET
    ours = _table_steps(plugin, layer, rows, edits)
    use_widget(layer, VALUE_RELATION)
    try:
        theirs = _table_steps(plugin, layer, rows, edits)
    finally:
        use_widget(layer, NEIGHBOURHOOD_WIDGET)
    assert ours == theirs
    # And what that is, from SQL: QGIS's "(no selection)", then the names of the row's district (all
    # names for a row without one), by name; the code of the chosen name written to the cell.
    in_district = "SELECT name FROM neighbourhoods WHERE district_id = ?"
    name_of = "SELECT name FROM neighbourhoods WHERE neighbourhood_id = ?"
    code_of = "SELECT neighbourhood_id FROM neighbourhoods WHERE name = ?"
    names = [_sql(path, in_district, first["district_id"]), _sql(path, in_district, second["district_id"]),
             _sql(path, in_district, city["district_id"]),
             _sql(path, in_district, second["district_id"]) + ["({})".format(first["neighbourhood_id"])],
             _sql(path, "SELECT name FROM neighbourhoods")]
    held = [first, second, city, first, no_district]  # whose neighbourhood each row holds before
    for seen, expected, (fid, pick), row in zip(ours, names, rows, held):
        listed, written, stored, after = seen[1], seen[3], seen[4], seen[5]
        assert listed[0] == NO_SELECTION and sorted(listed[1:]) == sorted(expected), fid
        chosen = _sql(path, code_of, listed[pick])[0] if pick else "NULL"
        # written when it differs; then QGIS applies the derived (on update) default, from the geometry
        assert written[:1] == ([] if chosen == _plain(row["neighbourhood_id"]) else [chosen]), fid
        assert after == (_sql(path, name_of, stored)[0] if stored not in (None, "NULL") else "NULL"), fid
    assert listed[1:] == sorted(listed[1:], key=str.casefold)
    hood = _sql(path, name_of, first["neighbourhood_id"])[0]
    assert [seen[2] for seen in ours] == [
        hood, _sql(path, name_of, second["neighbourhood_id"])[0], NO_SELECTION,
        "({})".format(first["neighbourhood_id"]), _sql(path, name_of, no_district["neighbourhood_id"])[0]]
    # The table shows names (the value relation's formatter), also for a code of another district.
    assert [seen[0] for seen in ours] == [hood, _sql(path, name_of, second["neighbourhood_id"])[0], "NULL", hood,
                                          _sql(path, name_of, no_district["neighbourhood_id"])[0]]
