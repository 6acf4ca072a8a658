"""Page images written by pdf_pages.write_png: the same pixels as GDAL's own PNG driver gave them
(planted images, decoded by Qt), also where the page is drawn a pixel larger and resampled."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis.PyQt.QtGui import QImage

from gebiedsplugin.qgis_io.pdf_pages import PNG_ROWS, write_png


def _planted(width: int, height: int) -> gdal.Dataset:
    """An RGB image whose every pixel differs from its neighbours (row, column and band coded)."""
    rng = np.random.default_rng(7)
    ds = gdal.GetDriverByName("MEM").Create("", width, height, 3, gdal.GDT_Byte)
    for band in range(3):
        values = (np.arange(width)[None, :] * (band + 1) + np.arange(height)[:, None] * 7) % 251
        values = (values + rng.integers(0, 5, (height, width))).astype(np.uint8)
        ds.GetRasterBand(band + 1).WriteArray(values)
    return ds


def _pixels(path) -> np.ndarray:
    """RGB pixels as Qt decodes the file (not by the code under test)."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull()
    row = image.bytesPerLine()
    data = np.frombuffer(image.constBits().asstring(row * image.height()), np.uint8).reshape(image.height(), row)
    return data[:, :3 * image.width()].reshape(image.height(), image.width(), 3)


@pytest.mark.parametrize("size", [(37, 5), (300, PNG_ROWS * 2 + 3)])
def test_png_holds_the_planted_pixels(tmp_path, size):
    source = _planted(*size)
    write_png(str(tmp_path / "p.png"), source)
    planted = np.dstack([source.GetRasterBand(b + 1).ReadAsArray() for b in range(3)])
    assert (_pixels(tmp_path / "p.png") == planted).all()


def test_a_resampled_page_has_the_pixels_of_gdals_png_driver(tmp_path):
    """A page drawn at 2481 x 1754 for an image of 2480 x 1753 (as poppler draws A3 at 150 dpi): the
    nearest rows GDAL's driver takes row by row, not those of one whole-image read."""
    source = _planted(2481, 1754)
    vrt = gdal.Translate("", source, format="VRT", width=2480, height=1753)
    write_png(str(tmp_path / "ours.png"), vrt)
    gdal.Translate(str(tmp_path / "gdal.png"), source, format="PNG", width=2480, height=1753,
                   creationOptions=["WORLDFILE=NO"])
    ours, theirs = _pixels(tmp_path / "ours.png"), _pixels(tmp_path / "gdal.png")
    assert ours.shape == (1753, 2480, 3) and (ours == theirs).all()
    whole = vrt.ReadRaster(0, 0, 2480, 1753, band_list=[1, 2, 3], buf_pixel_space=3, buf_line_space=3 * 2480,
                           buf_band_space=1)
    assert not (np.frombuffer(whole, np.uint8).reshape(1753, 2480, 3) == theirs).all()  # why row by row
