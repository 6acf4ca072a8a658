"""The Overview dock: scope changes update every panel, the timeline selects on the map, screenshots."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import money_by, prepare, stacking_table
from gebiedsplugin.core.comparisons import comparable_cases, effects, priority_coverage, timeline
from gebiedsplugin.gui.overview_dock import OverviewDock
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


def overview_dock(plugin):
    return next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_overview_dock")


@pytest.fixture()
def opened(plugin, sample_gpkg):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    dock = overview_dock(plugin)
    dock.reload()
    return plugin, dock, prepare(GpkgStore.open(path).read_programme())


def show(dock, width=520, height=760):
    """Show the dock as its own window (the test's main window stays hidden) and lay it out."""
    dock.setFloating(True)
    dock.resize(width, height)
    dock.show()
    wait_until(lambda: dock.isVisible())
    for _ in range(5):
        QgsApplication.processEvents()


def wait_until(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        QgsApplication.processEvents()
        time.sleep(0.01)


def state(dock):
    """What every panel shows."""
    return (dock.money.summary.text(), dock.stacking.table.rowCount(), dock.stacking.table.columnCount(),
            dock.coverage.table.rowCount(), len(dock.timeline.items), dock.effects.table.rowCount(),
            dock.effects.summary.text())


def test_registered_and_filled_for_the_city(opened):
    plugin, dock, ov = opened
    assert dock.district.count() == 6 and dock.scope() == (schema.CITY_ID, 2024, 2032)
    assert len(dock.timeline.items) == len(timeline(ov))
    assert dock.coverage.table.rowCount() == len(priority_coverage(ov, None, 2024, 2032))


def test_district_and_period_change_update_every_panel(opened):
    _, dock, ov = opened
    city = state(dock)
    dock.set_scope("noord")
    noord = state(dock)
    assert all(a != b for k, (a, b) in enumerate(zip(city, noord)) if k != 2), (city, noord)  # same years
    assert len(dock.timeline.items) == len(timeline(ov, "noord", 2024, 2032))
    planned = sum(money_by(ov, "year", "noord", 2024, 2032).values())
    assert dock.money.args[1] == "noord" and planned > 0
    dock.set_scope(year_from=2027, year_to=2028)
    narrow = state(dock)
    assert narrow[0] != noord[0] and narrow[2] == 2 and narrow[4] < noord[4]
    table = stacking_table(ov, "noord", 2027, 2028)
    assert dock.stacking.table.rowCount() == len(table.neighbourhoods)
    assert dock.stacking.table.item(0, 0).text() == str(table.count(table.neighbourhoods[0], 2027))
    assert dock.effects.table.rowCount() == len(effects(ov, "noord", 2027, 2028))
    for k in range(dock.money.view.count()):  # every money view draws
        dock.money.view.setCurrentIndex(k)
        assert dock.money.figure.axes


def test_timeline_click_selects_and_zooms(opened, qgis_iface):
    plugin, dock, ov = opened
    dock.set_scope("oost")
    dock.tabs.setCurrentWidget(dock.timeline)
    show(dock)
    assert dock.timeline.canvas.isVisible()
    row = 3
    item = dock.timeline.items[row]
    x, y = dock.timeline.bar_position(row)
    QTest.mouseClick(dock.timeline.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    assert dock.selected_uid == item.uid
    layer = plugin.controller.layer(item.table)
    assert layer.selectedFeatureIds() == [item.fid]
    assert sum(len(plugin.controller.layer(t).selectedFeatureIds()) for t in schema.INTERVENTION_TABLES) == 1
    assert [c.item.uid for c in dock.cases.cases] == [c.item.uid for c in comparable_cases(ov, item.uid)]
    assert dock.cases.table.rowCount() == len(dock.cases.cases)
    assert dock.find_feature("no-such-uid") is None


def test_map_selection_shows_comparable_cases(opened):
    plugin, dock, ov = opened
    item = next(i for i in ov.items if comparable_cases(ov, i.uid))
    plugin.controller.layer(item.table).selectByIds([item.fid])
    assert dock.selected_uid == item.uid and dock.cases.table.rowCount() == len(comparable_cases(ov, item.uid))


def test_background_reload_and_programme_change(opened):
    plugin, dock, _ = opened
    dock.overview = None
    dock.reload(background=True)
    wait_until(lambda: dock.overview is not None)
    plugin.controller._forget()
    wait_until(lambda: dock.overview is None and dock.district.count() == 0)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_screenshot(plugin, sample_gpkg, lang):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from gebiedsplugin.toolbelt.resources import i18n_path

    translator = QTranslator()
    if lang == "nl":
        assert translator.load(str(i18n_path("gebiedsplugin_nl.qm")))
        QCoreApplication.instance().installTranslator(translator)
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    dock = OverviewDock(plugin.iface, plugin.controller, lang=lang)
    dock.reload()
    dock.set_scope("noord", 2025, 2030)
    show(dock)
    dock.money.view.setCurrentIndex(3)  # per funder: value-list labels in the language
    for tab in ("money", "stacking", "coverage", "timeline", "effects"):
        dock.tabs.setCurrentWidget(getattr(dock, tab))
        dock.grab().save("tests/artifacts/overview-{}-{}.png".format(tab, lang))
    assert dock.tabs.tabText(0) == ("Geld" if lang == "nl" else "Money")
    QCoreApplication.instance().removeTranslator(translator)
    dock.cleanup()
    dock.deleteLater()


def test_unload_while_reading_fills_nothing(plugin, sample_gpkg):
    """Plugin unload while the background read runs: the task's outcome does not reach the dock."""
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    dock = overview_dock(plugin)
    dock.reload(background=True)
    done = []
    dock.task.taskCompleted.connect(lambda: done.append(True))
    dock.task.taskTerminated.connect(lambda: done.append(False))
    dock.cleanup()
    wait_until(lambda: done, timeout=60)
    for _ in range(5):
        QgsApplication.processEvents()
    assert dock.overview is None and dock.district.count() == 0


def test_find_feature_with_backslashes_in_an_imported_uid(opened):
    """The timeline finds an intervention whose (imported) uid holds a backslash and a quote."""
    plugin, dock, _ = opened
    layer = plugin.controller.layer("interventions_line")
    feat = next(layer.getFeatures())
    uid = "WP\\2024\\'07"
    layer.startEditing()
    layer.changeAttributeValue(feat.id(), layer.fields().indexOf("uid"), uid)
    assert layer.commitChanges()
    assert dock.find_feature(uid) == (layer, feat.id())


def test_hidden_dock_reads_the_programme_only_when_shown(plugin, sample_gpkg):
    dock = overview_dock(plugin)
    assert not dock.isVisible()
    plugin.controller.open(str(sample_gpkg[0]))
    for _ in range(40):  # longer than the debounce: a hidden dock starts no read
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert dock.task is None and dock.overview is None and dock.stale
    show(dock)
    wait_until(lambda: dock.overview is not None)
    assert not dock.stale and dock.district.count() == 6
