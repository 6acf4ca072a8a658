"""Start QGIS without a GUI, with Processing and the plugin's provider: for demo, bench, scripts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, "/usr/share/qgis/python/plugins")

from qgis.core import QgsApplication  # noqa: E402

_app = None
_provider = None


def start():
    """Initialise QGIS and Processing once; register the gebiedsplugin provider."""
    global _app
    if _app is not None:
        return _app
    _app = QgsApplication([], False)
    _app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from gebiedsplugin.processing_provider.provider import GebiedsProvider

    global _provider
    _provider = GebiedsProvider()  # keep a reference: a collected provider loses its algorithms
    QgsApplication.processingRegistry().addProvider(_provider)
    return _app


def has_algorithm(alg_id: str) -> bool:
    """Whether the registry knows *alg_id* (later features add algorithms)."""
    return QgsApplication.processingRegistry().algorithmById(alg_id) is not None
