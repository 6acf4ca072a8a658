"""The web map's compact items: decoded they are the GeoJSON they came from (1e-5 degree grid)."""

from __future__ import annotations

from gebiedsplugin.core.web_data import compact_items, decode_items


def _feature(props, geometry):
    return {"type": "Feature", "properties": props, "geometry": geometry}


FEATURES = [
    _feature({"uid": "a", "kind": "intervention", "budget": 4000.0, "title": "Plein"},
             {"type": "Point", "coordinates": [4.62345, 52.38012]}),
    _feature({"uid": "b", "kind": "intervention", "budget": 12.5, "title": None},
             {"type": "LineString", "coordinates": [[4.6, 52.4], [4.60011, 52.39999], [4.59, 52.41]]}),
    _feature({"uid": "c", "kind": "maintenance", "budget": None, "title": "Park"},
             {"type": "MultiPolygon", "coordinates": [[[[4.5, 52.3], [4.51, 52.3], [4.51, 52.31], [4.5, 52.3]]],
                                                      [[[4.7, 52.5], [4.71, 52.5], [4.7, 52.51], [4.7, 52.5]]]]}),
    _feature({"uid": "d", "kind": "intervention", "budget": 1.0, "title": "Geen vorm"}, None),
    _feature({"uid": "e", "kind": "intervention", "budget": 3.0, "title": "x"},
             {"type": "Polygon", "coordinates": [
                 [[4.55, 52.35], [4.56, 52.35], [4.56, 52.36], [4.55, 52.35]],
                 [[4.552, 52.352], [4.553, 52.353], [4.552, 52.353], [4.552, 52.352]]]}),
]


def test_round_trip_and_compact_columns():
    fields = ["uid", "kind", "budget", "title", "contact"]
    features = FEATURES * 2
    items = compact_items({"type": "FeatureCollection", "features": features}, fields)
    assert items["count"] == 10 and items["origin"] == [450000, 5230000]  # the smallest x and y, in 1e-5 degree
    assert items["columns"]["kind"] == {"values": ["intervention", "maintenance"], "index": [0, 0, 1, 0, 0] * 2}
    assert items["columns"]["uid"] == ["a", "b", "c", "d", "e"] * 2  # 5 distinct of 10: a plain list is smaller
    assert items["columns"]["budget"] == [4000, 12.5, None, 1, 3] * 2  # whole numbers without ".0"
    assert items["columns"]["contact"] == {"values": [None], "index": [0] * 10}  # a field they lack: nulls
    assert items["geometry"][0] == [0, [12345, 8012]]
    assert items["geometry"][1][1] == [10000, 10000, 11, -1, -1011, 1001]  # first vertex, then deltas
    decoded = decode_items(items)
    assert len(decoded) == 10
    for got, want in zip(decoded, features):
        assert got["geometry"] == want["geometry"]
        assert got["properties"] == dict(want["properties"], contact=None)


def test_empty_collection():
    items = compact_items({"type": "FeatureCollection", "features": []}, ["uid"])
    assert items["count"] == 0 and decode_items(items) == []
