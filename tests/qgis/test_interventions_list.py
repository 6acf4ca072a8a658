"""The interventions list: filters, totals, sorting, list/map selection sync, staying in sync."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import Qt

from gebiedsplugin.gui.intervention_table_model import BUDGET, FUNDING, TITLE, YEARS
from tests.qgis import interventions_fixtures as fx

clean_settings, stocked_dock = fx.clean_settings, fx.stocked_dock  # fixtures


def titles(dock):
    return sorted(r.title for r in dock.model.rows())


def test_whole_city_lists_everything_with_footer(stocked_dock):
    dock = stocked_dock
    assert titles(dock) == ["Bench", "Bike lane", "Neighbourhood team", "Park", "Tree"]
    assert "5" in dock.footer.text() and "330" in dock.footer.text()  # 330,800 budget
    assert dock.bars.actions["draw_point"].isEnabled()


def test_total_funding_per_intervention(stocked_dock):
    by_title = {r.title: r.funding for r in stocked_dock.model.rows()}
    assert by_title == {"Bench": 0.0, "Bike lane": 150000.0, "Neighbourhood team": 7000.0, "Park": 0.0,
                        "Tree": 0.0}


def test_district_filter(stocked_dock):
    dock = stocked_dock
    dock.filters.set_choice("district", "west")
    assert titles(dock) == ["Bench", "Park"]
    dock.filters.set_choice("district", "city")
    assert len(dock.model.rows()) == 5


def test_period_filter_keeps_overlapping_years(stocked_dock):
    dock = stocked_dock
    dock.filters.set_period(2022, 2025)
    assert titles(dock) == ["Bench", "Park", "Tree"]  # Park 2020–2022 touches 2022
    dock.filters.set_period(2027, None)
    assert titles(dock) == ["Bike lane"]
    dock.filters.set_period(None, 2021)
    assert titles(dock) == ["Park"]


def test_domain_kind_theme_status_filters(stocked_dock):
    dock = stocked_dock
    dock.filters.set_choice("domain", "social")
    assert titles(dock) == ["Neighbourhood team"]
    dock.filters.set_choice("domain", None)
    dock.filters.set_choice("kind", "maintenance")
    assert titles(dock) == ["Park"]
    dock.filters.set_choice("kind", None)
    dock.filters.set_choice("theme", "green")
    dock.filters.set_choice("status", "planned")
    assert titles(dock) == ["Bench", "Tree"]
    assert "2" in dock.footer.text()


def test_sorting_by_budget_and_years_is_numeric(stocked_dock):
    dock = stocked_dock
    dock.view.sortByColumn(BUDGET, Qt.SortOrder.DescendingOrder)
    ordered = [dock.proxy.index(i, TITLE).data() for i in range(dock.proxy.rowCount())]
    assert ordered[:3] == ["Bike lane", "Park", "Bench"]
    dock.view.sortByColumn(YEARS, Qt.SortOrder.AscendingOrder)
    assert dock.proxy.index(0, TITLE).data() == "Park"
    assert dock.proxy.index(0, YEARS).data() == "2020–2022"
    row = [dock.proxy.index(i, TITLE).data() for i in range(5)].index("Bike lane")
    assert dock.proxy.index(row, FUNDING).data().replace(",", "").replace(".", "").replace("\xa0", "") == "150000"


def test_list_selection_selects_on_the_map(stocked_dock):
    dock = stocked_dock
    dock.view.selectRow([dock.proxy.index(i, TITLE).data() for i in range(5)].index("Bike lane"))
    line = dock.controller.layer("interventions_line")
    assert line.selectedFeatureCount() == 1
    assert line.selectedFeatures()[0]["uid"] == "u2"
    assert dock.controller.layer("interventions_point").selectedFeatureCount() == 0


def test_map_selection_selects_in_the_list(stocked_dock):
    dock = stocked_dock
    points = dock.controller.layer("interventions_point")
    points.selectByExpression("\"uid\" IN ('u1', 'u5')")
    assert sorted(i.data() for i in dock.view.selectionModel().selectedRows(TITLE)) == ["Bench", "Tree"]
    polygons = dock.controller.layer("interventions_polygon")
    polygons.selectByExpression("\"uid\" = 'u3'")
    assert sorted(i.data() for i in dock.view.selectionModel().selectedRows(TITLE)) == ["Bench", "Park", "Tree"]
    points.removeSelection()
    assert [i.data() for i in dock.view.selectionModel().selectedRows(TITLE)] == ["Park"]


def test_list_follows_edits_made_elsewhere(stocked_dock):
    dock = stocked_dock
    points = dock.controller.layer("interventions_point")
    points.startEditing()
    fid = next(f.id() for f in points.getFeatures() if f["uid"] == "u1")
    points.changeAttributeValue(fid, points.fields().indexFromName("title"), "Picnic table")
    feat = QgsFeature(points.fields())
    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(101500, 480500)))
    feat["uid"], feat["title"], feat["start_year"], feat["end_year"] = "u9", "Lamp", 2025, 2025
    points.addFeature(feat)
    assert dock.watcher.timer.isActive()  # debounced, not yet re-read
    dock.watcher.flush()
    assert "Picnic table" in titles(dock) and "Lamp" in titles(dock)
    points.rollBack()
    dock.watcher.flush()
    assert titles(dock) == ["Bench", "Bike lane", "Neighbourhood team", "Park", "Tree"]


def test_funding_edits_update_the_total(stocked_dock):
    dock = stocked_dock
    funding = dock.controller.layer("funding")
    funding.startEditing()
    row = QgsFeature(funding.fields())
    row["intervention_uid"], row["year"], row["funder"], row["amount"] = "u1", 2025, "municipality", 250.0
    funding.addFeature(row)
    dock.watcher.flush()
    assert {r.title: r.funding for r in dock.model.rows()}["Bench"] == 250.0


def test_double_click_zooms_to_the_feature(stocked_dock, qgis_iface):
    dock = stocked_dock
    canvas = qgis_iface.mapCanvas()
    row = [dock.proxy.index(i, TITLE).data() for i in range(5)].index("Park")
    dock.zoom_to_index(dock.proxy.index(row, TITLE))
    assert canvas.extent().contains(QgsPointXY(100250, 480250))
    assert abs(canvas.extent().center().x() - 100250) < 1 and canvas.extent().height() < 400


def test_choosing_a_district_zooms_to_it(stocked_dock, qgis_iface):
    dock = stocked_dock
    dock.filters.set_choice("district", "east")
    extent = qgis_iface.mapCanvas().extent()
    assert abs(extent.center().x() - 101500) < 1 and abs(extent.center().y() - 480500) < 1
    dock.filters.set_choice("district", "city")
    assert abs(qgis_iface.mapCanvas().extent().center().x() - 101000) < 1


def test_list_refresh_time_is_reported(stocked_dock):
    stocked_dock.reload()
    assert 0 < stocked_dock.refresh_seconds < 1


def test_removing_the_programme_layers_empties_the_dock(stocked_dock):
    from qgis.core import QgsProject

    dock = stocked_dock
    QgsProject.instance().removeAllMapLayers()
    assert dock.model.rowCount() == 0
    assert not dock.bars.actions["draw_point"].isEnabled() and dock.bars.actions["open"].isEnabled()
    assert dock.programme_label.text().startswith("No programme open. Open or create one")
