"""Integer codes made in a read (core/rules/read_codes.py): planted values with the codes worked out by
hand, fed batch by batch as the GeoPackage read feeds them, and the rules' findings with them the same
as without them."""

from __future__ import annotations

import numpy as np
from shapely.geometry import Point

from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.rules import run_rules
from gebiedsplugin.core.rules.context import READ_COLUMNS, READ_TEXTS, Context
from gebiedsplugin.core.rules.programme import programme_codes
from gebiedsplugin.core.rules.read_codes import ReadCodes, add_uids, first_seen, uid_positions
from gebiedsplugin.core.rules.util import texts
from tests.unit.test_rules_engine import _snapshot


def read_like(programme: Programme, batch: int = 2) -> None:
    """Codes made as ogr_read.read_programme makes them: projects, then interventions, then funding,
    each table in batches of *batch* rows, text fields cleaned per batch (util.texts)."""
    codes = ReadCodes()
    for part in ("projects", "interventions", "funding"):
        rows = getattr(programme, part)
        k = 0
        while k < len(rows):
            table = getattr(rows[k], "table", part)
            end = k
            while end < len(rows) and end - k < batch and getattr(rows[end], "table", part) == table:
                end += 1
            chunk = rows[k:end]
            values = {}
            for name in READ_COLUMNS[part]:
                column = [getattr(r, "attrs", r).get(name) for r in chunk]
                values[name] = texts(column) if name in READ_TEXTS.get(part, ()) else column
            codes.add(part, table, values, [getattr(r, "fid", None) for r in chunk])
            k = end
    codes.register(programme)


def test_first_seen_codes_by_hand_across_batches():
    lookup = {}
    assert first_seen(lookup, ["b", None, "a"]).tolist() == [0, -1, 1]
    assert first_seen(lookup, ["c", "a", None, "b", "c"]).tolist() == [2, 1, -1, 0, 2]
    assert lookup == {"b": 0, "a": 1, "c": 2}
    assert first_seen({}, []).tolist() == []


def test_uids_used_twice_are_the_last_one_and_blanks_are_named_by_table_and_fid():
    index = {}
    add_uids(index, 0, ["u1", None, "u2"], "interventions_point", [7, 8, 9])
    add_uids(index, 3, ["u2", "u3", None], "interventions_line", [1, 2, 3])
    assert index == {"u1": 0, "interventions_point#8": 1, "u2": 3, "u3": 4, "interventions_line#3": 5}


def test_funding_uids_as_stored_then_cleaned():
    index = {"u1": 0, "7": 1, "interventions_point#8": 2}
    got = uid_positions(index, ["u1", " u1 ", 7, None, "nope", "interventions_point#8", ""])
    assert got.tolist() == [0, 0, 1, -1, -1, 2, -1]


def _planted() -> Programme:
    """Five interventions in two tables, four projects, six funding rows (codes worked out below)."""
    def inter(uid, code, nbh, table, fid):
        return Feature({"uid": uid, "programme_code": code, "neighbourhood_id": nbh, "start_year": 2025,
                        "end_year": 2025, "status": "planned", "domain": "physical"}, Point(fid, fid), table, fid)

    def proj(code, fid):
        return Feature({"programme_code": code, "start_year": 2024, "end_year": 2026}, Point(fid, 0),
                       "programme_projects_point", fid)

    return Programme(
        interventions=[inter("u1", " B ", "w1", "interventions_point", 1),
                       inter("u2", "Z", " x9", "interventions_point", 2),  # code and neighbourhood nowhere else
                       inter("  ", None, None, "interventions_point", 3),  # blank uid: interventions_point#3
                       inter("u1", "A", "w1", "interventions_line", 1),  # u1 twice: this one counts
                       inter(" u4 ", "", "e1", "interventions_line", 2)],
        projects=[proj("A", 1), proj(" B", 2), proj(None, 3), proj("A", 4)],
        funding=[{"intervention_uid": u, "year": 2025, "amount": 10.0}
                 for u in ("u1", " u4 ", "interventions_point#3", "nope", None, "u2")])


def test_codes_of_a_planted_programme_by_hand():
    programme = _planted()
    read_like(programme)
    codes = dict(programme.codes)
    assert codes["uid_index"][1] == {"u1": 3, "u2": 1, "interventions_point#3": 2, "u4": 4}
    lookup, pidx, inter_idx = codes["programme_codes"][1]
    assert lookup == {"A": 0, "B": 1} and pidx.tolist() == [0, 1, -1, 0] and inter_idx.tolist() == [1, -1, -1, 0, -1]
    nbh_lookup, nbh = codes["neighbourhood_codes"][1]
    assert nbh_lookup == {"w1": 0, "x9": 1, "e1": 2} and nbh.tolist() == [0, 1, -1, 0, 2]
    assert codes["funding_positions"][1].tolist() == [3, 4, 2, -1, -1, 1]

    # the context takes them, and makes the same without them
    with_codes, without = Context(programme), Context(_planted())
    assert with_codes.funding[0].tolist() == without.funding[0].tolist() == [3, 4, 2, -1, -1, 1]
    assert with_codes.uid_index == without.uid_index
    a, b = programme_codes(with_codes), programme_codes(without)
    assert a.vocab == b.vocab == ["A", "B"] and a.inter_idx.tolist() == b.inter_idx.tolist()
    assert np.array_equal(a.start, b.start) and np.array_equal(a.end, b.end)
    assert with_codes.neighbourhood_codes[0] == without.neighbourhood_codes[0]
    assert with_codes.neighbourhood_codes[1].tolist() == without.neighbourhood_codes[1].tolist()
    assert not programme.codes  # each taken once


def test_codes_are_not_used_once_their_parts_changed():
    programme = _planted()
    read_like(programme)
    programme.funding.append({"intervention_uid": "u2"})
    assert programme.taken_codes("funding_positions") is None  # funding grew
    assert programme.taken_codes("uid_index") is not None
    programme.interventions = list(programme.interventions)  # replaced, same rows
    assert programme.taken_codes("neighbourhood_codes") is None
    assert programme.taken_codes("programme_codes") is None
    assert programme.taken_codes("nothing") is None


def test_interventions_read_before_the_projects_get_no_programme_codes():
    programme = _planted()
    codes = ReadCodes()
    codes.add("interventions", "interventions_point", {"uid": ["u1"], "programme_code": ["A"],
                                                       "neighbourhood_id": [None]}, [1])
    codes.add("projects", "programme_projects_point", {"programme_code": ["A"]}, [1])
    codes.register(programme)
    assert "programme_codes" not in programme.codes


def test_stacking_with_read_codes_as_by_hand(city):
    """Nine interventions in w1 in 2025 (three with a blank neighbourhood, found by overlap), nine in
    x9 (a neighbourhood id only the interventions know) in 2026, eight in e1: more than eight is
    stacking, so two findings, the same with and without the read's codes."""
    for k in range(9):
        city.add("w{}".format(k), Point(100 + k, 100), neighbourhood_id=None if k < 3 else "w1")
        city.add("x{}".format(k), Point(1500 + k, 500), neighbourhood_id=" x9 ", start_year=2026, end_year=2026,
                 district_id="east")
    for k in range(8):
        city.add("e{}".format(k), Point(1200 + k, 300), neighbourhood_id="e1", district_id="east")
    programme = city.programme
    without = run_rules(programme, ["stacking"])
    read_like(programme, batch=4)
    with_codes = run_rules(programme, ["stacking"])
    assert "neighbourhood_codes" not in programme.codes  # taken
    assert _snapshot(with_codes) == _snapshot(without)
    counts = sorted((f.message_en.split(" in ")[1], f.subject_uids) for f in with_codes)
    assert counts == [("neighbourhood Westbuurt", tuple("w{}".format(k) for k in range(9))),
                      ("neighbourhood x9", tuple("x{}".format(k) for k in range(9)))]


def test_the_sample_checks_the_same_with_read_codes():
    from gebiedsplugin.core.sample import generate_sample

    programme, _ = generate_sample(seed=5, interventions=1500, projects=400)
    for n, f in enumerate(programme.interventions[:200]):  # blanks and padding the cleaning changes
        f.attrs["neighbourhood_id"] = (None, " ", " {} ".format(f.attrs.get("neighbourhood_id")))[n % 3]
        if n % 50 == 0:
            f.attrs["uid"] = programme.interventions[n + 1].attrs["uid"]  # a uid used twice
        if n % 70 == 0:
            f.attrs["uid"] = None
    want = _snapshot(run_rules(programme))
    read_like(programme, batch=64)
    assert set(programme.codes) == {"uid_index", "neighbourhood_codes", "programme_codes", "funding_positions"}
    assert _snapshot(run_rules(programme)) == want
    assert not programme.codes
