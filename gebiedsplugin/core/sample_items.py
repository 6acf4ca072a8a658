"""Background programme projects and interventions of the Voorbeeldstad sample (vectorised).

Columns are drawn with numpy for all features at once; only the final records are built in a loop.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely

from gebiedsplugin.core import sample_geo as geo
from gebiedsplugin.core import sample_names as names
from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.sample_city import City
from gebiedsplugin.core.schema import INTERVENTION_FIELDS, intervention_table, project_table

CREATED_BY = "voorbeeldstad"
CREATED_AT = "2025-01-06T09:00:00"  # fixed: the same seed must give the same programme
NOW_YEAR = 2025  # the programme's "current" year: sets statuses, fixed for determinism
FIRST_YEAR, LAST_YEAR = 2024, 2032
START_WEIGHTS = np.array([8, 12, 13, 13, 12, 11, 10, 8, 6], dtype=float)  # 2024 ... 2032
_SHAPE_KINDS = ("point", "line", "polygon")
PROJECT_THEMES = tuple(names.PROJECT_TITLES)
_GEOM_TABLE = {"Point": "point", "LineString": "line", "Polygon": "polygon"}


def new_uid(ids: random.Random) -> str:
    """A deterministic UUID4 string from the seeded *ids* generator."""
    return str(uuid.UUID(int=ids.getrandbits(128), version=4))


def log_uniform(rng: np.random.Generator, low, high, size=None) -> np.ndarray:
    """Log-uniform draws: many small items, a few large ones, like real budgets and sizes."""
    return np.exp(rng.uniform(np.log(low), np.log(high), size))


def round_budget(values: np.ndarray) -> np.ndarray:
    """Budgets rounded the way planners write them (to 1,000; to 10,000 from a million)."""
    return np.where(values >= 1e6, np.round(values, -4), np.round(values, -3)).clip(1000.0)


def spread_choice(rng: np.random.Generator, weights: np.ndarray, count: int) -> np.ndarray:
    """*count* indices drawn in proportion to *weights* by systematic sampling, in random order.

    Unlike independent draws, every index gets floor or ceil of its share: no neighbourhood ends up
    with twice its fair number of works by chance, which would read as stacking.
    """
    order = rng.permutation(len(weights))
    cum = np.cumsum(weights[order])
    pos = (np.arange(count) + rng.random()) * (cum[-1] / max(count, 1))
    picks = order[np.minimum(np.searchsorted(cum, pos, "right"), len(weights) - 1)]
    return picks[rng.permutation(count)]


def statuses(rng: np.random.Generator, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Statuses consistent with the years as seen from NOW_YEAR, with a few cancellations."""
    u = rng.random(len(start))
    p_idea = np.clip(0.05 + 0.07 * (start - NOW_YEAR - 1), 0.0, 0.5)
    future = np.where(u < p_idea, "idea", np.where(u < 0.96, "planned", "cancelled"))
    running = np.where(u < 0.9, "in_progress", np.where(u < 0.96, "planned", "cancelled"))
    past = np.where(u < 0.96, "done", "cancelled")
    return np.where(end < NOW_YEAR, past, np.where(start <= NOW_YEAR, running, future))


def draw_shapes(rng: np.random.Generator, city: City, nb: np.ndarray, xy: np.ndarray, shape: np.ndarray,
                sizes: dict) -> np.ndarray:
    """Geometries of the given shape kinds, each inside its neighbourhood *nb*."""
    geoms = np.empty(len(nb), dtype=object)
    for k, kind in enumerate(_SHAPE_KINDS):
        sel = np.flatnonzero(shape == k)
        if not sel.size:
            continue
        low, high = sizes.get(kind, (0.0, 0.0))
        size = log_uniform(rng, low, high, sel.size) if kind != "point" else np.zeros(sel.size)
        geoms[sel] = geo.fit_shapes(rng, kind, city.nb_geoms, city.nb_bounds, nb[sel], xy[sel], size, low)
    return geoms


def pick_rows(rng: np.random.Generator, prob: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One column index per element of *rows*, drawn from the probability row ``prob[rows]``."""
    cum = np.cumsum(prob, axis=1)
    u = rng.random(len(rows)) * cum[rows, -1]
    return np.minimum((u[:, None] > cum[rows]).sum(axis=1), prob.shape[1] - 1)


def theme_factor(themes, district_ids) -> np.ndarray:
    """(district, theme) weights from the area-goal priorities."""
    return np.array([[names.PRIORITY_WEIGHT[names.PRIORITIES[d][t]] for t in themes] for d in district_ids])


@dataclass
class Projects:
    """Background programme projects as columns."""

    nb: np.ndarray
    theme: np.ndarray  # index into PROJECT_THEMES
    start: np.ndarray
    end: np.ndarray
    xy: np.ndarray
    reach: np.ndarray  # radius around the anchor where member interventions go
    geoms: np.ndarray
    codes: list
    titles: list
    budget: np.ndarray
    status: np.ndarray

    def __len__(self) -> int:
        return len(self.nb)


def make_projects(rng: np.random.Generator, city: City, count: int) -> Projects:
    """*count* programme projects spread evenly over the city, themes weighted by the area goals."""
    nb = spread_choice(rng, city.nb_weight, count)
    district = city.nb_district[nb]
    # Themes in the proportions of the physical works that will join them, so members spread evenly.
    works = np.array([sum(e.weight for e in names.CATALOGUE if e.domain == "physical" and e.theme == t)
                      for t in PROJECT_THEMES])
    theme = pick_rows(rng, theme_factor(PROJECT_THEMES, city.district_ids) * works, district)
    start = FIRST_YEAR + rng.choice(7, count, p=START_WEIGHTS[:7] / START_WEIGHTS[:7].sum())
    end = np.minimum(start + rng.integers(1, 5, count), LAST_YEAR)
    shape_prob = np.array([names.PROJECT_SHAPES[t] for t in PROJECT_THEMES])
    shape = pick_rows(rng, shape_prob, theme)
    xy = geo.sample_points_in(rng, city.nb_geoms, city.nb_bounds, nb)
    geoms = draw_shapes(rng, city, nb, xy.copy(), shape, {"line": (80.0, 390.0), "polygon": (60.0, 200.0)})
    reach = np.where(shape == 0, 80.0, shapely.length(geoms) / 2.0)
    reach = np.where(shape == 2, np.sqrt(shapely.area(geoms)), reach) + 100.0
    codes, seq = [], {}
    for s in start.tolist():
        seq[s] = seq.get(s, 0) + 1
        codes.append("MJP-{}-{:03d}".format(s, seq[s]))
    streets = names.street_names(rng, count)
    pick = rng.random(count)
    titles = []
    for i, (t, n) in enumerate(zip(theme.tolist(), nb.tolist())):
        options = names.PROJECT_TITLES[PROJECT_THEMES[t]]
        titles.append(options[int(pick[i] * len(options))].format(street=streets[i], nbh=city.nb_names[n]))
    budget = round_budget(log_uniform(rng, 300e3, 12e6, count))
    return Projects(nb, theme, start, end, xy, reach, geoms, codes, titles, budget, statuses(rng, start, end))


def project_features(projects: Projects, city: City) -> list:
    """Records of the background projects."""
    out = []
    kinds = geometry_kinds(projects.geoms)
    for i in range(len(projects)):
        geom = projects.geoms[i]
        out.append(Feature({
            "programme_code": projects.codes[i], "title": projects.titles[i],
            "theme": PROJECT_THEMES[int(projects.theme[i])],
            "district_id": city.district_ids[int(city.nb_district[projects.nb[i]])],
            "start_year": int(projects.start[i]), "end_year": int(projects.end[i]),
            "budget": float(projects.budget[i]), "status": str(projects.status[i]),
        }, geom, project_table(kinds[i])))
    return out


_TEMPLATE = dict.fromkeys(f.name for f in INTERVENTION_FIELDS)
_TEMPLATE.update({"city_wide": False, "needs_review": False, "created_by": CREATED_BY,
                  "modified_by": CREATED_BY, "created_at": CREATED_AT, "modified_at": CREATED_AT})


def geometry_kinds(geoms: np.ndarray) -> np.ndarray:
    """Table kind (point, line, polygon) per geometry, vectorised."""
    return np.array(["point", "line", "line", "polygon"], dtype=object)[shapely.get_type_id(geoms)]


def intervention_feature(uid: str, geom, attrs: dict, kind: Optional[str] = None) -> Feature:
    """An intervention record with every schema field present (None when not given).

    *kind* (point, line, polygon) picks the table; it is derived from the geometry when omitted.
    """
    full = _TEMPLATE.copy()
    full["uid"] = uid
    full.update(attrs)
    return Feature(full, geom, intervention_table(kind or _GEOM_TABLE[geom.geom_type]))
