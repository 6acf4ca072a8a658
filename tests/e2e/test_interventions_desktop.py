"""The interventions dock in the real QGIS desktop: open Voorbeeldstad, draw a point by mouse with
QGIS's own add-feature tool, fill the form, save; screenshots of the dock in English and Dutch."""

from __future__ import annotations

import pytest

from tests.e2e.desktop import run_in_qgis

BODY = '''
import os, time
from qgis.core import QgsApplication, QgsCoordinateTransform, QgsProject, QgsVectorLayer
from qgis.gui import QgsAttributeForm, QgsEditorWidgetWrapper
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QDockWidget, QWidget
from qgis.utils import plugins

LANG, PATH = __LANG__, __PATH__


plugin = plugins["gebiedsplugin"]
path = PATH
main = iface.mainWindow()
main.resize(1500, 950)
plugin.controller.open(path)
dock = main.findChild(QDockWidget, "gebiedsplugin_interventions_dock")
RESULT["dock_title"] = dock.windowTitle()
dock.show()
dock.raise_()
canvas = iface.mapCanvas()
pump(1.0)  # QGIS zooms to the first layers of an empty project; pick the district after that
canvas.waitWhileRendering()
dock.filters.set_choice("district", "centrum")
pump(1.0)
canvas.waitWhileRendering()
RESULT["rows_centrum"] = dock.model.rowCount()
RESULT["footer"] = dock.footer.text()
RESULT["labels"] = [dock.filters.district.itemText(0), dock.bars.actions["draw_point"].text()]
RESULT["extent_width"] = canvas.extent().width()

# a point inside Centrum, in canvas pixels
districts = plugin.controller.layer("districts")
centrum = next(f for f in districts.getFeatures() if f["district_id"] == "centrum")
where = centrum.geometry().pointOnSurface().asPoint()
xform = QgsCoordinateTransform(districts.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
pixel = canvas.mapSettings().mapToPixel().transform(xform.transform(where))
pos = QPoint(int(pixel.x()), int(pixel.y()))

seen = {}
def answer():
    # QGIS's own form: a QgsAttributeDialog made by the app, which Python sees as a plain QDialog
    forms = [c for w in QApplication.topLevelWidgets() if w.isVisible() for c in w.findChildren(QWidget)
             if c.metaObject().className() == "QgsAttributeForm"]
    if not forms:
        QTimer.singleShot(50, answer)
        return
    form = sip.cast(forms[0], QgsAttributeForm)
    dialog = form.window()
    feature = form.currentFormFeature()
    seen.update({n: str(v) for n, v in zip(feature.fields().names(), feature.attributes())})
    # The neighbourhood list of QGIS's own form: the plugin's widget, the district's names.
    for combo in form.findChildren(QComboBox):
        wrapper = QgsEditorWidgetWrapper.fromWidget(combo)
        if wrapper is not None and hasattr(wrapper, "field") and wrapper.field().name() == "neighbourhood_id":
            RESULT["hood_widget"] = type(wrapper).__name__
            RESULT["hood_items"] = [combo.itemText(i) for i in range(combo.count())]
            RESULT["hood_shown"] = combo.currentText()
    form.changeAttribute("title", "Speeltuin Centrum")
    form.changeAttribute("domain", "physical")
    form.changeAttribute("kind", "intervention")
    form.changeAttribute("theme", "public_space")
    form.changeAttribute("start_year", 2026)
    form.changeAttribute("end_year", 2027)
    form.changeAttribute("budget", 45000.0)
    pump(0.3)
    dialog.grab().save(os.path.join(ARTIFACTS, "interventions-form-" + LANG + ".png"))
    dialog.accept()

dock.bars.actions["draw_point"].trigger()
layer = plugin.controller.layer("interventions_point")
RESULT["active_is_point_layer"] = iface.activeLayer() is layer
RESULT["map_tool"] = type(canvas.mapTool()).__name__ if canvas.mapTool() else None
before = layer.featureCount()
QTimer.singleShot(100, answer)
QTest.mouseMove(canvas.viewport(), pos)
pump(0.2)
QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
RESULT["added"] = pump(10, lambda: layer.featureCount() > before)
RESULT["form_initial"] = {k: seen.get(k) for k in ("uid", "district_id", "neighbourhood_id", "created_by")}
dock.watcher.flush()
RESULT["rows_after"] = dock.model.rowCount()
new = [f for f in layer.getFeatures() if f["title"] == "Speeltuin Centrum"]
RESULT["new_district"] = new[0]["district_id"] if new else None
# select the new row so the screenshots show it
keys = dock.visible_keys()
if new and ("interventions_point", new[0].id()) in keys:
    dock.view.selectRow(keys.index(("interventions_point", new[0].id())))
    dock.view.scrollTo(dock.view.currentIndex())
pump(1.0)
canvas.waitWhileRendering()
dock.grab().save(os.path.join(ARTIFACTS, "interventions-dock-" + LANG + ".png"))
main.grab().save(os.path.join(ARTIFACTS, "interventions-desktop-" + LANG + ".png"))
dock.bars.actions["save"].trigger()
pump(0.5)
stored = QgsVectorLayer(path + "|layername=interventions_point", "check", "ogr")
RESULT["saved"] = [f["district_id"] for f in stored.getFeatures() if f["title"] == "Speeltuin Centrum"]
RESULT["still_editing"] = layer.isEditable()
finish()
'''


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_draw_an_intervention_in_the_desktop(tmp_path, lang):
    # The sample is written here, not inside QGIS: with Debian's QGIS the venv's shapely (own GEOS)
    # crashes in prepared predicates inside the desktop process (see the report of issue 3).
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, manifest = generate_sample(seed=42)
    path = GpkgStore.create(tmp_path / "voorbeeldstad.gpkg", programme.crs, programme).path
    centrum = manifest["districts"]["centrum"]["interventions"]
    body = BODY.replace("__LANG__", repr(lang)).replace("__PATH__", repr(path))
    result = run_in_qgis(body, tmp_path, lang, timeout=300)
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    assert result["active_is_point_layer"]
    assert result["rows_centrum"] == centrum
    assert result["extent_width"] < manifest["city"]["bbox"][2] - manifest["city"]["bbox"][0]  # zoomed in
    assert result["added"], (result["map_tool"], result["log"][-20:])
    assert result["form_initial"]["district_id"] == "centrum"
    # QGIS's own capture form lists Centrum's neighbourhoods with the plugin's widget (#18 item 2), by
    # name after QGIS's empty choice, and shows the derived one.
    hoods = {f.attrs["neighbourhood_id"]: f.attrs["name"] for f in programme.neighbourhoods}
    in_centrum = {f.attrs["name"] for f in programme.neighbourhoods if f.attrs["district_id"] == "centrum"}
    assert result["hood_widget"] == "NeighbourhoodWrapper"
    assert set(result["hood_items"][1:]) == in_centrum and len(result["hood_items"]) == len(in_centrum) + 1
    assert result["hood_shown"] == hoods[result["form_initial"]["neighbourhood_id"]]
    assert len(result["form_initial"]["uid"]) == 36
    assert result["new_district"] == "centrum"
    assert result["rows_after"] == centrum + 1
    assert result["saved"] == ["centrum"]
    assert not result["still_editing"]
