"""The Overview fits the planner (#19 item 6, #19 item 8): the timeline says how many it shows and which
it cannot, its legend stays in view beside the bars, years at the bottom; the similarity has a scale;
numbers in the UI locale's format. Expected values from SQL on the GeoPackage, not from the code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qgis.core import QgsApplication

from gebiedsplugin.core import schema
from gebiedsplugin.gui.overview_dock import OverviewDock
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)
from tests.qgis.test_overview_dock import show

SHOTS = str(Path(__file__).resolve().parents[1] / "artifacts" / "shots" / "gui")  # screenshots to look at
Path(SHOTS).mkdir(parents=True, exist_ok=True)


def _sql(path, query_per_table: str) -> list:
    """Rows of *query_per_table* ({t} = each interventions table) on the GeoPackage, all tables."""
    with sqlite3.connect(str(path)) as db:
        return [row for t in schema.INTERVENTION_TABLES for row in db.execute(query_per_table.format(t=t))]


def _dock(plugin, path, lang):
    plugin.controller.open(str(path))
    dock = OverviewDock(plugin.iface, plugin.controller, lang=lang)
    dock.reload()
    return dock


def test_timeline_counts_and_names_what_it_cannot_show(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    total = len(_sql(path, "SELECT uid FROM {t}"))
    undated = sorted(r[0] for r in _sql(path, "SELECT title FROM {t} WHERE start_year IS NULL OR end_year IS NULL "
                                              "OR end_year < start_year"))
    first, last = _sql(path, "SELECT min(start_year), max(end_year) FROM {t} WHERE end_year >= start_year")[0]
    assert undated, "the sample plants an intervention whose end lies before its start"
    dock = _dock(plugin, path, ui_locale)
    dock.set_scope(schema.CITY_ID, first, last)
    shown = len(dock.timeline.items)
    assert shown == total - len(undated)  # the whole period: every dated intervention is on the timeline
    summary = dock.timeline.summary.text()
    assert summary.split()[0] == str(shown)
    assert undated[0] in summary  # the one not shown is named, so "199" for 200 is explained
    show(dock, 520, 700)
    dock.tabs.setCurrentWidget(dock.timeline)
    for _ in range(5):
        QgsApplication.processEvents()
    # The legend is a label outside the scroll area: visible while the chart scrolls, over no bar.
    legend = dock.timeline.legend
    assert legend.isVisible() and legend.parent() is dock.timeline
    assert dock.timeline.scroll.widget().findChild(type(legend)) is None
    statuses = set(r[0] for r in _sql(path, "SELECT status FROM {t} WHERE end_year >= start_year"))
    assert legend.text().count("&#9632;") == len(statuses)
    assert dock.timeline.axes.figure.legends == [] and dock.timeline.axes.get_legend() is None
    # Years at the bottom (and on top as well: 199 rows is a long chart).
    labels_bottom = [t.get_text() for t in dock.timeline.axes.get_xticklabels() if t.get_visible()]
    assert str(first) in labels_bottom
    assert dock.timeline.axes.xaxis.get_tick_params()["labelbottom"] if hasattr(
        dock.timeline.axes.xaxis, "get_tick_params") else True
    dock.timeline.scroll.verticalScrollBar().setValue(dock.timeline.scroll.verticalScrollBar().maximum())
    dock.grab().save("{}/overview-timeline-end-{}.png".format(SHOTS, ui_locale))
    dock.timeline.scroll.verticalScrollBar().setValue(0)
    dock.grab().save("{}/overview-timeline-{}.png".format(SHOTS, ui_locale))
    dock.cleanup()
    dock.deleteLater()


def test_similarity_has_its_scale_and_numbers_follow_the_locale(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    dock = _dock(plugin, path, ui_locale)
    # An intervention with comparable cases elsewhere: same kind and theme in another district (SQL).
    uid = _sql(path, "SELECT a.uid FROM {t} a JOIN {t} b ON a.kind = b.kind AND a.theme = b.theme "
                     "AND a.district_id <> b.district_id AND a.budget > 0 AND b.budget > 0 "
                     "AND a.budget <> b.budget ORDER BY a.uid LIMIT 1")[0][0]
    dock.select_uid(uid)
    table = dock.cases.table
    header = table.horizontalHeaderItem(table.columnCount() - 1)
    assert "3" in header.text() and "3" in header.toolTip()
    assert "0" in dock.cases.summary.text().splitlines()[-1] and "3" in dock.cases.summary.text().splitlines()[-1]
    decimal = "," if ui_locale == "nl" else "."
    scores = [table.item(r, table.columnCount() - 1).text() for r in range(table.rowCount())]
    assert scores and all(decimal in s and s.replace(decimal, "").isdigit() for s in scores), scores
    assert all("+" in table.item(r, table.columnCount() - 1).toolTip() for r in range(table.rowCount()))
    show(dock, 520, 700)
    dock.tabs.setCurrentWidget(dock.cases)
    dock.grab().save("{}/overview-cases-{}.png".format(SHOTS, ui_locale))
    dock.cleanup()
    dock.deleteLater()


def test_effect_values_in_the_locale(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    rows = _sql(path, "SELECT title, baseline FROM {t} WHERE effect_indicator IS NOT NULL AND baseline IS NOT NULL "
                      "AND baseline <> CAST(baseline AS INTEGER) AND end_year >= start_year")
    assert rows, "the sample has effects with a fractional baseline"
    dock = _dock(plugin, path, ui_locale)
    first, last = _sql(path, "SELECT min(start_year), max(end_year) FROM {t} WHERE end_year >= start_year")[0]
    dock.set_scope(schema.CITY_ID, first, last)
    table = dock.effects.table
    shown = {table.item(r, 1).text(): table.item(r, 3).text() for r in range(table.rowCount())}
    title, baseline = rows[0]
    expected = "{:g}".format(baseline)
    if ui_locale == "nl":
        expected = expected.replace(".", ",")
    assert shown[title] == expected
    dock.cleanup()
    dock.deleteLater()


def test_funder_shares_say_percent_in_the_ticks_not_under_the_legend(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    dock = _dock(plugin, path, ui_locale)
    show(dock, 520, 700)
    dock.tabs.setCurrentWidget(dock.money)
    dock.money.view.setCurrentIndex(dock.money.view.findData("shares"))
    dock.money.canvas.draw()
    ax = dock.money.figure.axes[0]
    assert ax.get_xlabel() == ""  # the "%" that collided with the legend below
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and all(t.endswith(" %") for t in ticks), ticks
    legend = ax.get_legend().get_window_extent()
    for label in ax.get_xticklabels():
        if label.get_text():
            assert not label.get_window_extent().overlaps(legend), label.get_text()
    dock.grab().save("{}/overview-money-shares-{}.png".format(SHOTS, ui_locale))
    dock.cleanup()
    dock.deleteLater()
