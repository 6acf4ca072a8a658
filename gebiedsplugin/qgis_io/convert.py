"""QgsGeometry <-> shapely, through WKB (cheap, exact, and thread-safe on copies)."""

from __future__ import annotations

import shapely
from qgis.core import QgsGeometry


def to_shapely(geom: QgsGeometry):
    """A shapely geometry for *geom* (None for a null geometry)."""
    if geom is None or geom.isNull():
        return None
    return shapely.from_wkb(bytes(geom.asWkb()))


def from_shapely(geom) -> QgsGeometry:
    """A QgsGeometry for a shapely geometry (an empty QgsGeometry for None)."""
    if geom is None:
        return QgsGeometry()
    result = QgsGeometry()
    result.fromWkb(shapely.to_wkb(geom))
    return result
