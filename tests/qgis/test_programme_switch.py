"""Creating an empty programme after using another: the Overview and the layer tree start afresh."""

from __future__ import annotations

from qgis.core import Qgis, QgsProject

from gebiedsplugin.core import schema
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.overview_tables import period_text
from tests.qgis.test_overview_dock import overview_dock


def _groups():
    return [g.name() for g in QgsProject.instance().layerTreeRoot().findGroups() if g.name().startswith("Programme")]


def test_create_after_open_resets_overview_and_layer_tree(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    dock = overview_dock(plugin)
    assert use_programme(qgis_iface, plugin.controller.open, str(path))
    dock.reload()
    first, last = dock.overview.years()
    dock.set_scope(year_from=first + 2, year_to=first + 2)
    assert dock.status.text().endswith(" · {}".format(first + 2))  # one year written once, not "2027–2027"
    assert len(_groups()) == 1
    new = tmp_path / "empty.gpkg"
    assert use_programme(qgis_iface, plugin.controller.create, str(new))
    message = qgis_iface.messageBar().get_messages(Qgis.Success)[-1]  # pytest-qgis's bar keeps them
    assert "Created " in message and "Opened" not in message
    assert _groups() == ["Programme: empty"]  # the previous programme's group is gone
    assert all(layer.source().split("|")[0] == str(new) for layer in QgsProject.instance().mapLayers().values())
    dock.reload()
    assert dock.district.itemText(0) == "Whole city" and dock.district.itemData(0) == schema.CITY_ID  # not "city"
    assert dock.year_from.value() == schema.MIN_YEAR  # the old period is not kept
    assert dock.status.text() == "Whole city · no interventions yet"


def test_edits_in_the_old_programme_keep_its_layers(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    assert use_programme(qgis_iface, plugin.controller.open, str(path))
    layer = plugin.controller.layer("interventions_point")
    layer.startEditing()
    feat = next(layer.getFeatures())
    layer.changeAttributeValue(feat.id(), layer.fields().indexOf("title"), "Unsaved")
    assert use_programme(qgis_iface, plugin.controller.create, str(tmp_path / "other.gpkg"))
    assert len(_groups()) == 2 and layer.isModified()  # nothing thrown away
    layer.rollBack()


def test_period_text():
    texts = (period_text(2025, 2025), period_text(2025, 2027), period_text(None, 2027))
    assert texts == ("2025", "2025–2027", "…–2027")
