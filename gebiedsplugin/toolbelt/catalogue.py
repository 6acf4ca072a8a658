"""Core's texts (core/texts.py) in any language, from that language's compiled catalogue.

The language is chosen per call, not by the translator QGIS has installed: the findings register,
the exports, the web page and the dossier are written in the language the planner asked for,
whatever the UI speaks. Each language's catalogue (i18n/gebiedsplugin_<lang>.qm) is loaded once on
its own QTranslator, which is never installed on the application. English is the source language
and needs no catalogue; a language without one, or a text its catalogue lacks, reads in English.

Importing this module hands core its lookup (core.texts.set_lookup), so core's ``tr_in(lang, text)``
finds the translations wherever the QGIS side runs; toolbelt/i18n.py imports it.
"""

from __future__ import annotations

from typing import Dict, Optional

from qgis.PyQt.QtCore import QLocale, QTranslator

from gebiedsplugin.core.rules.util import fmt_num
from gebiedsplugin.core.texts import SOURCE_LANGUAGE, Text, set_lookup, set_separators
from gebiedsplugin.toolbelt.resources import i18n_path


class Catalogue:
    """Texts in one language, looked up in *translator* (None: English)."""

    def __init__(self, lang: str, translator: Optional[QTranslator] = None):
        self.lang = lang
        self.translator = translator
        self._texts: Dict[Text, str] = {}  # 100,000s of findings share a handful of templates

    def text(self, text: Text) -> str:
        """*text* translated, or its English source."""
        out = self._texts.get(text)
        if out is None:
            out = self._texts[text] = self._translate(text) or text.source
        return out

    def _translate(self, text: Text) -> str:
        if self.translator is None:
            return ""
        try:
            return self.translator.translate(text.context, text.source)
        except UnicodeEncodeError:  # PyQt5 passes the source as ASCII unless it is given as UTF-8 bytes
            return self.translator.translate(text.context, text.source.encode("utf-8"))

    def number(self, value: float) -> str:
        """Whole euros: English and Dutch as they always read, other languages by Qt's locale."""
        return fmt_num(value, self.lang)


_LOADED: Dict[str, Catalogue] = {}


def load_translator(lang: str) -> Optional[QTranslator]:
    """A QTranslator with i18n/gebiedsplugin_<lang>.qm, or None (English, or no such catalogue)."""
    if lang == SOURCE_LANGUAGE:
        return None
    translator = QTranslator()
    return translator if translator.load(str(i18n_path("gebiedsplugin_{}.qm".format(lang)))) else None


def catalogue(lang: str) -> Catalogue:
    """The texts in *lang* ('en', 'nl', or any language with an i18n/gebiedsplugin_<lang>.qm)."""
    found = _LOADED.get(lang)
    if found is None:
        found = _LOADED[lang] = Catalogue(lang, load_translator(lang))
    return found


def use_catalogue(lang: str, cat: Optional[Catalogue]) -> None:
    """Read *lang* from *cat* from now on (a catalogue made elsewhere, e.g. from a .qm outside i18n/);
    None: load it from i18n/ again when next asked."""
    if cat is None:
        _LOADED.pop(lang, None)
    else:
        _LOADED[lang] = cat


def languages() -> tuple:
    """The languages the plugin writes: English, Dutch, then any other with an i18n/gebiedsplugin_<lang>.qm
    (in this order, so that choices listed by index keep their places)."""
    found = sorted(p.stem.split("_", 1)[1] for p in i18n_path().glob("gebiedsplugin_*.qm"))
    return ("en", "nl") + tuple(lang for lang in found if lang not in ("en", "nl"))


def language_name(lang: str) -> str:
    """How a language calls itself (Deutsch, français); '' for a code Qt does not know."""
    locale = QLocale(lang)
    return locale.nativeLanguageName() if locale.language() != QLocale.Language.C else ""


def has_catalogue(lang: str) -> bool:
    """True for English and for a language whose catalogue loads."""
    return lang == SOURCE_LANGUAGE or catalogue(lang).translator is not None


set_lookup(lambda lang, text: catalogue(lang).text(text))


def _locale_separators(lang: str) -> tuple:
    locale = QLocale(lang)
    return (locale.groupSeparator(), locale.decimalPoint()) if locale.language() != QLocale.Language.C else None


set_separators(_locale_separators)
