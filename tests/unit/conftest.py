"""Shared fixtures of the unit lane."""

from __future__ import annotations

from typing import Optional

import pytest
from shapely.geometry import Point, box

from gebiedsplugin.core import texts
from gebiedsplugin.core.records import Feature, Programme
from tests.unit.ts_texts import catalogue

# The unit lane has no Qt: core's Dutch comes from i18n/gebiedsplugin_nl.ts as the translator wrote it
# (the qgis lane reads the compiled .qm through toolbelt/catalogue.py).
texts.set_lookup(lambda lang, text: catalogue().get((text.context, text.source), "") if lang == "nl" else "")


class CityBuilder:
    """A tiny hand-made programme for the rules tests.

    Two districts side by side: `west` = box(0, 0, 1000, 1000) and `east` = box(1000, 0, 2000, 1000),
    each one neighbourhood (`w1`, `e1`), and the `city` row covering both.
    """

    WEST, EAST = box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)

    def __init__(self) -> None:
        self.programme = Programme(
            districts=[
                Feature({"district_id": "west", "name": "West"}, self.WEST, "districts", 1),
                Feature({"district_id": "east", "name": "Oost"}, self.EAST, "districts", 2),
                Feature({"district_id": "city", "name": "Stad"}, box(0, 0, 2000, 1000), "districts", 3),
            ],
            neighbourhoods=[
                Feature({"neighbourhood_id": "w1", "name": "Westbuurt", "district_id": "west"}, self.WEST,
                        "neighbourhoods", 1),
                Feature({"neighbourhood_id": "e1", "name": "Oostbuurt", "district_id": "east"}, self.EAST,
                        "neighbourhoods", 2),
            ],
        )
        self._fid = 0

    def add(self, uid: str, geometry=None, **attrs) -> Feature:
        """An intervention with every mandatory field filled (a planned physical work in `west`
        in 2025 at (100, 100) unless told otherwise); attrs=None values are kept as NULLs."""
        self._fid += 1
        values = {
            "uid": uid, "title": "Work " + uid, "domain": "physical", "kind": "intervention",
            "theme": "green", "district_id": "west", "start_year": 2025, "end_year": 2025,
            "status": "planned", "budget": 1000.0, "funder": "municipality", "city_wide": False,
        }
        values.update(attrs)
        geometry = Point(100, 100) if geometry is None else geometry
        f = Feature(values, geometry, "interventions_point", self._fid)
        self.programme.interventions.append(f)
        return f

    def add_null_geometry(self, uid: str, **attrs) -> Feature:
        """An intervention without geometry."""
        f = self.add(uid, **attrs)
        f.geometry = None
        return f

    def project(self, code: str, geometry, start: Optional[int] = 2024, end: Optional[int] = 2026,
                **attrs) -> Feature:
        """A programme project."""
        values = {"programme_code": code, "title": "Project " + code, "theme": "green",
                  "start_year": start, "end_year": end, "status": "planned"}
        values.update(attrs)
        f = Feature(values, geometry, "programme_projects_polygon", len(self.programme.projects) + 1)
        self.programme.projects.append(f)
        return f

    def run(self, rule: str, **params) -> list:
        """Findings of one rule, with parameter overrides."""
        from gebiedsplugin.core.rules import run_rules

        return run_rules(self.programme, [rule], params or None)


@pytest.fixture
def city() -> CityBuilder:
    """A fresh two-district programme to add interventions to (see CityBuilder)."""
    return CityBuilder()
