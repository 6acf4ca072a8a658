"""Spreadsheets (ODS) through OGR's ODS driver: one sheet per table, typed columns.

OGR's ODS driver writes an empty archive under a hidden (dot) name, which is what an atomic write's
temporary file is: the sheets are written under a plain name in a private folder and copied in.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from osgeo import ogr

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr

TEXT, INTEGER, REAL = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal


def write_ods(target: str, sheets: list) -> None:
    """Write *sheets* — (title, [(header, TEXT|INTEGER|REAL)], rows) — into *target* (which may be a
    hidden temporary name). Empty cells ('' or None) stay empty."""
    driver = ogr.GetDriverByName("ODS")
    if driver is None:
        raise ProgrammeError(tr("This GDAL cannot write ODS; write the tables as .csv instead."))
    with tempfile.TemporaryDirectory() as folder:
        plain = str(Path(folder) / "sheets.ods")
        ds = driver.CreateDataSource(plain)
        if ds is None:
            raise ProgrammeError(tr("{} could not be written.").format(target))
        for title, columns, rows in sheets:
            layer = ds.CreateLayer(title, geom_type=ogr.wkbNone)
            for header, kind in columns:
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
        shutil.copyfile(plain, target)
