"""The export schema of the unified programme map: the one home of its fields (pure Python).

Every exported item (GeoPackage, GeoJSON, CSV, web map) carries these fields in this order. Each
field has a type, a unit, a code list and a meaning (English; per language through
Qt Linguist, core/texts.py). The schema is versioned:
EXPORT_SCHEMA_VERSION is written into every item (field `schema_version`) and into the
`<stem>_schema.json` beside the export; docs/export_schema.md is rendered from here
(scripts/build_export_schema_doc.py) and a test compares it with this module.

Versioning: a new optional field or code bumps the minor version; a removed, renamed or retyped
field bumps the major version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from gebiedsplugin.core import funding_gap, schema
from gebiedsplugin.core.periods import PRECISIONS
from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, Aliased, Text, tr_in
from gebiedsplugin.core.value_lists import value_codes

# 1.1: funding_status, shortfall; 1.2: start/end quarter, period precision and text, contact
EXPORT_SCHEMA_VERSION = "1.2"
PROGRAMME_KIND = "programme"  # the kind given to programme projects (they have none of their own)
SOURCES = ("intervention", "programme")

# The legend's categories: domain x kind for interventions, one for the programme (in legend order).
CATEGORIES = tuple(
    "{}_{}".format(d, k) for d in value_codes("domain") for k in value_codes("kind")
) + (PROGRAMME_KIND,)


@dataclass(frozen=True)
class ExportField(Aliased):
    """One exported field: name, storage type, unit, code list and meaning (en, nl)."""

    name: str
    type: str  # schema.TEXT / INTEGER / REAL
    alias: Text
    meaning: Text
    unit: str = ""
    codes: Optional[str] = None  # a value list of core.schema, or one of the lists in _OWN_CODES

    @property
    def meaning_en(self) -> str:
        return self.meaning.source

    @property
    def meaning_nl(self) -> str:
        return tr_in("nl", self.meaning)

    def code_list(self) -> list:
        """The codes this field takes (empty: free text or a number)."""
        if self.codes is None:
            return []
        return list(_OWN_CODES[self.codes]) if self.codes in _OWN_CODES else value_codes(self.codes)


_OWN_CODES = {
    "source": SOURCES,
    "unified_kind": tuple(value_codes("kind")) + (PROGRAMME_KIND,),
    "category": CATEGORIES,
    "geometry_kind": schema.GEOMETRY_KINDS,
    "funding_status": funding_gap.STATUSES,
    "period_precision": PRECISIONS,
}

F = ExportField
EXPORT_FIELDS = (
    F("source", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Source"),
      QT_TRANSLATE_NOOP("export_schema", "Where the item comes from: an intervention or a programme project (MJP)."),
      codes="source"),
    F("uid", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "UID / code"),
      QT_TRANSLATE_NOOP("export_schema", "Stable key: the intervention's UUID, or the project's programme code.")),
    F("programme_code", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Programme code"),
      QT_TRANSLATE_NOOP("export_schema", "Code of the programme (MJP) line the item belongs to.")),
    F("title", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Title"),
      QT_TRANSLATE_NOOP("export_schema", "Title as the planner wrote it.")),
    F("domain", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Domain"),
      QT_TRANSLATE_NOOP("export_schema", "Physical or social; empty for programme projects."), codes="domain"),
    F("kind", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Kind"),
      QT_TRANSLATE_NOOP("export_schema", "Kind of work; `programme` for programme projects."), codes="unified_kind"),
    F("category", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Category"),
      QT_TRANSLATE_NOOP("export_schema", "Legend category: domain_kind, or `programme`."), codes="category"),
    F("theme", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Theme"),
      QT_TRANSLATE_NOOP("export_schema", "Policy theme."), codes="theme"),
    F("district_id", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "District code"),
      QT_TRANSLATE_NOOP("export_schema", "Code of the district (stadsdeel); `city` for city-wide items.")),
    F("district", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "District"),
      QT_TRANSLATE_NOOP("export_schema", "Name of the district.")),
    F("neighbourhood_id", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Neighbourhood code"),
      QT_TRANSLATE_NOOP("export_schema", "Code of the neighbourhood (buurt).")),
    F("neighbourhood", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Neighbourhood"),
      QT_TRANSLATE_NOOP("export_schema", "Name of the neighbourhood.")),
    F("start_year", schema.INTEGER, QT_TRANSLATE_NOOP("export_schema", "Start year"),
      QT_TRANSLATE_NOOP("export_schema", "First calendar year of the work."), unit="year"),
    F("end_year", schema.INTEGER, QT_TRANSLATE_NOOP("export_schema", "End year"),
      QT_TRANSLATE_NOOP("export_schema", "Last calendar year of the work (inclusive)."), unit="year"),
    F("start_quarter", schema.INTEGER, QT_TRANSLATE_NOOP("export_schema", "Start quarter"),
      QT_TRANSLATE_NOOP("export_schema", "Quarter (1-4) of the start year the work starts in; empty when planned in "
                                         "whole years."), unit="quarter"),
    F("end_quarter", schema.INTEGER, QT_TRANSLATE_NOOP("export_schema", "End quarter"),
      QT_TRANSLATE_NOOP("export_schema", "Quarter (1-4) of the end year the work ends in (inclusive); empty when "
                                         "planned in whole years."), unit="quarter"),
    F("period_precision", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Period precision"),
      QT_TRANSLATE_NOOP("export_schema", "How firm the period is: whole years, to the quarter, or indicative (years "
                                         "further ahead, not yet firm)."), codes="period_precision"),
    F("period", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Period"),
      QT_TRANSLATE_NOOP("export_schema", "The period as planned, e.g. `2027 Q3-2028 Q4` or `2029-2031 (indicative)`.")),
    F("status", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Status"),
      QT_TRANSLATE_NOOP("export_schema", "Stage of the work."), codes="status"),
    F("budget", schema.REAL, QT_TRANSLATE_NOOP("export_schema", "Budget (EUR)"),
      QT_TRANSLATE_NOOP("export_schema", "Total budget over all years."), unit="EUR"),
    F("funders", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Funders"),
      QT_TRANSLATE_NOOP("export_schema", "Funder codes, comma-separated: the intervention's own funder, then its "
                                         "funding rows; empty when unfunded."), codes="funder"),
    F("funding_status", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Funding"),
      QT_TRANSLATE_NOOP("export_schema", "Funded, partly funded or unfunded: the sum of the intervention's funding "
                                         "rows against its budget, with 1 EUR tolerance; `no_budget` when the budget "
                                         "is missing; empty for programme projects (docs/funding_gap.md)."),
      codes="funding_status"),
    F("shortfall", schema.REAL, QT_TRANSLATE_NOOP("export_schema", "Shortfall (EUR)"),
      QT_TRANSLATE_NOOP("export_schema", "Budget minus the funding rows' sum, at least 0; empty without a budget and "
                                         "for programme projects."), unit="EUR"),
    F("contact", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Contact"),
      QT_TRANSLATE_NOOP("export_schema", "Person or team to ask about the intervention; empty for programme "
                                         "projects.")),
    F("open_findings", schema.INTEGER, QT_TRANSLATE_NOOP("export_schema", "Open findings"),
      QT_TRANSLATE_NOOP("export_schema", "Open findings of the programme check that name this item."), unit="count"),
    F("geometry_kind", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Geometry"),
      QT_TRANSLATE_NOOP("export_schema", "Point, line or polygon."), codes="geometry_kind"),
    F("schema_version", schema.TEXT, QT_TRANSLATE_NOOP("export_schema", "Schema version"),
      QT_TRANSLATE_NOOP("export_schema", "Version of this export schema.")),
)
del F
FIELDS_BY_NAME = {f.name: f for f in EXPORT_FIELDS}
DOCUMENT_LANGUAGES = ("en", "nl")  # the languages `<stem>_schema.json` describes the fields in
TYPE_NAMES = {schema.TEXT: "text", schema.INTEGER: "integer", schema.REAL: "real"}


def schema_document() -> dict:
    """The schema as JSON-ready data (the `<stem>_schema.json` beside an export)."""
    return {
        "name": "gebiedsplugin unified programme map",
        "schema_version": EXPORT_SCHEMA_VERSION,
        "fields": [{
            "name": f.name, "type": TYPE_NAMES[f.type], "unit": f.unit or None, "codes": f.code_list() or None,
            "alias": {lang: tr_in(lang, f.alias) for lang in DOCUMENT_LANGUAGES},
            "meaning": {lang: tr_in(lang, f.meaning) for lang in DOCUMENT_LANGUAGES},
        } for f in EXPORT_FIELDS],
    }


def markdown() -> str:
    """docs/export_schema.md: one table row per field."""
    lines = [
        "# Export schema of the unified programme map / Exportschema van de programmakaart",
        "",
        "Schema version / schemaversie: **{}**. Generated from `gebiedsplugin/core/export_schema.py` by "
        "`scripts/build_export_schema_doc.py`; `tests/unit/test_export_schema.py` fails when the two "
        "disagree.".format(EXPORT_SCHEMA_VERSION),
        "",
        "Every item in the GeoPackage (`unified_point`, `unified_line`, `unified_polygon`, `unified_items`), "
        "the GeoJSON, the CSV (plus `x`, `y`: a representative point in the programme's CRS) and the web map "
        "carries these fields; `<stem>_schema.json` beside the export holds the same as JSON.",
        "",
        "| field | type | unit | codes | meaning (en) | betekenis (nl) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for f in EXPORT_FIELDS:
        codes = ", ".join("`{}`".format(c) for c in f.code_list())
        lines.append("| `{}` | {} | {} | {} | {} | {} |".format(
            f.name, TYPE_NAMES[f.type], f.unit, codes, f.meaning_en, f.meaning_nl))
    return "\n".join(lines) + "\n"
