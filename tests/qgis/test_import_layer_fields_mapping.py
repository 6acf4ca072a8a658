"""gebiedsplugin:import_layer with QGIS's field mapping (FIELDS_MAPPING) and CSV read by GDAL (issue 14, item 7).

Through processing.run, on real files: a script written for the older FIELD_MAPPING (JSON) still
works; FIELDS_MAPPING takes QGIS's field-mapping list (plain fields, expressions, value mappings);
bad mappings and failing expressions are refused by name, file and line, the programme untouched.
CSV and text files are opened by GDAL's CSV driver with its open options. Expected values are read
from the files and the programme here (sqlite3, OGR), not from the plugin.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingParameterFieldMapping

from gebiedsplugin.core import schema
from tests.qgis.import_fixtures import fingerprint

HEADER = "uid;naam;dom;soort;thema;begin;omschrijving;x;y"


def _run(params):
    import processing

    return processing.run("gebiedsplugin:import_layer", params)


def _write(path: Path, *lines) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _source(tmp_path, name="acties.csv") -> str:
    """Three interventions in RD, Dutch CSV style: semicolons, decimal commas, domain as F/S."""
    return _write(tmp_path / name, HEADER,
                  "v-1;Bank;F;onderhoud;green;2025;2025-03-01;155000,5;463000,25",
                  "v-2;Plein;S;initiatief;green;2026;;155100;463100",
                  "v-3;Toren;F;interventie;green;2027;2027-01-05;155200;463200")


def _rows(programme) -> dict:
    con = sqlite3.connect(str(programme))
    try:
        out = {}
        for table in schema.INTERVENTION_TABLES:
            for row in con.execute('SELECT uid, title, domain, start_year, end_year FROM "{}"'.format(table)):
                out[row[0]] = row[1:]
        return out
    finally:
        con.close()


def _points(programme) -> dict:
    ds = ogr.Open(str(programme))
    layer = ds.GetLayerByName("interventions_point")
    out = {f.GetField("uid"): (f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in layer}
    ds = None
    return out


def test_the_parameter_is_qgis_field_mapping_and_the_old_names_stay(provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("gebiedsplugin:import_layer")
    names = [p.name() for p in alg.parameterDefinitions()]
    assert {"PROGRAMME", "INPUT", "TARGET", "FIELD_MAPPING", "DRY_RUN", "VALID_ONLY", "SOURCE_CRS",
            "FIELDS_MAPPING"} <= set(names)
    param = alg.parameterDefinition("FIELDS_MAPPING")
    assert isinstance(param, QgsProcessingParameterFieldMapping) and param.parentLayerParameterName() == "INPUT"


def test_a_script_with_the_older_field_mapping_still_imports(provider, empty_gpkg, tmp_path):
    mapping = json.dumps({"title": "naam", "domain": {"field": "dom", "values": {"F": "physical", "S": "social"}},
                          "start_year": "begin", "end_year": "begin", "uid": "uid", "kind": "soort",
                          "theme": "thema"})
    result = _run({"PROGRAMME": str(empty_gpkg), "INPUT": _source(tmp_path), "TARGET": "interventions",
                   "FIELD_MAPPING": mapping})
    assert (result["ADDED"], result["REJECTED"]) == (3, 0)
    assert _rows(empty_gpkg) == {"v-1": ("Bank", "physical", 2025, 2025), "v-2": ("Plein", "social", 2026, 2026),
                                 "v-3": ("Toren", "physical", 2027, 2027)}
    # GDAL read the decimal commas of the semicolon CSV: the point is where the file says
    assert _points(empty_gpkg)["v-1"] == (155000.5, 463000.25)


def test_fields_mapping_with_expressions_and_values(provider, empty_gpkg, tmp_path):
    entries = [
        {"name": "title", "expression": "upper(\"naam\")", "type": 10, "length": 0, "precision": 0},
        {"name": "domain", "expression": '"dom"', "values": {"F": "physical", "S": "social"}},
        {"name": "end_year", "expression": '"begin" + 1'},
        {"name": "description", "expression": ""},  # left out on purpose
        {"name": "omschrijving", "expression": '"omschrijving"'},  # the Processing form's default: skipped
    ]
    result = _run({"PROGRAMME": str(empty_gpkg), "INPUT": _source(tmp_path), "TARGET": "interventions",
                   "FIELDS_MAPPING": entries})
    assert (result["ADDED"], result["REJECTED"]) == (3, 0)
    # the rest (uid, kind, theme, start_year) came from the proposal by names and aliases
    assert _rows(empty_gpkg) == {"v-1": ("BANK", "physical", 2025, 2026), "v-2": ("PLEIN", "social", 2026, 2027),
                                 "v-3": ("TOREN", "physical", 2027, 2028)}
    con = sqlite3.connect(str(empty_gpkg))
    assert con.execute("SELECT count(*) FROM interventions_point WHERE description IS NOT NULL").fetchone() == (0,)
    con.close()


@pytest.mark.parametrize("entries, message", [
    ([{"name": "titel_x", "expression": '"naam"'}],
     r"The field mapping names titel_x, which is not a field of Interventions"),
    ([{"name": "title", "expression": '"naam_x"'}],
     r"The field mapping uses the source field naam_x, which the source does not have"),
    ([{"name": "title", "expression": 'upper("naam"'}], r"The expression for Title cannot be read"),
])
def test_bad_fields_mapping_is_named_and_nothing_written(provider, empty_gpkg, tmp_path, entries, message):
    before = fingerprint(empty_gpkg)
    with pytest.raises(QgsProcessingException, match=message):
        _run({"PROGRAMME": str(empty_gpkg), "INPUT": _source(tmp_path), "TARGET": "interventions",
              "FIELDS_MAPPING": entries})
    assert fingerprint(empty_gpkg) == before


def test_both_mappings_at_once_are_refused(provider, empty_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="FIELDS_MAPPING or FIELD_MAPPING, not both"):
        _run({"PROGRAMME": str(empty_gpkg), "INPUT": _source(tmp_path), "TARGET": "interventions",
              "FIELDS_MAPPING": [{"name": "title", "expression": '"naam"'}], "FIELD_MAPPING": '{"title": "naam"}'})


def test_an_expression_failing_on_one_row_names_its_line_and_field(provider, empty_gpkg, tmp_path):
    src = _source(tmp_path)
    Path(src).write_text(Path(src).read_text().replace("v-2;Plein;S;initiatief;green;2026;;",
                                                       "v-2;Plein;S;initiatief;green;2026;volgend voorjaar;"))
    # the record of v-2 (its omschrijving is no date); counted here from the file
    line = next(n for n, text in enumerate(Path(src).read_text().splitlines(), 1) if text.startswith("v-2;"))
    entries = [{"name": "domain", "expression": '"dom"', "values": {"F": "physical", "S": "social"}},
               {"name": "start_year", "expression": 'year(to_date("omschrijving"))'},
               {"name": "end_year", "expression": '"begin"'}]
    before = fingerprint(empty_gpkg)
    with pytest.raises(QgsProcessingException) as info:
        _run({"PROGRAMME": str(empty_gpkg), "INPUT": src, "TARGET": "interventions", "FIELDS_MAPPING": entries})
    text = str(info.value)
    assert text.startswith("Nothing imported from acties.csv into Interventions: 1 of 3 rows rejected.\n"), text
    assert "\nacties.csv, line {} (uid v-2): the expression for start_year (Start year) fails (".format(line) in text
    assert fingerprint(empty_gpkg) == before
    result = _run({"PROGRAMME": str(empty_gpkg), "INPUT": src, "TARGET": "interventions", "FIELDS_MAPPING": entries,
                   "VALID_ONLY": True})
    assert (result["ADDED"], result["REJECTED"]) == (2, 1)
    assert {uid: r[2] for uid, r in _rows(empty_gpkg).items()} == {"v-1": 2025, "v-3": 2027}


def test_csv_and_text_are_read_by_gdal_with_its_open_options(qgis_app, tmp_path):
    from gebiedsplugin.qgis_io.import_source import open_source

    layer = open_source(_source(tmp_path))
    assert layer.providerType() == "ogr"
    for option in ("X_POSSIBLE_NAMES", "Y_POSSIBLE_NAMES", "GEOM_POSSIBLE_NAMES", "AUTODETECT_TYPE=YES",
                   "KEEP_GEOM_COLUMNS=NO"):
        assert "option:" + option in layer.source()
    assert layer.fields().names() == ["uid", "naam", "dom", "soort", "thema", "begin", "omschrijving"]  # no x, y
    assert layer.fields().field("begin").isNumeric() and layer.crs().authid() == "EPSG:28992"
    assert [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in layer.getFeatures()][0] == \
        (155000.5, 463000.25)
    # a .txt with a WKT column (tab separated) through the driver's CSV: prefix; degrees -> WGS84
    txt = _write(tmp_path / "wijken.txt", "code\tnaam\twkt", "n\tNoord\tPOINT (5.38 52.15)")
    layer = open_source(txt)
    assert layer.isValid() and layer.fields().names() == ["code", "naam"] and layer.crs().authid() == "EPSG:4326"


def test_an_algorithm_refusal_names_the_csv_line_by_gdal_record(provider, empty_gpkg, tmp_path):
    src = _write(tmp_path / "lang.csv", HEADER,
                 'w-1;"Bank\nmet twee regels";F;onderhoud;green;2025;;155000;463000',
                 "",
                 "w-2;Plein;X;initiatief;green;2026;;155100;463100")
    line = Path(src).read_text().split("\n").index("w-2;Plein;X;initiatief;green;2026;;155100;463100") + 1
    assert line == 5
    with pytest.raises(QgsProcessingException) as info:
        _run({"PROGRAMME": str(empty_gpkg), "INPUT": src, "TARGET": "interventions",
              "FIELDS_MAPPING": [{"name": "domain", "expression": '"dom"', "values": {"F": "physical"}},
                                 {"name": "end_year", "expression": '"begin"'}]})
    assert "lang.csv, line {} (uid w-2): domain (Domain) has an unknown value 'X'".format(line) in str(info.value)
