"""The QGIS 4 / Qt6 readiness gate (scripts/qt6_gate.py, run by `make lint`) finds nothing in the
plugin and does catch each Qt5-only pattern it is there for."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("qt6_gate", ROOT / "scripts" / "qt6_gate.py")
gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gate)


def test_the_plugin_has_no_qt5_only_code():
    assert gate.check_paths([ROOT / "gebiedsplugin"]) == []


@pytest.mark.parametrize("source", [
    "dialog.exec_()\n",
    "from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg\n",
    "QgsField('x', QVariant.String)\n",
    "QgsField('x', QVariant.Int)\n",
    "QgsField('x', QVariant.Double)\n",
    "QgsField('x', QVariant.Bool)\n",
    "from qgis.PyQt.QtWidgets import QAction\n",
    "from qgis.PyQt.QtWidgets import (\n    QMenu,\n    QAction,\n)\n",
    "label.setAlignment(Qt.AlignLeft)\n",
    "cell.setHorizontalAlignment(Qt.AlignRight | Qt.AlignmentFlag.AlignTop)\n",
    "notify(iface, 'x', 'y', Qgis.Warning)\n",
    "request.setFlags(QgsFeatureRequest.NoGeometry)\n",
    "if kind == QgsWkbTypes.PolygonGeometry:\n    pass\n",
    "pattern = QRegExp('a+')\n",
    "screen = QDesktopWidget().screenGeometry()\n",
    "from . import resources_rc\n",
    "qApp.processEvents()\n",
    "from PyQt5.QtCore import Qt\n",
])
def test_the_gate_catches_qt5_only_code(source):
    assert gate.check_source(source), source


@pytest.mark.parametrize("source", [
    "dialog.exec()\n",
    "from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg\n",
    "field('x', QMetaType.Type.QString)\n",
    "from gebiedsplugin.toolbelt.qt_compat import QAction\n",
    "label.setAlignment(Qt.AlignmentFlag.AlignLeft)\n",
    "settings = QgsLayoutExporter.PdfExportSettings()\n",
    "out = QgsProcessing.TEMPORARY_OUTPUT\n",
    "def field(name: str, meta_type: QMetaType.Type) -> QgsField:\n    pass\n",
    "# a comment about exec_() and QVariant.String\n",
])
def test_the_gate_lets_qt6_code_pass(source):
    assert gate.check_source(source) == []
