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
    for msg in tree.iter("message"):
        source = msg.findtext("source")
        if source in mapping:
            tr = msg.find("translation")
            value = mapping[source]
            if isinstance(value, list):  # numerus="yes": one form per plural of the language
                for old in tr.findall("numerusform"):
                    tr.remove(old)
                for form in value:
                    ET.SubElement(tr, "numerusform").text = form
                tr.text = None
            else:
                tr.text = value
            tr.attrib.pop("type", None)
            n += 1
    return n


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
