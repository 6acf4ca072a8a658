"""Unsaved edits that outlive QGIS: journalled while they are unsaved, offered back when their
programme is opened again after a crash, a kill, a power loss or layers removed without saving.

Restore replays them into the layers' edit buffers (the planner reviews and saves as usual; the
save refuses rows someone else changed since, naming who); Discard keeps the file aside for
recovery_files.DISCARDED_DAYS days (a mis-click must not cost an afternoon's work); Later keeps it
for the next open. The restore itself writes nothing to the programme.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QTimer

from gebiedsplugin.core.journal_format import JournalFormatError, edit_count, from_text
from gebiedsplugin.qgis_io.edit_journal import replay
from gebiedsplugin.qgis_io.journal_keeper import DELAY_MS, JournalKeeper
from gebiedsplugin.toolbelt import recovery_files
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import log, notify


def _when(text: str) -> str:
    try:
        return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(text or "")


class Recovery(QObject):
    """Journals the open programme's edits (JournalKeeper) and offers left-behind ones when it opens."""

    def __init__(self, iface, controller, prompts=None, folder=None, delay_ms: int = DELAY_MS, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.controller = controller
        self.prompts = prompts
        self.keeper = JournalKeeper(controller.project, folder, delay_ms, self)
        self.outcomes: list = []  # (answer, file, {"edits", "moved_on", "lost"}) of every offer, newest last
        controller.programmeChanged.connect(self._on_programme)

    def _prompts(self):
        if self.prompts is None:
            from gebiedsplugin.gui.prompts import Prompts

            self.prompts = Prompts(self.iface.mainWindow() if self.iface is not None else None)
        return self.prompts

    def _on_programme(self) -> None:
        store = self.controller.store
        if store is None:
            return
        try:
            self.keeper.follow(store, self.controller.layers)
        except OSError as e:  # the profile's folder not writable: the planner can still edit and save
            log(tr("Unsaved edits of {} cannot be kept for recovery: {}").format(store.name, e),
                Qgis.MessageLevel.Warning)
        # Asked once the docks have taken the new programme, not in the middle of the signal.
        QTimer.singleShot(0, partial(self.offer, store.path))

    def offer(self, source: str | None = None) -> list:
        """Ask about every journal the open programme's earlier sessions left behind; the answers."""
        store = self.controller.store
        if store is None or (source is not None and store.path != source):
            return []
        answers = []
        for path in recovery_files.left_behind(self.keeper.folder, store.path):
            if recovery_files.written_here(path) and any(
                    lyr.isEditable() and lyr.isModified() for lyr in self.controller.layers.values()):
                # This QGIS let go of the file (the plugin reloaded) but its buffers still hold the edits.
                self.keeper.flush_and_wait()
                recovery_files.remove(path)
                continue
            try:
                journal = from_text(path.read_text(encoding="utf-8"))
            except (OSError, JournalFormatError, UnicodeDecodeError) as e:
                log(tr("The recovery file {} could not be read: {}").format(path, e), Qgis.MessageLevel.Warning)
                continue
            count = edit_count(journal)
            if count == 0:
                recovery_files.remove(path)
                continue
            text = tr("QGIS closed with %n unsaved edit(s) in programme “{}” ({}, {}). Restore them?", "",
                      count).format(journal.get("name") or store.name, journal.get("planner") or "?",
                                    _when(journal.get("saved_at")))
            answer = self._prompts().restore_discard_later(tr("Unsaved edits"), text)
            result = {"edits": count}
            if answer == "restore":
                result.update(self.restore(path, journal))
            elif answer == "discard":
                recovery_files.set_aside(path)
                notify(self.iface, tr("Unsaved edits"),
                       tr("The unsaved edits were discarded (a copy is kept for {} days in {}).").format(
                           recovery_files.DISCARDED_DAYS, self.keeper.folder), Qgis.MessageLevel.Info)
            answers.append((answer, path, result))
        self.outcomes.extend(answers)
        return answers

    def restore(self, path, journal: dict) -> dict:
        """Replay *journal* (read from *path*) into the open programme's layers; the file goes once
        this session's own journal holds the edits. {"moved_on": n, "lost": n}."""
        moved_on = lost = 0
        for table, edits in journal.get("tables", {}).items():
            layer = self.controller.layer(table)
            if layer is None:
                lost += sum(len(rows) for rows in edits.values())
                continue
            done = replay(layer, table, edits)
            moved_on += len(done["moved_on"])
            lost += len(done["lost"])
        self.keeper.flush_and_wait()
        if str(path) != str(self.keeper.path_of(self.controller.store.path)):
            recovery_files.remove(path)
        count = edit_count(journal)
        lines = [tr("Restored %n unsaved edit(s). Review them and save as usual.", "", count)]
        if moved_on:
            lines.append(tr("%n of these rows were changed by someone else since; saving will ask you to resolve.",
                            "", moved_on))
        if lost:
            lines.append(tr("%n of these rows were deleted by someone else since; their edits could not be restored.",
                            "", lost))
        if moved_on or lost:
            self._prompts().inform(tr("Unsaved edits"), "\n\n".join(lines))
        else:
            notify(self.iface, tr("Unsaved edits"), lines[0], Qgis.MessageLevel.Success)
        return {"moved_on": moved_on, "lost": lost}

    def unload(self) -> None:
        """Plugin unload: the journals are written, signals let go."""
        try:
            self.controller.programmeChanged.disconnect(self._on_programme)
        except (TypeError, RuntimeError):
            pass
        self.keeper.close()
