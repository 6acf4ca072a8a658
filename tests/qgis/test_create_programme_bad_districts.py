"""create_programme with bad DISTRICTS: each refusal names the file, the feature, the field and the value,
and nothing is created (issue 13, item 6)."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from tests.qgis.import_fixtures import write_vector

WEST = "POLYGON ((4.60 52.36, 4.63 52.36, 4.63 52.38, 4.60 52.38, 4.60 52.36))"
EAST = "POLYGON ((4.63 52.36, 4.66 52.36, 4.66 52.38, 4.63 52.38, 4.63 52.36))"


def _refused(tmp_path, src, name_field="naam"):
    import processing

    out = tmp_path / "nieuw.gpkg"
    with pytest.raises(QgsProcessingException) as info:
        processing.run("gebiedsplugin:create_programme", {
            "OUTPUT": str(out), "DISTRICTS": src, "DISTRICT_NAME_FIELD": name_field, "CRS": "EPSG:28992"})
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("nieuw")] == []
    return str(info.value)


def test_empty_name_names_file_fid_and_field(provider, tmp_path):
    src = write_vector(tmp_path / "wijken.gpkg", [({"naam": "West"}, WEST), ({"naam": ""}, EAST)], "GPKG")
    text = _refused(tmp_path, src)
    assert "wijken.gpkg, fid 2: the district name field naam is empty; nothing was created." in text


def test_missing_geometry_names_the_district(provider, tmp_path):
    src = write_vector(tmp_path / "wijken.geojson", [({"naam": "West"}, WEST), ({"naam": "Oost"}, None)],
                       "GeoJSON")
    text = _refused(tmp_path, src)
    assert "wijken.geojson, feature 2 (naam Oost): the district has no geometry; nothing was created." in text


def test_unknown_name_field_lists_the_fields(provider, tmp_path):
    src = write_vector(tmp_path / "wijken.geojson", [({"naam": "West", "code": "w"}, WEST)], "GeoJSON")
    text = _refused(tmp_path, src, name_field="name")
    assert "wijken.geojson has no field name; its fields are: naam, code." in text


def test_districts_in_degrees_labelled_rd_are_refused(provider, tmp_path):
    # WGS84 coordinates in a shapefile whose .prj says RD New: some 300 km from where RD applies.
    src = write_vector(tmp_path / "wijken.shp", [({"naam": "West"}, WEST)], "ESRI Shapefile", epsg=28992)
    text = _refused(tmp_path, src)
    assert "wijken.shp, feature 1 (naam West): the geometry lies" in text
    assert "km outside the area where EPSG:28992 applies (more than 5 km)" in text
