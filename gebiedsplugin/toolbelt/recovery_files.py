"""Where edit journals live, whose they are, and writing them safely.

One folder in the QGIS profile (``<profile>/gebiedsplugin/recovery/``), never beside the programme
(which may be a read-only share or PostGIS). Each QGIS process writes its own file per programme,
``<programme key>.<host>-<pid>-<random>.json`` (a new one each time it starts following the
programme, so a journal kept for later is never overwritten), and holds an OS lock on
``<same>.lock`` while it lives. The kernel lets go of the lock when the process ends however it
ends (crash, SIGKILL, power loss), so a file whose lock can be taken is a journal left behind, and a
locked one belongs to a QGIS still running (another window on the same profile) and is left alone.
A reused process id cannot fool this as it would a pid check.

Discarded journals are kept as ``*.discarded`` for DISCARDED_DAYS, then removed (sweep_discarded).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from pathlib import Path

from gebiedsplugin.toolbelt.files import write_text
from gebiedsplugin.toolbelt.temp_files import host_tag

DISCARDED_DAYS = 7
SUFFIX = ".json"


def recovery_folder() -> Path:
    """``<QGIS profile>/gebiedsplugin/recovery`` (made when missing; where it cannot be, writing a journal
    there fails later, said in the log, and the plugin works on)."""
    from qgis.core import QgsApplication

    folder = Path(QgsApplication.qgisSettingsDirPath()) / "gebiedsplugin" / "recovery"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return folder


def programme_key(source: str) -> str:
    """A file-name-safe key of a programme: a GeoPackage by its absolute path, PostGIS by its text."""
    text = str(source)
    if not text.startswith("postgres:"):
        text = os.path.normcase(os.path.abspath(text))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def own_file(folder: Path, source: str) -> Path:
    """A new name for the journal this process writes for *source*."""
    return Path(folder) / "{}.{}-{}-{}{}".format(programme_key(source), host_tag(), os.getpid(),
                                                 secrets.token_hex(3), SUFFIX)


def _lock_path(path) -> str:
    return str(path) + ".lock"


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class Ownership:
    """This process's lock on its journal *path*, held until release()."""

    def __init__(self, path):
        self.path = Path(path)
        self.fd = os.open(_lock_path(path), os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(self.fd):  # cannot happen for our own pid's name; be explicit all the same
            os.close(self.fd)
            raise OSError("journal {} is locked by another process".format(path))

    def release(self) -> None:
        """Let go of the lock (and its file, when the journal is gone too)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if not self.path.exists():
            remove(_lock_path(self.path))


def is_left_behind(path) -> bool:
    """True when no live process holds the lock of journal *path* (its writer ended)."""
    lock = _lock_path(path)
    if not os.path.exists(lock):
        return True
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return True
    try:
        return _try_lock(fd)  # closing the descriptor below lets go again
    finally:
        os.close(fd)


def left_behind(folder, source: str) -> list:
    """Journals of *source* whose writer ended, newest first."""
    key = programme_key(source) + "."
    try:
        names = [n for n in os.listdir(str(folder)) if n.startswith(key) and n.endswith(SUFFIX)]
    except OSError:
        return []
    paths = [Path(folder) / n for n in names]
    found = [p for p in paths if is_left_behind(p)]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def written_here(path) -> bool:
    """True for a journal this very process wrote (it may have let go of it: layers removed, unload)."""
    return ".{}-{}-".format(host_tag(), os.getpid()) in Path(path).name


def write(path, text: str) -> None:
    """Write *text* to *path* atomically (temporary file + os.replace)."""
    write_text(path, text, overwrite=True)


def remove(path) -> None:
    """Remove *path*; quiet when it is gone already."""
    try:
        os.unlink(str(path))
    except FileNotFoundError:
        pass


def set_aside(path) -> Path:
    """Keep a discarded journal as ``<name>.discarded`` for DISCARDED_DAYS; its new path."""
    target = Path(str(path) + ".discarded")
    os.replace(str(path), str(target))
    os.utime(str(target))  # its week starts now
    remove(_lock_path(path))
    return target


def sweep_discarded(folder, now: float | None = None) -> list:
    """Remove discarded journals older than DISCARDED_DAYS, and lock files left without a journal."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(str(folder)))
    except OSError:
        return removed
    names = {e.name for e in entries}
    for entry in entries:
        old_discard = entry.name.endswith(".discarded") and now - entry.stat().st_mtime > DISCARDED_DAYS * 86400
        orphan_lock = entry.name.endswith(".lock") and entry.name[:-5] not in names and is_left_behind(
            entry.path[:-5])
        if old_discard or orphan_lock:
            remove(entry.path)
            removed.append(entry.path)
    return removed
