"""Fitting the atlas's texts: map labels (own district, no overlaps, every district in the inset),
a legend that fits its page and table columns as wide as their longest text. Main thread only."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsLabelingEngineSettings,
    QgsLayoutItemLegend,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPalLayerSettings,
    QgsProject,
    QgsRuleBasedLabeling,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from gebiedsplugin.toolbelt.qt_compat import scoped

# On a district's page only that district's items carry a label; the city's and a selection's
# pages label everything (the pages layer's area_id is the district id, 'city' or 'selection').
OWN_ITEMS = ("attribute(@atlas_feature, 'area_id') IN ('city', 'selection') "
             "OR \"district_id\" = attribute(@atlas_feature, 'area_id')")
OWN_RULE = "own district"  # the description of that rule (label_area() finds it by it)
LEGEND_STYLES = (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup,
                 QgsLegendStyle.Style.SymbolLabel)
MIN_TABLE_MM = 20.0  # the table keeps at least this much height under the legend


def label_own_items(layer: QgsVectorLayer) -> None:
    """Label rules of *layer* wrapped in one rule that keeps an atlas page's labels to its district."""
    labeling = layer.labeling()
    if isinstance(labeling, QgsRuleBasedLabeling):
        children = [rule.clone() for rule in labeling.rootRule().children()]
    elif isinstance(labeling, QgsVectorLayerSimpleLabeling):
        children = [QgsRuleBasedLabeling.Rule(QgsPalLayerSettings(labeling.settings()))]
    else:
        return
    own = QgsRuleBasedLabeling.Rule(None, 0, 0, OWN_ITEMS, OWN_RULE)
    for child in children:
        own.appendChild(child)
    root = QgsRuleBasedLabeling.Rule(None)
    root.appendChild(own)
    layer.setLabeling(QgsRuleBasedLabeling(root))


def label_area(layer: QgsVectorLayer, area_id) -> None:
    """The rule of label_own_items() for the page of *area_id*, as a literal: what OWN_ITEMS gives
    on that page, without evaluating the atlas feature for every item (no filter on the city's and a
    selection's pages; a page without an area labels nothing, as OWN_ITEMS's NULL)."""
    labeling = layer.labeling()
    if not isinstance(labeling, QgsRuleBasedLabeling) or not labeling.rootRule().children():
        return
    own = labeling.rootRule().children()[0]
    if own.description() != OWN_RULE:
        return
    if area_id in ("city", "selection"):
        own.setFilterExpression("")
    elif area_id is None:
        own.setFilterExpression("FALSE")
    else:
        own.setFilterExpression('"district_id" = {}'.format(QgsExpression.quotedValue(str(area_id))))


def engine_settings(project: QgsProject) -> None:
    """Labels never overlap one another and are drawn whole, or not at all."""
    settings = QgsLabelingEngineSettings(project.labelingEngineSettings())
    settings.setFlag(QgsLabelingEngineSettings.Flag.UsePartialCandidates, False)
    settings.setFlag(QgsLabelingEngineSettings.Flag.DrawUnplacedLabels, False)
    project.setLabelingEngineSettings(settings)


def district_labels(districts: QgsVectorLayer) -> QgsVectorLayer:
    """A copy of the districts layer for the overview inset: every district's name, small, shown
    even where names would touch (the inset is too small for QGIS to place them all otherwise)."""
    layer = districts.clone()
    settings = QgsPalLayerSettings()
    settings.fieldName = "CASE WHEN \"district_id\" = 'city' THEN NULL ELSE \"name\" END"
    settings.isExpression = True
    settings.placement = QgsPalLayerSettings.Placement.OverPoint  # on the district's centre, inside it
    settings.centroidInside = True
    overlap = scoped(Qgis, "LabelOverlapHandling", "AllowOverlapIfRequired")  # QGIS >= 3.26
    if hasattr(settings, "placementSettings") and overlap is not None:
        settings.placementSettings().setOverlapHandling(overlap)
        settings.placementSettings().setAllowDegradedPlacement(True)
    else:
        settings.displayAll = True
    settings.obstacleSettings().setIsObstacle(False)
    fmt = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(True)
    fmt.setFont(font)
    fmt.setSize(6.0)
    fmt.setColor(QColor("#333333"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    buffer.setColor(QColor(255, 255, 255, 220))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


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


def table_widths(table, width: float, headings: list, samples: list, most: dict | None = None) -> list:
    """Column widths (mm) of *table* over *width* (its frame's, as the template has it; the frame then
    takes the columns' width): a column with sample texts as wide as the longest of them (or its
    heading; column k at most the share *most*[k] of the width, wrapping beyond), the others sharing
    the rest, the first twice."""
    n = len(headings)
    usable = width - n * 2 * table.cellMargin() - (n + 1) * table.gridStrokeWidth() - 0.5
    content, header = _font(table.contentTextFormat()), _font(table.headerTextFormat())
    widths = []
    for k, (heading, texts) in enumerate(zip(headings, samples)):
        if texts is None:
            widths.append(None)
            continue
        widest = max([QgsLayoutUtils.textWidthMM(content, t) for t in texts] + [
            QgsLayoutUtils.textWidthMM(header, heading)])
        widths.append(min(widest * 1.05 + 0.5, usable * (most or {}).get(k, 1.0)))
    free = max(usable - sum(w for w in widths if w is not None), 10.0)
    shares = [2.0 if k == 0 else 1.0 for k, w in enumerate(widths) if w is None]
    out, k = [], 0
    for w in widths:
        if w is None:
            w = free * shares[k] / sum(shares)
            k += 1
        out.append(w)
    return out


def _font(fmt: QgsTextFormat) -> QFont:
    font = QFont(fmt.font())
    font.setPointSizeF(fmt.size())
    return font
