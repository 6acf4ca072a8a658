"""Page images of the export, rasterised from the finished atlas PDF (no second layout render).

GDAL's PDF driver (poppler or PDFium, in every QGIS) draws each page at the export's resolution;
the image has the size QGIS's own image export gives the page (mm x dpi / 25.4, truncated). Plain
GDAL, no layout and no layer: safe in a worker thread, and GDAL releases the GIL while it draws.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Optional

from osgeo import gdal

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.files import atomic_path, write_error
from gebiedsplugin.toolbelt.i18n import tr

gdal.UseExceptions()

MM_PER_INCH = 25.4
# zlib level of the page images: the same pixels as the default 6 in about 2/3 of the encoding time,
# and files of about the same size (a map page: 1.50 MB at 3, 1.56 MB at 6)
PNG_ZLEVEL = 3


@dataclass(frozen=True)
class PrintedPage:
    """One page of the PDF: the atlas area it belongs to (names its image) and its paper size."""

    area: str
    width_mm: float
    height_mm: float

    def pixels(self, dpi: int) -> tuple:
        return int(self.width_mm * dpi / MM_PER_INCH), int(self.height_mm * dpi / MM_PER_INCH)


def rasterise(pdf: str, pages: list, target: Callable[[int, str], str], dpi: int, overwrite: bool, workdir: str,
              cancelled: Optional[Callable[[], bool]] = None,
              progress: Optional[Callable[[float], None]] = None) -> list:
    """PNG of every page of *pdf* (*pages*: PrintedPage in print order) at *target(number, area)*;
    the paths written, in order. Pages are drawn two at a time into *workdir* (GDAL releases the
    GIL), then moved to their names in order."""
    cancelled = cancelled or (lambda: False)

    def draw(n: int) -> str:
        if cancelled():
            return ""
        path = os.path.join(workdir, "page_{:04d}.png".format(n + 1))
        width, height = pages[n].pixels(dpi)
        source = gdal.OpenEx("PDF:{}:{}".format(n + 1, pdf), gdal.OF_RASTER, open_options=["DPI={}".format(dpi)])
        gdal.Translate(path, source, format="PNG", width=width, height=height,
                       creationOptions=["WORLDFILE=NO", "ZLEVEL={}".format(PNG_ZLEVEL)])
        source = None
        return path

    written = []
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        futures = [pool.submit(draw, n) for n in range(len(pages))]
        try:
            for n, future in enumerate(futures):
                target_path = str(target(n + 1, pages[n].area or ""))
                try:
                    drawn = future.result()
                except RuntimeError as e:  # GDAL with exceptions on
                    error = ProgrammeError(tr("Writing page images failed: {}").format(e))
                    raise write_error(error, target_path, workdir) or error from None
                if cancelled() or not drawn:
                    raise ProgrammeError(tr("The export was cancelled."))
                with atomic_path(target_path, overwrite) as tmp:
                    os.replace(drawn, tmp)
                written.append(target_path)
                if progress is not None:
                    progress(100.0 * len(written) / len(pages))
        finally:
            for future in futures:
                future.cancel()
    return written
