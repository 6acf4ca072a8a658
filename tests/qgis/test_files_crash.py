"""A writer killed with kill -9 leaves a temporary file; the next write or the next start removes it.

The target stays what it was: absent, or the complete old file (byte for byte).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from qgis.core import QgsProject

from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.files import write_text
from gebiedsplugin.toolbelt.settings import PluginSettings
from gebiedsplugin.toolbelt.temp_files import is_temp_name
from tests.qgis.disk_fixtures import sha256

ROOT = str(Path(__file__).resolve().parents[2])

CREATE = """
import sys
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
programme, _ = generate_sample(seed=5, interventions=20000)
GpkgStore.create(sys.argv[1], programme.crs, programme, overwrite=True)
"""

EXPORT = """
import sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io.exporter import run_export
run_export(ExportRequest(sys.argv[1], sys.argv[2], formats=("csv", "geojson", "gpkg", "pdf", "png"),
                         summary_pages=False, overwrite=True))
"""


def temp_entries(folder) -> list:
    return sorted(str(p) for p in Path(folder).iterdir() if is_temp_name(p.name))


def kill_when(args: list, ready, timeout: float = 60) -> int:
    """Run a Python child; kill -9 it as soon as ready() holds; its pid (reaped)."""
    env = dict(os.environ, PYTHONPATH=ROOT, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c"] + args, env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while not ready():
            if child.poll() is not None:
                pytest.fail("the child ended before it could be killed: " + child.stderr.read().decode()[-2000:])
            if time.monotonic() > deadline:
                pytest.fail("the child never reached the point to kill it")
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return child.pid


def test_killed_create_is_cleaned_by_the_next_write(tmp_path, qgis_app):
    programme, _ = generate_sample(seed=3, interventions=60)
    target = tmp_path / "programme.gpkg"
    GpkgStore.create(target, programme.crs, programme)
    before = sha256(target)

    def writing():  # the temporary GeoPackage exists and has grown past its empty tables
        return any(os.path.getsize(p) > 1_000_000 for p in temp_entries(tmp_path) if p.endswith(".gpkg"))

    pid = kill_when([CREATE, str(target)], writing)
    left = temp_entries(tmp_path)
    assert left and all("-{}-".format(pid) in p for p in left)  # the crash left it, named by its writer
    assert sha256(target) == before  # the old programme, complete

    write_text(tmp_path / "notes.txt", "next write")  # any write into the folder sweeps it
    assert temp_entries(tmp_path) == []
    assert sha256(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "programme.gpkg"]


def test_killed_export_is_cleaned_at_the_next_start(tmp_path, qgis_iface, processing_ready):
    import gebiedsplugin

    programme, _ = generate_sample(seed=3, interventions=60)
    source = GpkgStore.create(tmp_path / "programme.gpkg", programme.crs, programme).path
    out = tmp_path / "out"
    out.mkdir()
    system_temp = tempfile.gettempdir()

    def rendering():  # the data files are staged, the atlas is being drawn
        return any(Path(p, "programme_map_city.gpkg").exists() for p in temp_entries(out))

    pid = kill_when([EXPORT, source, str(out)], rendering)
    tag = "-{}-".format(pid)
    assert temp_entries(out) and all(tag in p for p in temp_entries(out))
    assert [n for n in os.listdir(system_temp) if is_temp_name(n) and tag in n]  # its working copy
    assert sorted(p.name for p in out.iterdir() if not is_temp_name(p.name)) == []  # no output appeared

    settings = PluginSettings.load()
    settings.last_programme, settings.last_output_folder = source, str(out)
    settings.save()
    plugin = gebiedsplugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.sweeper.join(10)
        assert temp_entries(out) == []
        assert [n for n in os.listdir(system_temp) if is_temp_name(n) and tag in n] == []
        assert list(out.iterdir()) == []
    finally:
        plugin.unload()
        QgsProject.instance().clear()
