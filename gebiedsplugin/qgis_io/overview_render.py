"""The Overview's charts as images, drawn off the main thread.

A chart is a matplotlib Figure drawn by Agg into a QImage (both fine in a worker thread: no widget, no
layer); the dock only paints the image. The figure is kept beside it: the timeline maps a click to its
bar through the figure's axes, and tests read what was drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from qgis.PyQt.QtGui import QImage

from gebiedsplugin.core.aggregations import budget_by_year, funder_matrix, money_by
from gebiedsplugin.core.comparisons import timeline
from gebiedsplugin.qgis_io.overview_charts import (
    draw_budget_by_year,
    draw_funder_shares,
    draw_money_by,
    draw_row_labels,
    draw_timeline,
    drawing,
)
from gebiedsplugin.toolbelt.i18n import tr

DPI = 100
ROW_PX = 16
TIMELINE_ROWS = 1000  # bars drawn at most: a taller image is no help to a reader (and Agg stops at 65,536 px)
MONEY_VIEWS = ("year", "theme", "domain", "funder", "shares")


@dataclass
class Chart:
    """A drawn chart: the figure and its image, (width, height) in widget pixels."""

    figure: object
    image: QImage
    size: tuple


@dataclass
class TimelineDrawing:
    items: list  # every item of the scope's timeline (rows), in row order
    drawn: int  # the first *drawn* of them have a bar
    chart: Optional[Chart] = None
    summary: str = ""
    legend: str = ""


@dataclass
class MoneyDrawing:
    planned: float
    budget: float
    charts: dict = field(default_factory=dict)  # view -> Chart


def render(draw, width: int, height: int, ratio: float = 1.0, adjust=None, after=None) -> Chart:
    """Draw with *draw(axes)* on a new figure of *width* x *height* widget pixels (at *ratio* device
    pixels each) and return it with its image; *after(axes, renderer)* paints more on the drawn image.
    Safe in a worker thread."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = max(int(width), 50), max(int(height), 50)
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI * ratio, tight_layout=adjust is None)
    canvas = FigureCanvasAgg(figure)
    with drawing():  # one at a time; names printed as written, not read as TeX ($...$)
        axes = figure.add_subplot(111)
        draw(axes)
        if adjust is not None:
            adjust(figure)
        canvas.draw()
        if after is not None:
            after(axes, canvas.get_renderer())
    buffer = canvas.buffer_rgba()
    image = QImage(bytes(buffer), buffer.shape[1], buffer.shape[0], QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(ratio)
    return Chart(figure, image, (width, height))


def draw_money(ov, district, year_from, year_to, lang: str, size: tuple, ratio: float = 1.0,
               views=MONEY_VIEWS) -> MoneyDrawing:
    """The Money panel's figures and every chart of *views*."""
    budget_rows = budget_by_year(ov, district, year_from, year_to)
    by_year = money_by(ov, "year", district, year_from, year_to)
    result = MoneyDrawing(sum(by_year.values()), sum(r.area_budget for r in budget_rows))
    titles = {"theme": tr("Planned money per theme"), "domain": tr("Planned money per domain"),
              "funder": tr("Planned money per funder")}
    for key in views:
        if key == "year":
            def draw(ax):
                draw_budget_by_year(ax, budget_rows, lang)
        elif key == "shares":
            def draw(ax):
                draw_funder_shares(ax, funder_matrix(ov, year_from, year_to), ov.name, lang)
        else:
            def draw(ax, key=key):
                draw_money_by(ax, money_by(ov, key, district, year_from, year_to), key, titles[key], lang)
        result.charts[key] = render(draw, size[0], size[1], ratio)
    return result


def timeline_height(rows: int) -> int:
    return max(220, ROW_PX * rows + 90)


def draw_timeline_chart(ov, district, year_from, year_to, lang: str, width: int, highlight: str = "",
                        ratio: float = 1.0, items: Optional[list] = None) -> TimelineDrawing:
    """The scope's timeline rows and the chart of the first TIMELINE_ROWS of them."""
    from gebiedsplugin.qgis_io.overview_charts import LONG_TIMELINE

    items = timeline(ov, district, year_from, year_to) if items is None else items
    drawn = items[:TIMELINE_ROWS]
    height = timeline_height(len(drawn))

    def draw(ax):
        draw_timeline(ax, drawn, lang, highlight, with_legend=False, row_labels=False)
        if drawn and year_from is not None and year_to is not None:
            ax.set_xlim(year_from, year_to + 1)  # the chosen period

    def adjust(figure):
        top = 50 if len(drawn) > LONG_TIMELINE else 30  # title, and the years again on a long chart
        figure.subplots_adjust(left=0.45, right=0.97, top=1 - top / height, bottom=28 / height)

    def labels(ax, renderer):
        if drawn:
            draw_row_labels(ax, renderer, drawn)

    return TimelineDrawing(items, len(drawn), render(draw, width, height, ratio, adjust, labels))
