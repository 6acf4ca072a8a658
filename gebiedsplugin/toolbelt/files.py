"""Writing files safely: to a temporary name in the same folder, renamed when complete."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr


@contextmanager
def atomic_path(target, overwrite: bool = False):
    """Yield a temporary path beside *target*; rename it to *target* when the block succeeds.

    Raises ProgrammeError when *target* exists (unless *overwrite*) or its folder is not writable;
    on failure the temporary file is removed and *target* is left as it was.
    """
    target = Path(target)
    folder = target.parent
    if target.exists() and not overwrite:
        raise ProgrammeError(tr("{} already exists.").format(target))
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise ProgrammeError(tr("The folder {} does not exist or is not writable.").format(folder))
    fd, tmp = tempfile.mkstemp(prefix=".{}.".format(target.name), suffix=".part" + target.suffix, dir=folder)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the result should get the usual permissions
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text(target, text: str, overwrite: bool = False) -> None:
    """Write *text* (UTF-8) to *target* atomically."""
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(text)
