"""The colours of the unified programme map: one definition for the print atlas and the web map.

scripts/build_unified_styles.py writes resources/styles/unified_*.qml (the atlas, the GeoPackage's
embedded styles) from these; the web map export (qgis_io/web_map.py) passes them to the page.
Colour is the kind (blue for the multi-year programme); the shape or dash is the domain (social:
circles, dashed lines, area outlines only).
"""

from __future__ import annotations

from gebiedsplugin.core.export_schema import CATEGORIES

KIND_COLOURS = {"intervention": "#d7301f", "maintenance": "#f08c1e", "initiative": "#1a9850",
                "statutory": "#7b3294", "programme": "#2166ac"}
DISTRICT_FILL, DISTRICT_OUTLINE, DISTRICT_LABEL = "#f5f5f0", "#333333", "#555555"


def category_colour(category: str) -> str:
    """The colour of a legend category (domain_kind or programme)."""
    return KIND_COLOURS[category.partition("_")[2] or category]


def web_style() -> dict:
    """What the web page needs to draw the atlas's legend: category -> colour and domain."""
    return {
        "categories": [{"code": c, "colour": category_colour(c), "social": c.startswith("social_")}
                       for c in CATEGORIES],
        "district_fill": DISTRICT_FILL, "district_outline": DISTRICT_OUTLINE, "district_label": DISTRICT_LABEL,
    }
