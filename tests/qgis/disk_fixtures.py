"""A real small disk (tmpfs) to fill up, and the helpers of the full-disk and crash tests.

`small_disk(size)` mounts a tmpfs of *size* under the test's tmp_path and unmounts it after the
test. Mounting needs root; where it is not permitted the test is skipped with the reason, except
under CI=true, where it fails (CI must run these tests).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from gebiedsplugin.toolbelt.temp_files import is_temp_name

FILLER = "filler.bin"


@pytest.fixture()
def small_disk(tmp_path):
    """A factory: small_disk('2m') -> the folder of a freshly mounted, empty tmpfs of that size."""
    mounted = []

    def mount(size: str = "2m") -> Path:
        folder = tmp_path / "disk{}".format(len(mounted))
        folder.mkdir()
        reason = ""
        if shutil.which("mount") is None:
            reason = "no mount command"
        else:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", str(folder)],
                                  capture_output=True, text=True)
            reason = "" if done.returncode == 0 else (done.stderr.strip() or "mount failed")
        if reason:
            message = "a small tmpfs cannot be mounted here ({}); the full-disk tests need root".format(reason)
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(disk: Path, leave: int) -> None:
    """Fill *disk* with one file until only *leave* bytes are free."""
    st = os.statvfs(str(disk))
    free = st.f_bavail * st.f_frsize
    with open(disk / FILLER, "ab") as out:
        out.write(b"\0" * max(0, free - leave))


def sha256(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fingerprints(folder: Path) -> dict:
    """name -> sha256 of every file directly in *folder* (the filler excepted)."""
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name != FILLER}


def leftovers(*folders) -> list:
    """The plugin's temporary files and folders anywhere under *folders*."""
    found = []
    for folder in folders:
        for root, dirs, files in os.walk(str(folder)):
            found.extend(os.path.join(root, n) for n in dirs + files if is_temp_name(n))
    return found


def own_temp_leftovers() -> list:
    """Temporary entries of this process in the system temp folder (the export's working copies)."""
    tag = "-{}-".format(os.getpid())
    return [n for n in os.listdir(tempfile.gettempdir()) if is_temp_name(n) and tag in n]
