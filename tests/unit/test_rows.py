"""A Row (core/rows.py) behaves as the dict it replaces in a programme read whole: every expectation
below is the plain dict's own answer to the same operation."""

from __future__ import annotations

import copy
import pickle

import pytest

from gebiedsplugin.core.rows import Row, columns, table_rows

NAMES = ["uid", "title", "start_year", "budget", "city_wide"]
VALUES = [("a1", "Dijk", 2025, 1.5, True), ("b2", None, 2026, None, False), ("c3", "", 2027, 0.0, None)]


def _pair(k: int = 0):
    rows = table_rows(NAMES, list(zip(*VALUES)), len(VALUES))
    return rows[k], dict(zip(NAMES, VALUES[k])), rows


def test_reads_like_a_dict():
    row, plain, _ = _pair(1)
    assert list(row) == list(plain) and list(row.keys()) == list(plain.keys())
    assert list(row.values()) == list(plain.values()) and list(row.items()) == list(plain.items())
    assert len(row) == len(plain) == 5 and list(reversed(row)) == list(reversed(plain))
    assert row["uid"] == "b2" and row.get("title") is None and row.get("title", "x") is None
    assert row.get("absent") is None and row.get("absent", 7) == 7 and "absent" not in row and "budget" in row
    with pytest.raises(KeyError):
        row["absent"]  # noqa: B018 (the KeyError is the point)
    assert dict(row) == plain and {**row} == plain and row == plain and plain == row
    assert row != dict(plain, uid="zz") and row != _pair(0)[0]
    assert repr(row) == repr(plain)
    assert row.keys() == plain.keys() and set(row.items()) == set(plain.items())
    assert (row | {"x": 1}) == (plain | {"x": 1}) and ({"x": 1} | row) == ({"x": 1} | plain)


def test_changes_stay_in_their_row():
    row, plain, rows = _pair(0)
    other = rows[1]
    for target in (row, plain):
        target["title"] = "Kade"
        target["new"] = 3
        del target["budget"]
        target.update(start_year=2030)
        assert target.pop("city_wide") is True
        target.setdefault("status", "planned")
        target["last"] = 1
        assert target.popitem() == ("last", 1)
    assert list(row.items()) == list(plain.items())
    assert dict(other) == dict(zip(NAMES, VALUES[1])) and list(other) == NAMES  # the table's fields untouched
    twin = row.copy()
    twin["uid"] = "changed"
    assert row["uid"] == "a1"


def test_copies_and_pickles():
    row, plain, _ = _pair(2)
    for twin in (pickle.loads(pickle.dumps(row)), copy.copy(row), copy.deepcopy(row)):
        assert twin == plain and list(twin) == NAMES
    assert isinstance(pickle.loads(pickle.dumps(row)), Row)


def test_columns_of_rows_dicts_and_mixed_tables():
    _, _, rows = _pair()
    expected = {"uid": ["a1", "b2", "c3"], "budget": [1.5, None, 0.0]}
    assert columns(rows, ("uid", "budget")) == expected
    assert columns([dict(r) for r in rows], ("uid", "budget")) == expected
    assert columns(rows, ("title",)) == {"title": ["Dijk", None, ""]}
    other = table_rows(["budget", "uid"], [[9.0], ["d4"]], 1)  # another table: fields in another order
    assert columns(rows + other, ("uid", "budget")) == {"uid": expected["uid"] + ["d4"],
                                                        "budget": expected["budget"] + [9.0]}
    short = table_rows(["uid"], [["e5"]], 1)  # a table without the field: None, as for a dict
    assert columns(rows + short, ("uid", "budget")) == {"uid": expected["uid"] + ["e5"],
                                                        "budget": expected["budget"] + [None]}
    assert columns(rows[:1] + [{"uid": "f6"}], ("uid", "budget")) == {"uid": ["a1", "f6"], "budget": [1.5, None]}
    assert columns([], ("uid",)) == {"uid": []}
    assert table_rows([], [], 2) == [{}, {}]
