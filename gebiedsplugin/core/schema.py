"""The programme's data model, declared once.

Everything that knows about tables and fields (the stores that create them, the layer loader that
sets aliases, widgets, constraints and defaults, the rules, the exports) reads this module. It is
pure Python: no QGIS, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, Aliased, Text

SCHEMA_VERSION = 4  # 2: row_version, uid and modified_at/by on every versioned table; audit_log
# 3: quarters, indicative periods and a contact on interventions, the baseline year; effect_measurements;
#    the certainty of a finding
# 4: a uid's uniqueness kept in a form QGIS does not read as a unique field (no read of every uid at each add)
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
class Field(Aliased):
    """One attribute of a table, with everything the forms and stores need."""

    name: str
    type: str
    alias: Text  # its name in forms, tables and exports (English source; per language by alias_in)
    mandatory: bool = False
    value_list: Optional[str] = None  # name of a list in value_lists.VALUE_LISTS
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    default: Optional[str] = None  # one of the default kinds above
    on_update: bool = False  # re-apply the default when the feature changes
    read_only: bool = False


@dataclass(frozen=True)
class Table(Aliased):
    """A table of the programme; geometry is None for attribute-only tables."""

    name: str
    alias: Text
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


# Optimistic locking: every versioned row carries the version it was last saved as. A save states
# the version it read and bumps it by one; the database refuses anything else (store/*_guards.py).
ROW_VERSION = "row_version"


def _modified() -> tuple:
    return (
        Field("modified_at", DATETIME, QT_TRANSLATE_NOOP("schema", "Modified at"),
            default=NOW, on_update=True, read_only=True),
        Field("modified_by", TEXT, QT_TRANSLATE_NOOP("schema", "Modified by"),
            default=USER, on_update=True, read_only=True),
    )


def _version() -> tuple:
    return (Field(ROW_VERSION, INTEGER, QT_TRANSLATE_NOOP("schema", "Row version"), read_only=True),)


def _audit() -> tuple:
    return (
        Field("created_at", DATETIME, QT_TRANSLATE_NOOP("schema", "Created at"), default=NOW, read_only=True),
        Field("created_by", TEXT, QT_TRANSLATE_NOOP("schema", "Created by"), default=USER, read_only=True),
    ) + _modified() + _version()


def _row_uid() -> Field:
    """A stable row identity for tables without a natural key (audit, offline merge)."""
    return Field("uid", TEXT, QT_TRANSLATE_NOOP("schema", "UID"), default=UUID, read_only=True)


YEAR = dict(minimum=MIN_YEAR, maximum=MAX_YEAR)
QUARTER = dict(minimum=1, maximum=4)

INTERVENTION_FIELDS = (
    Field("uid", TEXT, QT_TRANSLATE_NOOP("schema", "UID"), mandatory=True, default=UUID, read_only=True),
    Field("title", TEXT, QT_TRANSLATE_NOOP("schema", "Title"), mandatory=True),
    Field("description", TEXT, QT_TRANSLATE_NOOP("schema", "Description")),
    Field("domain", TEXT, QT_TRANSLATE_NOOP("schema", "Domain"), mandatory=True, value_list="domain"),
    Field("kind", TEXT, QT_TRANSLATE_NOOP("schema", "Kind"), mandatory=True, value_list="kind"),
    Field("theme", TEXT, QT_TRANSLATE_NOOP("schema", "Theme"), mandatory=True, value_list="theme"),
    Field("district_id", TEXT, QT_TRANSLATE_NOOP("schema", "District"), default=DERIVE_DISTRICT, on_update=True),
    Field("neighbourhood_id", TEXT, QT_TRANSLATE_NOOP("schema", "Neighbourhood"),
        default=DERIVE_NEIGHBOURHOOD, on_update=True),
    Field("city_wide", BOOLEAN, QT_TRANSLATE_NOOP("schema", "City-wide")),
    Field("needs_review", BOOLEAN, QT_TRANSLATE_NOOP("schema", "Needs review"), default=DERIVE_REVIEW, on_update=True),
    Field("start_year", INTEGER, QT_TRANSLATE_NOOP("schema", "Start year"), mandatory=True, **YEAR),
    Field("end_year", INTEGER, QT_TRANSLATE_NOOP("schema", "End year"), mandatory=True, **YEAR),
    # Coarse planning (schema 3): a period may be given to the quarter, or marked indicative.
    Field("start_quarter", INTEGER, QT_TRANSLATE_NOOP("schema", "Start quarter"), **QUARTER),
    Field("end_quarter", INTEGER, QT_TRANSLATE_NOOP("schema", "End quarter"), **QUARTER),
    Field("indicative", BOOLEAN, QT_TRANSLATE_NOOP("schema", "Indicative period")),
    Field("status", TEXT, QT_TRANSLATE_NOOP("schema", "Status"), value_list="status"),
    Field("priority", INTEGER, QT_TRANSLATE_NOOP("schema", "Priority"), minimum=1, maximum=3),
    Field("budget", REAL, QT_TRANSLATE_NOOP("schema", "Budget (EUR)"), minimum=0),
    Field("lead_party", TEXT, QT_TRANSLATE_NOOP("schema", "Lead party")),
    Field("contact", TEXT, QT_TRANSLATE_NOOP("schema", "Contact")),  # person or team to ask (schema 3)
    Field("funder", TEXT, QT_TRANSLATE_NOOP("schema", "Funder"), value_list="funder"),
    Field("programme_code", TEXT, QT_TRANSLATE_NOOP("schema", "Programme code")),
    Field("goal_ref", TEXT, QT_TRANSLATE_NOOP("schema", "Goal reference")),
    Field("initiator", TEXT, QT_TRANSLATE_NOOP("schema", "Initiator"), value_list="initiator"),
    Field("effect_indicator", TEXT, QT_TRANSLATE_NOOP("schema", "Effect indicator")),
    Field("baseline", REAL, QT_TRANSLATE_NOOP("schema", "Baseline")),
    Field("baseline_year", INTEGER, QT_TRANSLATE_NOOP("schema", "Baseline year"), **YEAR),
    Field("target", REAL, QT_TRANSLATE_NOOP("schema", "Target")),
) + _audit()

PROJECT_FIELDS = (
    Field("programme_code", TEXT, QT_TRANSLATE_NOOP("schema", "Programme code"), mandatory=True),
    Field("title", TEXT, QT_TRANSLATE_NOOP("schema", "Title"), mandatory=True),
    Field("theme", TEXT, QT_TRANSLATE_NOOP("schema", "Theme"), mandatory=True, value_list="theme"),
    Field("district_id", TEXT, QT_TRANSLATE_NOOP("schema", "District"), default=DERIVE_DISTRICT),
    Field("start_year", INTEGER, QT_TRANSLATE_NOOP("schema", "Start year"), mandatory=True, **YEAR),
    Field("end_year", INTEGER, QT_TRANSLATE_NOOP("schema", "End year"), mandatory=True, **YEAR),
    Field("budget", REAL, QT_TRANSLATE_NOOP("schema", "Budget (EUR)"), minimum=0),
    Field("status", TEXT, QT_TRANSLATE_NOOP("schema", "Status"), value_list="status"),
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

# the tables' names per geometry kind, written out whole so that a translator sees each one
_KIND_ALIAS = {
    intervention_table("point"): QT_TRANSLATE_NOOP("schema", "Interventions (points)"),
    intervention_table("line"): QT_TRANSLATE_NOOP("schema", "Interventions (lines)"),
    intervention_table("polygon"): QT_TRANSLATE_NOOP("schema", "Interventions (areas)"),
    project_table("point"): QT_TRANSLATE_NOOP("schema", "Programme projects (points)"),
    project_table("line"): QT_TRANSLATE_NOOP("schema", "Programme projects (lines)"),
    project_table("polygon"): QT_TRANSLATE_NOOP("schema", "Programme projects (areas)"),
}

TABLES = (
    Table(
        "districts", QT_TRANSLATE_NOOP("schema", "Districts"),
        (
            Field("district_id", TEXT, QT_TRANSLATE_NOOP("schema", "District code"), mandatory=True),
            Field("name", TEXT, QT_TRANSLATE_NOOP("schema", "Name"), mandatory=True),
        ) + _modified() + _version(),
        geometry="multipolygon", key="district_id",
    ),
    Table(
        "neighbourhoods", QT_TRANSLATE_NOOP("schema", "Neighbourhoods"),
        (
            Field("neighbourhood_id", TEXT, QT_TRANSLATE_NOOP("schema", "Neighbourhood code"), mandatory=True),
            Field("name", TEXT, QT_TRANSLATE_NOOP("schema", "Name"), mandatory=True),
            Field("district_id", TEXT, QT_TRANSLATE_NOOP("schema", "District"), default=DERIVE_DISTRICT),
        ) + _modified() + _version(),
        geometry="multipolygon", key="neighbourhood_id",
    ),
) + tuple(
    Table(
        intervention_table(k), _KIND_ALIAS[intervention_table(k)], INTERVENTION_FIELDS, geometry=k, key="uid",
    )
    for k in GEOMETRY_KINDS
) + tuple(
    Table(
        project_table(k), _KIND_ALIAS[project_table(k)], PROJECT_FIELDS, geometry=k, key="programme_code",
    )
    for k in GEOMETRY_KINDS
) + (
    Table(
        "funding", QT_TRANSLATE_NOOP("schema", "Funding"),
        (
            Field("intervention_uid", TEXT, QT_TRANSLATE_NOOP("schema", "Intervention"), mandatory=True),
            Field("year", INTEGER, QT_TRANSLATE_NOOP("schema", "Year"), mandatory=True, **YEAR),
            Field("funder", TEXT, QT_TRANSLATE_NOOP("schema", "Funder"), mandatory=True, value_list="funder"),
            Field("amount", REAL, QT_TRANSLATE_NOOP("schema", "Amount (EUR)"), mandatory=True, minimum=0),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        # Measured values of an intervention's effect indicator, per year (schema 3; core/effects.py).
        "effect_measurements", QT_TRANSLATE_NOOP("schema", "Effect measurements"),
        (
            Field("intervention_uid", TEXT, QT_TRANSLATE_NOOP("schema", "Intervention"), mandatory=True),
            Field("year", INTEGER, QT_TRANSLATE_NOOP("schema", "Year"), mandatory=True, **YEAR),
            Field("value", REAL, QT_TRANSLATE_NOOP("schema", "Measured value"), mandatory=True),
            Field("note", TEXT, QT_TRANSLATE_NOOP("schema", "Note")),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "links", QT_TRANSLATE_NOOP("schema", "Links"),
        (
            Field("from_uid", TEXT, QT_TRANSLATE_NOOP("schema", "From"), mandatory=True),
            Field("to_uid", TEXT, QT_TRANSLATE_NOOP("schema", "To"), mandatory=True),
            Field("relation", TEXT, QT_TRANSLATE_NOOP("schema", "Relation"), mandatory=True, value_list="relation"),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "area_goals", QT_TRANSLATE_NOOP("schema", "Area goals"),
        (
            Field("district_id", TEXT, QT_TRANSLATE_NOOP("schema", "District"), mandatory=True),
            Field("theme", TEXT, QT_TRANSLATE_NOOP("schema", "Theme"), mandatory=True, value_list="theme"),
            Field("priority", INTEGER, QT_TRANSLATE_NOOP("schema", "Priority"), mandatory=True, minimum=0, maximum=3),
            Field("goal", TEXT, QT_TRANSLATE_NOOP("schema", "Goal")),
            Field("goal_ref", TEXT, QT_TRANSLATE_NOOP("schema", "Goal reference")),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "area_budgets", QT_TRANSLATE_NOOP("schema", "Area budgets"),
        (
            Field("district_id", TEXT, QT_TRANSLATE_NOOP("schema", "District"), mandatory=True),
            Field("year", INTEGER, QT_TRANSLATE_NOOP("schema", "Year"), mandatory=True, **YEAR),
            Field("amount", REAL, QT_TRANSLATE_NOOP("schema", "Amount (EUR)"), mandatory=True, minimum=0),
            _row_uid(),
        ) + _modified() + _version(),
        key="uid",
    ),
    Table(
        "findings", QT_TRANSLATE_NOOP("schema", "Findings"),
        (
            Field("finding_id", TEXT, QT_TRANSLATE_NOOP("schema", "Finding id"), mandatory=True, read_only=True),
            Field("rule", TEXT, QT_TRANSLATE_NOOP("schema", "Rule"), mandatory=True, read_only=True),
            Field("severity", TEXT, QT_TRANSLATE_NOOP("schema", "Severity"),
                mandatory=True, value_list="severity", read_only=True),
            Field("district_id", TEXT, QT_TRANSLATE_NOOP("schema", "District"), read_only=True),
            Field("message", TEXT, QT_TRANSLATE_NOOP("schema", "Message"), read_only=True),
            Field("subject_uids", TEXT, QT_TRANSLATE_NOOP("schema", "Interventions"), read_only=True),
            Field("certainty", TEXT, QT_TRANSLATE_NOOP("schema", "Certainty"), value_list="certainty", read_only=True),
            Field("status", TEXT, QT_TRANSLATE_NOOP("schema", "Status"), value_list="finding_status"),
            Field("note", TEXT, QT_TRANSLATE_NOOP("schema", "Note")),
            Field("decided_by", TEXT, QT_TRANSLATE_NOOP("schema", "Decided by")),
            Field("decided_at", DATETIME, QT_TRANSLATE_NOOP("schema", "Decided at")),
            Field("first_seen", DATETIME, QT_TRANSLATE_NOOP("schema", "First seen"), read_only=True),
            Field("last_seen", DATETIME, QT_TRANSLATE_NOOP("schema", "Last seen"), read_only=True),
        ) + _modified() + _version(),
        geometry="polygon", key="finding_id",
    ),
    Table(
        "value_lists", QT_TRANSLATE_NOOP("schema", "Value lists"),
        (
            Field("list", TEXT, QT_TRANSLATE_NOOP("schema", "List"), mandatory=True),
            Field("code", TEXT, QT_TRANSLATE_NOOP("schema", "Code"), mandatory=True),
            Field("label_en", TEXT, QT_TRANSLATE_NOOP("schema", "Label (English)")),
            Field("label_nl", TEXT, QT_TRANSLATE_NOOP("schema", "Label (Dutch)")),
        ),
    ),
    Table(
        "settings", QT_TRANSLATE_NOOP("schema", "Settings"),
        (
            Field("key", TEXT, QT_TRANSLATE_NOOP("schema", "Key"), mandatory=True),
            Field("value", TEXT, QT_TRANSLATE_NOOP("schema", "Value")),
        ) + _modified() + _version(),
        key="key",
    ),
    Table(
        "schema_info", QT_TRANSLATE_NOOP("schema", "Schema info"),
        (
            Field("key", TEXT, QT_TRANSLATE_NOOP("schema", "Key"), mandatory=True),
            Field("value", TEXT, QT_TRANSLATE_NOOP("schema", "Value")),
        ),
        key="key",
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}

# Tables the plugin writes after creation: each carries row_version, a key and modified_at/by.
VERSIONED_TABLES = tuple(t.name for t in TABLES if t.name not in ("schema_info", "value_lists"))
# Versioned tables keyed by a uid (a UUID a new row gets from its default): unique in the store.
UID_TABLES = tuple(t for t in VERSIONED_TABLES if TABLES_BY_NAME[t].key == "uid")

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
