"""The programme's data model, declared once.

Everything that knows about tables and fields (the stores that create them, the layer loader that
sets aliases, widgets, constraints and defaults, the rules, the exports) reads this module. It is
pure Python: no QGIS, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Optional

SCHEMA_VERSION = 3  # 2: row_version, uid and modified_at/by on every versioned table; audit_log
# 3: quarters, indicative periods and a contact on interventions, the baseline year; effect_measurements;
#    the certainty of a finding
DEFAULT_CRS = "EPSG:28992"
CITY_ID = "city"
MIN_YEAR, MAX_YEAR = 2000, 2100

# Field types (mapped to OGR / QGIS / PostgreSQL types by the stores).
TEXT, INTEGER, REAL, BOOLEAN, DATETIME = "text", "integer", "real", "boolean", "datetime"

# Default kinds: how the layer loader fills a field on insert (and update, for audit/derived).
UUID, NOW, USER = "uuid", "now", "user"
DERIVE_DISTRICT, DERIVE_NEIGHBOURHOOD = "derive_district", "derive_neighbourhood"
DERIVE_REVIEW = "derive_review"  # true when the geometry lies in more than one district


@dataclass(frozen=True)
class Field:
    """One attribute of a table, with everything the forms and stores need."""

    name: str
    type: str
    alias_en: str
    alias_nl: str
    mandatory: bool = False
    value_list: Optional[str] = None  # name of a list in VALUE_LISTS
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    default: Optional[str] = None  # one of the default kinds above
    on_update: bool = False  # re-apply the default when the feature changes
    read_only: bool = False


@dataclass(frozen=True)
class Table:
    """A table of the programme; geometry is None for attribute-only tables."""

    name: str
    alias_en: str
    alias_nl: str
    fields: tuple
    geometry: Optional[str] = None  # "point" | "line" | "polygon" | "multipolygon"
    key: Optional[str] = None

    def field(self, name: str) -> Field:
        """Return the field called *name* (KeyError if absent)."""
        return self.fields_by_name[name]

    @property
    def field_names(self) -> list:
        return [f.name for f in self.fields]

    def has_field(self, name: str) -> bool:
        """True when the table has a field called *name*."""
        return name in self.fields_by_name

    @cached_property
    def fields_by_name(self) -> dict:
        """name -> Field (savers look fields up per value)."""
        return {f.name: f for f in self.fields}


# --- value lists: code -> (English label, Dutch label); stored in table value_lists -------------
VALUE_LISTS = {
    "domain": {"physical": ("Physical", "Fysiek"), "social": ("Social", "Sociaal")},
    "kind": {
        "intervention": ("Intervention", "Interventie"),
        "maintenance": ("Maintenance", "Onderhoud"),
        "initiative": ("Initiative", "Initiatief"),
        "statutory": ("Statutory task", "Wettelijke taak"),
    },
    "status": {
        "idea": ("Idea", "Idee"),
        "planned": ("Planned", "Gepland"),
        "in_progress": ("In progress", "In uitvoering"),
        "done": ("Done", "Gereed"),
        "cancelled": ("Cancelled", "Vervallen"),
    },
    "initiator": {
        "municipality": ("Municipality", "Gemeente"),
        "residents": ("Residents", "Bewoners"),
        "partner": ("Partner", "Partner"),
    },
    "theme": {
        "public_space": ("Public space", "Openbare ruimte"),
        "green": ("Green and water", "Groen en water"),
        "mobility": ("Mobility", "Mobiliteit"),
        "sewer": ("Sewer", "Riolering"),
        "housing": ("Housing", "Wonen"),
        "education": ("Education", "Onderwijs"),
        "care": ("Care and wellbeing", "Zorg en welzijn"),
        "safety": ("Safety", "Veiligheid"),
        "work_income": ("Work and income", "Werk en inkomen"),
        "energy": ("Energy transition", "Energietransitie"),
    },
    "funder": {
        "municipality": ("Municipality", "Gemeente"),
        "housing_corporation": ("Housing corporation", "Woningcorporatie"),
        "health_insurer": ("Health insurer", "Zorgverzekeraar"),
        "province": ("Province", "Provincie"),
        "water_board": ("Water board", "Hoogheemraadschap"),
        "national": ("National government", "Rijk"),
    },
    "relation": {
        "supports": ("Supports", "Ondersteunt"),
        "combines_with": ("Combines with", "Combineert met"),
        "depends_on": ("Depends on", "Hangt af van"),
    },
    "finding_status": {
        "open": ("Open", "Open"),
        "accepted": ("Accepted", "Geaccepteerd"),
        "resolved": ("Resolved", "Opgelost"),
        "false_positive": ("False positive", "Vals positief"),
        "combine": ("Combine", "Combineren"),  # decisions on chances (rule combination_chance)
        "not_combine": ("Do not combine", "Niet combineren"),
    },
    "severity": {"error": ("Error", "Fout"), "warning": ("Warning", "Waarschuwing"), "info": ("Info", "Info"),
                 "chance": ("Chance", "Kans")},
    # A finding about an indicative period is only possible (core/periods.py).
    "certainty": {"certain": ("Certain", "Zeker"), "possible": ("Possible", "Mogelijk")},
}


# Optimistic locking: every versioned row carries the version it was last saved as. A save states
# the version it read and bumps it by one; the database refuses anything else (store/*_guards.py).
ROW_VERSION = "row_version"


def _modified() -> tuple:
    return (
        Field("modified_at", DATETIME, "Modified at", "Gewijzigd op", default=NOW, on_update=True, read_only=True),
        Field("modified_by", TEXT, "Modified by", "Gewijzigd door", default=USER, on_update=True, read_only=True),
    )


def _version() -> tuple:
    return (Field(ROW_VERSION, INTEGER, "Row version", "Rijversie", read_only=True),)


def _audit() -> tuple:
    return (
        Field("created_at", DATETIME, "Created at", "Aangemaakt op", default=NOW, read_only=True),
        Field("created_by", TEXT, "Created by", "Aangemaakt door", default=USER, read_only=True),
    ) + _modified() + _version()


def _row_uid() -> Field:
    """A stable row identity for tables without a natural key (audit, offline merge)."""
    return Field("uid", TEXT, "UID", "UID", default=UUID, read_only=True)


YEAR = dict(minimum=MIN_YEAR, maximum=MAX_YEAR)
QUARTER = dict(minimum=1, maximum=4)

INTERVENTION_FIELDS = (
    Field("uid", TEXT, "UID", "UID", mandatory=True, default=UUID, read_only=True),
    Field("title", TEXT, "Title", "Titel", mandatory=True),
    Field("description", TEXT, "Description", "Omschrijving"),
    Field("domain", TEXT, "Domain", "Domein", mandatory=True, value_list="domain"),
    Field("kind", TEXT, "Kind", "Soort", mandatory=True, value_list="kind"),
    Field("theme", TEXT, "Theme", "Thema", mandatory=True, value_list="theme"),
    Field("district_id", TEXT, "District", "Stadsdeel", default=DERIVE_DISTRICT, on_update=True),
    Field("neighbourhood_id", TEXT, "Neighbourhood", "Buurt", default=DERIVE_NEIGHBOURHOOD, on_update=True),
    Field("city_wide", BOOLEAN, "City-wide", "Stedelijk"),
    Field("needs_review", BOOLEAN, "Needs review", "Te beoordelen", default=DERIVE_REVIEW, on_update=True),
    Field("start_year", INTEGER, "Start year", "Startjaar", mandatory=True, **YEAR),
    Field("end_year", INTEGER, "End year", "Eindjaar", mandatory=True, **YEAR),
    # Coarse planning (schema 3): a period may be given to the quarter, or marked indicative.
    Field("start_quarter", INTEGER, "Start quarter", "Startkwartaal", **QUARTER),
    Field("end_quarter", INTEGER, "End quarter", "Eindkwartaal", **QUARTER),
    Field("indicative", BOOLEAN, "Indicative period", "Indicatieve periode"),
    Field("status", TEXT, "Status", "Status", value_list="status"),
    Field("priority", INTEGER, "Priority", "Prioriteit", minimum=1, maximum=3),
    Field("budget", REAL, "Budget (EUR)", "Budget (EUR)", minimum=0),
    Field("lead_party", TEXT, "Lead party", "Trekker"),
    Field("contact", TEXT, "Contact", "Contactpersoon"),  # person or team to ask (schema 3)
    Field("funder", TEXT, "Funder", "Financier", value_list="funder"),
    Field("programme_code", TEXT, "Programme code", "Programmacode"),
    Field("goal_ref", TEXT, "Goal reference", "Doelverwijzing"),
    Field("initiator", TEXT, "Initiator", "Initiatiefnemer", value_list="initiator"),
    Field("effect_indicator", TEXT, "Effect indicator", "Effectindicator"),
    Field("baseline", REAL, "Baseline", "Nulmeting"),
    Field("baseline_year", INTEGER, "Baseline year", "Jaar nulmeting", **YEAR),
    Field("target", REAL, "Target", "Streefwaarde"),
) + _audit()

PROJECT_FIELDS = (
    Field("programme_code", TEXT, "Programme code", "Programmacode", mandatory=True),
    Field("title", TEXT, "Title", "Titel", mandatory=True),
    Field("theme", TEXT, "Theme", "Thema", mandatory=True, value_list="theme"),
    Field("district_id", TEXT, "District", "Stadsdeel", default=DERIVE_DISTRICT),
    Field("start_year", INTEGER, "Start year", "Startjaar", mandatory=True, **YEAR),
    Field("end_year", INTEGER, "End year", "Eindjaar", mandatory=True, **YEAR),
    Field("budget", REAL, "Budget (EUR)", "Budget (EUR)", minimum=0),
    Field("status", TEXT, "Status", "Status", value_list="status"),
) + _modified() + _version()

GEOMETRY_KINDS = ("point", "line", "polygon")


def intervention_table(kind: str) -> str:
    """Name of the interventions table for a geometry kind (point, line, polygon)."""
    return "interventions_" + kind


def project_table(kind: str) -> str:
    """Name of the programme projects table for a geometry kind."""
    return "programme_projects_" + kind


INTERVENTION_TABLES = tuple(intervention_table(k) for k in GEOMETRY_KINDS)
PROJECT_TABLES = tuple(project_table(k) for k in GEOMETRY_KINDS)

_KIND_ALIAS = {"point": ("points", "punten"), "line": ("lines", "lijnen"), "polygon": ("areas", "vlakken")}

TABLES = (
    Table(
        "districts", "Districts", "Stadsdelen",
        (
            Field("district_id", TEXT, "District code", "Stadsdeelcode", mandatory=True),
            Field("name", TEXT, "Name", "Naam", mandatory=True),
        ) + _modified() + _version(),
        geometry="multipolygon", key="district_id",
    ),
    Table(
        "neighbourhoods", "Neighbourhoods", "Buurten",
        (
            Field("neighbourhood_id", TEXT, "Neighbourhood code", "Buurtcode", mandatory=True),
            Field("name", TEXT, "Name", "Naam", mandatory=True),
            Field("district_id", TEXT, "District", "Stadsdeel", default=DERIVE_DISTRICT),
        ) + _modified() + _version(),
        geometry="multipolygon", key="neighbourhood_id",
    ),
) + tuple(
    Table(
        intervention_table(k), "Interventions ({})".format(_KIND_ALIAS[k][0]),
        "Interventies ({})".format(_KIND_ALIAS[k][1]), INTERVENTION_FIELDS, geometry=k, key="uid",
    )
    for k in GEOMETRY_KINDS
) + tuple(
    Table(
        project_table(k), "Programme projects ({})".format(_KIND_ALIAS[k][0]),
        "Programmaprojecten ({})".format(_KIND_ALIAS[k][1]), PROJECT_FIELDS, geometry=k, key="programme_code",
    )
    for k in GEOMETRY_KINDS
) + (
    Table(
        "funding", "Funding", "Financiering",
        (
            Field("intervention_uid", TEXT, "Intervention", "Interventie", mandatory=True),
            Field("year", INTEGER, "Year", "Jaar", mandatory=True, **YEAR),
            Field("funder", TEXT, "Funder", "Financier", mandatory=True, value_list="funder"),
            Field("amount", REAL, "Amount (EUR)", "Bedrag (EUR)", mandatory=True, minimum=0),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        # Measured values of an intervention's effect indicator, per year (schema 3; core/effects.py).
        "effect_measurements", "Effect measurements", "Effectmetingen",
        (
            Field("intervention_uid", TEXT, "Intervention", "Interventie", mandatory=True),
            Field("year", INTEGER, "Year", "Jaar", mandatory=True, **YEAR),
            Field("value", REAL, "Measured value", "Gemeten waarde", mandatory=True),
            Field("note", TEXT, "Note", "Notitie"),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "links", "Links", "Koppelingen",
        (
            Field("from_uid", TEXT, "From", "Van", mandatory=True),
            Field("to_uid", TEXT, "To", "Naar", mandatory=True),
            Field("relation", TEXT, "Relation", "Relatie", mandatory=True, value_list="relation"),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "area_goals", "Area goals", "Gebiedsopgave",
        (
            Field("district_id", TEXT, "District", "Stadsdeel", mandatory=True),
            Field("theme", TEXT, "Theme", "Thema", mandatory=True, value_list="theme"),
            Field("priority", INTEGER, "Priority", "Prioriteit", mandatory=True, minimum=0, maximum=3),
            Field("goal", TEXT, "Goal", "Doel"),
            Field("goal_ref", TEXT, "Goal reference", "Doelverwijzing"),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "area_budgets", "Area budgets", "Gebiedsbudgetten",
        (
            Field("district_id", TEXT, "District", "Stadsdeel", mandatory=True),
            Field("year", INTEGER, "Year", "Jaar", mandatory=True, **YEAR),
            Field("amount", REAL, "Amount (EUR)", "Bedrag (EUR)", mandatory=True, minimum=0),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "findings", "Findings", "Bevindingen",
        (
            Field("finding_id", TEXT, "Finding id", "Bevinding-id", mandatory=True, read_only=True),
            Field("rule", TEXT, "Rule", "Regel", mandatory=True, read_only=True),
            Field("severity", TEXT, "Severity", "Ernst", mandatory=True, value_list="severity", read_only=True),
            Field("district_id", TEXT, "District", "Stadsdeel", read_only=True),
            Field("message", TEXT, "Message", "Melding", read_only=True),
            Field("subject_uids", TEXT, "Interventions", "Interventies", read_only=True),
            Field("certainty", TEXT, "Certainty", "Zekerheid", value_list="certainty", read_only=True),
            Field("status", TEXT, "Status", "Status", value_list="finding_status"),
            Field("note", TEXT, "Note", "Notitie"),
            Field("decided_by", TEXT, "Decided by", "Besloten door"),
            Field("decided_at", DATETIME, "Decided at", "Besloten op"),
            Field("first_seen", DATETIME, "First seen", "Eerst gezien", read_only=True),
            Field("last_seen", DATETIME, "Last seen", "Laatst gezien", read_only=True),
        ) + _modified() + _version(),
        geometry="polygon", key="finding_id",
    ),
    Table(
        "value_lists", "Value lists", "Waardelijsten",
        (
            Field("list", TEXT, "List", "Lijst", mandatory=True),
            Field("code", TEXT, "Code", "Code", mandatory=True),
            Field("label_en", TEXT, "Label (English)", "Label (Engels)"),
            Field("label_nl", TEXT, "Label (Dutch)", "Label (Nederlands)"),
        ),
    ),
    Table(
        "settings", "Settings", "Instellingen",
        (
            Field("key", TEXT, "Key", "Sleutel", mandatory=True),
            Field("value", TEXT, "Value", "Waarde"),
        ) + _modified() + _version(),
        key="key",
    ),
    Table(
        "schema_info", "Schema info", "Schema-informatie",
        (
            Field("key", TEXT, "Key", "Sleutel", mandatory=True),
            Field("value", TEXT, "Value", "Waarde"),
        ),
        key="key",
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}

# Tables the plugin writes after creation: each carries row_version, a key and modified_at/by.
VERSIONED_TABLES = tuple(t.name for t in TABLES if t.name not in ("schema_info", "value_lists"))

# Tables loaded into the QGIS project (the rest are bookkeeping).
LAYER_TABLES = (
    ("findings",) + INTERVENTION_TABLES + PROJECT_TABLES
    + ("neighbourhoods", "districts", "funding", "effect_measurements", "links", "area_goals", "area_budgets")
)

# Rule parameters stored in table `settings` (key -> default, as text).
DEFAULT_SETTINGS = {
    "conflict_distance_m": "10",
    "rest_period_years": "5",
    "stacking_max": "8",
    "programme_tolerance_m": "25",
    "duplicate_funding_tolerance_m": "10",
}


def table(name: str) -> Table:
    """Return the table called *name* (KeyError if absent)."""
    return TABLES_BY_NAME[name]


def value_codes(list_name: str) -> list:
    """Codes of a default value list, in order."""
    return list(VALUE_LISTS[list_name])


def label(list_name: str, code: str, lang: str = "en") -> str:
    """Label of *code* in a value list, in English or Dutch; the code itself when unknown."""
    entry = VALUE_LISTS.get(list_name, {}).get(code)
    if entry is None:
        return code
    return entry[1] if lang == "nl" else entry[0]
