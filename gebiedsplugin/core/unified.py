"""The unified programme map: interventions and programme projects as one harmonised record set.

Pure Python + shapely. The exporters (GeoPackage, GeoJSON, CSV, print atlas) all read what this
module builds: one list of items per geometry kind with the same fields, filtered by scope (the
whole city or some districts) and period (years that overlap), plus the atlas's page list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import shapely

from gebiedsplugin.core import funding_gap, schema
from gebiedsplugin.core.export_schema import (  # noqa: F401 - CATEGORIES, PROGRAMME_KIND re-exported
    CATEGORIES,
    EXPORT_FIELDS,
    EXPORT_SCHEMA_VERSION,
    PROGRAMME_KIND,
)
from gebiedsplugin.core.periods import period_from
from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.rows import columns
from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, tr_in
from gebiedsplugin.core.value_lists import label

INTERVENTION, PROGRAMME = "intervention", "programme"

# name, type, alias (a Text: per language by texts.tr_in) of every unified layer and table's fields;
# documented, with units and code lists, in core/export_schema.py.
UNIFIED_FIELDS = tuple((f.name, f.type, f.alias) for f in EXPORT_FIELDS)
PROGRAMME_CATEGORY = QT_TRANSLATE_NOOP("unified", "Programme project (MJP)")  # the legend's programme category
FIELD_NAMES = tuple(f[0] for f in UNIFIED_FIELDS)


def category_label(category: str, lang: str = "en") -> str:
    """Legend label of a category, e.g. 'Physical · Maintenance' or 'Programme project (MJP)'."""
    if category == PROGRAMME_KIND:
        return tr_in(lang, PROGRAMME_CATEGORY)
    domain, _, kind = category.partition("_")
    return "{} · {}".format(label("domain", domain, lang), label("kind", kind, lang))


@dataclass
class Scope:
    """What to export: the whole city (no district ids) or some districts; and a period."""

    district_ids: tuple = ()
    year_from: Optional[int] = None
    year_to: Optional[int] = None

    @classmethod
    def parse(cls, text: str, year_from: Optional[int] = None, year_to: Optional[int] = None) -> Scope:
        """'city' (or empty) for the whole city, else comma-separated district ids."""
        ids = tuple(dict.fromkeys(p.strip() for p in (text or "").split(",") if p.strip()))
        if not ids or schema.CITY_ID in ids:
            ids = ()
        return cls(ids, year_from, year_to)

    @property
    def is_city(self) -> bool:
        return not self.district_ids

    def years_overlap(self, start: Optional[int], end: Optional[int]) -> bool:
        """True when [start, end] meets the period (a missing bound of either side is open)."""
        start = end if start is None else start
        end = start if end is None else end
        if start is None:
            return self.year_from is None and self.year_to is None
        if self.year_to is not None and start > self.year_to:
            return False
        return not (self.year_from is not None and end < self.year_from)


@dataclass
class UnifiedMap:
    """The unified items per geometry kind (point, line, polygon) and what the pages need."""

    items: dict = field(default_factory=lambda: {k: [] for k in schema.GEOMETRY_KINDS})
    district_names: dict = field(default_factory=dict)  # district_id -> name (incl. city)
    crs: str = schema.DEFAULT_CRS
    # the programme's funding_gap.funding_by_uid() when asked for (keep_funding): the Overview of the same
    # programme takes it (aggregations.prepare), not read twice; None: not kept
    funding: Optional[dict] = field(default=None, repr=False, compare=False)

    def all_items(self) -> list:
        """Every item, points then lines then polygons."""
        return [f for k in schema.GEOMETRY_KINDS for f in self.items[k]]

    def __len__(self) -> int:
        return sum(len(v) for v in self.items.values())


def open_findings_count(findings: Optional[Iterable[dict]]) -> dict:
    """uid -> number of open findings naming it in `subject_uids` (comma-separated text)."""
    counts: dict = {}
    for row in findings or ():
        status = row.get("status") or "open"
        if status != "open":
            continue
        for uid in dict.fromkeys(u.strip() for u in (row.get("subject_uids") or "").split(",")):
            if uid:
                counts[uid] = counts.get(uid, 0) + 1
    return counts


def funders_by_uid(programme: Programme) -> dict:
    """uid -> ordered distinct funder codes: the intervention's own `funder`, then its funding rows."""
    out: dict = {}
    own = columns([f.attrs for f in programme.interventions], ("uid", "funder"))  # at C speed (core.rows)
    for uid, funder in zip(own["uid"], own["funder"]):
        if funder:
            out.setdefault(uid, {})[funder] = None
    rows = columns(programme.funding, ("intervention_uid", "funder"))
    for uid, funder in zip(rows["intervention_uid"], rows["funder"]):
        if funder:
            out.setdefault(uid, {})[funder] = None
    return {uid: list(codes) for uid, codes in out.items()}


def geometry_kind(feature: Feature) -> Optional[str]:
    """point / line / polygon from the feature's table name, else from its geometry type."""
    for kind in schema.GEOMETRY_KINDS:
        if feature.table.endswith("_" + kind):
            return kind
    geom = feature.geometry
    if geom is None or geom.is_empty:
        return None
    name = geom.geom_type
    return "point" if "Point" in name else "line" if "Line" in name else "polygon"


class _Locator:
    """District of a geometry by its representative point (for items without a stored district)."""

    def __init__(self, districts: Sequence[Feature]):
        areas = [d for d in districts if d.get("district_id") != schema.CITY_ID and d.geometry is not None]
        self.ids = [d.get("district_id") for d in areas]
        self.tree = shapely.STRtree([d.geometry for d in areas]) if areas else None

    def locate(self, geom) -> Optional[str]:
        if self.tree is None or geom is None or geom.is_empty:
            return None
        hits = self.tree.query(geom.representative_point(), predicate="intersects")
        return self.ids[int(hits[0])] if len(hits) else None


# the fields of a row that the unified map reads (as columns: core.rows)
_INTERVENTION_READS = ("uid", "programme_code", "title", "domain", "kind", "theme", "district_id", "neighbourhood_id",
                       "start_year", "end_year", "start_quarter", "end_quarter", "indicative", "status", "budget",
                       "contact")
_PROJECT_READS = ("programme_code", "title", "theme", "district_id", "neighbourhood_id", "start_year", "end_year",
                  "status", "budget")


def build_unified(programme: Programme, scope: Optional[Scope] = None,
                  findings: Optional[Iterable[dict]] = None, keep_funding: bool = False) -> UnifiedMap:
    """Interventions and programme projects merged, harmonised and filtered by *scope*.

    Items without a stored district get the district their geometry lies in. An item belongs to
    a district scope when its district is one of the scope's; city-wide items (district `city`)
    belong to the whole-city scope only. An intervention's funding status and shortfall only are worked
    out here (its gap year by year is the Overview's: aggregations.prepare, beside the export's critical
    path); *keep_funding*: the funding rows as summed for it stay in ``funding``.
    """
    scope = scope or Scope()
    names = {d.get("district_id"): d.get("name") for d in programme.districts}
    hoods = {n.get("neighbourhood_id"): n.get("name") for n in programme.neighbourhoods}
    funders = funders_by_uid(programme)
    money = funding_gap.funding_by_uid(programme.funding)
    open_counts = open_findings_count(findings)
    locator = _Locator(programme.districts)
    result = UnifiedMap(district_names=names, crs=programme.crs)
    every_year = scope.year_from is None and scope.year_to is None
    kinds: dict = {}  # table -> geometry kind (None: by the geometry, one at a time)
    periods: dict = {}  # _period_fields() by the stored values (a few hundred kinds of period at 100k)
    if keep_funding:
        result.funding = money
    for source, features, reads in ((INTERVENTION, programme.interventions, _INTERVENTION_READS),
                                    (PROGRAMME, programme.projects, _PROJECT_READS)):
        # the fields as columns, read at C speed (a Row's get() is a Python call: 4.6 M of them at 100k)
        values = columns([f.attrs for f in features], reads)
        for feat, row in zip(features, zip(*(values[n] for n in reads))):
            v = dict(zip(reads, row))
            start, end = v["start_year"], v["end_year"]
            # every period meets an open one, except a row without years (years_overlap)
            if (start is None and end is None or not every_year) and not scope.years_overlap(start, end):
                continue
            district = v["district_id"] or locator.locate(feat.geometry)
            if scope.district_ids and district not in scope.district_ids:
                continue
            table = feat.table
            if table not in kinds:
                kinds[table] = next((k for k in schema.GEOMETRY_KINDS if table.endswith("_" + k)), None)
            kind = kinds[table] or geometry_kind(feat)
            if kind is None:
                continue
            harmonised = _harmonise(source, v, kind, district, names, hoods, funders, open_counts, periods)
            if source == INTERVENTION:  # funding_gap.gap_of()'s status and shortfall, without its years
                funded = money.get(harmonised["uid"])
                harmonised["funding_status"], harmonised["shortfall"] = funding_gap.status_and_shortfall(
                    v["budget"], 0.0 if funded is None else funded[0])
            result.items[kind].append(Feature(harmonised, feat.geometry, "unified_" + kind, feat.fid))
    return result


def _period_fields(start_year, end_year, start_quarter, end_quarter, indicative) -> tuple:
    """start_quarter, end_quarter, period_precision and period of the unified fields (all None without
    a period)."""
    period = period_from(start_year, end_year, start_quarter, end_quarter, indicative)
    if period is None:
        return None, None, None, None
    return period.start_quarter, period.end_quarter, period.precision, period.text()


def _harmonise(source, v: dict, kind, district, names, hoods, funders, open_counts, periods: dict) -> dict:
    """The unified fields of one row (*v*: its _INTERVENTION_READS or _PROJECT_READS); *periods*:
    _period_fields() by their arguments, kept between rows (values equal as keys give equal periods)."""
    if source == INTERVENTION:
        uid = v["uid"]
        domain, item_kind = v["domain"], v["kind"]
        category = "{}_{}".format(domain, item_kind) if domain and item_kind else None
        funder_codes = funders.get(uid)
        key = (v["start_year"], v["end_year"], v["start_quarter"], v["end_quarter"], v["indicative"])
        contact = v["contact"] or None
    else:
        uid = v["programme_code"]
        domain, item_kind, category = None, PROGRAMME_KIND, PROGRAMME_KIND
        funder_codes = None
        key = (v["start_year"], v["end_year"], None, None, None)
        contact = None
    period = periods.get(key)
    if period is None:
        period = periods[key] = _period_fields(*key)
    neighbourhood = v["neighbourhood_id"]
    return {
        "source": source, "uid": uid, "programme_code": v["programme_code"],
        "title": v["title"], "domain": domain, "kind": item_kind, "category": category,
        "theme": v["theme"], "district_id": district, "district": names.get(district),
        "neighbourhood_id": neighbourhood, "neighbourhood": hoods.get(neighbourhood),
        "start_year": v["start_year"], "end_year": v["end_year"],
        "start_quarter": period[0], "end_quarter": period[1], "period_precision": period[2], "period": period[3],
        "status": v["status"], "budget": v["budget"],
        "funders": ", ".join(funder_codes) if funder_codes else None, "funding_status": None, "shortfall": None,
        "contact": contact, "open_findings": open_counts.get(uid, 0),
        "geometry_kind": kind, "schema_version": EXPORT_SCHEMA_VERSION,
    }
