"""The Check in dock's field table headers fit a right-hand dock on a 1366x768 screen, in both languages.

In Dutch "Hun versie (gedeeld)" was cut to "Hun versie (gedeeld" (QGIS 3.44 walk, a ~490 px table).
Each header line is measured with the header's font against its section, with the style's margins.
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QStyle

from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)


def test_headers_fit(ui_locale, plugin):
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_merge_dock")
    dock.setFloating(True)
    dock.show()
    dock.resize(510, 600)  # its field table then as wide as in the 1366x768 walk on QGIS 3.44 (~490 px)
    dock.widget().layout().activate()
    for _ in range(5):
        QgsApplication.processEvents()
    table = dock.fields
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        for line in text.split("\n"):
            if metrics.horizontalAdvance(line) + margin > header.sectionSize(column):
                cut.append((line, metrics.horizontalAdvance(line) + margin, header.sectionSize(column)))
    assert cut == [], (ui_locale, cut)
