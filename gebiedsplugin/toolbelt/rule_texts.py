"""The rules' titles and messages in a language (core/rules/texts.py), through toolbelt/catalogue.py.

The language is chosen per call (the findings register and the exports are written in the language
the planner asked for); a language without a catalogue, or a text its catalogue lacks, reads in English.
"""

from __future__ import annotations

from typing import Dict, Optional

from qgis.PyQt.QtCore import QTranslator

from gebiedsplugin.core.rules.base import Finding, RuleInfo
from gebiedsplugin.core.rules.texts import Message, render
from gebiedsplugin.toolbelt.catalogue import Catalogue, catalogue


class RuleTexts(Catalogue):
    """Rule texts in one language, looked up in *translator* (None: English)."""

    def __init__(self, lang: str, translator: Optional[QTranslator] = None):
        super().__init__(lang, translator)

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
    texts, translator = _LOADED.get(lang), catalogue(lang).translator
    if texts is None or texts.translator is not translator:  # first asked, or its catalogue replaced
        texts = _LOADED[lang] = RuleTexts(lang, translator)
    return texts
