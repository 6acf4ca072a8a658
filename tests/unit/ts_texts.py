"""The rules' Dutch as the translator wrote it: read from i18n/gebiedsplugin_nl.ts without Qt.

The unit lane has no Qt, so it reads the .ts (the source of the .qm) with ElementTree; the qgis lane
checks that the compiled .qm gives the same texts (tests/qgis/test_rule_texts.py).
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from gebiedsplugin.core.rules.texts import render

TS = Path(__file__).resolve().parents[2] / "i18n" / "gebiedsplugin_nl.ts"


@functools.cache
def catalogue(path: Path = TS) -> dict:
    """(context, source) -> finished translation."""
    out = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") is None and tr.text:
                out[(name, msg.findtext("source"))] = tr.text
    return out


def dutch(finding) -> str:
    """*finding*'s message in Dutch (English where the .ts has no translation)."""
    texts = catalogue()
    return render(finding.message, "nl", lambda t: texts.get((t.context, t.source), t.source))
