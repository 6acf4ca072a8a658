"""Page images of the export, written as PNG. They are drawn by Qt from each page's recording while
the PDF is written (page_pictures); PageImages writes them beside and moves them to their names.

An image has the size QGIS's own image export gives the page (mm x dpi / 25.4, truncated). The PNG is
written here: rows unfiltered, deflated by zlib, which lets go of the GIL; GDAL's PNG driver filters
every row adaptively, which took twice the time for files a third larger.
"""

from __future__ import annotations

import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Optional

from qgis.PyQt.QtGui import QImage

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.files import atomic_path, write_error
from gebiedsplugin.toolbelt.i18n import tr

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


def write_image_png(path: str, image: QImage) -> None:
    """*image* (a QImage) as an 8-bit RGB PNG at *path*."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = rgb.constBits().asstring(stride * height)
    _write_rows(path, width, height, lambda y: data[y * stride:y * stride + 3 * width])


def _write_rows(path: str, width: int, height: int, row: Callable[[int], bytes]) -> None:
    """An 8-bit RGB PNG of *row(y)* (3 x width bytes each), deflated PNG_ROWS rows at a time."""
    line = 3 * width
    deflate = zlib.compressobj(PNG_ZLEVEL)
    parts = []
    for top in range(0, height, PNG_ROWS):
        rows = min(PNG_ROWS, height - top)
        raw = bytearray((line + 1) * rows)  # each row after its filter byte 0 (None)
        for y in range(rows):
            start = y * (line + 1) + 1
            raw[start:start + line] = row(top + y)
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


class PageImages:
    """Page images handed over one at a time while the PDF is written (page_pictures.export), written
    as PNG into *workdir* by a thread beside it (zlib lets go of the GIL); publish() moves them to
    their names in order. At most IN_FLIGHT images wait for their turn (13 MB each at A3 150 dpi)."""

    IN_FLIGHT = 2

    def __init__(self, workdir: str):
        self.workdir = workdir
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-images")
        self._written: list = []  # futures of the paths, in print order

    def add(self, number: int, image: QImage) -> None:
        """Page *number* (1-based, in print order)."""
        waiting = [f for f in self._written if not f.done()]
        if len(waiting) >= self.IN_FLIGHT:
            waiting[0].exception()  # wait for it (its error, if any, is told by publish())
        path = os.path.join(self.workdir, "page_{:04d}.png".format(number))
        self._written.append(self._pool.submit(self._write, path, image))

    @staticmethod
    def _write(path: str, image: QImage) -> str:
        write_image_png(path, image)
        return path

    def publish(self, pages: list, target: Callable[[int, str], str], overwrite: bool,
                cancelled: Optional[Callable[[], bool]] = None,
                progress: Optional[Callable[[float], None]] = None) -> list:
        """Move every page's image to *target(number, area)* (*pages*: PrintedPage in print order);
        the paths written, in order."""
        cancelled = cancelled or (lambda: False)
        if len(self._written) != len(pages):  # the PDF's pages are the images' (page_pictures.export)
            raise RuntimeError("{} page images for {} pages".format(len(self._written), len(pages)))
        written = []
        for n, future in enumerate(self._written):
            target_path = str(target(n + 1, pages[n].area or ""))
            try:
                drawn = future.result()
            except OSError as e:
                error = ProgrammeError(tr("Writing page images failed: {}").format(e))
                raise write_error(error, target_path, self.workdir) or error from None
            if cancelled():
                raise ProgrammeError(tr("The export was cancelled."))
            with atomic_path(target_path, overwrite) as tmp:
                os.replace(drawn, tmp)
            written.append(target_path)
            if progress is not None:
                progress(100.0 * len(written) / len(pages))
        return written

    def close(self) -> None:
        """No image is written after this (the working folder may go)."""
        for future in self._written:
            future.cancel()
        self._pool.shutdown(wait=True)
