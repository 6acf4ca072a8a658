"""The unified map's layers (from the export's working GeoPackage), styled and named (main thread)."""

from __future__ import annotations

from qgis.core import QgsCategorizedSymbolRenderer, QgsMapLayer, QgsProject, QgsVectorLayer

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.texts import tr_in
from gebiedsplugin.core.unified import UNIFIED_FIELDS, category_label
from gebiedsplugin.qgis_io.data_export import DISTRICTS_TABLE, ITEMS_TABLE, PAGES_TABLE, UNIFIED_LAYERS
from gebiedsplugin.qgis_io.loader import apply_style
from gebiedsplugin.qgis_io.project_layers import add_layers
from gebiedsplugin.toolbelt.i18n import tr, translator_for
from gebiedsplugin.toolbelt.resources import resource_path

STYLE_FILES = {UNIFIED_LAYERS["point"]: "unified_point.qml", UNIFIED_LAYERS["line"]: "unified_line.qml",
               UNIFIED_LAYERS["polygon"]: "unified_polygon.qml", DISTRICTS_TABLE: "unified_districts.qml",
               PAGES_TABLE: "unified_pages.qml"}


def layer_titles(lang: str) -> dict:
    """Display names of the layers (legend entries) in *lang*, the export's language."""
    tr = translator_for(lang)
    return {
        UNIFIED_LAYERS["point"]: tr("Points"),
        UNIFIED_LAYERS["line"]: tr("Lines"),
        UNIFIED_LAYERS["polygon"]: tr("Areas"),
        ITEMS_TABLE: tr("Items"),
        PAGES_TABLE: tr("Atlas pages"),
        DISTRICTS_TABLE: tr("Districts"),
    }


def load_unified_layers(gpkg: str, lang: str, project: QgsProject | None = None) -> dict:
    """table -> styled QgsVectorLayer for every table of the working GeoPackage.

    Layers go into *project* (a private one by default, so the user's project is left alone).
    Category labels and field aliases follow *lang*.
    """
    titles = layer_titles(lang)
    layers = {}
    for table, title in titles.items():
        layer = QgsVectorLayer("{}|layername={}".format(gpkg, table), title, "ogr")
        if not layer.isValid():
            raise ProgrammeError(tr("Cannot load table {} of {}.").format(table, gpkg))
        qml = STYLE_FILES.get(table)
        if qml and resource_path("styles", qml).exists():
            apply_style(layer, resource_path("styles", qml),
                        QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling)
        if table in UNIFIED_LAYERS.values() or table == ITEMS_TABLE:
            _aliases(layer, lang)
            _relabel(layer, lang)
        layers[table] = layer
    if project is not None:
        add_layers(project, layers.values(), False)
    return layers


def _aliases(layer: QgsVectorLayer, lang: str) -> None:
    for name, _type, alias in UNIFIED_FIELDS:
        index = layer.fields().indexFromName(name)
        if index >= 0:
            layer.setFieldAlias(index, tr_in(lang, alias))


def _relabel(layer: QgsVectorLayer, lang: str) -> None:
    """Legend labels of the category renderer in *lang* (other renderers are left as styled)."""
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            value = category.value()
            if isinstance(value, str) and value:
                renderer.updateCategoryLabel(index, category_label(value, lang))
