"""combination_chance: works near each other within a few years that could be done in one go.

Not an error: a *chance* (severity ``chance``), for the planner to decide: combine or not (the
findings register's decisions ``combine`` / ``not_combine``, with a note why).

Candidates are works (physical, not cancelled, valid years and geometry) that are not done. Two
works *a* and *b* form a chance when all of these hold:

- they lie within ``chance_distance_m`` of each other (touching is 0; equal to the limit counts);
- the time gap G = max(start(b) - end(a), start(a) - end(b), 0) is at most ``chance_years``
  (overlapping years give G = 0);
- they differ in owner (``lead_party``, compared without case and surrounding spaces; a missing
  owner is unknown and never "different") or in theme;
- they are not linked ``combines_with`` already (that chance was taken).

Chances that share a work are one *group* (connected pairs), one finding naming all its works.

Score 0-100 = overlap (at most 40) + time (at most 30) + kinds (at most 30), of the group's best
pair, rounded half up:

- overlap: pairs of lines or areas count the part of x that lies within the distance of y, x being
  the lower-dimensional of the two (a line before an area; of two alike, the shorter / smaller):
  ``40 x share`` (a street shared over its full length gives 40). A pair with a point can only be
  near: ``20 x (1 - distance / chance_distance_m)``, so a shared street counts more than nearness.
- time: ``30 x (1 - G / (chance_years + 1))``: 30 in overlapping years, less for each year apart.
- kinds: ``30 x weight`` from the table KINDS below (sewer + road + green combine best: the
  street is opened once); two works of the same theme by different owners weigh 0.5 (one
  contract); any other pair 0.2 (at least one construction period at one place).

The finding's message (English here, other languages in i18n/*.ts) says all this in words: which
works, how they overlap, the time gap, why the kinds combine, and the three parts of the score.
"""

from __future__ import annotations

import math
from typing import Dict, List, Tuple, Union

import numpy as np
import shapely

from ..value_lists import label_text
from .base import MARKER_BUFFER_M, Batch, Finding, RuleInfo, year_range
from .context import Context
from .texts import QT_TRANSLATE_NOOP, Joined, Message, Text, message
from .util import encode, fmt_dist, obj_array

INFO = RuleInfo(
    id="combination_chance",
    severity="chance",
    params={"chance_distance_m": 25.0, "chance_years": 3.0},
    title=QT_TRANSLATE_NOOP("rules:combination_chance", "Combination chances"),
)

OVERLAP_POINTS, TIME_POINTS, KIND_POINTS = 40.0, 30.0, 30.0

# Theme pairs that combine well: weight 0-1 and why.
_OPEN_ONCE = QT_TRANSLATE_NOOP("rules:combination_chance", "the street is opened once for both")
_PROFILE = QT_TRANSLATE_NOOP("rules:combination_chance", "one redesign of the street profile")
_CABLES = QT_TRANSLATE_NOOP("rules:combination_chance", "cables and pipes go in while the street is open")
KINDS: Dict[frozenset, Tuple[float, Text]] = {
    frozenset(("sewer", "mobility")): (1.0, _OPEN_ONCE),
    frozenset(("sewer", "public_space")): (1.0, _OPEN_ONCE),
    frozenset(("sewer", "green")): (0.9, QT_TRANSLATE_NOOP(
        "rules:combination_chance", "rainwater goes to the green: climate adaptation in one go")),
    frozenset(("mobility", "public_space")): (0.8, _PROFILE),
    frozenset(("green", "public_space")): (0.8, _PROFILE),
    frozenset(("green", "mobility")): (0.7, QT_TRANSLATE_NOOP(
        "rules:combination_chance", "trees and road in one street design")),
    frozenset(("energy", "sewer")): (0.7, _CABLES),
    frozenset(("energy", "mobility")): (0.6, _CABLES),
    frozenset(("energy", "public_space")): (0.6, _CABLES),
    frozenset(("energy", "housing")): (0.6, QT_TRANSLATE_NOOP(
        "rules:combination_chance", "renovation and energy measures in one go")),
    frozenset(("housing", "public_space")): (0.5, QT_TRANSLATE_NOOP(
        "rules:combination_chance", "building works and street layout in one planning")),
}
SAME_THEME = (0.5, QT_TRANSLATE_NOOP("rules:combination_chance",
                                     "the same kind of work by different owners: one contract"))
OTHER = (0.2, QT_TRANSLATE_NOOP("rules:combination_chance",
                                "different works at one place: at least one construction period"))

# Every translation keeps "(score {score}/100)": the check dock orders chances by it
# (core/findings_view.chance_score).
MSG = QT_TRANSLATE_NOOP("rules:combination_chance",
                        "Chance to combine (score {score}/100): {members}. {overlap}; {time}; {kinds}. "
                        "Score: overlap {p_overlap} + time {p_time} + kinds {p_kinds}")
ALONG = QT_TRANSLATE_NOOP("rules:combination_chance", "{pct}% of {x} lies within {dist} m of {y}")
NEAR = QT_TRANSLATE_NOOP("rules:combination_chance", "{x} and {y} lie {d} m apart")
SAME_YEARS = QT_TRANSLATE_NOOP("rules:combination_chance", "both run in {years}")
GAP = QT_TRANSLATE_NOOP("rules:combination_chance", "{later} starts {gap} year(s) after {earlier} ends")
KIND = QT_TRANSLATE_NOOP("rules:combination_chance", "{a} and {b}: {why}")
SAME = QT_TRANSLATE_NOOP("rules:combination_chance", "both {a}: {why}")
MORE = QT_TRANSLATE_NOOP("rules:combination_chance", "{names} and {n} more")
MAX_NAMED = 6


def kind_weight(theme_a, theme_b) -> Tuple[float, Text]:
    """(weight, why) of two themes."""
    if theme_a and theme_a == theme_b:
        return SAME_THEME
    return KINDS.get(frozenset((theme_a, theme_b)), OTHER)


def round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def _pairs(ctx: Context, dist: float, years: float) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, gap) of the pairs of works that form a chance."""
    i, j = ctx.work_candidates(dist)
    inter = ctx.inter
    s, e = inter.start, inter.end
    done = inter.text("status") == "done"
    gap = np.maximum(np.maximum(s[j] - e[i], s[i] - e[j]), 0.0)
    keep = ~done[i] & ~done[j] & (gap <= years)
    i, j, gap = i[keep], j[keep], gap[keep]
    theme = inter.text("theme")
    # owners compared case-blind: the few distinct parties lowered, not a million values
    lead = inter.text("lead_party")
    parties, code = encode(lead)
    _, lowered = encode(obj_array([p.lower() if p else None for p in parties]))
    code = lowered[code]
    code[lead == None] = -1  # noqa: E711 (elementwise on an object array)
    other_owner = (code[i] != code[j]) & (code[i] >= 0) & (code[j] >= 0)
    keep = other_owner | (theme[i] != theme[j])
    i, j, gap = i[keep], j[keep], gap[keep]
    keep = ctx.within(i, j, dist)
    i, j, gap = i[keep], j[keep], gap[keep]
    if ctx.linked_pairs and i.size:
        u = ctx.uids
        keep = np.array([((a, b) if a < b else (b, a)) not in ctx.linked_pairs for a, b in zip(u[i], u[j])],
                        dtype=bool)
        i, j, gap = i[keep], j[keep], gap[keep]
    return i, j, gap


def _overlap(ctx: Context, i: np.ndarray, j: np.ndarray, dist: float):
    """(points, share or None, distance, x, y) per pair: x is the work whose share is measured."""
    geoms, dims = ctx.inter.fixed, ctx.inter.dims
    measure = np.where(dims == 1, shapely.length(geoms), np.where(dims == 2, shapely.area(geoms), 0.0))
    # x: the lower dimension, then the smaller measure, then the smaller uid (stable wording)
    same_dim, uids = dims[j] == dims[i], ctx.uids
    swap = (dims[j] < dims[i]) | (same_dim & (measure[j] < measure[i])) | (
        same_dim & (measure[j] == measure[i]) & (uids[j] < uids[i]))
    x, y = np.where(swap, j, i), np.where(swap, i, j)
    d = shapely.distance(geoms[x], geoms[y])
    points = np.zeros(i.size)
    share = np.full(i.size, np.nan)
    extended = (dims[x] >= 1) & (dims[y] >= 1)
    if extended.any():
        xs, ys = x[extended], y[extended]
        unique, back = np.unique(ys, return_inverse=True)  # one buffer per work, not per pair
        part = shapely.intersection(geoms[xs], shapely.buffer(geoms[unique], dist)[back])
        got = np.where(dims[xs] == 1, shapely.length(part), shapely.area(part))
        with np.errstate(invalid="ignore", divide="ignore"):
            sh = np.clip(np.where(measure[xs] > 0, got / measure[xs], 1.0), 0.0, 1.0)
        share[extended] = sh
        points[extended] = OVERLAP_POINTS * sh
    near = ~extended
    if near.any():
        points[near] = OVERLAP_POINTS / 2 * (1.0 - d[near] / dist) if dist > 0 else OVERLAP_POINTS / 2
    return points, share, d, x, y


def _roots(i: np.ndarray, j: np.ndarray, n: int) -> np.ndarray:
    """Group of each pair: the smallest work index connected to it (hooking and pointer jumping,
    vectorised; a few rounds even for long chains)."""
    parent = np.arange(n)
    while True:
        pi, pj = parent[i], parent[j]
        if (pi == pj).all():
            return parent[i]
        np.minimum.at(parent, np.maximum(pi, pj), np.minimum(pi, pj))
        while True:
            grand = parent[parent]
            if (grand == parent).all():
                break
            parent = grand


def _names(members: list, who) -> Union[Joined, Message]:
    """The group's works, at most MAX_NAMED of them, then how many more."""
    named = Joined(tuple(who(m) for m in members[:MAX_NAMED]))
    if len(members) > MAX_NAMED:
        return message(MORE, names=named, n=len(members) - MAX_NAMED)
    return named


def _theme(code: str) -> Union[Text, str]:
    return label_text("theme", code)


def check(ctx: Context, params: dict) -> List[Finding]:
    """One finding per group of works that could be combined, with its score and reasons."""
    dist = max(float(params["chance_distance_m"]), 0.0)
    years = max(float(params["chance_years"]), 0.0)
    i, j, gap = _pairs(ctx, dist, years)
    if not i.size:
        return []
    p_overlap, share, d, x, y = _overlap(ctx, i, j, dist)
    p_time = TIME_POINTS * (1.0 - gap / (years + 1.0))
    theme = ctx.inter.text("theme").tolist()
    weights = [kind_weight(theme[a], theme[b]) for a, b in zip(i.tolist(), j.tolist())]
    p_kinds = KIND_POINTS * np.array([w for w, _ in weights])
    total = p_overlap + p_time + p_kinds
    owners = ctx.inter.text("lead_party").tolist()
    s, e = ctx.inter.start.tolist(), ctx.inter.end.tolist()
    uids = ctx.uid_list
    bounds = shapely.bounds(ctx.inter.fixed)
    batch = Batch(INFO)
    root = _roots(i, j, ctx.inter.n)
    # uid order of the works in a pair (ties: by position); only they need a rank (all uids as fixed-width
    # text would be 144 MB at a million interventions, sorted for 57 k pairs)
    involved = np.unique(np.concatenate([i, j]))
    rank = np.empty(ctx.inter.n, dtype=np.intp)
    rank[involved[np.argsort(ctx.uids[involved].astype(str), kind="stable")]] = np.arange(involved.size)
    lo, hi = np.minimum(rank[i], rank[j]), np.maximum(rank[i], rank[j])
    # best pair of each group: highest score, then the smallest uid pair (whatever the input order)
    order = np.lexsort((hi, lo, -np.round(total, 9), root))
    first = np.ones(order.size, dtype=bool)
    first[1:] = root[order][1:] != root[order][:-1]
    nodes, node_roots = np.concatenate([i, j]), np.concatenate([root, root])
    by_root = np.lexsort((rank[nodes], node_roots))
    nodes, node_roots = nodes[by_root], node_roots[by_root]
    keep = np.ones(nodes.size, dtype=bool)
    keep[1:] = (nodes[1:] != nodes[:-1]) | (node_roots[1:] != node_roots[:-1])
    nodes, node_roots = nodes[keep], node_roots[keep]
    starts = np.searchsorted(node_roots, root[order[first]], side="left")
    ends = np.searchsorted(node_roots, root[order[first]], side="right")

    def who(a: int) -> Union[Joined, str]:
        bits = [label_text("theme", theme[a])] if theme[a] else []
        bits += [owners[a]] if owners[a] else []
        return Joined((ctx.label(a), " (", Joined(tuple(bits)), ")"), "") if bits else ctx.label(a)

    for k, lo_, hi_ in zip(order[first].tolist(), starts.tolist(), ends.tolist()):
        members = nodes[lo_:hi_].tolist()  # in uid order

        a, b = int(x[k]), int(y[k])
        if np.isnan(share[k]):
            overlap = message(NEAR, x=ctx.label(a), y=ctx.label(b), d=fmt_dist(round(float(d[k]), 1)))
        else:
            overlap = message(ALONG, pct=round_half_up(100 * share[k]), x=ctx.label(a), y=ctx.label(b),
                              dist=fmt_dist(dist))
        pa, pb = int(i[k]), int(j[k])
        if gap[k] <= 0:
            time = message(SAME_YEARS, years=year_range(max(s[pa], s[pb]), min(e[pa], e[pb])))
        else:
            earlier, later = (pa, pb) if e[pa] < s[pb] else (pb, pa)
            time = message(GAP, later=ctx.label(later), earlier=ctx.label(earlier), gap=int(gap[k]))
        why = weights[k][1]
        ta, tb = sorted((theme[pa] or "", theme[pb] or ""))
        if ta == tb:
            kinds = message(SAME, a=_theme(ta), why=why)
        else:
            kinds = message(KIND, a=_theme(ta), b=_theme(tb), why=why)
        text = message(MSG, score=round_half_up(total[k]), members=_names(members, who), overlap=overlap,
                       time=time, kinds=kinds, p_overlap=round_half_up(p_overlap[k]),
                       p_time=round_half_up(p_time[k]), p_kinds=round_half_up(p_kinds[k]))
        box = bounds[members]
        m = MARKER_BUFFER_M
        geom = shapely.box(box[:, 0].min() - m, box[:, 1].min() - m, box[:, 2].max() + m, box[:, 3].max() + m)
        batch.add(tuple(uids[v] for v in members), text, ctx.district_for(members), geom)
    return batch.findings

