"""Build the district summary page templates resources/layouts/district_summary_<paper>_<orientation>.qpt
(A4 and A3, portrait and landscape) with PyQGIS.

Run once (`.venv/bin/python scripts/build_summary_template.py`) and commit the .qpt. The export
prints this page after the city's and each district's atlas page. A municipality may restyle it in
QGIS's layout designer: the exporter finds items by id; pictures chart_year, chart_funder,
chart_theme and chart_shares get the charts (drawn at the item's size), the tables with frames
money_table, coverage_table and stacking_table get their rows, and labels whose text is a
placeholder in braces ({title}, {subtitle}, {date}, {source}, {page}, {money_heading},
{coverage_heading}, {coverage_note}, {stacking_heading}, {stacking_note}) get translated texts.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import qgis_headless  # noqa: E402
from build_atlas_template import (  # noqa: E402
    FOOTER,
    ORIENTATIONS,
    PAPERS,
    M,
    _label,
    _place,
    _text_format,
    page_size,
)

CHART_Y, GAP = 33.0, 6.0


def template_name(paper: str, orientation: str) -> str:
    return "district_summary_{}_{}.qpt".format(paper, orientation)


def _table(layout, x, y, w, h, frame_id: str, size: float = 7.5, wrap: bool = False):
    from qgis.core import QgsLayoutFrame, QgsLayoutItemManualTable, QgsLayoutMultiFrame, QgsLayoutTable
    from qgis.PyQt.QtGui import QColor

    table = QgsLayoutItemManualTable.create(layout)
    table.setHeaderTextFormat(_text_format(size, True))
    table.setContentTextFormat(_text_format(size))
    table.setWrapBehavior(QgsLayoutTable.WrapText if wrap else QgsLayoutTable.TruncateText)
    table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
    table.setEmptyTableMessage("{empty_table}")
    table.setIncludeTableHeader(True)
    table.setCellMargin(0.6 if size < 7 else 1.0)  # small type, small paper: every row stays in its frame
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#bbbbbb"))
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    _place(frame, x, y, w, h, frame_id)
    table.addFrame(frame)
    return table


def _chart(layout, x, y, w, h, item_id: str) -> None:
    from qgis.core import QgsLayoutItemPicture

    picture = QgsLayoutItemPicture(layout)
    picture.setResizeMode(QgsLayoutItemPicture.Zoom)
    picture.setFrameEnabled(False)
    layout.addLayoutItem(picture)
    _place(picture, x, y, w, h, item_id)


def build(path: Path, paper: str = "a3", orientation: str = "landscape") -> None:
    """One page size: the four charts in a row (landscape) or two by two (portrait), the money and
    coverage tables side by side, the stacking table under them."""
    from qgis.core import QgsLayout, QgsLayoutItemPage, QgsLayoutItemShape, QgsProject, QgsReadWriteContext
    from qgis.PyQt.QtCore import Qt

    W, H = page_size(paper, orientation)  # noqa: N806 - this page's width and height
    small = paper == "a4"
    font = 6.2 if small else 7.5
    layout = QgsLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(paper.upper(), QgsLayoutItemPage.Landscape
                                                if orientation == "landscape" else QgsLayoutItemPage.Portrait)

    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Rectangle)
    layout.addLayoutItem(band)
    _place(band, 0, 0, W, 5, "house_band")
    band.setSymbol(band.symbol().createSimple({"color": "#2166ac", "outline_style": "no"}))

    date_w, page_w = 60.0, 60.0
    _label(layout, "{date}", W - M - date_w, 5.5, date_w, 4, "date", 8, align=Qt.AlignRight, colour="#555555")
    _label(layout, "{title}", M, 9, W - 2 * M, 12, "title", 14 if small else 20, bold=True)
    _label(layout, "{subtitle}", M, 21, W - 2 * M, 8, "subtitle", 10 if small else 11, colour="#444444")
    source = _label(layout, "{source}", M, H - FOOTER, W - 2 * M - page_w - 4, 8, "source", 7, colour="#555555")
    source.setVAlign(Qt.AlignTop)
    number = _label(layout, "{page}", W - M - page_w, H - FOOTER, page_w, 5, "page_number", 7, align=Qt.AlignRight,
                    colour="#555555")
    number.setVAlign(Qt.AlignTop)

    bottom = H - FOOTER - 2
    charts = ("chart_year", "chart_funder", "chart_theme", "chart_shares")
    if orientation == "landscape":
        width, height = (W - 2 * M - 3 * GAP) / 4, (bottom - CHART_Y) * 0.34
        for k, item_id in enumerate(charts):
            _chart(layout, M + k * (width + GAP), CHART_Y, width, height, item_id)
        table_y = CHART_Y + height + 8
    else:
        width, height = (W - 2 * M - GAP) / 2, (bottom - CHART_Y) * 0.19
        for k, item_id in enumerate(charts):
            _chart(layout, M + (k % 2) * (width + GAP), CHART_Y + (k // 2) * (height + GAP), width, height, item_id)
        table_y = CHART_Y + 2 * height + GAP + 8
    stack_y = table_y + (bottom - table_y) * (0.5 if orientation == "landscape" else 0.57)

    half = (W - 2 * M - 2 * GAP) / 2
    left, right = M, M + half + 2 * GAP
    heading = 9.5 if small else 11
    _label(layout, "{money_heading}", left, table_y, half, 7, "money_heading", heading, bold=True)
    narrow = half < 120  # on A4 portrait a long heading takes two lines rather than being cut
    _table(layout, left, table_y + 8, half, stack_y - table_y - 12, "money_table", font, narrow)
    _label(layout, "{coverage_heading}", right, table_y, half, 7, "coverage_heading", heading, bold=True)
    _label(layout, "{coverage_note}", right + half * 0.45, table_y, half * 0.55, 7, "coverage_note", font,
           align=Qt.AlignRight, colour="#666666")
    _table(layout, right, table_y + 8, half, stack_y - table_y - 12, "coverage_table", font, narrow)
    _label(layout, "{stacking_heading}", M, stack_y, W - 2 * M, 7, "stacking_heading", heading, bold=True)
    _label(layout, "{stacking_note}", M, stack_y + 7, W - 2 * M, 5, "stacking_note", font, colour="#666666")
    _table(layout, M, stack_y + 13, W - 2 * M, bottom - stack_y - 13, "stacking_table", font)

    layout.saveAsTemplate(str(path), QgsReadWriteContext())


def main() -> int:
    qgis_headless.start()
    out = ROOT / "resources" / "layouts"
    out.mkdir(parents=True, exist_ok=True)
    for paper in PAPERS:
        for orientation in ORIENTATIONS:
            build(out / template_name(paper, orientation), paper, orientation)
    return 0


if __name__ == "__main__":
    sys.exit(main())
