"""sorted_in_runs (#18: the timeline's sort in runs, so a worker lets the QGIS window have its turns)
orders exactly as sorted() does, ties in their original order included."""

from __future__ import annotations

import random

from gebiedsplugin.core.comparisons import sorted_in_runs


def test_same_order_as_sorted_with_ties_kept_in_place():
    rng = random.Random(18)
    rows = [(rng.randint(2020, 2030), rng.choice("abc"), n) for n in range(23_456)]  # many equal keys
    key = lambda row: (row[0], row[1])  # noqa: E731 - the key under test
    assert sorted_in_runs(rows, key, run=1000) == sorted(rows, key=key)
    assert sorted_in_runs(rows[:500], key, run=1000) == sorted(rows[:500], key=key)
    assert sorted_in_runs([], key) == []
