"""The rules' user-facing texts, kept translatable by Qt Linguist while core stays pure Python.

Every title and message is written once, in English, as ``QT_TRANSLATE_NOOP("rules:<rule>", "...")``
(core/texts.py, the marker of every core text). A finding keeps its Text and its arguments;
the QGIS side (toolbelt/rule_texts.py) looks the source up in a language's .qm and fills in the
arguments, so a new language is one new .ts file. The English is rendered here, without Qt.

pylupdate5 reads the call, not Python: keep both arguments string literals (adjacent literals are
joined) and put no trailing comma after the source, or the text is silently not extracted
(tests/qgis/test_translations.py checks that every marked text reached the .ts).

Arguments that read differently per language: a :class:`Text` (translated too), an :class:`Amount`
(whole euros, written the language's way) and a :class:`Words` (a name the schema gives in English
and Dutch, e.g. a theme; other languages get the English until the schema's labels are translated).
A :class:`Message` argument is a part of the sentence with its own template (a clause that has
variants, as in combination_chance) and is rendered in the same language. Anything else (names,
uids, years, distances) is written as is.
"""

from __future__ import annotations

from typing import Callable, Dict, NamedTuple, Optional, Tuple

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, Text  # noqa: F401 - the rules mark texts with these

from .util import fmt_num


class Amount(float):
    """Whole euros, with the thousands separator of the language they are written in."""


class Words(NamedTuple):
    """A name the schema gives in English and Dutch (a theme, funders, field names)."""

    en: str
    nl: str


class Message(NamedTuple):
    """What a finding says: a Text and its arguments (name -> value)."""

    text: Text
    args: Tuple[Tuple[str, object], ...]


def message(text: Text, **args) -> Message:
    """The Message *text* filled with *args*."""
    return Message(text, tuple(args.items()))


Translate = Callable[[Text], str]
FormatNumber = Callable[[float], str]


def render(msg: Message, lang: str = "en", translate: Translate = str, number: Optional[FormatNumber] = None) -> str:
    """*msg* in *lang*: its template through *translate*, its arguments written for *lang* (amounts by
    *number*, by default util.fmt_num's English or Dutch)."""
    if number is None:
        def number(value: float) -> str:
            return fmt_num(value, lang)
    values: Dict[str, object] = {}
    for name, value in msg.args:
        if isinstance(value, Message):  # a clause, in the same language
            value = render(value, lang, translate, number)
        elif isinstance(value, Text):
            value = translate(value)
        elif isinstance(value, Amount):
            value = number(float(value))
        elif isinstance(value, Words):
            value = value.nl if lang == "nl" else value.en
        values[name] = value
    return translate(msg.text).format(**values)


def english(msg: Message) -> str:
    """*msg* in English, the source language: no catalogue needed."""
    return render(msg)
