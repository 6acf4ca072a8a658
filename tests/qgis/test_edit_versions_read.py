"""The versions a save states are those of the moment editing started, though read in a worker thread.

GeoPackage and PostGIS. A colleague's save right after the planner started editing, before or after
the planner's first change of that row, is a conflict (as when the versions were read on the main
thread); stopping and starting to edit again reads anew. Versions are checked straight in the database.
"""

from __future__ import annotations

import threading
import time

import pytest

from tests.qgis.planner_sessions import Session, stored_row
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

TABLE = "interventions_point"


@pytest.fixture()
def planners(programme_store, qgis_iface):
    anna = Session(qgis_iface, programme_store.path, "Anna")
    bert = Session(qgis_iface, programme_store.path, "Bert")
    yield programme_store, anna, bert
    anna.close()
    bert.close()


def _first_fid(session) -> int:
    return min(f.id() for f in session.controller.layer(TABLE).getFeatures())


def test_a_colleague_save_before_the_first_change_of_the_row_is_refused(planners):
    store, anna, bert = planners
    fid = _first_fid(anna)
    read = stored_row(store, TABLE, fid)["row_version"] or 0
    anna.read(TABLE)  # starts editing: the read of the versions is still under way
    bert.set(TABLE, fid, "title", "Bert first")
    assert bert.save(), bert.error
    assert stored_row(store, TABLE, fid)["row_version"] == read + 1
    anna.set(TABLE, fid, "title", "Anna after")
    assert not anna.save()
    assert "changed by Bert" in anna.error, anna.error
    assert stored_row(store, TABLE, fid)["title"] == "Bert first"
    assert anna.controller.layer(TABLE).getFeature(fid)["title"] == "Anna after"  # kept in her buffer


def test_a_colleague_save_after_the_first_change_of_the_row_is_refused(planners):
    store, anna, bert = planners
    fid = _first_fid(anna)
    anna.set(TABLE, fid, "title", "Anna first")
    bert.set(TABLE, fid, "title", "Bert meanwhile")
    assert bert.save(), bert.error
    assert not anna.save()
    assert "changed by Bert" in anna.error, anna.error
    assert stored_row(store, TABLE, fid)["title"] == "Bert meanwhile"


def test_starting_to_edit_again_reads_the_versions_anew(planners):
    store, anna, bert = planners
    fid = _first_fid(anna)
    anna.read(TABLE).rollBack()
    bert.set(TABLE, fid, "title", "Bert between")
    assert bert.save(), bert.error
    read = stored_row(store, TABLE, fid)["row_version"]
    anna.set(TABLE, fid, "title", "Anna on Bert's")  # editing starts again: she reads Bert's version
    assert anna.save(), anna.error
    saved = stored_row(store, TABLE, fid)
    assert (saved["title"], saved["row_version"], saved["modified_by"]) == ("Anna on Bert's", read + 1, "Anna")


def test_the_store_reads_the_versions_of_the_moment_it_began(planners):
    """The read runs late, in a worker thread, after a colleague's save started: it sees the version before.

    (PostGIS: the save commits, the read's snapshot is older; GeoPackage: the save waits for the read.)
    """
    store, anna, bert = planners
    fid = _first_fid(bert)
    before = stored_row(store, TABLE, fid)["row_version"] or 0
    read, versions = store.begin_row_versions(TABLE), {}
    worker = threading.Thread(target=lambda: time.sleep(0.5) or versions.update(read()))
    worker.start()
    bert.set(TABLE, fid, "title", "Bert after the snapshot")
    assert bert.save(), bert.error
    worker.join()
    assert versions[fid] == before
    assert store.row_versions(TABLE)[fid] == before + 1
    assert len(versions) == len(store.row_versions(TABLE))
