"""QGIS's feature form for a new or an existing intervention, with its edits in the edit buffer."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, QgsVectorLayerTools
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext

from gebiedsplugin.qgis_io.intervention_rows import ensure_editing, new_feature


def form_context(iface) -> QgsAttributeEditorContext:
    """Editor context with the map canvas, message bar and layer tools of *iface* (for relations)."""
    context = QgsAttributeEditorContext()
    canvas = iface.mapCanvas()
    context.setMapCanvas(canvas)
    tools = iface.vectorLayerTools()
    if isinstance(tools, QgsVectorLayerTools):
        context.setVectorLayerTools(tools)
    return context


def make_dialog(iface, layer: QgsVectorLayer, feature: QgsFeature, add: bool) -> QgsAttributeDialog:
    """The form (QgsAttributeDialog) for *feature*; in add mode, accepting adds it to *layer*."""
    context = form_context(iface)
    context.setFormMode(QgsAttributeEditorContext.FormMode.StandaloneDialog)
    dialog = QgsAttributeDialog(layer, feature, False, iface.mainWindow(), True, context)
    if add:
        dialog.setMode(QgsAttributeEditorContext.Mode.AddFeatureMode)
    else:
        dialog.setMode(QgsAttributeEditorContext.Mode.SingleEditMode)
    dialog.setObjectName("gebiedsplugin_feature_form")
    return dialog


def add_with_form(iface, layer: QgsVectorLayer, geometry: QgsGeometry, initial: dict | None = None):
    """Open the form for a new feature of *layer* with *geometry*; the new fid if accepted, else None.

    Defaults (uid, district, neighbourhood, review flag, audit fields, proposals) are evaluated
    before the form opens, *initial* (field -> value) is applied on top. The form adds the feature
    in one edit command; cancelling adds nothing.
    """
    if not ensure_editing(layer):
        return None
    feature = new_feature(layer, geometry, initial)
    dialog = make_dialog(iface, layer, feature, add=True)
    before = set(layer.editBuffer().addedFeatures()) if layer.editBuffer() else set()
    accepted = dialog.exec()
    added = set(layer.editBuffer().addedFeatures()) - before if layer.editBuffer() else set()
    dialog.deleteLater()
    if not accepted or not added:
        return None
    return max(added, key=abs)


def edit_with_form(iface, layer: QgsVectorLayer, fid: int) -> bool:
    """Open the form of feature *fid* to edit its attributes (True when accepted)."""
    feature = layer.getFeature(fid)
    if not feature.isValid() or not ensure_editing(layer):
        return False
    dialog = make_dialog(iface, layer, feature, add=False)
    accepted = bool(dialog.exec())
    dialog.deleteLater()
    return accepted
