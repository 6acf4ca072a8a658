"""The district dossier's words (English source texts, looked up per dossier language through Qt
Linguist: the dossier's language is chosen per run, not the UI's) and its numbers, amounts and dates
in that language's format. Pure Python."""

from __future__ import annotations

import datetime

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, number_in, tr_in

T = {
    "title": QT_TRANSLATE_NOOP("dossier", "District dossier"),
    "interventions": QT_TRANSLATE_NOOP("dossier", "Interventions"),
    "per_theme": QT_TRANSLATE_NOOP("dossier", "Per theme"),
    "per_domain": QT_TRANSLATE_NOOP("dossier", "Per domain"),
    "per_kind": QT_TRANSLATE_NOOP("dossier", "Per kind"),
    "funding": QT_TRANSLATE_NOOP("dossier", "Funding status"),
    "findings": QT_TRANSLATE_NOOP("dossier", "Findings of the programme check"),
    "findings_per_rule": QT_TRANSLATE_NOOP("dossier", "Findings per rule"),
    "stacking": QT_TRANSLATE_NOOP("dossier", "Stacking: interventions per neighbourhood and year"),
    "cases": QT_TRANSLATE_NOOP("dossier", "Comparable cases in other districts"),
    "effects": QT_TRANSLATE_NOOP("dossier", "Effects over time"),
    "c_title": QT_TRANSLATE_NOOP("dossier", "Title"),
    "c_theme": QT_TRANSLATE_NOOP("dossier", "Theme"),
    "c_where": QT_TRANSLATE_NOOP("dossier", "Where"),
    "c_when": QT_TRANSLATE_NOOP("dossier", "When"),
    "c_status": QT_TRANSLATE_NOOP("dossier", "Status"),
    "c_budget": QT_TRANSLATE_NOOP("dossier", "Budget"),
    "c_funders": QT_TRANSLATE_NOOP("dossier", "Funders"), "c_code": QT_TRANSLATE_NOOP("dossier", "Programme code"),
    "c_funding": QT_TRANSLATE_NOOP("dossier", "Funding"), "c_shortfall": QT_TRANSLATE_NOOP("dossier", "Shortfall"),
    "c_uid": QT_TRANSLATE_NOOP("dossier", "UID"),
    "c_start": QT_TRANSLATE_NOOP("dossier", "Start year"),
    "c_end": QT_TRANSLATE_NOOP("dossier", "End year"),
    "c_kind": QT_TRANSLATE_NOOP("dossier", "Kind"),
    "c_domain": QT_TRANSLATE_NOOP("dossier", "Domain"),
    "c_count": QT_TRANSLATE_NOOP("dossier", "Number"),
    "c_funded": QT_TRANSLATE_NOOP("dossier", "Funded"),
    "c_rule": QT_TRANSLATE_NOOP("dossier", "Rule"),
    "c_severity": QT_TRANSLATE_NOOP("dossier", "Severity"),
    "c_decision": QT_TRANSLATE_NOOP("dossier", "Decision"),
    "c_note": QT_TRANSLATE_NOOP("dossier", "Note"),
    "c_message": QT_TRANSLATE_NOOP("dossier", "Finding"),
    "c_open": QT_TRANSLATE_NOOP("dossier", "Open"), "c_decided_by": QT_TRANSLATE_NOOP("dossier", "Decided by, on"),
    "c_neighbourhood": QT_TRANSLATE_NOOP("dossier", "Neighbourhood"),
    "c_case": QT_TRANSLATE_NOOP("dossier", "Comparable case"),
    "c_district": QT_TRANSLATE_NOOP("dossier", "District"), "c_score": QT_TRANSLATE_NOOP("dossier", "Similarity (0-3)"),
    "c_indicator": QT_TRANSLATE_NOOP("dossier", "Indicator"), "c_baseline": QT_TRANSLATE_NOOP("dossier", "Baseline"),
    "c_target": QT_TRANSLATE_NOOP("dossier", "Target"),
    "c_year": QT_TRANSLATE_NOOP("dossier", "Year"),
    "c_value": QT_TRANSLATE_NOOP("dossier", "Measured"),
    "c_progress": QT_TRANSLATE_NOOP("dossier", "Progress"),
    "total": QT_TRANSLATE_NOOP("dossier", "Total"),
    "unknown": QT_TRANSLATE_NOOP("dossier", "Unknown"),
    "city_wide": QT_TRANSLATE_NOOP("dossier", "City-wide"),
    "none": QT_TRANSLATE_NOOP("dossier", "None"),
    "stacking_note": QT_TRANSLATE_NOOP("dossier", "More than {} interventions in a neighbourhood in a year is "
                                                  "stacking (marked *)."),
    "effects_note": QT_TRANSLATE_NOOP("dossier", "Measured values per year follow when the programme records them "
                                                 "(schema 3)."),
    "summary": QT_TRANSLATE_NOOP("dossier", "{n} interventions · budget {budget} · funded {funded} · short {short}"),
    "made": QT_TRANSLATE_NOOP("dossier", "Made on {}"),
    "page": QT_TRANSLATE_NOOP("dossier", "Page"),
    "no_rows": QT_TRANSLATE_NOOP("dossier", "Nothing to list."),
}
MONTHS = (
    QT_TRANSLATE_NOOP("months", "January"),
    QT_TRANSLATE_NOOP("months", "February"),
    QT_TRANSLATE_NOOP("months", "March"),
    QT_TRANSLATE_NOOP("months", "April"),
    QT_TRANSLATE_NOOP("months", "May"),
    QT_TRANSLATE_NOOP("months", "June"),
    QT_TRANSLATE_NOOP("months", "July"),
    QT_TRANSLATE_NOOP("months", "August"),
    QT_TRANSLATE_NOOP("months", "September"),
    QT_TRANSLATE_NOOP("months", "October"),
    QT_TRANSLATE_NOOP("months", "November"),
    QT_TRANSLATE_NOOP("months", "December"),
)


def text(key: str, lang: str) -> str:
    return tr_in(lang, T[key])


# --- numbers and dates in the language's format ------------------------------------------------------
def number_text(value, lang: str, decimals: int = 0) -> str:
    """1,234,567.5 (en) / 1.234.567,5 (nl); '' for None."""
    if value is None or value == "":
        return ""
    return number_in(lang, value, decimals)


def money_text(value, lang: str) -> str:
    """€ 1,234,567 / € 1.234.567 (whole euros); '' for None."""
    return "" if value is None or value == "" else "€ " + number_text(round(float(value)), lang)


def date_text(day: datetime.date, lang: str) -> str:
    """6 December 2026 / 6 december 2026."""
    return "{} {} {}".format(day.day, tr_in(lang, MONTHS[day.month - 1]), day.year)
