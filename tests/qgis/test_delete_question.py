"""The question before deleting (quality walk): one intervention reads as one, not "1 intervention(s)"."""

from __future__ import annotations

from tests.qgis import interventions_fixtures as fx
from tests.qgis.test_interventions_edit import select

clean_settings, stocked_dock, town_gpkg, dock = fx.clean_settings, fx.stocked_dock, fx.town_gpkg, fx.dock


def test_the_delete_question_counts_in_words(stocked_dock):
    dock = stocked_dock
    dock.prompts.answers["confirm"] = False
    select(dock, "Bench")
    dock.delete_selected()
    assert dock.prompts.asked[-1] == ("confirm", "Delete 1 intervention? You can undo this until you save.")
    select(dock, "Bench", "Park")
    dock.delete_selected()
    assert dock.prompts.asked[-1] == ("confirm", "Delete 2 interventions? You can undo this until you save.")
    assert len(dock.model.rows()) == 5  # refused: nothing deleted
