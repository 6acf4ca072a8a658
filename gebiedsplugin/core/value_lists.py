"""The default value lists: code -> label, declared once.

A coded field names its list (schema.Field.value_list); a new programme stores these lists in its table
value_lists, where a municipality may rename a code (stored_label). The labels are English sources,
translated per language. Pure Python: no QGIS, no Qt.
"""

from __future__ import annotations

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, tr_in

VALUE_LISTS = {
    "domain": {"physical": QT_TRANSLATE_NOOP("values", "Physical"), "social": QT_TRANSLATE_NOOP("values", "Social")},
    "kind": {
        "intervention": QT_TRANSLATE_NOOP("values", "Intervention"),
        "maintenance": QT_TRANSLATE_NOOP("values", "Maintenance"),
        "initiative": QT_TRANSLATE_NOOP("values", "Initiative"),
        "statutory": QT_TRANSLATE_NOOP("values", "Statutory task"),
    },
    "status": {
        "idea": QT_TRANSLATE_NOOP("values", "Idea"),
        "planned": QT_TRANSLATE_NOOP("values", "Planned"),
        "in_progress": QT_TRANSLATE_NOOP("values", "In progress"),
        "done": QT_TRANSLATE_NOOP("values", "Done"),
        "cancelled": QT_TRANSLATE_NOOP("values", "Cancelled"),
    },
    "initiator": {
        "municipality": QT_TRANSLATE_NOOP("values", "Municipality"),
        "residents": QT_TRANSLATE_NOOP("values", "Residents"),
        "partner": QT_TRANSLATE_NOOP("values", "Partner"),
    },
    "theme": {
        "public_space": QT_TRANSLATE_NOOP("values", "Public space"),
        "green": QT_TRANSLATE_NOOP("values", "Green and water"),
        "mobility": QT_TRANSLATE_NOOP("values", "Mobility"),
        "sewer": QT_TRANSLATE_NOOP("values", "Sewer"),
        "housing": QT_TRANSLATE_NOOP("values", "Housing"),
        "education": QT_TRANSLATE_NOOP("values", "Education"),
        "care": QT_TRANSLATE_NOOP("values", "Care and wellbeing"),
        "safety": QT_TRANSLATE_NOOP("values", "Safety"),
        "work_income": QT_TRANSLATE_NOOP("values", "Work and income"),
        "energy": QT_TRANSLATE_NOOP("values", "Energy transition"),
    },
    "funder": {
        "municipality": QT_TRANSLATE_NOOP("values", "Municipality"),
        "housing_corporation": QT_TRANSLATE_NOOP("values", "Housing corporation"),
        "health_insurer": QT_TRANSLATE_NOOP("values", "Health insurer"),
        "province": QT_TRANSLATE_NOOP("values", "Province"),
        "water_board": QT_TRANSLATE_NOOP("values", "Water board"),
        "national": QT_TRANSLATE_NOOP("values", "National government"),
    },
    "relation": {
        "supports": QT_TRANSLATE_NOOP("values", "Supports"),
        "combines_with": QT_TRANSLATE_NOOP("values", "Combines with"),
        "depends_on": QT_TRANSLATE_NOOP("values", "Depends on"),
    },
    "finding_status": {
        "open": QT_TRANSLATE_NOOP("values", "Open"),
        "accepted": QT_TRANSLATE_NOOP("values", "Accepted"),
        "resolved": QT_TRANSLATE_NOOP("values", "Resolved"),
        "false_positive": QT_TRANSLATE_NOOP("values", "False positive"),
        "combine": QT_TRANSLATE_NOOP("values", "Combine"),  # decisions on chances (rule combination_chance)
        "not_combine": QT_TRANSLATE_NOOP("values", "Do not combine"),
    },
    "severity": {
        "error": QT_TRANSLATE_NOOP("values", "Error"),
        "warning": QT_TRANSLATE_NOOP("values", "Warning"),
        "info": QT_TRANSLATE_NOOP("values", "Info"),
        "chance": QT_TRANSLATE_NOOP("values", "Chance"),
    },
    # A finding about an indicative period is only possible (core/periods.py).
    "certainty": {
        "certain": QT_TRANSLATE_NOOP("values", "Certain"),
        "possible": QT_TRANSLATE_NOOP("values", "Possible"),
    },
}


def value_codes(list_name: str) -> list:
    """Codes of a default value list, in order."""
    return list(VALUE_LISTS[list_name])


def label_text(list_name: str, code: str):
    """The Text of *code* in a default value list; the code itself (a str) when unknown."""
    return VALUE_LISTS.get(list_name, {}).get(code, code)


def label(list_name: str, code: str, lang: str = "en") -> str:
    """Label of *code* in a value list, in language *lang*; the code itself when unknown."""
    entry = VALUE_LISTS.get(list_name, {}).get(code)
    return code if entry is None else tr_in(lang, entry)


def value_list(list_name: str) -> dict:
    """A default value list as the programme stores it: {code: (English label, Dutch label)}."""
    return {code: (text.source, tr_in("nl", text)) for code, text in VALUE_LISTS.get(list_name, {}).items()}


def value_lists() -> dict:
    """Every default value list as the programme stores it: {list: {code: (English label, Dutch label)}}."""
    return {name: value_list(name) for name in VALUE_LISTS}


def stored_label(list_name: str, code: str, labels: tuple, lang: str) -> str:
    """The label of *code* in *lang* from a programme's stored (English, Dutch) *labels*; another
    language translates the default label, unless the programme named the code otherwise."""
    if lang == "nl":
        return labels[1]
    default = VALUE_LISTS.get(list_name, {}).get(code)
    if lang == "en" or default is None or labels[0] != default.source:
        return labels[0]
    return tr_in(lang, default)


def value_list_rows() -> list:
    """(list, code, English label, Dutch label) of every default value list: a new programme's value_lists."""
    return [(name, code, en, nl) for name in VALUE_LISTS for code, (en, nl) in value_list(name).items()]
