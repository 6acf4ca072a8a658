"""An import refuses a row whose district or neighbourhood the programme does not have, as it refuses
any bad value: named by file, row (CSV line, GeoPackage fid), key, field and value; nothing written,
or with "import the valid rows only" the other rows written.

The programme is built here from hand-made districts (noord, zuid) and neighbourhoods (n-1 in noord,
z-1 in zuid); the expected sentences are written by hand from those.
"""

from __future__ import annotations

import sqlite3

import pytest
from qgis.PyQt.QtCore import QCoreApplication

from gebiedsplugin.qgis_io.importer import ImportRejected, run_import
from tests.qgis.import_fixtures import DISTRICT_ROWS, fingerprint, write_csv, write_vector
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)

NEIGHBOURHOOD_ROWS = [
    ({"neighbourhood_id": "n-1", "name": "Noord-Oost", "district_id": "noord"},
     "POLYGON ((5.38 52.156, 5.39 52.156, 5.39 52.165, 5.38 52.165, 5.38 52.156))"),
    ({"neighbourhood_id": "z-1", "name": "Zuid-West", "district_id": "zuid"},
     "POLYGON ((5.38 52.141, 5.39 52.141, 5.39 52.150, 5.38 52.150, 5.38 52.141))"),
]
NOORD, ZUID = (5.385, 52.16), (5.385, 52.145)  # a point in each district (and in its neighbourhood)
FIELDS = ("uid", "title", "domain", "kind", "theme", "district_id", "neighbourhood_id", "start_year", "end_year")
# uid, district, neighbourhood, where: three good rows and three that name areas the programme lacks
ROWS = [
    ("i-1", "noord", "n-1", NOORD),
    ("i-2", "xyz", "", NOORD),  # no such district
    ("i-3", "zuid", "n-1", ZUID),  # n-1 is a neighbourhood of noord
    ("i-4", "zuid", "q-9", ZUID),  # no such neighbourhood
    ("i-5", "city", "", NOORD),  # the whole city is a district of every programme
    ("i-6", "", "z-1", ZUID),  # district left empty: filled from the geometry (zuid), z-1 is in it
]
GOOD = {"i-1": "noord", "i-5": "city", "i-6": "zuid"}

EXPECTED = {
    "en": ["{where} (uid i-2): district_id (District) 'xyz' is not a district of this programme "
           "(its districts: noord, zuid).",
           "{where} (uid i-3): neighbourhood_id (Neighbourhood) 'n-1' is not a neighbourhood of district 'zuid' "
           "but of district 'noord'.",
           "{where} (uid i-4): neighbourhood_id (Neighbourhood) 'q-9' is not a neighbourhood of this programme."],
    "nl": ["{where} (uid i-2): district_id (Stadsdeel) 'xyz' is geen stadsdeel van dit programma "
           "(de stadsdelen zijn: noord, zuid).",
           "{where} (uid i-3): neighbourhood_id (Buurt) 'n-1' is geen buurt van stadsdeel 'zuid' "
           "maar van stadsdeel 'noord'.",
           "{where} (uid i-4): neighbourhood_id (Buurt) 'q-9' is geen buurt van dit programma."],
}
SUMMARY = {"en": "Nothing imported from {} into Interventions: 3 of 6 rows rejected.",
           "nl": "Niets geïmporteerd uit {} in Interventies: 3 van 6 rijen afgewezen."}


@pytest.fixture()
def programme(empty_gpkg, tmp_path):
    """A programme with districts noord and zuid (and the whole city) and neighbourhoods n-1, z-1."""
    run_import(str(empty_gpkg), write_vector(tmp_path / "stadsdelen.gpkg", DISTRICT_ROWS), "districts",
               {"district_id": "code", "name": "naam"})
    run_import(str(empty_gpkg), write_vector(tmp_path / "buurten.gpkg", NEIGHBOURHOOD_ROWS), "neighbourhoods")
    return str(empty_gpkg)


def _translated(lang: str) -> bool:
    """True when the loaded Dutch translation has this refusal's sentence (the .ts is filled after a merge)."""
    source = "{where}: {field} '{value}' is not a neighbourhood of this programme."
    return lang == "en" or QCoreApplication.translate("@default", source) != source


def _csv(path) -> str:
    header = list(FIELDS) + ["x", "y"]
    return write_csv(path, header, [(uid, "Werk " + uid, "fysiek", "onderhoud", "green", district, hood,
                                     2025, 2026, xy[0], xy[1]) for uid, district, hood, xy in ROWS])


def _gpkg(path) -> str:
    rows = [({"uid": uid, "title": "Werk " + uid, "domain": "fysiek", "kind": "onderhoud", "theme": "green",
              "district_id": district or None, "neighbourhood_id": hood or None, "start_year": 2025,
              "end_year": 2026}, "POINT ({} {})".format(*xy)) for uid, district, hood, xy in ROWS]
    # an empty district in the first row would make OGR guess the column's type from a None: text throughout
    return write_vector(path, rows, "GPKG", field_types={"district_id": 4, "neighbourhood_id": 4})


def _imported(programme) -> dict:
    """uid -> district_id of the interventions in the programme, by SQL on the GeoPackage."""
    con = sqlite3.connect(programme)
    try:
        return dict(con.execute("SELECT uid, district_id FROM interventions_point"))
    finally:
        con.close()


@pytest.mark.parametrize("kind", ["csv", "gpkg"])
def test_unknown_district_and_neighbourhood_are_refused_by_row_and_field(kind, ui_locale, programme, tmp_path):
    if not _translated(ui_locale):
        pytest.skip("the Dutch .qm does not have these sentences yet (the lead fills the .ts from notes/nl/tidy.tsv)")
    name = "acties." + kind
    src = _csv(tmp_path / name) if kind == "csv" else _gpkg(tmp_path / name)
    # CSV: the header is line 1, so data row n is line n + 1; GeoPackage: fid n (OGR numbers them from 1)
    word = {"csv": {"en": "line", "nl": "regel"}, "gpkg": {"en": "fid", "nl": "fid"}}[kind][ui_locale]
    places = ["{}, {} {}".format(name, word, n + (2 if kind == "csv" else 1)) for n in (1, 2, 3)]
    before = fingerprint(programme)

    with pytest.raises(ImportRejected) as refused:
        run_import(programme, src, "interventions")
    lines = str(refused.value).split("\n")
    assert lines[0] == SUMMARY[ui_locale].format(name)
    assert lines[1:4] == [text.format(where=where) for text, where in zip(EXPECTED[ui_locale], places)]
    assert fingerprint(programme) == before

    result = run_import(programme, src, "interventions", valid_only=True)
    assert result.counts() == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 3}
    assert _imported(programme) == GOOD


@pytest.mark.parametrize("ui_locale", ["en"], indirect=True)  # English whatever a test before left set
def test_an_area_budget_for_an_unknown_district_is_refused(ui_locale, programme, tmp_path):
    rows = [({"district_id": "noord", "year": 2026, "amount": 1000.0}, None),
            ({"district_id": "oost", "year": 2026, "amount": 2000.0}, None)]
    src = write_vector(tmp_path / "budgetten.gpkg", rows, "GPKG", geometry=False)
    with pytest.raises(ImportRejected) as refused:
        run_import(programme, src, "area_budgets")
    assert ("budgetten.gpkg, fid 2 (district_id/year oost/2026): district_id (District) 'oost' is not a district "
            "of this programme (its districts: noord, zuid).") in str(refused.value).split("\n")


@pytest.mark.parametrize("ui_locale", ["en"], indirect=True)
def test_a_programme_without_areas_yet_takes_the_rows_and_says_they_were_not_checked(ui_locale, empty_gpkg, tmp_path):
    """A new programme is filled in any order: with no districts or neighbourhoods to check against,
    the rows go in (the check judges them once the districts are there) and the report says so."""
    result = run_import(str(empty_gpkg), _csv(tmp_path / "acties.csv"), "interventions")
    assert result.counts() == {"added": 6, "updated": 0, "unchanged": 0, "rejected": 0}
    lines = result.text().split("\n")
    assert "district_id (District) was not checked: the programme has no districts yet. Import the districts, " \
        "then run the check." in lines
    assert "neighbourhood_id (Neighbourhood) was not checked: the programme has no neighbourhoods yet. Import the " \
        "neighbourhoods, then run the check." in lines
    assert _imported(str(empty_gpkg)) == {uid: district or None for uid, district, _hood, _xy in ROWS}
