"""Shared look-ups of the programme projects (MJP) by programme code, computed once per run."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .context import Context
from .util import code_index, first_per_group


class ProgrammeCodes(NamedTuple):
    """Codes of the projects and what interventions refer to."""

    vocab: list  # distinct project codes (any status)
    inter_idx: np.ndarray  # per intervention: index of its code in vocab, -1 if none or unknown
    start: np.ndarray  # per code: earliest start over its projects with valid years (NaN if none)
    end: np.ndarray  # per code: latest end over those projects (NaN if none)


def programme_codes(ctx: Context) -> ProgrammeCodes:
    """The programme codes, cached on the context (two rules use them)."""
    return ctx.memo("programme_codes", lambda: _build(ctx))


def _build(ctx: Context) -> ProgrammeCodes:
    proj = ctx.proj
    codes = proj.text("programme_code").tolist()
    # the usual programme: every project its own code, none blank; then the codes are the vocabulary
    # in one C-level pass (a Python expression per project cost a third more)
    lookup = dict(zip(codes, range(len(codes))))
    if len(lookup) == len(codes) and None not in lookup:
        pidx = np.arange(len(codes), dtype=np.intp)
        vocab = codes
    else:  # codes in first-seen order and each project's index among them, in one pass over one dict
        lookup = {}
        add = lookup.setdefault
        pidx = np.fromiter((-1 if c is None else add(c, len(lookup)) for c in codes), dtype=np.intp,
                           count=len(codes))
        vocab = list(lookup)
    # Several projects may share a code (one per geometry table): together they span its period.
    start = np.full(len(vocab), np.nan)
    end = np.full(len(vocab), np.nan)
    ok = np.flatnonzero((pidx >= 0) & proj.years_ok)
    first = ok[first_per_group(pidx[ok], proj.start[ok])]
    start[pidx[first]] = proj.start[first]
    last = ok[first_per_group(pidx[ok], -proj.end[ok])]
    end[pidx[last]] = proj.end[last]
    return ProgrammeCodes(vocab, code_index(ctx.inter.text("programme_code"), lookup), start, end)
