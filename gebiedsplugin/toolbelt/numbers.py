"""Numbers, amounts and durations as the user's locale writes them: the one home for number texts.

The UI language follows ``QgsApplication.locale()`` (toolbelt.i18n); numbers follow the QLocale
QGIS sets as the default from its "numbers, date and currency" locale. A text for another language
(an export in English from a Dutch QGIS) takes that language's own locale.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QDateTime, QLocale, Qt

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, tr_in
from gebiedsplugin.toolbelt.i18n import ui_language

_LANG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # other languages: Qt's locale of the language
MILLIONS = QT_TRANSLATE_NOOP("numbers", "€ {}M")  # a short amount in millions, e.g. on a chart's axis
BILLIONS = QT_TRANSLATE_NOOP("numbers", "€ {}B")  # in billions


def number_locale(lang: str | None = None) -> QLocale:
    """The QLocale for number texts: QGIS's default, or *lang*'s own when that is another language.

    Group separators are always on: QGIS omits them by default ("locale/showGroupSeparator"), but
    "€ 262937000" is not how anyone reads an amount.
    """
    locale = QLocale()
    if lang is not None and lang != ui_language() and not _speaks(locale, lang):
        locale = QLocale(_LANG_LOCALES.get(lang, lang))
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale


def _speaks(locale: QLocale, lang: str) -> bool:
    return locale.name().lower().startswith(lang.lower())


def number(value, decimals: int | None = None, lang: str | None = None) -> str:
    """'65,8' / '65.8'; '1.234' with *decimals* 0; without *decimals* as few as the value needs
    (at most 6 significant digits). '' for None."""
    if value is None:
        return ""
    value = float(value)
    locale = number_locale(lang)
    if decimals is None:
        if value.is_integer() and abs(value) < 1e15:
            return locale.toString(value, "f", 0)
        return locale.toString(value, "g", 6)
    return locale.toString(value, "f", decimals)


def amount(value, lang: str | None = None) -> str:
    """Whole euros with thousands separators: '€ 262.937.000' (Dutch) / '€ 262,937,000' (English)."""
    return "€ {}".format(number(round(float(value or 0)), 0, lang))


def money_short(value, lang: str | None = None) -> str:
    """Short money text for charts: '€ 1,2 mld' / '€ 1.2B', '€ 1,2 mln' / '€ 1.2M', '€ 950k', '€ 400'.
    Each bound is where the rounded text would reach the next form: 999,960 is '€ 1,0 mln', not '€ 1000k'."""
    value = float(value or 0)
    if abs(value) >= 999.95e6:
        return tr_in(lang or ui_language(), BILLIONS).format(number(value / 1e9, 1, lang))
    if abs(value) >= 999.5e3:
        return tr_in(lang or ui_language(), MILLIONS).format(number(value / 1e6, 1, lang))
    if abs(value) >= 999.5:
        return "€ {}k".format(number(value / 1e3, 0, lang))
    return "€ {}".format(number(value, 0, lang))


def seconds(value, lang: str | None = None) -> str:
    """A duration in seconds with one decimal: '0,4' / '0.4'."""
    return number(value or 0.0, 1, lang)


def percent(value, decimals: int = 0, lang: str | None = None) -> str:
    """'42 %' from 42.0."""
    return "{} %".format(number(value, decimals, lang))


def date_time(value, lang: str | None = None) -> str:
    """A stored timestamp ('2026-12-06T13:25:06Z', UTC) in local time, as the locale writes a short
    date and time ('06-12-2026 14:25' / '06/12/2026 14:25'); '' for none, the text itself if unreadable."""
    if value in (None, ""):
        return ""
    stamp = QDateTime.fromString(str(value), Qt.DateFormat.ISODate)
    if not stamp.isValid():
        return str(value)
    return number_locale(lang).toString(stamp.toLocalTime(), QLocale.FormatType.ShortFormat)
