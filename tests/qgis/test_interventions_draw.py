"""Drawing interventions with QGIS's capture tool and the feature form, in a real programme."""

from __future__ import annotations

from qgis.core import NULL

from gebiedsplugin.gui.feature_form import add_with_form
from tests.qgis import interventions_fixtures as fx
from tests.qgis.interventions_fixtures import FORM_VALUES, answer_form, capture

clean_settings, town_gpkg, dock = fx.clean_settings, fx.town_gpkg, fx.dock  # fixtures


def _draw(dock, qgis_iface, kind, points, values=None, accept=True, seen=None):
    layer = dock.draw.prepare(kind)
    assert layer is not None and layer.isEditable()
    assert qgis_iface.activeLayer() is layer
    geometry = capture(qgis_iface.mapCanvas(), layer, kind, points)
    answer_form(FORM_VALUES if values is None else values, accept, seen)
    fid = add_with_form(qgis_iface, layer, geometry)
    return layer, fid


def test_draw_point_fills_district_neighbourhood_uid_audit(dock, qgis_iface):
    seen = {}
    layer, fid = _draw(dock, qgis_iface, "point", [(100200, 480500)], seen=seen)
    assert fid is not None and fid < 0  # in the edit buffer, not yet saved
    f = layer.getFeature(fid)
    assert f["district_id"] == "west" and f["neighbourhood_id"] == "west1"
    assert f["needs_review"] in (False, 0)
    assert f["title"] == "New bench" and f["start_year"] == 2026
    assert len(f["uid"]) == 36 and f["created_by"] not in (None, NULL) and f["created_at"] not in (None, NULL)
    # the form showed the derived values before the planner typed anything
    assert seen["district_id"] == "west" and seen["uid"] == f["uid"]
    dock.watcher.flush()
    assert [r.title for r in dock.model.rows()] == ["New bench"]


def test_draw_line_across_border_takes_largest_overlap_and_needs_review(dock, qgis_iface):
    layer, fid = _draw(dock, qgis_iface, "line", [(100700, 480500), (101100, 480500)])
    f = layer.getFeature(fid)
    assert f.geometry().isMultipart()
    assert f["district_id"] == "west"  # 300 m in west, 100 m in east
    assert f["neighbourhood_id"] == "west2"
    assert f["needs_review"] in (True, 1)


def test_draw_polygon_on_border_goes_to_largest_part(dock, qgis_iface):
    layer, fid = _draw(dock, qgis_iface, "polygon",
                       [(100900, 480200), (101300, 480200), (101300, 480800), (100900, 480800)])
    f = layer.getFeature(fid)
    assert f.geometry().area() > 0
    assert f["district_id"] == "east" and f["neighbourhood_id"] == "east1"
    assert f["needs_review"] in (True, 1)


def test_cancelling_the_form_adds_nothing(dock, qgis_iface):
    layer, fid = _draw(dock, qgis_iface, "point", [(100200, 480500)], accept=False)
    assert fid is None
    assert layer.featureCount() == 0
    assert not layer.isModified()


def test_undo_and_redo_through_the_edit_buffer(dock, qgis_iface):
    layer, fid = _draw(dock, qgis_iface, "point", [(100200, 480500)])
    dock.watcher.flush()
    assert dock.model.rowCount() == 1
    dock.undo()
    dock.watcher.flush()
    assert layer.featureCount() == 0 and dock.model.rowCount() == 0
    dock.redo()
    dock.watcher.flush()
    assert layer.featureCount() == 1 and dock.model.rowCount() == 1


def test_last_used_values_are_proposed_in_the_next_form(dock, qgis_iface):
    _draw(dock, qgis_iface, "point", [(100200, 480500)],
          values=dict(FORM_VALUES, domain="social", kind="initiative", theme="care", start_year=2030,
                      end_year=2031))
    seen = {}
    _draw(dock, qgis_iface, "polygon", [(101200, 480200), (101400, 480200), (101400, 480400)],
          values={"title": "Second"}, seen=seen)
    assert (seen["domain"], seen["kind"], seen["theme"]) == ("social", "initiative", "care")
    assert (seen["start_year"], seen["end_year"]) == (2030, 2031)


def test_save_commits_to_the_programme_file(dock, qgis_iface, town_gpkg):
    from qgis.core import QgsVectorLayer

    layer, _ = _draw(dock, qgis_iface, "point", [(101700, 480300)])
    dock.save()
    assert not layer.isEditable()
    stored = QgsVectorLayer(town_gpkg + "|layername=interventions_point", "x", "ogr")
    feats = list(stored.getFeatures())
    assert len(feats) == 1 and feats[0]["district_id"] == "east" and feats[0]["title"] == "New bench"


def test_the_form_shows_funding_measurements_and_links_relations(dock, qgis_iface, plugin):
    from qgis.core import QgsProject

    layer = dock.draw.layer("polygon")
    relations = QgsProject.instance().relationManager().referencedRelations(layer)
    assert sorted(r.referencingLayer().customProperty("gebiedsplugin/table") for r in relations) == [
        "effect_measurements", "funding", "links"]
    assert all(r.isValid() for r in relations)
    seen = {}
    _draw(dock, qgis_iface, "point", [(100200, 480500)], seen=seen)
    assert seen["_dialog_relations"] == 3  # funding, measured effects and links editors inside the generated form
