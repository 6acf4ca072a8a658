"""Waiting for a task the planner just asked for, with a progress dialog and Cancel, QGIS still drawing.

For a step the next one depends on (an upgrade before the open it was asked for): the caller waits in a
local event loop, so the map, the docks and the progress keep being drawn; the dialog's Cancel cancels
the task. Not for work the planner may go on beside: that runs in the background with a message bar.
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QEventLoop, Qt
from qgis.PyQt.QtWidgets import QProgressDialog

from gebiedsplugin.toolbelt.i18n import tr


def wait_for_task(parent, task, label: str) -> None:
    """Run *task* through QGIS's task manager and return when it has ended (its finished() has run),
    showing *label* with its progress and a Cancel button in a window-modal dialog over *parent*."""
    dialog = QProgressDialog(label, tr("Cancel"), 0, 100, parent)
    dialog.setObjectName("gebiedsplugin_task_wait")
    dialog.setWindowTitle(task.description())
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    loop = QEventLoop()
    ended = []

    def end() -> None:
        ended.append(True)
        loop.quit()

    task.progressChanged.connect(lambda value: dialog.setValue(int(value)))
    dialog.canceled.connect(lambda: None if ended else task.cancel())  # closing the dialog emits it too
    task.taskCompleted.connect(end)
    task.taskTerminated.connect(end)
    dialog.show()
    QgsApplication.taskManager().addTask(task)
    if not ended:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
