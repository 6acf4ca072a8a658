"""The dossier's tables: the printed texts of a section, column widths that fit the longest words,
an estimate of each row's wrapped height (to cut the rows into page-sized tables) and the filling of
one QgsLayoutItemManualTable. Cells are user data, printed as they are. Main thread only."""

from __future__ import annotations

from qgis.core import QgsLayoutItemManualTable, QgsLayoutTable, QgsLayoutTableColumn, QgsLayoutUtils, QgsTableCell
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFontMetricsF

from gebiedsplugin.core import dossier as content
from gebiedsplugin.qgis_io.dossier_fonts import font, text_format

CELL_PT, HEADER_PT = 7.5, 7.5
CELL_MARGIN, GRID = 0.9, 0.15  # mm


def row_heights(texts: list, widths: list) -> list:
    """A generous estimate (mm) of each row's height (the header first): words wrapped in each column
    as the table wraps them. Too high leaves white space; too low moves rows to the next page."""
    metrics = QFontMetricsF(font(CELL_PT, True))
    scale = CELL_PT * 25.4 / 72.0 / metrics.height()  # px of this font -> mm
    line = CELL_PT * 25.4 / 72.0  # a wrapped line in a layout table cell (7.5 pt ~ 2.2 mm) and slack
    out = []
    for row in texts:
        lines = max([_lines(metrics, value, width / scale) for value, width in zip(row, widths)] or [1])
        out.append((lines * line + 2 * CELL_MARGIN + GRID) * 1.1)
    out[0] += 2.0
    return out


def _lines(metrics, value: str, width_px: float) -> int:
    """Lines of *value* wrapped at *width_px*: each of its own lines wrapped at spaces."""
    if width_px <= 0:
        return 1
    total = 0
    space = metrics.horizontalAdvance(" ")
    for paragraph in str(value).splitlines() or [""]:
        lines, used = 1, 0.0
        for word in paragraph.split():
            w = metrics.horizontalAdvance(word)
            if used and used + space + w > width_px:
                lines, used = lines + 1, w
            else:
                used += (space if used else 0.0) + w
            while used > width_px:  # a word longer than the column is broken
                lines, used = lines + 1, used - width_px
        total += lines
    return total


def column_widths(columns: list, width: float, texts: list | None = None) -> list:
    """Column widths (mm) spreading *width* by the columns' weights, each at least as wide as the
    longest word of its header and its cells' *texts* (header first; "Programmacode" and
    "Hoogheemraadschap" ran into the next column). The room comes first from what columns have
    beyond their longest whole text (unused), then from what they have beyond their longest word."""
    n = len(columns)
    usable = width - n * 2 * CELL_MARGIN - (n + 1) * GRID - 0.5
    unit = usable / sum(c.width for c in columns)
    out = [c.width * unit for c in columns]
    header, cell = font(HEADER_PT, True), font(CELL_PT)
    least, whole = [], []
    for k, c in enumerate(columns):
        cells = {str(row[k]) for row in (texts or [])[1:]}
        words = {w for t in cells for w in t.split()}
        least.append(max([QgsLayoutUtils.textWidthMM(header, w) for w in c.header.split()]
                         + [QgsLayoutUtils.textWidthMM(cell, w) for w in words] + [0.0]) + 0.4)
        whole.append(max([QgsLayoutUtils.textWidthMM(cell, t) for t in cells] + [least[-1]]) + 0.4)
    lacks = {k: least[k] - out[k] for k in range(n) if out[k] < least[k]}
    need = wanted = sum(lacks.values())
    for floor in (whole, least):  # unused room first, then room over the longest word
        spare = [0.0 if k in lacks else max(out[k] - floor[k], 0.0) for k in range(n)]
        total = sum(spare)
        if need <= 0 or total <= 0:
            continue
        take = min(need, total)
        out = [out[k] - spare[k] * take / total for k in range(n)]
        need -= take
    for k, lack in lacks.items():
        out[k] += lack * (wanted - need) / wanted
    return out


def printed_texts(section: content.Section, rows: list, lang: str) -> list:
    """The texts printed: the header, then each row (numbers and money in *lang*; marked cells with *)."""
    out = [section.headers]
    for r, values in enumerate(rows):
        out.append([content.cell_text(v, c.kind, lang, c.decimals) + (" *" if (r, k) in section.marked else "")
                    for k, (c, v) in enumerate(zip(section.columns, values))])
    return out


def fill_table(table: QgsLayoutItemManualTable, section: content.Section, texts: list, widths: list,
               offset: int) -> None:
    """Headers and cells of *table*: *texts* are the printed rows of the section from *offset* on."""
    headers = []
    for c, width in zip(section.columns, widths):
        column = QgsLayoutTableColumn(c.header)
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if c.kind == content.TEXT else Qt.AlignmentFlag.AlignRight)
        column.setWidth(width)
        headers.append(column)
    cells = []
    for r, printed_row in enumerate(texts):
        row = []
        for k, (c, printed) in enumerate(zip(section.columns, printed_row)):
            cell = QgsTableCell(printed)
            if c.kind != content.TEXT:
                cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if (r + offset, k) in section.marked:
                cell.setBackgroundColor(QColor("#f4a582"))
            row.append(cell)
        cells.append(row)
    table.setCellMargin(CELL_MARGIN)
    table.setGridStrokeWidth(GRID)
    table.setTableContents(cells)
    table.setHeaders(headers)
    table.setColumnWidths(widths)
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setGridColor(QColor("#b0b0b0"))
    if hasattr(table, "setContentTextFormat"):
        table.setContentTextFormat(text_format(CELL_PT))
        table.setHeaderTextFormat(text_format(HEADER_PT, True))
    else:  # QGIS < 3.16
        table.setContentFont(font(CELL_PT))
        table.setHeaderFont(font(HEADER_PT, True))
    table.setBackgroundColor(QColor("#ffffff"))
