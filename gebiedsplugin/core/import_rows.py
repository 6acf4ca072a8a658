"""Source rows -> programme rows: convert, validate, and sort into added / updated / unchanged / rejected.

Pure Python plus shapely. Problems are returned as structured Issue objects (a code and the row,
field and value involved); the QGIS side turns them into translated sentences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

import shapely

from gebiedsplugin.core import plausibility, schema
from gebiedsplugin.core.import_mapping import TARGET_KEYS, is_mandatory, match_value, table_for, target_fields
from gebiedsplugin.core.value_lists import value_lists

# Issue codes (each has a sentence in qgis_io/import_report.py).
MANDATORY, NOT_NUMBER, NOT_INTEGER, OUT_OF_RANGE, UNKNOWN_CODE = (
    "mandatory", "not_number", "not_integer", "out_of_range", "unknown_code")
NOT_BOOLEAN, BAD_ENCODING, DUPLICATE_KEY, END_BEFORE_START = (
    "not_boolean", "bad_encoding", "duplicate_key", "end_before_start")
NO_GEOMETRY, WRONG_GEOMETRY, INVALID_GEOMETRY, REPAIRED_GEOMETRY = (
    "no_geometry", "wrong_geometry", "invalid_geometry", "repaired_geometry")
IMPLAUSIBLE_YEAR, IMPLAUSIBLE_AMOUNT, FAR_OUTSIDE, FAR_OUTSIDE_CRS = (
    "implausible_year", "implausible_amount", "far_outside", "far_outside_crs")
EXPRESSION_FAILED = "expression_failed"  # a mapping expression failed on this row (value: QGIS's error)
UNKNOWN_DISTRICT, UNKNOWN_NEIGHBOURHOOD, NEIGHBOURHOOD_ELSEWHERE = (
    "unknown_district", "unknown_neighbourhood", "neighbourhood_elsewhere")
GEOMETRY = "geometry"  # the field named by geometry issues

_TRUE = {"1", "true", "yes", "ja", "j", "y", "waar", "x"}
_FALSE = {"0", "false", "no", "nee", "n", "onwaar", ""}
_KIND_OF_TYPE = {"Point": "point", "LineString": "line", "Polygon": "polygon"}


@dataclass
class Issue:
    """Why a row is rejected (or, for REPAIRED_GEOMETRY, a note).

    *row* is the position in the source, 1-based (the reader maps it to a line or feature id);
    *key* the row's own key as the source gives it (uid, code), when it has one."""

    code: str
    row: int
    field: Optional[str] = None
    value: Any = None
    extra: Any = None
    key: Optional[str] = None


@dataclass
class Row:
    """One converted source row, ready to be compared and written."""

    row: int
    attrs: dict
    geometry: Any = None
    kind: Optional[str] = None  # point | line | polygon for spatial targets
    key: tuple = ()
    table: str = ""
    fid: Optional[int] = None  # the existing feature this row updates
    old_table: Optional[str] = None  # set when the geometry kind changes on update
    version: Optional[int] = None  # the existing row's row_version when the plan was made


@dataclass
class ImportPlan:
    """What an import would do."""

    added: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # Issue, one or more per rejected row
    notes: list = field(default_factory=list)  # Issue (repaired geometries)

    @property
    def rejected_rows(self) -> list:
        return sorted({i.row for i in self.rejected})

    def counts(self) -> dict:
        return {"added": len([r for r in self.added if r.row]), "updated": len(self.updated),
                "unchanged": len(self.unchanged), "rejected": len(self.rejected_rows)}


def _number(f: schema.Field, value, n: int, issues: list):
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if "," in text and "." in text:
            text = text.replace(".", "").replace(",", ".")  # 1.234,50 (Dutch)
        elif "," in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            issues.append(Issue(NOT_NUMBER, n, f.name, value))
            return None
    if math.isnan(number) or math.isinf(number):
        issues.append(Issue(NOT_NUMBER, n, f.name, value))
        return None
    if f.name in plausibility.YEAR_FIELDS and plausibility.implausible_year(number):
        issues.append(Issue(IMPLAUSIBLE_YEAR, n, f.name, value, (plausibility.YEAR_MIN, plausibility.YEAR_MAX)))
        return None
    if f.type == schema.INTEGER:
        if number != int(number):
            issues.append(Issue(NOT_INTEGER, n, f.name, value))
            return None
        number = int(number)
    if (f.minimum is not None and number < f.minimum) or (f.maximum is not None and number > f.maximum):
        issues.append(Issue(OUT_OF_RANGE, n, f.name, value, (f.minimum, f.maximum)))
        return None
    if f.name in plausibility.AMOUNT_FIELDS and plausibility.implausible_amount(number):
        issues.append(Issue(IMPLAUSIBLE_AMOUNT, n, f.name, value, plausibility.AMOUNT_MAX))
        return None
    return number


def convert_value(f: schema.Field, value, n: int, issues: list, values: dict, codes: dict):
    """The programme value of source *value* for field *f* (None when empty; issues appended)."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    if isinstance(value, str) and "\ufffd" in value:
        issues.append(Issue(BAD_ENCODING, n, f.name, value))
        return None
    if f.value_list:
        text = str(value).strip()
        code = values.get(text) or values.get(str(value)) or match_value(text, codes.get(f.value_list, {}))
        if code is None or code not in codes.get(f.value_list, {}):
            issues.append(Issue(UNKNOWN_CODE, n, f.name, value, f.value_list))
            return None
        return code
    if f.type in (schema.INTEGER, schema.REAL):
        return _number(f, value, n, issues)
    if f.type == schema.BOOLEAN:
        if isinstance(value, (bool, int, float)):
            return bool(value)
        text = str(value).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        issues.append(Issue(NOT_BOOLEAN, n, f.name, value))
        return None
    if isinstance(value, float) and value == int(value):
        value = int(value)  # codes read from spreadsheets as numbers: 12.0 -> '12'
    return str(value).strip()


def clean_geometry(geom, target: str, n: int, issues: list, notes: list):
    """(2D geometry, kind) fit for *target*, or (None, None) with an issue appended."""
    if geom is None or geom.is_empty:
        issues.append(Issue(NO_GEOMETRY, n, GEOMETRY))
        return None, None
    geom = shapely.force_2d(geom)
    if not geom.is_valid:
        fixed = shapely.make_valid(geom)
        dim = shapely.get_dimensions(geom)
        parts = [p for p in shapely.get_parts(fixed) if shapely.get_dimensions(p) == dim and not p.is_empty]
        if not parts:
            issues.append(Issue(INVALID_GEOMETRY, n, GEOMETRY, shapely.is_valid_reason(geom)))
            return None, None
        notes.append(Issue(REPAIRED_GEOMETRY, n, GEOMETRY, shapely.is_valid_reason(geom)))
        geom = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    parts = [p for p in shapely.get_parts(geom) if not p.is_empty]
    types = {p.geom_type for p in parts}
    if len(types) != 1:
        issues.append(Issue(WRONG_GEOMETRY, n, GEOMETRY, geom.geom_type))
        return None, None
    kind = _KIND_OF_TYPE.get(types.pop())
    wanted = table_for(target).geometry
    if wanted == "multipolygon" and kind != "polygon":
        issues.append(Issue(WRONG_GEOMETRY, n, GEOMETRY, geom.geom_type))
        return None, None
    if kind == "point":
        if len(parts) != 1:
            issues.append(Issue(WRONG_GEOMETRY, n, GEOMETRY, geom.geom_type))
            return None, None
        return parts[0], kind
    multi = shapely.MultiPolygon(parts) if kind == "polygon" else shapely.MultiLineString(parts)
    return multi, kind


def convert_rows(source_rows, target: str, mapping: dict, codes: Optional[dict] = None) -> tuple:
    """([Row], [Issue] rejections, [Issue] notes) for *source_rows* = [(attrs, shapely geometry)].

    *mapping* is {target field: FieldSource}; *codes* the programme's value lists (default: schema's).
    Rows sharing a key inside the source are all rejected.
    """
    codes = value_lists() if codes is None else codes
    fields = [f for f in target_fields(target)]
    keys = TARGET_KEYS[target]
    spatial = table_for(target).geometry is not None
    rows: list = []
    rejected: list = []
    notes: list = []
    for n, (src, geom) in enumerate(source_rows, start=1):
        issues: list = []
        attrs: dict = {}
        for f in fields:
            entry = mapping.get(f.name)
            value = src.get(entry.field) if entry is not None else None
            if isinstance(value, Issue):  # the reader could not compute this source value
                issues.append(Issue(value.code, n, f.name, value.value))
                value = None
            converted = convert_value(f, value, n, issues, entry.values if entry else {}, codes)
            if converted is None and is_mandatory(target, f) and not any(i.field == f.name for i in issues):
                issues.append(Issue(MANDATORY, n, f.name))
            if entry is not None:
                attrs[f.name] = converted
        start, end = attrs.get("start_year"), attrs.get("end_year")
        if start is not None and end is not None and end < start:
            issues.append(Issue(END_BEFORE_START, n, "end_year", end, start))
        kind = None
        if isinstance(geom, Issue):  # found while reading the source (e.g. a failed transformation)
            issues.append(geom)
        elif spatial:
            geom, kind = clean_geometry(geom, target, n, issues, notes)
        source_key = _source_key(src, keys, mapping)
        for issue in issues + [i for i in notes if i.row == n]:
            issue.key = issue.key or source_key
        if issues:
            rejected.extend(issues)
            continue
        key = tuple(attrs.get(k) for k in keys)
        rows.append(Row(n, attrs, geom, kind, key, table_for(target, kind or "point").name))
    by_key: dict = {}
    for row in rows:
        if all(k is not None for k in row.key):
            by_key.setdefault(row.key, []).append(row)
    dupes = {id(r) for group in by_key.values() if len(group) > 1 for r in group}
    for group in by_key.values():
        if len(group) > 1:
            for r in group:
                others = [o.row for o in group if o is not r]
                rejected.append(Issue(DUPLICATE_KEY, r.row, ",".join(keys), "/".join(map(str, r.key)), others))
    rows = [r for r in rows if id(r) not in dupes]
    return rows, rejected, notes


def _source_key(src: dict, keys: tuple, mapping: dict) -> Optional[str]:
    """'uid 3f2…' / 'programme_code MJP-01': the row's key as the source gives it, or None."""
    values = []
    for k in keys:
        entry = mapping.get(k)
        value = src.get(entry.field) if entry is not None else None
        if value is None or isinstance(value, Issue) or str(value).strip() == "":
            return None
        values.append(str(value).strip())
    return "{} {}".format("/".join(keys), "/".join(values))


def refuse_far_away(rows, target: str, extent: Optional[tuple], limit: float = plausibility.DISTANCE_MAX_M,
                    code: str = FAR_OUTSIDE) -> tuple:
    """([rows kept], [Issue *code*]) for *rows* whose geometry lies more than *limit* from *extent*.

    *extent* is the box the programme covers (its districts, or else the area of use of its CRS:
    then *code* is FAR_OUTSIDE_CRS); None keeps every row."""
    kept, issues = [], []
    for row in rows:
        distance = plausibility.too_far(row.geometry, extent, limit)
        if distance is None:
            kept.append(row)
        else:
            issues.append(Issue(code, row.row, GEOMETRY, distance, limit, key=_row_key(row, target)))
    return kept, issues


def refuse_unknown_areas(rows, target: str, districts, neighbourhoods: dict) -> tuple:
    """([rows kept], [Issue]) for rows naming a district or neighbourhood the programme does not have.

    *districts*: the programme's district ids; *neighbourhoods*: {neighbourhood_id: its district_id}.
    Refused: a district_id that is not a district (UNKNOWN_DISTRICT, extra: the known ids), a
    neighbourhood_id that is not a neighbourhood (UNKNOWN_NEIGHBOURHOOD), one of another district than
    the row's (NEIGHBOURHOOD_ELSEWHERE, extra: (row's district, neighbourhood's district)). The whole
    city (`city`) is a district of every programme and holds every neighbourhood. A programme without
    districts (or neighbourhoods) yet is filled in any order: nothing to check against, nothing refused
    (unchecked_areas() says so). Run after derive_districts(): a district filled from the geometry is
    checked like one the source gave."""
    listed = sorted(d for d in districts if d != schema.CITY_ID)
    if target == "districts" or (not listed and not neighbourhoods):
        return list(rows), []
    known = set(districts) | {schema.CITY_ID}
    kept, issues = [], []
    for row in rows:
        district = row.attrs.get("district_id")
        hood = row.attrs.get("neighbourhood_id") if target != "neighbourhoods" else None
        found = []
        if listed and district not in (None, "") and district not in known:
            found.append(Issue(UNKNOWN_DISTRICT, row.row, "district_id", district, listed))
        if neighbourhoods and hood not in (None, ""):
            home = neighbourhoods.get(hood, "")
            if hood not in neighbourhoods:
                found.append(Issue(UNKNOWN_NEIGHBOURHOOD, row.row, "neighbourhood_id", hood))
            elif district not in (None, "", schema.CITY_ID) and home not in (None, "", district) and not found:
                found.append(Issue(NEIGHBOURHOOD_ELSEWHERE, row.row, "neighbourhood_id", hood, (district, home)))
        if not found:
            kept.append(row)
            continue
        key = _row_key(row, target)
        for issue in found:
            issue.key = key
        issues.extend(found)
    return kept, issues


def unchecked_areas(rows, target: str, districts, neighbourhoods: dict) -> list:
    """The area fields ('district_id', 'neighbourhood_id') that *rows* fill but refuse_unknown_areas()
    could not check, the programme having no districts or no neighbourhoods yet."""
    if target == "districts":
        return []
    out = []
    if not any(d != schema.CITY_ID for d in districts) and any(
            r.attrs.get("district_id") not in (None, "", schema.CITY_ID) for r in rows):
        out.append("district_id")
    if target != "neighbourhoods" and not neighbourhoods and any(
            r.attrs.get("neighbourhood_id") not in (None, "") for r in rows):
        out.append("neighbourhood_id")
    return out


def _row_key(row: Row, target: str) -> Optional[str]:
    """'uid 3f2…': the converted row's key, or None when it has none."""
    if row.key and all(k not in (None, "") for k in row.key):
        return "{} {}".format("/".join(TARGET_KEYS[target]), "/".join(str(k) for k in row.key))
    return None


def same_value(a, b) -> bool:
    """Equal as programme values (1 == 1.0, '' == None, booleans as 0/1)."""
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def same_geometry(a, b, tolerance: float = 1e-6) -> bool:
    """Equal geometries (same vertices within *tolerance*)."""
    if a is None or b is None:
        return a is None and b is None
    return bool(shapely.equals_exact(shapely.force_2d(a), shapely.force_2d(b), tolerance=tolerance))


def classify(rows, existing: dict, rejected=(), notes=()) -> ImportPlan:
    """Sort converted *rows* against *existing* ({key: (table, fid, attrs, geometry)}) into a plan."""
    plan = ImportPlan(rejected=list(rejected), notes=list(notes))
    for row in rows:
        match = existing.get(row.key) if all(k is not None for k in row.key) else None
        if match is None:
            plan.added.append(row)
            continue
        table, fid, attrs, geom = match
        row.fid = fid
        row.version = attrs.get("row_version")
        if table != row.table:
            row.old_table = table
            plan.updated.append(row)
        elif all(same_value(v, attrs.get(k)) for k, v in row.attrs.items()) and (
                row.kind is None or same_geometry(row.geometry, geom)):
            plan.unchanged.append(row)
        else:
            plan.updated.append(row)
    return plan


def derive_districts(rows, districts) -> int:
    """Fill a missing district_id of spatial *rows* from *districts* [(district_id, geometry)].

    The district holding a point, or sharing the most length / area with a line or polygon, as the
    layer forms do when a feature is drawn. Returns how many rows were filled.
    """
    areas = [(code, geom) for code, geom in districts if code != schema.CITY_ID and geom is not None]
    filled = 0
    for row in rows:
        if row.geometry is None or row.attrs.get("district_id") not in (None, "") or not areas:
            continue
        best, score = None, 0.0
        for code, geom in areas:
            if not geom.intersects(row.geometry):
                continue
            part = geom.intersection(row.geometry)
            value = {"point": 1.0, "line": part.length, "polygon": part.area}.get(row.kind, 0.0)
            if value > score:
                best, score = code, value
        if best is not None:
            row.attrs["district_id"] = best
            filled += 1
    return filled
