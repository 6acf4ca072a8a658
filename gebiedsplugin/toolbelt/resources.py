"""Where run-time files live, in the repository and in the installed plugin folder alike.

In the repository `resources/` and `i18n/` sit beside the package; in the installed plugin (the
zip, or `build/gebiedsplugin` for development) they sit inside it. One helper resolves both.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _root(name: str) -> Path:
    inside = PACKAGE_DIR / name
    return inside if inside.exists() else PACKAGE_DIR.parent / name


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/ (icons, styles, layouts)."""
    return _root("resources").joinpath(*parts)


def i18n_path(*parts: str) -> Path:
    """Path of a file under i18n/ (the .ts source and the compiled .qm)."""
    return _root("i18n").joinpath(*parts)


def icon_path(name: str) -> str:
    """Path of an SVG icon as a string, for QIcon."""
    return str(resource_path("icons", name))
