"""Compare two export folders (e.g. bench_export.py's export_N_before and export_N_now): the GeoPackage
table by table and row by row (schema objects too), the GeoJSON feature by feature (parsed; bytes said
too), CSVs and the schema file byte for byte; the PDF by its document information (pdfinfo), its words
page by page (pdftotext) and its pixels (pdftoppm at PDF_DPI, page by page); page images pixel by pixel
(a difference is told as the number of pixels and the largest channel difference).

Left out as not content: gpkg_contents.last_change and layer_styles.update_time (the time of writing);
layer_styles' XML is compared canonicalised, nested symbol XML included (Qt writes attributes in an
order hashed per process).

Usage: .venv/bin/python scripts/compare_exports.py BEFORE_FOLDER NOW_FOLDER   (exit status 1 on a difference)
"""

from __future__ import annotations

import json
import sqlite3
import subprocess  # nosec B404 - poppler's own tools on our export files
import sys
import tempfile
import xml.etree.ElementTree as ET  # nosec B405 - our own export files
from pathlib import Path

SKIPPED_COLUMNS = ("last_change", "update_time")
PDF_DPI = 50  # pdftoppm's resolution for the PDF's pixels (the page images are compared at their own)
PDF_INFO_SKIPPED = ("CreationDate", "ModDate", "File size")  # the time of writing; the size is told apart


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


def _pixels(path: Path):
    import numpy as np
    from PIL import Image

    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"), dtype=np.int16)


def _differ(a, b) -> str:
    """'' when the pixels are equal, else how many pixels differ and by how much at most."""
    if a.shape != b.shape:
        return "size {} vs {}".format(a.shape, b.shape)
    diff = abs(a - b).max(axis=2)
    count = int((diff > 0).sum())
    return "" if count == 0 else "{:,} pixels of {:,} differ, by at most {}".format(count, diff.size, int(diff.max()))


def _pdf_info(path: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout  # nosec
    rows = (line.split(":", 1) for line in out.splitlines() if ":" in line)
    return {k.strip(): v.strip() for k, v in rows if k.strip() not in PDF_INFO_SKIPPED}


def compare_pdf(a: Path, b: Path, say) -> None:
    info = _pdf_info(a)
    say(info == _pdf_info(b), "{}: document information ({} pages; {:,} vs {:,} bytes)".format(
        a.name, info.get("Pages"), a.stat().st_size, b.stat().st_size))
    for page in range(1, int(info.get("Pages", 0)) + 1):
        words = [subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(p), "-"],  # nosec
                                capture_output=True, text=True, check=True).stdout.split() for p in (a, b)]
        with tempfile.TemporaryDirectory() as tmp:
            drawn = []
            for k, p in enumerate((a, b)):
                subprocess.run(["pdftoppm", "-r", str(PDF_DPI), "-f", str(page), "-l", str(page), "-singlefile",  # nosec
                                "-png", str(p), "{}/{}".format(tmp, k)], check=True)
                drawn.append(_pixels(Path(tmp) / "{}.png".format(k)))
            differs = _differ(*drawn)
        say(words[0] == words[1] and not differs, "  page {}: {:,} words{}, pixels at {} dpi {}".format(
            page, len(words[0]), "" if words[0] == words[1] else " DIFFER", PDF_DPI, differs or "equal"))


def main() -> int:
    before, now = Path(sys.argv[1]), Path(sys.argv[2])
    failures = []

    def say(same: bool, text: str) -> None:
        print(("same " if same else "DIFFERENT ") + text)
        if not same:
            failures.append(text)

    for a in sorted(before.iterdir()):
        b = now / a.name
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
        elif a.suffix == ".pdf":
            compare_pdf(a, b, say)
        elif a.suffix == ".png":
            differs = _differ(_pixels(a), _pixels(b))
            say(not differs, "{}: pixels {}".format(a.name, differs or "equal"))
    print("all the same" if not failures else "{} differences".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
