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
# After an amount in millions or billions in a narrow column: 13.9M, 1.2B (Dutch: 13,9 mln, 1,2 mld).
MILLION_SUFFIX = QT_TRANSLATE_NOOP("layout_text", "M")
BILLION_SUFFIX = QT_TRANSLATE_NOOP("layout_text", "B")


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
    """A QGIS expression that prints the amount *expression* in at most four digits for a narrow column:
    '400', '950k', '1,2 mln' / '1.2M', from 100 million on whole millions ('124 mln'), from a billion
    '1,2 mld' / '1.2B' (as toolbelt.numbers.money_short, without the euro sign). Each bound is where
    the rounded text would reach the next form: 999,500 prints 1M, not 1000k."""
    point = QgsExpression.quotedString(separators(lang)[1])
    million = QgsExpression.quotedString(tr_in(lang, MILLION_SUFFIX))
    billion = QgsExpression.quotedString(tr_in(lang, BILLION_SUFFIX))
    return ("CASE WHEN abs({x}) >= 99950000000 THEN to_string(round({x} / 1000000000.0)) || {b} "
            "WHEN abs({x}) >= 999500000 THEN replace(to_string(round({x} / 1000000000.0, 1)), '.', {p}) || {b} "
            "WHEN abs({x}) >= 99950000 THEN to_string(round({x} / 1000000.0)) || {m} "
            "WHEN abs({x}) >= 999500 THEN replace(to_string(round({x} / 1000000.0, 1)), '.', {p}) || {m} "
            "WHEN abs({x}) >= 999.5 THEN to_string(round({x} / 1000.0)) || 'k' "
            "ELSE to_string(round({x})) END").format(x="({})".format(expression), p=point, m=million, b=billion)


def short_amount_samples(lang: str) -> list:
    """The widest texts short_amount() prints below a trillion (for a column's width; more wraps)."""
    point = separators(lang)[1]
    million, billion = tr_in(lang, MILLION_SUFFIX), tr_in(lang, BILLION_SUFFIX)
    return ["99{}9{}".format(point, million), "999" + million, "99{}9{}".format(point, billion), "999" + billion]


def long_date(date, lang: str) -> str:
    """*date* (a QDate) written out in *lang*: 6 december 2026, 6 December 2026."""
    from qgis.PyQt.QtCore import QLocale

    return QLocale(LOCALES.get(lang, lang)).toString(date, "d MMMM yyyy")
