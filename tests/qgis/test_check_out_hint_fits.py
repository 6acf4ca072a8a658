"""Check out opened before any programme (first start): the districts hint fits the dialog.

Its hint "Choose the programme to list its districts; none ticked: the whole city." was one line
wider than the parameters panel of the dialog at the size QGIS 3.44 opens it (688 px): the text was
cut and the panel scrolled sideways.
"""

from __future__ import annotations

from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QLabel, QScrollArea


def test_hint_fits_without_a_programme(plugin, monkeypatch):
    from processing.gui import ParametersPanel
    from qgis import processing
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()  # the test iface's browser model is a stand-in the dialog cannot take
    if ParametersPanel.iface is not None:
        monkeypatch.setattr(ParametersPanel.iface, "browserModel", lambda: browser, raising=False)
    dialog = processing.createAlgorithmDialog("gebiedsplugin:check_out", {})
    dialog.resize(688, 523)
    dialog.show()
    QTest.qWait(500)
    hint = next(label for label in dialog.findChildren(QLabel) if label.text().startswith("Choose the programme"))
    panel = next(a for a in dialog.findChildren(QScrollArea) if a.isAncestorOf(hint))
    right = hint.mapTo(panel.viewport(), hint.rect().topRight()).x()
    assert right <= panel.viewport().width(), (right, panel.viewport().width())
    assert not panel.horizontalScrollBar().isVisible()
    lines = hint.heightForWidth(hint.width()) // hint.fontMetrics().lineSpacing() if hint.wordWrap() else 1
    assert hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.width() * lines
    dialog.close()
