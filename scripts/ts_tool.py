"""Translation helper: list unfinished strings of the .ts, or fill them from a JSON mapping.

    python scripts/ts_tool.py todo                 # print unfinished source texts as JSON
    python scripts/ts_tool.py apply nl.json        # set translations {source: translation}
                                                   # (a %n plural: {source: [singular, plural]})
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "i18n" / "gebiedsplugin_nl.ts"


def unfinished(tree) -> list:
    """Source texts whose translation is missing or marked unfinished."""
    out = []
    for msg in tree.iter("message"):
        tr = msg.find("translation")
        forms = [] if tr is None else [f.text for f in tr.findall("numerusform")]
        empty = not all((f or "").strip() for f in forms) if forms else not (tr.text or "").strip()
        if tr is None or tr.get("type") == "unfinished" or empty:
            out.append(msg.findtext("source"))
    return out


def apply(tree, mapping: dict) -> int:
    """Fill translations from *mapping*; return how many were set."""
    n = 0
    for context in tree.iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            n += _apply_one(msg, mapping, name)
    return n


def _apply_one(msg, mapping: dict, context: str) -> int:
    """A key "<context>\t<source>" wins over a bare "<source>": one English word may read differently
    per context (the dossier's "Note" is Toelichting, a finding's note field Notitie)."""
    source = msg.findtext("source")
    value = mapping.get("{}\t{}".format(context, source), mapping.get(source))
    if value is None:
        return 0
    tr = msg.find("translation")
    if msg.get("numerus") == "yes" and not isinstance(value, list):
        return 0  # a plural needs its forms (singular|plural); one text beside them breaks lrelease
    if isinstance(value, list):  # numerus="yes": one form per plural of the language
        for old in tr.findall("numerusform"):
            tr.remove(old)
        for form in value:
            ET.SubElement(tr, "numerusform").text = form
        tr.text = None
    else:
        tr.text = value
    tr.attrib.pop("type", None)
    return 1


def main(argv) -> int:
    tree = ET.parse(TS)
    if argv[1:2] == ["todo"]:
        print(json.dumps(unfinished(tree), ensure_ascii=False, indent=1))
        return 0
    if argv[1:2] == ["apply"]:
        mapping = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        count = apply(tree, mapping)
        tree.getroot().set("language", "nl_NL")  # lrelease needs it for the plural forms
        ET.indent(tree)
        with open(TS, "wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8")
        print("{} translations set".format(count))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
