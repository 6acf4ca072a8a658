"""Editing interventions from the dock: form, delete, copy to another period, geometry, save, discard.

Everything goes through the layers' edit buffers; save (commit) and discard (roll back) are the
only steps that touch the programme file.
"""

from __future__ import annotations

from qgis.core import Qgis

from gebiedsplugin.core import schema
from gebiedsplugin.gui.feature_form import edit_with_form
from gebiedsplugin.qgis_io.edit_session import session_of
from gebiedsplugin.qgis_io.intervention_rows import copy_to_period, delete_features, ensure_editing
from gebiedsplugin.qgis_io.shared_editing import row_names
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify

# Layers whose edits the dock saves and discards together.
EDITED_TABLES = schema.INTERVENTION_TABLES + ("funding", "effect_measurements", "links")


def group_by_table(keys) -> dict:
    """(table, fid) pairs -> {table: [fid, ...]}."""
    out: dict = {}
    for table, fid in keys:
        out.setdefault(table, []).append(fid)
    return out


class EditActions:
    """Edits of the selected interventions, asking through *prompts*."""

    def __init__(self, iface, controller, prompts):
        self.iface = iface
        self.controller = controller
        self.prompts = prompts
        self.last_error = ""  # what the last failed save told the planner

    def edited_layers(self) -> list:
        """Programme layers with unsaved edits."""
        layers = (self.controller.layer(t) for t in EDITED_TABLES)
        return [lyr for lyr in layers if lyr is not None and lyr.isEditable() and lyr.isModified()]

    def edit(self, key) -> bool:
        """Open the form of intervention *key* = (table, fid)."""
        layer = self.controller.layer(key[0])
        return layer is not None and edit_with_form(self.iface, layer, key[1])

    def delete(self, keys) -> int:
        """Delete the interventions *keys* after confirmation; how many were deleted."""
        keys = list(keys)
        if not keys or not self.prompts.confirm(
                tr("Delete interventions"),
                tr("Delete %n intervention(s)? You can undo this until you save.", "", len(keys))):
            return 0
        done = 0
        for table, fids in group_by_table(keys).items():
            layer = self.controller.layer(table)
            if layer is not None and delete_features(layer, fids):
                done += len(fids)
        return done

    def copy(self, keys) -> list:
        """Copy the interventions *keys* to another period (asked); the new (table, fid) keys."""
        keys = list(keys)
        if not keys:
            return []
        years = self.prompts.years_shift(1)
        if not years:
            return []
        created = []
        for table, fid in keys:
            layer = self.controller.layer(table)
            new_fid = copy_to_period(layer, fid, years) if layer is not None else None
            if new_fid is not None:
                created.append((table, new_fid))
        return created

    def edit_geometry(self, key) -> bool:
        """Start QGIS's vertex tool on the layer of *key* with that feature selected."""
        layer = self.controller.layer(key[0])
        if layer is None or not ensure_editing(layer):
            return False
        self.iface.setActiveLayer(layer)
        layer.selectByIds([key[1]])
        self.iface.actionVertexTool().trigger()
        return True

    def save(self) -> bool:
        """Save the edits of every programme layer in one transaction; on a refusal keep them all."""
        self.last_error = ""
        session = session_of(self.controller.layer(schema.INTERVENTION_TABLES[0]))
        if session is None:
            return False
        if not session.save():
            self.last_error = tr("Not saved: {}").format(session.last_error)
            self.prompts.inform(tr("Save refused"), self.last_error)
            notify(self.iface, tr("Save"), self.last_error, Qgis.MessageLevel.Critical, 10)
            return False
        for layer in session.layers.values():
            if layer.isEditable():
                layer.commitChanges()  # layers that had no edits: this only ends editing
        notify(self.iface, tr("Save"), tr("Changes saved."), Qgis.MessageLevel.Success)
        return True

    def discard(self) -> bool:
        """Throw away unsaved edits after confirmation (True when discarded)."""
        layers = self.edited_layers()
        if not layers:
            return False
        if not self.prompts.confirm(tr("Discard changes"), tr("Discard all unsaved changes of the programme?")):
            return False
        for layer in layers:
            layer.rollBack()
        return True

    def history(self, key) -> list:
        """Show the audit trail of intervention *key* = (table, fid); the trail ([] when the store keeps none)."""
        store = self.controller.store
        layer = self.controller.layer(key[0])
        if layer is None or store is None:
            return []
        feature = layer.getFeature(key[1])
        uid = feature["uid"] if feature.isValid() else None
        if not uid or key[1] < 0:
            self.prompts.inform(tr("History"), tr("This intervention has not been saved yet."))
            return []
        trail = store.audit_trail(str(uid))
        self.prompts.show_history(str(feature["title"] or uid), trail, lists=store.value_lists())
        return trail

    def programme_history(self) -> list:
        """Show every recorded change of the programme (filterable by planner and date); the trail."""
        store = self.controller.store
        if store is None:
            return []
        trail = store.audit_trail()
        layers = [self.controller.layer(t) for t in schema.INTERVENTION_TABLES + ("districts",)]
        names = row_names([layer for layer in layers if layer is not None], trail)
        self.prompts.show_history(store.name, trail, whole_programme=True, names=names, lists=store.value_lists())
        return trail

    def undo(self, layer) -> None:
        """Undo the last edit on *layer* (the one edited last)."""
        if layer is not None and layer.isEditable():
            layer.undoStack().undo()

    def redo(self, layer) -> None:
        """Redo on *layer*."""
        if layer is not None and layer.isEditable():
            layer.undoStack().redo()
