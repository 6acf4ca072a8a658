"""Fixtures and helpers of the interventions-dock tests: a small two-district town, real capture.

The town (EPSG:28992): districts `west` (x 100000–101000) and `east` (x 101000–102000), both
y 480000–481000, each split into two neighbourhoods at its middle x; plus the `city` row.
"""

from __future__ import annotations

import pytest
import shapely
from qgis.core import QgsFeature, QgsPointXY
from qgis.gui import (
    QgsAdvancedDigitizingDockWidget,
    QgsAttributeDialog,
    QgsMapMouseEvent,
    QgsMapToolCapture,
    QgsMapToolDigitizeFeature,
    QgsRelationEditorWidget,
)
from qgis.PyQt.QtCore import QEvent, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication

from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.settings import PluginSettings

Y0, Y1 = 480000, 481000
MODES = {"point": QgsMapToolCapture.CapturePoint, "line": QgsMapToolCapture.CaptureLine,
         "polygon": QgsMapToolCapture.CapturePolygon}


def town_programme() -> Programme:
    """Two districts of two neighbourhoods each."""
    west, east = shapely.box(100000, Y0, 101000, Y1), shapely.box(101000, Y0, 102000, Y1)
    districts = [Feature({"district_id": "west", "name": "West"}, west, "districts"),
                 Feature({"district_id": "east", "name": "East"}, east, "districts"),
                 Feature({"district_id": "city", "name": "Town"}, west.union(east), "districts")]
    hoods = []
    for code, x0 in (("west", 100000), ("east", 101000)):
        for i, dx in enumerate((0, 500), start=1):
            hoods.append(Feature({"neighbourhood_id": "{}{}".format(code, i), "name": "{} {}".format(code, i),
                                  "district_id": code}, shapely.box(x0 + dx, Y0, x0 + dx + 500, Y1),
                                 "neighbourhoods"))
    return Programme(districts=districts, neighbourhoods=hoods)


class AnsweringPrompts(Prompts):
    """Answers the dock's questions without dialogs; records what was asked."""

    def __init__(self, confirm=True, years=1, area=None):
        super().__init__(None)
        self.answers = {"confirm": confirm, "years": years, "area": area}
        self.asked: list = []

    def confirm(self, title, text):
        self.asked.append(("confirm", text))
        return self.answers["confirm"]

    def years_shift(self, default=1):
        self.asked.append(("years", default))
        return self.answers["years"]

    def choose_area(self, choices):
        self.asked.append(("area", choices))
        return self.answers["area"]

    def inform(self, title, text):
        self.asked.append(("inform", text))

    def show_history(self, title, trail, whole_programme=False, names=None, lists=None):
        self.asked.append(("history", title, trail) + (("programme",) if whole_programme else ()))
        self.names = names
        self.lists = lists


@pytest.fixture()
def clean_settings(qgis_app):
    """No last-used values from earlier tests."""
    s = PluginSettings.load()
    s.last_domain = s.last_kind = s.last_theme = ""
    s.last_start_year = s.last_end_year = 0
    s.save()
    yield s


@pytest.fixture()
def town_gpkg(tmp_path, qgis_app):
    """The two-district town as a programme file."""
    return GpkgStore.create(tmp_path / "town.gpkg", programme=town_programme()).path


@pytest.fixture()
def dock(plugin, town_gpkg, qgis_canvas, clean_settings):
    """The interventions dock of the loaded plugin with the town open and the canvas on it."""
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    found = [d for d in plugin.docks if isinstance(d, InterventionsDock)]
    assert len(found) == 1
    dock = found[0]
    dock.set_prompts(AnsweringPrompts())
    plugin.controller.open(town_gpkg)
    districts = plugin.controller.layer("districts")
    qgis_canvas.setDestinationCrs(districts.crs())
    qgis_canvas.setExtent(districts.extent())
    qgis_canvas.refresh()
    yield dock
    for layer in plugin.controller.layers.values():
        if layer.isEditable():
            layer.rollBack()


# --- driving QGIS's capture tool with map-canvas mouse events ------------------------------------
def _pixel(canvas, x, y):
    return canvas.mapSettings().mapToPixel().transform(QgsPointXY(x, y)).toQPointF().toPoint()


def _click(canvas, tool, x, y, button=Qt.MouseButton.LeftButton):
    pos = _pixel(canvas, x, y)
    tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.MouseMove, pos, Qt.MouseButton.NoButton,
                                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    tool.canvasPressEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonPress, pos, button, button,
                                           Qt.KeyboardModifier.NoModifier))
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, pos, button,
                                             Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def capture(canvas, layer, kind, points):
    """Draw *points* (map coordinates) with QgsMapToolDigitizeFeature on *layer*; the captured geometry.

    Left clicks add vertices; a right click finishes lines and polygons (it adds no vertex).
    """
    cad = QgsAdvancedDigitizingDockWidget(canvas)
    tool = QgsMapToolDigitizeFeature(canvas, cad, MODES[kind])
    tool.setLayer(layer)
    got = []
    tool.digitizingCompleted.connect(lambda f: got.append(QgsFeature(f)))  # copy: the reference dies
    canvas.setMapTool(tool)
    for x, y in points:
        _click(canvas, tool, x, y)
    if kind != "point":
        x, y = points[-1]
        _click(canvas, tool, x, y, Qt.MouseButton.RightButton)
    canvas.unsetMapTool(tool)
    assert len(got) == 1, "the capture tool did not complete a {}".format(kind)
    return got[0].geometry()


# --- answering the (modal) feature form ----------------------------------------------------------
def answer_form(values=None, accept=True, seen=None):
    """Arrange for the next QgsAttributeDialog to get *values* and be accepted (or cancelled).

    *seen* (a dict) receives the form's initial values of every field before they are changed.
    """
    def attempt(tries=[0]):  # noqa: B006 (retry counter)
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QgsAttributeDialog):
            tries[0] += 1
            assert tries[0] < 200, "no feature form appeared"
            QTimer.singleShot(10, attempt)
            return
        form = dialog.attributeForm()
        if seen is not None:
            feature = form.currentFormFeature()
            seen.update(zip(feature.fields().names(), feature.attributes()))
            seen["_dialog_relations"] = len(form.findChildren(QgsRelationEditorWidget))
        for name, value in (values or {}).items():
            form.changeAttribute(name, value)
        (dialog.accept if accept else dialog.reject)()

    QTimer.singleShot(0, attempt)


FORM_VALUES = {"title": "New bench", "domain": "physical", "kind": "intervention", "theme": "public_space",
               "start_year": 2026, "end_year": 2027, "budget": 12000.0}


def _item(uid, title, table, geom, district, **attrs):
    base = {"uid": uid, "title": title, "domain": "physical", "kind": "intervention", "theme": "green",
            "district_id": district, "start_year": 2025, "end_year": 2026, "status": "planned", "budget": 1000.0}
    base.update(attrs)
    return Feature(base, geom, table)


def stocked_programme() -> Programme:
    """The town with five interventions (three layers) and funding for two of them."""
    prog = town_programme()
    prog.interventions = [
        _item("u1", "Bench", "interventions_point", shapely.Point(100200, 480500), "west", budget=500.0),
        _item("u2", "Bike lane", "interventions_line", shapely.LineString([(101100, 480100), (101900, 480100)]),
              "east", theme="mobility", start_year=2027, end_year=2029, budget=250000.0),
        _item("u3", "Park", "interventions_polygon", shapely.box(100100, 480100, 100400, 480400), "west",
              kind="maintenance", start_year=2020, end_year=2022, status="done", budget=80000.0),
        _item("u4", "Neighbourhood team", "interventions_polygon", shapely.box(101500, 480000, 102000, 481000),
              "east", domain="social", kind="initiative", theme="care", start_year=2026, end_year=2026,
              budget=None),
        _item("u5", "Tree", "interventions_point", shapely.Point(101600, 480700), "east", budget=300.0),
    ]
    prog.funding = [{"intervention_uid": "u2", "year": 2027, "funder": "province", "amount": 100000.0},
                    {"intervention_uid": "u2", "year": 2028, "funder": "municipality", "amount": 50000.0},
                    {"intervention_uid": "u4", "year": 2026, "funder": "health_insurer", "amount": 7000.0}]
    return prog


@pytest.fixture()
def stocked_dock(plugin, tmp_path, qgis_canvas, clean_settings):
    """The dock with the stocked town open."""
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    path = GpkgStore.create(tmp_path / "stocked.gpkg", programme=stocked_programme()).path
    dock = [d for d in plugin.docks if isinstance(d, InterventionsDock)][0]
    dock.set_prompts(AnsweringPrompts())
    plugin.controller.open(path)
    districts = plugin.controller.layer("districts")
    qgis_canvas.setDestinationCrs(districts.crs())
    qgis_canvas.setExtent(districts.extent())
    yield dock
    for layer in plugin.controller.layers.values():
        if layer.isEditable():
            layer.rollBack()


def programme_history(plugin, path):
    """Open *path* and show its whole history as the Interventions dock does: (dialog, trail)."""
    from gebiedsplugin.gui.audit_dialog import AuditDialog
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    plugin.controller.open(str(path))
    dock = next(d for d in plugin.docks if isinstance(d, InterventionsDock))
    prompts = AnsweringPrompts()
    dock.set_prompts(prompts)
    dock.show_programme_history()
    _, title, trail, scope = prompts.asked[-1]
    assert scope == "programme"
    return AuditDialog(title, trail, whole_programme=True, names=prompts.names, lists=prompts.lists), trail
