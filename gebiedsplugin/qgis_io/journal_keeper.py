"""Keeps every followed programme's unsaved edits in its recovery file while they are unsaved.

A change in a programme layer's edit buffer (re)starts a short single-shot timer; when it fires,
the buffers are copied on the main thread (edit_journal.snapshot) and a worker thread makes plain
data and JSON of the copy and writes it atomically. The layers being removed (QgsProject.clear(),
removeMapLayers, switching programme) and QGIS quitting write at once and wait for the file. When
no followed layer of a programme has edits any more (saved, by the plugin or QGIS; discarded) its
file is removed.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from functools import partial
from time import perf_counter

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer

from gebiedsplugin.core import schema
from gebiedsplugin.core.journal_format import edit_count, to_text
from gebiedsplugin.qgis_io.buffer_mirror import BufferMirror
from gebiedsplugin.qgis_io.store.save import planner_name
from gebiedsplugin.toolbelt import recovery_files
from gebiedsplugin.toolbelt.log import log
from gebiedsplugin.toolbelt.redact import redact
from gebiedsplugin.toolbelt.temp_files import host_tag

DELAY_MS = 1500  # after the last change: a burst of edits is written once
_CHANGES = ("layerModified", "attributeValueChanged", "geometryChanged", "featureAdded", "featuresDeleted")
_ENDS = ("afterCommitChanges", "afterRollBack", "editingStopped")


class _Followed:
    """One programme's layers and this process's journal file of it."""

    def __init__(self, folder, source: str, name: str, layers: dict):
        self.source, self.name, self.layers = source, name, layers
        self.path = recovery_files.own_file(folder, source)
        self.ownership = recovery_files.Ownership(self.path)
        self.mirrors = {table: BufferMirror(table, layer) for table, layer in layers.items()}
        self.on_disk = False
        self.slots: list = []


def _write(path, header: dict, copies: dict) -> None:
    """Worker thread: the file holds *header* and the edits of *copies* (table -> BufferCopy); removed
    when there are none."""
    tables = {table: copy.plain() for table, copy in copies.items()}
    journal = dict(header, tables={table: edits for table, edits in tables.items() if any(edits.values())})
    if edit_count(journal) == 0:
        recovery_files.remove(path)
    else:
        recovery_files.write(path, to_text(journal))


class JournalKeeper(QObject):
    """Follows programme layers (follow()) and keeps their recovery files in *folder*."""

    def __init__(self, project, folder=None, delay_ms: int = DELAY_MS, parent=None):
        super().__init__(parent)
        self.project = project
        self.folder = folder or recovery_files.recovery_folder()
        self._followed: dict = {}  # source -> _Followed
        self._dirty: set = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gebiedsplugin-journal")
        self._pending = None  # the last write handed to the worker
        self.last_snapshot_ms = 0.0  # main-thread cost of the last snapshot (measured, reported)
        project.layersWillBeRemoved.connect(self._on_layers_removed)
        QCoreApplication.instance().aboutToQuit.connect(self.flush_and_wait)
        recovery_files.sweep_discarded(self.folder)

    def path_of(self, source: str):
        """The file this process writes for programme *source* (None when not followed)."""
        followed = self._followed.get(source)
        return followed.path if followed is not None else None

    def mirrors(self, source: str) -> dict:
        """table -> BufferMirror of the followed programme *source* ({} when not followed)."""
        followed = self._followed.get(source)
        return dict(followed.mirrors) if followed is not None else {}

    def follow(self, store, layers: dict) -> None:
        """Keep the journal of *store*'s programme *layers* (table -> layer; versioned tables only)."""
        versioned = {t: lyr for t, lyr in layers.items() if t in schema.VERSIONED_TABLES}
        if store.path in self._followed:
            if self._followed[store.path].layers == versioned:
                return  # the same layers told again (a project re-read, docks refreshed)
            self._unfollow(self._followed[store.path], keep=True)
        followed = _Followed(self.folder, store.path, store.name, versioned)
        self._followed[store.path] = followed
        for table, layer in followed.layers.items():
            mirror = followed.mirrors[table]
            for name, slot in ((n, partial(self._changed, store.path, mirror, n)) for n in _CHANGES):
                getattr(layer, name).connect(slot)
                followed.slots.append((getattr(layer, name), slot))
            for name in _ENDS:
                slot = partial(self._ended, store.path, mirror)
                getattr(layer, name).connect(slot)
                followed.slots.append((getattr(layer, name), slot))
        if any(lyr.isEditable() and lyr.isModified() for lyr in followed.layers.values()):
            self._dirty.add(store.path)  # edits made before (a plugin reload): journalled, whole
            self._timer.start()

    # --- when to write ------------------------------------------------------------------------
    def _changed(self, source: str, mirror, signal: str, *args) -> None:
        if signal == "featuresDeleted":
            mirror.mark(args[0])
        elif signal != "layerModified":
            mirror.mark(args[:1])  # the fid
        self._dirty.add(source)
        self._timer.start()

    def _ended(self, source: str, mirror, *_args) -> None:
        # Saved or discarded: the file goes now, not a moment later.
        mirror.reset()
        self._dirty.add(source)
        self.flush()

    def flush(self) -> None:
        """Snapshot every programme changed since the last write and hand the files to the writer."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        for source in dirty:
            followed = self._followed.get(source)
            if followed is not None:
                self._write(followed)

    def flush_and_wait(self) -> None:
        """Write every followed programme now and wait for the files (layers going, QGIS quitting)."""
        self._dirty.update(self._followed)
        self.flush()
        self.wait()

    def wait(self) -> None:
        """Return when the files handed to the writer are on disk."""
        if self._pending is not None:
            try:
                self._pending.result()
            except Exception as e:  # noqa: BLE001 - said in the log; the edits are still in the buffers
                log(redact(str(e)), Qgis.MessageLevel.Warning)

    def _copies(self, followed: _Followed) -> dict:
        """table -> BufferCopy of every followed layer with unsaved edits (main thread: copies only)."""
        started = perf_counter()
        copies = {}
        for table, mirror in followed.mirrors.items():
            copy = mirror.copy()
            if copy:
                copies[table] = copy
        self.last_snapshot_ms = (perf_counter() - started) * 1000
        return copies

    def _write(self, followed: _Followed) -> None:
        try:
            copies = self._copies(followed)
        except RuntimeError:  # a layer deleted under us: what was written last stays
            return
        if not copies and not followed.on_disk:
            return
        followed.on_disk = bool(copies)
        header = {"source": redact(followed.source), "name": followed.name, "planner": planner_name(),
                  "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "host": host_tag()}
        self._pending = self._writer.submit(_write, followed.path, header, copies)
        self._pending.add_done_callback(_log_failure)

    # --- layers going ---------------------------------------------------------------------------
    def _on_layers_removed(self, layer_ids) -> None:
        ids = set(layer_ids)
        for followed in list(self._followed.values()):
            if ids & {layer.id() for layer in followed.layers.values()}:
                self._unfollow(followed, keep=True)

    def _unfollow(self, followed: _Followed, keep: bool) -> None:
        """Stop following; with *keep* the buffers are written first (their edits live on in the file)."""
        if keep:
            for mirror in followed.mirrors.values():
                mirror.whole = True  # the last word on these buffers: exact, whatever it costs
            self._write(followed)
            self.wait()
        for signal, slot in followed.slots:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        followed.slots = []
        followed.ownership.release()  # the file, if any, is now one left behind: offered at the next open
        self._followed.pop(followed.source, None)
        self._dirty.discard(followed.source)

    def close(self) -> None:
        """Plugin unload: write what is unsaved, let go of everything."""
        for followed in list(self._followed.values()):
            self._unfollow(followed, keep=True)
        self.project.layersWillBeRemoved.disconnect(self._on_layers_removed)
        QCoreApplication.instance().aboutToQuit.disconnect(self.flush_and_wait)
        self._timer.stop()
        self._writer.shutdown(wait=True)


def _log_failure(future) -> None:
    error = future.exception()
    if error is not None:
        log(redact(str(error)), Qgis.MessageLevel.Warning)
