"""The check dock's reading of a programme: the findings register and the rule settings, in a QgsTask.

After a check of 100,000 interventions the register holds thousands of findings; read on the main thread
when the dock first shows the programme (GDAL, a dict per finding, dates as text), it stopped QGIS for
50-845 ms (#18). The task opens the store itself (as CheckTask does) and touches no layer; *on_done(task)*
runs on the main thread.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsTask

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.release import collection_paused
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.qt_compat import BACKGROUND_TASK
from gebiedsplugin.toolbelt.redact import redact


class FindingsReadTask(QgsTask):
    """After it ended: ``rows`` (the register's rows) and ``settings`` (the settings table's rows), or
    ``error``."""

    def __init__(self, source: str, on_done: Callable):
        super().__init__(tr("Reading the findings of {}").format(redact(source)), BACKGROUND_TASK)
        self.source = source
        self.on_done = on_done
        self.rows: list | None = None
        self.settings: list | None = None
        self.error = ""

    def run(self) -> bool:
        try:
            with collection_paused():  # a collector's pass here would hold Python's lock for QGIS's window
                store = open_store(self.source)
                self.settings = store.read_table("settings")[0]
                self.rows = store.findings_register().rows()
        except ProgrammeError as e:
            self.error = str(e)
            return False
        except Exception as e:  # noqa: BLE001 - told to the planner with the source, not swallowed
            self.error = tr("Reading the findings of {} failed: {}").format(redact(self.source), e)
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        self.on_done(self)
