"""Checking in an offline copy (or only seeing what it would do) off the main thread.

CheckInTask runs store/offline.py's check_in() as a QgsTask with progress and cancel: the worker
opens the copy and the shared programme itself and touches no layer; *on_done(result, error_text)*
runs on the main thread, where the caller may reload the programme's layers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from qgis.core import QgsTask

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.release import collection_paused
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store.offline import CheckInResult, check_in
from gebiedsplugin.qgis_io.store.save import planner_name
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.qt_compat import BACKGROUND_TASK


class CheckInTask(QgsTask):
    """check_in(*copy*, *decisions*, dry_run=*dry_run*) as a background task."""

    def __init__(self, copy: str, decisions: dict, on_done: Callable, dry_run: bool = False):
        name = Path(copy).name
        super().__init__(tr("Reading {}").format(name) if dry_run else tr("Checking in {}").format(name),
                         BACKGROUND_TASK if dry_run else QgsTask.Flag.CanCancel)
        self.copy = copy
        self.name = name
        self.decisions = dict(decisions)  # as taken when the task started; the dock may take more meanwhile
        self.dry_run = dry_run
        self.on_done = on_done
        self.planner = planner_name()  # asked here, on the main thread
        self.result: Optional[CheckInResult] = None
        self.error = ""

    def run(self) -> bool:
        try:
            with collection_paused():  # a full collector pass over a large copy would stop the QGIS window
                self.result = check_in(self.copy, self.decisions, planner=self.planner, dry_run=self.dry_run,
                                       progress=self.setProgress, cancelled=self.isCanceled)
        except Cancelled:
            self.error = self._cancelled_text()
            return False
        except ProgrammeError as e:  # its text names the copy, or it is said which copy it is about
            self.error = str(e) if Path(self.copy).stem in str(e) else self._failed(e)
            return False
        except Exception as e:  # noqa: BLE001 - reported to the user, not swallowed
            self.error = self._failed(e)
            return False
        return True

    def finished(self, result: bool) -> None:
        if not result and not self.error:  # cancelled before it started
            self.error = self._cancelled_text()
        self.on_done(self.result if result else None, self.error)

    def _cancelled_text(self) -> str:
        if self.dry_run:
            return tr("Reading {} was cancelled.").format(self.name)
        return tr("The check-in of {} was cancelled; nothing was checked in.").format(self.name)

    def _failed(self, error) -> str:
        failed = tr("Reading {} failed: {}") if self.dry_run else tr("Checking in {} failed: {}")
        return failed.format(self.copy, error)
