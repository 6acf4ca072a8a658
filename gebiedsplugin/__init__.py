"""Gebiedsplugin: QGIS entry point. Keeps start-up cheap: the plugin class is imported lazily."""

from __future__ import annotations

from gebiedsplugin.toolbelt.version import VERSION

__version__ = VERSION


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """Create the plugin for QGIS (a stand-in that explains what is missing when shapely 2 is absent)."""
    from gebiedsplugin.dependencies import MissingDependencyPlugin, missing_dependencies

    missing = missing_dependencies()
    if missing:
        return MissingDependencyPlugin(iface, missing)
    from gebiedsplugin.plugin import GebiedsPlugin

    return GebiedsPlugin(iface)
