"""The declarative schema is consistent (what core may import: the layering contract, test_layering.py)."""

from __future__ import annotations

from gebiedsplugin.core import schema
from gebiedsplugin.core.codes import slug, unique_codes
from gebiedsplugin.core.value_lists import VALUE_LISTS, label, value_lists


def test_contract_tables_exist():
    names = {t.name for t in schema.TABLES}
    assert {"districts", "neighbourhoods", "funding", "links", "area_goals", "area_budgets", "findings",
            "settings", "schema_info"} <= names
    assert set(schema.INTERVENTION_TABLES) | set(schema.PROJECT_TABLES) <= names


def test_intervention_contract_fields_and_mandatory():
    t = schema.table("interventions_point")
    contract = ("uid title description domain kind theme district_id neighbourhood_id city_wide start_year end_year "
                "status priority budget lead_party funder programme_code goal_ref initiator effect_indicator "
                "baseline target created_at created_by modified_at modified_by").split()
    assert set(contract) <= set(t.field_names)
    assert {f.name for f in t.fields if f.mandatory} >= {"title", "domain", "kind", "theme", "start_year", "end_year"}


def test_value_lists_referenced_exist_and_have_both_languages():
    for t in schema.TABLES:
        for f in t.fields:
            if f.value_list:
                assert f.value_list in VALUE_LISTS, (t.name, f.name)
    for codes in value_lists().values():
        for en, nl in codes.values():
            assert en and nl


def test_every_field_has_both_aliases_and_a_known_type():
    for t in schema.TABLES:
        assert t.alias_en and t.alias_nl
        for f in t.fields:
            assert f.alias_en and f.alias_nl, (t.name, f.name)
            assert f.type in (schema.TEXT, schema.INTEGER, schema.REAL, schema.BOOLEAN, schema.DATETIME)


def test_labels():
    assert label("kind", "maintenance", "nl") == "Onderhoud"
    assert label("kind", "maintenance") == "Maintenance"
    assert label("kind", "unknown_code", "nl") == "unknown_code"


def test_codes_from_names():
    assert slug("Zuid-West") == "zuid_west"
    assert slug("Ĳmuiden Noord") == "muiden_noord" or slug("Ĳmuiden Noord").endswith("muiden_noord")
    assert unique_codes(["Oost", "oost", "Noord"]) == ["oost", "oost_2", "noord"]
    assert unique_codes(["A", "A", "A 2"]) == ["a", "a_2", "a_2_2"]  # no two districts share a code
    assert unique_codes(["City", "Noord"]) == ["city_2", "noord"]  # `city` is the whole-city row
