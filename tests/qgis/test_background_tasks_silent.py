"""The reads the plugin runs on its own account (the Overview's, the Check in dock's look at a copy) stay
out of QGIS's "Task complete" / "Task failed" notices where QGIS can (3.26+: QgsTask.Flag.Silent): the
walk on QGIS 3.44 saw "Task failed: Reading the programme for the overview" after every check (a read a
newer one superseded). What the planner starts (a check-in, a check, an export) is still told."""

from __future__ import annotations

import pytest
from qgis.core import QgsTask

from gebiedsplugin.qgis_io.check_in_task import CheckInTask
from gebiedsplugin.qgis_io.overview_task import DrawTask, OverviewTask

SILENT = getattr(QgsTask.Flag, "Silent", None)


def _flags(task) -> int:
    return int(task.flags())


@pytest.mark.parametrize("make", [
    lambda: OverviewTask(None, lambda *_: None),
    lambda: DrawTask(lambda: None, lambda *_: None),
    lambda: CheckInTask("copy.gpkg", {}, lambda *_: None, dry_run=True),
], ids=["overview", "overview-chart", "check-in-read"])
def test_the_plugins_own_reads_are_silent_and_can_be_cancelled(qgis_app, make):
    task = make()
    assert _flags(task) & int(QgsTask.Flag.CanCancel)
    if SILENT is None:
        pytest.skip("QGIS < 3.26 has no silent tasks")
    assert _flags(task) & int(SILENT)


def test_a_check_in_the_planner_starts_is_told(qgis_app):
    task = CheckInTask("copy.gpkg", {}, lambda *_: None, dry_run=False)
    assert _flags(task) & int(QgsTask.Flag.CanCancel)
    assert SILENT is None or not _flags(task) & int(SILENT)
