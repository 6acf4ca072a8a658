"""A planner's edit session on one loaded programme: the versions read, and one save for all layers.

QGIS commits layer by layer, each with the values a feature has when it is *edited*. The session
instead remembers every row's ``row_version`` when editing starts on a layer (what the planner
has read: the store's read snapshot is taken then, the 100,000 versions are read from it in a
worker thread, and a save waits for them), and saves the edit buffers of all the programme's
layers as one transaction of the store (``store/save.py``): a row a colleague saved meanwhile is
refused, naming the row, who and when, and nothing of the save is written; the edits stay in the buffers.

QGIS's own Save (layer toolbar, Save All Edits) goes through the same save: the session answers
``beforeCommitChanges`` by saving every buffer itself and emptying them, so QGIS's commit has
nothing left to write. When the save is refused the buffers stay, and the database's guards
(``store/*_guards.py``) refuse QGIS's own writes of them (new rows carry ``row_version`` 0), so a
refused save never becomes half a save.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from functools import partial

import shapely
from qgis.core import (
    NULL,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProject,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTimer, QVariant

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.row_changes import DELETE, INSERT, UPDATE, RowChange, row_label
from gebiedsplugin.qgis_io.store.save import planner_name, save
from gebiedsplugin.qgis_io.uid_guard import UidGuard
from gebiedsplugin.toolbelt.i18n import tr

_SESSIONS: dict = {}  # layer id -> EditSession
# The field naming the intervention a row of a related table belongs to.
_INTERVENTION_FIELD = {"funding": "intervention_uid", "effect_measurements": "intervention_uid", "links": "from_uid"}


def py_value(value):
    """A QGIS attribute value as plain Python (NULL -> None, QDateTime -> UTC datetime)."""
    if value is None or value is NULL or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toUTC().toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    return value


def _shape(geometry):
    if geometry is None or geometry.isNull():
        return None
    return shapely.from_wkb(bytes(geometry.asWkb()))


class EditSession:
    """Versions read and the one transactional save of a programme loaded as *layers* (table -> layer)."""

    def __init__(self, store, layers: dict, planner: str | None = None):
        self.store = store
        self.layers = {t: lyr for t, lyr in layers.items() if t in schema.VERSIONED_TABLES}
        self.planner = planner  # None: QGIS's user name at save time
        self._reads: dict = {}  # table -> Future of {fid: row_version}, read as editing started
        self.last_error = ""
        self.last_result = None
        self._saving = False
        # Called after each save with (the RowChanges written, the SaveResult, the tables reloaded
        # next): the Interventions list re-reads those rows instead of the whole programme.
        self.saved_listeners: list = []
        # Called with the reason when QGIS's own Save (layer toolbar, its "save the changes?" on New
        # project or quit) was refused here: QGIS itself only shows the database's refusal.
        self.refused_listeners: list = []
        self._slots = []  # (signal, slot): what detach() disconnects, and nothing else
        for table, layer in self.layers.items():
            for signal, slot in ((layer.editingStarted, partial(self.remember, table)),
                                 (layer.beforeCommitChanges, partial(self._before_commit, table))):
                signal.connect(slot)
                self._slots.append((signal, slot))
            if table in schema.UID_TABLES:  # a pasted or duplicated row's uid (qgis_io/uid_guard)
                guard = UidGuard(layer)
                layer.featureAdded.connect(guard.feature_added)
                self._slots.append((layer.featureAdded, guard.feature_added))
            if layer.isEditable():
                self.remember(table)

    # --- what the planner read -------------------------------------------------------------------
    def remember(self, table: str) -> None:
        """Record the version of every row of *table* as the planner reads it now.

        Which versions is fixed here, before this returns; reading them (131-251 ms at 100,000
        rows) runs in a worker thread with its own connection, so starting to edit does not block.
        """
        read = self.store.begin_row_versions(table)
        future: Future = Future()

        def run():
            try:
                future.set_result(read())
            except BaseException as e:  # noqa: BLE001 - handed to whoever waits for the versions
                future.set_exception(e)
        self._reads[table] = future  # a read still running for an earlier edit session is dropped
        threading.Thread(target=run, name="row versions of " + table, daemon=True).start()

    def versions(self, table: str) -> dict:
        """fid -> row_version of *table* as read when editing started ({} before); waits for the read."""
        future = self._reads.get(table)
        if future is None:
            return {}
        try:
            return future.result()
        except Exception as e:  # noqa: BLE001 - the read's own error, named in the refusal
            raise ProgrammeError(tr("Reading the row versions of {} failed: {}").format(table, e)) from None

    @property
    def read_versions(self) -> dict:
        """table -> {fid: row_version}: what the planner has read of every table being edited."""
        return {table: self.versions(table) for table in self._reads}

    @staticmethod
    def _stored(layer, table: str, fids) -> dict:
        """fid -> the row as the data provider has it (not the edit buffer): key, label, version."""
        if not fids:
            return {}
        t = schema.table(table)
        wanted = [n for n in ("title", "name", "message", t.key, schema.ROW_VERSION) if t.has_field(n)]
        request = QgsFeatureRequest().setFilterFids(list(fids)).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes(wanted, layer.fields())
        return {f.id(): {n: py_value(f[n]) for n in wanted} for f in layer.dataProvider().getFeatures(request)}

    # --- what the planner changed -----------------------------------------------------------------
    def modified_layers(self) -> list:
        """Programme layers with unsaved edits."""
        return [lyr for lyr in self.layers.values() if lyr.isEditable() and lyr.isModified()]

    def changes(self) -> list:
        """The RowChanges in the edit buffers of every programme layer."""
        out = []
        for table, layer in self.layers.items():
            if layer.isEditable() and layer.editBuffer() is not None:
                out.extend(self._layer_changes(table, layer))
        return out

    def _layer_changes(self, table: str, layer) -> list:
        names = set(schema.table(table).field_names)
        fields = layer.fields()
        buffer = layer.editBuffer()
        out = []
        for feature in buffer.addedFeatures().values():
            values = {fields.at(i).name(): py_value(feature.attribute(i)) for i in range(fields.count())
                      if fields.at(i).name() in names}
            out.append(RowChange(table, INSERT, values=values, geometry=_shape(feature.geometry()),
                                 label=row_label(table, values)))
        deleted = {fid for fid in buffer.deletedFeatureIds() if fid >= 0}
        attrs, geoms = buffer.changedAttributeValues(), buffer.changedGeometries()
        touched = sorted(fid for fid in deleted | set(attrs) | set(geoms) if fid >= 0)
        stored = self._stored(layer, table, touched)
        known = self.versions(table)
        for fid in touched:
            row = stored.get(fid)
            label = row_label(table, row) if row is not None else str(fid)
            version = known[fid] if fid in known else (row or {}).get(schema.ROW_VERSION)
            if fid in deleted:
                out.append(RowChange(table, DELETE, fid, version, label=label))
                continue
            values = {fields.at(i).name(): py_value(v) for i, v in attrs.get(fid, {}).items()
                      if fields.at(i).name() in names}
            out.append(RowChange(table, UPDATE, fid, version, values, _shape(geoms.get(fid)), label))
        return out

    def edited_interventions(self) -> set:
        """The uids of the interventions whose rows (own, funding, effects, links) have unsaved edits."""
        out = set()
        for table, layer in self.layers.items():
            field = "uid" if table in schema.INTERVENTION_TABLES else _INTERVENTION_FIELD.get(table)
            if field is None or not layer.isEditable() or layer.editBuffer() is None:
                continue
            buffer = layer.editBuffer()
            out.update(py_value(f[field]) or (table, fid) for fid, f in buffer.addedFeatures().items())
            fids = {fid for fid in set(buffer.deletedFeatureIds()) | set(buffer.changedAttributeValues())
                    | set(buffer.changedGeometries()) if fid >= 0}
            if fids:
                request = QgsFeatureRequest().setFilterFids(list(fids)).setFlags(QgsFeatureRequest.Flag.NoGeometry)
                request.setSubsetOfAttributes([field], layer.fields())
                out.update(py_value(f[field]) for f in layer.dataProvider().getFeatures(request))
        out.discard(None)
        return out

    # --- saving ---------------------------------------------------------------------------------
    def save(self, stop_editing: bool = True) -> bool:
        """Save every programme layer's edits in one transaction; False (buffers kept) when refused.

        Saved layers leave editing (as QGIS's commit does), unless *stop_editing* is False.
        """
        self.last_error = ""
        try:
            changes = self.changes()
        except ProgrammeError as e:
            self.last_error = str(e)
            return False
        if not changes:
            return True
        self._saving = True
        try:
            self.last_result = save(self.store, changes, self.planner or self._planner(), require=True)
        except ProgrammeError as e:
            self.last_error = str(e)
            return False
        finally:
            self._saving = False
        saved = {c.table for c in changes}
        modified = self.modified_layers()
        reloaded = {table for table, layer in self.layers.items() if layer in modified}
        for listener in list(self.saved_listeners):
            listener(changes, self.last_result, reloaded)
        for layer in modified:
            # Saved: the buffer's edits are in the programme now. A clean undo stack lets rollBack()
            # drop the buffer at once instead of undoing every edit (0.5 s for 1,000 edits); inside
            # QGIS's own commit the buffer must live on, emptied the slow way.
            if stop_editing:
                layer.undoStack().clear()
                layer.rollBack()  # noqa: QGS201 - QgsVectorLayer's, not QgsProject's: the edits are saved
            else:
                layer.editBuffer().rollBack()  # noqa: QGS201 - QgsVectorLayerEditBuffer's returns nothing
                layer.undoStack().clear()
            QTimer.singleShot(0, layer.reload)
        for table in saved:  # what the planner sees now is what the next save states
            if self.layers[table].isEditable():
                self.remember(table)
        return True

    def _planner(self) -> str:
        """Who saves, as the forms stamp it: @user_full_name (else the account) in the layers' context."""
        layer = next(iter(self.layers.values()))
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        name = QgsExpression("coalesce(@user_full_name, @user_account_name)").evaluate(context)
        return str(name) if name else planner_name()

    def _before_commit(self, table: str, stop_editing: bool) -> None:
        """QGIS's own Save of one programme layer: save all of them here first."""
        if self._saving or not self.modified_layers():
            return
        if not self.save(stop_editing=False):
            from qgis.core import Qgis

            from gebiedsplugin.toolbelt.log import log

            log(self.last_error, Qgis.MessageLevel.Warning)
            for listener in list(self.refused_listeners):
                listener(self.last_error)

    def detach(self) -> None:
        """Stop following the layers (they are being removed)."""
        for layer in self.layers.values():
            _SESSIONS.pop(layer.id(), None)
        for signal, slot in self._slots:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # the layer is gone already
        self._slots = []


def attach(store, layers: dict, project: QgsProject) -> EditSession:
    """Follow the programme's *layers* in *project* with one EditSession (kept until they are removed)."""
    session = EditSession(store, layers)
    ids = {layer.id() for layer in session.layers.values()}
    for layer_id in ids:
        _SESSIONS[layer_id] = session

    def removed(layer_ids):
        if ids & set(layer_ids):
            session.detach()
    project.layersWillBeRemoved.connect(removed)
    session._slots.append((project.layersWillBeRemoved, removed))  # detach() lets go of the project too
    return session


def session_of(layer):
    """The EditSession following *layer* (None when it is not a loaded programme layer)."""
    return _SESSIONS.get(layer.id()) if layer is not None else None
