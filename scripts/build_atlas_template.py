"""Build the print atlas templates resources/layouts/programme_atlas_<paper>_<orientation>.qpt
(A4 and A3, portrait and landscape) with PyQGIS.

Run once (`.venv/bin/python scripts/build_atlas_template.py`) and commit the .qpt files. A municipality
opens it in QGIS's layout designer (Project > Layout Manager > from template) to apply its house
style: the exporter finds items by their id, so positions, fonts and colours are free to change.
Labels whose text is a placeholder in braces ({title}, {subtitle}, {summary}, {date}, {source},
{empty}) get translated texts from the plugin; any other text is left as the municipality wrote it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import qgis_headless  # noqa: E402

PAPERS = {"a4": (297.0, 210.0), "a3": (420.0, 297.0)}  # landscape width, height (mm)
ORIENTATIONS = ("portrait", "landscape")
W, H, M = 420.0, 297.0, 10.0  # the default page, A3 landscape, and the margin (mm)
FOOTER = 14.0  # the footer band above the bottom edge


def page_size(paper: str, orientation: str) -> tuple:
    """Width and height (mm) of *paper* in *orientation*."""
    long_side, short_side = PAPERS[paper]
    return (long_side, short_side) if orientation == "landscape" else (short_side, long_side)


def template_name(paper: str, orientation: str) -> str:
    return "programme_atlas_{}_{}.qpt".format(paper, orientation)


def _font(size: float, bold: bool = False):
    from qgis.PyQt.QtGui import QFont

    font = QFont("Sans Serif")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size: float, bold: bool = False):
    from qgis.core import QgsTextFormat

    fmt = QgsTextFormat()
    fmt.setFont(_font(size, bold))
    fmt.setSize(size)
    return fmt


def _place(item, x: float, y: float, w: float, h: float, item_id: str) -> None:
    from qgis.core import QgsLayoutPoint, QgsLayoutSize, QgsUnitTypes

    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    item.setId(item_id)


def _label(layout, text: str, x, y, w, h, item_id: str, size: float, bold=False, align=None, colour="#222222"):
    from qgis.core import QgsLayoutItemLabel
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor

    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(_font(size, bold))
    label.setFontColor(QColor(colour))
    label.setHAlign(align if align is not None else Qt.AlignLeft)
    label.setVAlign(Qt.AlignVCenter)
    layout.addLayoutItem(label)
    _place(label, x, y, w, h, item_id)
    return label


def build(path: Path, paper: str = "a3", orientation: str = "landscape") -> None:
    """One page size of the atlas: on landscape paper the map left and a column on the right; on
    portrait paper the map on top and overview, summary, legend and table below it."""
    from qgis.core import (
        QgsLayout,
        QgsLayoutFrame,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemMapOverview,
        QgsLayoutItemPage,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutItemShape,
        QgsLayoutMultiFrame,
        QgsLayoutTable,
        QgsLayoutTableColumn,
        QgsLegendStyle,
        QgsProject,
        QgsReadWriteContext,
        QgsRectangle,
        QgsScaleBarSettings,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor

    W, H = page_size(paper, orientation)  # noqa: N806 - this page's width and height
    small = paper == "a4"
    top, bottom = 31.0, H - FOOTER - 2  # the content between the heading and the footer
    project = QgsProject.instance()
    layout = QgsLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(paper.upper(), QgsLayoutItemPage.Landscape if orientation == "landscape"
                     else QgsLayoutItemPage.Portrait)

    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Rectangle)
    layout.addLayoutItem(band)
    _place(band, 0, 0, W, 5, "house_band")
    band.setSymbol(band.symbol().createSimple({"color": "#2166ac", "outline_style": "no"}))

    date_w, page_w = 60.0, 50.0
    # The date above the title's line, so a long title has the page's whole width.
    _label(layout, "{date}", W - M - date_w, 5.5, date_w, 4, "date", 8, align=Qt.AlignRight, colour="#555555")
    _label(layout, "{title}", M, 9, W - 2 * M, 12, "title", 14 if small else 20, bold=True)
    _label(layout, "{subtitle}", M, 21, W - 2 * M, 8, "subtitle", 10 if small else 11, colour="#444444")
    # The footer: the source (two lines if it needs them) beside, not under, the page number.
    source = _label(layout, "{source}", M, H - FOOTER, W - 2 * M - page_w - 4, 8, "source", 7, colour="#555555")
    source.setVAlign(Qt.AlignTop)
    number = _label(layout, "{page}", W - M - page_w, H - FOOTER, page_w, 5, "page_number", 7,
                    align=Qt.AlignRight, colour="#555555")
    number.setVAlign(Qt.AlignTop)

    if orientation == "landscape":
        side_w = 120.0 if small else 136.0  # the column right of the map
        side_x = W - M - side_w
        box = (M, top, side_x - M - 4, bottom - top)
        inset = 44.0 if small else 56.0
        overview_box = (side_x, top, inset, inset)
        summary_box = (side_x + inset + 4, top, side_w - inset - 4, inset)
        legend_box = (side_x, top + inset + 4, side_w, 56.0 if small else 62.0)
    else:
        box = (M, top, W - 2 * M, (bottom - top) * (0.42 if small else 0.45))
        inset = 40.0 if small else 56.0
        row = box[1] + box[3] + 4
        overview_box = (M, row, inset, inset)
        summary_box = (M + inset + 4, row, W - 2 * M - inset - 4, inset)
        legend_box = (M, row + inset + 4, W - 2 * M, 50.0)
    table_y = legend_box[1] + legend_box[3] + 4  # the exporter moves it under the legend as filled

    main = QgsLayoutItemMap(layout)
    main.setFrameEnabled(True)
    main.setFrameStrokeColor(QColor("#888888"))
    main.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(main)
    _place(main, *box, "map")
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    main.setAtlasMargin(0.06)
    main.setExtent(QgsRectangle(100000, 484000, 100000 + 8 * box[2], 484000 + 8 * box[3]))  # the item's aspect

    empty = _label(layout, "{empty}", box[0] + 10, box[1] + box[3] / 2 - 9, box[2] - 20, 18, "empty_note", 15,
                   bold=True, align=Qt.AlignHCenter, colour="#b2182b")
    empty.setFrameEnabled(False)

    north = QgsLayoutItemPicture(layout)
    north.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    layout.addLayoutItem(north)
    _place(north, box[0] + box[2] - 17, box[1] + 4, 12, 16, "north_arrow")
    north.setLinkedMap(main)

    # Four segments of a round length (1, 2 or 5 times a power of ten), chosen per page by the exporter.
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(main)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    scalebar.setUnitsPerSegment(0.5)
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(scalebar)
    _place(scalebar, box[0] + 4, box[1] + box[3] - 16, 80, 12, "scalebar")

    overview = QgsLayoutItemMap(layout)
    overview.setFrameEnabled(True)
    overview.setFrameStrokeColor(QColor("#888888"))
    layout.addLayoutItem(overview)
    _place(overview, *overview_box, "overview")
    frame = QgsLayoutItemMapOverview("overview_frame", overview)
    frame.setLinkedMap(main)
    frame.setFrameSymbol(frame.frameSymbol().createSimple(
        {"color": "255,0,0,40", "outline_color": "#d7301f", "outline_width": "0.5"}))
    overview.overviews().addOverview(frame)

    summary = _label(layout, "{summary}", *summary_box, "summary", 8 if small else 8.5, colour="#222222")
    summary.setVAlign(Qt.AlignTop)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("{legend}")
    legend.setLinkedMap(main)
    legend.setColumnCount(3)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(True)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.2)
    legend.setWrapString("")
    for style, size, bold in ((QgsLegendStyle.Title, 9, True), (QgsLegendStyle.Group, 8, True),
                              (QgsLegendStyle.Subgroup, 7.5, True), (QgsLegendStyle.SymbolLabel, 6.5, False)):
        legend.rstyle(style).setFont(_font(size, bold))
    for style in (QgsLegendStyle.Symbol, QgsLegendStyle.SymbolLabel):  # rows closer: the legend fits its box
        legend.rstyle(style).setMargin(QgsLegendStyle.Top, 1.4)
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    _place(legend, *legend_box, "legend")

    table = QgsLayoutItemAttributeTable(layout)
    table.setHeaderTextFormat(_text_format(6.5, True))
    table.setContentTextFormat(_text_format(6.2))
    table.setWrapBehavior(QgsLayoutTable.WrapText)  # a long title takes two lines, never cut
    table.setHeaderMode(QgsLayoutTable.AllFrames)
    table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
    table.setEmptyTableMessage("{empty_table}")
    table.setCellMargin(0.5)  # 30 rows fit under the legend on A3, with room for a wrapped title
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#bbbbbb"))
    table.setResizeMode(QgsLayoutMultiFrame.ExtendToNextPage)
    columns = []
    parts = (("What", 47), ("Kind", 26), ("Where", 24), ("When", 13), ("Budget", 17))
    usable = legend_box[2] - len(parts) * 2 * 0.5 - (len(parts) + 1) * 0.15 - 0.5  # a frame is as wide as its columns
    for heading, part in parts:
        column = QgsLayoutTableColumn(heading)
        column.setWidth(usable * part / sum(p for _, p in parts))
        columns.append(column)
    table.setColumns(columns)
    layout.addMultiFrame(table)
    table_frame = QgsLayoutFrame(layout, table)
    _place(table_frame, legend_box[0], table_y, legend_box[2], bottom - table_y, "table_frame")
    table.addFrame(table_frame)

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
