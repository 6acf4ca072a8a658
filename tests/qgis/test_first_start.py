"""A new user's first start (qa4's 3.44 walk): every dock was hidden and the sample only in the menu. On
the plugin's first start (no programme used yet) the Interventions dock is in view and names the first
steps; once a programme has been used, QGIS's own window layout decides (the docks start hidden)."""

from __future__ import annotations

import pytest

from gebiedsplugin.gui.interventions_dock import InterventionsDock
from gebiedsplugin.toolbelt.settings import PluginSettings


def _last(value: str) -> None:
    s = PluginSettings.load()
    s.last_programme = value
    s.save()


@pytest.mark.parametrize("last, shown", [("", True), ("/somewhere/programma.gpkg", False)])
def test_the_first_start_shows_the_first_steps(qgis_iface, processing_ready, last, shown):
    import gebiedsplugin

    before = PluginSettings.load().last_programme
    _last(last)
    plugin = gebiedsplugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        dock = next(d for d in plugin.docks if isinstance(d, InterventionsDock))
        assert dock.isHidden() is not shown
        assert [d.isHidden() for d in plugin.docks if d is not dock] == [True] * (len(plugin.docks) - 1)
        assert dock.programme_label.text() == ("No programme open. Open or create one, or try the sample city: "
                                               "Area programme > Generate sample city…")
    finally:
        plugin.unload()
        _last(before)
