"""The Overview's timeline in a narrow dock (qa item 5): the year labels never overlap; at 400 px over
ten years a year is labelled every few years, at a wide dock every year."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import prepare
from gebiedsplugin.qgis_io.overview_render import draw_timeline_chart
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

SHOTS = str(Path(__file__).resolve().parents[1] / "artifacts" / "shots" / "ui")  # screenshots to look at
Path(SHOTS).mkdir(parents=True, exist_ok=True)


def _labels(chart):
    """The x tick labels drawn (text, bounding box in pixels), from the figure's own renderer."""
    figure = chart.figure
    renderer = figure.canvas.get_renderer()
    axes = figure.axes[0]
    left, right = axes.get_xlim()
    ticks = [(t.get_text(), t.get_window_extent(renderer)) for t, x in
             zip(axes.get_xticklabels(), axes.get_xticks()) if t.get_visible() and t.get_text() and left <= x <= right]
    return sorted(ticks, key=lambda t: t[1].x0)


@pytest.mark.parametrize("width", [400, 460, 540, 1200])
def test_year_labels_do_not_overlap(sample_gpkg, width):
    path, _ = sample_gpkg
    with sqlite3.connect(str(path)) as db:
        assert db.execute("SELECT count(*) FROM interventions_polygon").fetchone()[0] > 0
    ov = prepare(GpkgStore.open(path).read_programme())
    drawing = draw_timeline_chart(ov, schema.CITY_ID, 2024, 2034, "en", width)
    drawing.chart.image.save(f"{SHOTS}/timeline-{width}.png")
    labels = _labels(drawing.chart)
    assert len(labels) >= 3, labels  # the axis still tells the years: first, some between
    for (text, box), (next_text, next_box) in zip(labels, labels[1:]):
        assert box.x1 < next_box.x0, f"{text} overlaps {next_text} at {width} px"
    years = [int(text) for text, _ in labels]
    assert years == sorted(years) and len(set(b - a for a, b in zip(years, years[1:]))) == 1  # even steps
    if width >= 1200:
        assert years == list(range(2024, 2036))  # room for every year: each one labelled
