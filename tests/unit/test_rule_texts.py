"""The rules' texts live in Qt Linguist's catalogue, not in code: core/rules holds English only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from gebiedsplugin.core.rules import RULES
from gebiedsplugin.core.rules.texts import QT_TRANSLATE_NOOP, Amount, Text, Words, english, message, render

RULES_DIR = Path(__file__).resolve().parents[2] / "gebiedsplugin" / "core" / "rules"
# Words of the Dutch rule texts that English never uses; the rules had ~40 such pairs in code.
DUTCH = re.compile(r"\b(het|een|geen|heeft|ligt|liggen|niet|stadsdelen?|buurt|werken|jaren|verwijst|dat|"
                   r"zichzelf|omtrek|gebiedsbudget|overschrijdt|programmacode|binnen|valt|begint|nadat)\b", re.I)


def _literals(path: Path) -> list:
    """(line, text) of every string literal in *path* except docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def dutch_literals(folder: Path) -> list:
    return ["{}:{}: {}".format(p.name, line, text) for p in sorted(folder.glob("*.py"))
            for line, text in _literals(p) if DUTCH.search(text)]


def test_no_dutch_left_in_the_rules():
    assert dutch_literals(RULES_DIR) == []


def test_the_dutch_detector_sees_the_old_pairs(tmp_path):
    # the style the rules used before: (English, Dutch) pairs in code
    (tmp_path / "old.py").write_text('MSG = ("{label} has no geometry", "{label} heeft geen geometrie")\n')
    assert len(dutch_literals(tmp_path)) == 1


def test_every_rule_title_is_marked_for_translation():
    for rule_id, info in RULES.items():
        assert isinstance(info.title, Text) and info.title.context == "rules:" + rule_id


def test_english_is_rendered_without_a_catalogue():
    text = QT_TRANSLATE_NOOP("rules:x", "{who}: {amount} EUR for {theme}")
    msg = message(text, who="'Park'", amount=Amount(1250000), theme=Words("Green", "Groen"))
    assert english(msg) == "'Park': 1,250,000 EUR for Green"
    dutch = {text: "{who}: € {amount} voor {theme}"}
    assert render(msg, "nl", lambda t: dutch.get(t, t.source)) == "'Park': € 1.250.000 voor Groen"
    # a third language: its template, its numbers, the English of a schema word it lacks
    german = {text: "{who}: {amount} EUR für {theme}"}
    assert render(msg, "de", lambda t: german.get(t, t.source), lambda v: "{:,.0f}".format(v).replace(",", ".")) \
        == "'Park': 1.250.000 EUR für Green"
