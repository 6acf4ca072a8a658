"""Shared look-ups of the programme projects (MJP) by programme code."""

from __future__ import annotations

from typing import Tuple

import numpy as np

from .context import Context
from .util import code_index


def project_codes(ctx: Context) -> np.ndarray:
    """Sorted distinct programme codes of all projects (any status)."""
    codes = ctx.proj.text("programme_code")
    present = codes != None  # noqa: E711 (elementwise on an object array)
    return np.unique(codes[present].astype(str)) if present.any() else np.empty(0, dtype=str)


def intervention_code_index(ctx: Context) -> Tuple[np.ndarray, np.ndarray]:
    """(vocabulary, index of each intervention's programme code in it or -1)."""
    vocab = project_codes(ctx)
    return vocab, code_index(ctx.inter.text("programme_code"), vocab)


def project_spans(ctx: Context, vocab: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Per code: earliest start and latest end over its projects with valid years (NaN if none).

    Several projects may share a code (one per geometry table); together they span the code's period.
    """
    proj = ctx.proj
    start = np.full(vocab.size, np.inf)
    end = np.full(vocab.size, -np.inf)
    idx = code_index(proj.text("programme_code"), vocab)
    ok = (idx >= 0) & proj.years_ok
    np.minimum.at(start, idx[ok], proj.start[ok])
    np.maximum.at(end, idx[ok], proj.end[ok])
    missing = ~np.isfinite(start)
    start[missing], end[missing] = np.nan, np.nan
    return start, end
