"""The Overview dock's timeline: a Gantt chart of the scope's interventions; a click on a bar says which."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from gebiedsplugin.core.comparisons import timeline
from gebiedsplugin.qgis_io.overview_charts import draw_timeline, plain_text, row_at
from gebiedsplugin.toolbelt.i18n import tr

ROW_PX = 16


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
        self.summary.setText(tr("{} interventions by year; click a bar to select it on the map.").format(
            len(self.items)))
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
        draw_timeline(self.axes, self.items, lang, self.highlight)
        if self.items and self.args[2] is not None and self.args[3] is not None:
            self.axes.set_xlim(self.args[2], self.args[3] + 1)  # the chosen period
        height = max(220, ROW_PX * len(self.items) + 90)
        self.figure.subplots_adjust(left=0.45, right=0.97, top=1 - 50 / height, bottom=10 / height)
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
