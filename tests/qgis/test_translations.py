"""The Dutch translation is complete and QGIS's locale picks it."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "gebiedsplugin_nl.ts"


def _tr_literals() -> dict:
    """Every literal passed to tr() / self.tr() in the package, with where it is."""
    found = {}
    for path in (ROOT / "gebiedsplugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                arg = node.args[0]
                if name == "tr" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found[arg.value] = "{}:{}".format(path.relative_to(ROOT), node.lineno)
    return found


def _messages() -> dict:
    out = {}
    for msg in ET.parse(TS).iter("message"):
        tr = msg.find("translation")
        forms = [] if tr is None else [f.text for f in tr.findall("numerusform")]  # Qt's %n plurals
        text_ok = all((f or "").strip() for f in forms) if forms else bool((tr.text or "").strip())
        finished = tr is not None and tr.get("type") is None and text_ok
        out[msg.findtext("source")] = finished
    return out


def test_no_unfinished_dutch_string():
    unfinished = [s for s, ok in _messages().items() if not ok]
    assert unfinished == [], "untranslated in {}: {}".format(TS.name, unfinished[:10])


def test_every_tr_literal_is_in_the_ts_file():
    messages = _messages()
    missing = {s: where for s, where in _tr_literals().items() if s not in messages}
    assert missing == {}, "run `make translations` and translate: {}".format(list(missing.items())[:10])


def test_tr_is_never_given_an_fstring():
    for path in (ROOT / "gebiedsplugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "tr":
                assert not (node.args and isinstance(node.args[0], ast.JoinedStr)), "{}:{}".format(path, node.lineno)


def test_dutch_locale_installs_the_translator(qgis_app):
    from gebiedsplugin.toolbelt.i18n import install_translator, tr, ui_language

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    translator = install_translator(QCoreApplication.instance())
    try:
        assert ui_language() == "nl"
        assert translator is not None
        assert tr("Open programme…") == "Programma openen…"
    finally:
        if translator is not None:
            QCoreApplication.instance().removeTranslator(translator)
        settings.setValue("locale/userLocale", "en_US")
    assert ui_language() == "en"
    assert tr("Open programme…") == "Open programme…"


def _marked_texts() -> dict:
    """(context, source) of every QT_TRANSLATE_NOOP marker in the package (core's rule texts)."""
    found = {}
    for path in (ROOT / "gebiedsplugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                assert all(isinstance(a, ast.Constant) for a in node.args), \
                    "{}:{}: pylupdate5 reads only literals".format(path, node.lineno)
                found[(node.args[0].value, node.args[1].value)] = "{}:{}".format(path.relative_to(ROOT), node.lineno)
    return found


def test_every_marked_rule_text_is_in_the_ts_file_and_translated():
    in_ts = {}
    for context in ET.parse(TS).iter("context"):
        for msg in context.iter("message"):
            tr = msg.find("translation")
            in_ts[(context.findtext("name"), msg.findtext("source"))] = tr is not None and tr.get("type") is None
    marked = _marked_texts()
    assert len(marked) > 40  # ten titles, the messages, data_quality's reasons
    missing = {k: where for k, where in marked.items() if not in_ts.get(k)}
    assert missing == {}, "not extracted by `make translations` (a trailing comma, a variable?) or untranslated: {}" \
        .format(list(missing.items())[:5])
