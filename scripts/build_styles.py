"""Build the QML styles of the programme layers (resources/styles/<table>.qml) with PyQGIS.

Run once (`.venv/bin/python scripts/build_styles.py`) and commit the .qml files; the loader applies
their symbology and labels, a municipality may restyle them in QGIS and save over them. Colours
match the unified map (scripts/build_unified_styles.py): colour is the kind, shape/dash the domain.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import qgis_headless  # noqa: E402
from build_unified_styles import _symbol  # noqa: E402

STYLES = ROOT / "resources" / "styles"
SEVERITY_COLOURS = {"error": "#b2182b", "warning": "#ef8a62", "info": "#67a9cf"}


def _labels(layer, field: str, size: float, colour: str, max_scale: float = 0, upper: bool = False):
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling
    from qgis.PyQt.QtGui import QColor, QFont

    settings = QgsPalLayerSettings()
    # The city row of districts is the whole city: outline only, no label over the centre.
    settings.fieldName = ("if(\"district_id\" = 'city', '', upper({}))".format(field) if upper else field)
    settings.isExpression = upper
    fmt = QgsTextFormat()
    fmt.setFont(QFont("DejaVu Sans"))
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    if max_scale:
        settings.scaleVisibility = True
        settings.minimumScale = max_scale  # visible when zoomed in beyond this scale
        settings.maximumScale = 1
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _memory(geom: str, fields: list):
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer("{}?crs=EPSG:28992".format(geom), "x", "memory")
    layer.dataProvider().addAttributes([QgsField(f, QVariant.String) for f in fields])
    layer.updateFields()
    return layer


def _categorised(layer, expression: str, symbols: dict):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    cats = [QgsRendererCategory(value, symbol, label) for value, (symbol, label) in symbols.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer(expression, cats))


def build() -> list:
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    from gebiedsplugin.core import schema
    from gebiedsplugin.core.value_lists import label, value_codes

    written = []
    geoms = {"point": "Point", "line": "MultiLineString", "polygon": "MultiPolygon"}
    for kind, geom in geoms.items():
        layer = _memory(geom, ["domain", "kind", "title"])
        symbols = {}
        for domain in value_codes("domain"):
            for what in value_codes("kind"):
                text = "{} · {}".format(label("domain", domain), label("kind", what))
                symbols["{}_{}".format(domain, what)] = (_symbol(kind, "{}_{}".format(domain, what)), text)
        _categorised(layer, "\"domain\" || '_' || \"kind\"", symbols)
        _labels(layer, "title", 7.5, "#333333", max_scale=5000)
        written.append(_save(layer, schema.intervention_table(kind)))
        project = _memory(geom, ["title"])
        project.setRenderer(QgsSingleSymbolRenderer(_symbol(kind, "programme")))
        _labels(project, "title", 7.5, "#2166ac", max_scale=10000)
        written.append(_save(project, schema.project_table(kind)))
    districts = _memory("MultiPolygon", ["district_id", "name"])
    _categorised(districts, "if(\"district_id\" = 'city', 'city', 'district')", {
        "district": (QgsFillSymbol.createSimple(
            {"color": "245,245,240,255", "outline_color": "#333333", "outline_width": "0.9"}), "District"),
        "city": (QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#111111", "outline_width": "1.4"}), "City"),
    })
    _labels(districts, "name", 11, "#555555", upper=True)
    written.append(_save(districts, "districts"))
    hoods = _memory("MultiPolygon", ["name"])
    hoods.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#b0b0b0", "outline_width": "0.25"})))
    _labels(hoods, "name", 7, "#888888", max_scale=15000)
    written.append(_save(hoods, "neighbourhoods"))
    findings = _memory("MultiPolygon", ["severity"])
    _categorised(findings, "severity", {
        sev: (QgsFillSymbol.createSimple({"color": _rgba(colour, 60), "outline_color": colour,
                                          "outline_width": "0.6"}), label("severity", sev))
        for sev, colour in SEVERITY_COLOURS.items()})
    written.append(_save(findings, "findings"))
    return written


def _rgba(colour: str, alpha: int) -> str:
    return ",".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5)) + ",{}".format(alpha)


def _save(layer, table: str) -> str:
    from qgis.core import QgsMapLayer

    path = STYLES / "{}.qml".format(table)
    layer.saveNamedStyle(str(path), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
    return str(path)


if __name__ == "__main__":
    qgis_headless.start()
    for p in build():
        print("written", p)
