"""The rules' user-facing texts, kept translatable by Qt Linguist while core stays pure Python.

Every title and message is written once, in English, as ``QT_TRANSLATE_NOOP("rules:<rule>", "...")``
(core/texts.py, the marker of every core text). A finding keeps its Text and its arguments;
the QGIS side (toolbelt/rule_texts.py) looks the source up in a language's .qm and fills in the
arguments, so a new language is one new .ts file. The English is rendered here, without Qt.

pylupdate5 reads the call, not Python: keep both arguments string literals (adjacent literals are
joined) and put no trailing comma after the source, or the text is silently not extracted
(tests/qgis/test_translations.py checks that every marked text reached the .ts).

Arguments that read differently per language: a :class:`Text` (translated too, e.g. a theme's label:
value_lists.label_text), an :class:`Amount` (whole euros, written the language's way) and a
:class:`Joined` (names and Texts in a row, e.g. the fields a row lacks). (:class:`Words`, a fixed
English/Dutch pair, is kept only to read findings made before.)
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


class Joined(NamedTuple):
    """Parts (names, Texts, Joined) written one after another in the message's language: joined by
    *sep*, or with *last* (a Text such as "{} and {}") between the last two."""

    parts: tuple
    sep: str = ", "
    last: Optional[Text] = None


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

    def write(value: object) -> object:
        if isinstance(value, Message):  # a clause, in the same language
            return render(value, lang, translate, number)
        if isinstance(value, Text):
            return translate(value)
        if isinstance(value, Amount):
            return number(float(value))
        if isinstance(value, Words):
            return value.nl if lang == "nl" else value.en
        if isinstance(value, Joined):
            parts = [str(write(part)) for part in value.parts]
            if value.last is not None and len(parts) > 1:
                return translate(value.last).format(value.sep.join(parts[:-1]), parts[-1])
            return value.sep.join(parts)
        return value

    values: Dict[str, object] = {name: write(value) for name, value in msg.args}
    return translate(msg.text).format(**values)


def english(msg: Message) -> str:
    """*msg* in English, the source language: no catalogue needed."""
    return render(msg)
