"""Import from every source format into every target; geometry and CRS handling."""

from __future__ import annotations

import pytest
import shapely
from qgis.core import QgsVectorLayer

from gebiedsplugin.qgis_io.importer import run_import
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.import_fixtures import DISTRICT_ROWS, MJP_ROWS, project_count, write_csv, write_vector


def _projects(path):
    return {p.get("programme_code"): p for p in GpkgStore(path).read_programme().projects}


@pytest.mark.parametrize("driver, suffix", [("GPKG", ".gpkg"), ("ESRI Shapefile", ".shp"), ("GeoJSON", ".geojson")])
def test_mjp_from_ogr_formats(empty_gpkg, tmp_path, driver, suffix):
    rows = MJP_ROWS if driver != "ESRI Shapefile" else [r for r in MJP_ROWS if r[1].startswith("POINT")]
    src = write_vector(tmp_path / ("mjp" + suffix), rows, driver)
    result = run_import(empty_gpkg, src, "programme_projects")
    assert result.counts() == {"added": len(rows), "updated": 0, "unchanged": 0, "rejected": 0}
    projects = _projects(empty_gpkg)
    assert projects["MJP-01"].table == "programme_projects_point"
    assert projects["MJP-01"].attrs["theme"] == "public_space" and projects["MJP-01"].attrs["status"] == "planned"
    x, y = projects["MJP-01"].geometry.x, projects["MJP-01"].geometry.y
    assert 154000 < x < 156000 and 462000 < y < 464000
    if len(rows) == 3:
        assert projects["MJP-02"].table == "programme_projects_line"
        assert projects["MJP-02"].geometry.geom_type == "MultiLineString"
        assert projects["MJP-03"].geometry.geom_type == "MultiPolygon"
        assert projects["MJP-03"].attrs["status"] == "in_progress"


def test_districts_from_geojson_add_the_city(empty_gpkg, tmp_path):
    src = write_vector(tmp_path / "wijken.geojson", DISTRICT_ROWS, "GeoJSON")
    result = run_import(empty_gpkg, src, "districts")
    assert result.counts()["added"] == 2
    districts = {d.get("district_id"): d for d in GpkgStore(empty_gpkg).read_programme().districts}
    assert set(districts) == {"noord", "zuid", "city"}
    assert districts["city"].geometry.area == pytest.approx(
        districts["noord"].geometry.area + districts["zuid"].geometry.area, rel=1e-6)


def test_csv_with_wkt(empty_gpkg, tmp_path):
    header = ["code", "naam", "wkt"]
    rows = [[a["code"], a["naam"], wkt] for a, wkt in DISTRICT_ROWS]
    src = write_csv(tmp_path / "wijken.csv", header, rows, delimiter=";")
    assert run_import(empty_gpkg, src, "districts").counts()["added"] == 2
    assert GpkgStore(empty_gpkg).counts()["districts"] == 3


def test_csv_with_xy_in_rd_and_text_numbers(empty_gpkg, tmp_path):
    header = ["titel", "domein", "soort", "thema", "startjaar", "eindjaar", "x", "y", "budget"]
    rows = [["Bankje", "Fysiek", "Onderhoud", "Openbare ruimte", 2025, 2025, 155000, 463000, "1250,50"],
            ["Buurtfeest", "Sociaal", "Initiatief", "Zorg en welzijn", 2026, 2026, 155100.5, 463100, ""]]
    src = write_csv(tmp_path / "acties.csv", header, rows)
    result = run_import(empty_gpkg, src, "interventions")
    assert result.counts()["added"] == 2
    items = {i.get("title"): i for i in GpkgStore(empty_gpkg).read_programme().interventions}
    assert items["Bankje"].attrs["kind"] == "maintenance" and items["Bankje"].attrs["budget"] == 1250.5
    assert (items["Bankje"].geometry.x, items["Bankje"].geometry.y) == (155000, 463000)
    assert items["Buurtfeest"].attrs["domain"] == "social" and items["Buurtfeest"].attrs["uid"]


def test_csv_with_lon_lat_is_transformed(empty_gpkg, tmp_path):
    header = ["stadsdeel", "code", "naam", "lon", "lat"]
    src = write_csv(tmp_path / "buurten.csv", header, [["noord", "b1", "Buurt 1", 5.38720621, 52.15517440]])
    # A point cannot be a neighbourhood: rejected, naming the row.
    from gebiedsplugin.qgis_io.importer import ImportRejected

    with pytest.raises(ImportRejected, match=r"buurten.csv, line 2 \(neighbourhood_id b1\): the geometry is a Point"):
        run_import(empty_gpkg, src, "neighbourhoods")
    src = write_csv(tmp_path / "punten.csv", ["titel", "domein", "soort", "thema", "begin", "eind", "lon", "lat"],
                    [["Toren", "fysiek", "interventie", "veiligheid", 2025, 2026, 5.38720621, 52.15517440]])
    run_import(empty_gpkg, src, "interventions")
    (item,) = GpkgStore(empty_gpkg).read_programme().interventions
    assert abs(item.geometry.x - 155000) < 1 and abs(item.geometry.y - 463000) < 1


def test_xlsx_sheets_for_goals_and_budgets(empty_gpkg, tmp_path):
    path = tmp_path / "opgaven.xlsx"
    write_vector(path, [({"stadsdeel": "noord", "jaar": 2025, "bedrag": 100000.0}, None),
                        ({"stadsdeel": "zuid", "jaar": 2025, "bedrag": 50000.0}, None)],
                 "XLSX", layer_name="budgetten", geometry=False)
    assert run_import(empty_gpkg, "{}|layername=budgetten".format(path), "area_budgets").counts()["added"] == 2
    goals = tmp_path / "doelen.xlsx"
    write_vector(goals, [({"stadsdeel": "noord", "thema": "Wonen", "prioriteit": 1, "doel": "Meer woningen"}, None)],
                 "XLSX", layer_name="doelen", geometry=False)
    assert run_import(empty_gpkg, str(goals), "area_goals").counts()["added"] == 1
    programme = GpkgStore(empty_gpkg).read_programme()
    assert programme.area_goals[0]["theme"] == "housing" and programme.area_goals[0]["priority"] == 1
    assert sorted(b["amount"] for b in programme.area_budgets) == [50000.0, 100000.0]


def test_neighbourhoods_3d_multipolygon_in_rd(empty_gpkg, tmp_path):
    wkt = "MULTIPOLYGON Z (((155000 463000 1, 155100 463000 1, 155100 463100 1, 155000 463000 1)))"
    src = write_vector(tmp_path / "buurten.gpkg", [({"buurtcode": "b1", "naam": "B1", "stadsdeel": "noord"}, wkt)],
                       epsg=28992)
    assert run_import(empty_gpkg, src, "neighbourhoods").counts()["added"] == 1
    (nb,) = GpkgStore(empty_gpkg).read_programme().neighbourhoods
    assert not nb.geometry.has_z and nb.attrs["district_id"] == "noord"


def test_invalid_polygon_is_repaired_and_reported(empty_gpkg, tmp_path):
    bowtie = "POLYGON ((155000 463000, 155100 463100, 155100 463000, 155000 463100, 155000 463000))"
    src = write_vector(tmp_path / "w.gpkg", [({"code": "x", "naam": "X"}, bowtie)], epsg=28992)
    result = run_import(empty_gpkg, src, "districts")
    assert "repaired" in result.text()
    district = [d for d in GpkgStore(empty_gpkg).read_programme().districts if d.get("district_id") == "x"][0]
    assert shapely.is_valid(district.geometry) and district.geometry.area == pytest.approx(5000)


def test_memory_layer_source(empty_gpkg):
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=projectcode:string&field=titel:string&field=thema:string"
                           "&field=startjaar:integer&field=eindjaar:integer", "m", "memory")
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    f = QgsFeature(layer.fields())
    f.setAttributes(["A1", "Plein", "mobiliteit", 2025, 2026])
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(155000, 463000)))
    layer.dataProvider().addFeatures([f])
    assert run_import(empty_gpkg, layer, "programme_projects").counts()["added"] == 1
    assert project_count(empty_gpkg) == 1


def test_xlsx_interventions_with_xy_columns(empty_gpkg, tmp_path):
    path = tmp_path / "acties.xlsx"
    write_vector(path, [({"titel": "Bank", "domein": "Fysiek", "soort": "Onderhoud", "thema": "Groen en water",
                          "startjaar": 2025, "eindjaar": 2026, "x": 155000.0, "y": 463000.0}, None)],
                 "XLSX", layer_name="acties", geometry=False)
    assert run_import(empty_gpkg, "{}|layername=acties".format(path), "interventions").counts()["added"] == 1
    (item,) = GpkgStore(empty_gpkg).read_programme().interventions
    assert (item.geometry.x, item.geometry.y) == (155000, 463000) and item.get("theme") == "green"
