"""Import row conversion and validation: each rejection names the row and field; plans classify."""

from __future__ import annotations

import shapely

from gebiedsplugin.core import import_rows as ir
from gebiedsplugin.core.import_mapping import FieldSource, propose_mapping

MJP_FIELDS = ["code", "titel", "thema", "stadsdeel", "begin", "eind", "bedrag", "status"]
SQUARE = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])


def _mapping(fields, target, **values):
    m = {k: FieldSource(v) for k, v in propose_mapping(fields, target).items()}
    for name, vm in values.items():
        m[name].values = vm
    return m


def _mjp(**over):
    row = {"code": "P1", "titel": "Park", "thema": "Groen en water", "stadsdeel": "noord", "begin": 2025,
           "eind": 2027, "bedrag": "1.250.000,50", "status": "Gepland"}
    row.update(over)
    return row


def _convert(rows, target="programme_projects", fields=MJP_FIELDS):
    return ir.convert_rows(rows, target, _mapping(fields, target))


def test_valid_row_is_converted_with_codes_and_numbers():
    rows, rejected, _ = _convert([(_mjp(), shapely.Point(1, 2))])
    assert rejected == []
    (row,) = rows
    assert row.attrs == {"programme_code": "P1", "title": "Park", "theme": "green", "district_id": "noord",
                         "start_year": 2025, "end_year": 2027, "budget": 1250000.5, "status": "planned"}
    assert row.kind == "point" and row.table == "programme_projects_point" and row.key == ("P1",)


def _codes(rows):
    _, rejected, _ = _convert(rows)
    return [(i.code, i.row, i.field) for i in rejected]


def test_rejections_name_row_and_field():
    rows = [(_mjp(), shapely.Point(0, 0)), (_mjp(code="P2", titel=""), shapely.Point(0, 0)),
            (_mjp(code="P3", begin="volgend jaar"), shapely.Point(0, 0)),
            (_mjp(code="P4", eind=2200), shapely.Point(0, 0)),
            (_mjp(code="P5", thema="Kunst"), shapely.Point(0, 0)),
            (_mjp(code="P6", titel="Caf\ufffd"), shapely.Point(0, 0)),
            (_mjp(code="P7", begin=2026.5), shapely.Point(0, 0)),
            (_mjp(code="P8", begin=2028, eind=2026), shapely.Point(0, 0)),
            (_mjp(code="P9"), None)]
    assert _codes(rows) == [
        ("mandatory", 2, "title"), ("not_number", 3, "start_year"), ("out_of_range", 4, "end_year"),
        ("unknown_code", 5, "theme"), ("bad_encoding", 6, "title"), ("not_integer", 7, "start_year"),
        ("end_before_start", 8, "end_year"), ("no_geometry", 9, "geometry")]


def test_duplicate_keys_inside_source_reject_every_occurrence():
    rows, rejected, _ = _convert([(_mjp(), SQUARE), (_mjp(code="P2"), SQUARE), (_mjp(), SQUARE)])
    assert [r.key for r in rows] == [("P2",)]
    assert [(i.code, i.row, i.extra) for i in rejected] == [("duplicate_key", 1, [3]), ("duplicate_key", 3, [1])]


def test_composite_keys_for_goals_and_budgets():
    fields = ["stadsdeel", "jaar", "bedrag"]
    rows, rejected, _ = _convert([({"stadsdeel": "noord", "jaar": 2025, "bedrag": 5}, None),
                                  ({"stadsdeel": "noord", "jaar": 2026, "bedrag": 5}, None)], "area_budgets", fields)
    assert rejected == [] and [r.key for r in rows] == [("noord", 2025), ("noord", 2026)]


def test_explicit_value_mapping_wins():
    m = _mapping(["titel", "dom", "soort", "thema", "startjaar", "eindjaar"], "interventions")
    m["domain"] = FieldSource("dom", {"F": "physical"})
    src = {"titel": "x", "dom": "F", "soort": "Onderhoud", "thema": "mobiliteit", "startjaar": 2025, "eindjaar": 2025}
    rows, rejected, _ = ir.convert_rows([(src, shapely.Point(0, 0))], "interventions", m)
    assert rejected == [] and rows[0].attrs["domain"] == "physical" and rows[0].attrs["kind"] == "maintenance"
    assert rows[0].key == (None,)


def test_geometry_cleaning():
    notes, issues = [], []
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    geom, kind = ir.clean_geometry(bowtie, "districts", 1, issues, notes)
    assert kind == "polygon" and geom.is_valid and geom.geom_type == "MultiPolygon" and geom.area > 0
    assert [n.code for n in notes] == ["repaired_geometry"] and issues == []
    geom, kind = ir.clean_geometry(shapely.LineString([(0, 0, 5), (1, 1, 6)]), "interventions", 2, issues, notes)
    assert kind == "line" and geom.geom_type == "MultiLineString" and not geom.has_z
    geom, kind = ir.clean_geometry(shapely.Point(1, 1), "districts", 3, issues, notes)
    assert geom is None and issues[-1].code == "wrong_geometry"
    spike = shapely.Polygon([(0, 0), (10, 0), (0, 0)])
    geom, kind = ir.clean_geometry(spike, "districts", 4, issues, notes)
    assert geom is None and issues[-1].code in ("invalid_geometry", "wrong_geometry")
    geom, kind = ir.clean_geometry(shapely.MultiPoint([(0, 0)]), "interventions", 5, issues, notes)
    assert kind == "point" and geom.geom_type == "Point"


def test_classify_added_updated_unchanged_and_moved():
    rows, _, _ = _convert([(_mjp(), shapely.Point(1, 1)), (_mjp(code="P2"), shapely.Point(2, 2)),
                           (_mjp(code="P3"), shapely.Point(3, 3)), (_mjp(code="P4"), SQUARE)])
    same = dict(rows[0].attrs)
    existing = {("P1",): ("programme_projects_point", 10, same, shapely.Point(1, 1)),
                ("P2",): ("programme_projects_point", 11, dict(same, title="Oud"), shapely.Point(2, 2)),
                ("P4",): ("programme_projects_point", 12, dict(same, programme_code="P4"), shapely.Point(5, 5))}
    plan = ir.classify(rows, existing)
    assert plan.counts() == {"added": 1, "updated": 2, "unchanged": 1, "rejected": 0}
    moved = [r for r in plan.updated if r.key == ("P4",)][0]
    assert moved.old_table == "programme_projects_point" and moved.table == "programme_projects_polygon"
    assert ir.same_value(1, 1.0) and ir.same_value("", None) and not ir.same_value("a", "b")


def test_derive_districts_by_overlap():
    rows, _, _ = ir.convert_rows(
        [({"titel": "a", "thema": "wonen", "begin": 2025, "eind": 2025, "code": "A"}, shapely.Point(2, 2)),
         ({"titel": "b", "thema": "wonen", "begin": 2025, "eind": 2025, "code": "B"},
          shapely.box(8, 0, 30, 10)),
         ({"titel": "c", "thema": "wonen", "begin": 2025, "eind": 2025, "code": "C", "stadsdeel": "zelf"},
          shapely.Point(2, 2))],
        "programme_projects", _mapping(["titel", "thema", "begin", "eind", "code", "stadsdeel"], "programme_projects"))
    districts = [("city", shapely.box(0, 0, 30, 10)), ("west", SQUARE), ("oost", shapely.box(10, 0, 30, 10))]
    assert ir.derive_districts(rows, districts) == 2
    assert [r.attrs["district_id"] for r in rows] == ["west", "oost", "zelf"]


def _area_row(n, district, hood=None):
    attrs = {"uid": "u{}".format(n), "district_id": district}
    if hood is not None:
        attrs["neighbourhood_id"] = hood
    return ir.Row(n, attrs, key=("u{}".format(n),))


def test_unknown_districts_and_neighbourhoods_are_refused_naming_row_field_and_value():
    rows = [_area_row(1, "noord", "n1"), _area_row(2, "oost"), _area_row(3, "zuid", "n1"), _area_row(4, "zuid", "q9"),
            _area_row(5, "city", "n1"), _area_row(6, None, "z1"), _area_row(7, "noord", "x0")]
    hoods = {"n1": "noord", "z1": "zuid", "x0": None}  # x0 belongs to no district: nothing to contradict
    kept, issues = ir.refuse_unknown_areas(rows, "interventions", {"city", "noord", "zuid"}, hoods)
    assert [r.row for r in kept] == [1, 5, 6, 7]
    assert [(i.code, i.row, i.field, i.value, i.extra, i.key) for i in issues] == [
        (ir.UNKNOWN_DISTRICT, 2, "district_id", "oost", ["noord", "zuid"], "uid u2"),
        (ir.NEIGHBOURHOOD_ELSEWHERE, 3, "neighbourhood_id", "n1", ("zuid", "noord"), "uid u3"),
        (ir.UNKNOWN_NEIGHBOURHOOD, 4, "neighbourhood_id", "q9", None, "uid u4"),
    ]


def test_a_programme_without_areas_refuses_nothing_and_names_what_went_unchecked():
    rows = [_area_row(1, "noord", "n1"), _area_row(2, "city")]
    assert ir.refuse_unknown_areas(rows, "interventions", {"city"}, {}) == (rows, [])
    assert ir.unchecked_areas(rows, "interventions", {"city"}, {}) == ["district_id", "neighbourhood_id"]
    assert ir.unchecked_areas(rows[1:], "interventions", set(), {}) == []  # the whole city needs no district
    assert ir.refuse_unknown_areas(rows, "districts", set(), {}) == (rows, [])
