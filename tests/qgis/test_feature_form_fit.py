"""The attribute form fits the planner (#16 item 6), in English and Dutch, on the real QGIS form built
from the layer's QgsEditFormConfig: names instead of codes, this year as the default, no literal
"NULL", funding rows readable and addable at once, a dialog that shows its form, one clean sentence
per broken constraint. Expected values from SQL on the GeoPackage and the calendar, not the code."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

from qgis.gui import QgsEditorWidgetWrapper, QgsRelationEditorWidget
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtWidgets import (
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QToolButton,
    QWidget,
)

from gebiedsplugin.gui.feature_form import make_dialog
from gebiedsplugin.qgis_io.intervention_rows import new_feature
from tests.qgis import interventions_fixtures as fx
from tests.qgis.gui_helpers import close_form, pump
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "shots" / "gui"
clean_settings = fx.clean_settings  # fixture: no last-used values from earlier tests
TABLE = "interventions_polygon"


def _widgets(form) -> dict:
    """field name -> (wrapper, its ✔/✘ mark) of the form's editors."""
    found = {}
    for widget in form.findChildren(QWidget):
        wrapper = QgsEditorWidgetWrapper.fromWidget(widget)
        if wrapper is not None and hasattr(wrapper, "field"):
            found[wrapper.field().name()] = (wrapper, widget.parentWidget().findChild(QLabel, "ConstraintStatus"))
    return found


def _text(widget) -> str:
    for getter in ("currentText", "toPlainText", "text"):
        if hasattr(widget, getter):
            return getattr(widget, getter)()
    return ""


def _null(value) -> bool:
    return value is None or (isinstance(value, QVariant) and value.isNull())


def _sql(path, query, *args):
    with sqlite3.connect(str(path)) as db:
        return db.execute(query, args).fetchall()


def test_new_intervention_form(plugin, sample_gpkg, ui_locale, clean_settings):
    # clean_settings: no last-used years from an earlier form (those are proposed instead, on purpose)
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(TABLE)
    source = next(layer.getFeatures())
    assert layer.startEditing()
    feature = new_feature(layer, source.geometry(), {})
    dialog = make_dialog(plugin.iface, layer, feature, add=True)
    dialog.show()
    pump()
    widgets = _widgets(dialog.attributeForm())
    # District and neighbourhood by name (the districts/neighbourhoods tables), not by code.
    district, hood = feature["district_id"], feature["neighbourhood_id"]
    assert _text(widgets["district_id"][0].widget()) == _sql(
        path, "SELECT name FROM districts WHERE district_id = ?", district)[0][0]
    assert _text(widgets["neighbourhood_id"][0].widget()) == _sql(
        path, "SELECT name FROM neighbourhoods WHERE neighbourhood_id = ?", hood)[0][0]
    # This year, not the spin box's minimum 2000.
    this_year = datetime.date.today().year
    for name in ("start_year", "end_year"):
        assert widgets[name][0].value() == this_year
        assert _text(widgets[name][0].widget()).replace(".", "").replace(",", "") == str(this_year)
    # Empty title and description, no literal "NULL" in any box or list of the new row's form: the number
    # boxes left empty (budget, priority, quarters) show nothing, as the text boxes do.
    assert _text(widgets["title"][0].widget()) == "" and _text(widgets["description"][0].widget()) == ""
    nulls = {name: _text(w.widget()) for name, (w, _mark) in widgets.items() if "NULL" in _text(w.widget())}
    assert nulls == {}, nulls
    # Nor as the grey hint of a number without a range (baseline, target: text boxes).
    hints = {edit.placeholderText() for edit in dialog.findChildren(QLineEdit)}
    assert not [h for h in hints if "NULL" in h], hints
    assert _text(widgets["baseline"][0].widget()) == "" and _null(widgets["baseline"][0].value())
    for name in ("budget", "priority", "start_quarter", "end_quarter"):
        box = widgets[name][0].widget()
        assert isinstance(box, QAbstractSpinBox), name
        assert box.text().strip() == "" and _null(widgets[name][0].value()), (name, box.text())
    # The budget with the locale's thousands separators (QGIS's default locale omits them); years without.
    budget = widgets["budget"][0]
    budget.setValue(1500000)
    pump()
    assert budget.widget().text().strip() == ("1.500.000,00" if ui_locale == "nl" else "1,500,000.00")
    assert budget.value() == 1500000
    # Typed as the planner types it, with or without the separators: the same amount.
    for typed in (("1.250.000" if ui_locale == "nl" else "1,250,000"), "2500000"):
        budget.widget().lineEdit().setText(typed)
        budget.widget().interpretText()
        assert budget.value() == float(typed.replace(".", "").replace(",", "")), typed
    # Emptied again (the box's clear button), it shows nothing and is NULL again.
    budget.widget().clear()
    pump()
    assert budget.widget().text().strip() == "" and _null(budget.value())
    # The empty title breaks one rule and says so in one sentence; a valid year lists its rules cleanly.
    title_tip = widgets["title"][1].toolTip()
    start_tip = widgets["start_year"][1].toolTip()
    for tip in (title_tip, start_tip):
        assert tip and "NULL" not in tip and "., " not in tip, tip
    assert len(title_tip.splitlines()) == 1
    assert "2000" in start_tip and "2100" in start_tip and len(start_tip.splitlines()) == 2
    # Sized to show the form (QGIS opens it at about 533x400), within the screen.
    screen = dialog.screen().availableGeometry()
    assert dialog.height() > 400 and dialog.width() >= 560
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "form-new-{}.png".format(ui_locale)))
    close_form(dialog, plugin)


def test_funding_rows_readable_and_addable_at_once(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    uid, rows = None, []
    for (candidate,) in _sql(path, "SELECT uid FROM {} ORDER BY uid".format(TABLE)):
        rows = _sql(path, "SELECT year, funder, amount FROM funding WHERE intervention_uid = ? ORDER BY year",
                    candidate)
        if len(rows) >= 2 and any(a >= 1000 for _, _, a in rows):
            uid = candidate
            break
    assert uid, "the sample funds some areas more than once"
    column = "label_nl" if ui_locale == "nl" else "label_en"
    labels = dict(_sql(path, "SELECT code, {} FROM value_lists WHERE list = 'funder'".format(column)))

    def amount(value):
        text = "{:,.0f}".format(value)
        return text.replace(",", ".") if ui_locale == "nl" else text

    expected = sorted("{}  ·  {}  ·  € {}".format(y, labels[f], amount(a)) for y, f, a in rows)
    plugin.controller.open(str(path))
    layer = plugin.controller.layer(TABLE)
    fid = next(f.id() for f in layer.getFeatures() if f["uid"] == uid)
    assert layer.startEditing()
    dialog = make_dialog(plugin.iface, layer, layer.getFeature(fid), add=False)
    dialog.show()
    pump(30)
    editors = [e for e in dialog.attributeForm().findChildren(QgsRelationEditorWidget)
               if e.relation().referencingLayer().customProperty("gebiedsplugin/table") == "funding"]
    assert len(editors) == 1
    editor = editors[0]
    listed = sorted(view.model().index(r, 0).data() for view in editor.findChildren(QListView)
                    if view.metaObject().className() == "QgsFeatureListView" for r in range(view.model().rowCount()))
    assert listed == expected
    add = editor.findChild(QToolButton, "mAddFeatureButton")
    assert add is not None and add.isEnabled()  # no pencil click first
    scroll = dialog.findChild(QScrollArea)
    scroll.ensureWidgetVisible(editor)
    pump()
    dialog.grab().save("{}/form-funding-{}.png".format(SHOTS, ui_locale))
    close_form(dialog, plugin)
