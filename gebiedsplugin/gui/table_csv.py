"""A table view as CSV: the rows it shows (filter and sort order), its visible columns in their
on-screen order, with their headers and value labels as shown; amounts as plain numbers."""

from __future__ import annotations

import csv

from qgis.PyQt.QtCore import Qt

from gebiedsplugin.toolbelt.csv_cells import safe_cell
from gebiedsplugin.toolbelt.files import atomic_path


def view_table(view, number_columns=(), number_role=None) -> tuple:
    """(headers, rows) of what *view* shows. Cells of *number_columns* (source column numbers) hold
    the model's *number_role* value (a number, not the localised text), empty where the view is."""
    model = view.model()
    header = view.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not view.isColumnHidden(c)]
    headers = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in columns]
    rows = []
    for r in range(model.rowCount()):
        row = []
        for c in columns:
            index = model.index(r, c)
            shown = index.data(Qt.ItemDataRole.DisplayRole)
            if shown in (None, ""):
                row.append("")
            elif c in number_columns and number_role is not None:
                row.append(index.data(number_role))
            else:
                row.append(shown)
        rows.append(row)
    return headers, rows


def write_view_csv(path: str, headers: list, rows: list, overwrite: bool = False) -> str:
    """Write (headers, rows) to *path* (UTF-8 with a byte order mark for spreadsheets), atomically."""
    with atomic_path(path, overwrite) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8-sig") as out:
            writer = csv.writer(out)
            writer.writerow([safe_cell(h) for h in headers])
            writer.writerows([safe_cell(v) for v in row] for row in rows)
    return str(path)
