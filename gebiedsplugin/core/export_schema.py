"""The export schema of the unified programme map: the one home of its fields (pure Python).

Every exported item (GeoPackage, GeoJSON, CSV, web map) carries these fields in this order. Each
field has a type, a unit, a code list and a meaning in English and Dutch. The schema is versioned:
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

# 1.1: funding_status, shortfall; 1.2: start/end quarter, period precision and text, contact
EXPORT_SCHEMA_VERSION = "1.2"
PROGRAMME_KIND = "programme"  # the kind given to programme projects (they have none of their own)
SOURCES = ("intervention", "programme")

# The legend's categories: domain x kind for interventions, one for the programme (in legend order).
CATEGORIES = tuple(
    "{}_{}".format(d, k) for d in schema.value_codes("domain") for k in schema.value_codes("kind")
) + (PROGRAMME_KIND,)


@dataclass(frozen=True)
class ExportField:
    """One exported field: name, storage type, unit, code list and meaning (en, nl)."""

    name: str
    type: str  # schema.TEXT / INTEGER / REAL
    alias_en: str
    alias_nl: str
    meaning_en: str
    meaning_nl: str
    unit: str = ""
    codes: Optional[str] = None  # a value list of core.schema, or one of the lists in _OWN_CODES

    def code_list(self) -> list:
        """The codes this field takes (empty: free text or a number)."""
        if self.codes is None:
            return []
        return list(_OWN_CODES[self.codes]) if self.codes in _OWN_CODES else schema.value_codes(self.codes)


_OWN_CODES = {
    "source": SOURCES,
    "unified_kind": tuple(schema.value_codes("kind")) + (PROGRAMME_KIND,),
    "category": CATEGORIES,
    "geometry_kind": schema.GEOMETRY_KINDS,
    "funding_status": funding_gap.STATUSES,
    "period_precision": PRECISIONS,
}

F = ExportField
EXPORT_FIELDS = (
    F("source", schema.TEXT, "Source", "Bron", "Where the item comes from: an intervention or a programme "
      "project (MJP).", "Herkomst: een interventie of een programmaproject (MJP).", codes="source"),
    F("uid", schema.TEXT, "UID / code", "UID / code", "Stable key: the intervention's UUID, or the project's "
      "programme code.", "Vaste sleutel: de UUID van de interventie of de programmacode van het project."),
    F("programme_code", schema.TEXT, "Programme code", "Programmacode", "Code of the programme (MJP) line the "
      "item belongs to.", "Code van de programmaregel (MJP) waar het item onder valt."),
    F("title", schema.TEXT, "Title", "Titel", "Title as the planner wrote it.", "Titel zoals de planner die schreef."),
    F("domain", schema.TEXT, "Domain", "Domein", "Physical or social; empty for programme projects.",
      "Fysiek of sociaal; leeg bij programmaprojecten.", codes="domain"),
    F("kind", schema.TEXT, "Kind", "Soort", "Kind of work; `programme` for programme projects.",
      "Soort werk; `programme` bij programmaprojecten.", codes="unified_kind"),
    F("category", schema.TEXT, "Category", "Categorie", "Legend category: domain_kind, or `programme`.",
      "Legendacategorie: domein_soort, of `programme`.", codes="category"),
    F("theme", schema.TEXT, "Theme", "Thema", "Policy theme.", "Beleidsthema.", codes="theme"),
    F("district_id", schema.TEXT, "District code", "Stadsdeelcode", "Code of the district (stadsdeel); "
      "`city` for city-wide items.", "Code van het stadsdeel; `city` voor stadsbrede items."),
    F("district", schema.TEXT, "District", "Stadsdeel", "Name of the district.", "Naam van het stadsdeel."),
    F("neighbourhood_id", schema.TEXT, "Neighbourhood code", "Buurtcode", "Code of the neighbourhood (buurt).",
      "Code van de buurt."),
    F("neighbourhood", schema.TEXT, "Neighbourhood", "Buurt", "Name of the neighbourhood.", "Naam van de buurt."),
    F("start_year", schema.INTEGER, "Start year", "Startjaar", "First calendar year of the work.",
      "Eerste kalenderjaar van het werk.", unit="year"),
    F("end_year", schema.INTEGER, "End year", "Eindjaar", "Last calendar year of the work (inclusive).",
      "Laatste kalenderjaar van het werk (inclusief).", unit="year"),
    F("start_quarter", schema.INTEGER, "Start quarter", "Startkwartaal", "Quarter (1-4) of the start year the "
      "work starts in; empty when planned in whole years.", "Kwartaal (1-4) van het startjaar waarin het werk "
      "begint; leeg bij planning in hele jaren.", unit="quarter"),
    F("end_quarter", schema.INTEGER, "End quarter", "Eindkwartaal", "Quarter (1-4) of the end year the work "
      "ends in (inclusive); empty when planned in whole years.", "Kwartaal (1-4) van het eindjaar waarin het "
      "werk eindigt (inclusief); leeg bij planning in hele jaren.", unit="quarter"),
    F("period_precision", schema.TEXT, "Period precision", "Precisie periode", "How firm the period is: whole "
      "years, to the quarter, or indicative (years further ahead, not yet firm).", "Hoe vast de periode is: hele "
      "jaren, op het kwartaal, of indicatief (jaren verder weg, nog niet vast).", codes="period_precision"),
    F("period", schema.TEXT, "Period", "Periode", "The period as planned, e.g. `2027 Q3-2028 Q4` or "
      "`2029-2031 (indicative)`.", "De periode zoals gepland, bijv. `2027 Q3-2028 Q4` of "
      "`2029-2031 (indicatief)`."),
    F("status", schema.TEXT, "Status", "Status", "Stage of the work.", "Fase van het werk.", codes="status"),
    F("budget", schema.REAL, "Budget (EUR)", "Budget (EUR)", "Total budget over all years.",
      "Totaalbudget over alle jaren.", unit="EUR"),
    F("funders", schema.TEXT, "Funders", "Financiers", "Funder codes, comma-separated: the intervention's own "
      "funder, then its funding rows; empty when unfunded.", "Financiercodes, met komma's: de eigen financier, dan "
      "de financieringsregels; leeg als niet gefinancierd.", codes="funder"),
    F("funding_status", schema.TEXT, "Funding", "Financiering", "Funded, partly funded or unfunded: the sum of "
      "the intervention's funding rows against its budget, with 1 EUR tolerance; `no_budget` when the budget is "
      "missing; empty for programme projects (docs/funding_gap.md).", "Gefinancierd, deels of niet: de som van de "
      "financieringsregels van de interventie tegen haar budget, met 1 EUR marge; `no_budget` als het budget "
      "ontbreekt; leeg bij programmaprojecten (docs/funding_gap.md).", codes="funding_status"),
    F("shortfall", schema.REAL, "Shortfall (EUR)", "Tekort (EUR)", "Budget minus the funding rows' sum, at least "
      "0; empty without a budget and for programme projects.", "Budget min de som van de financieringsregels, "
      "minstens 0; leeg zonder budget en bij programmaprojecten.", unit="EUR"),
    F("contact", schema.TEXT, "Contact", "Contactpersoon", "Person or team to ask about the intervention; "
      "empty for programme projects.", "Persoon of team om te vragen naar de interventie; leeg bij "
      "programmaprojecten."),
    F("open_findings", schema.INTEGER, "Open findings", "Open bevindingen", "Open findings of the programme "
      "check that name this item.", "Open bevindingen van de programmatoets die dit item noemen.", unit="count"),
    F("geometry_kind", schema.TEXT, "Geometry", "Geometrie", "Point, line or polygon.", "Punt, lijn of vlak.",
      codes="geometry_kind"),
    F("schema_version", schema.TEXT, "Schema version", "Schemaversie", "Version of this export schema.",
      "Versie van dit exportschema."),
)
del F
FIELDS_BY_NAME = {f.name: f for f in EXPORT_FIELDS}
TYPE_NAMES = {schema.TEXT: "text", schema.INTEGER: "integer", schema.REAL: "real"}


def schema_document() -> dict:
    """The schema as JSON-ready data (the `<stem>_schema.json` beside an export)."""
    return {
        "name": "gebiedsplugin unified programme map",
        "schema_version": EXPORT_SCHEMA_VERSION,
        "fields": [{
            "name": f.name, "type": TYPE_NAMES[f.type], "unit": f.unit or None, "codes": f.code_list() or None,
            "alias": {"en": f.alias_en, "nl": f.alias_nl}, "meaning": {"en": f.meaning_en, "nl": f.meaning_nl},
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
