"""Layers into a QgsProject, checked: QGIS leaves out a layer it does not take, and says so only in
what addMapLayers returns."""

from __future__ import annotations

from typing import Iterable

from qgis.core import QgsMapLayer, QgsProject

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr


def add_layers(project: QgsProject, layers: Iterable[QgsMapLayer], add_to_legend: bool = True) -> list:
    """Add *layers* to *project*; ProgrammeError naming those it did not take (already there is fine)."""
    layers = list(layers)
    added = {layer.id() for layer in project.addMapLayers(layers, add_to_legend)}
    missing = [layer.name() for layer in layers if layer.id() not in added and project.mapLayer(layer.id()) is None]
    if missing:
        raise ProgrammeError(tr("QGIS did not take the layer(s) {} into the project.").format(", ".join(missing)))
    return layers
