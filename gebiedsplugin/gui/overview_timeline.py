"""The Overview dock's timeline: a Gantt chart of the scope's interventions; a click on a bar says which."""

from __future__ import annotations

import html

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from gebiedsplugin.core.comparisons import timeline
from gebiedsplugin.qgis_io.overview_charts import LONG_TIMELINE, draw_timeline, plain_text, row_at, timeline_legend
from gebiedsplugin.toolbelt.i18n import tr

ROW_PX = 16


def summary_text(items: list, undated: list) -> str:
    """How many interventions the timeline shows, and which of the area's it cannot (no valid period)."""
    text = tr("%n intervention(s) in this area and period, by start year; click a bar to select it on the map.",
              "", len(items))
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
        self.figure = Figure(figsize=(4, 3))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("timeline_canvas")
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)
        layout.addWidget(self.scroll, 1)
        self.items: list = []
        self.axes = None
        self.highlight = ""
        self.args = None
        self.canvas.mpl_connect("button_press_event", self._on_press)

    def update_scope(self, ov, district, year_from, year_to, lang) -> None:
        self.args = (ov, district, year_from, year_to, lang)
        self.items = timeline(ov, district, year_from, year_to)
        self.summary.setText(summary_text(self.items, [i for i in ov.scoped(district) if not i.years_ok]))
        self.legend.setText(legend_html(timeline_legend(self.items, lang)))
        self.draw()

    def set_highlight(self, uid: str) -> None:
        if uid != self.highlight:
            self.highlight = uid
            self.draw()

    def draw(self) -> None:
        with plain_text():  # titles are printed as written, not read as TeX ($...$)
            self._draw()

    def _draw(self) -> None:
        self.figure.clear()
        lang = self.args[4] if self.args else "en"
        self.canvas.setMinimumHeight(max(220, ROW_PX * len(self.items) + 90))
        self.axes = self.figure.add_subplot(111)
        draw_timeline(self.axes, self.items, lang, self.highlight, with_legend=False)
        if self.items and self.args[2] is not None and self.args[3] is not None:
            self.axes.set_xlim(self.args[2], self.args[3] + 1)  # the chosen period
        height = max(220, ROW_PX * len(self.items) + 90)
        top = 50 if len(self.items) > LONG_TIMELINE else 30  # title, and the years again on a long chart
        self.figure.subplots_adjust(left=0.45, right=0.97, top=1 - top / height, bottom=28 / height)
        self.canvas.draw_idle()

    def bar_position(self, row: int) -> tuple:
        """Widget (x, y) of the middle of the bar of *row* (for tests and keyboard users)."""
        self.canvas.draw()
        item = self.items[row]
        y = len(self.items) - 1 - row
        begin, end = item.time_span
        x_disp, y_disp = self.axes.transData.transform(((begin + end) / 2, y))
        ratio = self.canvas.device_pixel_ratio if hasattr(self.canvas, "device_pixel_ratio") else 1
        return int(x_disp / ratio), int(self.canvas.height() - y_disp / ratio)

    def _on_press(self, event) -> None:
        if event.inaxes is not self.axes:
            return
        row = row_at(self.items, event.ydata)
        if row is not None:
            item = self.items[row]
            begin, end = item.time_span
            if begin <= (event.xdata or 0) <= end:
                self.clicked.emit(item.uid)
