"""The atlas's map items: the main map on the unified layers, the overview inset, the scale bar and
north arrow linked to the map, and the scale bar's round segments per page. Main thread only."""

from __future__ import annotations

import math

from qgis.core import (
    Qgis,
    QgsLayout,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsProject,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsUnitTypes,
)

from gebiedsplugin.qgis_io.atlas_labels import district_labels, engine_settings, label_own_items
from gebiedsplugin.qgis_io.data_export import DISTRICTS_TABLE, PAGES_TABLE, UNIFIED_LAYERS
from gebiedsplugin.qgis_io.project_layers import add_layers
from gebiedsplugin.toolbelt.qt_compat import scoped

# QGIS >= 3.30 names these in Qgis; the old names are deprecated on 3.44.
METRES = scoped(Qgis, "DistanceUnit", "Meters", lambda: QgsUnitTypes.DistanceUnit.DistanceMeters)
FIXED_SEGMENTS = scoped(Qgis, "ScaleBarSegmentSizeMode", "Fixed",
                        lambda: QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
SCALE_BAR_SHARE = 0.25  # the scale bar's four segments: about this share of the map's width (8-18 mm each)


def round_length(length: float) -> float:
    """The round length (1, 2 or 5 times a power of ten) nearest to *length* (> 0), by ratio."""
    power = 10.0 ** math.floor(math.log10(length))
    return min((step * power for step in (1, 2, 5, 10)), key=lambda v: abs(math.log(v / length)))


def fit_extent(item: QgsLayoutItemMap, extent: QgsRectangle, scale: float = 1.0) -> None:
    """Show *extent* in map *item*, widened to the item's aspect ratio (so the item keeps its size)."""
    if extent.isEmpty():
        return
    size = item.sizeWithUnits()
    ratio = size.width() / size.height() if size.height() else 1.0
    width, height = extent.width() * scale, extent.height() * scale
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    item.setExtent(QgsRectangle(centre.x() - width / 2, centre.y() - height / 2,
                                centre.x() + width / 2, centre.y() + height / 2))


def setup_maps(layout: QgsLayout, project: QgsProject, layers: dict, main: QgsLayoutItemMap) -> None:
    """The main map atlas-driven on the unified layers, the overview on every district's name,
    and the scale bar and north arrow linked to the main map."""
    unified = [layers[UNIFIED_LAYERS[k]] for k in ("point", "line", "polygon")]
    engine_settings(project)
    for layer in unified:
        label_own_items(layer)  # a district's page labels its own items, not its neighbours'
    main.setLayers([layers[DISTRICTS_TABLE], layers[PAGES_TABLE]] + unified)
    main.setKeepLayerSet(True)
    main.setCrs(layers[PAGES_TABLE].crs())
    main.setAtlasDriven(True)
    fit_extent(main, layers[PAGES_TABLE].extent(), 1.05)  # atlas auto-scaling keeps this aspect
    overview = layout.itemById("overview")
    if isinstance(overview, QgsLayoutItemMap):
        names = district_labels(layers[DISTRICTS_TABLE])  # every district named, small
        add_layers(project, [names], False)
        overview.setLayers([names])
        overview.setKeepLayerSet(True)
        overview.setCrs(layers[PAGES_TABLE].crs())
        overview.setAtlasDriven(False)
        fit_extent(overview, layers[DISTRICTS_TABLE].extent(), 1.08)
        for i in range(overview.overviews().size()):
            overview.overviews().overview(i).setLinkedMap(main)
    for item_id in ("scalebar", "north_arrow"):
        item = layout.itemById(item_id)
        if item is not None and hasattr(item, "setLinkedMap"):
            item.setLinkedMap(main)
    for item_id in ("scalebar", "north_arrow", "empty_note"):  # no map label under them
        item = layout.itemById(item_id)
        if item is not None:
            main.addLabelBlockingItem(item)


def round_scalebar(layout: QgsLayout, feature) -> None:
    """Segments of a round length for the page's scale (0, 0.5, 1, 1.5 km; not 0, 0.18, 0.36),
    from the extent the atlas gives the page (its area, the margin around it, the map's shape)."""
    main, scalebar = layout.itemById("map"), layout.itemById("scalebar")
    if not isinstance(scalebar, QgsLayoutItemScaleBar) or not feature.hasGeometry():
        return
    size = layout.convertToLayoutUnits(main.sizeWithUnits())
    box = feature.geometry().boundingBox()
    grow = 1 + 2 * main.atlasMargin() if main.atlasScalingMode() == QgsLayoutItemMap.AtlasScalingMode.Auto else 1
    if size.width() <= 0 or size.height() <= 0 or box.isEmpty():
        return
    metres_per_mm = max(box.width() * grow / size.width(), box.height() * grow / size.height())
    segment_mm = min(max(size.width() * SCALE_BAR_SHARE / 4, 8.0), 18.0)
    factor = QgsUnitTypes.fromUnitToUnitFactor(scalebar.units(), METRES)  # metres per bar unit
    scalebar.setSegmentSizeMode(FIXED_SEGMENTS)
    scalebar.setUnitsPerSegment(round_length(segment_mm * metres_per_mm / factor))
    scalebar.update()
