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

