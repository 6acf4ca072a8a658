"""The Overview's text tables size their columns once, from their texts (#18 item 2: Qt's ResizeToContents
asked the model for every sampled cell again at each layout, 0.2-0.5 s of the QGIS window at 30,000 rows)."""

from __future__ import annotations

from qgis.PyQt.QtGui import QFont, QFontMetrics
from qgis.PyQt.QtWidgets import QHeaderView

from gebiedsplugin.gui.text_table import TextTable

LONG = "Herinrichting van de Lorentzgracht en omgeving"


def test_each_column_is_as_wide_as_its_widest_text_or_header(qgis_app):
    table = TextTable(None, "t")
    rows = [("a", "1", "x")] * 5000 + [(LONG, "22", "y")] + [("b", "3", "z")] * 4999
    table.set_rows(["District", "A much longer header", "C"], rows, bold=[(5000, 2)])
    assert table.rowCount() == 10000 and table.item(5000, 0).text() == LONG
    plain = table.fontMetrics()
    # the long title sits in the middle, past the first rows: the spread sample (every 100th row) finds it
    assert table.columnWidth(0) >= plain.horizontalAdvance(LONG)
    assert table.columnWidth(0) < plain.horizontalAdvance(LONG) + 40  # and not much wider
    header = table.horizontalHeader()
    assert table.columnWidth(1) >= header.fontMetrics().horizontalAdvance("A much longer header")
    bold = QFont(table.font())
    bold.setBold(True)
    assert table.item(5000, 2).bold
    assert table.columnWidth(2) >= QFontMetrics(bold).horizontalAdvance("y")
    # sized by us, once: the user can still drag a column wider
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive


def test_new_rows_resize_the_columns(qgis_app):
    table = TextTable(None, "t")
    long = table.fontMetrics().horizontalAdvance(LONG)
    table.set_rows(["A", "B"], [(LONG, "x")])
    assert table.columnWidth(0) >= long
    table.set_rows(["A", "B"], [("x", LONG)])
    assert table.columnWidth(0) < long / 2  # narrowed to its new, short text
