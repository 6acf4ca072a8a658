"""A list's rows filtered, summed and sorted in small steps, so that a caller can spread the work over
turns of an event loop (the Interventions list at 100,000 rows: 0.2-0.6 s in one go after an open, a
header click's sort 1-2 s).

`ordered_steps` is a generator: each `next()` does one step of at most STEP rows (or one sorted run of
RUN rows) and yields; when it ends, the result holds the rows in order. The order is exactly that of one
stable sort of the filtered rows by key (`sorted(..., reverse=...)`): runs of consecutive rows are each
sorted stably, and heapq.merge takes equal keys from the earlier run first. `sorted_in_runs` runs the
steps in one call, for a worker thread.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterator, Optional

STEP = 2000  # rows filtered, keyed or merged a step
RUN = 4000  # rows sorted in one call (a few ms); the runs are merged STEP at a time


@dataclass
class Ordered:
    """What ordered_steps made: the rows shown, in order (complete once the generator has ended)."""

    rows: list = field(default_factory=list)
    done: bool = False


def ordered_steps(rows: list, accepts: Optional[Callable] = None, key: Optional[Callable] = None,
                  reverse: bool = False, out: Optional[Ordered] = None, run: int = RUN) -> Iterator[None]:
    """Steps that put the *rows* that *accepts* (all when None) into *out*.rows, sorted by *key* (kept in
    their order when None), descending with *reverse*; *run* rows are sorted a step."""
    out = out if out is not None else Ordered()
    shown: list = []
    for start in range(0, len(rows), STEP):
        part = rows[start:start + STEP]
        shown.extend(part if accepts is None else filter(accepts, part))
        yield
    if key is None or len(shown) < 2:
        out.rows, out.done = shown, True
        return
    keys: list = []
    for start in range(0, len(shown), STEP):
        keys.extend(map(key, shown[start:start + STEP]))
        yield
    runs = []
    for start in range(0, len(shown), run):
        runs.append(sorted(range(start, min(start + run, len(shown))), key=keys.__getitem__, reverse=reverse))
        yield
    merged = heapq.merge(*runs, key=keys.__getitem__, reverse=reverse) if len(runs) > 1 else iter(runs[0])
    ordered: list = []
    while len(ordered) < len(shown):
        ordered.extend(map(shown.__getitem__, islice(merged, STEP)))
        yield
    out.rows, out.done = ordered, True


def sorted_in_runs(rows: list, key: Callable, run: int = RUN) -> list:
    """sorted(rows, key=key), the same order (stable), in one call made of short ones: one sort of 100,000
    rows is a single call that keeps Python's lock (0.3 s in a worker thread, the QGIS window still)."""
    out = Ordered()
    for _ in ordered_steps(rows, key=key, out=out, run=run):
        pass
    return out.rows
