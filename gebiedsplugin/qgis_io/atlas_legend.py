"""The atlas's legend: the unified layers by kind and domain, the same on every page, its box fitted
to its content (smaller type if it would not fit) with the item table starting under it. Main
thread only."""

from __future__ import annotations

from typing import Callable

from qgis.core import (
    QgsLayout,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
)

from gebiedsplugin.qgis_io.data_export import UNIFIED_LAYERS

LEGEND_STYLES = (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup,
                 QgsLegendStyle.Style.SymbolLabel)
MIN_TABLE_MM = 20.0  # the table keeps at least this much height under the legend


def setup_legend(layout: QgsLayout, layers: dict, main: QgsLayoutItemMap, words: Callable[[str], str]) -> None:
    """Every legend of *layout*: the unified layers by kind, titled in the export's language (*words*)."""
    tr = words
    legends = [i for i in layout.items() if isinstance(i, QgsLayoutItemLegend)]
    for legend in legends:
        if legend.title().strip() in ("", "{legend}"):
            legend.setTitle(tr("Legend: kind and domain"))
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for kind in ("point", "line", "polygon"):
            node = root.addLayer(layers[UNIFIED_LAYERS[kind]])
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Group)
        legend.setLinkedMap(main)
        # The same full legend on every page: pages compare at a glance, and filtering by map
        # content would cost a second render of every map (4 s of 6 for 10,000 items).
        legend.setLegendFilterByMapEnabled(False)
        legend.updateLegend()


def fit_legend(layout: QgsLayout) -> None:
    """The whole legend on the page: its box grown or shrunk to its content (smaller type if it
    would not fit), and the item table moved to start under it."""
    legend, frame = layout.itemById("legend"), layout.itemById("table_frame")
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    below = None
    if frame is not None:  # the legend may take the room down to the table's last line
        below = frame.positionWithUnits().y() + frame.sizeWithUnits().height()
    bottom = legend_fits(legend, below)
    if frame is not None and bottom is not None:
        top = bottom + 3.0
        frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), max(below - top, 10.0),
                                          frame.sizeWithUnits().units()))
        frame.attemptMove(QgsLayoutPoint(frame.positionWithUnits().x(), top, frame.positionWithUnits().units()))


def legend_fits(legend: QgsLayoutItemLegend, below: float | None) -> float | None:
    """Size *legend* to its content, with smaller type while it is wider than its box or reaches
    down to *below* (mm, less the table's minimum); the bottom of the legend (mm)."""
    width = legend.sizeWithUnits().width()
    top = legend.positionWithUnits().y()
    room = (below - MIN_TABLE_MM - top) if below is not None else None
    for _ in range(8):
        size = legend_size(legend)
        if size.width() <= width + 0.01 and (room is None or size.height() <= room):
            break
        _scale_legend(legend, 0.9)
    legend.setResizeToContents(False)
    height = legend_size(legend).height() + 1.0
    legend.attemptResize(QgsLayoutSize(width, height, legend.sizeWithUnits().units()))
    return top + height


def legend_size(legend: QgsLayoutItemLegend):
    """The size (mm) the legend's content needs (adjustBoxSize does nothing before a first paint)."""
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)


def _scale_legend(legend: QgsLayoutItemLegend, factor: float) -> None:
    for style in LEGEND_STYLES:
        rstyle = legend.rstyle(style)
        if hasattr(rstyle, "textFormat"):  # QGIS >= 3.30; font() is deprecated on 3.44
            fmt = rstyle.textFormat()
            fmt.setSize(fmt.size() * factor)
            rstyle.setTextFormat(fmt)
        else:
            font = rstyle.font()
            font.setPointSizeF(font.pointSizeF() * factor)
            rstyle.setFont(font)
    legend.setSymbolWidth(legend.symbolWidth() * factor)
    legend.setSymbolHeight(legend.symbolHeight() * factor)
