"""User text in layout labels, printed as written.

A QgsLayoutItemLabel replaces ``$CURRENT_DATE(...)`` in its text and then evaluates every
``[% ... %]`` (there is no switch for either in QGIS 3.22), so a district named ``Wijk [% 6*7 %]``
would print "Wijk 42". Labels therefore get user text (district and programme names, scope ids)
as an expression string literal inside ``[% ... %]``, whose value is printed and never evaluated
again. The literal is cut after every ``%`` and ``$`` (``'a %' || '] b'``): the label ends an
expression at the first ``%]`` even inside a string, and replaces ``$CURRENT_DATE`` before it
evaluates anything.
"""

from __future__ import annotations

import re

from qgis.core import QgsExpression

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, separators, tr_in

_CUT = re.compile(r"([%$])")
# After an amount in millions in a narrow column: 13.9M (Dutch: 13,9 mln).
MILLION_SUFFIX = QT_TRANSLATE_NOOP("layout_text", "M")


def expression_literal(text) -> str:
    """*text* as a QGIS expression string literal that is safe inside a label's ``[% ... %]``."""
    return _CUT.sub(r"\1' || '", QgsExpression.quotedString(str(text)))


def label_literal(text) -> str:
    """Label text that prints *text* exactly as written."""
    return "[% " + expression_literal(text) + " %]"


LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # the export's language -> the locale of its dates and numbers


def grouped_number(expression: str, lang: str) -> str:
    """A QGIS expression that prints *expression* rounded to a whole number with the thousands
    separator of *lang* (262.937.000 in Dutch, 262,937,000 in English), whatever locale QGIS runs
    in (format_number follows QGIS's locale and, on 3.22, takes no language)."""
    separator = separators(lang)[0]
    return "regexp_replace(to_string(round({})), '(\\\\d)(?=(\\\\d{{3}})+$)', '\\\\1{}')".format(expression, separator)


def short_amount(expression: str, lang: str) -> str:
    """A QGIS expression that prints the amount *expression* in a few characters for a narrow column:
    '1,2 mln' / '1.2M', '950k', '400' (as toolbelt.numbers.money_short, without the euro sign)."""
    point = separators(lang)[1]
    million = tr_in(lang, MILLION_SUFFIX)
    return ("CASE WHEN abs({x}) >= 999500 THEN replace(to_string(round({x} / 1000000.0, 1)), '.', {p}) || {m} "
            "WHEN abs({x}) >= 999.5 THEN to_string(round({x} / 1000.0)) || 'k' "
            "ELSE to_string(round({x})) END").format(x="({})".format(expression), p=QgsExpression.quotedString(point),
                                                    m=QgsExpression.quotedString(million))


def short_amount_widest(lang: str) -> str:
    """The widest text short_amount() prints below 100 million (for a column's width; more wraps)."""
    return "99{}9{}".format(separators(lang)[1], tr_in(lang, MILLION_SUFFIX))


def long_date(date, lang: str) -> str:
    """*date* (a QDate) written out in *lang*: 6 december 2026, 6 December 2026."""
    from qgis.PyQt.QtCore import QLocale

    return QLocale(LOCALES.get(lang, lang)).toString(date, "d MMMM yyyy")
