"""Settings shared by every lane."""

from __future__ import annotations

import os


def pytest_configure(config):
    """In the QGIS LTR lane (scripts/ltr_root.sh) a DeprecationWarning raised by the plugin's own code is
    an error: the plugin must not call API that the newest QGIS deprecates (issue #14)."""
    if os.environ.get("GEBIED_DEPRECATIONS_AS_ERRORS") == "1":
        config.addinivalue_line("filterwarnings", r"error::DeprecationWarning:gebiedsplugin(\..*)?")


def pytest_report_header(config):
    lane = os.environ.get("GEBIED_QGIS_LANE")
    return ["gebiedsplugin lane: {}".format(lane)] if lane else []


def pytest_sessionfinish(session, exitstatus):
    """Close the project before pytest-qgis shuts QGIS down: QGIS 3.44.16 (Debian trixie-backports)
    segfaults on exit with GeoPackage layers still loaded, which turned a green qgis lane into rc 139."""
    import sys

    if "qgis.core" in sys.modules:
        from qgis.core import QgsApplication, QgsProject

        if QgsApplication.instance() is not None:
            QgsProject.instance().clear()
