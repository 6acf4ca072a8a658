"""What each schema version's tables held, and what the upgrade to each version adds (pure Python).

The current version's columns are ``core.schema.TABLES``. Earlier versions are frozen here as
they were released, so a programme of version N can be checked for missing columns before it is
upgraded, and a step can say which columns it brings. Add an entry when the schema version moves
on: ``COLUMNS[N]`` the columns of version N, copied from ``schema.TABLES`` before the change.
"""

from __future__ import annotations

from gebiedsplugin.core import schema

_AUDIT = ("created_at", "created_by", "modified_at", "modified_by")
_INTERVENTION = (
    "uid", "title", "description", "domain", "kind", "theme", "district_id", "neighbourhood_id", "city_wide",
    "needs_review", "start_year", "end_year", "status", "priority", "budget", "lead_party", "funder",
    "programme_code", "goal_ref", "initiator", "effect_indicator", "baseline", "target") + _AUDIT
_PROJECT = ("programme_code", "title", "theme", "district_id", "start_year", "end_year", "budget", "status")

# Schema version 1 (gebiedsplugin 0.1, commit 1033e1b): the attribute columns of every table.
# PostGIS programmes of version 1 also had an integer ``version`` column on the interventions tables.
V1_COLUMNS = {
    "districts": ("district_id", "name"),
    "neighbourhoods": ("neighbourhood_id", "name", "district_id"),
    "interventions_point": _INTERVENTION,
    "interventions_line": _INTERVENTION,
    "interventions_polygon": _INTERVENTION,
    "programme_projects_point": _PROJECT,
    "programme_projects_line": _PROJECT,
    "programme_projects_polygon": _PROJECT,
    "funding": ("intervention_uid", "year", "funder", "amount"),
    "links": ("from_uid", "to_uid", "relation"),
    "area_goals": ("district_id", "theme", "priority", "goal", "goal_ref"),
    "area_budgets": ("district_id", "year", "amount"),
    "findings": ("finding_id", "rule", "severity", "district_id", "message", "subject_uids", "status", "note",
                 "decided_by", "decided_at", "first_seen", "last_seen"),
    "value_lists": ("list", "code", "label_en", "label_nl"),
    "settings": ("key", "value"),
    "schema_info": ("key", "value"),
}

_V2_MODIFIED = ("modified_at", "modified_by", "row_version")
_V2_KEYED = ("uid",) + _V2_MODIFIED

# Schema version 2 (main 7ad3a28): row_version, uid and modified_at/by on every versioned table.
V2_COLUMNS = {
    "districts": V1_COLUMNS["districts"] + _V2_MODIFIED,
    "neighbourhoods": V1_COLUMNS["neighbourhoods"] + _V2_MODIFIED,
    "interventions_point": _INTERVENTION + ("row_version",),
    "interventions_line": _INTERVENTION + ("row_version",),
    "interventions_polygon": _INTERVENTION + ("row_version",),
    "programme_projects_point": _PROJECT + _V2_MODIFIED,
    "programme_projects_line": _PROJECT + _V2_MODIFIED,
    "programme_projects_polygon": _PROJECT + _V2_MODIFIED,
    "funding": V1_COLUMNS["funding"] + _V2_KEYED,
    "links": V1_COLUMNS["links"] + _V2_KEYED,
    "area_goals": V1_COLUMNS["area_goals"] + _V2_KEYED,
    "area_budgets": V1_COLUMNS["area_budgets"] + _V2_KEYED,
    "findings": V1_COLUMNS["findings"] + _V2_MODIFIED,
    "value_lists": V1_COLUMNS["value_lists"],
    "settings": V1_COLUMNS["settings"] + _V2_MODIFIED,
    "schema_info": V1_COLUMNS["schema_info"],
}

# Schema version 3 (main 4574799): quarters, indicative, contact and baseline year on the interventions,
# table effect_measurements, the certainty of a finding. Version 4 changed no column (how uid is kept unique).
_V3_INTERVENTION = (
    "uid", "title", "description", "domain", "kind", "theme", "district_id", "neighbourhood_id", "city_wide",
    "needs_review", "start_year", "end_year", "start_quarter", "end_quarter", "indicative", "status", "priority",
    "budget", "lead_party", "contact", "funder", "programme_code", "goal_ref", "initiator", "effect_indicator",
    "baseline", "baseline_year", "target") + _AUDIT + ("row_version",)
V3_COLUMNS = {
    **{t: V2_COLUMNS[t] for t in ("districts", "neighbourhoods")},
    **{t: _V3_INTERVENTION for t in ("interventions_point", "interventions_line", "interventions_polygon")},
    **{t: V2_COLUMNS[t] for t in ("programme_projects_point", "programme_projects_line",
                                  "programme_projects_polygon", "funding")},
    "effect_measurements": ("intervention_uid", "year", "value", "note") + _V2_KEYED,
    **{t: V2_COLUMNS[t] for t in ("links", "area_goals", "area_budgets")},
    "findings": ("finding_id", "rule", "severity", "district_id", "message", "subject_uids", "certainty", "status",
                 "note", "decided_by", "decided_at", "first_seen", "last_seen") + _V2_MODIFIED,
    **{t: V2_COLUMNS[t] for t in ("value_lists", "settings", "schema_info")},
}

COLUMNS = {1: V1_COLUMNS, 2: V2_COLUMNS, 3: V3_COLUMNS}


def columns_of(version: int) -> dict:
    """table -> attribute column names of a programme of schema *version* (the current one: schema.TABLES)."""
    if version >= schema.SCHEMA_VERSION:
        return {t.name: tuple(t.field_names) for t in schema.TABLES}
    return COLUMNS[version]


def tables_of(version: int) -> tuple:
    """The names of the tables a programme of schema *version* has (a later step creates the others)."""
    return tuple(columns_of(version))


def expected_fields(version: int) -> dict:
    """table -> [schema.Field] that a programme of *version* must hold, typed as today's schema types them.

    A column of an earlier version that today's schema no longer has is not checked (a later step
    would have to say what it becomes).
    """
    names = columns_of(version)
    out = {}
    for table in schema.TABLES:
        if table.name in names:
            wanted = set(names[table.name])
            out[table.name] = [f for f in table.fields if f.name in wanted]
    return out


def added_columns(from_version: int) -> dict:
    """table -> names of the columns the upgrade from *from_version* to the current version adds."""
    before = columns_of(from_version)
    return {t.name: [f for f in t.field_names if f not in before.get(t.name, ())] for t in schema.TABLES}
