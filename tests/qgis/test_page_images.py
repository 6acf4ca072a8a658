"""Page images written by pdf_pages.write_image_png: the planted pixels, decoded by Qt's own PNG
reader (not by the code under test), across the PNG_ROWS blocks it deflates at a time."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.PyQt.QtGui import QImage

from gebiedsplugin.qgis_io.pdf_pages import PNG_ROWS, write_image_png


def _planted(width: int, height: int) -> np.ndarray:
    """RGB pixels whose every pixel differs from its neighbours (row, column and band coded)."""
    rng = np.random.default_rng(7)
    bands = [(np.arange(width)[None, :] * (band + 1) + np.arange(height)[:, None] * 7) % 251 for band in range(3)]
    return (np.dstack(bands) + rng.integers(0, 5, (height, width, 3))).astype(np.uint8)


def _image(pixels: np.ndarray) -> QImage:
    """A 32-bit QImage (as the export draws pages) holding *pixels*, rows of its own stride."""
    height, width, _ = pixels.shape
    rgb = np.ascontiguousarray(pixels)
    image = QImage(rgb.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888)
    return image.convertToFormat(QImage.Format.Format_RGB32)  # a copy: independent of rgb's buffer


def _pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull()
    row = image.bytesPerLine()
    data = np.frombuffer(image.constBits().asstring(row * image.height()), np.uint8).reshape(image.height(), row)
    return data[:, :3 * image.width()].reshape(image.height(), image.width(), 3)


@pytest.mark.parametrize("size", [(37, 5), (301, PNG_ROWS * 2 + 3)])  # odd widths: rows padded in a QImage
def test_png_holds_the_planted_pixels(tmp_path, size):
    planted = _planted(*size)
    write_image_png(str(tmp_path / "p.png"), _image(planted))
    assert (_pixels(tmp_path / "p.png") == planted).all()
