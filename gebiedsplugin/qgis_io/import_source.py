"""Open an import source as a QgsVectorLayer, with a clear ProgrammeError for every file problem.

GeoPackage, shapefile, GeoJSON and Excel go through OGR; CSV through the delimited-text provider,
with a WKT column or x/y columns detected from the header (CRS: WGS84 when the coordinates look
like degrees, else the programme's).
"""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QUrl, QUrlQuery

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
        raise ProgrammeError(tr("Row {} of {} holds text that is not valid UTF-8, although its .cpg file says UTF-8; "
                                "correct the .cpg (e.g. ISO-8859-1 or CP1252) and try again.")
                             .format((e.start // record) + 1, path.name)) from None


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


def _csv_layer(path: Path, crs_hint: str) -> QgsVectorLayer:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ProgrammeError(tr("{} is not UTF-8 text (byte {} cannot be read); save it as UTF-8 and try again.")
                             .format(path.name, e.start)) from None
    lines = text.splitlines()
    if not lines:
        raise ProgrammeError(tr("The source {} is empty.").format(path.name))
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(lines[:50], delimiter=delimiter)
    header = next(reader)
    body = list(reader)
    params = [("type", "csv"), ("delimiter", "\\t" if delimiter == "\t" else delimiter), ("detectTypes", "yes"),
              ("encoding", "UTF-8"), ("trimFields", "yes")]
    norm = {normalise(h): h for h in header}
    wkt = next((norm[n] for n in WKT_NAMES if n in norm), None)
    xy = xy_columns(header)
    if wkt:
        crs = crs_hint or _guess_wkt_crs(body, header.index(wkt))
        params += [("wktField", wkt), ("crs", crs)]
    elif xy:
        crs = crs_hint or _guess_xy_crs(body, header.index(xy[0]), header.index(xy[1]))
        params += [("xField", xy[0]), ("yField", xy[1]), ("crs", crs)]
    else:
        params.append(("geomType", "none"))
    url = QUrl.fromLocalFile(str(path.resolve()))
    query = QUrlQuery()
    for key, value in params:
        query.addQueryItem(key, value)
    url.setQuery(query)
    return QgsVectorLayer(url.toString(QUrl.ComponentFormattingOption.FullyEncoded), path.stem, "delimitedtext")


def _number(text) -> Optional[float]:
    try:
        return float(str(text).replace(",", "."))
    except ValueError:
        return None


def _guess_xy_crs(body, ix: int, iy: int) -> str:
    pairs = [(_number(r[ix]), _number(r[iy])) for r in body if len(r) > max(ix, iy)]
    return "EPSG:4326" if looks_like_degrees(pairs) else "EPSG:28992"


def _guess_wkt_crs(body, index: int) -> str:
    import shapely

    texts = [r[index] for r in body if len(r) > index and isinstance(r[index], str)]
    pairs = []
    for geom in shapely.from_wkt(texts, on_invalid="ignore"):  # a bad WKT is rejected later, row by row
        if geom is not None and not geom.is_empty:
            minx, miny, maxx, maxy = geom.bounds
            pairs += [(minx, miny), (maxx, maxy)]
    return "EPSG:4326" if looks_like_degrees(pairs) else "EPSG:28992"


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
