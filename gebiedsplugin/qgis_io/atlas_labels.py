"""The atlas's map labels: a district's page labels its own items, no overlaps, every district named
in the inset. Main thread only. (The legend's fitting: atlas_legend; the table's columns:
atlas_item_table.)"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsLabelingEngineSettings,
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
