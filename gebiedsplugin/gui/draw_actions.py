"""Drawing interventions: QGIS's own capture tool on the right layer, last-used values proposed.

Drawing uses QGIS's "Add feature" action, so snapping, advanced digitizing, the feature form and
the edit buffer behave as everywhere in QGIS. The values a planner used last (domain, kind, theme,
years) are kept in the plugin settings and offered as the layers' insert defaults, which is what
QGIS's form starts from.
"""

from __future__ import annotations

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QObject

from gebiedsplugin.core import schema
from gebiedsplugin.core.intervention_list import PROPOSED_FIELDS, proposals
from gebiedsplugin.gui.feature_form import add_with_form
from gebiedsplugin.qgis_io.intervention_rows import (
    apply_proposals,
    area_geometry,
    clear_proposals,
    ensure_editing,
    feature_attrs,
)
from gebiedsplugin.toolbelt.settings import PluginSettings

# Area tables a social action can cover: table -> code field.
AREA_TABLES = {"districts": "district_id", "neighbourhoods": "neighbourhood_id"}


def load_proposals() -> dict:
    """The last-used values from the plugin settings (field -> value, unset ones left out)."""
    s = PluginSettings.load()
    values = {"domain": s.last_domain, "kind": s.last_kind, "theme": s.last_theme,
              "start_year": s.last_start_year, "end_year": s.last_end_year}
    return {k: v for k, v in values.items() if v}


def save_proposals(values: dict) -> None:
    """Remember *values* (field -> value) as the last-used ones."""
    s = PluginSettings.load()
    for name in PROPOSED_FIELDS:
        if name in values:
            setattr(s, "last_" + name, int(values[name]) if name.endswith("_year") else str(values[name]))
    s.save()


class DrawActions(QObject):
    """Starts drawing and area-based additions; keeps the proposals up to date."""

    def __init__(self, iface, controller, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.controller = controller
        self._layers: list = []

    # --- programme -----------------------------------------------------------------------------
    def attach(self) -> None:
        """Use the current programme's interventions layers (call when the programme changes)."""
        self.detach()
        self._layers = [lyr for lyr in (self.controller.layer(t) for t in schema.INTERVENTION_TABLES) if lyr]
        values = load_proposals()
        for layer in self._layers:
            apply_proposals(layer, values)
            layer.featureAdded.connect(self._remember)

    def detach(self) -> None:
        """Disconnect from the layers and remove the proposals from them."""
        for layer in self._layers:
            try:
                layer.featureAdded.disconnect(self._remember)
                clear_proposals(layer)
            except (TypeError, RuntimeError):  # layer already deleted
                pass
        self._layers = []

    def layer(self, kind: str) -> QgsVectorLayer | None:
        """The interventions layer for a geometry kind (point, line, polygon)."""
        return self.controller.layer(schema.intervention_table(kind))

    # --- drawing ---------------------------------------------------------------------------------
    def prepare(self, kind: str) -> QgsVectorLayer | None:
        """Make the *kind* layer active and editable with proposals applied (None without programme)."""
        layer = self.layer(kind)
        if layer is None or not ensure_editing(layer):
            return None
        apply_proposals(layer, load_proposals())
        self.iface.setActiveLayer(layer)
        return layer

    def start(self, kind: str) -> QgsVectorLayer | None:
        """Start QGIS's capture tool on the *kind* layer; the form opens when the shape is done."""
        layer = self.prepare(kind)
        if layer is not None:
            self.iface.actionAddFeature().trigger()
        return layer

    def add_for_area(self, area_table: str, code: str):
        """Add a (social) intervention covering a whole district or neighbourhood; its fid or None.

        The area's geometry is copied into the polygon layer and the form opens; the whole city
        (district `city`) is marked city-wide.
        """
        source = self.controller.layer(area_table)
        layer = self.prepare("polygon")
        if source is None or layer is None:
            return None
        geometry = area_geometry(source, AREA_TABLES[area_table], code)
        if geometry is None:
            return None
        initial = {"domain": "social"}
        if code == schema.CITY_ID:
            initial["city_wide"] = True
        return add_with_form(self.iface, layer, geometry, initial)

    def _remember(self, fid: int) -> None:
        layer = self.sender()
        if not isinstance(layer, QgsVectorLayer):
            return
        feature = layer.getFeature(fid)
        if not feature.isValid():
            return
        values = proposals(feature_attrs(feature))
        known = load_proposals()
        merged = {**known, **{k: int(v) if k.endswith("_year") else str(v) for k, v in values.items()}}
        if merged == known:  # proposed already: no settings write (QGIS's whole settings file, 30-100 ms)
            return
        save_proposals(values)
        for lyr in self._layers:
            apply_proposals(lyr, merged)
