"""An edit updates only the Interventions list's rows it touched (#18: each edit of a 100,000-item
programme re-read the whole list, about 5 s of event-loop turns), and the list stays what a fresh
read shows: after edits, adds, deletes, funding changes, undo, redo, our save, a discard, QGIS's own
commit and under a filter, the listed rows equal the rows read anew from the layers (edit buffers
included), in the order of the view's sort, with the same footer; and no whole read happened."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from osgeo import ogr
from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import Qt

from gebiedsplugin.core.intervention_list import filter_rows, summarise
from gebiedsplugin.gui.intervention_table_model import BUDGET, SORT_ROLE, TITLE
from gebiedsplugin.qgis_io.intervention_rows import copy_to_period, delete_features, new_feature, programme_rows
from gebiedsplugin.toolbelt.numbers import number
from tests.qgis import interventions_fixtures as fx
from tests.qgis.interventions_fixtures import AnsweringPrompts

clean_settings = fx.clean_settings


@pytest.fixture()
def listing(plugin, sample_gpkg, clean_settings):
    """The Interventions dock with a private copy of the sample city open; its programme's path."""
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    path, _ = sample_gpkg
    dock = [d for d in plugin.docks if isinstance(d, InterventionsDock)][0]
    dock.set_prompts(AnsweringPrompts())
    plugin.controller.open(path)
    yield dock, path
    for layer in plugin.controller.layers.values():
        if layer.isEditable():
            layer.rollBack()




def _shown(dock) -> list:
    dock.watcher.flush()
    return dock.model.rows()


def assert_as_read_anew(dock, reads: int) -> None:
    """The list after the pending edits equals a fresh read of the layers, filtered and in sort order."""
    shown = _shown(dock)
    fresh = filter_rows(programme_rows(dock.controller.layers), dock.filters.current())
    assert dock.reads == reads, "the whole programme was read again"
    assert Counter(shown) == Counter(fresh)
    column = dock.proxy.sortColumn() if dock.proxy.sortColumn() >= 0 else dock.model._sorted_by[0]
    keys = [dock.proxy.index(i, column).data(SORT_ROLE) for i in range(dock.proxy.rowCount())]
    descending = dock.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert keys == sorted(keys, reverse=descending)
    total = summarise(fresh)
    assert dock.footer.text().startswith("{} intervention".format(total.count))
    assert number(total.funding, 0) in dock.footer.text()


def _row(dock, table, fid):
    return next(r for r in _shown(dock) if (r.table, r.fid) == (table, fid))


def _funding_in_file(path, uid) -> float:
    with sqlite3.connect(str(path)) as db:
        query = "SELECT coalesce(sum(amount), 0) FROM funding WHERE intervention_uid = ?"
        return db.execute(query, (uid,)).fetchone()[0]


def test_edits_update_the_rows_they_touch_and_the_list_stays_a_fresh_read(listing):
    dock, path = listing
    layers = dock.controller.layers
    point, polygon, funding = layers["interventions_point"], layers["interventions_polygon"], layers["funding"]
    reads = dock.reads
    assert len(dock.model.rows()) >= 100
    dock.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    fids = sorted(f.id() for f in point.getFeatures())
    title = point.fields().indexFromName("title")

    # An attribute edit: the row moves to its new place in the title order, selected as it was on the map.
    point.selectByIds([fids[0]])
    assert dock.selected_keys() == [("interventions_point", fids[0])]
    point.startEditing()
    point.changeAttributeValue(fids[0], title, "!! first now")
    assert _row(dock, "interventions_point", fids[0]).title == "!! first now"
    assert dock.proxy.index(0, TITLE).data() == "!! first now"
    assert dock.selected_keys() == [("interventions_point", fids[0])]
    point.removeSelection()
    assert_as_read_anew(dock, reads)

    # An add (a copy two years on) and a delete; then undo and redo the delete.
    copied = copy_to_period(point, fids[1], 2)
    assert copied is not None and copied < 0
    delete_features(point, [fids[2]])
    assert ("interventions_point", fids[2]) not in {(r.table, r.fid) for r in _shown(dock)}
    assert_as_read_anew(dock, reads)
    point.undoStack().undo()
    assert ("interventions_point", fids[2]) in {(r.table, r.fid) for r in _shown(dock)}
    assert_as_read_anew(dock, reads)
    point.undoStack().redo()
    assert_as_read_anew(dock, reads)

    # Funding: a new row, a changed amount and a deleted row re-make the totals of those they pay.
    dock.view.sortByColumn(BUDGET, Qt.SortOrder.DescendingOrder)
    paid = _row(dock, "interventions_point", fids[3])
    funding.startEditing()
    added = new_feature(funding, QgsGeometry(), {"intervention_uid": paid.uid, "year": 2026,
                                                  "funder": "province", "amount": 12345.0})
    assert funding.addFeature(added)
    assert _row(dock, "interventions_point", fids[3]).funding == paid.funding + 12345.0
    some = next(f for f in funding.getFeatures() if f["amount"] and f["intervention_uid"] != paid.uid)
    funding.changeAttributeValue(some.id(), funding.fields().indexFromName("amount"), some["amount"] + 1000.0)
    other = next(f for f in funding.getFeatures() if f.id() != some.id() and f["intervention_uid"] != paid.uid)
    funding.deleteFeature(other.id())
    assert_as_read_anew(dock, reads)

    # Our save: the new rows get their fids in the file, the list follows without a whole read.
    polygon.startEditing()
    polygon.changeAttributeValue(next(polygon.getFeatures()).id(), polygon.fields().indexFromName("budget"), 1.0)
    dock.save()
    assert not point.isEditable() and not funding.isEditable()
    assert_as_read_anew(dock, reads)
    assert all(r.fid >= 0 for r in dock.model.rows())  # no temporary fid of the edit buffer is left
    assert _row(dock, "interventions_point", fids[3]).funding == _funding_in_file(path, paid.uid)

    # Edits thrown away: the list is back to the file.
    point.startEditing()
    point.changeAttributeValue(fids[4], title, "ZZZ thrown away")
    copy_to_period(point, fids[4], 1)
    delete_features(point, [fids[5]])
    assert_as_read_anew(dock, reads)
    dock.prompts.answers["confirm"] = True
    dock.discard()
    assert not point.isModified()
    assert "ZZZ thrown away" not in {r.title for r in _shown(dock)}
    assert_as_read_anew(dock, reads)

    # QGIS's own Save of a layer (the layer toolbar): it goes through the same save.
    point.startEditing()
    point.changeAttributeValue(fids[6], title, "Saved by QGIS")
    copy_to_period(point, fids[6], 3)
    assert point.commitChanges()
    assert sum(r.title == "Saved by QGIS" for r in _shown(dock)) == 2  # the row and its copy
    assert_as_read_anew(dock, reads)

    # Under a filter: a row edited out of the chosen theme leaves the list, one edited into it joins it.
    dock.view.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    inside = _row(dock, "interventions_point", fids[7])
    dock.filters.set_choice("theme", inside.theme)
    assert {r.theme for r in dock.model.rows()} == {inside.theme}
    reads = dock.reads  # a filter change is not an edit: it re-filters the rows read
    outside = next(r for r in dock.all_rows if r.theme != inside.theme and r.table == "interventions_point")
    theme = point.fields().indexFromName("theme")
    point.startEditing()
    point.changeAttributeValue(inside.fid, theme, outside.theme)
    point.changeAttributeValue(outside.fid, theme, inside.theme)
    keys = {(r.table, r.fid) for r in _shown(dock)}
    assert ("interventions_point", inside.fid) not in keys and ("interventions_point", outside.fid) in keys
    assert_as_read_anew(dock, reads)


def test_a_reload_of_a_layer_from_elsewhere_reads_the_whole_programme(listing):
    dock, path = listing
    reads = dock.reads
    # Another tool writes the file (GDAL, which has the GeoPackage's SQL functions), then the layer is reloaded.
    data = ogr.Open(str(path), 1)
    data.ExecuteSQL("UPDATE interventions_point SET title = 'Written elsewhere', row_version = row_version + 1 "
                    "WHERE fid = (SELECT min(fid) FROM interventions_point)")
    data = None
    dock.controller.layer("interventions_point").reload()
    assert "Written elsewhere" in {r.title for r in _shown(dock)}
    assert dock.reads == reads + 1
