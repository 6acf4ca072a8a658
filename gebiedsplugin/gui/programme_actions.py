"""Opening and creating a programme, the same from the menu and from a dock: ask, try, tell, remember."""

from __future__ import annotations

from qgis.core import Qgis

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify
from gebiedsplugin.toolbelt.settings import PluginSettings


def use_programme(iface, work, source: str) -> bool:
    """Run *work(source)* (controller.open or .create); a clear message either way, the source remembered."""
    try:
        work(source)
    except ProgrammeError as e:
        notify(iface, tr("Programme"), str(e), Qgis.MessageLevel.Critical, 10)
        return False
    settings = PluginSettings.load()
    settings.last_programme = source
    settings.save()
    notify(iface, tr("Programme"), tr("Opened {}").format(source), Qgis.MessageLevel.Success)
    return True


def open_programme(iface, controller, prompts) -> bool:
    """Ask for a programme file and open it."""
    path = prompts.open_path(PluginSettings.load().last_programme)
    return bool(path) and use_programme(iface, controller.open, path)


def new_programme(iface, controller, prompts) -> bool:
    """Ask for a file name and create an empty programme there."""
    path = prompts.new_path(PluginSettings.load().last_programme)
    return bool(path) and use_programme(iface, controller.create, path)
