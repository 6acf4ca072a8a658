"""Run-time dependencies the plugin needs beyond QGIS itself, checked before anything imports them.

shapely >= 2 ships with QGIS on Windows (OSGeo4W) and macOS; on Linux it may have to be installed
with pip for the Python that QGIS runs.
"""

from __future__ import annotations


def missing_dependencies() -> list:
    """Human-readable names of missing or too-old packages (empty when all is well)."""
    missing = []
    try:
        import shapely

        if int(shapely.__version__.split(".")[0]) < 2:
            missing.append("shapely >= 2.0 (found {})".format(shapely.__version__))
    except ImportError:
        missing.append("shapely >= 2.0")
    return missing


class MissingDependencyPlugin:
    """Stands in for the plugin when a dependency is missing: says so once, adds nothing."""

    def __init__(self, iface, missing: list):
        from qgis.PyQt.QtCore import QCoreApplication

        from gebiedsplugin.toolbelt.i18n import install_translator

        self.iface = iface
        self.missing = missing
        self.translator = install_translator(QCoreApplication.instance())

    def initGui(self):  # noqa: N802
        from qgis.core import Qgis, QgsApplication

        from gebiedsplugin.toolbelt.i18n import tr

        # On Linux a shapely wheel brings its own GEOS, which crashes next to QGIS's: Debian's package, or
        # a build from source into the profile's python folder (on sys.path in QGIS; README, "Install on
        # Linux"). A plain `pip install` is refused by Debian 12 and Ubuntu 24.04 (PEP 668).
        profile_python = QgsApplication.qgisSettingsDirPath().rstrip("/") + "/python"
        text = tr("Gebiedsplugin needs the Python package(s) {} in the Python that QGIS runs. Debian 13, and "
                  "other Linux systems whose python3-shapely is 2.0 or newer: sudo apt install python3-shapely. "
                  "Debian 12: build shapely against the system's GEOS into this QGIS profile (needs python3-pip, "
                  "python3-dev, libgeos-dev and gcc): python3 -m pip install --no-deps --no-binary shapely "
                  "--target '{}' 'shapely>=2,<2.2', then restart QGIS. On Windows and macOS QGIS ships it.").format(
            ", ".join(self.missing), profile_python)
        self.iface.messageBar().pushMessage("Gebiedsplugin", text, Qgis.MessageLevel.Critical, 0)

    def unload(self):
        from qgis.PyQt.QtCore import QCoreApplication

        if self.translator is not None:
            QCoreApplication.instance().removeTranslator(self.translator)
