"""stacking: stacking is not integrating.

Count (warning): more than `stacking_max` interventions (any domain, not cancelled, valid years, not
city-wide) in one neighbourhood in one year; an intervention counts in every year of its inclusive
range. Its neighbourhood is its stored neighbourhood_id (the layer default keeps it in step with the
geometry); when that is empty, the neighbourhood of largest overlap, derived the same way. One
finding per neighbourhood and year.

Priority (info): an intervention whose theme the area goals of its (stored) district do not
prioritise: no goal row for the theme, or priority 0. Districts without any area goals are skipped:
there is nothing to compare with yet.
"""

from __future__ import annotations

from typing import Dict, List

import numpy as np
import shapely

from ..schema import label
from .base import MARKER_BUFFER_M, Finding, RuleInfo, make_finding
from .context import Context
from .util import clean_text, expand_years, fmt_dist, to_float

INFO = RuleInfo(
    id="stacking",
    severity="warning",
    params={"stacking_max": 8.0},
    title_en="Stacking",
    title_nl="Stapeling",
)

MSG_COUNT = (
    "{n} interventions in neighbourhood {name} in {year} (more than {max}): stacking is not integrating, "
    "prioritise",
    "{n} interventies in buurt {name} in {year} (meer dan {max}): stapelen is geen integreren, prioriteer",
)
MSG_PRIORITY = (
    "{label}: theme {theme_en} is not a priority in the area goals of district {district}",
    "{label}: thema {theme_nl} is geen prioriteit in de gebiedsopgave van stadsdeel {district}",
)


def check(ctx: Context, params: dict) -> List[Finding]:
    """Count findings per neighbourhood and year, then priority findings per intervention."""
    return _count(ctx, float(params["stacking_max"])) + _priority(ctx)


def _count(ctx: Context, limit: float) -> List[Finding]:
    inter, areas = ctx.inter, ctx.areas
    nbh = inter.text("neighbourhood_id").copy()
    derive = np.flatnonzero(nbh == None)  # noqa: E711 (elementwise on an object array)
    if derive.size:
        nbh[derive] = areas.neighbourhood_of(inter, derive)
    sel = np.flatnonzero(ctx.active & inter.years_ok & ~ctx.city_wide & (nbh != None))  # noqa: E711
    if not sel.size:
        return []
    names, code = np.unique(nbh[sel].astype(str), return_inverse=True)
    rows, year = expand_years(inter.start[sel], inter.end[sel])
    y0 = year.min()
    width = int(year.max() - y0 + 1)
    keys, inverse, counts = np.unique(code[rows] * width + (year - y0), return_inverse=True,
                                      return_counts=True)
    over = np.flatnonzero(counts > limit)
    if not over.size:
        return []
    order = np.argsort(inverse, kind="stable")
    begin = np.cumsum(counts) - counts
    nbhs = areas.neighbourhoods
    out = []
    for g in over:
        members = sel[rows[order[begin[g]:begin[g] + counts[g]]]]
        name = str(names[keys[g] // width])
        yr = int(keys[g] % width + y0)
        v = {"n": int(counts[g]), "name": nbhs.name.get(name, name), "year": yr, "max": fmt_dist(limit)}
        out.append(make_finding(
            INFO, ctx.uids[members], MSG_COUNT[0].format(**v), MSG_COUNT[1].format(**v),
            extra="count|{}|{}".format(name, yr),
            district_id=nbhs.district.get(name) or ctx.district_for(members),
            geometry=_where(ctx, name, members),
        ))
    return out


def _where(ctx: Context, nbh_id: str, members: np.ndarray):
    """The neighbourhood polygon, else a box around the members."""
    poly = ctx.areas.neighbourhoods.by_id.get(nbh_id)
    if poly is not None:
        return poly
    geoms = ctx.inter.fixed[members]
    geoms = geoms[~shapely.is_missing(geoms)]
    if not geoms.size:
        return None
    return shapely.buffer(shapely.box(*shapely.total_bounds(geoms)), MARKER_BUFFER_M)


def _priority(ctx: Context) -> List[Finding]:
    goals: Dict[str, Dict[str, float]] = {}
    for row in ctx.programme.area_goals:
        district, theme = clean_text(row.get("district_id")), clean_text(row.get("theme"))
        if district:
            prio = to_float(row.get("priority"))
            themes = goals.setdefault(district, {})
            if theme and not np.isnan(prio) and prio > 0:
                themes[theme] = prio
    if not goals:
        return []
    inter = ctx.inter
    district, theme = inter.text("district_id"), inter.text("theme")
    candidates = np.flatnonzero(ctx.active & ~ctx.city_wide & (theme != None))  # noqa: E711
    rows = np.array([r for r in candidates if district[r] in goals and theme[r] not in goals[district[r]]],
                    dtype=np.intp)
    geoms = inter.markers(rows)
    out = []
    for k, r in enumerate(rows):
        d, t = district[r], theme[r]
        v = {"label": ctx.label(r), "theme_en": label("theme", t, "en"), "theme_nl": label("theme", t, "nl"),
             "district": ctx.areas.name(d)}
        geom = geoms[k] if geoms[k] is not None else ctx.areas.polygon(d)
        out.append(make_finding(
            INFO, (ctx.uids[r],), MSG_PRIORITY[0].format(**v), MSG_PRIORITY[1].format(**v),
            extra="priority|{}|{}".format(d, t), district_id=d, geometry=geom, severity="info",
        ))
    return out
