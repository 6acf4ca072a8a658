"""Build the district summary page template resources/layouts/district_summary.qpt with PyQGIS.

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
from build_atlas_template import H, M, W, _label, _place, _text_format  # noqa: E402

CHART_Y, CHART_H, GAP = 33.0, 86.0, 6.0
TABLE_Y = CHART_Y + CHART_H + 8  # headings of the money and coverage tables
STACK_Y = 206.0  # heading of the stacking table


def _table(layout, x, y, w, h, frame_id: str):
    from qgis.core import QgsLayoutFrame, QgsLayoutItemManualTable, QgsLayoutMultiFrame, QgsLayoutTable
    from qgis.PyQt.QtGui import QColor

    table = QgsLayoutItemManualTable.create(layout)
    table.setHeaderTextFormat(_text_format(7.5, True))
    table.setContentTextFormat(_text_format(7.5))
    table.setWrapBehavior(QgsLayoutTable.TruncateText)
    table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
    table.setEmptyTableMessage("{empty_table}")
    table.setIncludeTableHeader(True)
    table.setCellMargin(1.0)
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


def build(path: Path) -> None:
    from qgis.core import QgsLayout, QgsLayoutItemPage, QgsLayoutItemShape, QgsProject, QgsReadWriteContext
    from qgis.PyQt.QtCore import Qt

    layout = QgsLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A3", QgsLayoutItemPage.Landscape)

    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Rectangle)
    layout.addLayoutItem(band)
    _place(band, 0, 0, W, 5, "house_band")
    band.setSymbol(band.symbol().createSimple({"color": "#2166ac", "outline_style": "no"}))

    _label(layout, "{title}", M, 8, 280, 13, "title", 20, bold=True)
    _label(layout, "{subtitle}", M, 21, 330, 8, "subtitle", 11, colour="#444444")
    _label(layout, "{date}", 300, 8, W - M - 300, 6, "date", 8, align=Qt.AlignRight, colour="#555555")
    _label(layout, "{source}", M, H - 14, 310, 5, "source", 7, colour="#555555")
    _label(layout, "{page}", 330, H - 14, W - M - 330, 5, "page_number", 7, align=Qt.AlignRight, colour="#555555")

    width = (W - 2 * M - 3 * GAP) / 4
    for k, item_id in enumerate(("chart_year", "chart_funder", "chart_theme", "chart_shares")):
        _chart(layout, M + k * (width + GAP), CHART_Y, width, CHART_H, item_id)

    half = (W - 2 * M - 2 * GAP) / 2
    left, right = M, M + half + 2 * GAP
    _label(layout, "{money_heading}", left, TABLE_Y, half, 7, "money_heading", 11, bold=True)
    _table(layout, left, TABLE_Y + 8, half, STACK_Y - TABLE_Y - 12, "money_table")
    _label(layout, "{coverage_heading}", right, TABLE_Y, half, 7, "coverage_heading", 11, bold=True)
    _label(layout, "{coverage_note}", right + 60, TABLE_Y, half - 60, 7, "coverage_note", 7.5,
           align=Qt.AlignRight, colour="#666666")
    _table(layout, right, TABLE_Y + 8, half, STACK_Y - TABLE_Y - 12, "coverage_table")
    _label(layout, "{stacking_heading}", M, STACK_Y, W - 2 * M, 7, "stacking_heading", 11, bold=True)
    _label(layout, "{stacking_note}", M, STACK_Y + 7, W - 2 * M, 5, "stacking_note", 7.5, colour="#666666")
    _table(layout, M, STACK_Y + 13, W - 2 * M, H - 16 - STACK_Y - 13, "stacking_table")

    layout.saveAsTemplate(str(path), QgsReadWriteContext())


def main() -> int:
    qgis_headless.start()
    out = ROOT / "resources" / "layouts"
    out.mkdir(parents=True, exist_ok=True)
    build(out / "district_summary.qpt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
