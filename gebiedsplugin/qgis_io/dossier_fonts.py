"""The dossier's type: one font family, in the sizes and weights its labels, tables and legend use."""

from __future__ import annotations

from qgis.core import QgsTextFormat, QgsUnitTypes
from qgis.PyQt.QtGui import QFont

FONT = "Arial"


def text_format(points: float, bold: bool = False) -> QgsTextFormat:
    """A text format of *points* (for labels, tables and the legend on QGIS >= 3.24)."""
    fmt = QgsTextFormat()
    qfont = QFont(FONT)
    qfont.setBold(bold)
    fmt.setFont(qfont)
    fmt.setSize(points)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    return fmt


def font(points: float, bold: bool = False) -> QFont:
    """The same as a QFont (older QGIS, and measuring text)."""
    qfont = QFont(FONT)
    qfont.setPointSizeF(points)
    qfont.setBold(bold)
    return qfont
