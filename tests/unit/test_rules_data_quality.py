"""data_quality on programme projects (the MJP): the same checks as on interventions, named by code."""

from __future__ import annotations

from shapely.geometry import Polygon, box

BOWTIE = Polygon([(100, 100), (110, 110), (110, 100), (100, 110)])


def test_clean_projects_give_no_findings(city):
    city.project("MJP-1", box(10, 10, 200, 200), district_id="west", budget=5000.0)
    assert city.run("data_quality") == []


def test_bad_project_data_is_reported_under_its_code(city):
    city.project("MJP-BAD", BOWTIE, start=2030, end=2028, district_id="west", budget=-5.0)
    city.project("MJP-OUT", box(5000, 5000, 5100, 5100), district_id="east")
    city.project("MJP-NOTITLE", box(10, 10, 20, 20), title=None)
    found = city.run("data_quality")
    by_code = {}
    for f in found:
        by_code.setdefault(f.subject_uids[0], []).append(f.message_en)
    bad = " | ".join(by_code["MJP-BAD"])
    assert "invalid geometry" in bad and "end year 2028 is before start year 2030" in bad and "negative budget" in bad
    assert "MJP MJP-BAD" in bad
    assert any("outside the city" in m for m in by_code["MJP-OUT"])
    assert any("mandatory fields missing: Title" in m for m in by_code["MJP-NOTITLE"])
    assert {f.district_id for f in found if f.subject_uids == ("MJP-OUT",)} == {"east"}


def test_project_and_intervention_findings_stay_apart(city):
    city.add("u1", BOWTIE)
    city.project("u1", BOWTIE)  # the same text as code and uid: still two findings with their own ids
    invalid = [f for f in city.run("data_quality") if "invalid geometry" in f.message_en]
    assert len(invalid) == 2
    assert len({f.finding_id for f in invalid}) == 2


def test_project_without_a_code_is_named_by_table_and_fid(city):
    city.project("", BOWTIE, programme_code=None)
    (finding,) = [f for f in city.run("data_quality") if "invalid geometry" in f.message_en]
    assert finding.subject_uids == ("programme_projects_polygon#1",)
