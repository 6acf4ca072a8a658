"""Build the print atlas template resources/layouts/programme_atlas.qpt with PyQGIS.

Run once (`.venv/bin/python scripts/build_atlas_template.py`) and commit the .qpt. A municipality
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

W, H, M = 420.0, 297.0, 10.0  # A3 landscape, margin (mm)
RIGHT_X, RIGHT_W = 274.0, 136.0


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


def build(path: Path) -> None:
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

    project = QgsProject.instance()
    layout = QgsLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize("A3", QgsLayoutItemPage.Landscape)

    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Rectangle)
    layout.addLayoutItem(band)
    _place(band, 0, 0, W, 5, "house_band")
    band.setSymbol(band.symbol().createSimple({"color": "#2166ac", "outline_style": "no"}))

    _label(layout, "{title}", M, 8, 255, 13, "title", 20, bold=True)
    _label(layout, "{subtitle}", M, 21, 255, 8, "subtitle", 11, colour="#444444")
    _label(layout, "{date}", 300, 8, W - M - 300, 6, "date", 8, align=Qt.AlignRight, colour="#555555")
    _label(layout, "{source}", M, H - 14, 400, 5, "source", 7, colour="#555555")
    _label(layout, "{page}", 330, H - 14, W - M - 330, 5, "page_number", 7, align=Qt.AlignRight,
           colour="#555555")

    main = QgsLayoutItemMap(layout)
    main.setFrameEnabled(True)
    main.setFrameStrokeColor(QColor("#888888"))
    main.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(main)
    _place(main, M, 31, RIGHT_X - M - 4, H - 31 - 16, "map")
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    main.setAtlasMargin(0.06)
    main.setExtent(QgsRectangle(100000, 484000, 108320, 492000))  # the aspect of the item (260 x 250)

    empty = _label(layout, "{empty}", M + 20, 140, RIGHT_X - M - 44, 18, "empty_note", 15, bold=True,
                   align=Qt.AlignHCenter, colour="#b2182b")
    empty.setFrameEnabled(False)

    north = QgsLayoutItemPicture(layout)
    north.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    layout.addLayoutItem(north)
    _place(north, RIGHT_X - 4 - 17, 35, 12, 16, "north_arrow")
    north.setLinkedMap(main)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(main)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(40)
    scalebar.setMaximumBarWidth(70)
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(scalebar)
    _place(scalebar, M + 4, H - 16 - 16, 80, 12, "scalebar")

    overview = QgsLayoutItemMap(layout)
    overview.setFrameEnabled(True)
    overview.setFrameStrokeColor(QColor("#888888"))
    layout.addLayoutItem(overview)
    _place(overview, RIGHT_X, 31, 56, 56, "overview")
    frame = QgsLayoutItemMapOverview("overview_frame", overview)
    frame.setLinkedMap(main)
    frame.setFrameSymbol(frame.frameSymbol().createSimple(
        {"color": "255,0,0,40", "outline_color": "#d7301f", "outline_width": "0.5"}))
    overview.overviews().addOverview(frame)

    _label(layout, "{summary}", RIGHT_X + 60, 31, RIGHT_W - 60, 56, "summary", 8.5, colour="#222222")

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
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    _place(legend, RIGHT_X, 91, RIGHT_W, 62, "legend")

    table = QgsLayoutItemAttributeTable(layout)
    table.setHeaderTextFormat(_text_format(6.5, True))
    table.setContentTextFormat(_text_format(6.2))
    table.setWrapBehavior(QgsLayoutTable.TruncateText)
    table.setHeaderMode(QgsLayoutTable.AllFrames)
    table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
    table.setEmptyTableMessage("{empty_table}")
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#bbbbbb"))
    table.setResizeMode(QgsLayoutMultiFrame.ExtendToNextPage)
    columns = []
    for heading, width in (("What", 47), ("Kind", 26), ("Where", 24), ("When", 13), ("Budget", 17)):
        column = QgsLayoutTableColumn(heading)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    layout.addMultiFrame(table)
    table_frame = QgsLayoutFrame(layout, table)
    _place(table_frame, RIGHT_X, 157, RIGHT_W, H - 157 - 16, "table_frame")
    table.addFrame(table_frame)

    layout.saveAsTemplate(str(path), QgsReadWriteContext())


def main() -> int:
    qgis_headless.start()
    out = ROOT / "resources" / "layouts"
    out.mkdir(parents=True, exist_ok=True)
    build(out / "programme_atlas.qpt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
