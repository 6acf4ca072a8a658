"""The plugin's temporary files: one recognisable name, and removal when their writer is gone.

Every temporary file or folder the plugin writes is named
``.<final name>.gebiedsplugin-tmp-<host>-<pid>-<random><suffix>``: hidden, with a fixed marker, and
with the host and process id of its writer. A crashed writer (``kill -9``, power loss) cannot remove
its own; sweep_stale() removes it later, at plugin start (the folders the plugin knows from its
settings) and before every new write into the same folder. A file of a live writer is never removed:

- written on this host: stale when its writer's process is gone (or, against a reused process id,
  untouched for LIVE_MAX_AGE);
- written on another host (a shared folder): stale when untouched for OTHER_HOST_MAX_AGE, as its
  writer's process cannot be looked up from here.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

MARKER = "gebiedsplugin-tmp"
OTHER_HOST_MAX_AGE = 60 * 60  # seconds untouched before a temporary file of another host is stale
LIVE_MAX_AGE = 24 * 60 * 60  # seconds untouched before one of a live (reused?) process id is stale
# Host without '-', so the parts stay unambiguous: <marker>-<host>-<pid>-<random>.
TEMP_PATTERN = re.compile(r"\." + MARKER + r"-(?P<host>[a-z0-9_]*)-(?P<pid>\d+)-[0-9a-f]+")
# SQLite's companions of a temporary GeoPackage.
_COMPANIONS = ("-journal", "-wal", "-shm")


def host_tag() -> str:
    """This computer's name as it appears in temporary names (lower case, no '-')."""
    return re.sub(r"[^a-z0-9_]", "_", socket.gethostname().lower())[:24]


def is_temp_name(name: str) -> bool:
    """True for the name of one of the plugin's temporary files or folders (or their companions)."""
    return name.startswith(".") and TEMP_PATTERN.search(name) is not None


def new_temp(target, suffix: str | None = None, create: str = "file") -> Path:
    """A new temporary path beside *target* (same folder, so a rename publishes it).

    *suffix* defaults to the target's (drivers choose the format by it); *create*: 'file' (made
    empty, with the usual permissions), 'dir' (made) or '' (only the name, for writers that must
    create the file themselves).
    """
    target = Path(target)
    suffix = target.suffix if suffix is None else suffix
    for _ in range(100):
        name = ".{}.{}-{}-{}-{}{}".format(target.name, MARKER, host_tag(), os.getpid(), secrets.token_hex(4), suffix)
        path = target.parent / name
        try:
            if create == "file":
                os.close(os.open(str(path), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            elif create == "dir":
                os.mkdir(str(path))
            elif path.exists():
                continue
        except FileExistsError:
            continue
        return path
    raise FileExistsError(str(target.parent / (".{}.{}".format(target.name, MARKER))))


def remove_temp(path) -> None:
    """Remove a temporary file (with SQLite's journal files) or folder; quiet when already gone."""
    path = str(path)
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
        return
    for name in (path,) + tuple(path + c for c in _COMPANIONS):
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass
        except OSError:
            pass  # e.g. still open on Windows: the next sweep removes it


def pid_alive(pid: int) -> bool:
    """True when a process with id *pid* runs on this computer."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT there
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        try:
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return not ok or code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return True
    return True


def _last_touched(entry: os.DirEntry) -> float:
    newest = entry.stat(follow_symlinks=False).st_mtime
    if entry.is_dir(follow_symlinks=False):
        try:
            with os.scandir(entry.path) as children:
                for child in children:
                    newest = max(newest, child.stat(follow_symlinks=False).st_mtime)
        except OSError:
            pass
    return newest


def is_stale(name: str, last_touched: float, now: float | None = None) -> bool:
    """Whether the temporary file *name*, last written at *last_touched*, has lost its writer."""
    match = TEMP_PATTERN.search(name)
    if match is None or not name.startswith("."):
        return False
    age = (time.time() if now is None else now) - last_touched
    if match.group("host") != host_tag():
        return age > OTHER_HOST_MAX_AGE
    pid = int(match.group("pid"))
    if pid == os.getpid():
        return False
    return not pid_alive(pid) or age > LIVE_MAX_AGE


def sweep_stale(folder) -> list:
    """Remove the plugin's stale temporary files and folders directly in *folder*; the paths removed.

    Only names with the marker are looked at, so this costs one directory listing.
    """
    removed = []
    try:
        entries = os.scandir(str(folder))
    except OSError:
        return removed
    with entries:
        listed = [entry for entry in entries if is_temp_name(entry.name)]
    for entry in listed:
        if entry.path in removed:  # went with its GeoPackage already (a journal)
            continue
        try:
            stale = is_stale(entry.name, _last_touched(entry))
        except OSError:
            continue
        if stale:
            before = {e.path for e in listed if os.path.lexists(e.path)}
            remove_temp(entry.path)
            removed.extend(p for p in sorted(before) if not os.path.lexists(p) and p not in removed)
    return removed


def known_folders(last_programme: str, last_output_folder: str) -> list:
    """The folders where the plugin writes: the last programme's, the last export's, the temp folder."""
    folders = []
    if last_programme and not last_programme.startswith("postgres:"):
        folders.append(str(Path(last_programme).parent))
    if last_output_folder:
        folders.append(last_output_folder)
    folders.append(tempfile.gettempdir())
    return list(dict.fromkeys(f for f in folders if f))


def sweep_in_background(folders: list, on_done=None) -> threading.Thread:
    """Sweep *folders* in a daemon thread (a network folder may answer slowly); *on_done(removed)* after.

    The thread touches files only (no Qt); *on_done* runs in that thread.
    """
    def work():
        removed = []
        for folder in folders:
            removed.extend(sweep_stale(folder))
        if on_done is not None:
            on_done(removed)

    thread = threading.Thread(target=work, name="gebiedsplugin-sweep", daemon=True)
    thread.start()
    return thread
