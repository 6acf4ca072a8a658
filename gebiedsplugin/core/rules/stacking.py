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

from typing import Any, Dict, Iterable, List, Optional

import numpy as np
import shapely

from ..value_lists import label_text
from .areas import Areas
from .base import MARKER_BUFFER_M, Finding, RuleInfo, make_finding, sorted_finding
from .context import Context
from .texts import QT_TRANSLATE_NOOP, message
from .util import clean_text, expand_years, first_seen, fmt_dist, groups, to_float

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
    lookup, code = ctx.neighbourhood_codes  # ints: one pass over the neighbourhood ids, not four
    derive = np.flatnonzero(code < 0)
    if derive.size:  # blank: the neighbourhood of largest overlap, coded among the stored ones
        lookup, code = dict(lookup), code.copy()
        code[derive] = first_seen(lookup, areas.neighbourhood_of(inter, derive).tolist())
    sel = np.flatnonzero(ctx.active & inter.years_ok & ~ctx.city_wide & (code >= 0))
    if not sel.size:
        return []
    code = code[sel]
    rows, year = expand_years(inter.start[sel], inter.end[sel])
    y0 = year.min()
    width = int(year.max() - y0 + 1)
    rows, keys = _crowded(rows, code[rows] * width + (year - y0), limit)
    order, begin, counts, keys = groups(keys)
    over = np.flatnonzero(counts > limit)
    if not over.size:
        return []
    names = list(lookup)
    indicative = inter.indicative
    out = []
    for g in over:
        members = sel[rows[order[begin[g]:begin[g] + counts[g]]]]
        name = str(names[keys[g] // width])
        yr = int(keys[g] % width + y0)
        out.append(count_finding(areas, name, yr, int(counts[g]), int(indicative[members].sum()), limit,
                                 ctx.uids[members], ctx.district_for(members), _box(ctx, members)))
    return out


def _crowded(rows: np.ndarray, keys: np.ndarray, limit: float):
    """The (rows, keys) whose key (neighbourhood and year) occurs more than *limit* times, in their
    order: counted with bincount, so that only their few rows are sorted into groups (at a million
    interventions, 3.5 M year rows of which 1.4 % are in a crowd; their sort cost 15 times what it
    did at a tenth). All of them when the keys are too sparse to count in an array."""
    if not keys.size or keys.min() < 0 or keys.max() > 4 * keys.size:
        return rows, keys
    crowded = np.bincount(keys) > limit
    pick = np.flatnonzero(crowded[keys])
    return rows[pick], keys[pick]


def count_finding(areas: Areas, nbh_id: str, year: int, n: int, loose: int, limit: float, uids: Iterable[str],
                  district_id: Optional[str], box: Any) -> Finding:
    """The finding on neighbourhood *nbh_id* in *year*: *n* interventions *uids*, more than *limit*,
    *loose* of them with an indicative period. Its district and place are the neighbourhood's, else
    *district_id* (stored district of the smallest uid) and *box* (around the interventions). Also
    what the database check (qgis_io/store/pg_check.py) makes."""
    nbhs, n, loose, year = areas.neighbourhoods, int(n), int(loose), int(year)
    sure = "certain" if n - loose > limit else "possible"
    args = {"n": n, "name": nbhs.name.get(nbh_id, nbh_id), "year": year, "max": fmt_dist(limit)}
    text = message(MSG_COUNT, **args) if sure == "certain" else message(MSG_COUNT_POSSIBLE, k=loose, **args)
    where = nbhs.polygon(nbh_id)
    return make_finding(INFO, uids, text, extra="count|{}|{}".format(nbh_id, year),
                        district_id=nbhs.district.get(nbh_id) or district_id,
                        geometry=where if where is not None else box, certainty=sure)


def _box(ctx: Context, members: np.ndarray):
    """A box around the members, where their neighbourhood has no polygon."""
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
    return [priority_finding(ctx.areas, uids[r], ctx.label(r), district_list[r], theme_list[r], geoms[k])
            for k, r in enumerate(rows)]


def priority_finding(areas: Areas, uid: str, label: str, district_id: str, theme: str, geometry: Any) -> Finding:
    """The finding on intervention *uid* (named *label*: context.intervention_label) whose *theme* the
    area goals of its district do not prioritise; placed on the district when it has no geometry.
    Also what the database check (qgis_io/store/pg_check.py) makes."""
    text = message(MSG_PRIORITY, label=label, theme=label_text("theme", theme), district=areas.name(district_id))
    where = geometry if geometry is not None else areas.polygon(district_id)
    return sorted_finding(INFO, (uid,), text, district_id, where, "priority|{}|{}".format(district_id, theme),
                          "info")
