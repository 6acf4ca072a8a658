"""The funding backlog written to a file: CSV (UTF-8 with BOM, for spreadsheets) or ODS (OGR's driver).

What is in it, and in what order, is core/funding_gap.py's (backlog_table); this module only reads
the programme and writes the rows, atomically (the target is either the complete new file or left
as it was).
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path
from typing import Optional

from osgeo import ogr

from gebiedsplugin.core import funding_gap
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.records import Programme
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
            # OGR's ODS driver writes an empty archive under a hidden name (the atomic write's
            # temporary one): write it under a plain name in a private folder, then copy it in.
            with tempfile.TemporaryDirectory() as folder:
                plain = str(Path(folder) / "backlog.ods")
                _write_ods(plain, headers, rows)
                shutil.copyfile(plain, tmp)
    return str(path)


def _write_ods(path: str, headers: list, rows: list) -> None:
    keys = [key for key, _en, _nl in funding_gap.BACKLOG_COLUMNS]
    driver = ogr.GetDriverByName("ODS")
    if driver is None:
        raise ProgrammeError(tr("This GDAL cannot write ODS; write the backlog as .csv instead."))
    ds = driver.CreateDataSource(path)
    if ds is None:
        raise ProgrammeError(tr("{} could not be written.").format(path))
    layer = ds.CreateLayer(tr("Backlog"), geom_type=ogr.wkbNone)
    for key, header in zip(keys, headers):
        kind = (ogr.OFTInteger if key in ("rank", "start_year", "end_year") else ogr.OFTReal) if key in _NUMBERS \
            else ogr.OFTString
        layer.CreateField(ogr.FieldDefn(header, kind))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for k, value in enumerate(row):
            if value is not None and value != "":
                feature.SetField(k, value)
        layer.CreateFeature(feature)
    feature = layer = None
    ds.FlushCache()
    ds = None  # closing writes the file
