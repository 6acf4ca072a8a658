"""A chart drawn off the main thread, shown as its image (qgis_io.overview_render): painting it costs
the main thread a copy of the visible part, whatever the chart holds."""

from __future__ import annotations

from qgis.PyQt.QtCore import QPoint, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QImage, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget


class ChartView(QWidget):
    """Paints a chart's image (scaled to the widget when *fit*, else at its size, e.g. in a scroll area);
    emits ``pressed(x, y)`` in the chart's pixels and ``resized()`` when a new drawing would fit better."""

    pressed = pyqtSignal(float, float)
    resized = pyqtSignal()

    def __init__(self, parent=None, fit: bool = True):
        super().__init__(parent)
        self.fit = fit
        self.image = QImage()
        self.chart_size = QSize(0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_chart(self, chart) -> None:
        """Show *chart* (a qgis_io.overview_render.Chart; None: nothing)."""
        self.image = chart.image if chart is not None else QImage()
        self.chart_size = QSize(*chart.size) if chart is not None else QSize(0, 0)
        if not self.fit:
            self.setMinimumHeight(self.chart_size.height())
        self.update()

    def draw(self) -> None:
        """The chart is drawn already (in a worker): only paint it again."""
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.chart_size if not self.chart_size.isEmpty() else QSize(400, 260)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(event.rect(), Qt.GlobalColor.white)
        if not self.image.isNull():
            if self.fit:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(self.rect(), self.image)
            else:
                painter.drawImage(QPoint(0, 0), self.image)
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        drawn = self.chart_size
        if drawn.isEmpty():
            return
        if abs(self.width() - drawn.width()) > 24 or (self.fit and abs(self.height() - drawn.height()) > 24):
            self.resized.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.chart_size.isEmpty() or self.width() == 0 or self.height() == 0:
            return
        pos = event.pos()
        x, y = pos.x(), pos.y()
        if self.fit:  # back from the widget's pixels to the chart's
            x, y = x * self.chart_size.width() / self.width(), y * self.chart_size.height() / self.height()
        self.pressed.emit(float(x), float(y))
