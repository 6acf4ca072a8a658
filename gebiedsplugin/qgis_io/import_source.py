"""Open an import source as a QgsVectorLayer, with a clear ProgrammeError for every file problem.

Everything goes through OGR; CSV and text with GDAL's CSV open options, which find a WKT column or
x/y columns by name and detect the types (CRS: the user's, else WGS84 when the coordinates look like
degrees, else the programme default).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.import_mapping import normalise
from gebiedsplugin.toolbelt.i18n import tr

WKT_NAMES = ("wkt", "geometry", "geometrie", "geom", "the_geom", "shape")
X_NAMES = ("x", "lon", "lng", "long", "longitude", "lengtegraad", "xcoord", "xcoordinaat")
Y_NAMES = ("y", "lat", "latitude", "breedtegraad", "ycoord", "ycoordinaat")
_TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


def xy_columns(names) -> Optional[tuple]:
    """(x column, y column) named like coordinates, or None."""
    norm = {normalise(n): n for n in names}
    x = next((norm[n] for n in X_NAMES if n in norm), None)
    y = next((norm[n] for n in Y_NAMES if n in norm), None)
    return (x, y) if x and y else None


def looks_like_degrees(pairs) -> bool:
    """True when every (x, y) pair lies within longitude/latitude bounds."""
    pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
    return bool(pairs) and all(abs(x) <= 180 and abs(y) <= 90 for x, y in pairs)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ProgrammeError(tr("The source file {} does not exist.").format(path))
    if path.is_dir():
        return  # e.g. a folder of shapefiles; OGR decides
    mode = stat.S_IMODE(path.stat().st_mode)
    if not os.access(path, os.R_OK) or not mode & (stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH):
        raise ProgrammeError(tr("The source file {} cannot be read (no permission).").format(path.name))
    try:
        with open(path, "rb") as handle:
            handle.read(16)
    except OSError as e:
        raise ProgrammeError(tr("The source file {} cannot be read: {}").format(path.name, e)) from None
    if path.suffix.lower() == ".gpkg":
        _check_not_locked(path)
    if path.suffix.lower() == ".shp":
        _check_shapefile_encoding(path)


def _sidecar(path: Path, suffix: str) -> Optional[Path]:
    for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
        if candidate.exists():
            return candidate
    return None


def _check_shapefile_encoding(path: Path) -> None:
    """A .cpg that says UTF-8 over a .dbf that is not: name the first row that cannot be read."""
    cpg, dbf = _sidecar(path, ".cpg"), _sidecar(path, ".dbf")
    if cpg is None or dbf is None:
        return  # no .cpg: GDAL reads the code page from the .dbf header (or assumes ISO-8859-1)
    declared = cpg.read_text(encoding="ascii", errors="replace").strip().lower().replace("-", "")
    if declared not in ("utf8", "65001"):
        return
    data = dbf.read_bytes()
    if len(data) < 12:
        return
    header = int.from_bytes(data[8:10], "little")
    record = max(int.from_bytes(data[10:12], "little"), 1)
    try:
        data[header:].decode("utf-8")
    except UnicodeDecodeError as e:
        raise ProgrammeError(tr("{}, feature {}: holds text that is not valid UTF-8, although the .cpg file says "
                                "UTF-8; correct the .cpg (e.g. ISO-8859-1 or CP1252) and try again.")
                             .format(path.name, (e.start // record) + 1)) from None


def _check_not_locked(path: Path) -> None:
    """A GeoPackage another program holds an exclusive lock on cannot be read consistently."""
    try:
        con = sqlite3.connect("file:{}?mode=ro".format(quote(str(path))), uri=True, timeout=0.5)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        if "locked" in str(e).lower() or "busy" in str(e).lower():
            raise ProgrammeError(tr("The source file {} is locked by another program; close it there and try again.")
                                 .format(path.name)) from None
        raise ProgrammeError(tr("{} is not a vector data source QGIS can read.").format(path.name)) from None


def csv_uri(path: Path) -> str:
    """The OGR source of a text file with GDAL's CSV open options: a point from x/y columns or a
    geometry from a WKT column (by name), types detected, the coordinate columns not kept as fields."""
    options = [("X_POSSIBLE_NAMES", ",".join(X_NAMES)), ("Y_POSSIBLE_NAMES", ",".join(Y_NAMES)),
               ("GEOM_POSSIBLE_NAMES", ",".join(WKT_NAMES)), ("KEEP_GEOM_COLUMNS", "NO"),
               ("AUTODETECT_TYPE", "YES")]
    # GDAL's CSV driver takes .csv, .tsv and .psv by their suffix; other text files need its prefix
    prefix = "" if path.suffix.lower() in (".csv", ".tsv") else "CSV:"
    return prefix + str(path.resolve()) + "".join("|option:{}={}".format(k, v) for k, v in options)


def _check_text(path: Path) -> None:
    """The file-level problems GDAL would only half report: not UTF-8 (with the byte), empty."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ProgrammeError(tr("{} is not UTF-8 text (byte {} cannot be read); save it as UTF-8 and try again.")
                             .format(path.name, e.start)) from None
    if not text.strip():
        raise ProgrammeError(tr("The source {} is empty.").format(path.name))


def _csv_layer(path: Path, crs_hint: str) -> QgsVectorLayer:
    _check_text(path)
    layer = QgsVectorLayer(csv_uri(path), path.stem, "ogr")
    if layer.isValid() and layer.isSpatial():
        # a CSV says nothing about its CRS: the user's, else degrees mean WGS84, else the programme default
        if crs_hint:
            crs = QgsCoordinateReferenceSystem(crs_hint)
        else:
            box = layer.extent()
            corners = [(box.xMinimum(), box.yMinimum()), (box.xMaximum(), box.yMaximum())]
            crs = QgsCoordinateReferenceSystem(
                "EPSG:4326" if looks_like_degrees(corners) else schema.DEFAULT_CRS)  # an empty box is not degrees
        layer.setCrs(crs)
    return layer


def open_source(source: str, crs_hint: str = "") -> QgsVectorLayer:
    """A valid layer for *source* (a file path, optionally with '|layername=…'), else ProgrammeError."""
    path_text, _, options = str(source).partition("|")
    path = Path(path_text)
    _check_file(path)
    if path.suffix.lower() in _TEXT_SUFFIXES:
        layer = _csv_layer(path, crs_hint)
    else:
        layer = QgsVectorLayer(str(source), path.stem, "ogr")
    if not layer.isValid():
        if path.is_file() and path.stat().st_size == 0:
            raise ProgrammeError(tr("The source {} is empty.").format(path.name))
        raise ProgrammeError(tr("{} is not a vector data source QGIS can read.").format(path.name))
    return layer
