"""util.groups (a radix sort for keys within an int16 span) and stacking's crowd filter, against groups
made by hand with Python's sorted()."""

from __future__ import annotations

import numpy as np
import pytest

from gebiedsplugin.core.rules.stacking import _crowded
from gebiedsplugin.core.rules.util import groups


def _by_hand(keys: list):
    """(order, starts, sizes, keys) of a stable grouping, with sorted() on (key, position)."""
    order = [k for _, k in sorted((key, k) for k, key in enumerate(keys))]
    starts, sizes, found = [], [], []
    for pos, k in enumerate(order):
        if not found or keys[k] != found[-1]:
            starts.append(pos)
            sizes.append(0)
            found.append(keys[k])
        sizes[-1] += 1
    return order, starts, sizes, found


@pytest.mark.parametrize("low, span", [(0, 7), (-40, 300), (1_000_000, 30_000), (5, 70_000), (0, 3_000_000)])
def test_groups_as_by_hand(low, span):
    rng = np.random.default_rng(span)
    keys = low + rng.integers(0, span, 20_000)
    keys[:3] = (low, low + span - 1, low)  # both ends of the span
    order, starts, sizes, found = groups(keys)
    want = _by_hand(keys.tolist())
    assert (order.tolist(), starts.tolist(), sizes.tolist(), found.tolist()) == want


def test_groups_of_nothing():
    order, starts, sizes, found = groups(np.empty(0, dtype=np.int64))
    assert order.size == starts.size == sizes.size == found.size == 0


@pytest.mark.parametrize("spread", [50, 10 ** 9])  # counted in an array; too sparse: all rows kept
def test_crowded_keeps_the_rows_of_keys_above_the_limit_in_order(spread):
    rng = np.random.default_rng(3)
    keys = rng.integers(0, 400, 2_000) * (spread // 50)
    rows = np.arange(keys.size) * 3
    got_rows, got_keys = _crowded(rows, keys, 6.0)
    counts = {}
    for k in keys.tolist():
        counts[k] = counts.get(k, 0) + 1
    crowd = [k for k, key in enumerate(keys.tolist()) if counts[key] > 6]
    assert 0 < len(crowd) < keys.size
    if spread == 50:
        assert got_rows.tolist() == [3 * k for k in crowd] and got_keys.tolist() == keys[crowd].tolist()
    else:
        assert got_rows.tolist() == rows.tolist() and got_keys.tolist() == keys.tolist()
    # grouped afterwards, the groups above the limit are the same as from all rows
    order, starts, sizes, found = groups(got_keys)
    big = {int(found[g]): got_rows[order[starts[g]:starts[g] + sizes[g]]].tolist()
           for g in range(found.size) if sizes[g] > 6}
    assert big == {key: [3 * k for k in crowd if keys[k] == key] for key in {int(keys[k]) for k in crowd}}


def _first_by_hand(groups: list, keys: list) -> list:
    """Position of the first row of each group by (keys..., position), groups in ascending order."""
    best = {}
    for pos, g in enumerate(groups):
        rank = tuple(k[pos] for k in keys) + (pos,)
        if g not in best or rank < best[g][0]:
            best[g] = (rank, pos)
    return [best[g][1] for g in sorted(best)]


@pytest.mark.parametrize("case", ["mostly alone", "all alone", "all shared", "negative", "sparse", "unsigned"])
def test_first_per_group_as_by_hand(case):
    from gebiedsplugin.core.rules.util import first_per_group

    rng = np.random.default_rng(len(case))
    n = 3_000
    groups = {"mostly alone": rng.permutation(n),
              "all alone": rng.permutation(n), "all shared": rng.integers(0, 40, n),
              "negative": rng.integers(-20, 20, n), "sparse": rng.integers(0, 10 ** 9, n),
              "unsigned": rng.integers(0, 200, n).astype(np.uint32)}[case]
    if case == "mostly alone":  # a tenth of the rows join another row's group
        join = rng.random(n) < 0.1
        groups = np.where(join, groups[rng.integers(0, n, n)], groups)
    share = np.round(rng.random(n), 1)  # ties, broken by the second key, then by position
    other = rng.integers(0, 3, n)
    got = first_per_group(groups, -share, other)
    assert got.tolist() == _first_by_hand(groups.tolist(), [(-share).tolist(), other.tolist()])


@pytest.mark.parametrize("case", ["masks", "sparse", "negative", "empty"])
def test_unique_inverse_as_numpy(case):
    from gebiedsplugin.core.rules.util import unique_inverse

    rng = np.random.default_rng(7)
    values = {"masks": rng.integers(0, 64, 5_000) & rng.integers(0, 64, 5_000),
              "sparse": rng.integers(0, 2 ** 40, 500), "negative": rng.integers(-5, 5, 500),
              "empty": np.empty(0, dtype=np.int64)}[case]
    got, want = unique_inverse(values), np.unique(values, return_inverse=True)
    assert got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()
    assert got[0].dtype == values.dtype


@pytest.mark.parametrize("case", ["below 2**16", "below 2**32", "duplicates", "negative", "too large", "empty",
                                  "uint32"])
def test_ascending_as_by_hand(case):
    """util.ascending (two 16-bit radix passes) orders as sorted() on (key, position): stable."""
    from gebiedsplugin.core.rules.util import ascending

    rng = np.random.default_rng(len(case))
    keys = {"below 2**16": rng.integers(0, 2 ** 16, 5_000), "below 2**32": rng.integers(0, 2 ** 32, 5_000),
            "duplicates": rng.integers(0, 300_000, 5_000) // 1000 * 70_001, "negative": rng.integers(-9, 9, 500),
            "too large": rng.integers(2 ** 31, 2 ** 40, 500), "empty": np.empty(0, dtype=np.intp),
            "uint32": rng.integers(0, 2 ** 32, 5_000).astype(np.uint32)}[case]
    if case == "below 2**32":
        keys[:2] = (0, 2 ** 32 - 1)  # both ends
    by_hand = [k for _, k in sorted((key, k) for k, key in enumerate(keys.tolist()))]
    assert ascending(keys).tolist() == by_hand
