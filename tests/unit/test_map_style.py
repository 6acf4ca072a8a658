"""One style definition: the atlas's QML styles and the web map take their colours from core/map_style.py."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gebiedsplugin.core.export_schema import CATEGORIES
from gebiedsplugin.core.map_style import category_colour, web_style

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"


def _hex(rgba: str) -> str:
    return "#" + "".join("{:02x}".format(int(v)) for v in rgba.split(",")[:3])


@pytest.mark.parametrize("kind, colour_option", [("point", "color"), ("line", "line_color"),
                                                 ("polygon", "outline_color")])
def test_qml_categories_use_the_shared_colours(kind, colour_option):
    root = ET.parse(STYLES / "unified_{}.qml".format(kind)).getroot()
    renderer = root.find("renderer-v2")
    symbols = {s.get("name"): s for s in renderer.find("symbols").findall("symbol")}
    seen = {}
    for cat in renderer.find("categories").findall("category"):
        layer = symbols[cat.get("symbol")].find("layer")
        options = {o.get("name"): o.get("value") for o in layer.iter("Option") if o.get("name")}
        seen[cat.get("value")] = _hex(options[colour_option])
    assert set(seen) == set(CATEGORIES)
    assert seen == {c: category_colour(c) for c in CATEGORIES}


def test_web_style_has_every_category_in_legend_order():
    assert [c["code"] for c in web_style()["categories"]] == list(CATEGORIES)
