"""Writing files safely: to a temporary name in the same folder, renamed when complete.

A write that fails leaves the target as it was (absent, or the complete old file) and no temporary
file; a full disk is told as such (DiskFullError), naming the file. The temporary names and their
removal after a crash are in temp_files.
"""

from __future__ import annotations

import errno
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.temp_files import TEMP_PATTERN, new_temp, remove_temp, sweep_stale

FULL_BELOW = 1 << 20  # bytes free under which a failed write is taken to be a full disk
# How a complete file of these types ends; a writer that ignores a failed write (Qt's PDF engine,
# GDAL's GeoJSON driver, image writers) leaves a file without it and still reports success.
_TAILS = {".pdf": b"%%EOF", ".geojson": b"}", ".json": b"}", ".png": b"IEND\xaeB`\x82"}
_FULL_TEXTS = ("disk is full", "no space left", "not enough space", "disk full", "database or disk is full")


class DiskFullError(ProgrammeError):
    """Writing *path* failed because its disk is full; nothing was written."""

    def __init__(self, message: str, path: str = ""):
        super().__init__(message)
        self.path = path


class IncompleteFileError(OSError):
    """A writer reported success but the file it wrote is cut short."""


def shown_path(path) -> Path:
    """*path* as the user knows it: a file in one of the plugin's temporary folders by its destination."""
    path = Path(path)
    if TEMP_PATTERN.search(path.parent.name):
        return path.parent.parent / path.name
    return path


def free_bytes(folder) -> int:
    """Bytes free for this user in *folder* (very many when it cannot be told)."""
    try:
        return shutil.disk_usage(str(folder)).free
    except OSError:
        return 1 << 62


def is_disk_full(error: BaseException, folder) -> bool:
    """Whether *error*, raised while writing into *folder*, comes from a full disk.

    Ask before removing what the failed write left: SQLite (through GDAL) reports a full disk
    without a message, so a nearly empty disk is taken as the cause.
    """
    if isinstance(error, (DiskFullError, InterruptedError)):
        return isinstance(error, DiskFullError)
    if not isinstance(error, (OSError, RuntimeError, ProgrammeError)):
        return False
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    text = str(error).lower()
    return any(t in text for t in _FULL_TEXTS) or free_bytes(folder) < FULL_BELOW


def disk_full_error(target) -> DiskFullError:
    """The DiskFullError of a failed write of *target* (says whether an old file is kept)."""
    shown = shown_path(target)
    if shown.exists():
        text = tr("The disk is full: {} could not be written. The existing file is unchanged. "
                  "Free some space and try again.").format(shown)
    else:
        text = tr("The disk is full: {} could not be written. Nothing was written. "
                  "Free some space and try again.").format(shown)
    return DiskFullError(text, str(shown))


def write_error(error: BaseException, target, folder=None):
    """The error to tell the user for *error* raised while writing *target*; None to re-raise it as is.

    Call it before removing the temporary file (see is_disk_full).
    """
    folder = Path(target).parent if folder is None else folder
    if isinstance(error, DiskFullError) or not isinstance(error, Exception) or isinstance(error, InterruptedError):
        return None
    if is_disk_full(error, folder):
        return disk_full_error(target)
    if isinstance(error, IncompleteFileError):
        return ProgrammeError(tr("{} could not be written completely; nothing was written.").format(
            shown_path(target)))
    if isinstance(error, (OSError, RuntimeError)):
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return ProgrammeError(tr("Writing {} failed: {}").format(shown_path(target), reason))
    return None


def check_complete(path) -> None:
    """Raise IncompleteFileError when *path* (PDF, GeoJSON, PNG) does not end as a complete file does."""
    tail = _TAILS.get(Path(path).suffix.lower())
    if tail is None:
        return
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        f.seek(max(0, size - 1024))
        end = f.read().rstrip()
    if not end.endswith(tail):
        raise IncompleteFileError(errno.EIO, "incomplete file", str(path))


@contextmanager
def atomic_path(target, overwrite: bool = False):
    """Yield a temporary path beside *target*; rename it to *target* when the block succeeds.

    Raises ProgrammeError when *target* exists (unless *overwrite*) or its folder is not writable,
    DiskFullError when the disk fills up; on failure the temporary file is removed and *target* is
    left as it was. Stale temporary files of crashed writers in the folder are removed first.
    """
    target = Path(target)
    folder = target.parent
    if target.exists() and not overwrite:
        raise ProgrammeError(tr("{} already exists.").format(shown_path(target)))
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise ProgrammeError(tr("The folder {} does not exist or is not writable.").format(folder))
    sweep_stale(folder)
    try:
        tmp = new_temp(target)
    except OSError as e:
        raise write_error(e, target) or e from None
    try:
        yield str(tmp)
        check_complete(tmp)
        os.replace(tmp, target)
    except BaseException as e:
        error = write_error(e, target)
        remove_temp(tmp)
        if error is not None:
            try:
                raise error from None
            finally:
                # A local naming the raised error makes a cycle (error -> traceback -> this frame -> error)
                # that keeps the frames' objects (layers, projects, datasets) alive until a garbage
                # collection, in whatever thread, or after QGIS has exited (a crash at exit). Dropped here.
                error = None
        raise
    finally:
        remove_temp(tmp)


def write_text(target, text: str, overwrite: bool = False) -> None:
    """Write *text* (UTF-8) to *target* atomically."""
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(text)


class Staging:
    """A hidden folder beside a set of outputs: they are written there and moved in together.

    commit() moves every file into the destination folder (renames on one disk: quick, no copy);
    discard() removes them all, so a failed run leaves the previous files or none, never a part.
    """

    def __init__(self, folder, stem: str):
        self.folder = Path(folder)
        sweep_stale(self.folder)
        try:
            self.path = new_temp(self.folder / stem, suffix=".d", create="dir")
        except OSError as e:
            raise write_error(e, self.folder / stem) or e from None

    def target(self, final) -> Path:
        """Where to write the output that is to become *final*."""
        return self.path / Path(final).name

    def final(self, staged) -> Path:
        """The destination of a staged file."""
        return self.folder / Path(staged).name

    def commit(self, overwrite: bool = False) -> list:
        """Move every staged file to its destination (replacing an older one only with *overwrite*).

        All or nothing: older files are first moved aside into the staging folder and put back
        when a move fails. Returns the destinations.
        """
        staged_files = sorted(p for p in self.path.iterdir() if p.is_file() or p.is_dir())  # a folder: the web map
        finals = [self.final(p) for p in staged_files]
        kinds = {f: (f.is_dir() if s.is_dir() else f.is_file()) for s, f in zip(staged_files, finals)}
        in_the_way = [f for f in finals if os.path.lexists(f) and not kinds[f]]
        existing = [f for f in finals if kinds[f]]
        if in_the_way or (existing and not overwrite):
            self.discard()
            if in_the_way:
                raise ProgrammeError(tr("{} is in the way (not a file); nothing was written.").format(
                    ", ".join(str(p) for p in in_the_way)))
            raise ProgrammeError(tr("These files exist already (allow overwriting to replace them): {}").format(
                ", ".join(str(p) for p in existing)))
        aside = self.path / "previous"
        aside.mkdir()
        done = []  # (destination, an older file moved aside)
        try:
            for staged, final in zip(staged_files, finals):
                older = kinds[final]
                if older:
                    os.replace(final, aside / final.name)
                done.append((final, older))
                os.replace(staged, final)
        except OSError as e:
            for final, older in reversed(done):
                try:
                    if older:
                        os.replace(aside / final.name, final)
                    elif final.exists() and not (self.path / final.name).exists():
                        shutil.rmtree(final) if final.is_dir() else os.unlink(final)
                except OSError:
                    pass
            self.discard()
            raise ProgrammeError(tr("{} could not be replaced: {}; the earlier files are kept.").format(
                done[-1][0] if done else self.folder, e.strerror or e)) from None
        self.discard()
        return [str(f) for f in finals]

    def discard(self) -> None:
        """Remove the staging folder with everything in it."""
        remove_temp(self.path)
