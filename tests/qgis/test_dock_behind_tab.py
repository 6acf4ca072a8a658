"""A dock whose tab is behind another's does not follow an open in the background; raising its tab does.

Qt leaves such a dock isVisible() (it is only covered), so it used to follow (read, list, draw) while
nobody could see it; what is on screen is its visible region, and raising its tab emits visibilityChanged.
"""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QMainWindow

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from tests.qgis.gui_helpers import open_in_background, wait_for


class CountingDock(ProgrammeDock):
    """A programme dock that counts how often it followed the programme."""

    def __init__(self, name, controller, window):
        self.followed = 0
        super().__init__(name, "test_" + name, None, controller, parent=window)
        self.setWidget(QLabel(name))
        self.follow_programme()

    def on_programme_changed(self) -> None:
        self.followed += 1


def test_a_dock_behind_a_tab_follows_when_its_tab_is_raised(sample_gpkg, qgis_app):
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    window = QMainWindow()
    window.setCentralWidget(QLabel("map"))
    window.resize(900, 600)
    front, behind = CountingDock("front", controller, window), CountingDock("behind", controller, window)
    area = Qt.DockWidgetArea.RightDockWidgetArea
    window.addDockWidget(area, behind)
    window.addDockWidget(area, front)
    window.tabifyDockWidget(behind, front)
    window.show()
    front.raise_()
    assert wait_for(lambda: front.shown() and not behind.shown(), 10)
    assert behind.isVisible()  # what the dock used to go by
    outcomes = []
    try:
        open_in_background(controller, sample_gpkg[0], outcomes)
        assert wait_for(lambda: outcomes and front.followed == 2, 60) and outcomes == [("opened", None)]
        wait_for(lambda: False, 0.3)  # turns enough for a dock that would follow too
        assert (front.followed, behind.followed) == (2, 1)  # 1: at construction
        behind.raise_()
        assert wait_for(lambda: behind.followed == 2, 10) and behind.shown()
        assert front.followed == 2
    finally:
        controller.disconnect_project()
        project.clear()
        for dock in (front, behind):
            dock.cleanup()
        window.close()
        window.deleteLater()
