"""What stays long is out of the cycle collector's sight (gc.freeze), so that no full pass, in whichever
thread it starts, walks it with Python's lock held while QGIS waits (#18, the heartbeat tests): the
Interventions list's rows, read between turns of the event loop (100,000 rows: 25-60 ms of CPU a pass),
and matplotlib's modules, loaded before the Overview or the export's summary charts draw (36 ms a pass)."""

from __future__ import annotations

import gc
import sys

from qgis.core import QgsProject

from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.intervention_rows import ProgrammeRowsReader
from gebiedsplugin.qgis_io.loader import load_programme
from gebiedsplugin.qgis_io.overview_task import load_chart_modules
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


def _seen() -> set:
    """The ids of the objects in the collector's generations (frozen objects are not in them)."""
    return {id(o) for o in gc.get_objects()}


def test_the_list_rows_read_between_turns_are_out_of_sight(tmp_path, qgis_app):
    programme, _ = generate_sample(seed=5, interventions=300)
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)
    project = QgsProject()
    layers = load_programme(store, project)
    try:
        reader = ProgrammeRowsReader(layers)
        steps = 1
        while not reader.step(50):  # as the dock reads: a few features a turn
            steps += 1
        assert steps > 3 and reader.read >= 300 and gc.isenabled()
        rows = list(reader.listed.rows.values())
        assert len(rows) == len(programme.interventions)
        seen = _seen()
        assert [r for r in rows if id(r) in seen] == []  # the first turn's rows as well as the last's
        assert id(reader.listed.rows) not in seen
        assert reader.listed.get(rows[0].uid) == rows[0].funding  # still listed, with their totals
    finally:
        project.clear()


def test_chart_modules_are_loaded_out_of_sight(qgis_app):
    load_chart_modules()
    import matplotlib

    seen = _seen()
    assert gc.isenabled()
    assert id(matplotlib.rcParams) not in seen
    assert id(sys.modules["matplotlib.figure"].Figure.__init__) not in seen
