"""A synthetic programme for the rules engine, a smoke test on it, and a timing script.

The timing is not a test (machines differ); run it by hand:
``PYTHONPATH=. .venv/bin/python tests/unit/test_rules_perf.py 1000 10000 100000``

"Dense" is deliberately hard: 1,000 interventions per km2, every rule firing, about 1.4 findings per
intervention (finding construction dominates there); the Voorbeeldstad sample is realistic.
"""

from __future__ import annotations

import math
import sys
import time
import uuid

import numpy as np
import shapely

from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.rules import RULES, run_rules
from gebiedsplugin.core.value_lists import value_codes

DISTRICTS = ("centrum", "noord", "oost", "schalkwijk", "zuid_west")
X0, Y0 = 100000.0, 480000.0


def _grid(n: int, density_per_km2: float):
    side = math.sqrt(max(n, 100) / density_per_km2) * 1000.0
    k = max(3, int(round(math.sqrt(max(n, 100) / 10.0))))  # about n / 10 neighbourhoods
    return side, k, side / k


def synthetic_programme(n: int, n_projects: int, seed: int = 1, density_per_km2: float = 1000.0) -> Programme:
    """A dense random programme: *n* interventions and *n_projects* projects, with every rule firing.

    Neighbourhoods are grid cells, districts the staircase unions of the cells nearest to five seeds
    (long jagged boundaries), plus a few invalid, empty, null and outside-the-city records.
    """
    rng = np.random.default_rng(seed)
    side, k, cell = _grid(n, density_per_km2)
    cx, cy = np.meshgrid(np.arange(k), np.arange(k))
    cx, cy = cx.ravel(), cy.ravel()
    cells = shapely.box(X0 + cx * cell, Y0 + cy * cell, X0 + (cx + 1) * cell, Y0 + (cy + 1) * cell)
    seeds = rng.uniform(0, k, (5, 2))
    cell_district = np.argmin(((np.c_[cx, cy][:, None, :] + 0.5 - seeds[None]) ** 2).sum(axis=2), axis=1)
    districts = [Feature({"district_id": d, "name": d.title()},
                         shapely.coverage_union_all(cells[cell_district == i]), "districts", i + 1)
                 for i, d in enumerate(DISTRICTS) if (cell_district == i).any()]
    outline = shapely.box(X0, Y0, X0 + side, Y0 + side)
    districts.append(Feature({"district_id": "city", "name": "Stad"}, outline, "districts", 99))
    nbh_ids = ["nb{:05d}".format(c) for c in range(k * k)]
    neighbourhoods = [Feature({"neighbourhood_id": nbh_ids[c], "name": nbh_ids[c],
                               "district_id": DISTRICTS[cell_district[c]]}, cells[c], "neighbourhoods", c + 1)
                      for c in range(k * k)]

    def shapes(m: int, big: float):
        xy = rng.uniform(0, side, (m, 2)) + (X0, Y0)
        kind = rng.choice(3, m, p=(0.6, 0.25, 0.15))
        geoms = np.empty(m, dtype=object)
        p = kind == 0
        geoms[p] = shapely.points(xy[p])
        ln = np.flatnonzero(kind == 1)
        ang, length = rng.uniform(0, math.pi, ln.size), rng.uniform(20, 4 * big, ln.size)
        ends = xy[ln] + np.c_[np.cos(ang), np.sin(ang)] * length[:, None]
        geoms[ln] = shapely.linestrings(np.stack([xy[ln], ends], axis=1))
        pg = np.flatnonzero(kind == 2)
        w, h = rng.uniform(10, big, pg.size), rng.uniform(10, big, pg.size)
        geoms[pg] = shapely.box(xy[pg, 0], xy[pg, 1], xy[pg, 0] + w, xy[pg, 1] + h)
        return xy, geoms

    codes = ["MJP-{:06d}".format(c) for c in range(n_projects)]
    pxy, pgeoms = shapes(n_projects, 100.0)
    pstart = rng.integers(2020, 2032, n_projects)
    pend = pstart + rng.integers(0, 5, n_projects)
    themes = value_codes("theme")
    projects = [Feature({"programme_code": codes[c], "title": "Project {}".format(c),
                         "theme": themes[c % len(themes)], "start_year": int(pstart[c]),
                         "end_year": int(pend[c]), "status": "planned"},
                        pgeoms[c], "programme_projects_x", c + 1)
                for c in range(n_projects)]

    xy, geoms = shapes(n, 60.0)
    bad = rng.random(n)
    bow = np.flatnonzero(bad < 0.01)  # invalid bowties
    x, y = xy[bow, 0], xy[bow, 1]
    corners = [np.c_[x, y], np.c_[x + 20, y + 20], np.c_[x + 20, y], np.c_[x, y + 20], np.c_[x, y]]
    geoms[bow] = shapely.polygons(np.stack(corners, axis=1))
    geoms[(bad >= 0.01) & (bad < 0.013)] = None
    outside = (bad >= 0.013) & (bad < 0.016)
    geoms[outside] = shapely.points(xy[outside] - side)
    col = np.clip(((xy - (X0, Y0)) // cell).astype(int), 0, k - 1)
    cell_of = col[:, 1] * k + col[:, 0]
    start = rng.integers(2020, 2032, n)
    end = start + rng.integers(0, 4, n)
    r = rng.random((8, n))
    funders, statuses, kinds = value_codes("funder"), value_codes("status"), value_codes("kind")
    interventions = []
    for i in range(n):
        c = cell_of[i]
        d = DISTRICTS[cell_district[c]] if r[0, i] > 0.02 else DISTRICTS[(cell_district[c] + 1) % 5]
        attrs = {
            "uid": str(uuid.UUID(int=int(rng.integers(0, 2**63)) << 64 | i)),
            "title": "Intervention {}".format(i), "domain": "physical" if r[1, i] < 0.7 else "social",
            "kind": kinds[i % 4], "theme": themes[int(r[2, i] * 10)], "district_id": d,
            "neighbourhood_id": nbh_ids[c], "city_wide": bool(r[3, i] < 0.01),
            "start_year": int(start[i]) if r[4, i] > 0.01 else None, "end_year": int(end[i]),
            "status": statuses[int(r[5, i] * 5)] if r[5, i] < 0.5 else "planned",
            "budget": float(10 ** (4 + 2.5 * r[6, i])) * (-1 if r[6, i] < 0.005 else 1),
            "funder": funders[int(r[7, i] * 6)],
            "programme_code": codes[int(r[7, i] * n_projects)] if r[3, i] > 0.6 and n_projects else (
                "MJP-XXX" if r[3, i] > 0.59 else None),
        }
        interventions.append(Feature(attrs, geoms[i], "interventions_x", i + 1))
    funding = [{"intervention_uid": interventions[i].attrs["uid"], "year": int(start[i]),
                "funder": funders[(i + 1) % 6], "amount": 50000.0} for i in range(0, n, 5)]
    goals = [{"district_id": d, "theme": t, "priority": (j + di) % 4} for di, d in enumerate(DISTRICTS)
             for j, t in enumerate(themes)]
    per_district = max(1.0, n / 5 * 2.5 / 12)  # interventions per district-year
    budgets = [{"district_id": d, "year": y, "amount": per_district * 150000.0} for d in DISTRICTS
               for y in range(2020, 2036)]
    return Programme(districts=districts, neighbourhoods=neighbourhoods, interventions=interventions,
                     projects=projects, funding=funding, area_goals=goals, area_budgets=budgets)


def test_synthetic_programme_runs_every_rule():
    """Smoke test at a small size: every rule fires, nothing crashes, ids are unique."""
    findings = run_rules(synthetic_programme(3000, 3000, seed=7))
    assert {f.rule for f in findings} == set(RULES)
    assert len({f.finding_id for f in findings}) == len(findings)
    assert all(f.geometry is None or f.geometry.geom_type in ("Polygon", "MultiPolygon") for f in findings)


def _bench(label: str, programme: Programme, repeats: int = 3) -> None:
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        findings = run_rules(programme)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    sys.stdout.write("{:<22} run_rules wall {:.3f} s (best of {}), cpu {:.3f} s, {} findings\n".format(
        label, min(walls), repeats, min(cpus), len(findings)))


def _time(sizes) -> None:
    """Time all rules on the dense synthetic programme and on the Voorbeeldstad sample."""
    for n in sizes:
        _bench("dense {:,} x {:,}".format(n, n), synthetic_programme(n, n))
        try:
            from gebiedsplugin.core.sample import generate_sample
        except ImportError:  # the sample generator is optional here
            continue
        _bench("sample {:,} x {:,}".format(n, n), generate_sample(42, n, n)[0])


if __name__ == "__main__":
    _time([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
