"""User text is printed as written, never evaluated: layout labels of the export and filters (issue 13, item 5).

A layout label replaces ``$CURRENT_DATE(...)`` and evaluates ``[% ... %]`` in its text; the export
must print a district named ``Wijk [% 6*7 %]`` as that, not as "Wijk 42". Filters and default
values built from user text must match the text itself, not what it would mean as an expression.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from gebiedsplugin.core import schema
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.core.unified import Scope
from gebiedsplugin.gui.check_map import finding_feature_ids, select_subjects
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.qgis_io.district_report import write_district_report
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.intervention_rows import apply_proposals, area_geometry
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.summary_pages import render_chart
from tests.qgis.test_export_atlas import ARTIFACTS, pdf_pages, pdf_text

WIJK = "Wijk [% 6*7 %]"
TRICKY = "Oost %] '$CURRENT_DATE(yyyy)' [% 1+1"
TRICKY_ID = "oost'%]$x"
TITLE = "Plein [% 6*7 %]"
PROGRAMME = "plan [% 2*3 %] $CURRENT_DATE(yyyy)"


def _rename_district(programme, old: str, new: str) -> None:
    for record in programme.districts + programme.neighbourhoods + programme.interventions + programme.projects:
        if record.attrs.get("district_id") == old:
            record.attrs["district_id"] = new
    for row in programme.area_goals + programme.area_budgets:
        if row.get("district_id") == old:
            row["district_id"] = new


@pytest.fixture(scope="module")
def odd_export(tmp_path_factory, qgis_app):
    """Voorbeeldstad with user text that looks like expressions, exported as PDF for two districts."""
    programme, _ = generate_sample(seed=42)
    districts = sorted((d for d in programme.districts if d.attrs["district_id"] != schema.CITY_ID),
                       key=lambda d: d.attrs["district_id"])
    first, second = districts[0], districts[1]
    first.attrs["name"], second.attrs["name"] = WIJK, TRICKY
    _rename_district(programme, second.attrs["district_id"], TRICKY_ID)
    for item in programme.interventions:
        if item.attrs.get("district_id") == first.attrs["district_id"]:
            item.attrs["title"] = TITLE
    folder = tmp_path_factory.mktemp("odd_text")
    path = folder / (PROGRAMME + ".gpkg")
    GpkgStore.create(path, programme.crs, programme)
    request = ExportRequest(str(path), str(folder / "out"), Scope((first.attrs["district_id"], TRICKY_ID)),
                            formats=("pdf",))
    result = run_export(request)
    pdf = result.files["pdf"][0]
    pages = [" ".join(pdf_text(pdf, k).split()) for k in range(1, pdf_pages(pdf) + 1)]
    return pdf, pages, first.attrs["district_id"]


def test_names_on_atlas_and_summary_pages_are_printed_as_written(odd_export):
    pdf, pages, first_id = odd_export
    text = "\n".join(pages)
    assert "Wijk 42" not in text and "Plein 42" not in text
    for expected in ("Area programme map: " + WIJK, "District summary: " + WIJK,
                     "Area programme map: " + TRICKY, "District summary: " + TRICKY,
                     "Source: programme " + PROGRAMME + " (gebiedsplugin)"):
        assert expected in text, expected
    summaries = [p for p in pages if "District summary: " in p]
    assert len(summaries) == 2 and all(("Source: programme " + PROGRAMME) in p for p in summaries)
    assert TITLE in next(p for p in pages if ("Area programme map: " + WIJK) in p)  # the item table
    assert "Scope: {}, {}".format(first_id, TRICKY_ID) in pages[0]  # the selection's overview page
    ARTIFACTS.mkdir(exist_ok=True)
    wijk_page = 1 + next(k for k, p in enumerate(pages) if ("District summary: " + WIJK) in p)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(wijk_page), "-l", str(wijk_page), "-singlefile",
                    pdf, str(ARTIFACTS / "user_text_summary")], check=True)
    assert Path(ARTIFACTS / "user_text_summary.png").stat().st_size > 10_000


def _areas_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:28992", "areas", "memory")
    layer.dataProvider().addAttributes([QgsField("district_id", QVariant.String)])
    layer.updateFields()
    features = []
    for k, code in enumerate(["first", "it's", "a %] b", TRICKY_ID]):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code])
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON(({0} 0, {1} 0, {1} 1, {0} 1, {0} 0))".format(k, k + 1)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.mark.parametrize("code, expected_left", [("it's", 1.0), ("a %] b", 2.0), (TRICKY_ID, 3.0),
                                                 ("x' OR 'a'='a", None), ("' OR TRUE OR '", None)])
def test_area_filter_matches_the_code_itself(qgis_app, code, expected_left):
    found = area_geometry(_areas_layer(), "district_id", code)
    assert (None if found is None else found.boundingBox().xMinimum()) == expected_left


@pytest.mark.parametrize("value", ["[% 6*7 %]", "x' || 'y", "6*7", "care' OR '1'='1", "\\'; DROP"])
def test_proposed_values_are_literals_not_expressions(sample_gpkg, qgis_app, value):
    project = QgsProject()
    controller = ProgrammeController(project)
    try:
        controller.open(str(sample_gpkg[0]))
        layer = controller.layer("interventions_point")
        apply_proposals(layer, {"theme": value})
        assert layer.defaultValue(layer.fields().indexFromName("theme")) == value
    finally:
        controller.disconnect_project()
        project.clear()


def test_finding_and_subject_filters_match_the_ids_themselves(sample_gpkg, qgis_app):
    project = QgsProject()
    controller = ProgrammeController(project)
    try:
        controller.open(str(sample_gpkg[0]))
        points = controller.layer("interventions_point")
        uid = next(points.getFeatures())["uid"]
        assert select_subjects(controller, ["x' OR 'a'='a", "') OR TRUE OR ('"]) == {}
        found = select_subjects(controller, [uid, "x' OR 'a'='a"])
        assert {t: len(ids) for t, ids in found.items()} == {"interventions_point": 1}
        assert finding_feature_ids(controller, "x' OR 'a'='a") == []
    finally:
        controller.disconnect_project()
        project.clear()


TEX = "Wijk $\\foo$ en $x^2$"


def test_chart_texts_are_not_read_as_tex(tmp_path, qgis_app):
    programme, _ = generate_sample(seed=42)
    district = next(d for d in programme.districts if d.attrs["district_id"] != schema.CITY_ID)
    district.attrs["name"] = TEX
    store = GpkgStore.create(tmp_path / "tex.gpkg", programme.crs, programme)
    output = tmp_path / "report.pdf"
    assert write_district_report(store, str(output), district.attrs["district_id"]) == [district.attrs["district_id"]]
    assert TEX in " ".join(pdf_text(output).split())  # the page title, as written
    chart = tmp_path / "chart.png"
    render_chart(lambda ax: ax.set_title(TEX), str(chart), 80, 50)  # a summary page chart
    assert chart.stat().st_size > 0
