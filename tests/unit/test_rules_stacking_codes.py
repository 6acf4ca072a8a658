"""Stacking counts by integer neighbourhood codes (util.first_seen, Context.neighbourhood_codes):
planted neighbourhoods with the codes and the findings worked out by hand."""

from __future__ import annotations

from shapely.geometry import Point

from gebiedsplugin.core.rules.context import Context
from gebiedsplugin.core.rules.util import first_seen


def test_first_seen_codes_by_hand_across_calls():
    lookup = {}
    assert first_seen(lookup, ["b", None, "a"]).tolist() == [0, -1, 1]
    assert first_seen(lookup, ["c", "a", None, "b", "c"]).tolist() == [2, 1, -1, 0, 2]
    assert lookup == {"b": 0, "a": 1, "c": 2}
    assert first_seen({}, []).tolist() == []


def test_neighbourhood_codes_of_the_cleaned_ids(city):
    for k, nbh in enumerate([" w1", None, "x9", "  ", "w1 ", "e1", "x9"]):
        city.add("u{}".format(k), neighbourhood_id=nbh)
    lookup, codes = Context(city.programme).neighbourhood_codes
    assert lookup == {"w1": 0, "x9": 1, "e1": 2} and codes.tolist() == [0, -1, 1, -1, 0, 2, 1]


def test_stacking_counts_as_by_hand(city):
    """Nine interventions in w1 in 2025 (three with a blank neighbourhood, found by overlap, counted
    with the six stored ones), nine in x9 (an id only the interventions know, padded) in 2026, eight
    in e1 and one cancelled there: more than eight is stacking, so two findings."""
    for k in range(9):
        city.add("w{}".format(k), Point(100 + k, 100), neighbourhood_id=None if k < 3 else "w1")
        city.add("x{}".format(k), Point(1500 + k, 500), neighbourhood_id=" x9 ", start_year=2026, end_year=2026,
                 district_id="east")
    for k in range(8):
        city.add("e{}".format(k), Point(1200 + k, 300), neighbourhood_id="e1", district_id="east")
    city.add("e9", Point(1300, 300), neighbourhood_id="e1", district_id="east", status="cancelled")
    found = city.run("stacking")
    got = sorted((f.message_en, f.subject_uids, f.district_id) for f in found)
    assert got == [
        ("9 interventions in neighbourhood Westbuurt in 2025 (more than 8): stacking is not integrating, prioritise",
         tuple("w{}".format(k) for k in range(9)), "west"),
        ("9 interventions in neighbourhood x9 in 2026 (more than 8): stacking is not integrating, prioritise",
         tuple("x{}".format(k) for k in range(9)), "east"),
    ]
