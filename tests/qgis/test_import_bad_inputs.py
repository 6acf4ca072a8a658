"""The bad-input catalogue: each case gets a clear message and leaves the programme untouched."""

from __future__ import annotations

import os
import sqlite3

import pytest

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.importer import run_import
from tests.qgis.import_fixtures import DISTRICT_ROWS, MJP_ROWS, fingerprint, write_csv, write_vector

OK_ROW = MJP_ROWS[0]
AT = r"mjp.geojson, feature "


def _mjp(tmp_path, *rows, driver="GeoJSON", name="mjp.geojson", **kw):
    return write_vector(tmp_path / name, list(rows), driver, **kw)


def _with(**changes):
    return (dict(OK_ROW[0], **changes), OK_ROW[1])


def _case_missing_mandatory(tmp_path):
    src = _mjp(tmp_path, OK_ROW, _with(code="P2", titel=None))
    return src, {}, AT + r"2 \(programme_code P2\): title \(Title\) is mandatory"


def _case_unmapped_mandatory(tmp_path):
    return _mjp(tmp_path, ({"code": "x", "titel": "y"}, OK_ROW[1])), {}, "mandatory field"


def _case_text_in_number(tmp_path):
    src = _mjp(tmp_path, OK_ROW, _with(code="P2", bedrag="veel"), field_types={"bedrag": 4})
    return src, {}, AT + r"2 \(programme_code P2\): budget .* must be a number, not 'veel'"


def _case_year_out_of_range(tmp_path):
    src = _mjp(tmp_path, _with(eind=2150))
    return src, {}, AT + r"1 \(programme_code MJP-01\): end_year .* = 2150 is outside 2000–2100"


def _case_unknown_code(tmp_path):
    return _mjp(tmp_path, _with(thema="Kunst")), {}, AT + r"1 \(programme_code MJP-01\): theme .* unknown value 'Kunst'"


def _case_duplicate_keys(tmp_path):
    src = _mjp(tmp_path, OK_ROW, OK_ROW)
    return src, {}, AT + r"1: key programme_code .* = 'MJP-01' occurs more than once .*also at feature 2"


def _case_wrong_geometry(tmp_path):
    src = _mjp(tmp_path, ({"code": "n", "naam": "N"}, "POINT (5.38 52.15)"))
    return src, {"target": "districts"}, AT + r"1 \(district_id n\): the geometry is a Point, which does not fit"


def _case_empty_layer(tmp_path):
    src = write_vector(tmp_path / "leeg.gpkg", [], "GPKG")
    return src, {}, "has no rows"


def _case_empty_file(tmp_path):
    path = tmp_path / "leeg.geojson"
    path.write_bytes(b"")
    return str(path), {}, "is empty"


def _case_not_vector(tmp_path):
    path = tmp_path / "notities.gpkg"
    path.write_text("dit is geen geopackage")
    return str(path), {}, "not a vector data source"


def _case_not_vector_image(tmp_path):
    path = tmp_path / "foto.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return str(path), {}, "not a vector data source"


def _case_missing_file(tmp_path):
    return str(tmp_path / "weg.shp"), {}, "does not exist"


def _case_unreadable(tmp_path):
    src = _mjp(tmp_path, OK_ROW)
    os.chmod(src, 0)
    return src, {}, "cannot be read"


def _case_locked_source(tmp_path):
    src = _mjp(tmp_path, OK_ROW, driver="GPKG", name="mjp.gpkg")
    con = sqlite3.connect(src)
    con.execute("PRAGMA locking_mode=EXCLUSIVE")
    con.execute("BEGIN EXCLUSIVE")
    tmp_path.joinpath("lock").write_text("")
    _case_locked_source.held = con
    return src, {}, "locked by another program"


def _case_latin1_shapefile(tmp_path):
    src = _mjp(tmp_path, _with(titel="Café de Markt"), driver="ESRI Shapefile", name="mjp.shp",
               options=["ENCODING=UTF-8"])
    dbf = tmp_path / "mjp.dbf"  # re-encode the text as Latin-1 (same length) under a .cpg that says UTF-8
    dbf.write_bytes(dbf.read_bytes().replace("Café de".encode(), "Café  de".encode("latin-1")))
    (tmp_path / "mjp.cpg").write_text("UTF-8")
    return src, {}, r"mjp.shp, feature 1: holds text that is not valid UTF-8.*\.cpg"


def _case_latin1_csv(tmp_path):
    src = write_csv(tmp_path / "mjp.csv", ["code", "titel"], [["P1", "Café"]], encoding="latin-1")
    return src, {}, "is not UTF-8 text"


def _case_bad_mapping_json(tmp_path):
    return _mjp(tmp_path, OK_ROW), {"mapping": "{titel"}, "not valid JSON"


def _case_mapping_unknown_source_field(tmp_path):
    return _mjp(tmp_path, OK_ROW), {"mapping": '{"title": "naam"}'}, "does not have"


def _case_unknown_target(tmp_path):
    return _mjp(tmp_path, OK_ROW), {"target": "wijken"}, "Unknown import target"


def _case_no_crs(tmp_path):
    src = _mjp(tmp_path, OK_ROW, driver="ESRI Shapefile", name="geen_prj.shp")
    os.unlink(tmp_path / "geen_prj.prj")
    return src, {}, "no coordinate reference system"


CASES = {name[6:]: fn for name, fn in sorted(globals().items()) if name.startswith("_case_")}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_leaves_programme_untouched(case, sample_gpkg, tmp_path):
    programme = str(sample_gpkg[0])
    src, options, message = CASES[case](tmp_path)
    before = fingerprint(programme)
    mtime = os.path.getmtime(programme)
    try:
        with pytest.raises(ProgrammeError, match=message):
            run_import(programme, src, options.get("target", "programme_projects"), options.get("mapping"))
    finally:
        held = getattr(CASES[case], "held", None)
        if held is not None:
            held.close()
    assert fingerprint(programme) == before
    assert os.path.getmtime(programme) == mtime


def test_read_only_programme(empty_gpkg, tmp_path):
    src = _mjp(tmp_path, OK_ROW)
    before = fingerprint(empty_gpkg)
    os.chmod(empty_gpkg, 0o444)
    try:
        with pytest.raises(ProgrammeError, match="read-only"):
            run_import(empty_gpkg, src, "programme_projects")
        assert run_import(empty_gpkg, src, "programme_projects", dry_run=True).counts()["added"] == 1
    finally:
        os.chmod(empty_gpkg, 0o644)
    assert fingerprint(empty_gpkg) == before


def test_programme_locked_by_another_writer(empty_gpkg, tmp_path):
    src = write_vector(tmp_path / "w.geojson", DISTRICT_ROWS, "GeoJSON")
    before = fingerprint(empty_gpkg)
    con = sqlite3.connect(empty_gpkg, timeout=0)
    con.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with pytest.raises(ProgrammeError, match="locked"):
            run_import(empty_gpkg, src, "districts")
    finally:
        con.rollback()
        con.close()
    assert fingerprint(empty_gpkg) == before
    assert run_import(empty_gpkg, src, "districts").counts()["added"] == 2


def test_valid_only_writes_the_valid_rows(empty_gpkg, tmp_path):
    src = _mjp(tmp_path, OK_ROW, _with(code="P2", thema="Kunst"))
    result = run_import(empty_gpkg, src, "programme_projects", valid_only=True)
    assert result.counts() == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 1}
    assert "mjp.geojson, feature 2 (programme_code P2): theme" in result.text()
