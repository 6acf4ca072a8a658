"""The import's report in words: one translated sentence per rejected row, counts, notes; text or JSON."""

from __future__ import annotations

import json

from gebiedsplugin.core import import_rows as ir
from gebiedsplugin.core import schema
from gebiedsplugin.core.import_mapping import table_for
from gebiedsplugin.toolbelt.i18n import tr, ui_language


def _templates() -> dict:
    # One literal per code so the translation tool finds them.
    return {
        ir.MANDATORY: tr("Row {row}: {field} is mandatory but empty."),
        ir.NOT_NUMBER: tr("Row {row}: {field} must be a number, not '{value}'."),
        ir.NOT_INTEGER: tr("Row {row}: {field} must be a whole number, not '{value}'."),
        ir.OUT_OF_RANGE: tr("Row {row}: {field} = {value} is outside {extra}."),
        ir.UNKNOWN_CODE: tr("Row {row}: {field} has an unknown value '{value}' (not in the list '{extra}')."),
        ir.NOT_BOOLEAN: tr("Row {row}: {field} must be yes or no, not '{value}'."),
        ir.BAD_ENCODING: tr("Row {row}: {field} holds text that is not valid UTF-8 ('{value}'); "
                            "set the source's encoding (for a shapefile: its .cpg file)."),
        ir.DUPLICATE_KEY: tr("Row {row}: key {field} = '{value}' occurs more than once in the source "
                             "(also in row {extra})."),
        ir.END_BEFORE_START: tr("Row {row}: end year {value} is before start year {extra}."),
        ir.NO_GEOMETRY: tr("Row {row}: no geometry."),
        ir.WRONG_GEOMETRY: tr("Row {row}: a {value} geometry does not fit this target."),
        ir.INVALID_GEOMETRY: tr("Row {row}: invalid geometry that cannot be repaired safely ({value})."),
        ir.REPAIRED_GEOMETRY: tr("Row {row}: invalid geometry repaired ({value})."),
        "transform_failed": tr("Row {row}: the geometry cannot be transformed to the programme's CRS ({value})."),
    }


def field_label(target: str, name) -> str:
    """'start_year (Startjaar)' in the UI language; the name alone when not a schema field."""
    try:
        f = table_for(target).field(name)
    except KeyError:
        return str(name)
    alias = f.alias_nl if ui_language() == "nl" else f.alias_en
    return "{} ({})".format(name, alias)


def describe(issue: ir.Issue, target: str) -> str:
    """One sentence for *issue*."""
    template = _templates().get(issue.code, "{row}: {value}")
    extra = issue.extra
    if issue.code == ir.OUT_OF_RANGE and extra:
        lo, hi = extra
        extra = "{}–{}".format("" if lo is None else _num(lo), "" if hi is None else _num(hi))
    elif isinstance(extra, list):
        extra = ", ".join(str(e) for e in extra)
    field_text = field_label(target, issue.field) if issue.field and "," not in issue.field else issue.field
    return template.format(row=issue.row, field=field_text, value=issue.value, extra=extra)


def _num(x) -> str:
    return str(int(x)) if float(x) == int(x) else str(x)


def counts_text(counts: dict) -> str:
    """'added 3, updated 1, unchanged 10, rejected 0'."""
    return tr("added {added}, updated {updated}, unchanged {unchanged}, rejected {rejected}").format(**counts)


def report_text(result) -> str:
    """The whole report as text (header, counts, reasons, notes)."""
    if result.dry_run:
        head = tr("Dry run into {target} (nothing written): {counts}.")
    elif result.written:
        head = tr("Imported into {target}: {counts}.")
    else:
        head = tr("Nothing imported into {target}: {counts}.")
    lines = [head.format(target=result.target, counts=counts_text(result.plan.counts()))]
    lines += [describe(i, result.target) for i in result.plan.rejected]
    lines += [describe(i, result.target) for i in result.plan.notes]
    lines += result.messages
    return "\n".join(lines)


def report_json(result) -> str:
    """The report as JSON: target, dry_run, written, counts, rejected [{row, field, code, message}], notes."""
    def item(i):
        return {"row": i.row, "field": i.field, "code": i.code, "message": describe(i, result.target)}

    return json.dumps({
        "target": result.target, "dry_run": result.dry_run, "written": result.written,
        "counts": result.plan.counts(), "rejected": [item(i) for i in result.plan.rejected],
        "notes": [item(i) for i in result.plan.notes] + [{"message": m} for m in result.messages],
        "crs": schema.DEFAULT_CRS if not result.crs else result.crs,
    }, ensure_ascii=False, indent=1)
