"""The Overview's progress panel and timeline on a real programme file (#16 items 4 and 5).

Three interventions get hand-planted indicators and measurements; the expected percentages are
worked out by hand in the comments. The timeline draws a quarter period to the quarter and an
indicative one hatched."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.test_overview_dock import overview_dock, show

SHOTS = Path(__file__).resolve().parents[1] / "artifacts"

# uid -> indicator, baseline, baseline year, target, measurements, expected progress cell
PLANTED = {
    "green": ("Verhard oppervlak (%)", 68.0, 2022, 60.0, [(2023, 66.0), (2025, 64.0)], "50 %"),  # (64-68)/(60-68)
    "safe": ("Veiligheidsgevoel", 6.0, 2021, 7.0, [(2024, 6.9), (2024, 6.7)], "80 %"),  # mean 6.8: 0.8/1.0
    "away": ("Incidenten", 120.0, 2020, 80.0, [(2019, 10.0), (2024, 130.0)], "-25 %"),  # 2019 ignored: -10/-40
    "none": ("Wachtlijst", 50.0, 2024, 30.0, [], ""),  # no measurement yet
}


@pytest.fixture()
def planted(plugin, tmp_path):
    programme, _ = generate_sample(seed=11, interventions=40, projects=8)
    for f in programme.interventions:
        f.attrs.update(effect_indicator=None, indicative=None, start_quarter=None, end_quarter=None)
    programme.effect_measurements = []
    chosen = [f for f in programme.interventions if f.attrs["district_id"] == "noord"
              and f.attrs["status"] != "cancelled"][:len(PLANTED)]
    uids = {}
    for f, (key, (indicator, base, year, target, rows, _)) in zip(chosen, PLANTED.items()):
        f.attrs.update(effect_indicator=indicator, baseline=base, baseline_year=year, target=target,
                       start_year=2025, end_year=2027, title="Planted " + key)
        uids[key] = f.attrs["uid"]
        programme.effect_measurements += [{"intervention_uid": f.attrs["uid"], "year": y, "value": v}
                                          for y, v in rows]
    chosen[0].attrs.update(start_quarter=3, end_quarter=1, start_year=2027, end_year=2028)  # 2027 Q3-2028 Q1
    chosen[1].attrs.update(indicative=True, start_year=2029, end_year=2031)
    path = tmp_path / "voortgang.gpkg"
    GpkgStore.create(path, programme.crs, programme)
    plugin.controller.open(str(path))
    dock = overview_dock(plugin)
    dock.reload()
    dock.set_scope("noord", 2024, 2032)
    return dock, uids


def test_progress_panel_shows_hand_computed_percentages(planted):
    dock, _ = planted
    table = dock.progress.table
    cells = {table.item(r, 1).text(): [table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount())}
    assert {t: row[6] for t, row in cells.items()} == {"Planted " + k: v[5] for k, v in PLANTED.items()}
    assert cells["Planted green"][3] == "68 (2022)" and cells["Planted green"][4] == "64 (2025)"
    assert cells["Planted safe"][4] == "6.8 (2024)"
    assert cells["Planted none"][4] == ""
    assert dock.progress.summary.text() == "3 of 4 indicators have a measurement and a target; 0 reached the target."
    show(dock)
    dock.tabs.setCurrentWidget(dock.progress)
    SHOTS.mkdir(exist_ok=True)
    dock.grab().save(str(SHOTS / "overview_progress.png"))


def drawn_bars(axes) -> list:
    """(x, width, hatch, alpha) of each bar drawn, by row (row 0 on top), from the axes' collections."""
    found = {}
    for collection in axes.collections:
        for path, face in zip(collection.get_paths(), collection.get_facecolors()):
            (x0, y0), (x1, y1) = path.vertices.min(axis=0), path.vertices.max(axis=0)
            found[round((y0 + y1) / 2)] = (x0, x1 - x0, collection.get_hatch(), face[3])
    return [found[len(found) - 1 - row] for row in range(len(found))]


def test_timeline_draws_quarters_and_indicative_periods(planted):
    dock, uids = planted
    items = dock.timeline.items
    bars = drawn_bars(dock.timeline.axes)
    assert len(bars) == len(items)  # one bar per item
    by_uid = {item.uid: bar for item, bar in zip(items, bars)}
    x, width, _hatch, _alpha = by_uid[uids["green"]]
    assert (x, x + width) == (2027.5, 2028.25)  # Q3 2027 .. end of Q1 2028
    x, width, hatch, alpha = by_uid[uids["safe"]]
    assert hatch == "///" and alpha == pytest.approx(0.45)
    assert (x, width) == (2029.0, 3.0)
    x, width, hatch, alpha = by_uid[uids["away"]]
    assert hatch is None and alpha == 1.0 and (x, width) == (2025.0, 3.0)
    show(dock)
    dock.tabs.setCurrentWidget(dock.timeline)
    dock.grab().save(str(SHOTS / "overview_timeline_precision.png"))


def test_the_intervention_form_shows_its_measured_values(planted, qgis_iface):
    """The form of an intervention embeds its effect_measurements (a relation) next to funding and links."""
    from qgis.core import QgsApplication, QgsFeatureRequest, QgsProject
    from qgis.gui import QgsRelationWidgetWrapper

    from gebiedsplugin.gui.feature_form import make_dialog

    dock, uids = planted
    layers = {lyr.customProperty("gebiedsplugin/table"): lyr for lyr in QgsProject.instance().mapLayers().values()}
    parent = next(lyr for t, lyr in layers.items() if t and t.startswith("interventions_")
                  and next(lyr.getFeatures(QgsFeatureRequest().setFilterExpression(
                      "\"uid\" = '{}'".format(uids["green"]))), None) is not None)
    feature = next(parent.getFeatures(QgsFeatureRequest().setFilterExpression("\"uid\" = '{}'".format(uids["green"]))))
    dialog = make_dialog(qgis_iface, parent, feature, add=False)
    dialog.resize(760, 900)
    dialog.show()
    for _ in range(10):
        QgsApplication.processEvents()
    wrappers = {w.relation().referencingLayer().customProperty("gebiedsplugin/table"): w
                for w in dialog.findChildren(QgsRelationWidgetWrapper)}
    assert "effect_measurements" in wrappers
    measured = wrappers["effect_measurements"].relation().getRelatedFeatures(feature)
    assert sorted((f["year"], f["value"]) for f in measured) == [(2023, 66.0), (2025, 64.0)]
    SHOTS.mkdir(exist_ok=True)
    from qgis.PyQt.QtWidgets import QScrollArea

    for area in dialog.findChildren(QScrollArea):  # down to the related tables
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    for _ in range(5):
        QgsApplication.processEvents()
    dialog.grab().save(str(SHOTS / "intervention_form_relations.png"))
    wrappers["effect_measurements"].widget().grab().save(str(SHOTS / "intervention_form_measurements.png"))
    assert layers["effect_measurements"].displayExpression() == "concat(\"year\", ': ', \"value\")"
    dialog.reject()
    dialog.deleteLater()
    # Gone now, while its layers still exist: deleted later by the teardown's event processing, after the
    # fixture removed the layers its relation editors hold, it crashed the test process at times.
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(dialog, QEvent.Type.DeferredDelete)
