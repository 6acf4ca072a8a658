"""Load a programme's layers into a QGIS project: one group, styled, with forms and relations."""

from __future__ import annotations

from qgis.core import Qgis, QgsCategorizedSymbolRenderer, QgsMapLayer, QgsProject, QgsRelation, QgsVectorLayer

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.value_lists import VALUE_LISTS, label
from gebiedsplugin.qgis_io.edit_session import attach
from gebiedsplugin.qgis_io.forms import configure_layer
from gebiedsplugin.qgis_io.overlap import register_functions
from gebiedsplugin.qgis_io.temporal import preset_project_range, programme_years, set_temporal_layers
from gebiedsplugin.toolbelt.i18n import tr, translator_for, ui_language
from gebiedsplugin.toolbelt.log import log
from gebiedsplugin.toolbelt.resources import resource_path

TABLE_PROPERTY = "gebiedsplugin/table"
SOURCE_PROPERTY = "gebiedsplugin/programme"


def layer_name(table: schema.Table, lang: str) -> str:
    """The layer's name in the project's language."""
    return table.alias_in(lang)


def open_layer(store, table_name: str, name: str | None = None) -> QgsVectorLayer:
    """A QgsVectorLayer on one table of *store* (not added to any project)."""
    layer = QgsVectorLayer(store.uri(table_name), name or table_name, store.provider)
    if not layer.isValid():
        raise ProgrammeError(tr("Cannot load table {} of {}.").format(table_name, store.name))
    return layer


def _open_for_update(layer: QgsVectorLayer) -> None:
    """Open a GeoPackage layer's file for writing now, before any map draws it.

    QGIS opens a GeoPackage layer read-only (GDAL's NOLOCK mode) and, at its first startEditing(), closes
    that dataset and opens the file again for update, switching it to WAL. A render thread of the map
    that opened its own read connection on the file at that moment left QGIS's OGR pool a connection
    that read no rows: the main thread's next getFeatures() on the layer yielded nothing and
    getFeature(fid) was invalid, silently, until the layer was reloaded. In update mode from the start,
    startEditing() only counts up QGIS's update-mode depth and reopens nothing. A file that cannot be
    written stays read-only (QGIS then refuses editing, as before).
    """
    if layer.providerType() == "ogr":
        layer.dataProvider().enterUpdateMode()


def programme_layers(project: QgsProject, source: str | None = None) -> dict:
    """table name -> layer, for the programme layers in *project* (optionally of one source)."""
    found = {}
    for layer in project.mapLayers().values():
        table = layer.customProperty(TABLE_PROPERTY)
        if table and (source is None or layer.customProperty(SOURCE_PROPERTY) == source):
            found[table] = layer
    return found


def remove_programme_layers(project: QgsProject, layers=None) -> None:
    """Take *layers* (default: the layers of every programme in *project*) out of *project*, with the
    layer tree groups they leave empty."""
    if layers is None:
        layers = [layer for layer in project.mapLayers().values() if layer.customProperty(TABLE_PROPERTY)]
    root = project.layerTreeRoot()
    nodes = [root.findLayer(layer.id()) for layer in layers]
    groups = {node.parent() for node in nodes if node is not None}
    project.removeMapLayers([layer.id() for layer in layers])
    for group in groups:
        if group is not None and group is not root and not group.children():
            group.parent().removeChildNode(group)


def load_programme(store, project: QgsProject | None = None, lang: str | None = None) -> dict:
    """Add the programme's layers to *project* as one group; return table name -> layer.

    Layers of the same programme already in the project are reused, not added twice. All on the
    calling thread; the desktop's Open builds the layers in a task (gui/opening.py) and then calls
    add_programme_layers.
    """
    project = project or QgsProject.instance()
    register_functions()
    existing = programme_layers(project, store.path)
    if existing:
        return existing
    layers = build_layers(store, lang or ui_language())
    return add_programme_layers(store, layers, project, programme_years(layers))


def build_layers(store, lang: str, step=None) -> dict:
    """The programme's layers, made, styled and given their forms, not in any project: table name -> layer.

    Touches no project, so it may run in a task's thread (the caller moves the layers to the main thread
    before they are used there). *step(done, total)* is told after each layer and may raise to stop.
    """
    value_lists = store.value_lists()
    layers = {}
    total = 2 * len(schema.LAYER_TABLES)
    for table_name in schema.LAYER_TABLES:
        table = schema.table(table_name)
        layer = open_layer(store, table_name, layer_name(table, lang))
        _open_for_update(layer)
        layer.setCustomProperty(TABLE_PROPERTY, table_name)
        layer.setCustomProperty(SOURCE_PROPERTY, store.path)
        layers[table_name] = layer
        if step is not None:
            step(len(layers), total)
    district_id = layers["districts"].id()
    neighbourhood_id = layers["neighbourhoods"].id()
    for done, (table_name, layer) in enumerate(layers.items(), len(layers) + 1):
        configure_layer(layer, schema.table(table_name), lang, value_lists, district_id, neighbourhood_id)
        _apply_style(layer, table_name, lang)
        if step is not None:
            step(done, total)
    set_temporal_layers(layers)
    # A measured value reads "2025: 64" in the intervention form's list, not as its uid.
    layers["effect_measurements"].setDisplayExpression("concat(\"year\", ': ', \"value\")")
    return layers


def add_programme_layers(store, layers: dict, project: QgsProject, years=None) -> dict:
    """Put the layers build_layers made into *project* as one group, with the edit session and relations
    (main thread). *years* (first, last) becomes the project's time range when it has none."""
    preset_project_range(project, years)
    attach(store, layers, project)
    group = project.layerTreeRoot().insertGroup(0, tr("Programme: {}").format(store.name))
    for table_name in schema.LAYER_TABLES:
        if project.addMapLayer(layers[table_name], False) is None:
            log(tr("QGIS did not take the layer(s) {} into the project.").format(layers[table_name].name()),
                Qgis.MessageLevel.Warning)
            continue
        group.addLayer(layers[table_name])
    _add_relations(project, layers)
    return layers


def _apply_style(layer: QgsVectorLayer, table_name: str, lang: str) -> None:
    """Symbology and labels from resources/styles (forms come from the schema, not the QML)."""
    qml = resource_path("styles", table_name + ".qml")
    if qml.exists():
        categories = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
        apply_style(layer, qml, categories)
    _translate_legend(layer, lang)


def apply_style(layer: QgsVectorLayer, qml, categories) -> bool:
    """Load *qml* into *layer*; a style that does not load is said in the log (the layer still works)."""
    message, ok = layer.loadNamedStyle(str(qml), categories=categories)
    if not ok:
        log(tr("The style {} could not be applied to the layer {}: {}").format(qml, layer.name(), message),
            Qgis.MessageLevel.Warning)
    return ok


def _translate_legend(layer: QgsVectorLayer, lang: str) -> None:
    """Legend entries of value-list categories ('physical_maintenance', 'error') and of the districts'
    kinds (a district, the whole city) in the UI language."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    words = translator_for(lang)
    areas = {"district": words("District"), schema.CITY_ID: words("Whole city")}
    for index, category in enumerate(renderer.categories()):
        value = str(category.value())
        domain, _, kind = value.partition("_")
        if domain in VALUE_LISTS["domain"] and kind in VALUE_LISTS["kind"]:
            text = "{} · {}".format(label("domain", domain, lang), label("kind", kind, lang))
        elif value in VALUE_LISTS["severity"]:
            text = label("severity", value, lang)
        elif value in areas and "district_id" in renderer.classAttribute():
            text = areas[value]
        else:
            continue
        renderer.updateCategoryLabel(index, text)


def _add_relations(project: QgsProject, layers: dict) -> None:
    """Funding rows, measured effects and links edited inside an intervention's form."""
    manager = project.relationManager()
    specs = [("funding", "intervention_uid", tr("Funding")),
             ("effect_measurements", "intervention_uid", tr("Effect measurements")),
             ("links", "from_uid", tr("Links"))]
    for table_name in schema.INTERVENTION_TABLES:
        parent = layers[table_name]
        for child_table, child_field, title in specs:
            relation = QgsRelation()
            # QgsRelation.setId returns nothing: flake8-qgis takes it for QgsMapLayer.setId
            relation.setId("{}_{}_{}".format(child_table, table_name, parent.id()))  # noqa: QGS201
            relation.setName(title)
            relation.setReferencingLayer(layers[child_table].id())
            relation.setReferencedLayer(parent.id())
            relation.addFieldPair(child_field, "uid")
            if relation.isValid():
                manager.addRelation(relation)
