"""Check out in Dutch: the districts' "[optional]" reads as QGIS's other optional parameters do.

Processing's Python wrapper (our districts list) adds " [optional]" through a translation QGIS's
Dutch does not have, so the dialog read "Stadsdelen [optional]" above "Vanaf jaar [optioneel]". The
expected suffix is taken from the label QGIS's own C++ wrapper made for YEAR_FROM in the same dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QLabel


@pytest.fixture()
def qgis_dutch():
    qm = Path(QgsApplication.i18nPath()) / "qgis_nl.qm"
    if not qm.exists():
        pytest.skip("QGIS's Dutch translation is not installed here ({})".format(qm))
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_districts_optional_suffix_as_qgis_says_it(plugin, qgis_dutch, monkeypatch):
    from processing.gui import ParametersPanel
    from qgis import processing
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()  # the test iface's browser model is a stand-in the dialog cannot take
    if ParametersPanel.iface is not None:
        monkeypatch.setattr(ParametersPanel.iface, "browserModel", lambda: browser, raising=False)
    algorithm = QgsApplication.processingRegistry().algorithmById("gebiedsplugin:check_out")
    districts = algorithm.parameterDefinition("DISTRICTS").description()
    from_year = algorithm.parameterDefinition("YEAR_FROM").description()
    dialog = processing.createAlgorithmDialog("gebiedsplugin:check_out", {})
    dialog.show()
    QTest.qWait(300)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    qgis_label = next(t for t in texts if t.startswith(from_year + " "))
    suffix = qgis_label[len(from_year):]
    assert suffix.strip() and suffix != " [optional]", qgis_label  # QGIS's Dutch is loaded
    assert districts + suffix in texts, [t for t in texts if t.startswith(districts)]
    dialog.close()
