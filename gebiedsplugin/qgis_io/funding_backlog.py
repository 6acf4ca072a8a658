"""The funding backlog written to a file: CSV (UTF-8 with BOM, for spreadsheets) or ODS (OGR's driver).

What is in it, and in what order, is core/funding_gap.py's (backlog_table); this module only reads
the programme and writes the rows, atomically (the target is either the complete new file or left
as it was).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

from gebiedsplugin.core import funding_gap
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.records import Programme
from gebiedsplugin.qgis_io.ods import INTEGER, REAL, TEXT, write_ods
from gebiedsplugin.toolbelt.csv_cells import safe_cell
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr

FORMATS = (".csv", ".ods")
_NUMBERS = {"rank", "start_year", "end_year", "budget", "funded", "shortfall"}


def backlog_rows(programme: Programme, district_id: Optional[str], lang: str) -> tuple:
    """(headers, rows) of the programme's backlog, of one district or the whole city (None / 'city')."""
    names = {d.get("district_id"): d.get("name") for d in programme.districts}
    if district_id not in (None, "", "city") and district_id not in names:
        known = ", ".join(sorted(str(k) for k in names if k))
        raise ProgrammeError(tr("Unknown district: {} (known: {}).").format(district_id, known))
    gaps = funding_gap.funding_gaps(programme.interventions, programme.funding)
    return funding_gap.backlog_table(gaps, names, lang, district_id)


def write_backlog(path: str, headers: list, rows: list, overwrite: bool = False) -> str:
    """Write (headers, rows) to *path* (.csv or .ods, by its extension); the path written."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ProgrammeError(tr("{}: the backlog is written as .csv or .ods.").format(path))
    with atomic_path(path, overwrite) as tmp:
        if suffix == ".csv":
            with open(tmp, "w", newline="", encoding="utf-8-sig") as out:
                writer = csv.writer(out)
                writer.writerow([safe_cell(h) for h in headers])
                writer.writerows([safe_cell(v) for v in row] for row in rows)
        else:
            keys = [key for key, _header in funding_gap.BACKLOG_COLUMNS]
            columns = [(header, (INTEGER if key in ("rank", "start_year", "end_year") else REAL) if key in _NUMBERS
                        else TEXT) for key, header in zip(keys, headers)]
            write_ods(tmp, [(tr("Backlog"), columns, rows)])
    return str(path)
