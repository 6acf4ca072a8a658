"""A GeoPackage programme layer reads its rows right after startEditing() while the map draws it.

QGIS opens a GeoPackage layer read-only (GDAL's NOLOCK) and, at the first startEditing(), closes that
dataset and opens the file again in update mode (WAL). When the canvas's render threads open their own
read connections on the file at that moment, the main thread's next read could get such a connection
back from QGIS's OGR pool and yield nothing, silently, until the layer was reloaded (getFeatures()
empty, getFeature(fid) invalid). The programme layers are now in update mode from the start, so
starting to edit no longer reopens the file under the map's readers.
"""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest
from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QSize

from gebiedsplugin.gui.controller import ProgrammeController

TABLES = ("interventions_point", "interventions_line", "interventions_polygon")
OPENS = 6  # the empty read came at a programme's first startEditing in about half the opens


def _stored_fids(path, table) -> list:
    conn = sqlite3.connect(str(path))
    try:
        return sorted(r[0] for r in conn.execute('SELECT fid FROM "{}"'.format(table)))
    finally:
        conn.close()


def _render_job(layers, extent, crs) -> QgsMapRendererParallelJob:
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(400, 300))
    job = QgsMapRendererParallelJob(settings)
    job.start()  # the layers are read in QGIS's render threads, as the canvas reads them
    return job


def _open(controller, path, background: bool) -> None:
    if not background:
        controller.open(str(path))
        return
    outcomes = []
    controller.open_in_background(str(path), outcomes.append)  # the menu's Open: layers made in a task
    end = time.monotonic() + 60
    while not outcomes:
        assert time.monotonic() < end, "the open did not end"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert outcomes[0].store is not None, outcomes[0].error


@pytest.mark.parametrize("background", [False, True], ids=["open", "open in background"])
def test_rows_are_read_after_start_editing_while_the_map_draws(sample_gpkg, tmp_path, qgis_app, background):
    master, _ = sample_gpkg
    expected = {t: _stored_fids(master, t) for t in TABLES}
    assert all(expected.values())
    project = QgsProject.instance()
    missed = []
    for n in range(OPENS):
        path = tmp_path / "programme_{}.gpkg".format(n)
        shutil.copy(master, path)
        project.clear()
        controller = ProgrammeController(project)
        try:
            _open(controller, path, background)
            layers = controller.layers
            districts = layers["districts"]
            job = _render_job([layers[t] for t in TABLES] + [districts], districts.extent(), districts.crs())
            for table in TABLES:  # each layer's first startEditing, with the map drawing
                layer = layers[table]
                assert layer.startEditing()
                fids = sorted(f.id() for f in layer.getFeatures())
                first = layer.getFeature(expected[table][0])
                if fids != expected[table] or not first.isValid() or first["uid"] in (None, ""):
                    missed.append((n, table, len(fids), first.isValid()))
            job.waitForFinished()
            for table in TABLES:
                assert layers[table].rollBack()
        finally:
            controller.disconnect_project()
            project.clear()
    assert not missed, "rows not read after startEditing (open, table, rows read, first valid): {}".format(missed)
