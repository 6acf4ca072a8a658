"""A row added to a layer with a uid another row has gets a fresh one, as QGIS used to do it.

QGIS's paste and Duplicate Feature pass the copied row's uid to createFeature, which replaced a taken value
of a field its provider reports unique. The stores keep uid unique in a form QGIS does not read as such
(store/gpkg_create.uid_index_sql, pg_ddl.uid_constraint: reading it made QGIS read every uid at each add), so
the check is made here, once per added row, through the uid's index (valueExists: one lookup).
"""

from __future__ import annotations

import uuid

from qgis.core import NULL, QgsVectorLayer, QgsVectorLayerUtils
from qgis.PyQt.QtCore import QTimer

from gebiedsplugin.toolbelt.i18n import tr


def fresh_uid_if_taken(layer: QgsVectorLayer, fid: int) -> bool:
    """Give the added feature *fid* of *layer* a new UUID when another row has its uid; True if it did."""
    idx = layer.fields().indexFromName("uid")
    if idx < 0 or not layer.isEditable():
        return False
    feature = layer.getFeature(fid)
    value = feature.attribute(idx) if feature.isValid() else None
    if value is None or value == NULL or not QgsVectorLayerUtils.valueExists(layer, idx, value, [fid]):
        return False
    layer.beginEditCommand(tr("New uid for a copied row"))  # one undo step with the defaults it updates
    changed = layer.changeAttributeValue(fid, idx, str(uuid.uuid4()))
    layer.endEditCommand()
    return changed


class UidGuard:
    """Follows *layer*'s adds. The check runs after the add's own undo step (a paste's, a form's) has been
    recorded: an edit made from inside featureAdded would be recorded before the add it follows."""

    def __init__(self, layer: QgsVectorLayer):
        self.layer = layer
        self.added: list = []

    def feature_added(self, fid: int) -> None:
        if not self.added:
            QTimer.singleShot(0, self.check)
        self.added.append(fid)

    def check(self) -> None:
        added, self.added = self.added, []
        try:
            for fid in added:
                fresh_uid_if_taken(self.layer, fid)
        except RuntimeError:  # the layer went (project closed) before this turn of the event loop
            pass
