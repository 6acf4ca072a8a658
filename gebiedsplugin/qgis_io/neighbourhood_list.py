"""A form's neighbourhood list: only the neighbourhoods of the form's district, read by the provider.

QGIS 3.22's value relation cannot hand `current_value('district_id')` to the provider: for every form it
reads all neighbourhoods (10,000 at 100k), sorts them, then reads and filters them again per district.
The plugin's own editor widget (gui/neighbourhood_widget.py, type NEIGHBOURHOOD_WIDGET) asks the
GeoPackage or PostGIS for one district's rows instead. Its configuration is the value relation's, so
QGIS's value relation formatter shows the names in the attribute table and in `represent_value()`,
and a saved project says "ValueRelation" (to_saved_type): QGIS without the plugin opens it as before.
"""

from __future__ import annotations

from functools import cmp_to_key

from qgis.core import (
    QgsApplication,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProject,
    QgsValueRelationFieldFormatter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCollator
from qgis.PyQt.QtXml import QDomElement

NEIGHBOURHOOD_WIDGET = "GebiedNeighbourhood"
VALUE_RELATION = "ValueRelation"
DISTRICT_FIELD = "district_id"
FIELD = "neighbourhood_id"
# The value relation's filter the widget stands in for: the form's district's neighbourhoods, all without one.
DISTRICT_FILTER = "\"district_id\" = current_value('district_id') OR current_value('district_id') IS NULL"


class NeighbourhoodFormatter(QgsValueRelationFieldFormatter):
    """QGIS's value relation formatter under the plugin's widget type (names in tables, represent_value)."""

    def id(self) -> str:  # noqa: A003 (QGIS's name)
        return NEIGHBOURHOOD_WIDGET


def registered() -> bool:
    """The plugin's widget is in use (its formatter registered, by gui/neighbourhood_widget.register)."""
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter(NEIGHBOURHOOD_WIDGET)
    return formatter is not None and formatter.id() == NEIGHBOURHOOD_WIDGET


def widget_type() -> str:
    """The widget type a neighbourhood code field gets now: the plugin's while it is registered."""
    return NEIGHBOURHOOD_WIDGET if registered() else VALUE_RELATION


def district_choices(config: dict, district) -> list:
    """(code, name) of the neighbourhoods of *district* (all of them when it is NULL), by name as QGIS's
    value relation orders them. One request the provider answers (`"district_id" = 'x'` compiles)."""
    layer = QgsProject.instance().mapLayer(config.get("Layer", ""))
    if not isinstance(layer, QgsVectorLayer):
        return []
    key, value = config.get("Key", FIELD), config.get("Value", "name")
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([key, value], layer.fields())
    if district is not None and not _null(district):
        request.setFilterExpression(QgsExpression.createFieldEqualityExpression(DISTRICT_FIELD, district))
    rows = [(f.attribute(key), _text(f.attribute(value))) for f in layer.getFeatures(request)]
    if config.get("OrderByValue"):
        # QGIS sorts a value relation with QString::localeAwareCompare, i.e. the default locale's collation.
        compare = QCollator().compare
        rows.sort(key=cmp_to_key(lambda a, b: compare(a[1], b[1])))
    return rows


def _null(value) -> bool:
    return hasattr(value, "isNull") and value.isNull()


def _text(value) -> str:
    return "" if value is None or _null(value) else str(value)


def use_widget(layer: QgsVectorLayer, widget: str) -> None:
    """Give *layer*'s neighbourhood code field *widget* (same configuration) if it is either of the two
    with the district filter."""
    idx = layer.fields().indexFromName(FIELD)
    if idx < 0:
        return
    setup = layer.editorWidgetSetup(idx)
    if setup.type() in (NEIGHBOURHOOD_WIDGET, VALUE_RELATION) and setup.type() != widget \
            and setup.config().get("Key") == FIELD and setup.config().get("FilterExpression") == DISTRICT_FILTER:
        layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup(widget, setup.config()))


def use_in_project(widget: str, project: QgsProject | None = None) -> None:
    """Every layer of *project* with a neighbourhood list gets *widget* (plugin loaded / unloaded)."""
    for layer in (project or QgsProject.instance()).mapLayers().values():
        if isinstance(layer, QgsVectorLayer):
            use_widget(layer, widget)


def to_saved_type(layer: QgsMapLayer, element: QDomElement, _doc=None) -> None:
    """QgsProject.writeMapLayer: a saved project names QGIS's value relation, not the plugin's widget, so
    QGIS without the plugin opens it with the list it always had (use_in_project converts it back)."""
    if layer.type() != QgsMapLayer.LayerType.VectorLayer:
        return
    widgets = element.elementsByTagName("editWidget")
    for i in range(widgets.count()):
        node = widgets.at(i).toElement()
        if node.attribute("type") == NEIGHBOURHOOD_WIDGET:
            node.setAttribute("type", VALUE_RELATION)
