"""Bad input named (issue 13, item 6), end to end with real files through gebiedsplugin:import_layer.

Each refusal names the file, the row as the user finds it (CSV: the line of the file, the header is
line 1; GeoPackage: the fid; shapefile/GeoJSON: the feature number counting from 1), the row's key,
the field and the offending value; the programme's file is byte for byte what it was before.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from tests.qgis.import_fixtures import fingerprint, write_vector

HEADER = "uid,titel,domein,soort,thema,begin,eind,bedrag,x,y"


def _sha256(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def _run(params):
    import processing

    return processing.run("gebiedsplugin:import_layer", params)


def _refused(programme, src, target="interventions", **extra):
    """The refusal's text; asserts the programme file and its rows are unchanged."""
    before_bytes, before_rows = _sha256(programme), fingerprint(programme)
    with pytest.raises(QgsProcessingException) as info:
        _run(dict({"PROGRAMME": str(programme), "INPUT": str(src), "TARGET": target}, **extra))
    assert _sha256(programme) == before_bytes
    assert fingerprint(programme) == before_rows
    return str(info.value)


def _city_extent(programme) -> tuple:
    """(minx, maxx, miny, maxy) of the programme's districts, read with OGR (not the plugin)."""
    ds = ogr.Open(str(programme))
    extent = ds.GetLayerByName("districts").GetExtent()
    ds = None
    return extent


def _write(path, *lines) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_end_before_start_names_file_line_uid_field_and_value(provider, sample_gpkg, tmp_path):
    programme = sample_gpkg[0]
    minx, maxx, miny, maxy = _city_extent(programme)
    x, y = (minx + maxx) / 2, (miny + maxy) / 2
    src = _write(tmp_path / "acties.csv", HEADER,
                 "a-1,Bankje,fysiek,onderhoud,green,2025,2025,1000,{},{}".format(x, y),
                 # a description over two lines: the next record starts one line later
                 '"a-2","Plein\nnoord",fysiek,onderhoud,green,2025,2026,1000,{},{}'.format(x, y),
                 "a-3,Speeltuin,fysiek,interventie,green,2026,2024,5000,{},{}".format(x, y))
    text = _refused(programme, src)
    # the bad record is the third data record; it starts on line 5 (header 1, a-1 2, a-2 3-4)
    assert "acties.csv, line 5 (uid a-3): end_year (End year) = 2024 is before start_year (Start year) = 2026" \
        in text
    assert text.startswith("Nothing imported from acties.csv into Interventions: 1 of 3 rows rejected.\n")


@pytest.mark.parametrize("column, value, expected", [
    # the delimited-text provider reads the column as a number: the value is shown as Python writes it
    ("bedrag", "1e308", r"budget \(Budget \(EUR\)\) = 1e\+308 is not a plausible amount "
                        r"\(more than 100,000,000,000 EUR\)"),
    ("bedrag", "-250", r"budget \(Budget \(EUR\)\) = -250 is negative"),
    ("eind", "20250", r"end_year \(End year\) = 20250 is not a plausible year \(not between 1900–2200\)"),
    ("begin", "1850", r"start_year \(Start year\) = 1850 is not a plausible year"),
])
def test_absurd_value_in_a_csv_is_refused(provider, sample_gpkg, tmp_path, column, value, expected):
    programme = sample_gpkg[0]
    minx, maxx, miny, maxy = _city_extent(programme)
    row = {"uid": "b-2", "titel": "Fontein", "domein": "fysiek", "soort": "interventie", "thema": "green",
           "begin": "2025", "eind": "2026", "bedrag": "1000", "x": str(minx + 10), "y": str(miny + 10)}
    good = dict(row, uid="b-1")
    row[column] = value
    fields = HEADER.split(",")
    # the CSV column holds text so the value reaches the plugin as written
    src = _write(tmp_path / "fouten.csv", HEADER, ",".join(good[f] for f in fields), ",".join(row[f] for f in fields))
    text = _refused(programme, src)
    assert re.search(r"fouten\.csv, line 3 \(uid b-2\): " + expected, text), text


def test_budget_of_1e308_in_a_geopackage_names_the_fid(provider, empty_gpkg, tmp_path):
    rows = [({"code": "P{}".format(n), "titel": "Project {}".format(n), "thema": "Groen en water",
              "begin": 2025, "eind": 2026, "bedrag": 1000.0}, "POINT (5.3872 52.1552)") for n in range(1, 5)]
    rows[2][0]["bedrag"] = 1e308
    src = write_vector(tmp_path / "mjp.gpkg", rows, "GPKG")
    con = sqlite3.connect(src)  # the user deleted fid 1: the bad row is fid 3, the second feature read
    con.execute("DELETE FROM mjp WHERE fid = 1")
    con.commit()
    con.close()
    text = _refused(empty_gpkg, src, "programme_projects")
    assert "mjp.gpkg, fid 3 (programme_code P3): budget (Budget (EUR)) = 1e+308 is not a plausible amount" in text


def test_area_budget_amount_above_the_bound_is_refused(provider, sample_gpkg, tmp_path):
    rows = [({"stadsdeel": "noord", "jaar": 2026, "bedrag": 2.5e11}, None)]
    src = write_vector(tmp_path / "budgetten.geojson", rows, "GeoJSON", geometry=False)
    text = _refused(sample_gpkg[0], src, "area_budgets")
    assert ("budgetten.geojson, feature 1 (district_id/year noord/2026): amount (Amount (EUR)) = 250000000000.0 "
            "is not a plausible amount") in text


def test_geometry_far_outside_the_districts_is_refused(provider, sample_gpkg, tmp_path):
    programme = sample_gpkg[0]
    minx, maxx, miny, maxy = _city_extent(programme)
    inside = "c-1,Bank,fysiek,onderhoud,green,2025,2025,10,{},{}".format(minx + 100, miny + 100)
    far = "c-2,Bank,fysiek,onderhoud,green,2025,2025,10,{},{}".format(maxx + 20000, miny + 100)  # 20 km east
    text = _refused(programme, _write(tmp_path / "ver.csv", HEADER, inside, far))
    assert "ver.csv, line 3 (uid c-2): the geometry lies 20.0 km outside the programme's districts" in text
    assert "line 2" not in text


def test_degrees_declared_as_rd_are_refused(provider, sample_gpkg, tmp_path):
    # WGS84 coordinates with the source CRS set to RD New by mistake: they land ~300 km from the city.
    src = _write(tmp_path / "graden.csv", HEADER, "d-1,Bank,fysiek,onderhoud,green,2025,2025,10,4.63,52.38")
    text = _refused(sample_gpkg[0], src, SOURCE_CRS="EPSG:28992")
    assert re.search(r"graden\.csv, line 2 \(uid d-1\): the geometry lies \d+\.\d km outside the programme's "
                     r"districts \(more than 5 km\)", text), text


def test_without_districts_the_crs_area_of_use_is_the_bound(provider, empty_gpkg, tmp_path):
    square = "POLYGON ((5 52, 5.01 52, 5.01 52.01, 5 52))"  # degrees, but the .prj says RD New
    src = write_vector(tmp_path / "ver.shp", [({"code": "n1", "naam": "N"}, square)], "ESRI Shapefile", epsg=28992)
    text = _refused(empty_gpkg, src, "districts")
    assert "ver.shp, feature 1 (district_id n1): the geometry lies" in text
    assert "outside the area where the programme's CRS applies" in text


def test_valid_only_writes_the_plausible_rows(provider, sample_gpkg, tmp_path):
    programme = sample_gpkg[0]
    minx, maxx, miny, maxy = _city_extent(programme)
    src = _write(tmp_path / "mix.csv", HEADER,
                 "e-1,Bank,fysiek,onderhoud,green,2025,2025,10,{},{}".format(minx + 100, miny + 100),
                 "e-2,Bank,fysiek,onderhoud,green,2025,2025,1e12,{},{}".format(minx + 100, miny + 100))
    result = _run({"PROGRAMME": str(programme), "INPUT": src, "TARGET": "interventions", "VALID_ONLY": True})
    assert (result["ADDED"], result["REJECTED"]) == (1, 1)
    import json

    (item,) = json.loads(result["REPORT"])["rejected"]
    assert (item["place"], item["key"], item["field"], item["value"]) == ("line 3", "uid e-2", "budget", 1e12)
