"""Area programme > Generate sample city… in real QGIS: Processing's own dialog proposes a file of its own
(not "[Save to temporary file]"), and the sample is the open programme once the planner ran it. The
dialog is driven as a planner would: Run, wait, Close."""

from __future__ import annotations

import sqlite3
import time

import pytest
from qgis.core import Qgis
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

from gebiedsplugin.gui.sample_action import generate_sample, sample_path
from gebiedsplugin.toolbelt.settings import PluginSettings
from tests.qgis.interventions_fixtures import AnsweringPrompts

# On QGIS 3.44 Processing's dialog aborts the process under pytest-qgis's stand-in interface (seen in the
# 3.44 lane: "Fatal Python error: Aborted" in its exec()); there it needs the real desktop (tests/e2e).
needs_322_dialog = pytest.mark.skipif(Qgis.QGIS_VERSION_INT >= 33000, reason="Processing's dialog needs the "
                                      "real QGIS interface on QGIS >= 3.30 (aborts under pytest-qgis)")


@pytest.fixture()
def dialog_ready(plugin, monkeypatch):
    """pytest-qgis's interface has no browser model, which Processing's dialog asks for: a real one."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(plugin.iface, "browserModel", lambda: model, raising=False)
    return plugin


def _remember(path) -> None:
    settings = PluginSettings.load()
    settings.last_programme = str(path)
    settings.save()


class Planner:
    """Finds Processing's dialog when it is shown, reads what it proposes, clicks Run, closes it when done."""

    def __init__(self, run: bool = True):
        self.run = run
        self.proposed = None
        self.started = None
        self.timer = QTimer()
        self.timer.timeout.connect(self._turn)
        self.timer.start(50)

    def _turn(self) -> None:
        # Processing's dialog among the windows (offscreen, Qt keeps no active modal widget)
        dialog = next((w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "runAlgorithm")),
                      None)
        if dialog is None:
            return
        if self.proposed is None:
            self.proposed = dialog.createProcessingParameters().get("OUTPUT")
            if not self.run:
                self.timer.stop()
                dialog.close()
                return
            self.started = time.monotonic()
            dialog.runAlgorithm()
        elif dialog.results() or time.monotonic() - self.started > 120:
            self.timer.stop()
            dialog.close()


@needs_322_dialog
def test_the_sample_is_written_beside_the_last_programme_and_opened(dialog_ready, sample_gpkg, tmp_path):
    plugin = dialog_ready
    last, _ = sample_gpkg
    _remember(last)
    (last.parent / "voorbeeldstad.gpkg").write_bytes(b"an older file, kept")
    expected = last.parent / "voorbeeldstad_2.gpkg"
    assert sample_path() == str(expected)
    planner = Planner()
    opened = generate_sample(plugin.iface, plugin.controller, AnsweringPrompts())
    assert str(planner.proposed) == str(expected)
    assert opened == str(expected) and plugin.controller.store.path == str(expected.resolve())
    assert (last.parent / "voorbeeldstad.gpkg").read_bytes() == b"an older file, kept"
    with sqlite3.connect(str(expected)) as db:
        points = db.execute("SELECT COUNT(*) FROM interventions_point").fetchone()[0]
    assert points > 0 and plugin.controller.layer("interventions_point").featureCount() == points
    assert PluginSettings.load().last_programme == str(expected)


@needs_322_dialog
def test_a_dialog_closed_without_running_opens_nothing(dialog_ready, tmp_path):
    plugin = dialog_ready
    _remember(tmp_path / "elsewhere.gpkg")
    planner = Planner(run=False)
    assert generate_sample(plugin.iface, plugin.controller, AnsweringPrompts()) == ""
    assert str(planner.proposed) == str(tmp_path / "voorbeeldstad.gpkg")
    assert plugin.controller.store is None and not (tmp_path / "voorbeeldstad.gpkg").exists()
