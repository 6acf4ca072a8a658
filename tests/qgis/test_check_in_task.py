"""The Check in dock works in a task (qa's walk: picking a whole-city copy froze QGIS for 5 s): what it
shows equals the synchronous check_in(), the main thread goes on meanwhile, picking another copy drops
the old read, a cancelled check-in leaves the programme and the copy as they were (compared with
sqlite3, before and after), and an error names the copy. Real GeoPackages from the sample generator."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time

import pytest

from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.offline import check_in, check_out
from tests.qgis.merge_dock_fixtures import *  # noqa: F401,F403 - the merge_dock fixture
from tests.qgis.merge_dock_fixtures import settle, wait_until_done
from tests.qgis.test_offline import T, delete, edit, in_district, rows_by_uid


def dump(path) -> list:
    """Every table's schema and rows, straight from SQLite."""
    conn = sqlite3.connect(str(path))
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def area_day(shared_path, copy_path, districts=None) -> str:
    """A copy (whole city unless *districts*) with three titles changed and one row deleted offline,
    and one more row changed on both sides: a conflict. Returns the conflict's id."""
    shared = GpkgStore.open(shared_path)
    check_out(shared, str(copy_path), districts, planner="Anna")
    copy = GpkgStore(copy_path)
    district = sorted(districts)[0] if districts else "noord"
    changed, gone, both = (lambda u: (u[:3], u[3], u[4]))(in_district(copy, district, 5))
    for n, uid in enumerate(changed):
        edit(copy, uid, "Anna", title="Gebiedsdag {}".format(n))
    delete(copy, gone, "Anna")
    edit(copy, both, "Anna", title="Speeltuin (gebiedsdag)")
    edit(shared, both, "Bert", title="Speeltuin (kantoor)")
    return T + "/" + both


def conflicts_of(result) -> list:
    return [(c.ident, c.kind, c.label, c.fields, c.decided) for c in result.plan.conflicts]


def test_the_dock_shows_what_the_synchronous_check_in_finds(sample_gpkg, tmp_path, merge_dock):
    shared, copy = sample_gpkg[0], tmp_path / "area_day.gpkg"
    ident = area_day(shared, copy)
    before = dump(shared), dump(copy)
    expected = check_in(str(copy), dry_run=True)
    merge_dock.load(str(copy))
    settle(merge_dock)
    assert merge_dock.last_error == ""
    assert merge_dock.result.counts == expected.counts
    assert merge_dock.result.counts.get("update") == 3 and merge_dock.result.counts.get("delete") == 1  # planted
    assert conflicts_of(merge_dock.result) == conflicts_of(expected)
    tree = merge_dock.conflicts
    assert [tree.topLevelItem(i).data(0, 256) for i in range(tree.topLevelItemCount())] == [ident]  # UserRole
    assert merge_dock.status.text() == "0 new, 3 changed, 1 deleted rows to check in; 1 conflict, 1 undecided."
    assert merge_dock.progress.value() == 100 and not merge_dock.cancel_button.isEnabled()
    assert merge_dock.keep_mine.isEnabled() and not merge_dock.check_in_button.isEnabled()
    assert (dump(shared), dump(copy)) == before  # reading wrote nothing


def test_the_main_thread_goes_on_while_the_dock_reads_a_copy(sample_gpkg, tmp_path, merge_dock):
    from qgis.core import QgsTask
    from qgis.PyQt.QtCore import QTimer

    shared, copy = sample_gpkg[0], tmp_path / "area_day.gpkg"
    area_day(shared, copy)
    beats = []  # one per timer event handled on the main thread: was the dock's task running then?
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(merge_dock.task is not None
                                               and merge_dock.task.status() == QgsTask.TaskStatus.Running))
    timer.start(5)
    merge_dock.load(str(copy))
    assert merge_dock.task is not None and merge_dock.result is None  # load() came back before the read ended
    assert merge_dock.status.text() == "Reading area_day.gpkg…"
    assert merge_dock.cancel_button.isEnabled() and merge_dock.copy.isEnabled()  # another copy may be picked
    assert not merge_dock.check_in_button.isEnabled() and not merge_dock.keep_mine.isEnabled()
    assert not merge_dock.conflicts.isEnabled()
    settle(merge_dock)
    timer.stop()
    assert sum(beats) >= 3, beats  # the event loop ran while the task worked
    assert merge_dock.result is not None and merge_dock.conflicts.isEnabled()
    assert not merge_dock.cancel_button.isEnabled()


def test_picking_another_copy_while_one_is_read_shows_only_the_other(sample_gpkg, tmp_path, merge_dock):
    from qgis.core import QgsTask
    from qgis.PyQt.QtCore import QCoreApplication

    shared, first, second = sample_gpkg[0], tmp_path / "whole_city.gpkg", tmp_path / "centrum.gpkg"
    area_day(shared, first)  # a conflict, three changes, one delete
    check_out(GpkgStore.open(shared), str(second), ["centrum"], planner="Anna")
    uid = in_district(GpkgStore(second), "centrum", 1)[0]
    edit(GpkgStore(second), uid, "Anna", title="Centrum (gebiedsdag)")  # one change, no conflict
    merge_dock.load(str(first))
    old = merge_dock.task
    ended = []  # told by signals: QGIS 3.44 deletes an ended task before its status can be asked
    old.taskTerminated.connect(lambda: ended.append(QgsTask.TaskStatus.Terminated))
    old.taskCompleted.connect(lambda: ended.append(QgsTask.TaskStatus.Complete))
    merge_dock.load(str(second))
    assert merge_dock.task is not old and merge_dock.task.dry_run
    settle(merge_dock)
    wait_until_done(old)
    assert ended == [QgsTask.TaskStatus.Terminated]  # cancelled, not read to the end
    for _ in range(20):  # whatever the old task left in the event queue
        QCoreApplication.processEvents()
        time.sleep(0.01)
    expected = check_in(str(second), dry_run=True)
    assert merge_dock.copy.filePath() == str(second)
    assert merge_dock.result.counts == expected.counts and expected.counts.get("update") == 1
    assert merge_dock.conflicts.topLevelItemCount() == 0
    assert merge_dock.status.text() == "0 new, 1 changed, 0 deleted rows to check in; 0 conflicts, 0 undecided."


def test_a_check_in_cancelled_inside_its_transaction_leaves_both_files_as_they_were(sample_gpkg, tmp_path):
    shared, copy = sample_gpkg[0], tmp_path / "area_day.gpkg"
    ident = area_day(shared, copy)
    before = dump(shared), dump(copy)
    seen, locked = [], []

    def cancelled() -> bool:
        if not seen or seen[-1] < 90:
            return False
        try:  # the moment after the merge: is the check-in's write transaction open on the programme?
            other = sqlite3.connect(str(shared), timeout=0, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            other.close()
        except sqlite3.OperationalError as e:
            locked.append(str(e))
        return True

    with pytest.raises(Cancelled):
        check_in(str(copy), {ident: "mine"}, planner="Anna", progress=seen.append, cancelled=cancelled)
    assert locked == ["database is locked"]  # cancelled with the changes inside the open transaction
    assert (dump(shared), dump(copy)) == before
    done = check_in(str(copy), {ident: "mine"}, planner="Anna")  # the same check-in, not cancelled, writes
    assert done.written and dump(shared) != before[0]


def test_cancel_in_the_dock_leaves_the_programme_untouched(sample_gpkg, tmp_path, merge_dock, qgis_iface):
    from qgis.PyQt.QtCore import QCoreApplication

    shared, copy = sample_gpkg[0], tmp_path / "area_day.gpkg"
    area_day(shared, copy)
    merge_dock.load(str(copy))
    settle(merge_dock)
    merge_dock.decide("mine")
    before = dump(shared), dump(copy)
    assert merge_dock.check_in()
    assert merge_dock.status.text() == "Checking in area_day.gpkg…"
    assert not merge_dock.copy.isEnabled() and not merge_dock.check_in_button.isEnabled()
    assert not merge_dock.keep_mine.isEnabled() and merge_dock.cancel_button.isEnabled()
    end = time.monotonic() + 60
    while merge_dock.progress.value() < 5 and merge_dock.task is not None and time.monotonic() < end:
        QCoreApplication.processEvents()  # mid-way: the task has read the copy's checks
        time.sleep(0.002)
    merge_dock.cancel()
    settle(merge_dock)
    assert merge_dock.status.text() == "The check-in of area_day.gpkg was cancelled; nothing was checked in."
    assert (dump(shared), dump(copy)) == before
    assert merge_dock.check_in_button.isEnabled() and merge_dock.copy.isEnabled()  # decisions kept: try again
    assert merge_dock.check_in()
    settle(merge_dock)
    assert merge_dock.status.text() == "Checked in."
    title = {u: r["title"] for u, (_, r) in rows_by_uid(GpkgStore.open(shared)).items()}
    assert "Speeltuin (gebiedsdag)" in title.values() and "Gebiedsdag 2" in title.values()


def test_errors_name_the_copy(sample_gpkg, tmp_path, merge_dock, qgis_iface):
    shared, copy = sample_gpkg[0], tmp_path / "area_day.gpkg"
    area_day(shared, copy)
    merge_dock.load(str(shared))  # the shared programme itself, not a copy
    settle(merge_dock)
    assert merge_dock.status.text() == "voorbeeldstad is not a checked-out copy. Nothing was checked in."
    assert merge_dock.result is None and not merge_dock.check_in_button.isEnabled()

    merge_dock.load(str(copy))
    settle(merge_dock)
    merge_dock.decide("mine")
    moved = tmp_path / "elsewhere.gpkg"
    shutil.move(str(shared), moved)  # the shared programme is gone between reading and checking in
    qgis_iface.messageBar().clear_messages()
    assert merge_dock.check_in()
    settle(merge_dock)
    assert merge_dock.status.text().startswith("Checking in {} failed: ".format(copy)), merge_dock.status.text()
    assert any(str(copy) in m for m in qgis_iface.messageBar().get_messages(2)), \
        qgis_iface.messageBar().get_messages(2)  # Qgis.MessageLevel.Critical
    assert not merge_dock.cancel_button.isEnabled() and merge_dock.copy.isEnabled()
    merge_dock.load(str(copy))  # picked again: read again
    settle(merge_dock)
    assert merge_dock.status.text().startswith("Reading {} failed: ".format(copy)), merge_dock.status.text()
    shutil.move(str(moved), shared)
    assert "checked_in_at" not in GpkgStore.open(copy).schema_info()


def test_the_check_in_algorithm_stops_when_cancelled_and_writes_nothing(sample_gpkg, tmp_path, provider):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    shared, copy = sample_gpkg[0], tmp_path / "area_day.gpkg"
    ident = area_day(shared, copy)
    before = dump(shared), dump(copy)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="The check-in was cancelled; nothing was checked in."):
        processing.run("gebiedsplugin:check_in", {"COPY": str(copy), "DECISIONS": json.dumps({ident: "mine"})},
                       feedback=feedback)
    assert (dump(shared), dump(copy)) == before
