"""Near-pair searches run a chunk of boxes at a time (core/rules/spatial.py): whatever the chunk
sizes, the pairs are those of a brute-force envelope test, in the order of one query."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.rules import spatial
from gebiedsplugin.core.rules.arrays import FeatureArrays


def _arrays(seed: int = 3) -> FeatureArrays:
    rng = np.random.default_rng(seed)
    geoms = [shapely.Point(x, y) for x, y in rng.uniform(0, 200, (150, 2))]
    geoms += [shapely.Point(50, 50)] * 40  # a pile of points: many pairs from few boxes
    geoms += [shapely.box(x, y, x + w, y + w) for x, y, w in rng.uniform(0, 150, (20, 3))]  # large ones
    return FeatureArrays([Feature({}, g, "t", k) for k, g in enumerate(geoms)])


def _brute(arrays: FeatureArrays, idx: np.ndarray, d: float) -> set:
    b = shapely.bounds(arrays.fixed)
    out = set()
    for i in idx.tolist():
        for j in idx.tolist():
            near = b[i, 0] - d <= b[j, 2] and b[j, 0] <= b[i, 2] + d and b[i, 1] - d <= b[j, 3] \
                and b[j, 1] <= b[i, 3] + d
            if i < j and near:
                out.add((i, j))
    return out


@pytest.mark.parametrize("chunk,pairs", [(500, 1000000), (7, 50), (1, 1)])
def test_pairs_whatever_the_chunks(monkeypatch, chunk, pairs):
    arrays = _arrays()
    idx = np.flatnonzero(np.arange(arrays.n) % 3 != 1)
    expected = _brute(arrays, idx, 4.0)
    assert len(expected) > 500  # the pile alone gives 27 * 26 / 2 = 351
    whole = {}
    for own in (False, True):
        monkeypatch.setattr(spatial, "_CHUNK", 10 ** 9)
        monkeypatch.setattr(spatial, "_PAIRS", 10 ** 12)
        whole[own] = spatial.self_candidates(arrays, idx, 4.0, own_tree=own)
        monkeypatch.setattr(spatial, "_CHUNK", chunk)
        monkeypatch.setattr(spatial, "_PAIRS", pairs)
        i, j = spatial.self_candidates(arrays, idx, 4.0, own_tree=own)
        assert set(zip(i.tolist(), j.tolist())) == expected
        assert i.tolist() == whole[own][0].tolist() and j.tolist() == whole[own][1].tolist()  # same order
        odd = spatial.self_candidates(arrays, idx, 4.0, own_tree=own, accept=lambda a, b: (a + b) % 2 == 1)
        assert set(zip(*(x.tolist() for x in odd))) == {p for p in expected if sum(p) % 2 == 1}
    mask = np.arange(arrays.n) % 2 == 0
    a, b = spatial.candidates(arrays, idx, arrays, 4.0, mask)
    assert all(mask[b]) and len(a) == len(b) > 0


@pytest.mark.parametrize("chunk,pairs", [(500, 1000000), (7, 50), (1, 1)])
def test_pairs_apart_leave_out_only_pairs_of_one_label(monkeypatch, chunk, pairs):
    """With *apart*, the crowd of the most common label is not paired among itself; every other
    pair (crowd with others, others among themselves, one label or not) is found as before."""
    monkeypatch.setattr(spatial, "_CHUNK", chunk)
    monkeypatch.setattr(spatial, "_PAIRS", pairs)
    arrays = _arrays()
    rng = np.random.default_rng(11)
    labels = rng.integers(1, 4, arrays.n)
    labels[150:190] = 2  # the pile is one label, the most common one
    assert np.bincount(labels).argmax() == 2
    idx = np.flatnonzero(np.arange(arrays.n) % 3 != 1)
    expected = _brute(arrays, idx, 4.0)
    crowd = {p for p in expected if labels[p[0]] == labels[p[1]] == 2}
    assert len(crowd) > 351  # the pile's pairs and more
    i, j = spatial.self_candidates(arrays, idx, 4.0, own_tree=True, apart=labels)
    got = list(zip(i.tolist(), j.tolist()))
    assert got == sorted(expected - crowd)  # once each, sorted
    # what duplicate_funding asks: pairs of different labels, the same as filtering the plain search
    differ = lambda a, b: labels[a] != labels[b]  # noqa: E731
    i, j = spatial.self_candidates(arrays, idx, 4.0, own_tree=True, accept=differ, apart=labels)
    plain = spatial.self_candidates(arrays, idx, 4.0, own_tree=True, accept=differ)
    assert set(zip(i.tolist(), j.tolist())) == set(zip(*(x.tolist() for x in plain)))
    assert len(i) == len({p for p in expected if labels[p[0]] != labels[p[1]]}) > 0
    one = np.full(arrays.n, 5)  # all one label: no pair at all
    assert spatial.self_candidates(arrays, idx, 4.0, own_tree=True, apart=one)[0].size == 0


@pytest.mark.parametrize("chunk,pairs", [(500, 1000000), (3, 20)])
def test_candidates_tree_on_the_smaller_side(monkeypatch, chunk, pairs):
    """A few src features against many dst ones: the tree is of the few, queried with the many; the
    pairs are those of the dst tree's query (and of a brute-force envelope test)."""
    monkeypatch.setattr(spatial, "_CHUNK", chunk)
    monkeypatch.setattr(spatial, "_PAIRS", pairs)
    src, dst = _arrays(3), _arrays(5)
    b_src, b_dst = shapely.bounds(src.fixed), shapely.bounds(dst.fixed)
    idx = np.array([3, 150, 160, 190, 201, 7])  # points, the pile, large boxes; not sorted
    mask = np.arange(dst.n) % 4 != 0
    d = 4.0
    expected = {(i, j) for i in idx.tolist() for j in np.flatnonzero(mask).tolist()
                if b_src[i, 0] - d <= b_dst[j, 2] and b_dst[j, 0] <= b_src[i, 2] + d
                and b_src[i, 1] - d <= b_dst[j, 3] and b_dst[j, 1] <= b_src[i, 3] + d}
    assert len(expected) > 50
    assert "tree" not in vars(dst)
    i, j = spatial.candidates(src, idx, dst, d, mask)
    assert "tree" not in vars(dst)  # the small side's tree served
    assert list(zip(i.tolist(), j.tolist())) == sorted(expected, key=lambda p: (idx.tolist().index(p[0]), p[1]))
    dst.tree  # noqa: B018 (built: the shared tree serves from now on)
    i2, j2 = spatial.candidates(src, idx, dst, d, mask)
    assert set(zip(i2.tolist(), j2.tolist())) == expected


def test_space_order_follows_the_z_curve():
    """Boxes in a 4 x 4 grid, given row by row, come out in Z order (x's bit before y's in each pair
    of bits); a box without geometry (NaN) does not stop the ordering."""
    cells = [(x, y) for y in range(4) for x in range(4)]
    boxes = np.array([(x, y, x, y) for x, y in cells], dtype=float)
    z = [cells.index(c) for c in [(0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (3, 0), (2, 1), (3, 1),
                                  (0, 2), (1, 2), (0, 3), (1, 3), (2, 2), (3, 2), (2, 3), (3, 3)]]
    assert spatial.space_order(boxes).tolist() == z
    with_nan = np.vstack([boxes, [np.nan] * 4])
    assert sorted(spatial.space_order(with_nan).tolist()) == list(range(17))


def test_space_order_as_bit_by_bit():
    """The Z code, made with shifts of whole bit groups and sorted by radix, orders random boxes as a
    code made one bit at a time in Python and a stable sort (ties: given order)."""
    rng = np.random.default_rng(11)
    boxes = rng.uniform(0, 1000, (3_000, 2)).repeat(2, axis=1)[:, [0, 2, 1, 3]]
    boxes[::5] = boxes[::5].round(-2)  # equal centres: ties
    boxes[7] = np.nan
    with np.errstate(invalid="ignore"):
        xy = np.nan_to_num((boxes[:, :2] + boxes[:, 2:]) / 2.0)
    lo, span = xy.min(axis=0), np.ptp(xy, axis=0)
    cells = ((xy - lo) / span * (2 ** 16 - 1)).astype(np.int64).tolist()
    codes = [sum(((x >> b) & 1) << (2 * b) | ((y >> b) & 1) << (2 * b + 1) for b in range(16)) for x, y in cells]
    assert spatial.space_order(boxes).tolist() == [k for _, k in sorted((c, k) for k, c in enumerate(codes))]


def test_pairs_in_box_order_whatever_the_query_order(monkeypatch):
    """The boxes are searched in Z-curve order; the pairs come out as they did in the order of the
    features: grouped by the first feature, in its order, each group as the tree gives it."""
    arrays = _arrays(5)
    idx = np.flatnonzero(np.arange(arrays.n) % 4 != 2)
    expected = _brute(arrays, idx, 6.0)
    found = {}
    for name, order in (("z", spatial.space_order), ("given", lambda b: np.arange(len(b)))):
        monkeypatch.setattr(spatial, "space_order", order)
        for own in (False, True):
            found[name, own] = spatial.self_candidates(arrays, idx, 6.0, own_tree=own)
    for own in (False, True):
        i, j = found["z", own]
        assert set(zip(i.tolist(), j.tolist())) == expected
        assert (np.diff(i) >= 0).all()
        assert i.tolist() == found["given", own][0].tolist() and j.tolist() == found["given", own][1].tolist()
