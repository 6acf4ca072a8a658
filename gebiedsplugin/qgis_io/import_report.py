"""The import's report in words: one translated sentence per rejected row, counts, notes; text or JSON."""

from __future__ import annotations

import json
import math

from gebiedsplugin.core import import_rows as ir
from gebiedsplugin.core import schema
from gebiedsplugin.core.import_mapping import table_for
from gebiedsplugin.core.texts import number_in, separators
from gebiedsplugin.qgis_io.import_fields import target_label
from gebiedsplugin.toolbelt.i18n import tr, ui_language


def _templates() -> dict:
    # One literal per code so the translation tool finds them. {where} names the file, the row (line,
    # sheet row, fid or feature) and the row's key; {field} the field with its alias.
    return {
        ir.MANDATORY: tr("{where}: {field} is mandatory but empty."),
        ir.NOT_NUMBER: tr("{where}: {field} must be a number, not '{value}'."),
        ir.NOT_INTEGER: tr("{where}: {field} must be a whole number, not '{value}'."),
        ir.OUT_OF_RANGE: tr("{where}: {field} = {value} is outside {extra}."),
        "below_minimum": tr("{where}: {field} = {value} is below the minimum {extra}."),
        "negative": tr("{where}: {field} = {value} is negative; it must be 0 or more."),
        ir.IMPLAUSIBLE_YEAR: tr("{where}: {field} = {value} is not a plausible year (not between {extra}); "
                                "nothing outside it is accepted."),
        ir.IMPLAUSIBLE_AMOUNT: tr("{where}: {field} = {value} is not a plausible amount (more than {extra} EUR); "
                                  "check the unit and the decimal separator."),
        ir.UNKNOWN_CODE: tr("{where}: {field} has an unknown value '{value}' (not in the list '{extra}')."),
        ir.NOT_BOOLEAN: tr("{where}: {field} must be yes or no, not '{value}'."),
        ir.BAD_ENCODING: tr("{where}: {field} holds text that is not valid UTF-8 ('{value}'); "
                            "set the source's encoding (for a shapefile: its .cpg file)."),
        ir.DUPLICATE_KEY: tr("{where}: key {field} = '{value}' occurs more than once in the source "
                             "(also at {extra})."),
        ir.END_BEFORE_START: tr("{where}: {field} = {value} is before {other} = {extra}."),
        ir.NO_GEOMETRY: tr("{where}: the geometry is missing."),
        ir.WRONG_GEOMETRY: tr("{where}: the geometry is a {value}, which does not fit this target."),
        ir.INVALID_GEOMETRY: tr("{where}: the geometry is invalid and cannot be repaired safely ({value})."),
        ir.REPAIRED_GEOMETRY: tr("{where}: the geometry was invalid and has been repaired ({value})."),
        ir.FAR_OUTSIDE: tr("{where}: the geometry lies {value} km outside the programme's districts "
                           "(more than {extra} km): are the coordinates in another CRS than the source says? "
                           "Set the source CRS."),
        ir.FAR_OUTSIDE_CRS: tr("{where}: the geometry lies {value} km outside the area where the programme's CRS "
                               "applies (more than {extra} km): are the coordinates in another CRS than the source "
                               "says? Set the source CRS."),
        ir.EXPRESSION_FAILED: tr("{where}: the expression for {field} fails ({value})."),
        "transform_failed": tr("{where}: the geometry cannot be transformed to the programme's CRS ({value})."),
        ir.UNKNOWN_DISTRICT: tr("{where}: {field} '{value}' is not a district of this programme "
                                "(its districts: {extra})."),
        ir.UNKNOWN_NEIGHBOURHOOD: tr("{where}: {field} '{value}' is not a neighbourhood of this programme."),
        ir.NEIGHBOURHOOD_ELSEWHERE: tr("{where}: {field} '{value}' is not a neighbourhood of district '{extra}' "
                                       "but of district '{other}'."),
    }


_LISTED = 12  # known district ids named in a refusal, at most


def field_label(target: str, name) -> str:
    """'start_year (Startjaar)' in the UI language; the name alone when not a schema field."""
    try:
        f = table_for(target).field(name)
    except KeyError:
        return str(name)
    alias = f.alias_in(ui_language())
    return "{} ({})".format(name, alias)


def describe(issue: ir.Issue, target: str, places=None) -> str:
    """One sentence for *issue*: where (file, row, key), which field, which value, what is wrong.

    *places* (a SourcePlaces) names the file and the row's line, sheet row, fid or feature; without it
    the row is named by its position ('feature 3')."""
    code = issue.code
    extra = issue.extra
    value = issue.value
    other = field_label(target, "start_year")  # the other field of END_BEFORE_START
    if code == ir.OUT_OF_RANGE and extra:
        lo, hi = extra
        if hi is None and lo is not None:
            code, extra = ("negative" if lo == 0 else "below_minimum"), _num(lo)
        else:
            extra = "{}–{}".format("" if lo is None else _num(lo), "" if hi is None else _num(hi))
    elif code == ir.IMPLAUSIBLE_YEAR:
        extra = "{}–{}".format(*extra)
    elif code == ir.IMPLAUSIBLE_AMOUNT:
        extra = number_in(ui_language(), extra)
    elif code in (ir.FAR_OUTSIDE, ir.FAR_OUTSIDE_CRS):
        point = separators(ui_language())[1]
        value = "{:.1f}".format(value / 1000.0).replace(".", point)
        extra = "{:g}".format(extra / 1000.0).replace(".", point)
    elif code == ir.DUPLICATE_KEY and isinstance(extra, list):
        extra = ", ".join(places.place(e) if places is not None else str(e) for e in extra)
    elif code == ir.UNKNOWN_DISTRICT:
        extra = ", ".join(extra[:_LISTED]) + (", …" if len(extra) > _LISTED else "")
    elif code == ir.NEIGHBOURHOOD_ELSEWHERE:
        extra, other = extra
    elif isinstance(extra, list):
        extra = ", ".join(str(e) for e in extra)
    template = _templates().get(code, "{where}: {value}")
    field_text = issue.field or ""
    if issue.field and issue.field != ir.GEOMETRY and "," not in issue.field:
        field_text = field_label(target, issue.field)
    where = places.where(issue.row, issue.key) if places is not None else _plain_where(issue)
    return template.format(where=where, field=field_text, value=value, extra=extra, other=other)


def unchecked_text(target: str, name: str) -> str:
    """The note for area field *name* that could not be checked: the programme has none of those yet."""
    if name == "district_id":
        return tr("{} was not checked: the programme has no districts yet. Import the districts, then run the "
                  "check.").format(field_label(target, name))
    return tr("{} was not checked: the programme has no neighbourhoods yet. Import the neighbourhoods, then run "
              "the check.").format(field_label(target, name))


def _plain_where(issue: ir.Issue) -> str:
    text = tr("feature {}").format(issue.row)
    return "{} ({})".format(text, issue.key) if issue.key else text


def _num(x) -> str:
    return str(int(x)) if float(x) == int(x) else str(x)


def counts_text(counts: dict) -> str:
    """'added 3, updated 1, unchanged 10, rejected 0'."""
    return tr("added {added}, updated {updated}, unchanged {unchanged}, rejected {rejected}").format(**counts)


def _would_text(counts: dict) -> str:
    return tr("would add {added}, update {updated}, leave {unchanged} unchanged, reject {rejected}").format(**counts)


def summary_text(result) -> str:
    """The one line that says what an import did or would do, in the file's and the programme's words."""
    counts = result.plan.counts()
    places = getattr(result, "places", None)
    source = places.name if places is not None and places.name else tr("the source")
    target = target_label(result.target)
    if result.dry_run:
        return tr("Dry run of {source} into {target} (nothing written): {counts}.").format(
            source=source, target=target, counts=_would_text(counts))
    if result.written and counts["rejected"]:
        return tr("Imported the valid rows of {source} into {target}: {counts}; the rejected rows were skipped.") \
            .format(source=source, target=target, counts=counts_text(counts))
    if result.written:
        return tr("Imported {source} into {target}: {counts}.").format(
            source=source, target=target, counts=counts_text(counts))
    total = sum(counts.values())
    return tr("Nothing imported from {source} into {target}: {rejected} of %n row(s) rejected.", "", total).format(
        source=source, target=target, rejected=counts["rejected"])


def advice_text(result) -> str:
    """What to do about rejected rows when they stopped (or would stop) the import; '' otherwise."""
    counts = result.plan.counts()
    if not counts["rejected"] or result.written or getattr(result, "valid_only", False):
        return ""
    valid = counts["added"] + counts["updated"] + counts["unchanged"]
    if not valid:
        return tr("Correct the rejected rows and import again.")
    return tr("Correct the rejected rows, or import the valid rows only (%n row(s)).", "", valid)


def report_text(result) -> str:
    """The whole report as text: the summary, one line per rejected row, notes, and the advice."""
    lines = [summary_text(result)]
    places = getattr(result, "places", None)
    lines += [describe(i, result.target, places) for i in result.plan.rejected]
    lines += [describe(i, result.target, places) for i in result.plan.notes]
    lines += result.messages
    advice = advice_text(result)
    if advice:
        lines.append(advice)
    return "\n".join(lines)


def report_json(result) -> str:
    """The report as JSON: target, dry_run, written, counts, rejected [{row, field, code, message}], notes."""
    places = getattr(result, "places", None)

    def item(i):
        return {"row": i.row, "place": places.place(i.row) if places is not None else None, "key": i.key,
                "field": i.field, "value": _json_value(i.value), "code": i.code,
                "message": describe(i, result.target, places)}

    return json.dumps({
        "target": result.target, "dry_run": result.dry_run, "written": result.written,
        "counts": result.plan.counts(), "rejected": [item(i) for i in result.plan.rejected],
        "notes": [item(i) for i in result.plan.notes] + [{"message": m} for m in result.messages],
        "crs": schema.DEFAULT_CRS if not result.crs else result.crs,
        "source": places.name if places is not None else None,
    }, ensure_ascii=False, indent=1)


def _json_value(value):
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    return str(value)
