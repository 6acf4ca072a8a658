"""The Interventions list and the map in step: a selection made in one is made in the other, and the list
zooms the map to a row or a district."""

from __future__ import annotations

from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel

from gebiedsplugin.core import schema
from gebiedsplugin.gui.intervention_table_model import KEY_ROLE
from gebiedsplugin.qgis_io.intervention_rows import area_geometry


class ListMap:
    """Selection both ways between the dock's *table* (ListTable) and the layers, and zooming; *listed()*
    gives the dock's ListedRows. While the table's `syncing` is true (one side following the other, or
    rows being replaced) selection changes are not passed on."""

    def __init__(self, iface, controller, table, listed):
        self.iface, self.controller, self.table = iface, controller, table
        self.view, self.model, self.proxy = table.view, table.model, table.proxy
        self._listed = listed

    def selected_keys(self) -> list:
        """(table, fid) of the selected rows."""
        return [i.data(KEY_ROLE) for i in self.view.selectionModel().selectedRows()]

    def list_selection_changed(self, *_args) -> None:
        """The list's selection, made on the layers."""
        if self.table.syncing:
            return
        keys = self.selected_keys()
        self.table.syncing = True
        try:
            for table in schema.INTERVENTION_TABLES:
                layer = self.controller.layer(table)
                if layer is not None:
                    layer.selectByIds([fid for t, fid in keys if t == table])
        finally:
            self.table.syncing = False

    def map_selection_changed(self, layer) -> None:
        """*layer*'s selection, made in the list (the other layers' rows stay selected)."""
        if self.table.syncing or layer is None:
            return
        table = layer.customProperty("gebiedsplugin/table")
        wanted = set(layer.selectedFeatureIds())
        model = self.view.selectionModel()
        if not wanted and not model.hasSelection():
            return  # nothing to select or deselect: no walk over (maybe 100,000) rows
        selection = QItemSelection()
        listed = self._listed().rows
        for row in self.model.positions([listed[(table, fid)] for fid in wanted if (table, fid) in listed]):
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.Rows
        self.table.syncing = True
        try:
            # Keep the other layers' rows; replace this layer's rows.
            for index in model.selectedRows():
                key = index.data(KEY_ROLE)
                if key[0] == table and key[1] not in wanted:
                    model.select(index, QItemSelectionModel.SelectionFlag.Deselect | flags)
            model.select(selection, QItemSelectionModel.SelectionFlag.Select | flags)
        finally:
            self.table.syncing = False

    def zoom_to_index(self, index) -> None:
        """Zoom to the feature of a list row and flash it."""
        table, fid = index.data(KEY_ROLE)
        layer = self.controller.layer(table)
        if layer is None:
            return
        canvas = self.iface.mapCanvas()
        canvas.zoomToFeatureIds(layer, [fid])
        canvas.flashFeatureIds(layer, [fid])

    def zoom_to_district(self, code: str) -> None:
        """Show the chosen district (or the whole city) on the map."""
        layer = self.controller.layer("districts")
        if layer is None:
            return
        geometry = area_geometry(layer, "district_id", code)
        canvas = self.iface.mapCanvas()
        if geometry is None and code == schema.CITY_ID:
            extent = canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
        elif geometry is not None:
            extent = canvas.mapSettings().layerExtentToOutputExtent(layer, geometry.boundingBox())
        else:
            return
        extent.scale(1.05)
        canvas.setExtent(extent)
        canvas.refresh()
