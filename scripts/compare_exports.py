"""Compare two export folders (e.g. bench_export.py's export_N_before and export_N_now): the GeoPackage
table by table and row by row (schema objects too), the GeoJSON feature by feature (parsed; bytes said
too), CSVs and the schema file byte for byte. PDF and page images are left to their own comparison.

Left out as not content: gpkg_contents.last_change and layer_styles.update_time (the time of writing);
layer_styles' XML is compared canonicalised, nested symbol XML included (Qt writes attributes in an
order hashed per process).

Usage: .venv/bin/python scripts/compare_exports.py BEFORE_FOLDER NOW_FOLDER   (exit status 1 on a difference)
"""

from __future__ import annotations

import json
import sqlite3
import sys
import xml.etree.ElementTree as ET  # nosec B405 - our own export files
from pathlib import Path

SKIPPED_COLUMNS = ("last_change", "update_time")


def _canonical_xml(text: str) -> str:
    root = ET.fromstring(text.split("?>", 1)[-1].split("'SYSTEM'>", 1)[-1])  # nosec B314
    for element in root.iter():
        for key, value in element.attrib.items():
            if value.lstrip().startswith("<"):
                try:
                    element.set(key, _canonical_xml(value))
                except ET.ParseError:
                    pass
    return ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)


def _table_rows(conn, table: str) -> list:
    columns = [r[1] for r in conn.execute('PRAGMA table_info("{}")'.format(table))]
    kept = [c for c in columns if c not in SKIPPED_COLUMNS]
    rows = conn.execute('SELECT {} FROM "{}" ORDER BY rowid'.format(  # nosec B608 - names from the file itself
        ", ".join('"{}"'.format(c) for c in kept), table)).fetchall()
    if table == "layer_styles":
        rows = [tuple(_canonical_xml(v) if isinstance(v, str) and v.startswith("<") else v for v in r) for r in rows]
    return rows


def compare_gpkg(a: Path, b: Path, say) -> None:
    ca, cb = sqlite3.connect(str(a)), sqlite3.connect(str(b))
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    tables = [r[0] for r in ca.execute(query)]
    say(tables == [r[0] for r in cb.execute(query)], "{}: {} tables".format(a.name, len(tables)))
    for table in tables:
        try:
            rows = _table_rows(ca, table)
        except sqlite3.OperationalError:  # a virtual table (R-tree) this SQLite cannot read: its _node etc. are
            continue
        say(rows == _table_rows(cb, table), "  {}: {} rows".format(table, len(rows)))
    objects = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    schema = sorted(ca.execute(objects))
    say(schema == sorted(cb.execute(objects)), "  schema: {} tables, indexes, triggers".format(len(schema)))


def main() -> int:
    before, now = Path(sys.argv[1]), Path(sys.argv[2])
    failures = []

    def say(same: bool, text: str) -> None:
        print(("same " if same else "DIFFERENT ") + text)
        if not same:
            failures.append(text)

    for a in sorted(before.iterdir()):
        b = now / a.name
        if a.suffix in (".pdf", ".png"):
            continue
        if not b.exists():
            say(False, "{} missing in {}".format(a.name, now))
        elif a.suffix in (".csv", ".json"):
            say(a.read_bytes() == b.read_bytes(), "{}: bytes ({:,})".format(a.name, a.stat().st_size))
        elif a.suffix == ".geojson":
            parsed = json.loads(a.read_text(encoding="utf-8"))
            say(parsed == json.loads(b.read_text(encoding="utf-8")), "{}: {:,} features parsed, bytes {}".format(
                a.name, len(parsed["features"]), "identical" if a.read_bytes() == b.read_bytes() else "differ"))
        elif a.suffix == ".gpkg":
            compare_gpkg(a, b, say)
    print("all the same" if not failures else "{} differences".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
