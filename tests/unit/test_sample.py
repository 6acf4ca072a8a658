"""Voorbeeldstad, the seeded sample city: contract, geometry, consistency, planted cases, scaling."""

from __future__ import annotations

import ast
import json
import uuid
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import Programme
from gebiedsplugin.core.sample import DISTRICTS, generate_sample
from gebiedsplugin.core.value_lists import VALUE_LISTS, value_codes

REQUIRED_RULES = (
    "conflict", "stacking", "duplicate_funding", "budget_exceeded", "district_mismatch", "data_quality",
    "unknown_programme_code", "outside_programme_period",
)
EXPECTED_DISTRICTS = {
    "centrum": "Centrum", "noord": "Noord", "oost": "Oost", "schalkwijk": "Schalkwijk",
    "zuid_west": "Zuid-West",
}


@pytest.fixture(scope="module")
def sample():
    return generate_sample()


@pytest.fixture(scope="module")
def big():
    return generate_sample(seed=7, interventions=10_000)


def _planted_uids(manifest) -> set:
    return {u for case in manifest["planted"] for u in case["uids"]}


def _invalid_planted(manifest) -> set:
    return {u for case in manifest["planted"] if case["rule"] == "data_quality" for u in case["uids"]}


def _fingerprint(programme: Programme, manifest: dict) -> tuple:
    def feats(fs):
        return [(f.table, f.fid, sorted(f.attrs.items(), key=lambda kv: kv[0]),
                 shapely.to_wkb(f.geometry)) for f in fs]
    return (feats(programme.districts), feats(programme.neighbourhoods), feats(programme.interventions),
            feats(programme.projects), programme.funding, programme.links, programme.area_goals,
            programme.area_budgets, programme.settings, json.dumps(manifest, sort_keys=True))


# --- contract --------------------------------------------------------------------------------------

def test_api_returns_programme_and_json_manifest(sample):
    programme, manifest = sample
    assert isinstance(programme, Programme)
    assert programme.crs == "EPSG:28992"
    assert json.loads(json.dumps(manifest)) == manifest
    assert manifest["seed"] == 42
    assert programme.settings == schema.DEFAULT_SETTINGS
    assert programme.settings is not schema.DEFAULT_SETTINGS
    assert dict(DISTRICTS) == EXPECTED_DISTRICTS


def test_counts_default_and_explicit(sample):
    programme, manifest = sample
    assert len(programme.interventions) == 400
    assert len(programme.projects) == 100  # about interventions / 4
    counts = manifest["counts"]
    assert counts["interventions"] == 400 and counts["programme_projects"] == 100
    assert sum(counts[t] for t in schema.INTERVENTION_TABLES) == 400
    assert sum(counts[t] for t in schema.PROJECT_TABLES) == 100
    assert counts["funding"] == len(programme.funding) and counts["links"] == len(programme.links)
    assert 36 <= counts["neighbourhoods"] <= 44
    per_district = manifest["districts"]
    assert set(per_district) == set(EXPECTED_DISTRICTS) | {schema.CITY_ID}
    assert sum(d["interventions"] for d in per_district.values()) == 400
    assert sum(d["neighbourhoods"] for d in per_district.values()) == counts["neighbourhoods"]
    other, _ = generate_sample(seed=3, interventions=120, projects=50)
    assert len(other.interventions) == 120 and len(other.projects) == 50


def test_tiny_requests_still_hold_the_planted_cases():
    programme, manifest = generate_sample(seed=1, interventions=0, projects=0)
    uids = {f.attrs["uid"] for f in programme.interventions}
    assert _planted_uids(manifest) <= uids
    assert {c["rule"] for c in manifest["planted"]} >= set(REQUIRED_RULES)
    with pytest.raises(ValueError):
        generate_sample(interventions=-1)


def test_deterministic():
    a = _fingerprint(*generate_sample(seed=11, interventions=600, projects=90))
    b = _fingerprint(*generate_sample(seed=11, interventions=600, projects=90))
    assert a == b
    c = _fingerprint(*generate_sample(seed=12, interventions=600, projects=90))
    assert a != c


def test_sample_modules_do_not_print():
    # Which packages core may import is the layering contract (.importlinter, tests/unit/test_layering.py).
    folder = Path(__file__).resolve().parents[2] / "gebiedsplugin" / "core"
    for path in sorted(folder.glob("sample*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            assert not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"), path.name


# --- attributes ------------------------------------------------------------------------------------

def test_every_kind_domain_theme_status_and_table_present(sample):
    programme, _ = sample
    items = programme.interventions
    for list_name in ("kind", "domain", "status", "initiator"):
        assert {f.attrs[list_name] for f in items} == set(value_codes(list_name)), list_name
    assert {f.attrs["theme"] for f in items} == set(value_codes("theme"))
    assert {f.table for f in items} == set(schema.INTERVENTION_TABLES)
    assert {f.table for f in programme.projects} == set(schema.PROJECT_TABLES)
    assert len({f.attrs["funder"] for f in items}) >= 3
    assert len({r["funder"] for r in programme.funding}) >= 4
    assert sum(1 for f in items if f.attrs["city_wide"]) >= 1
    assert sum(1 for f in items if f.attrs["effect_indicator"]) > 40
    years = Counter(y for f in items for y in (f.attrs["start_year"], f.attrs["end_year"]))
    assert sum(n for y, n in years.items() if 2024 <= y <= 2032) / sum(years.values()) > 0.95


def test_intervention_records_follow_the_schema(sample):
    programme, manifest = sample
    fields = set(schema.table("interventions_point").field_names)
    mandatory = [f.name for f in schema.INTERVENTION_FIELDS if f.mandatory]
    lists = {f.name: f.value_list for f in schema.INTERVENTION_FIELDS if f.value_list}
    uids = [f.attrs["uid"] for f in programme.interventions]
    assert len(set(uids)) == len(uids)
    bad_years = _invalid_planted(manifest)
    for f in programme.interventions:
        a = f.attrs
        assert set(a) == fields
        assert str(uuid.UUID(a["uid"])) == a["uid"]
        assert all(a[name] not in (None, "") for name in mandatory)
        for name, list_name in lists.items():
            assert a[name] is None or a[name] in VALUE_LISTS[list_name], (name, a[name])
        assert a["budget"] >= 0 and 1 <= a["priority"] <= 3
        assert a["created_by"] == "voorbeeldstad"
        if a["uid"] not in bad_years:
            assert a["start_year"] <= a["end_year"]
    first = programme.interventions[0]
    assert first.fid == 1 and isinstance(first.get("title"), str) and "  " not in first.attrs["title"]


def test_titles_are_dutch_and_varied(sample):
    programme, _ = sample
    titles = [f.attrs["title"] for f in programme.interventions]
    assert len(set(titles)) > 300
    joined = " ".join(titles)
    for word in ("Herinrichting", "riolering", "Buurtnetwerk"):
        assert word in joined


def test_projects_codes_and_references(sample):
    programme, manifest = sample
    from gebiedsplugin.core.row_changes import BOOKKEEPING  # the stores stamp these

    fields = set(schema.table("programme_projects_point").field_names) - set(BOOKKEEPING)
    codes = {}
    for f in programme.projects:
        assert set(f.attrs) == fields
        code = f.attrs["programme_code"]
        assert code.startswith("MJP-") and len(code.split("-")) == 3 and code not in codes
        codes[code] = f.attrs
        assert f.attrs["district_id"] in EXPECTED_DISTRICTS and f.attrs["start_year"] <= f.attrs["end_year"]
    planted = _planted_uids(manifest)
    physical = [f for f in programme.interventions if f.attrs["domain"] == "physical"]
    coded = [f for f in physical if f.attrs["programme_code"]]
    assert len(coded) >= 0.8 * len(physical)
    for f in coded:
        if f.attrs["uid"] in planted:
            continue
        project = codes[f.attrs["programme_code"]]
        assert project["start_year"] <= f.attrs["start_year"] <= f.attrs["end_year"] <= project["end_year"]


def test_funding_links_goals_budgets(sample):
    programme, _ = sample
    by_uid = {f.attrs["uid"]: f for f in programme.interventions}
    paid = Counter()
    for row in programme.funding:
        assert set(row) == {"intervention_uid", "year", "funder", "amount"}
        assert row["intervention_uid"] in by_uid and row["amount"] >= 0
        assert row["funder"] in VALUE_LISTS["funder"]
        paid[row["intervention_uid"]] += row["amount"]
    partly = 0
    for uid, f in by_uid.items():  # ideas unfunded; some planned works funded for their first half only
        a = f.attrs
        if a["status"] == "idea":
            assert paid[uid] == 0
        elif abs(paid[uid] - a["budget"]) >= 1.0:
            n = a["end_year"] - a["start_year"] + 1
            assert a["status"] == "planned" and abs(paid[uid] - a["budget"] * (n // 2) / n) < 1.0
            partly += 1
    assert partly > 0
    relations = Counter()
    for row in programme.links:
        a, b = by_uid[row["from_uid"]].attrs, by_uid[row["to_uid"]].attrs
        relations[row["relation"]] += 1
        if row["relation"] == "supports":
            assert a["domain"] == "social" and b["domain"] == "physical"
            assert a["neighbourhood_id"] == b["neighbourhood_id"]
        else:
            assert a["programme_code"] == b["programme_code"]
    assert relations["supports"] > 10 and relations["combines_with"] > 0
    goals = programme.area_goals
    assert len(goals) == 6 * len(value_codes("theme"))
    assert {g["district_id"] for g in goals} == set(EXPECTED_DISTRICTS) | {schema.CITY_ID}
    assert all(0 <= g["priority"] <= 3 and g["goal"] and g["goal_ref"] for g in goals)
    budgets = {(b["district_id"], b["year"]): b["amount"] for b in programme.area_budgets}
    assert len(budgets) == len(programme.area_budgets)
    assert all((d, y) in budgets for d in list(EXPECTED_DISTRICTS) + ["city"] for y in range(2024, 2033))


# --- geometry --------------------------------------------------------------------------------------

def _areas(programme):
    districts = {f.attrs["district_id"]: f for f in programme.districts}
    return districts.pop(schema.CITY_ID), districts


def test_city_footprint_is_haarlem_like(sample):
    programme, manifest = sample
    city, _ = _areas(programme)
    assert city.attrs["name"] == "Gemeente Voorbeeldstad" and city.geometry.geom_type == "MultiPolygon"
    minx, miny, maxx, maxy = city.geometry.bounds
    assert 5000 < maxx - minx < 7500 and 6000 < maxy - miny < 8500
    c = city.geometry.centroid
    assert abs(c.x - 104000) < 600 and abs(c.y - 488000) < 600
    assert city.geometry.area < 0.9 * (maxx - minx) * (maxy - miny)  # not a rectangle
    assert len(shapely.get_coordinates(city.geometry)) > 100
    assert manifest["city"]["bbox"] == [round(v, 2) for v in city.geometry.bounds]


def _assert_tiling(whole, parts, tol):
    union = shapely.union_all(parts)
    assert abs(union.area - whole.area) <= tol * whole.area
    assert abs(sum(p.area for p in parts) - whole.area) <= tol * whole.area  # no overlaps
    assert whole.symmetric_difference(union).area <= tol * whole.area


def test_districts_tile_the_city(sample):
    programme, _ = sample
    city, districts = _areas(programme)
    assert {d: f.attrs["name"] for d, f in districts.items()} == EXPECTED_DISTRICTS
    parts = [f.geometry for f in districts.values()]
    assert all(g.geom_type == "MultiPolygon" and g.is_valid and g.area > 0 for g in parts)
    _assert_tiling(city.geometry, parts, 1e-6)
    areas = {d: f.geometry.area for d, f in districts.items()}
    assert areas["centrum"] == min(areas.values())  # the old town is the smallest


def test_neighbourhoods_tile_their_district(sample):
    programme, _ = sample
    city, districts = _areas(programme)
    nbs = programme.neighbourhoods
    ids = [f.attrs["neighbourhood_id"] for f in nbs]
    names = [f.attrs["name"] for f in nbs]
    assert len(set(ids)) == len(ids) and len(set(names)) == len(names)
    by_district = {}
    for f in nbs:
        assert f.geometry.geom_type == "MultiPolygon" and f.geometry.is_valid
        by_district.setdefault(f.attrs["district_id"], []).append(f.geometry)
        # Inside exactly one district: covered by its own, at most touching the others.
        assert districts[f.attrs["district_id"]].geometry.buffer(0.01).covers(f.geometry)
        touching = [d for d, g in districts.items() if g.geometry.buffer(-0.01).intersects(f.geometry)]
        assert touching == [f.attrs["district_id"]]
    assert set(by_district) == set(EXPECTED_DISTRICTS)
    assert len(by_district["centrum"]) >= 3
    for d, parts in by_district.items():
        _assert_tiling(districts[d].geometry, parts, 1e-6)
    _assert_tiling(city.geometry, [f.geometry for f in nbs], 1e-6)


def test_intervention_geometries(sample):
    programme, manifest = sample
    city, _ = _areas(programme)
    zone = city.geometry.buffer(0.01)
    invalid = _invalid_planted(manifest)
    nb_parts = {f.attrs["neighbourhood_id"]: f.geometry for f in programme.neighbourhoods}
    kinds = {"Point": "point", "LineString": "line", "Polygon": "polygon"}
    for f in programme.interventions + programme.projects:
        g = f.geometry
        assert f.table.endswith("_" + kinds[g.geom_type])
        assert zone.covers(g)
        if f.attrs.get("uid") in invalid and g.geom_type == "Polygon":
            assert not g.is_valid  # the planted bow-tie
            continue
        assert g.is_valid and not g.is_empty
        if g.geom_type == "LineString":
            assert 30.0 <= g.length <= 400.0
        elif g.geom_type == "Polygon":
            nb = nb_parts.get(f.attrs.get("neighbourhood_id"))
            if f.attrs.get("domain") == "social" and nb is not None and any(g.equals(p) for p in nb.geoms):
                continue  # a social programme drawn as its whole neighbourhood
            across = shapely.minimum_bounding_radius(g) * 2.0
            assert 20.0 <= across <= 200.0 + 1e-6, (f.attrs.get("title"), across)
    social_polygons = [f for f in programme.interventions
                       if f.attrs["domain"] == "social" and f.geometry.geom_type == "Polygon"]
    copies = [f for f in social_polygons if f.geometry.area > 100_000]
    assert copies, "some social interventions cover their neighbourhood"


def test_district_and_neighbourhood_follow_the_geometry(sample):
    programme, manifest = sample
    nbs = {f.attrs["neighbourhood_id"]: f for f in programme.neighbourhoods}
    mismatch = {u for c in manifest["planted"] if c["rule"] == "district_mismatch" for u in c["uids"]}
    invalid = _invalid_planted(manifest)
    checked = 0
    for f in programme.interventions:
        a = f.attrs
        if a["city_wide"]:
            assert a["district_id"] == schema.CITY_ID and a["neighbourhood_id"] is None
            continue
        nb = nbs[a["neighbourhood_id"]]
        if a["uid"] not in invalid:
            assert nb.geometry.buffer(0.01).covers(f.geometry), a["title"]
        if a["uid"] in mismatch:
            assert a["district_id"] != nb.attrs["district_id"]
        else:
            assert a["district_id"] == nb.attrs["district_id"]
            checked += 1
    assert checked > 350


def test_density_is_realistic(sample):
    programme, _ = sample
    per_cell = Counter()
    for f in programme.interventions:
        a = f.attrs
        if a["neighbourhood_id"] and a["status"] != "cancelled":
            for year in range(a["start_year"], a["end_year"] + 1):
                per_cell[(a["neighbourhood_id"], year)] += 1
    cells = len(programme.neighbourhoods) * 9
    assert sum(per_cell.values()) / cells <= 5.0
    over = [k for k, n in per_cell.items() if n > 8]
    assert len(over) <= 0.02 * cells  # the planted stacking case and a chance cell or two


# --- planted cases ---------------------------------------------------------------------------------

def test_planted_cases_listed_and_refer_to_existing_records(sample):
    programme, manifest = sample
    by_uid = {f.attrs["uid"]: f for f in programme.interventions}
    rules = Counter(c["rule"] for c in manifest["planted"])
    assert set(REQUIRED_RULES) <= set(rules)
    known = {"rest_period", "not_in_programme"} | set(REQUIRED_RULES)
    for case in manifest["planted"]:
        assert case["description"] and case["rule"] in known
        assert all(u in by_uid for u in case["uids"])
        if case["rule"] == "budget_exceeded":
            assert case["uids"] == [] and case["district_id"] in EXPECTED_DISTRICTS
            assert 2024 <= case["year"] <= 2032
        else:
            assert case["uids"]
    cases = {c["rule"]: c for c in manifest["planted"]}
    a, b = (by_uid[u] for u in cases["conflict"]["uids"])
    assert a.geometry.distance(b.geometry) <= 10.0 and a.attrs["domain"] == b.attrs["domain"] == "physical"
    assert a.attrs["start_year"] <= b.attrs["end_year"] and b.attrs["start_year"] <= a.attrs["end_year"]
    assert len(cases["stacking"]["uids"]) > 8
    assert len({by_uid[u].attrs["neighbourhood_id"] for u in cases["stacking"]["uids"]}) == 1
    a, b = (by_uid[u] for u in cases["duplicate_funding"]["uids"])
    assert a.attrs["theme"] == b.attrs["theme"] and a.attrs["funder"] != b.attrs["funder"]
    assert a.geometry.distance(b.geometry) <= 10.0
    codes = {f.attrs["programme_code"] for f in programme.projects}
    (unknown,) = cases["unknown_programme_code"]["uids"]
    assert by_uid[unknown].attrs["programme_code"] not in codes
    bowtie = [by_uid[u] for c in manifest["planted"] if c["rule"] == "data_quality" for u in c["uids"]]
    assert any(not f.geometry.is_valid for f in bowtie)


def test_planted_budget_year_is_over_budget(sample):
    programme, manifest = sample
    case = next(c for c in manifest["planted"] if c["rule"] == "budget_exceeded")
    district_of = {f.attrs["uid"]: f.attrs for f in programme.interventions}
    planned = {}
    for row in programme.funding:
        a = district_of[row["intervention_uid"]]
        if a["status"] != "cancelled":
            key = (a["district_id"], row["year"])
            planned[key] = planned.get(key, 0.0) + row["amount"]
    budgets = {(b["district_id"], b["year"]): b["amount"] for b in programme.area_budgets}
    over = {k for k, v in planned.items() if k in budgets and v > budgets[k] + 0.01}
    assert over == {(case["district_id"], case["year"])}


# --- scale -----------------------------------------------------------------------------------------

def test_scaling_grows_the_city_at_constant_density(sample, big):
    programme, manifest = sample
    large, large_manifest = big
    assert len(large.interventions) == 10_000 and len(large.projects) == 2_500
    assert len(large.districts) == 6
    assert 950 <= len(large.neighbourhoods) <= 1050
    ratio = large_manifest["city"]["area_km2"] / manifest["city"]["area_km2"]
    assert 18.0 < ratio < 32.0  # linear scale sqrt(10000 / 400) = 5, so about 25 x the area
    centre = shapely.centroid(shapely.union_all([f.geometry for f in large.districts]))
    assert abs(centre.x - 104000) < 3000 and abs(centre.y - 488000) < 3000
    per_nb = np.array([n for n in Counter(f.attrs["neighbourhood_id"] for f in large.interventions
                                          if f.attrs["neighbourhood_id"]).values()])
    assert 8 <= per_nb.mean() <= 12
    uids = _planted_uids(large_manifest)
    assert uids <= {f.attrs["uid"] for f in large.interventions}
