"""The plugin's version, read from metadata.txt (its single source), inside the plugin folder or beside it."""

from __future__ import annotations

import configparser

from gebiedsplugin.toolbelt.resources import PACKAGE_DIR


def plugin_version() -> str:
    """The ``version`` of metadata.txt ("0" when there is none)."""
    for meta in (PACKAGE_DIR / "metadata.txt", PACKAGE_DIR.parent / "metadata.txt"):
        if meta.exists():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(meta, encoding="utf-8")
            return parser.get("general", "version", fallback="0")
    return "0"


VERSION = plugin_version()
