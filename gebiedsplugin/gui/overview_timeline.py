"""The Overview dock's timeline: a Gantt chart of the scope's interventions; a click on a bar says which."""

from __future__ import annotations

import html

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from gebiedsplugin.gui.overview_chart_view import ChartView
from gebiedsplugin.qgis_io.overview_charts import row_at, timeline_legend
from gebiedsplugin.qgis_io.overview_render import draw_timeline_chart
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import number


def summary_text(items: list, undated: list, drawn: int = None) -> str:
    """How many interventions the timeline shows, and which of the area's it cannot (no valid period)."""
    text = tr("%n intervention(s) in this area and period, by start year; click a bar to select it on the map.",
              "", len(items))
    if drawn is not None and drawn < len(items):
        text += "\n" + tr("The first {} are drawn; choose a district or a shorter period to see the others.").format(
            number(drawn))
    if undated:
        names = ", ".join(sorted(i.title or i.uid for i in undated)[:3]) + (" …" if len(undated) > 3 else "")
        text += "\n" + tr("Not shown: %n intervention(s) without a valid period (a year missing, or the end "
                          "before the start): {}", "", len(undated)).format(names)
    return text


def legend_html(entries: list) -> str:
    """The status legend as a line of coloured squares (hatched: indicative periods) and labels."""
    return "&nbsp;&nbsp; ".join('<span style="color:{}">{}</span>&nbsp;{}'.format(
        colour, "&#9639;" if hatch else "&#9632;", html.escape(text)) for text, colour, hatch in entries)


class TimelinePanel(QWidget):
    """Interventions by year, one row each; emits ``clicked(uid)`` for the bar clicked."""

    clicked = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("overview_timeline")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel(self)
        self.summary.setObjectName("overview_timeline_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # The status legend outside the scroll area: always in view, never over the last bars.
        self.legend = QLabel(self)
        self.legend.setObjectName("overview_timeline_legend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.canvas = ChartView(self, fit=False)
        self.canvas.setObjectName("timeline_canvas")
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)
        layout.addWidget(self.scroll, 1)
        self.items: list = []
        self.drawing = None  # qgis_io.overview_render.TimelineDrawing
        self.highlight = ""
        self.args = None
        self.redraw = lambda: self.update_scope(*self.args)  # the dock draws in the background instead
        self.canvas.pressed.connect(self._on_press)

    @property
    def figure(self):
        return self.drawing.chart.figure if self.drawing is not None else None

    @property
    def axes(self):
        return self.figure.axes[0] if self.figure is not None and self.figure.axes else None

    def geometry_now(self) -> dict:
        width = self.scroll.viewport().width() if self.isVisible() else 0
        return {"width": width if width >= 200 else 400, "ratio": self.canvas.devicePixelRatioF(),
                "highlight": self.highlight}

    def compute(self, ov, district, year_from, year_to, lang, geometry):
        """The rows, texts and chart (plain work on the Overview and an image: fine in a worker)."""
        drawing = draw_timeline_chart(ov, district, year_from, year_to, lang, geometry["width"],
                                      geometry["highlight"], geometry["ratio"])
        drawing.summary = summary_text(drawing.items, [i for i in ov.scoped(district) if not i.years_ok],
                                       drawing.drawn)
        drawing.legend = legend_html(timeline_legend(drawing.items, lang))
        return drawing

    def update_scope(self, ov, district, year_from, year_to, lang) -> None:
        """Compute and show at once (the dock's synchronous path)."""
        self.show_data(ov, district, year_from, year_to, lang,
                       self.compute(ov, district, year_from, year_to, lang, self.geometry_now()))

    def show_data(self, ov, district, year_from, year_to, lang, drawing) -> None:
        self.args = (ov, district, year_from, year_to, lang)
        self.drawing = drawing
        self.items = drawing.items
        self.summary.setText(drawing.summary)
        self.legend.setText(drawing.legend)
        self.canvas.set_chart(drawing.chart)

    def set_highlight(self, uid: str) -> None:
        if uid != self.highlight:
            self.highlight = uid
            if self.args is not None:
                self.redraw()

    def draw(self) -> None:
        self.canvas.draw()

    def bar_position(self, row: int) -> tuple:
        """Widget (x, y) of the middle of the bar of *row* (for tests and keyboard users)."""
        item = self.items[row]
        y = len(self.items) - 1 - row if self.drawing is None else self.drawing.drawn - 1 - row
        begin, end = item.time_span
        x_disp, y_disp = self.axes.transData.transform(((begin + end) / 2, y))
        ratio = self.drawing.chart.image.devicePixelRatio()
        height = self.drawing.chart.size[1]
        return int(x_disp / ratio), int(height - y_disp / ratio)

    def _on_press(self, x: float, y: float) -> None:
        axes = self.axes
        if axes is None:
            return
        ratio = self.drawing.chart.image.devicePixelRatio()
        display = (x * ratio, (self.drawing.chart.size[1] - y) * ratio)
        if not axes.bbox.contains(*display):
            return
        xdata, ydata = axes.transData.inverted().transform(display)
        drawn = self.items[:self.drawing.drawn]
        row = row_at(drawn, ydata)
        if row is not None:
            item = drawn[row]
            begin, end = item.time_span
            if begin <= (xdata or 0) <= end:
                self.clicked.emit(item.uid)
