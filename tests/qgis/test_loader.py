"""Layers load as one group with forms built from the declarative schema."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsFieldConstraints,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayerUtils,
)

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.loader import load_programme, programme_layers
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


@pytest.fixture()
def loaded(sample_gpkg, qgis_app):
    path, manifest = sample_gpkg
    project = QgsProject.instance()
    layers = load_programme(GpkgStore.open(path), project, lang="en")
    yield layers, manifest
    project.clear()


def _idx(layer, name):
    return layer.fields().indexFromName(name)


def test_one_group_with_every_layer(loaded):
    layers, _ = loaded
    root = QgsProject.instance().layerTreeRoot()
    group = root.children()[0]
    assert group.name().startswith("Programme: voorbeeldstad")
    assert [child.layer().id() for child in group.findLayers()] == [layers[t].id() for t in schema.LAYER_TABLES]
    assert programme_layers(QgsProject.instance()) == layers


def test_loading_twice_reuses_the_layers(loaded, sample_gpkg):
    layers, _ = loaded
    again = load_programme(GpkgStore.open(sample_gpkg[0]), QgsProject.instance())
    assert again == layers
    assert len(QgsProject.instance().mapLayers()) == len(schema.LAYER_TABLES)


@pytest.mark.parametrize("lang,alias,label", [("en", "Start year", "Maintenance"), ("nl", "Startjaar", "Onderhoud")])
def test_aliases_and_value_maps_follow_language(sample_gpkg, qgis_app, lang, alias, label):
    layers = load_programme(GpkgStore.open(sample_gpkg[0]), QgsProject.instance(), lang=lang)
    try:
        layer = layers["interventions_point"]
        assert layer.attributeAlias(_idx(layer, "start_year")) == alias
        config = layer.editorWidgetSetup(_idx(layer, "kind")).config()
        assert {label: "maintenance"} in config["map"]
    finally:
        QgsProject.instance().clear()


def test_widgets_constraints_defaults(loaded):
    layers, _ = loaded
    layer = layers["interventions_polygon"]
    assert layer.editorWidgetSetup(_idx(layer, "start_year")).type() == "Range"
    assert layer.editorWidgetSetup(_idx(layer, "priority")).config()["Max"] == 3
    assert layer.editorWidgetSetup(_idx(layer, "city_wide")).type() == "CheckBox"
    title = layer.fields().field("title").constraints()
    assert title.constraints() & QgsFieldConstraints.ConstraintNotNull
    assert "start_year" in layer.constraintExpression(_idx(layer, "end_year"))
    assert layer.defaultValueDefinition(_idx(layer, "uid")).expression().startswith("uuid(")
    assert layer.defaultValueDefinition(_idx(layer, "modified_at")).applyOnUpdate()
    assert layer.editFormConfig().readOnly(_idx(layer, "uid"))


def _new_feature(layer, geom):
    context = layer.createExpressionContext()
    feat = QgsVectorLayerUtils.createFeature(layer, geom, {}, context)
    return feat


def _district_geometry(layers, code):
    for f in layers["districts"].getFeatures():
        if f["district_id"] == code:
            return f.geometry()
    raise KeyError(code)


def test_defaults_derive_district_neighbourhood_uid_audit(loaded):
    layers, _ = loaded
    layer = layers["interventions_point"]
    inside = _district_geometry(layers, "noord").pointOnSurface()
    feat = _new_feature(layer, inside)
    assert feat["district_id"] == "noord"
    hood = [n for n in layers["neighbourhoods"].getFeatures() if n.geometry().intersects(inside)][0]
    assert feat["neighbourhood_id"] == hood["neighbourhood_id"]
    assert len(str(feat["uid"])) == 36
    assert feat["created_by"] and feat["created_at"]
    assert feat["needs_review"] is False


def test_geometry_over_two_districts_takes_largest_overlap_and_needs_review(loaded):
    layers, _ = loaded
    noord, oost = _district_geometry(layers, "noord"), _district_geometry(layers, "oost")
    border = noord.intersection(oost)
    assert not border.isEmpty(), "sample districts noord and oost should share a border"
    mid = border.interpolate(border.length() / 2).asPoint()
    # A square across the border, off-centre so one district clearly holds more of it.
    square = QgsGeometry.fromRect(QgsGeometry.fromPointXY(QgsPointXY(mid.x() + 15, mid.y() + 10)).buffer(60, 8)
                                  .boundingBox())
    assert square.intersects(oost) and square.intersects(noord)
    expected = "noord" if square.intersection(noord).area() > square.intersection(oost).area() else "oost"
    feat = _new_feature(layers["interventions_polygon"], square)
    assert feat["district_id"] == expected
    assert feat["needs_review"] is True


def test_point_exactly_on_border_gets_one_district(loaded):
    layers, _ = loaded
    noord, oost = _district_geometry(layers, "noord"), _district_geometry(layers, "oost")
    on_border = noord.intersection(oost).interpolate(1.0)
    feat = _new_feature(layers["interventions_point"], on_border)
    assert feat["district_id"] in ("noord", "oost")


def test_relations_for_funding_measured_effects_and_links(loaded):
    layers, _ = loaded
    relations = QgsProject.instance().relationManager().referencedRelations(layers["interventions_line"])
    children = {r.referencingLayer().customProperty("gebiedsplugin/table") for r in relations}
    assert children == {"funding", "effect_measurements", "links"}
    assert all(r.isValid() for r in relations)


def test_feature_added_through_edit_buffer_is_undoable(loaded):
    layers, _ = loaded
    layer = layers["interventions_point"]
    before = layer.featureCount()
    layer.startEditing()
    feat = _new_feature(layer, _district_geometry(layers, "centrum").pointOnSurface())
    for name, value in {"title": "Bankje", "domain": "physical", "kind": "intervention", "theme": "green",
                        "start_year": 2026, "end_year": 2026}.items():
        feat[name] = value
    assert layer.addFeature(feat)
    assert layer.featureCount() == before + 1
    layer.undoStack().undo()
    assert layer.featureCount() == before
    layer.rollBack()


def test_end_before_start_violates_constraint(loaded):
    layers, _ = loaded
    layer = layers["interventions_point"]
    feat = QgsFeature(layer.fields())
    feat["start_year"], feat["end_year"] = 2030, 2029
    ok, errors = QgsVectorLayerUtils.validateAttribute(layer, feat, _idx(layer, "end_year"))
    assert not ok and errors
    feat["end_year"] = 2030
    ok, _ = QgsVectorLayerUtils.validateAttribute(layer, feat, _idx(layer, "end_year"))
    assert ok


def test_city_wide_intervention_over_districts_needs_no_review(loaded):
    layers, _ = loaded
    layer = layers["interventions_polygon"]
    city = [f for f in layers["districts"].getFeatures() if f["district_id"] == "city"][0].geometry()
    context = layer.createExpressionContext()
    feat = QgsVectorLayerUtils.createFeature(layer, city, {_idx(layer, "city_wide"): True}, context)
    assert feat["needs_review"] is False
    plain = QgsVectorLayerUtils.createFeature(layer, city, {}, layer.createExpressionContext())
    assert plain["needs_review"] is True


def test_legend_speaks_the_ui_language(sample_gpkg, qgis_app):
    layers = load_programme(GpkgStore.open(sample_gpkg[0]), QgsProject.instance(), lang="nl")
    try:
        labels = [c.label() for c in layers["interventions_point"].renderer().categories()]
        assert "Fysiek · Onderhoud" in labels and "Sociaal · Initiatief" in labels
        findings = [c.label() for c in layers["findings"].renderer().categories()]
        assert findings == ["Fout", "Waarschuwing", "Info", "Kans"]
    finally:
        QgsProject.instance().clear()
