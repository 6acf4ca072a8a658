"""The web map's items in a compact form the page parses and draws quickly (resources/web/app.js).

A GeoJSON FeatureCollection of 10,000 items is about 9 MB of JavaScript, mostly the same property
names and codes again and again; parsing it and handing it to the map took most of the first render.
Here the properties become columns (one list per field, in item order), a column with few distinct
values becomes a table of those values plus an index per item, and coordinates become integers in
units of 10^-5 degree (the precision of the GeoJSON: about 1 m) from an origin, each vertex stored as
the difference from the previous one. app.js decodes this; decode_items below is the same decoding in
Python, for tests and the benchmark.
"""

from __future__ import annotations

SCALE = 100000  # 5 decimals of a degree: the GeoJSON's COORDINATE_PRECISION
GEOMETRY_TYPES = ("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon")
_DEPTH = {"Point": 0, "LineString": 1, "Polygon": 2, "MultiPoint": 1, "MultiLineString": 2, "MultiPolygon": 3}


def _points(coords, depth):
    """Every [x, y] of a GeoJSON coordinates value of nesting *depth* (0: one position)."""
    if depth == 0:
        yield coords
    else:
        for part in coords:
            yield from _points(part, depth - 1)


def _encode(coords, depth, origin):
    """A position as [x, y] from the origin; a list of positions (depth 1) as one flat list of deltas."""
    if depth == 0:
        return [round(coords[0] * SCALE) - origin[0], round(coords[1] * SCALE) - origin[1]]
    if depth == 1:
        flat, px, py = [], origin[0], origin[1]
        for x, y in coords:
            qx, qy = round(x * SCALE), round(y * SCALE)
            flat += [qx - px, qy - py]
            px, py = qx, qy
        return flat
    return [_encode(part, depth - 1, origin) for part in coords]


def _decode(value, depth, origin):
    if depth == 0:
        return [(value[0] + origin[0]) / SCALE, (value[1] + origin[1]) / SCALE]
    if depth == 1:
        out, x, y = [], origin[0], origin[1]
        for i in range(0, len(value), 2):
            x, y = x + value[i], y + value[i + 1]
            out.append([x / SCALE, y / SCALE])
        return out
    return [_decode(part, depth - 1, origin) for part in value]


def _column(values: list):
    """A list, or {"values": distinct values, "index": per item} when that is clearly smaller."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) * 4 > len(values):
        return values
    position = {v: i for i, v in enumerate(distinct)}
    return {"values": distinct, "index": [position[v] for v in values]}


def _plain(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value  # 4000 rather than 4000.0


def compact_items(collection: dict, fields) -> dict:
    """*collection* (GeoJSON, WGS 84) as {"count", "origin", "scale", "geometry", "columns"}: every field
    of *fields* a column (null where a feature lacks it), geometry [type index, encoded coordinates]."""
    features = collection.get("features", [])
    xs, ys = [], []
    for f in features:
        g = f.get("geometry")
        if g:
            for x, y, *_ in _points(g["coordinates"], _DEPTH[g["type"]]):
                xs.append(x)
                ys.append(y)
    origin = [round(min(xs) * SCALE), round(min(ys) * SCALE)] if xs else [0, 0]
    geometry = []
    for f in features:
        g = f.get("geometry")
        geometry.append(None if not g else [GEOMETRY_TYPES.index(g["type"]),
                                            _encode(g["coordinates"], _DEPTH[g["type"]], origin)])
    properties = [f["properties"] for f in features]
    columns = {name: _column([_plain(p.get(name)) for p in properties]) for name in fields}
    return {"count": len(features), "origin": origin, "scale": SCALE, "geometry": geometry, "columns": columns}


def decode_items(items: dict) -> list:
    """The GeoJSON features of compact_items' result (the page's decoding, in Python)."""
    origin, columns = items["origin"], items["columns"]
    plain = {k: (c if isinstance(c, list) else [c["values"][i] for i in c["index"]]) for k, c in columns.items()}
    features = []
    for n, g in enumerate(items["geometry"]):
        geometry = None
        if g is not None:
            kind = GEOMETRY_TYPES[g[0]]
            geometry = {"type": kind, "coordinates": _decode(g[1], _DEPTH[kind], origin)}
        features.append({"type": "Feature", "properties": {k: v[n] for k, v in plain.items()}, "geometry": geometry})
    return features
