"""Translation: the plugin's tr() and the choice of language from QGIS's locale."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from gebiedsplugin.toolbelt.catalogue import has_catalogue, load_translator

# pylupdate5 files bare tr("...") calls under the context "@default"; look them up there.
CONTEXT = "@default"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate *text* (a literal) in the plugin's context.

    With a count *n*, *text* holds Qt's ``%n`` and the .qm gives the plural form for *n*
    (``tr("Status set on %n finding(s).", "", count)``). English is the source language and has
    no .qm: there "(s)" reads as nothing for 1 and "s" otherwise.
    """
    out = QCoreApplication.translate(CONTEXT, text, disambiguation, n)
    if n >= 0 and out == text.replace("%n", str(n)):
        out = out.replace("(s)", "" if n == 1 else "s")
    return out


def qgis_locale() -> str:
    """The locale of QGIS's user interface (``QgsApplication.locale()``: the user's override if set,
    else the system's), e.g. 'nl_NL' or 'en'."""
    return QgsApplication.locale() or QLocale.system().name() or "en_US"


def ui_language() -> str:
    """The language QGIS runs in ('nl', 'de', ...) when the plugin has a catalogue for it, else 'en'."""
    lang = qgis_locale().lower().replace("-", "_").split("_")[0]
    return lang if lang == "nl" or (lang and has_catalogue(lang)) else "en"


def install_translator(app) -> QTranslator | None:
    """Load the compiled translation of the language QGIS runs in; return it (keep a reference)."""
    translator = load_translator(ui_language())
    if translator is not None:
        app.installTranslator(translator)
    return translator


_EXPORT_TRANSLATORS: dict = {}  # lang -> QTranslator, loaded once


def translator_for(lang: str):
    """A tr() into *lang*, whatever language QGIS runs in: an export is written in the language it
    asks for (English is the source; Dutch from the compiled .qm, the source text where it has none)."""
    translator = _EXPORT_TRANSLATORS.get(lang)
    if translator is None:
        translator = load_translator(lang)
        if translator is None:
            return _source_text
        _EXPORT_TRANSLATORS[lang] = translator

    def translate(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        try:
            out = translator.translate(CONTEXT, text, disambiguation, n)
        except UnicodeEncodeError:  # PyQt5 passes the source as ASCII unless it is given as UTF-8 bytes
            out = translator.translate(CONTEXT, text.encode("utf-8"), disambiguation, n)
        return out.replace("%n", str(n)) if out else _source_text(text, disambiguation, n)

    return translate


def _source_text(text: str, _disambiguation: str | None = None, n: int = -1) -> str:
    """The English source text, with %n and (s) resolved for *n*."""
    if n < 0:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
