"""Build the QML styles of the unified programme map (resources/styles/unified_*.qml) with PyQGIS.

Run once (`.venv/bin/python scripts/build_unified_styles.py`) and commit the .qml files; a
municipality restyles them in QGIS (Layer Properties > Style > Save as) without code. Colour is the
kind (and blue for the multi-year programme), the symbol's shape or pattern is the domain.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import qgis_headless  # noqa: E402

from gebiedsplugin.core.map_style import KIND_COLOURS  # noqa: E402 - one colour definition (atlas and web map)

LABEL_SCALE = {"programme": 25000, "other": 8000}  # labels show at this scale and closer


def _layer(geom: str):
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    from gebiedsplugin.core.unified import UNIFIED_FIELDS

    layer = QgsVectorLayer("{}?crs=EPSG:28992".format(geom), "unified", "memory")
    types = {"text": QVariant.String, "integer": QVariant.Int, "real": QVariant.Double}
    layer.dataProvider().addAttributes([QgsField(n, types[t]) for n, t, _ in UNIFIED_FIELDS])
    layer.updateFields()
    return layer


def _symbol(kind: str, category: str):
    from qgis.core import (
        QgsFillSymbol,
        QgsLineSymbol,
        QgsMarkerSymbol,
    )

    domain, _, what = category.partition("_")
    what = what or category
    colour = KIND_COLOURS[what]
    social = domain == "social"
    if kind == "point":
        shape = "diamond" if what == "programme" else ("circle" if social else "square")
        return QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#ffffff",
                                             "outline_width": "0.3", "size": "3.4" if what == "programme" else "2.6"})
    if kind == "line":
        width = "1.4" if what == "programme" else "0.8"
        return QgsLineSymbol.createSimple({"line_color": colour, "line_width": width, "capstyle": "round",
                                           "line_style": "dash" if social else "solid"})
    rgb = ",".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    if what == "programme":
        return QgsFillSymbol.createSimple({"color": rgb + ",25", "outline_color": colour, "outline_width": "0.8"})
    # Social areas (often a whole neighbourhood) are outlines only, dashed like social lines.
    return QgsFillSymbol.createSimple({"color": rgb + (",0" if social else ",80"), "outline_color": colour,
                                       "outline_width": "0.6" if social else "0.3",
                                       "outline_style": "dash" if social else "solid"})


def _labels(kind: str):
    from qgis.core import (
        QgsPalLayerSettings,
        QgsRuleBasedLabeling,
        QgsTextBufferSettings,
        QgsTextFormat,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    def settings(size: float, bold: bool) -> QgsPalLayerSettings:
        s = QgsPalLayerSettings()
        s.fieldName = "title"
        fmt = QgsTextFormat()
        font = QFont("Sans Serif")
        font.setBold(bold)
        fmt.setFont(font)
        fmt.setSize(size)
        fmt.setColor(QColor("#222222"))
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(0.8)
        buf.setColor(QColor(255, 255, 255, 220))
        fmt.setBuffer(buf)
        s.setFormat(fmt)
        if kind == "point":
            s.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
            s.dist = 1.0
        elif kind == "line":
            s.placement = QgsPalLayerSettings.Line
        else:
            s.placement = QgsPalLayerSettings.Horizontal
        s.priority = 7 if bold else 4
        return s

    root = QgsRuleBasedLabeling.Rule(None)
    programme = QgsRuleBasedLabeling.Rule(settings(7.5, True), 0, LABEL_SCALE["programme"],
                                          "\"category\" = 'programme'", "programme")
    others = QgsRuleBasedLabeling.Rule(settings(6.5, False), 0, LABEL_SCALE["other"], "ELSE", "interventions")
    root.appendChild(programme)
    root.appendChild(others)
    return QgsRuleBasedLabeling(root)


def build_unified(kind: str, out: Path) -> None:
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    from gebiedsplugin.core.unified import CATEGORIES, category_label

    geom = {"point": "Point", "line": "MultiLineString", "polygon": "MultiPolygon"}[kind]
    layer = _layer(geom)
    cats = [QgsRendererCategory(c, _symbol(kind, c), category_label(c, "en")) for c in CATEGORIES]
    renderer = QgsCategorizedSymbolRenderer("category", cats)
    layer.setRenderer(renderer)
    layer.setLabeling(_labels(kind))
    layer.setLabelsEnabled(True)
    layer.saveNamedStyle(str(out / "unified_{}.qml".format(kind)))


def build_districts(out: Path) -> None:
    from qgis.core import (
        QgsFillSymbol,
        QgsPalLayerSettings,
        QgsSingleSymbolRenderer,
        QgsTextFormat,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:28992&field=district_id:string&field=name:string", "d", "memory")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#555555", "outline_width": "0.5", "style": "no"})))
    s = QgsPalLayerSettings()
    s.fieldName = "CASE WHEN \"district_id\" = 'city' THEN NULL ELSE \"name\" END"
    s.isExpression = True
    s.placement = QgsPalLayerSettings.Horizontal
    fmt = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(True)
    font.setCapitalization(QFont.AllUppercase)
    fmt.setFont(font)
    fmt.setSize(10)
    fmt.setColor(QColor(80, 80, 80, 170))
    s.setFormat(fmt)
    s.priority = 2
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)
    layer.saveNamedStyle(str(out / "unified_districts.qml"))


def build_pages(out: Path) -> None:
    """The atlas coverage: everything outside the page's area is dimmed (an inverted polygon)."""
    from qgis.core import QgsFillSymbol, QgsInvertedPolygonRenderer, QgsRuleBasedRenderer, QgsVectorLayer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:28992&field=page:integer", "p", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "255,255,255,150", "outline_color": "#222222",
                                    "outline_width": "0.9"}),
        0, 0, "@atlas_featureid = $id", "page"))
    layer.setRenderer(QgsInvertedPolygonRenderer(QgsRuleBasedRenderer(root)))
    layer.saveNamedStyle(str(out / "unified_pages.qml"))


def main() -> int:
    qgis_headless.start()
    out = ROOT / "resources" / "styles"
    out.mkdir(parents=True, exist_ok=True)
    for kind in ("point", "line", "polygon"):
        build_unified(kind, out)
    build_districts(out)
    build_pages(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
