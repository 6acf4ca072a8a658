"""The export schema: one definition in code, documented in docs/export_schema.md; they must agree."""

from __future__ import annotations

import re
from pathlib import Path

from gebiedsplugin.core import schema
from gebiedsplugin.core.export_schema import EXPORT_FIELDS, EXPORT_SCHEMA_VERSION, schema_document
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.core.unified import FIELD_NAMES, build_unified
from gebiedsplugin.core.value_lists import VALUE_LISTS, value_codes

DOC = Path(__file__).resolve().parents[2] / "docs" / "export_schema.md"


def _doc_rows() -> dict:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `([a-z_]+)` \|(.*)\|$", line)
        if m:
            cells = [c.strip() for c in m.group(2).split(" | ")]
            rows[m.group(1)] = cells
    return rows


def test_document_lists_every_field_of_the_code_and_no_other():
    rows = _doc_rows()
    assert list(rows) == [f.name for f in EXPORT_FIELDS] == list(FIELD_NAMES)


def test_document_agrees_with_the_code_field_by_field():
    rows = _doc_rows()
    types = {schema.TEXT: "text", schema.INTEGER: "integer", schema.REAL: "real"}
    for f in EXPORT_FIELDS:
        ftype, unit, codes, meaning_en, meaning_nl = rows[f.name]
        assert ftype == types[f.type], f.name
        assert unit == f.unit, f.name
        assert re.findall(r"`([^`]+)`", codes) == [str(c) for c in f.code_list()], f.name
        assert meaning_en == f.meaning_en and meaning_nl == f.meaning_nl, f.name
        assert f.meaning_en and f.meaning_nl and f.alias_en and f.alias_nl, f.name


def test_document_names_the_version():
    assert "**{}**".format(EXPORT_SCHEMA_VERSION) in DOC.read_text(encoding="utf-8")


def test_schema_document_and_data_carry_the_version():
    doc = schema_document()
    assert doc["schema_version"] == EXPORT_SCHEMA_VERSION
    assert [f["name"] for f in doc["fields"]] == list(FIELD_NAMES)
    assert next(f for f in doc["fields"] if f["name"] == "status")["codes"] == list(VALUE_LISTS["status"])
    programme, _ = generate_sample(seed=3, interventions=40, projects=5)
    unified = build_unified(programme)
    items = unified.all_items()
    assert items and all(item.get("schema_version") == EXPORT_SCHEMA_VERSION for item in items)
    for f in EXPORT_FIELDS:  # every coded value in the data is in its code list
        if f.codes and f.name != "funders":
            values = {item.get(f.name) for item in items} - {None}
            assert values <= set(f.code_list()), (f.name, values - set(f.code_list()))
    funders = {c for item in items for c in (item.get("funders") or "").split(", ") if c}
    assert funders and funders <= set(value_codes("funder"))
