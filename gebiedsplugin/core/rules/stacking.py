"""stacking: stacking is not integrating.

Count (warning): more than `stacking_max` interventions (any domain, not cancelled, valid years, not
city-wide) in one neighbourhood in one year; an intervention counts in every year of its inclusive
range (quarters do not change that). When the count exceeds the limit only with interventions whose
period is indicative, the stacking is *possible* (own message, ``certainty`` possible); when the
firm ones alone exceed it, *certain*. Its neighbourhood is its stored neighbourhood_id (the layer
default keeps it in step with the geometry); when that is empty, the neighbourhood of largest
overlap, derived the same way. One finding per neighbourhood and year.

Priority (info): an intervention whose theme the area goals of its (stored) district do not
prioritise: no goal row for the theme, or priority 0. Districts without any area goals are skipped:
there is nothing to compare with yet.
"""

from __future__ import annotations

from typing import Dict, List

import numpy as np
import shapely

from ..schema import label_text
from .base import MARKER_BUFFER_M, Batch, Finding, RuleInfo, make_finding
from .context import Context
from .texts import QT_TRANSLATE_NOOP, message
from .util import clean_text, encode, expand_years, fmt_dist, groups, to_float

INFO = RuleInfo(
    id="stacking",
    severity="warning",
    params={"stacking_max": 8.0},
    title=QT_TRANSLATE_NOOP("rules:stacking", "Stacking"),
)

MSG_COUNT = QT_TRANSLATE_NOOP("rules:stacking",
                              "{n} interventions in neighbourhood {name} in {year} (more than {max}): stacking "
                              "is not integrating, prioritise")
MSG_COUNT_POSSIBLE = QT_TRANSLATE_NOOP("rules:stacking",
                                       "{n} interventions in neighbourhood {name} in {year} (more than {max}), {k} "
                                       "of them with an indicative period: possible stacking, prioritise when the "
                                       "planning is firmer")
MSG_PRIORITY = QT_TRANSLATE_NOOP("rules:stacking",
                                 "{label}: theme {theme} is not a priority in the area goals of district "
                                 "{district}")


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
    names, code = encode(nbh[sel])
    rows, year = expand_years(inter.start[sel], inter.end[sel])
    y0 = year.min()
    width = int(year.max() - y0 + 1)
    order, begin, counts, keys = groups(code[rows] * width + (year - y0))
    over = np.flatnonzero(counts > limit)
    if not over.size:
        return []
    nbhs = areas.neighbourhoods
    indicative = inter.indicative
    out = []
    for g in over:
        members = sel[rows[order[begin[g]:begin[g] + counts[g]]]]
        name = str(names[keys[g] // width])
        yr = int(keys[g] % width + y0)
        loose = int(indicative[members].sum())
        sure = "certain" if counts[g] - loose > limit else "possible"
        args = {"n": int(counts[g]), "name": nbhs.name.get(name, name), "year": yr, "max": fmt_dist(limit)}
        text = message(MSG_COUNT, **args) if sure == "certain" else message(MSG_COUNT_POSSIBLE, k=loose, **args)
        out.append(make_finding(
            INFO, ctx.uids[members], text,
            extra="count|{}|{}".format(name, yr),
            district_id=nbhs.district.get(name) or ctx.district_for(members),
            geometry=_where(ctx, name, members), certainty=sure,
        ))
    return out


def _where(ctx: Context, nbh_id: str, members: np.ndarray):
    """The neighbourhood polygon, else a box around the members."""
    poly = ctx.areas.neighbourhoods.polygon(nbh_id)
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
    district_list, theme_list = district.tolist(), theme.tolist()
    rows = [r for r in candidates.tolist() if district_list[r] in goals
            and theme_list[r] not in goals[district_list[r]]]
    geoms = inter.markers(np.array(rows, dtype=np.intp)).tolist()
    uids = ctx.uid_list
    batch = Batch(INFO)
    for k, r in enumerate(rows):
        d, t = district_list[r], theme_list[r]
        text = message(MSG_PRIORITY, label=ctx.label(r), theme=label_text("theme", t),
                       district=ctx.areas.name(d))
        geom = geoms[k] if geoms[k] is not None else ctx.areas.polygon(d)
        batch.add((uids[r],), text, d, geom,
                  "priority|{}|{}".format(d, t), "info")
    return batch.findings
