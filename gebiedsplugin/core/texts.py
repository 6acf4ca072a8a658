"""User-facing texts of pure-Python core, kept translatable by Qt Linguist (one home for all of them).

A text is written once, in English, as ``QT_TRANSLATE_NOOP("<context>", "...")``: pylupdate5 files it
in i18n/*.ts under that context, and here the marker only records (context, English source) as a
:class:`Text`. Core has no Qt, so it cannot read a .qm: the QGIS side (toolbelt/catalogue.py) hands
core a lookup with :func:`set_lookup` when it is imported, and :func:`tr_in` asks that lookup for a
text in a language chosen per call (an export, the web page, a dossier are written in the language
asked for, whatever the UI speaks). English is the source language; a language without a catalogue,
a text its catalogue lacks, or no lookup at all (a process that never imported the toolbelt) reads
in English. So a new language is one new .ts file.

pylupdate5 reads the call, not Python: keep both arguments string literals (adjacent literals are
joined) and put no trailing comma after the source, or the text is silently not extracted
(tests/qgis/test_translations.py checks that every marked text reached the .ts).
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Optional, Tuple

SOURCE_LANGUAGE = "en"


class Text(NamedTuple):
    """A translatable text: its Qt Linguist context and English source (often a str.format template)."""

    context: str
    source: str

    def __str__(self) -> str:
        return self.source


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # noqa: N802 - the name pylupdate5 looks for
    """Mark *source* for translation under *context*; translated later, where Qt is at hand."""
    return Text(context, source)


Lookup = Callable[[str, Text], str]  # (language, text) -> the translation, or "" when there is none
_lookup: Optional[Lookup] = None


def set_lookup(lookup: Optional[Lookup]) -> None:
    """Let :func:`tr_in` find translations with *lookup* (None: English only)."""
    global _lookup
    _lookup = lookup


def tr_in(lang: str, text: Text) -> str:
    """*text* in language *lang* ('en', 'nl', ...), its English source where there is no translation."""
    if lang == SOURCE_LANGUAGE or _lookup is None:
        return text.source
    return _lookup(lang, text) or text.source


# Numbers written in a language: English and Dutch as the exports always wrote them; another language
# asks the QGIS side (toolbelt/catalogue.py hands core its locale's separators with set_separators).
_SEPARATORS = {"en": (",", "."), "nl": (".", ",")}  # (thousands, decimal point)
Separators = Callable[[str], Tuple[str, str]]
_separators: Optional[Separators] = None


def set_separators(separators: Optional[Separators]) -> None:
    """Let :func:`separators` ask *separators* for a language other than English and Dutch."""
    global _separators
    _separators = separators


def separators(lang: str) -> Tuple[str, str]:
    """(thousands separator, decimal point) of *lang*; English's where nothing else is known."""
    known = _SEPARATORS.get(lang)
    if known is None and _separators is not None:
        known = _separators(lang)
    return known or _SEPARATORS[SOURCE_LANGUAGE]


def number_in(lang: str, value: float, decimals: int = 0) -> str:
    """*value* with *decimals* written in *lang*: 1,234,567.5 (en), 1.234.567,5 (nl)."""
    group, point = separators(lang)
    plain = "{:,.{}f}".format(float(value), decimals)
    return plain.replace(",", "\0").replace(".", point).replace("\0", group)


class Aliased:
    """The alias of a thing that has an ``alias`` Text (tables, fields, export fields) in a language."""

    alias: Text

    @property
    def alias_en(self) -> str:
        return self.alias.source

    @property
    def alias_nl(self) -> str:
        return tr_in("nl", self.alias)

    def alias_in(self, lang: str) -> str:
        """The alias in language *lang* (English where it has no translation)."""
        return tr_in(lang, self.alias)
