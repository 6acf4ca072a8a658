"""Voorbeeldstad: a seeded, Haarlem-like sample programme for demos, tests and benchmarks.

``generate_sample(seed, interventions, projects)`` returns a :class:`~records.Programme` in
EPSG:28992 and a JSON-serialisable manifest. The city has five districts tiled by neighbourhoods,
a programme (MJP) of projects, interventions of every kind and domain with funding and links (some
planned to the quarter or indicative, with contacts and measured effects: ``sample_planning``), area
goals and budgets, and a handful of *planted cases* (listed in the manifest) that the programme
check must find. The city grows with the number of interventions so density stays realistic, and
the same seed and sizes always give the same programme.

Helpers: ``sample_city`` (outline, districts, neighbourhoods), ``sample_items`` and
``sample_interventions`` (background data), ``sample_planted`` (the planted cases),
``sample_geo`` and ``sample_names`` (geometry and vocabulary).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Optional

import numpy as np

from gebiedsplugin.core.records import Programme
from gebiedsplugin.core.sample_city import build_city
from gebiedsplugin.core.sample_interventions import funding_rows, keep_clear, make_interventions, make_links
from gebiedsplugin.core.sample_items import FIRST_YEAR, LAST_YEAR, make_projects, project_features
from gebiedsplugin.core.sample_names import CITY_NAME, DISTRICTS, GOALS, PRIORITIES, THEMES
from gebiedsplugin.core.sample_planning import apply_planning
from gebiedsplugin.core.sample_planted import (
    BUDGET_CASE,
    PLANTED_INTERVENTIONS,
    PLANTED_PROJECTS,
    plant_cases,
)
from gebiedsplugin.core.schema import (
    CITY_ID,
    DEFAULT_CRS,
    DEFAULT_SETTINGS,
    INTERVENTION_TABLES,
    PROJECT_TABLES,
)

__all__ = ["CITY_NAME", "DISTRICTS", "generate_sample"]

_ACTIVE = ("planned", "in_progress")


def generate_sample(seed: int = 42, interventions: int = 400, projects: Optional[int] = None) -> tuple:
    """Generate the Voorbeeldstad programme and its manifest: ``(programme, manifest)``.

    *interventions* and *projects* are totals including the planted cases (which need at least
    ``PLANTED_INTERVENTIONS`` = 23 and ``PLANTED_PROJECTS`` = 6; smaller requests get just those).
    *projects* defaults to about a quarter of *interventions*. Tested up to 100,000 of each; the
    city is scaled by sqrt(interventions / 400) (never below the default size) and has about
    max(40, interventions / 10) neighbourhoods.

    The manifest (JSON-serialisable) holds ``seed``, ``requested`` (the sizes asked for), ``city``
    (name, scale, area_km2, bbox), ``counts`` (rows per table, plus ``interventions`` and
    ``programme_projects`` totals), ``districts`` (per district id and ``city``: name, area_km2,
    neighbourhoods, interventions, projects; counted by stored district_id) and ``planted``: one
    ``{"rule", "uids", "description"}`` per planted case (``budget_exceeded`` has ``uids == []``
    and ``district_id`` and ``year``; ``stacking`` also names ``neighbourhood_id`` and ``year``).
    """
    if interventions < 0 or (projects is not None and projects < 0):
        raise ValueError("counts must not be negative")
    if projects is None:
        projects = int(round(interventions / 4.0))
    rng = np.random.default_rng(seed)
    # UUIDs come from their own stream: uuid.UUID(int=getrandbits(128)). Seeded on purpose (the same
    # seed gives the same sample city); nothing here is a secret.
    ids = random.Random(seed)  # nosec B311  # reproducible sample data, not security

    city = build_city(rng, interventions)
    districts, neighbourhoods = city.features()
    background = make_projects(rng, city, max(0, projects - PLANTED_PROJECTS))
    wanted = max(0, interventions - PLANTED_INTERVENTIONS)
    items, member = make_interventions(rng, ids, city, background, wanted)
    project_records = project_features(background, city)  # after make_interventions raised budgets
    planted = plant_cases(rng, ids, city, background)
    keep_clear(rng, city, items, planted.interventions)

    all_items = items + planted.interventions
    all_projects = project_records + planted.projects
    _number(all_items)
    _number(all_projects)
    funding = funding_rows(rng, all_items)
    measurements = apply_planning(seed, items)  # its own random stream: the rest stays as before
    programme = Programme(
        crs=DEFAULT_CRS, districts=districts, neighbourhoods=neighbourhoods, interventions=all_items,
        projects=all_projects, funding=funding, effect_measurements=measurements,
        links=make_links(rng, items, member),
        area_goals=area_goals(), area_budgets=area_budgets(rng, all_items, funding),
        settings=dict(DEFAULT_SETTINGS),
    )
    return programme, _manifest(seed, interventions, projects, city, programme, planted.cases)


def area_goals() -> list:
    """Area goals (gebiedsopgave): every theme for each district and the city, with its priority."""
    rows = []
    for d, themes in PRIORITIES.items():
        name = DISTRICTS.get(d, "de hele stad")
        for t in THEMES:
            rows.append({"district_id": d, "theme": t, "priority": themes[t],
                         "goal": "{} ({})".format(GOALS[t], name), "goal_ref": "GO-{}-{}".format(d, t)})
    return rows


def area_budgets(rng: np.random.Generator, interventions: list, funding: list) -> list:
    """Area budgets per district (and the city) per year.

    Each budget covers all money planned there that year (every budget spread over its years, funded
    or not) with a 10-40 % margin, so only the
    planted district-year is exceeded: that one is set to half of its active municipal money, which
    is exceeded however the check counts (all funders or the municipality's, any status or active).
    """
    district_of = {f.attrs["uid"]: f.attrs["district_id"] for f in interventions}
    status_of = {f.attrs["uid"]: f.attrs["status"] for f in interventions}
    total, municipal = Counter(), Counter()
    for f in interventions:  # the whole budget, funded or not: the check counts unfunded work by its budget
        a = f.attrs
        years = list(range(a["start_year"], a["end_year"] + 1)) if a["end_year"] >= a["start_year"] else [
            a["start_year"]]
        for y in years:
            total[(a["district_id"], y)] += (a["budget"] or 0.0) / len(years)
    for row in funding:
        key = (district_of[row["intervention_uid"]], row["year"])
        if row["funder"] == "municipality" and status_of[row["intervention_uid"]] in _ACTIVE:
            municipal[key] += row["amount"]
    years = range(FIRST_YEAR, max([LAST_YEAR] + [y for _, y in total]) + 1)
    rows = []
    for d in list(DISTRICTS) + [CITY_ID]:
        margin = rng.uniform(1.1, 1.4, len(years))
        for y, m in zip(years, margin.tolist()):
            amount = max(1e5, math.ceil(total[(d, y)] * m / 1e5) * 1e5)
            if (d, y) == BUDGET_CASE:
                amount = math.floor(municipal[(d, y)] * 0.5 / 1e5) * 1e5
            rows.append({"district_id": d, "year": y, "amount": float(amount)})
    return rows


def _number(features: list) -> None:
    """Feature ids 1..n within each table, as a store would assign them."""
    counters = Counter()
    for f in features:
        counters[f.table] += 1
        f.fid = counters[f.table]


def _manifest(seed: int, interventions: int, projects: int, city, programme: Programme, cases: list) -> dict:
    tables = Counter(f.table for f in programme.interventions + programme.projects)
    counts = {
        "districts": len(programme.districts), "neighbourhoods": len(programme.neighbourhoods),
        "interventions": len(programme.interventions), "programme_projects": len(programme.projects),
    }
    counts.update({t: tables.get(t, 0) for t in INTERVENTION_TABLES + PROJECT_TABLES})
    counts.update({"funding": len(programme.funding), "effect_measurements": len(programme.effect_measurements),
                   "links": len(programme.links),
                   "area_goals": len(programme.area_goals), "area_budgets": len(programme.area_budgets)})
    per_item = Counter(f.attrs["district_id"] for f in programme.interventions)
    per_project = Counter(f.attrs["district_id"] for f in programme.projects)
    per_nb = Counter(f.attrs["district_id"] for f in programme.neighbourhoods)
    per_district = {}
    for f in programme.districts:
        d = f.attrs["district_id"]
        per_district[d] = {"name": f.attrs["name"], "area_km2": round(f.geometry.area / 1e6, 3),
                           "neighbourhoods": per_nb.get(d, 0), "interventions": per_item.get(d, 0),
                           "projects": per_project.get(d, 0)}
    return {
        "generator": "voorbeeldstad", "version": 1, "seed": seed, "crs": programme.crs,
        "requested": {"interventions": interventions, "projects": projects},
        "city": {"name": CITY_NAME, "scale": round(city.scale, 4),
                 "area_km2": round(city.outline.area / 1e6, 3),
                 "bbox": [round(v, 2) for v in city.outline.bounds]},
        "counts": counts, "districts": per_district, "planted": cases,
    }
