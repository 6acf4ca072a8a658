"""The neighbourhood list of every QGIS form (add, Identify's edit form, the attribute table's form view)
behaves as QGIS's own value relation does, step for step, while the plugin runs its own widget, which
reads only the form's district (#18 item 2). The oracle: the same steps on the same layer with QGIS's
value relation (what a project opened without the plugin has); each district's names from SQL on the
GeoPackage."""

from __future__ import annotations

import sqlite3

from qgis.core import Qgis, QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsFeature, QgsProject
from qgis.gui import (
    QgsAttributeEditorContext,
    QgsAttributeForm,
    QgsDualView,
    QgsEditorWidgetWrapper,
    QgsSearchWidgetWrapper,
    QgsWidgetWrapper,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QVariant
from qgis.PyQt.QtWidgets import QComboBox, QWidget

from gebiedsplugin.gui.feature_form import make_dialog
from gebiedsplugin.gui.neighbourhood_widget import NeighbourhoodWrapper
from gebiedsplugin.qgis_io.intervention_rows import new_feature
from gebiedsplugin.qgis_io.neighbourhood_list import NEIGHBOURHOOD_WIDGET, VALUE_RELATION, use_widget
from tests.qgis.gui_helpers import dual_view, pump

TABLE = "interventions_polygon"
POINTS = "interventions_point"  # it has city-wide rows (no neighbourhood)
NO_SELECTION = QCoreApplication.translate("QgsValueRelationWidgetWrapper", "(no selection)")


def _wrappers(form) -> dict:
    found = {}
    for widget in form.findChildren(QWidget):
        wrapper = QgsEditorWidgetWrapper.fromWidget(widget)
        if wrapper is not None and hasattr(wrapper, "field"):
            found[wrapper.field().name()] = wrapper
    return found


def _plain(value):
    """None (no value), "NULL" (the empty choice) or the code: the three a form tells apart."""
    if value is None:
        return None
    return "NULL" if isinstance(value, QVariant) and value.isNull() else value


def _seen(form) -> tuple:
    """What the planner sees and what the form holds: the list, the shown text, the value, the feature's."""
    wrapper = _wrappers(form)["neighbourhood_id"]
    combo = wrapper.widget()
    return ([combo.itemText(i) for i in range(combo.count())], combo.currentText(), _plain(wrapper.value()),
            _plain(form.currentFormFeature()["neighbourhood_id"]))


def _names(path, district=None) -> set:
    query = "SELECT name FROM neighbourhoods" + (" WHERE district_id = ?" if district else "")
    with sqlite3.connect(str(path)) as db:
        return {row[0] for row in db.execute(query, (district,) if district else ())}


def _district_name(path, district) -> str:
    with sqlite3.connect(str(path)) as db:
        return db.execute("SELECT name FROM districts WHERE district_id = ?", (district,)).fetchone()[0]


def _pick_district(form, text: str) -> None:
    """The planner picks a district by name (or the empty choice) in the form's district list."""
    combo = _wrappers(form)["district_id"].widget()
    combo.setCurrentIndex(combo.findText(text))
    pump()


def _close(dialog) -> None:
    dialog.reject()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    pump(5)


def _add_steps(plugin, layer, geometry, path, other) -> list:
    """An add form: as opened, another district picked, a neighbourhood picked, the first district again,
    the district emptied."""
    feature = new_feature(layer, geometry, {})
    dialog = make_dialog(plugin.iface, layer, feature, add=True)
    dialog.show()
    pump()
    form = dialog.attributeForm()
    steps = [_seen(form)]
    first = feature["district_id"]
    _pick_district(form, _district_name(path, other))
    steps.append(_seen(form))
    _wrappers(form)["neighbourhood_id"].widget().setCurrentIndex(2)
    pump()
    steps.append(_seen(form))
    _pick_district(form, _district_name(path, first))
    steps.append(_seen(form))
    _pick_district(form, NO_SELECTION)
    steps.append(_seen(form))
    _close(dialog)
    return steps


def _rows(layer) -> list:
    """Rows of two districts with a neighbourhood, a city-wide row (no neighbourhood)."""
    with_hood = [f for f in layer.getFeatures() if _plain(f["neighbourhood_id"]) not in (None, "NULL")]
    second = next(f for f in with_hood if f["district_id"] != with_hood[0]["district_id"])
    city = next(f for f in layer.getFeatures() if _plain(f["neighbourhood_id"]) == "NULL")
    return [with_hood[0], second, city]


def _edit_steps(plugin, layer, rows, foreign) -> list:
    """Identify's edit form on a row, then the next rows set in it (as the form view steps through them)."""
    dialog = make_dialog(plugin.iface, layer, rows[0], add=False)
    dialog.show()
    pump()
    form = dialog.attributeForm()
    steps = [_seen(form)]
    for row in rows[1:] + [foreign]:
        form.setFeature(row)
        pump()
        steps.append(_seen(form))
    _close(dialog)
    return steps


def _table_form_steps(plugin, layer, rows) -> list:
    """The attribute table's form view stepping through rows."""
    view = dual_view(plugin, layer, QgsDualView.ViewMode.AttributeEditor)
    steps = []
    try:
        for row in rows:
            view.setCurrentEditSelection([row.id()])
            pump()
            form = next(f for f in view.findChildren(QWidget) if f.inherits("QgsAttributeForm"))
            steps.append(_seen(sip.cast(form, QgsAttributeForm)))  # PyQt sees it as a QWidget
    finally:
        view.close()
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return steps


def _both(layer, run) -> tuple:
    """*run()* with the plugin's widget, then with QGIS's value relation (the oracle)."""
    idx = layer.fields().indexFromName("neighbourhood_id")
    assert layer.editorWidgetSetup(idx).type() == NEIGHBOURHOOD_WIDGET
    ours = run()
    use_widget(layer, VALUE_RELATION)
    try:
        theirs = run()
    finally:
        use_widget(layer, NEIGHBOURHOOD_WIDGET)
    return ours, theirs


def test_add_form_follows_the_district_as_qgis_does(plugin, sample_gpkg):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(TABLE)
    assert layer.startEditing()
    source = next(f for f in layer.getFeatures() if _plain(f["neighbourhood_id"]) not in (None, "NULL"))
    first = source["district_id"]
    other = next(f["district_id"] for f in layer.getFeatures() if f["district_id"] not in (first, "city"))
    ours, theirs = _both(layer, lambda: _add_steps(plugin, layer, source.geometry(), path, other))
    assert ours == theirs
    # And what it shows is the districts' neighbourhoods, by name, with QGIS's empty choice first.
    opened, picked_other, picked_hood, back, emptied = ours
    assert opened[0][0] == NO_SELECTION and set(opened[0][1:]) == _names(path, first)
    assert opened[1] == _names_of(path, source["neighbourhood_id"])
    # A neighbourhood the new district lacks is cleared: to "(no selection)" on QGIS 3.22, to nothing on 3.44.
    cleared = ("", None, None) if Qgis.QGIS_VERSION_INT >= 34400 else (NO_SELECTION, "NULL", "NULL")
    assert set(picked_other[0][1:]) == _names(path, other) and picked_other[1:] == cleared
    assert picked_hood[1] == picked_other[0][2] and picked_hood[3] == picked_hood[2] != "NULL"
    assert set(back[0][1:]) == _names(path, first) and back[1:] == cleared
    assert set(emptied[0][1:]) == _names(path) and emptied[1:3] == cleared[:2]
    assert opened[0][1:] == sorted(opened[0][1:], key=str.casefold)


def _names_of(path, code) -> str:
    with sqlite3.connect(str(path)) as db:
        return db.execute("SELECT name FROM neighbourhoods WHERE neighbourhood_id = ?", (code,)).fetchone()[0]


def test_identify_and_table_forms_follow_the_row_as_qgis_does(plugin, sample_gpkg):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(POINTS)
    rows = _rows(layer)
    # A row whose neighbourhood lies in another district than its own: shown as "(code)", as QGIS does.
    foreign = next(layer.getFeatures())
    foreign.setAttribute("district_id", rows[1]["district_id"])
    foreign.setAttribute("neighbourhood_id", rows[0]["neighbourhood_id"])
    ours, theirs = _both(layer, lambda: _edit_steps(plugin, layer, rows, foreign))
    assert ours == theirs
    for seen, row in zip(ours, rows):
        assert set(seen[0][1:]) == _names(path, row["district_id"]), row["district_id"]
    assert ours[-1][1] == "({})".format(rows[0]["neighbourhood_id"])
    assert not layer.isModified()  # looking at rows changes none of them
    ours, theirs = _both(layer, lambda: _table_form_steps(plugin, layer, rows))
    assert ours == theirs
    for seen, row in zip(ours, rows):
        assert set(seen[0][1:]) == _names(path, row["district_id"])
    assert [seen[2] for seen in ours] == [_plain(row["neighbourhood_id"]) for row in rows]


def test_the_plugin_widget_only_while_the_plugin_runs(plugin, sample_gpkg, tmp_path):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(POINTS)
    name = layer.name()
    idx = layer.fields().indexFromName("neighbourhood_id")
    dialog = make_dialog(plugin.iface, layer, next(layer.getFeatures()), add=False)
    assert isinstance(_wrappers(dialog.attributeForm())["neighbourhood_id"], NeighbourhoodWrapper)
    _close(dialog)
    # Names where QGIS shows a value's representation (attribute table, represent_value()).
    row = _rows(layer)[0]
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(row)
    shown = QgsExpression('represent_value("neighbourhood_id")').evaluate(context)
    assert shown == _names_of(path, row["neighbourhood_id"])
    # A saved project names QGIS's value relation: QGIS without the plugin opens it with its own list.
    project_file = tmp_path / "programme.qgs"
    assert QgsProject.instance().write(str(project_file))
    assert 'type="{}"'.format(NEIGHBOURHOOD_WIDGET) not in project_file.read_text(encoding="utf-8")
    assert layer.editorWidgetSetup(idx).type() == NEIGHBOURHOOD_WIDGET  # the open project keeps it
    # Read back while the plugin runs: its widget again.
    assert QgsProject.instance().read(str(project_file))
    pump()
    layer = next(x for x in QgsProject.instance().mapLayers().values() if x.name() == name)
    assert layer.editorWidgetSetup(idx).type() == NEIGHBOURHOOD_WIDGET
    # Unloaded: QGIS's value relation, with its configuration.
    plugin.unload()
    setup = layer.editorWidgetSetup(idx)
    assert setup.type() == VALUE_RELATION and setup.config()["Key"] == "neighbourhood_id"
    plugin.initGui()  # the fixture unloads it once more


def _search_steps(layer, neighbourhoods) -> tuple:
    """QGIS's search form (select by value, the attribute table's filter form): the neighbourhood list
    and the filter that picking its third entry makes."""
    context = QgsAttributeEditorContext()
    form = QgsAttributeForm(layer, QgsFeature(layer.fields()), context)
    form.setMode(QgsAttributeEditorContext.Mode.SearchMode)
    form.show()
    pump()
    try:
        # The visible list of every neighbourhood (PyQt sees QGIS's own search wrappers as QgsWidgetWrapper).
        names = {f["name"] for f in neighbourhoods.getFeatures()}
        combo = next(w for w in form.findChildren(QComboBox)
                     if w.isVisible() and names <= {w.itemText(i) for i in range(w.count())})
        wrapper = QgsWidgetWrapper.fromWidget(combo)
        if not isinstance(wrapper, QgsSearchWidgetWrapper):  # cast a Python subclass and sip calls the base's
            wrapper = sip.cast(wrapper, QgsSearchWidgetWrapper)
        items = [combo.itemText(i) for i in range(combo.count())]
        combo.setCurrentIndex(2)
        pump()
        return items, wrapper.createExpression(QgsSearchWidgetWrapper.FilterFlag.EqualTo)
    finally:
        form.close()
        form.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_search_form_lists_every_neighbourhood_as_qgis_does(plugin, sample_gpkg):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(POINTS)
    ours, theirs = _both(layer, lambda: _search_steps(layer, plugin.controller.layer("neighbourhoods")))
    assert ours == theirs
    items, expression = ours
    assert set(items) >= _names(path) and len(items) == len(_names(path)) + 2  # "Please select", "(no selection)"
    with sqlite3.connect(str(path)) as db:
        code = db.execute("SELECT neighbourhood_id FROM neighbourhoods WHERE name = ?", (items[2],)).fetchone()[0]
    assert expression == "\"neighbourhood_id\"='{}'".format(code)
