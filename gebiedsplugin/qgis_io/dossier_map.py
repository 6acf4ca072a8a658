"""The dossier's district map: the district's border and neighbourhoods, its interventions coloured
by funding status (memory layers of the dossier's own project) and a legend of the statuses. Main
thread only."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayout,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from gebiedsplugin.core import dossier_texts, funding_gap
from gebiedsplugin.qgis_io.dossier_fonts import font, text_format
from gebiedsplugin.qgis_io.project_layers import add_layers
from gebiedsplugin.toolbelt.i18n import tr

STATUS_COLOURS = {funding_gap.FUNDED: "#1a9850", funding_gap.PARTLY_FUNDED: "#fdae61",
                  funding_gap.UNFUNDED: "#d7301f", funding_gap.NO_BUDGET: "#969696"}


def district_map(layout: QgsLayout, project: QgsProject, map_data, lang: str, rect: tuple) -> list:
    """The map of *map_data* at *rect* (x, y, width, height in mm) on page 1 of *layout*, as tall as
    the district needs; its layers (added to *project*)."""
    crs = QgsCoordinateReferenceSystem(map_data.crs)
    hoods = _layer("Polygon", crs, tr("Neighbourhoods"), [(g, None) for g in map_data.neighbourhoods])
    hoods.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,255,255,0", "outline_color": "#aaaaaa", "outline_width": "0.2"})))
    border = _layer("Polygon", crs, map_data.name, [(map_data.district, None)] if map_data.district else [])
    border.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "245,245,240,255", "outline_color": "#333333", "outline_width": "0.6"})))
    items = []
    for kind in ("Polygon", "LineString", "Point"):
        rows = [(g, s) for g, s in map_data.items if g is not None and _kind(g) == kind]
        if not rows:
            continue
        layer = _layer(kind, crs, dossier_texts.text("interventions", lang), rows)
        cats = [QgsRendererCategory(status, _symbol(kind, STATUS_COLOURS[status]),
                                    funding_gap.label(status, lang)) for status in funding_gap.STATUSES]
        layer.setRenderer(QgsCategorizedSymbolRenderer("status", cats))
        items.append(layer)
    layers = items + [hoods, border]
    add_layers(project, layers)
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    x, y, w, h = rect
    item.attemptMove(QgsLayoutPoint(x, y), page=0)
    item.attemptResize(QgsLayoutSize(w, h))
    item.setCrs(crs)
    item.setLayers(layers)
    extent = QgsRectangle(*(float(v) for v in map_data.extent)) if map_data.extent else border.extent()
    extent.scale(1.08)
    if extent.width() > 0 and extent.height() > 0:  # as tall as the district needs, not more
        h = min(h, max(w * extent.height() / extent.width(), 60.0))
    item.setExtent(extent)  # zoomToExtent() on a map with no extent yet gives an empty one
    item.attemptResize(QgsLayoutSize(w, h))  # setExtent() fitted the item to the extent's shape
    item.zoomToExtent(extent)
    item.setFrameEnabled(True)
    if items:
        legend = QgsLayoutItemLegend(layout)
        legend.setLinkedMap(item)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        root.addLayer(items[0])
        legend.setTitle("")
        for style, bold in ((QgsLegendStyle.Style.SymbolLabel, False), (QgsLegendStyle.Style.Subgroup, True)):
            rstyle = legend.rstyle(style)
            if hasattr(rstyle, "setTextFormat"):  # QGIS >= 3.30; setStyleFont is deprecated on 3.44
                rstyle.setTextFormat(text_format(7, bold))
            else:
                rstyle.setFont(font(7, bold))
        legend.setBackgroundEnabled(True)
        layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(x + 1.5, y + 1.5), page=0)
    return layers


def _kind(geometry) -> str:
    kind = geometry.geom_type
    return {"MultiPolygon": "Polygon", "MultiLineString": "LineString", "MultiPoint": "Point"}.get(kind, kind)


def _layer(kind: str, crs, name: str, rows: list) -> QgsVectorLayer:
    """A memory layer of (shapely geometry, funding status) rows."""
    layer = QgsVectorLayer("Multi{}?crs={}&field=status:string".format(kind, crs.authid()), name, "memory")
    features = []
    for geometry, status in rows:
        if geometry is None:
            continue
        f = QgsFeature(layer.fields())
        g = QgsGeometry.fromWkt(geometry.wkt)
        if not g.convertToMultiType():  # an empty geometry: nothing to draw
            continue
        f.setGeometry(g)
        f.setAttributes([status])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _symbol(kind: str, colour: str):
    if kind == "Point":
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "2.2",
                                             "outline_color": "#333333", "outline_width": "0.15"})
    if kind == "LineString":
        return QgsLineSymbol.createSimple({"color": colour, "width": "0.9"})
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#333333", "outline_width": "0.15"})

