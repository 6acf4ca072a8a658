"""SOURCE_CRS: the import is told what the coordinates are when the source does not say, or says wrongly."""

from __future__ import annotations

import os

import processing
import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.import_fixtures import MJP_ROWS, write_csv, write_vector

AMERSFOORT_RD = (155000.0, 463000.0)


def _web_mercator(x, y):
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:28992"),
                                       QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    p = transform.transform(QgsPointXY(x, y))
    return p.x(), p.y()


def test_csv_xy_in_web_mercator_lands_in_place(provider, empty_gpkg, tmp_path):
    mx, my = _web_mercator(*AMERSFOORT_RD)
    header = ["titel", "domein", "soort", "thema", "startjaar", "eindjaar", "x", "y"]
    src = write_csv(tmp_path / "acties.csv", header,
                    [["Bankje", "Fysiek", "Onderhoud", "Openbare ruimte", 2025, 2025, mx, my]])
    result = processing.run("gebiedsplugin:import_layer", {
        "PROGRAMME": empty_gpkg, "INPUT": src, "TARGET": "interventions", "SOURCE_CRS": "EPSG:3857"})
    assert result["ADDED"] == 1
    (item,) = GpkgStore(empty_gpkg).read_programme().interventions
    assert item.geometry.distance(shapely.Point(*AMERSFOORT_RD)) < 1.0


def test_shapefile_without_prj_imports_with_source_crs(provider, empty_gpkg, tmp_path):
    src = write_vector(tmp_path / "geen_prj.shp", [MJP_ROWS[0]], "ESRI Shapefile")
    os.unlink(tmp_path / "geen_prj.prj")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        processing.run("gebiedsplugin:import_layer", {"PROGRAMME": empty_gpkg, "INPUT": src,
                                                      "TARGET": "programme_projects"})
    assert GpkgStore(empty_gpkg).counts()["programme_projects_point"] == 0
    result = processing.run("gebiedsplugin:import_layer", {
        "PROGRAMME": empty_gpkg, "INPUT": src, "TARGET": "programme_projects", "SOURCE_CRS": "EPSG:4326"})
    assert result["ADDED"] == 1
