"""A long Interventions list is filtered, summed and sorted between turns of the event loop (#18: 0.2-0.6 s
on the main thread after an open at 100,000 interventions, a header click's sort 1-2 s): the list is the
same as one made in one go, the event loop keeps its turns (a timer measured beside the old one-go listing
in the same run), a header click keeps the selection, and an edit during a listing is not lost."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QEventLoop, QItemSelectionModel, Qt, QTimer

from gebiedsplugin.core.intervention_list import filter_rows, summarise
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.gui.intervention_table_model import BUDGET, KEY_ROLE, SORT_ROLE, TITLE
from gebiedsplugin.gui.interventions_table import LIST_AT_ONCE
from gebiedsplugin.qgis_io.intervention_rows import programme_rows
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis import interventions_fixtures as fx
from tests.qgis.interventions_fixtures import AnsweringPrompts

clean_settings = fx.clean_settings
SIZE = 100000


@pytest.fixture(scope="module")
def city_100k(tmp_path_factory, qgis_app):
    programme, _ = generate_sample(seed=11, interventions=SIZE)
    return GpkgStore.create(tmp_path_factory.mktemp("turns") / "city_100k.gpkg", programme.crs, programme).path


@pytest.fixture()
def long_list(plugin, city_100k, clean_settings):
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    dock = [d for d in plugin.docks if isinstance(d, InterventionsDock)][0]
    dock.set_prompts(AnsweringPrompts())
    plugin.controller.open(str(city_100k))
    assert _wait(dock)["done"]
    yield dock
    for layer in plugin.controller.layers.values():
        if layer.isEditable():
            layer.rollBack()


def _wait(dock, start=None, seconds=120.0) -> dict:
    """Let the event loop run until the list is up to date; the longest gap between beats of a 5 ms timer."""
    gaps, last = [], [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heart, poll, loop = QTimer(), QTimer(), QEventLoop()
    heart.timeout.connect(beat)
    poll.timeout.connect(lambda: loop.quit() if not dock.reading() and not dock.watcher.timer.isActive() else None)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    heart.start(5)
    poll.start(20)
    if start is not None:
        QTimer.singleShot(0, start)
    loop.exec()
    heart.stop()
    poll.stop()
    return {"done": not dock.reading(), "max_ms": 1000 * max(gaps, default=0.0)}


def _keys(dock, column) -> list:
    return [dock.proxy.index(i, column).data(SORT_ROLE) for i in range(dock.proxy.rowCount())]


def _as_read_anew(dock) -> None:
    fresh = filter_rows(programme_rows(dock.controller.layers), dock.filters.current())
    assert Counter(dock.model.rows()) == Counter(fresh)
    column, order = dock.model.sorted_by
    keys = _keys(dock, column)
    assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
    assert dock.footer.text().startswith("{} intervention".format(len(fresh)))


def test_a_long_list_is_made_between_turns_as_in_one_go(long_list):
    dock = long_list
    assert dock.model.rowCount() > LIST_AT_ONCE
    _as_read_anew(dock)
    def in_one_go():  # the old way, on the main thread, measured here as the baseline: what apply_filter did
        rows = filter_rows(dock.all_rows, dock.filters.current())
        dock.model.set_rows(rows)
        dock.table.fit_columns()
        dock.table.show_total(summarise(rows))

    # Three of each, medians compared: a pair alone can be near the jitter of a
    # shared machine's scheduler (one go at 100,000 rows: 130 ms on a quiet machine).
    one_go = [_wait(dock, start=in_one_go)["max_ms"] for _ in range(3)]
    made_in_one_go = dock.model.rows()
    turns = []
    for choice in ("planned", None, "planned"):  # a filter: listed again between turns
        dock.filters.set_choice("status", choice)
        assert dock.reading()  # not yet: it is made between turns
        listed = _wait(dock)
        assert listed["done"]
        turns.append(listed["max_ms"])
        _as_read_anew(dock)
        if choice is None:
            assert dock.model.rows() == made_in_one_go  # the very same order, ties included
        else:
            assert {r.status for r in dock.model.rows()} == {"planned"}
    one_go_ms, turns_ms = sorted(one_go)[1], sorted(turns)[1]
    print("\nlisting {} rows: in one go {:.0f} ms, longest turn {:.0f} ms (medians of 3)".format(
        len(dock.all_rows), one_go_ms, turns_ms))
    assert turns_ms < 0.6 * one_go_ms, (turns, one_go)
    dock.filters.set_choice("status", None)
    assert _wait(dock)["done"]


def test_a_header_click_sorts_between_turns_and_keeps_the_selection(long_list):
    dock = long_list
    row = dock.proxy.index(17, TITLE)
    key = row.data(KEY_ROLE)
    dock.view.selectionModel().select(row, QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    dock.view.sortByColumn(BUDGET, Qt.SortOrder.DescendingOrder)
    assert dock.reading() and dock.footer.text() == "Sorting the interventions…"
    assert _wait(dock)["done"]
    keys = _keys(dock, BUDGET)
    assert keys == sorted(keys, reverse=True) and dock.model.sorted_by == (BUDGET, Qt.SortOrder.DescendingOrder)
    assert dock.selected_keys() == [key]
    _as_read_anew(dock)


def test_an_edit_during_a_listing_is_listed(long_list):
    dock = long_list
    layer = dock.controller.layer("interventions_point")
    fid = next(layer.getFeatures(QgsFeatureRequest().setNoAttributes().setLimit(1))).id()
    assert layer.startEditing()
    dock.filters.set_choice("domain", "physical")
    assert dock.reading()
    layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), "Changed while listing")
    assert _wait(dock)["done"]
    _as_read_anew(dock)
    assert "Changed while listing" in {r.title for r in dock.model.rows()} or \
        dock.listed.rows[("interventions_point", fid)].domain != "physical"
