"""The rules' titles and messages in a language, from that language's .qm (core/rules/texts.py).

The language is chosen per call, not by the translator QGIS has installed: the findings register and
the exports are written in the language the planner asked for, whatever the UI speaks. Each
language's catalogue (i18n/gebiedsplugin_<lang>.qm) is loaded once on its own QTranslator, which is
never installed on the application. English is the source language and needs no catalogue; a
language without one, or a text its catalogue lacks, reads in English.
"""

from __future__ import annotations

from typing import Dict, Optional

from qgis.PyQt.QtCore import QLocale, QTranslator

from gebiedsplugin.core.rules.base import Finding, RuleInfo
from gebiedsplugin.core.rules.texts import Message, Text, render
from gebiedsplugin.core.rules.util import fmt_num
from gebiedsplugin.toolbelt.resources import i18n_path

SOURCE_LANGUAGE = "en"


class RuleTexts:
    """Rule texts in one language, looked up in *translator* (None: English)."""

    def __init__(self, lang: str, translator: Optional[QTranslator] = None):
        self.lang = lang
        self.translator = translator
        self._templates: Dict[Text, str] = {}  # 100,000s of findings share a handful of templates
        self._locale = QLocale(lang)

    def text(self, text: Text) -> str:
        """*text* translated, or its English source."""
        out = self._templates.get(text)
        if out is None:
            out = self.translator.translate(text.context, text.source) if self.translator is not None else ""
            out = self._templates[text] = out or text.source
        return out

    def number(self, value: float) -> str:
        """Whole euros: English and Dutch as they always read, other languages by Qt's locale."""
        if self.lang in ("en", "nl"):
            return fmt_num(value, self.lang)
        return self._locale.toString(float(value), "f", 0)

    def render(self, msg: Message) -> str:
        """*msg* in this language."""
        return render(msg, self.lang, self.text, self.number)

    def message(self, finding: Finding) -> str:
        """What *finding* says, in this language."""
        return self.render(finding.message)

    def title(self, info: RuleInfo) -> str:
        """The rule's title, in this language."""
        return self.text(info.title)


_LOADED: Dict[str, RuleTexts] = {}


def rule_texts(lang: str) -> RuleTexts:
    """The rule texts in *lang* ('en', 'nl', or any language with an i18n/gebiedsplugin_<lang>.qm)."""
    texts = _LOADED.get(lang)
    if texts is None:
        translator = None
        if lang != SOURCE_LANGUAGE:
            translator = QTranslator()
            if not translator.load(str(i18n_path("gebiedsplugin_{}.qm".format(lang)))):
                translator = None
        texts = _LOADED[lang] = RuleTexts(lang, translator)
    return texts
