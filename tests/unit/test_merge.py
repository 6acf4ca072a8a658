"""The three-way merge of an offline copy, case by case (core/merge.py): each expected result is
written out by hand from the rules, not computed by the code under test."""

from __future__ import annotations

from gebiedsplugin.core.merge import BOTH_CHANGED, DELETED_HERE, DELETED_THERE, MADE_TWICE, MINE, THEIRS, RowState, plan
from gebiedsplugin.core.row_changes import DELETE, INSERT, UPDATE

T = "interventions_point"


def state(version, title="t", budget=1.0, fid=7, geometry=b"P"):
    return RowState(version, {"title": title, "budget": budget}, geometry, fid)


def ops(result):
    return [(c.op, c.table, c.fid, c.version, c.values) for c in result.changes]


def test_offline_only_changes_are_taken_over():
    base = {(T, "a"): state(3), (T, "b"): state(5, fid=8), (T, "c"): state(1, fid=9)}
    mine = {(T, "a"): state(3, title="mine"), (T, "c"): state(1), (T, "new"): state(1, title="fresh")}
    theirs = {(T, "a"): state(3), (T, "b"): state(5, fid=8), (T, "c"): state(1, fid=9)}
    result = plan(base, mine, theirs)
    assert result.conflicts == []
    assert ops(result) == [(UPDATE, T, 7, 3, {"title": "mine"}), (DELETE, T, 8, 5, {}),
                           (INSERT, T, None, None, {"title": "fresh", "budget": 1.0})]
    assert result.counts == {INSERT: 1, UPDATE: 1, DELETE: 1}


def test_shared_only_changes_stand():
    base = {(T, "a"): state(3), (T, "b"): state(5)}
    mine = {(T, "a"): state(3), (T, "b"): state(5)}
    theirs = {(T, "a"): state(4, title="theirs")}  # a changed, b deleted in the shared programme
    result = plan(base, mine, theirs)
    assert result.changes == [] and result.conflicts == []


def test_changes_on_both_sides_are_conflicts_listed_field_by_field():
    base = {(T, "a"): state(3), (T, "b"): state(3, fid=8), (T, "c"): state(3, fid=9)}
    mine = {(T, "a"): state(3, title="mine"), (T, "c"): state(3, budget=9.0, fid=9), (T, "x"): state(1)}
    theirs = {(T, "a"): state(4, title="theirs"), (T, "b"): state(4, budget=2.0, fid=8), (T, "x"): state(1)}
    result = plan(base, mine, theirs)
    kinds = {c.key: c.kind for c in result.conflicts}
    assert kinds == {"a": BOTH_CHANGED, "b": DELETED_HERE, "c": DELETED_THERE, "x": MADE_TWICE}
    a = next(c for c in result.conflicts if c.key == "a")
    assert a.fields == [("title", "t", "mine", "theirs")]
    assert result.changes == [] and len(result.open_conflicts) == 4


def test_decisions_resolve_conflicts():
    base = {(T, "a"): state(3), (T, "b"): state(3, fid=8), (T, "c"): state(3, fid=9)}
    mine = {(T, "a"): state(3, title="mine"), (T, "c"): state(3, budget=9.0, fid=9)}
    theirs = {(T, "a"): state(4, title="theirs"), (T, "b"): state(4, budget=2.0, fid=8)}
    result = plan(base, mine, theirs, {T + "/a": MINE, T + "/b": MINE, T + "/c": THEIRS})
    assert result.open_conflicts == []
    assert ops(result) == [(UPDATE, T, 7, 4, {"title": "mine"}), (DELETE, T, 8, 4, {})]


def test_the_same_change_on_both_sides_is_no_conflict():
    base = {(T, "a"): state(3)}
    result = plan(base, {(T, "a"): state(3, title="same")}, {(T, "a"): state(4, title="same")})
    assert result.changes == [] and result.conflicts == []
