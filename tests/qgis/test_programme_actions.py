"""Opening and creating a programme from the menu or a dock: errors told, the source remembered."""

from __future__ import annotations

from qgis.core import Qgis, QgsProject

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_actions import new_programme, open_programme
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.toolbelt.settings import PluginSettings


class Answers(Prompts):
    """Answers the file questions (the only part that would open a modal dialog)."""

    def __init__(self, path: str):
        super().__init__(None)
        self.path = path

    def open_path(self, start: str = "") -> str:
        return self.path

    def new_path(self, start: str = "") -> str:
        return self.path


def test_new_then_open_and_a_refusal(qgis_iface, tmp_path, qgis_app):
    controller = ProgrammeController(QgsProject.instance())
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    try:
        target = str(tmp_path / "nieuw.gpkg")
        assert new_programme(qgis_iface, controller, Answers(target))
        assert controller.store.path == target and PluginSettings.load().last_programme == target
        assert not new_programme(qgis_iface, controller, Answers(target))  # exists: refused, told
        assert any("already exists" in m for m in bar.get_messages(Qgis.Critical))
        not_a_programme = tmp_path / "notes.gpkg"
        not_a_programme.write_text("x")
        assert not open_programme(qgis_iface, controller, Answers(str(not_a_programme)))
        assert controller.store.path == target  # the open programme stays
        assert not open_programme(qgis_iface, controller, Answers(""))  # cancelled: nothing happens
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()
