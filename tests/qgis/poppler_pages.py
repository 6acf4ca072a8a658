"""The reference the export's page images are held against: poppler (through GDAL's PDF driver)
drawing each page of the finished PDF, as the export made its images before pages were recorded once
(qgis_io/page_pictures). Written by GDAL's own PNG driver, not by the code under test."""

from __future__ import annotations

from osgeo import gdal

gdal.UseExceptions()


def rasterise(pdf: str, pages: list, target, dpi: int) -> list:
    """PNG of every page of *pdf* (*pages*: pdf_pages.PrintedPage in print order) at *target(number)*,
    the size QGIS's image export gives the page (PrintedPage.pixels); the paths, in order."""
    written = []
    for n, page in enumerate(pages, start=1):
        width, height = page.pixels(dpi)
        source = gdal.OpenEx("PDF:{}:{}".format(n, pdf), gdal.OF_RASTER, open_options=["DPI={}".format(dpi)])
        path = str(target(n))
        gdal.Translate(path, source, format="PNG", width=width, height=height, creationOptions=["WORLDFILE=NO"])
        written.append(path)
    return written
