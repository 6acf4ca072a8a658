"""Which area a geometry belongs to: the one of largest overlap (QGIS geometries).

Registered as expression functions so that layer default values derive district and
neighbourhood from the geometry as a planner draws, edits or imports a feature.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsExpression, QgsFeatureRequest, QgsGeometry, QgsProject, QgsWkbTypes
from qgis.utils import qgsfunction

from gebiedsplugin.core.schema import CITY_ID
from gebiedsplugin.toolbelt.log import log


def overlap_measure(geom: QgsGeometry, area: QgsGeometry) -> float:
    """How much of *geom* lies in *area*: area for polygons, length for lines, 1/0 for points."""
    kind = geom.type()
    if kind == QgsWkbTypes.GeometryType.PointGeometry:
        return 1.0 if area.intersects(geom) else 0.0
    if not area.intersects(geom):
        return 0.0
    part = area.intersection(geom)
    if part is None or part.isEmpty():
        return 0.0
    return part.length() if kind == QgsWkbTypes.GeometryType.LineGeometry else part.area()


def overlaps(layer, geom: QgsGeometry, code_field: str) -> list:
    """(measure, code) of every area of *layer* that *geom* overlaps, largest first; `city` skipped."""
    if layer is None or geom is None or geom.isNull() or geom.isEmpty():
        return []
    if not geom.isGeosValid():
        geom = geom.makeValid()
    request = QgsFeatureRequest().setFilterRect(geom.boundingBox())
    request.setSubsetOfAttributes([code_field], layer.fields())
    found = []
    for feat in layer.getFeatures(request):
        code = feat[code_field]
        if code in (None, CITY_ID) or not feat.hasGeometry():
            continue
        measure = overlap_measure(geom, feat.geometry())
        if measure > 0:
            found.append((measure, code))
    found.sort(key=lambda mc: (-mc[0], str(mc[1])))
    return found


def _layer(layer_id: str):
    return QgsProject.instance().mapLayer(layer_id)


@qgsfunction(args="auto", group="Gebiedsplugin", usesgeometry=True, referenced_columns=[])
def gebied_largest_overlap(layer_id, code_field, feature, parent):
    """Code of the area (in layer <i>layer_id</i>, field <i>code_field</i>) the feature overlaps most.

    <h4>Example</h4><pre>gebied_largest_overlap('districts_1234', 'district_id')</pre>
    """
    found = overlaps(_layer(layer_id), feature.geometry(), code_field)
    return found[0][1] if found else None


@qgsfunction(args="auto", group="Gebiedsplugin", usesgeometry=True, referenced_columns=[])
def gebied_overlap_count(layer_id, code_field, feature, parent):
    """Number of areas (in layer <i>layer_id</i>) the feature overlaps; above 1 means: review.

    <h4>Example</h4><pre>gebied_overlap_count('districts_1234', 'district_id') &gt; 1</pre>
    """
    return len(overlaps(_layer(layer_id), feature.geometry(), code_field))


FUNCTIONS = (gebied_largest_overlap, gebied_overlap_count)


def register_functions() -> None:
    """Make the functions available to expressions (idempotent)."""
    for func in FUNCTIONS:
        if not QgsExpression.isFunctionName(func.name()) and not QgsExpression.registerFunction(func):
            log("expression function {} not registered".format(func.name()), Qgis.MessageLevel.Warning)


def unregister_functions() -> None:
    """Remove the functions again (plugin unload)."""
    for func in FUNCTIONS:
        QgsExpression.unregisterFunction(func.name())
