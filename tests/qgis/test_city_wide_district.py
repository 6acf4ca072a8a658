"""A whole-city intervention made with "Whole area…" (quality walk) is stored as the sample and the rules
have one: district `city`, no neighbourhood. It got the district of largest overlap and a neighbourhood
of another district, so the list, the Overview and the export counted a city-wide action in one district."""

from __future__ import annotations

import sqlite3

from tests.qgis import interventions_fixtures as fx
from tests.qgis.interventions_fixtures import answer_form

clean_settings, town_gpkg, dock = fx.clean_settings, fx.town_gpkg, fx.dock


def stored(path, title):
    with sqlite3.connect(str(path)) as db:
        return db.execute("SELECT district_id, neighbourhood_id, city_wide FROM interventions_polygon WHERE title = ?",
                          (title,)).fetchall()


def test_a_whole_city_action_belongs_to_the_city(dock, town_gpkg):
    dock.prompts.answers["area"] = ("districts", "city")
    answer_form({"title": "Work and income desk", "kind": "statutory", "theme": "work_income",
                 "start_year": 2026, "end_year": 2026})
    dock.add_for_area()
    dock.save()
    assert stored(town_gpkg, "Work and income desk") == [("city", None, 1)]


def test_a_whole_district_action_keeps_its_district(dock, town_gpkg):
    dock.prompts.answers["area"] = ("districts", "east")
    answer_form({"title": "Buurtteam Oost", "kind": "statutory", "theme": "care", "start_year": 2026,
                 "end_year": 2026})
    dock.add_for_area()
    dock.save()
    rows = stored(town_gpkg, "Buurtteam Oost")
    assert [r[0] for r in rows] == ["east"] and rows[0][2] in (0, None)
