"""The interventions dock on Voorbeeldstad (the sample city, 400 interventions)."""

from __future__ import annotations

import time
from pathlib import Path

from qgis.PyQt.QtWidgets import QApplication

from gebiedsplugin.gui.feature_form import add_with_form
from tests.qgis import interventions_fixtures as fx
from tests.qgis.interventions_fixtures import FORM_VALUES, answer_form, capture

clean_settings = fx.clean_settings  # fixture
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def open_sample(plugin, sample_gpkg, qgis_canvas):
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    path, manifest = sample_gpkg
    dock = [d for d in plugin.docks if isinstance(d, InterventionsDock)][0]
    dock.set_prompts(fx.AnsweringPrompts())
    plugin.controller.open(str(path))
    districts = plugin.controller.layer("districts")
    qgis_canvas.setDestinationCrs(districts.crs())
    qgis_canvas.setExtent(districts.extent())
    return dock, manifest


def test_sample_list_counts_and_refresh_time(plugin, sample_gpkg, qgis_canvas, clean_settings):
    dock, manifest = open_sample(plugin, sample_gpkg, qgis_canvas)
    assert len(dock.model.rows()) == manifest["counts"]["interventions"]
    for code, info in manifest["districts"].items():
        if code == "city":
            continue
        dock.filters.set_choice("district", code)
        assert dock.model.rowCount() == info["interventions"], code
    dock.filters.set_choice("district", "city")
    funding = plugin.controller.layer("funding")
    uids = {r.uid for r in dock.model.rows()}
    expected = sum(f["amount"] for f in funding.getFeatures() if f["intervention_uid"] in uids)
    assert abs(sum(r.funding for r in dock.model.rows()) - expected) < 0.01
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        dock.reload()
        timings.append(time.perf_counter() - started)
    best = min(timings)
    print("list refresh for {} interventions: {:.1f} ms".format(len(dock.model.rows()), best * 1000))
    assert best < 0.5


def test_sample_draw_in_a_district_and_grab_the_dock(plugin, sample_gpkg, qgis_canvas, qgis_iface, clean_settings):
    dock, manifest = open_sample(plugin, sample_gpkg, qgis_canvas)
    districts = plugin.controller.layer("districts")
    centrum = next(f for f in districts.getFeatures() if f["district_id"] == "centrum")
    point = centrum.geometry().pointOnSurface().asPoint()
    dock.filters.set_choice("district", "centrum")
    layer = dock.draw.prepare("point")
    geometry = capture(qgis_canvas, layer, "point", [(point.x(), point.y())])
    answer_form(FORM_VALUES)
    fid = add_with_form(qgis_iface, layer, geometry)
    f = layer.getFeature(fid)
    assert f["district_id"] == "centrum" and f["neighbourhood_id"]
    dock.watcher.flush()
    assert dock.model.rowCount() == manifest["districts"]["centrum"]["interventions"] + 1
    dock.view.selectRow(0)
    dock.resize(520, 760)
    dock.show()
    QApplication.processEvents()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dock.grab().save(str(ARTIFACTS / "interventions-dock-qgis-lane.png"))
