"""ordered_steps (#18: the Interventions list filtered and sorted a step at a time between turns of the
event loop) gives exactly one stable sort's order, ties in their original order, in both directions, and
never does more than a step's rows at once; sorted_in_runs (the same steps in one call, for a worker
thread: the timeline's sort) too."""

from __future__ import annotations

import random

from gebiedsplugin.core.list_steps import RUN, STEP, Ordered, ordered_steps, sorted_in_runs


def _run(rows, accepts=None, key=None, reverse=False) -> tuple:
    out = Ordered()
    steps = sum(1 for _ in ordered_steps(rows, accepts, key, reverse, out))
    assert out.done
    return out.rows, steps


def test_the_order_of_one_stable_sort_with_ties_kept_in_place():
    rng = random.Random(18)
    rows = [(rng.randint(2020, 2030), rng.choice("abc"), n) for n in range(23_456)]  # many equal keys
    key = lambda row: (row[0], row[1])  # noqa: E731 - the key under test
    odd = lambda row: row[2] % 3 != 0  # noqa: E731 - a filter
    for reverse in (False, True):
        assert _run(rows, key=key, reverse=reverse)[0] == sorted(rows, key=key, reverse=reverse)
        expected = sorted([r for r in rows if odd(r)], key=key, reverse=reverse)
        assert _run(rows, odd, key, reverse)[0] == expected
    assert _run(rows[:7], key=key)[0] == sorted(rows[:7], key=key)
    assert _run([], key=key)[0] == []
    assert _run(rows, odd)[0] == [r for r in rows if odd(r)]  # no key: the rows' own order


def test_work_is_cut_in_steps_of_a_few_thousand_rows():
    rows = list(range(100_000, 0, -1))
    ordered, steps = _run(rows, key=lambda r: r)
    assert ordered == sorted(rows)
    # filter, keys and merge a step per STEP rows each, one sort per RUN rows
    assert steps == 3 * (100_000 // STEP) + 100_000 // RUN


def test_sorted_in_runs_same_order_as_sorted_with_ties_kept_in_place():
    rng = random.Random(18)
    rows = [(rng.randint(2020, 2030), rng.choice("abc"), n) for n in range(23_456)]  # many equal keys
    key = lambda row: (row[0], row[1])  # noqa: E731 - the key under test
    assert sorted_in_runs(rows, key, run=1000) == sorted(rows, key=key)
    assert sorted_in_runs(rows[:500], key, run=1000) == sorted(rows[:500], key=key)
    assert sorted_in_runs([], key) == []
