"""The Overview before any programme: its area, period and Dossier… are not offered (first start).

Before, the dock showed "From 2000 to 2000" with spin boxes to change and a Dossier… button that did
nothing when clicked; after a programme is opened they are usable.
"""

from __future__ import annotations

from gebiedsplugin.core import schema


def _dock(plugin):
    return next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_overview_dock")


def test_scope_only_with_a_programme(plugin, sample_gpkg):
    dock = _dock(plugin)
    controls = (dock.district, dock.year_from, dock.year_to, dock.dossier_button)
    dock.reload()
    assert plugin.controller.store is None and dock.status.text() == "No programme open."
    assert [w.isEnabled() for w in controls] == [False] * 4

    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    dock.reload()
    assert dock.overview is not None
    assert [w.isEnabled() for w in controls] == [True] * 4
    assert dock.district.currentData() == schema.CITY_ID
