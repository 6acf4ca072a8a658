"""duplicate_funding: the big money in the neighbourhoods, spent twice at one place.

Two interventions (any domain, not cancelled, valid years and geometry) on the same theme, within
`duplicate_funding_tolerance_m` of each other (distance equal to the tolerance counts), with
overlapping years, whose funders differ. An intervention's funders are its `funder` field plus the
funders of its `funding` rows; interventions without any funder are skipped (unknown, not different),
and so are pairs linked `combines_with` (already combined).
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from ..value_lists import label_text
from . import spatial
from .base import Finding, RuleInfo, sorted_finding, year_range
from .context import Context
from .texts import QT_TRANSLATE_NOOP, Joined, message
from .util import code_index, encode, fmt_dist, groups, overlap, unique_inverse

INFO = RuleInfo(
    id="duplicate_funding",
    severity="warning",
    params={"duplicate_funding_tolerance_m": 10.0},
    title=QT_TRANSLATE_NOOP("rules:duplicate_funding", "Duplicate funding"),
)

MSG = QT_TRANSLATE_NOOP("rules:duplicate_funding",
                        "{a} and {b}: same theme ({theme}) within {tol} m in {years}, paid by different funders "
                        "({funders}): combine or remove the duplicate")


def funder_sets(ctx: Context) -> Tuple[np.ndarray, List[FrozenSet[str]]]:
    """Funders of each intervention (its funder field plus its funding rows) as an int id per
    intervention (0: no funder; equal ids: equal sets) and the set behind each id."""
    inter = ctx.inter
    fi, _, ff, _ = ctx.funding
    own = inter.text("funder")
    names = sorted((set(own.tolist()) | set(ff.tolist())) - {None})
    if len(names) <= 62:  # the usual case: a set is a bit mask, built with numpy
        mask = np.zeros(inter.n, dtype=np.int64)
        own_code, row_code = code_index(own, names), code_index(ff, names)
        for b in range(len(names)):
            has = own_code == b
            has[fi[(row_code == b) & (fi >= 0)]] = True
            mask[has] |= np.int64(1) << b
        uniq, ids = unique_inverse(mask)
        sets = [frozenset(names[b] for b in range(len(names)) if m >> b & 1) for m in uniq.tolist()]
    else:  # a municipality with more than 62 funders: plain Python sets
        per = [set() if f is None else {f} for f in own.tolist()]
        for r, f in zip(fi.tolist(), ff.tolist()):
            if r >= 0 and f:
                per[r].add(f)
        table: Dict[FrozenSet[str], int] = {frozenset(): 0}
        ids = np.array([table.setdefault(frozenset(p), len(table)) for p in per], dtype=np.intp)
        sets = sorted(table, key=table.get)
    if not sets or sets[0]:  # keep id 0 for the empty set
        sets.insert(0, frozenset())
        ids = ids + 1
    return ids, sets


def candidates(ctx: Context, tol: float) -> Tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j), i < j, of live interventions on the same theme whose envelopes lie within *tol*,
    both with funders and not the same ones, with overlapping years: what check() then tests exactly.
    The attribute tests run on each chunk of envelope pairs as it is found: at a million
    interventions the envelope pairs alone were 31 M (0.5 GB, 1.3 GB while being found), of which
    0.2 % have different funders."""
    inter = ctx.inter
    set_id, _ = ctx.memo("funder_sets", lambda: funder_sets(ctx))
    theme = inter.text("theme")
    sel = np.flatnonzero(ctx.active & inter.usable & inter.years_ok & (theme != None) & (set_id > 0))  # noqa: E711
    s, e = inter.start, inter.end

    def differ(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return (set_id[i] != set_id[j]) & overlap(s[i], e[i], s[j], e[j])

    # One search per theme: pairs must share it, and it cuts the candidate pairs about tenfold.
    _, code = encode(theme[sel])
    order, starts, sizes, _ = groups(code)
    found = [spatial.self_candidates(inter, sel[order[a:a + n]], tol, own_tree=True, accept=differ,
                                     apart=set_id)
             for a, n in zip(starts.tolist(), sizes.tolist())]
    i = np.concatenate([f[0] for f in found] + [np.empty(0, dtype=np.intp)])
    j = np.concatenate([f[1] for f in found] + [np.empty(0, dtype=np.intp)])
    return i, j


def check(ctx: Context, params: dict) -> List[Finding]:
    """One finding per pair of interventions that look like the same thing paid twice."""
    inter = ctx.inter
    tol = max(float(params["duplicate_funding_tolerance_m"]), 0.0)
    set_id, sets = ctx.memo("funder_sets", lambda: funder_sets(ctx))
    theme = inter.text("theme")
    i, j = ctx.memo("funding_pairs|{}".format(tol), lambda: candidates(ctx, tol))
    s, e = inter.start, inter.end
    keep = (set_id[i] > 0) & (set_id[j] > 0) & (set_id[i] != set_id[j]) & overlap(s[i], e[i], s[j], e[j])
    i, j = i[keep], j[keep]
    keep = ctx.within(i, j, tol)
    i, j = ctx.ordered(*ctx.drop_linked(i[keep], j[keep]))
    if not i.size:
        return []
    geoms = ctx.pair_boxes(i, j).tolist()
    first, last = np.maximum(s[i], s[j]).tolist(), np.minimum(e[i], e[j]).tolist()
    uids, districts, themes, sid = ctx.uid_list, ctx.district_list, theme.tolist(), set_id.tolist()
    return [finding(Party(uids[a], ctx.label(a), districts[a], sorted(sets[sid[a]])),
                    Party(uids[b], ctx.label(b), districts[b], sorted(sets[sid[b]])),
                    themes[a], tol, first[k], last[k], geoms[k])
            for k, (a, b) in enumerate(zip(i.tolist(), j.tolist()))]


class Party(NamedTuple):
    """One intervention of a pair: uid, name (context.intervention_label), stored district, funder
    codes (sorted)."""

    uid: str
    label: str
    district_id: Optional[str]
    funders: Sequence[str]


def finding(a: Party, b: Party, theme: str, tolerance: float, first: float, last: float, geometry: Any) -> Finding:
    """The finding on interventions *a* and *b* on *theme*, within *tolerance* metres, both planned in
    *first*-*last*, paid by different funders; also what the database check
    (qgis_io/store/pg_check.py) makes. The pair reads smaller uid first, whichever comes first here."""
    if a.uid > b.uid:
        a, b = b, a
    text = message(MSG, a=a.label, b=b.label, theme=label_text("theme", theme), tol=fmt_dist(tolerance),
                   years=year_range(first, last), funders=Joined((_funders(a.funders), _funders(b.funders)), " / "))
    return sorted_finding(INFO, (a.uid, b.uid), text, a.district_id, geometry)


def _funders(codes: Sequence[str]) -> Joined:
    return Joined(tuple(label_text("funder", c) for c in codes))
