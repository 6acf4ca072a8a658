"""Where a source row is, in the words the user can look it up by: file name and line, sheet row or fid.

- CSV / text: the **line** of the file where the record starts, counting the header as line 1
  (OGR's feature id counts records; a delimited-text layer's id is that line number already).
- Spreadsheets (.xlsx, .ods through OGR): the **row of the sheet** (OGR's feature id).
- GeoPackage: the **fid** (the column QGIS shows in the attribute table).
- Anything else (shapefile, GeoJSON, a layer of the project): the **feature** number, the position in
  the source's order counting from 1 (the shapefile record number; QGIS's own ids there start at 0).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QUrl

from gebiedsplugin.toolbelt.i18n import tr

LINE, SHEET_ROW, FID, FEATURE = "line", "sheet_row", "fid", "feature"
_SHEETS = (".xlsx", ".xls", ".ods")
_TEXT = (".csv", ".txt", ".tsv")


def record_lines(path) -> list:
    """The line (1-based) where each data record of a CSV file starts, header and blank lines skipped;
    quoted values may span lines. For CSV read through OGR, whose feature ids count records."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
            sample = handle.readline()
            try:
                delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
            handle.seek(0)
            reader = csv.reader(handle, delimiter=delimiter)
            starts, last = [], 0
            for record in reader:
                if any(cell.strip() for cell in record):
                    starts.append(last + 1)
                last = reader.line_num
    except (OSError, csv.Error):
        return []
    return starts[1:]


def source_file(layer: Optional[QgsVectorLayer]) -> tuple:
    """(file path or '', layer name inside the file or '') of *layer*'s source."""
    if layer is None:
        return "", ""
    source = layer.source()
    if layer.providerType() == "delimitedtext":
        return QUrl(source).toLocalFile() or source.split("?")[0], ""
    if layer.providerType() != "ogr":
        return "", layer.name()
    path, _, options = source.partition("|")
    if path.startswith("CSV:"):  # a text file opened with GDAL's CSV driver by its prefix
        path = path[len("CSV:"):]
    inner = ""
    for option in options.split("|"):
        if option.startswith("layername="):
            inner = option[len("layername="):]
    return path, inner


class SourcePlaces:
    """Names a source row (its 1-based position *n*) as file name plus line, sheet row, fid or feature."""

    def __init__(self, name: str, kind: str = FEATURE, ids: Optional[list] = None):
        self.name = name
        self.kind = kind
        self.ids = list(ids or [])
        self.lines: Optional[list] = None  # CSV through OGR: line of each record, by position

    @classmethod
    def of(cls, layer: Optional[QgsVectorLayer]) -> SourcePlaces:
        """The places of *layer*'s rows; feature ids are added by the reader with add()."""
        path, inner = source_file(layer)
        if not path:
            return cls(inner or (layer.name() if layer is not None else ""), FEATURE)
        name = Path(path).name
        suffix = Path(path).suffix.lower()
        if inner and suffix in (".gpkg", ".sqlite") and inner != Path(path).stem:
            name = "{} ({})".format(name, inner)
        if layer.providerType() == "delimitedtext":
            return cls(name, LINE)  # its feature id is the line where the record starts
        if suffix in _TEXT:
            places = cls(name, LINE)
            places.lines = record_lines(path)
            return places
        if suffix in _SHEETS:
            return cls(name, SHEET_ROW)
        if suffix in (".gpkg", ".sqlite"):
            return cls(name, FID)
        return cls(name, FEATURE)

    def add(self, feature_id: int) -> None:
        """Record the QGIS feature id of the next row read."""
        self.ids.append(int(feature_id))

    def place(self, n: int) -> str:
        """'line 4', 'row 4 of the sheet', 'fid 12' or 'feature 3' for the row at position *n*."""
        feature_id = self.ids[n - 1] if 0 < n <= len(self.ids) else None
        if self.lines is not None:
            feature_id = self.lines[n - 1] if 0 < n <= len(self.lines) else None
        if feature_id is not None and self.kind == LINE:
            return tr("line {}").format(feature_id)
        if feature_id is not None and self.kind == SHEET_ROW:
            return tr("row {} of the sheet").format(feature_id)
        if feature_id is not None and self.kind == FID:
            return tr("fid {}").format(feature_id)
        return tr("feature {}").format(n)

    def where(self, n: int, key: Optional[str] = None) -> str:
        """'acties.csv, line 4 (uid 3f2…)': the file, the place and the row's own key."""
        text = "{}, {}".format(self.name, self.place(n)) if self.name else self.place(n)
        return "{} ({})".format(text, key) if key else text
