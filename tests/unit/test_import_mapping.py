"""Import mapping proposals: field names and aliases (EN/NL), synonyms, value lists."""

from __future__ import annotations

import json

import pytest

from gebiedsplugin.core.import_mapping import (
    mapping_to_json,
    match_value,
    normalise,
    parse_mapping,
    propose_mapping,
    propose_values,
    unmapped_mandatory,
)
from gebiedsplugin.core.value_lists import value_list


def test_normalise_ignores_case_accents_and_separators():
    assert normalise("Start-Jaar") == normalise("start_jaar") == "startjaar"
    assert normalise("Categorie\u00eb") == "categoriee"


def test_proposal_for_a_dutch_mjp_shapefile():
    fields = ["Projectcode", "Titel", "THEMA", "stadsdeel", "begin", "Eindjaar", "bedrag", "Status", "fid"]
    assert propose_mapping(fields, "programme_projects") == {
        "programme_code": "Projectcode", "title": "Titel", "theme": "THEMA", "district_id": "stadsdeel",
        "start_year": "begin", "end_year": "Eindjaar", "budget": "bedrag", "status": "Status"}


def test_proposal_uses_english_names_and_aliases():
    fields = ["uid", "Title", "Domain", "Kind", "Theme", "Start year", "end_year", "Budget (EUR)", "Lead party"]
    proposal = propose_mapping(fields, "interventions")
    assert proposal["start_year"] == "Start year"
    assert proposal["budget"] == "Budget (EUR)"
    assert proposal["lead_party"] == "Lead party"
    assert proposal["uid"] == "uid"
    assert "created_at" not in proposal


def test_proposal_synonyms_and_key_code():
    assert propose_mapping(["code", "naam"], "districts") == {"district_id": "code", "name": "naam"}
    assert propose_mapping(["stadsdeel", "jaar", "bedrag"], "area_budgets") == {
        "district_id": "stadsdeel", "year": "jaar", "amount": "bedrag"}
    assert propose_mapping(["startjaar"], "interventions") == {"start_year": "startjaar"}


def test_proposal_prefers_exact_name_and_uses_each_source_once():
    proposal = propose_mapping(["name", "naam"], "districts")
    assert proposal == {"name": "name"}


def test_proposal_matches_truncated_shapefile_names():
    assert propose_mapping(["omschrijvi"], "interventions") == {"description": "omschrijvi"}


def test_values_from_codes_and_labels_case_insensitive():
    assert match_value("Fysiek", value_list("domain")) == "physical"
    assert match_value("onderhoud", value_list("kind")) == "maintenance"
    assert match_value("In uitvoering", value_list("status")) == "in_progress"
    assert match_value("IN_PROGRESS", value_list("status")) == "in_progress"
    assert match_value("Groen en water", value_list("theme")) == "green"
    assert match_value("Rijk", value_list("funder")) == "national"
    assert match_value("onbekend", value_list("kind")) is None
    assert propose_values(["Fysiek", "Sociaal", "x", None, ""], value_list("domain")) == {
        "Fysiek": "physical", "Sociaal": "social", "x": None}


def test_parse_mapping_json_forms():
    spec = json.dumps({"title": "Titel", "domain": {"field": "dom", "values": {"F": "physical"}}})
    mapping = parse_mapping(spec, ["Titel", "dom"], "interventions")
    assert mapping["title"].field == "Titel" and mapping["domain"].values == {"F": "physical"}
    assert json.loads(mapping_to_json(mapping)) == json.loads(spec)
    assert set(parse_mapping("", ["Titel", "naam"], "districts")) == {"name"}


@pytest.mark.parametrize("spec, code", [
    ("{not json", "bad_json"), ('{"nope": "Titel"}', "unknown_target_field"), ('{"title": "missing"}',
                                                                               "unknown_source_field")])
def test_parse_mapping_refuses(spec, code):
    with pytest.raises(ValueError) as info:
        parse_mapping(spec, ["Titel"], "interventions")
    assert info.value.args[0] == code


@pytest.mark.parametrize("spec", ['{"title": ["Titel"]}', '{"title": {"field": ["Titel"]}}',
                                  '{"domain": {"field": "Titel", "values": ["physical"]}}'])
def test_parse_mapping_refuses_malformed_entries_with_a_value_error(spec):
    # A list where a field name or a value mapping belongs is malformed JSON for the mapping, not a crash.
    with pytest.raises(ValueError) as info:
        parse_mapping(spec, ["Titel"], "interventions")
    assert info.value.args[0] == "bad_json"


def test_unmapped_mandatory():
    assert unmapped_mandatory("districts", {"name": object()}) == ["district_id"]
    assert "uid" not in unmapped_mandatory("interventions", {})


def test_target_guessed_from_field_names_and_geometry():
    from gebiedsplugin.core.import_mapping import propose_target

    acties = ["uid", "titel", "domein", "soort", "thema", "begin", "eind", "lon", "lat"]
    assert propose_target(acties, "point") == "interventions"
    assert propose_target(acties, None) == "interventions"  # a CSV whose x/y were not recognised
    assert propose_target(["code", "naam"], "polygon") == "districts"  # ties go to the first target
    assert propose_target(["buurtcode", "naam", "stadsdeel"], "polygon") == "neighbourhoods"
    assert propose_target(["Projectcode", "Titel", "THEMA", "begin", "Eindjaar", "bedrag"], "line") == \
        "programme_projects"
    assert propose_target(["stadsdeel", "jaar", "bedrag"], None) == "area_budgets"
    assert propose_target(["stadsdeel", "thema", "prio"], None) == "area_goals"
    # points cannot be districts, whatever the names say
    assert propose_target(["code", "naam"], "point") != "districts"
    assert propose_target(["kolom1", "kolom2"], "polygon") is None  # nothing to guess from


def test_row_version_is_kept_by_the_programme_not_imported():
    assert "row_version" not in propose_mapping(["row_version", "naam", "code"], "districts")
