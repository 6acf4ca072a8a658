"""Editing from the dock: form, delete, copy to another period, whole-area actions, save/discard."""

from __future__ import annotations

from gebiedsplugin.qgis_io.edit_session import session_of
from tests.qgis import interventions_fixtures as fx
from tests.qgis.interventions_fixtures import answer_form

clean_settings, stocked_dock, town_gpkg, dock = fx.clean_settings, fx.stocked_dock, fx.town_gpkg, fx.dock


def select(dock, *titles):
    rows = [dock.proxy.index(i, 0).data() for i in range(dock.proxy.rowCount())]
    dock.view.clearSelection()
    for t in titles:
        dock.view.selectionModel().select(
            dock.proxy.index(rows.index(t), 0),
            dock.view.selectionModel().SelectionFlag.Select | dock.view.selectionModel().SelectionFlag.Rows)


def by_uid(layer, uid):
    return next(f for f in layer.getFeatures() if f["uid"] == uid)


def test_delete_asks_and_can_be_refused(stocked_dock):
    dock = stocked_dock
    select(dock, "Bench", "Park")
    dock.prompts.answers["confirm"] = False
    dock.delete_selected()
    dock.watcher.flush()
    assert len(dock.model.rows()) == 5
    dock.prompts.answers["confirm"] = True
    dock.delete_selected()
    dock.watcher.flush()
    assert sorted(r.title for r in dock.model.rows()) == ["Bike lane", "Neighbourhood team", "Tree"]
    assert dock.prompts.asked[-1][0] == "confirm" and "2" in dock.prompts.asked[-1][1]
    dock.undo()  # the polygon layer was the last one changed
    dock.watcher.flush()
    assert "Park" in [r.title for r in dock.model.rows()]


def test_copy_to_another_period_gets_new_uid_and_shifted_years(stocked_dock):
    dock = stocked_dock
    select(dock, "Bike lane")
    dock.prompts.answers["years"] = 4
    dock.copy_selected()
    dock.watcher.flush()
    copies = [r for r in dock.model.rows() if r.title == "Bike lane"]
    assert len(copies) == 2
    new = next(r for r in copies if r.uid != "u2")
    assert (new.start_year, new.end_year) == (2031, 2033)
    assert len(new.uid) == 36 and new.district_id == "east" and new.budget == 250000.0
    dock.prompts.answers["years"] = None  # cancelled
    dock.copy_selected()
    dock.watcher.flush()
    assert len([r for r in dock.model.rows() if r.title == "Bike lane"]) == 2


def test_edit_attributes_in_the_form(stocked_dock):
    dock = stocked_dock
    select(dock, "Tree")
    answer_form({"title": "Oak tree", "status": "in_progress"})
    dock.edit_selected()
    dock.watcher.flush()
    f = by_uid(dock.controller.layer("interventions_point"), "u5")
    assert f["title"] == "Oak tree" and f["status"] == "in_progress"
    assert "Oak tree" in [r.title for r in dock.model.rows()]


def test_edit_geometry_starts_the_vertex_tool(stocked_dock, qgis_iface):
    dock = stocked_dock
    select(dock, "Park")
    dock.edit_geometry()
    polygons = dock.controller.layer("interventions_polygon")
    assert polygons.isEditable() and qgis_iface.activeLayer() is polygons
    assert [f["uid"] for f in polygons.selectedFeatures()] == ["u3"]
    qgis_iface.actionVertexTool.return_value.trigger.assert_called()


def test_draw_buttons_start_qgis_add_feature_on_the_right_layer(dock, qgis_iface):
    dock.bars.actions["draw_line"].trigger()
    line = dock.controller.layer("interventions_line")
    assert qgis_iface.activeLayer() is line and line.isEditable()
    qgis_iface.actionAddFeature.return_value.trigger.assert_called()


def test_social_action_for_a_whole_neighbourhood(dock):
    dock.prompts.answers["area"] = ("neighbourhoods", "east2")
    answer_form({"title": "Neighbourhood network", "kind": "initiative", "theme": "care",
                 "start_year": 2026, "end_year": 2028})
    dock.add_for_area()
    dock.watcher.flush()
    polygons = dock.controller.layer("interventions_polygon")
    f = next(iter(polygons.getFeatures()))
    assert f["domain"] == "social" and f["district_id"] == "east" and f["neighbourhood_id"] == "east2"
    assert abs(f.geometry().area() - 500 * 1000) < 1
    assert f["needs_review"] in (False, 0)
    labels = [label for label, _ in dock.prompts.asked[-1][1]]
    assert "District: West" in labels and "Neighbourhood: east 2" in labels


def test_social_action_for_the_whole_city_is_city_wide(dock):
    dock.prompts.answers["area"] = ("districts", "city")
    answer_form({"title": "Work and income desk", "kind": "statutory", "theme": "work_income",
                 "start_year": 2026, "end_year": 2026})
    dock.add_for_area()
    f = next(iter(dock.controller.layer("interventions_polygon").getFeatures()))
    # Over every district, but marked city-wide: DOMAIN.md flags such a geometry only when not city-wide.
    assert f["city_wide"] in (True, 1) and f["needs_review"] in (False, 0)


def test_discard_asks_then_rolls_back(stocked_dock):
    dock = stocked_dock
    select(dock, "Bench")
    dock.delete_selected()
    dock.prompts.answers["confirm"] = False
    dock.discard()
    assert dock.controller.layer("interventions_point").isModified()
    dock.prompts.answers["confirm"] = True
    dock.discard()
    dock.watcher.flush()
    assert not dock.controller.layer("interventions_point").isEditable()
    assert len(dock.model.rows()) == 5


def test_cleanup_disconnects_everything_and_removes_proposals(plugin, town_gpkg, clean_settings):
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    clean_settings.last_domain = "social"
    clean_settings.save()
    plugin.controller.open(town_gpkg)
    point = plugin.controller.layer("interventions_point")
    domain = point.fields().indexFromName("domain")
    assert point.defaultValueDefinition(domain).expression() == "'social'"
    added, selected = point.receivers(point.featureAdded), point.receivers(point.selectionChanged)
    reloaded = point.receivers(point.dataChanged)
    session = session_of(point)
    assert len(session.saved_listeners) == 1  # the list's changes hear of saves
    listeners = plugin.controller.receivers(plugin.controller.programmeChanged)  # other docks listen too
    dock = [d for d in plugin.docks if isinstance(d, InterventionsDock)][0]
    dock.cleanup()
    # the dock's watcher, its list's changes and its draw actions
    assert point.receivers(point.featureAdded) == added - 3
    assert point.receivers(point.dataChanged) == reloaded - 2 and session.saved_listeners == []
    assert point.receivers(point.selectionChanged) == selected - 1
    assert point.defaultValueDefinition(domain).expression() == ""
    assert plugin.controller.receivers(plugin.controller.programmeChanged) == listeners - 1
