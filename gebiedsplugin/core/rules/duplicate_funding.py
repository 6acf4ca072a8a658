"""duplicate_funding: the big money in the neighbourhoods, spent twice at one place.

Two interventions (any domain, not cancelled, valid years and geometry) on the same theme, within
`duplicate_funding_tolerance_m` of each other (distance equal to the tolerance counts), with
overlapping years, whose funders differ. An intervention's funders are its `funder` field plus the
funders of its `funding` rows; interventions without any funder are skipped (unknown, not different),
and so are pairs linked `combines_with` (already combined).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List

import numpy as np

from ..schema import label
from . import spatial
from .base import Finding, RuleInfo, make_finding, year_range
from .context import Context
from .util import fmt_dist, overlap

INFO = RuleInfo(
    id="duplicate_funding",
    severity="warning",
    params={"duplicate_funding_tolerance_m": 10.0},
    title_en="Duplicate funding",
    title_nl="Dubbele financiering",
)

MSG = (
    "{a} and {b}: same theme ({theme_en}) within {tol} m in {years}, paid by different funders "
    "({funders_en}): combine or remove the duplicate",
    "{a} en {b}: zelfde thema ({theme_nl}) binnen {tol} m in {years}, betaald door verschillende "
    "financiers ({funders_nl}): combineer of schrap de dubbeling",
)


def funder_sets(ctx: Context) -> List[FrozenSet[str]]:
    """Funders of each intervention: its funder field plus its funding rows."""
    rows = ctx.funding_rows
    out = []
    for uid, funder in zip(ctx.uids, ctx.inter.text("funder")):
        names = {f for _, f, _ in rows.get(uid, ()) if f}
        if funder:
            names.add(funder)
        out.append(frozenset(names))
    return out


def check(ctx: Context, params: dict) -> List[Finding]:
    """One finding per pair of interventions that look like the same thing paid twice."""
    inter = ctx.inter
    tol = max(float(params["duplicate_funding_tolerance_m"]), 0.0)
    sets = funder_sets(ctx)
    ids: Dict[FrozenSet[str], int] = {frozenset(): -1}
    set_id = np.array([ids.setdefault(fs, len(ids)) for fs in sets], dtype=np.intp)
    theme = inter.text("theme")
    sel = np.flatnonzero(ctx.active & inter.usable & inter.years_ok & (set_id >= 0) & (theme != None))  # noqa: E711
    i, j = spatial.self_candidates(inter, sel, tol)
    s, e = inter.start, inter.end
    keep = (theme[i] == theme[j]) & (set_id[i] != set_id[j]) & overlap(s[i], e[i], s[j], e[j])
    i, j = i[keep], j[keep]
    keep = ctx.within(i, j, tol)
    i, j = ctx.drop_linked(i[keep], j[keep])
    if not i.size:
        return []
    geoms = ctx.pair_boxes(i, j)
    first, last = np.maximum(s[i], s[j]), np.minimum(e[i], e[j])
    out = []
    for k in range(i.size):
        a, b = i[k], j[k]
        fa, fb = sorted(sets[a]), sorted(sets[b])
        v = {
            "a": ctx.label(a), "b": ctx.label(b), "tol": fmt_dist(tol),
            "years": year_range(first[k], last[k]),
            "theme_en": label("theme", theme[a], "en"), "theme_nl": label("theme", theme[a], "nl"),
            "funders_en": _funders(fa, "en") + " / " + _funders(fb, "en"),
            "funders_nl": _funders(fa, "nl") + " / " + _funders(fb, "nl"),
        }
        out.append(make_finding(INFO, (ctx.uids[a], ctx.uids[b]), MSG[0].format(**v), MSG[1].format(**v),
                                district_id=ctx.district_for((a, b)), geometry=geoms[k]))
    return out


def _funders(codes: List[str], lang: str) -> str:
    return ", ".join(label("funder", c, lang) for c in codes)
