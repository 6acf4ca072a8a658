"""A programme may name a value list's codes its own way (its value_lists table; the forms show those
labels). The history and the Check in dock's conflicts show them too: they showed the plugin's
default labels, so a status the programme calls "Opgeleverd" read "Gereed" there. Expected texts
come from the labels this test writes and the value_lists table, read with SQL."""

from __future__ import annotations

import sqlite3

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.offline import check_out
from tests.qgis.interventions_fixtures import programme_history
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)
from tests.qgis.merge_dock_fixtures import *  # noqa: F401,F403 - the merge_dock fixture
from tests.qgis.merge_dock_fixtures import settle
from tests.qgis.test_offline import T, edit, rows_by_uid
from tests.unit.ts_texts import catalogue

DONE = ("Handed over", "Opgeleverd")  # the programme's own labels of the code 'done'


def _rename_done(path) -> dict:
    """Give 'done' the programme's own labels; every status code's (English, Dutch) labels after it."""
    with sqlite3.connect(str(path)) as db:
        assert db.execute("UPDATE value_lists SET label_en = ?, label_nl = ? WHERE list = 'status' AND code = 'done'",
                          DONE).rowcount == 1
        return {code: (en, nl) for code, en, nl in db.execute(
            "SELECT code, label_en, label_nl FROM value_lists WHERE list = 'status'")}


def _planned_uid(store, district=None) -> str:
    rows = rows_by_uid(store)
    return next(uid for uid in sorted(rows) if rows[uid][1]["status"] == "planned"
                and (district is None or rows[uid][1]["district_id"] == district))


def test_the_history_shows_the_programmes_own_labels(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    labels = _rename_done(path)
    store = GpkgStore.open(str(path))
    edit(store, _planned_uid(store), "Anna", status="done")
    dialog, _trail = programme_history(plugin, path)
    changes = [row[-1] for row in dialog.rows()]
    lang = 0 if ui_locale == "en" else 1
    status = "Status" if ui_locale == "en" else catalogue()[("schema", "Status")]
    assert "{}: {} → {}".format(status, labels["planned"][lang], DONE[lang]) in changes
    default = "Done" if ui_locale == "en" else catalogue()[("values", "Done")]
    assert default != DONE[lang] and not any(default in c for c in changes)


def test_a_conflict_shows_the_programmes_own_labels(sample_gpkg, tmp_path, merge_dock):
    path, _ = sample_gpkg
    labels = _rename_done(path)
    shared = GpkgStore.open(str(path))
    copy = str(tmp_path / "area_day.gpkg")
    check_out(shared, copy, ["centrum"], planner="Anna")
    uid = _planned_uid(GpkgStore(copy), "centrum")
    edit(GpkgStore(copy), uid, "Anna", status="done")
    edit(shared, uid, "Bert", status="cancelled")
    merge_dock.load(copy)
    settle(merge_dock)
    assert merge_dock.conflicts.topLevelItemCount() == 1, T
    merge_dock.conflicts.setCurrentItem(merge_dock.conflicts.topLevelItem(0))
    cells = {merge_dock.fields.item(r, 0).text(): [merge_dock.fields.item(r, c).text() for c in (1, 2, 3)]
             for r in range(merge_dock.fields.rowCount())}
    assert cells["Status"] == [labels["planned"][0], DONE[0], labels["cancelled"][0]]
