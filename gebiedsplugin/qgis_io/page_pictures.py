"""The atlas PDF and its page images from one drawing of each page.

QGIS draws each printed page once, into a QPicture (a recording of its paint commands), which is
played into the PDF writer (vector, text as text: the PDF QgsLayoutExporter.exportToPdf writes,
set up as it sets it up) and into the page image (Qt's raster engine). Before, poppler drew every
page a second time from the finished PDF (pdf_pages.rasterise): at 100,000 items about 12 s of CPU,
the same features drawn again. The images differ from poppler's only where two rasterisers do (edges'
antialiasing, glyph hinting); tests/qgis/test_page_pictures.py bounds the difference.

A QPicture replays in the resolution Qt gives every picture (the screen's, 96 or 100 dpi): it is
recorded here at the PDF's resolution (metric()) and each replay scales it back to its device.
Layouts only (no layer of the user's project), in the thread of the export's layouts.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsFeedback, QgsLayoutExporter, QgsLayoutRenderContext, QgsVectorSimplifyMethod
from qgis.PyQt.QtCore import QMarginsF, QRect, QSizeF, Qt
from qgis.PyQt.QtGui import QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter, QPicture

from gebiedsplugin.qgis_io.pdf_pages import PrintedPage

_WIDTH, _HEIGHT = QPaintDevice.PaintDeviceMetric.PdmWidth, QPaintDevice.PaintDeviceMetric.PdmHeight
_WIDTH_MM, _HEIGHT_MM = QPaintDevice.PaintDeviceMetric.PdmWidthMM, QPaintDevice.PaintDeviceMetric.PdmHeightMM
_DPI_METRICS = (QPaintDevice.PaintDeviceMetric.PdmDpiX, QPaintDevice.PaintDeviceMetric.PdmDpiY,
                QPaintDevice.PaintDeviceMetric.PdmPhysicalDpiX, QPaintDevice.PaintDeviceMetric.PdmPhysicalDpiY)


class _Recording(QPicture):
    """A QPicture that tells the layout the size and resolution of the page it records (a plain one
    has no size and the screen's resolution: the maps would be drawn at 96 dpi)."""

    def __init__(self, width: int, height: int, dpi: int):
        super().__init__()
        self._size, self._dpi = (width, height), dpi
        self.setBoundingRect(QRect(0, 0, width, height))

    def metric(self, metric):  # noqa: D102 - QPaintDevice
        if metric == _WIDTH:
            return self._size[0]
        if metric == _HEIGHT:
            return self._size[1]
        if metric in _DPI_METRICS:
            return self._dpi
        if metric == _WIDTH_MM:
            return round(self._size[0] * 25.4 / self._dpi)
        if metric == _HEIGHT_MM:
            return round(self._size[1] * 25.4 / self._dpi)
        return super().metric(metric)


def _replay_scale(device: QPaintDevice) -> float:
    """QPainter.drawPicture scales a picture by the device's resolution over every picture's own."""
    return QPicture().logicalDpiX() / device.logicalDpiX()


def _simplify() -> QgsVectorSimplifyMethod:
    """QgsLayoutExporter's simplification of an export (simplifyGeometries): 0.1 px, local."""
    method = QgsVectorSimplifyMethod()
    method.setSimplifyHints(QgsVectorSimplifyMethod.SimplifyHint.GeometrySimplification)
    method.setSimplifyAlgorithm(QgsVectorSimplifyMethod.SimplifyAlgorithm.Distance)
    method.setThreshold(0.1)
    method.setForceLocalOptimization(True)
    return method


def _prepare(layout, settings: QgsLayoutExporter.PdfExportSettings) -> None:
    """The layout's render context as exportToPdf sets it for a vector PDF, plus antialiasing: it
    changes nothing in the PDF (the PDF engine draws no pixels) and smooths the page images."""
    context = layout.renderContext()
    context.setFlags(settings.flags)
    context.setFlag(QgsLayoutRenderContext.Flag.FlagUseAdvancedEffects, not settings.rasterizeWholeImage)
    context.setFlag(QgsLayoutRenderContext.Flag.FlagForceVectorOutput, settings.forceVectorOutput)
    context.setFlag(QgsLayoutRenderContext.Flag.FlagAntialiasing, True)
    context.setTextRenderFormat(settings.textRenderFormat)
    if settings.simplifyGeometries:
        context.setSimplifyMethod(_simplify())


def export(sequence, pdf: str, settings: QgsLayoutExporter.PdfExportSettings, image_dpi: int,
           on_image: Optional[Callable[[int, QImage], None]], feedback: Optional[QgsFeedback] = None):
    """Every page of *sequence* (summary_pages.PageSequence) into the PDF at *pdf*, and when
    *on_image* is given each page's image at *image_dpi* to *on_image(number, image)* (1-based, in
    print order; RGB, the size PrintedPage.pixels gives). Returns QgsLayoutExporter.ExportResult."""
    if not sequence.beginRender():
        return QgsLayoutExporter.ExportResult.IteratorError
    writer = QPdfWriter(pdf)
    painter = QPainter()
    total, done, number = max(sequence.count(), 1), 0, 0
    try:
        while sequence.next():
            if feedback is not None and feedback.isCanceled():
                return QgsLayoutExporter.ExportResult.Canceled
            layout = sequence.layout()
            _prepare(layout, settings)
            if number == 0:  # as exportToPdf: the first layout's resolution for the whole PDF
                writer.setResolution(round(layout.renderContext().dpi()))
            exporter = QgsLayoutExporter(layout)
            pages = layout.pageCollection()
            for p in range(pages.pageCount()):
                if not pages.shouldExportPage(p):
                    continue
                size = layout.convertToLayoutUnits(pages.page(p).sizeWithUnits())  # mm
                page_layout = QPageLayout(QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Millimeter),
                                          QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
                page_layout.setMode(QPageLayout.Mode.FullPageMode)
                writer.setPageLayout(page_layout)
                if number == 0:
                    if not painter.begin(writer):
                        return QgsLayoutExporter.ExportResult.FileError
                else:
                    writer.newPage()
                recording = _Recording(writer.width(), writer.height(), writer.resolution())
                recorder = QPainter(recording)
                exporter.renderPage(recorder, p)
                recorder.end()
                number += 1
                _play(painter, recording, _replay_scale(writer))
                if on_image is not None:
                    on_image(number, _image(recording, PrintedPage("", size.width(), size.height()), image_dpi))
                recording = None
            done += 1
            if feedback is not None:
                feedback.setProgress(100.0 * done / total)
    finally:
        if painter.isActive():
            painter.end()
        sequence.endRender()
    return QgsLayoutExporter.ExportResult.Success


def _play(painter: QPainter, recording: QPicture, scale: float, scale_y: Optional[float] = None) -> None:
    painter.save()
    painter.scale(scale, scale if scale_y is None else scale_y)
    painter.drawPicture(0, 0, recording)
    painter.restore()


def _image(recording: _Recording, page: PrintedPage, dpi: int) -> QImage:
    """The recorded page on a white image of the size QGIS's image export gives it (mm x dpi / 25.4,
    truncated), the page stretched over it whole as the PDF's raster (a pixel larger) was resampled."""
    width, height = page.pixels(dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    base = _replay_scale(image)
    _play(painter, recording, base * width / recording.width(), base * height / recording.height())
    painter.end()
    return image
