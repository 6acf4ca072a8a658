"""Page images of the export, rasterised from the atlas PDF (no second layout render).

GDAL's PDF driver (poppler or PDFium, in every QGIS) draws each page at the export's resolution;
the image has the size QGIS's own image export gives the page (mm x dpi / 25.4, truncated). Plain
GDAL, no layout and no layer: safe in a worker thread, and GDAL releases the GIL while it draws.
The atlas hands its PDF over a piece at a time (AtlasBuilder.export_pdf), so the images of one piece
are drawn while QGIS draws the next: the page side uses both cores.
The PNG is written here (write_png): rows unfiltered, deflated by zlib, which lets go of the GIL too;
GDAL's PNG driver filters every row adaptively, which took twice the time for files a third larger.
"""

from __future__ import annotations

import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Optional

from osgeo import gdal

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.files import atomic_path, write_error
from gebiedsplugin.toolbelt.i18n import tr

gdal.UseExceptions()

MM_PER_INCH = 25.4
# zlib level of the page images (the pixels are the same at any): a 10,000-item map page 1.08 MB in
# 0.05 s at 3, 1.05 MB in 0.11 s at 6 (GDAL's driver at 3: 1.47 MB, 0.12 s)
PNG_ZLEVEL = 3
PNG_CHUNK = 1 << 16  # bytes of compressed data per IDAT chunk
PNG_ROWS = 128  # rows deflated at a time (about 1 MB of pixels at A3 150 dpi, not the whole page's 13 MB)


@dataclass(frozen=True)
class PrintedPage:
    """One page of the PDF: the atlas area it belongs to (names its image) and its paper size."""

    area: str
    width_mm: float
    height_mm: float

    def pixels(self, dpi: int) -> tuple:
        return int(self.width_mm * dpi / MM_PER_INCH), int(self.height_mm * dpi / MM_PER_INCH)


class PageImages:
    """Page images drawn from the atlas PDF a piece at a time, while QGIS writes the next piece.

    add(pdf, pages) hands over a finished piece (a PDF of *pages*, PrintedPage in print order): its
    pages are drawn two at a time into *workdir* (GDAL releases the GIL). publish() moves them to their
    names *target(number, area)* in print order once every piece is in; close() stops what is not drawn.
    """

    def __init__(self, target: Callable[[int, str], str], dpi: int, overwrite: bool, workdir: str,
                 cancelled: Optional[Callable[[], bool]] = None):
        self.target, self.dpi, self.overwrite, self.workdir = target, dpi, overwrite, workdir
        self.cancelled = cancelled or (lambda: False)
        self.pages: list = []  # PrintedPage of every page handed over, in print order
        self._futures: list = []
        self._pool = ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1), thread_name_prefix="page-images")

    def add(self, pdf: str, pages: list) -> None:
        for k, page in enumerate(pages):
            self._futures.append(self._pool.submit(self._draw, pdf, k, len(self.pages), page))
            self.pages.append(page)

    def _draw(self, pdf: str, k: int, n: int, page: PrintedPage) -> str:
        if self.cancelled():
            return ""
        path = os.path.join(self.workdir, "page_{:04d}.png".format(n + 1))
        width, height = page.pixels(self.dpi)
        source = gdal.OpenEx("PDF:{}:{}".format(k + 1, pdf), gdal.OF_RASTER, open_options=["DPI={}".format(self.dpi)])
        write_png(path, gdal.Translate("", source, format="VRT", width=width, height=height))
        source = None
        return path

    def publish(self, progress: Optional[Callable[[float], None]] = None) -> list:
        """Every page image moved to its name, in order (each as soon as it is drawn); the paths."""
        written = []
        for n, future in enumerate(self._futures):
            target_path = str(self.target(n + 1, self.pages[n].area or ""))
            try:
                drawn = future.result()
            except (RuntimeError, OSError) as e:  # GDAL with exceptions on; the PNG's own write
                error = ProgrammeError(tr("Writing page images failed: {}").format(e))
                raise write_error(error, target_path, self.workdir) or error from None
            if self.cancelled() or not drawn:
                raise ProgrammeError(tr("The export was cancelled."))
            with atomic_path(target_path, self.overwrite) as tmp:
                os.replace(drawn, tmp)
            written.append(target_path)
            if progress is not None:
                progress(100.0 * len(written) / len(self._futures))
        return written

    def close(self) -> None:
        """Pages not begun are dropped, those being drawn waited for: nothing outlives the working folder."""
        for future in self._futures:
            future.cancel()
        self._pool.shutdown(wait=True)


def write_png(path: str, image) -> None:
    """*image* (a GDAL dataset, RGB bytes) as an 8-bit RGB PNG at *path*. Read a row at a time, as
    GDAL's PNG driver reads it: the page drawn a pixel larger than the image is resampled (nearest),
    and row by row gives the driver's pixels (a whole-image read picks some other source rows)."""
    width, height = image.RasterXSize, image.RasterYSize
    line = 3 * width
    deflate = zlib.compressobj(PNG_ZLEVEL)
    parts = []
    for top in range(0, height, PNG_ROWS):
        rows = min(PNG_ROWS, height - top)
        raw = bytearray((line + 1) * rows)  # each row after its filter byte 0 (None)
        for y in range(rows):
            start = y * (line + 1) + 1
            raw[start:start + line] = image.ReadRaster(0, top + y, width, 1, band_list=[1, 2, 3], buf_pixel_space=3,
                                                       buf_line_space=line, buf_band_space=1)
        parts.append(deflate.compress(raw))
    parts.append(deflate.flush())
    data = b"".join(parts)

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(body, zlib.crc32(tag)))

    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        for k in range(0, len(data), PNG_CHUNK):
            out.write(chunk(b"IDAT", data[k:k + PNG_CHUNK]))
        out.write(chunk(b"IEND", b""))
