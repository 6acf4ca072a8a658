"""The Check in dock on its own (no plugin), and waiting for its task: it reads and checks in off the
main thread, so a test lets the event loop run until the task's outcome is shown."""

from __future__ import annotations

import time

import pytest


@pytest.fixture()
def merge_dock(qgis_iface):
    from qgis.core import QgsProject
    from qgis.PyQt import sip

    from gebiedsplugin.gui.controller import ProgrammeController
    from gebiedsplugin.gui.merge_dock import MergeDock

    controller = ProgrammeController(QgsProject.instance())
    dock = MergeDock(qgis_iface, controller)
    dock.resize(720, 520)
    yield dock
    dock.cleanup()
    controller.disconnect_project()
    sip.delete(dock)


def settle(dock, timeout: float = 120.0) -> None:
    """Run the event loop until the dock's task has finished and its outcome is shown."""
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while dock.task is not None:
        assert time.monotonic() < end, "the Check in dock's task did not finish in {} s".format(timeout)
        QCoreApplication.processEvents()
        time.sleep(0.005)
    QCoreApplication.processEvents()


def wait_until_done(task, timeout: float = 120.0) -> None:
    """Run the event loop until *task* (no longer the dock's) has stopped: ended, or already deleted by
    QGIS's task manager (3.44 deletes a finished task sooner than 3.22)."""
    from qgis.core import QgsTask
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while not sip.isdeleted(task) and task.status() not in (QgsTask.TaskStatus.Complete,
                                                            QgsTask.TaskStatus.Terminated):
        assert time.monotonic() < end, "the task did not stop in {} s".format(timeout)
        QCoreApplication.processEvents()
        time.sleep(0.005)
    QCoreApplication.processEvents()
