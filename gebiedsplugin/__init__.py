"""Gebiedsplugin: QGIS entry point. Keeps start-up cheap: the plugin class is imported lazily."""

from __future__ import annotations

import configparser
from pathlib import Path


def _version() -> str:
    # metadata.txt is the single source of the version (inside the installed plugin, or beside it).
    here = Path(__file__).resolve().parent
    for meta in (here / "metadata.txt", here.parent / "metadata.txt"):
        if meta.exists():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(meta, encoding="utf-8")
            return parser.get("general", "version", fallback="0")
    return "0"


__version__ = _version()


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """Create the plugin for QGIS (a stand-in that explains what is missing when shapely 2 is absent)."""
    from gebiedsplugin.dependencies import MissingDependencyPlugin, missing_dependencies

    missing = missing_dependencies()
    if missing:
        return MissingDependencyPlugin(iface, missing)
    from gebiedsplugin.plugin import GebiedsPlugin

    return GebiedsPlugin(iface)
