"""A programme with many findings is read by the check dock in a task (#18: after a check of 100,000
interventions the dock's first showing read thousands of findings on the main thread, 50-845 ms): the dock
says so, shows the same findings and rule settings as the register holds (counted with SQL), and a newer
programme or a check wins over a read still under way."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest
from qgis.core import QgsApplication

from gebiedsplugin.gui import check_dock
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check


def _settle(dock, timeout=60.0) -> None:
    deadline = time.time() + timeout
    while (dock.reading() or QgsApplication.taskManager().countActiveTasks()) and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsApplication.processEvents()
    assert not dock.reading()


@pytest.fixture()
def checked(sample_gpkg, tmp_path):
    """The sample city checked (its findings written), as a file; its findings and settings counted."""
    path, _ = sample_gpkg
    run_check(CheckRequest(str(path)))
    with sqlite3.connect(str(path)) as db:
        counts = (db.execute("SELECT count(*) FROM findings").fetchone()[0],
                  sorted(k for (k,) in db.execute("SELECT key FROM settings")))
    assert counts[0] > 20
    return path, counts


@pytest.fixture()
def dock(plugin, monkeypatch, checked):
    monkeypatch.setattr(check_dock, "READ_AT_ONCE", 20)  # the sample's findings count as many here
    found = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_check_dock")
    found.show()
    return found


def test_many_findings_are_read_in_a_task(dock, checked, plugin):
    path, (findings, keys) = checked
    plugin.controller.open(str(path))
    assert dock.reading() and dock.rows == [] and dock.status.text() == "Reading the findings…"
    _settle(dock)
    assert len(dock.rows) == findings and dock.last_error == ""
    assert sorted(dock.params_read) == keys
    assert sum(dock.tree.topLevelItem(i).childCount() for i in range(dock.tree.topLevelItemCount())) + \
        sum(len(p[1]) for p in dock.tree.pending) == findings
    assert dock.status.text() == "{} of {} findings shown.".format(findings, findings)


def test_a_newer_programme_wins_over_a_read_under_way(dock, checked, plugin, tmp_path, empty_gpkg):
    path, _ = checked
    plugin.controller.open(str(path))
    assert dock.reading()
    plugin.controller.open(str(empty_gpkg))  # few findings: read at once, the first read's end ignored
    assert not dock.reading() and dock.rows == []
    _settle(dock)
    assert dock.rows == [] and dock.last_error == ""


def test_a_check_wins_over_a_read_under_way(dock, checked, plugin, tmp_path):
    path, (findings, _) = checked
    copy = tmp_path / "again.gpkg"
    shutil.copy(path, copy)
    plugin.controller.open(str(copy))
    assert dock.reading() and dock.run_check()
    assert not dock.reading()
    deadline = time.time() + 120
    while dock.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    _settle(dock)
    assert dock.last_error == "" and len(dock.rows) == findings
