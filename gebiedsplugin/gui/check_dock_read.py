"""The check dock's background read of a programme's findings and rule settings (FindingsReadTask): one
read at a time, a newer one or a check replaces it, and every task is kept until it has ended (a task
cancelled in the queue still ends, and its Python side must be there when it does)."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsApplication

from gebiedsplugin.qgis_io.findings_read import FindingsReadTask

# A programme with more findings than this is read in a task when the dock shows it (thousands after a
# check of 100,000 interventions: 50-845 ms on the main thread); a smaller one at once.
READ_AT_ONCE = 1000


class FindingsReader:
    """start(source) reads in a task; *on_read(task)* gets the last one started, on the main thread."""

    def __init__(self, on_read: Callable):
        self.on_read = on_read
        self.task = None
        self._tasks: list = []

    def busy(self) -> bool:
        return self.task is not None

    def start(self, source: str) -> None:
        self.stop()
        self.task = FindingsReadTask(source, self._ended)
        self._tasks.append(self.task)
        QgsApplication.taskManager().addTask(self.task)

    def stop(self) -> None:
        """The read under way is not wanted any more (its end is ignored)."""
        task, self.task = self.task, None
        if task is not None:
            task.cancel()

    def _ended(self, task) -> None:
        self._tasks.remove(task)
        if task is self.task:
            self.task = None
            self.on_read(task)
