"""Opening a programme off the main thread: the store opened and checked, its layers made, styled and
given their forms, and the programme's years read, in a QgsTask with progress and cancel.

QGIS's Processing makes layers in its task threads the same way and hands them to the main thread
before anything there uses them (QgsProcessingContext::pushToThread): the layers here belong to no
project until then, and the task moves them to the application's thread at the end of run(), the only
thread that may push them. *on_done(task)* runs on the main thread, where the caller puts them into the
project (loader.add_programme_layers) or drops them.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsApplication, QgsTask

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.loader import build_layers
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.qgis_io.store.schema_check import NeedsUpgrade
from gebiedsplugin.qgis_io.store.source_text import display_name
from gebiedsplugin.qgis_io.temporal import programme_years
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.redact import redact


class OpenProgrammeTask(QgsTask):
    """open_store(*source*) and build_layers() in the background.

    After it ended: ``store``, ``layers`` (in the main thread) and ``years`` when it worked; else
    ``error`` (a ProgrammeError naming the source, NeedsUpgrade when the programme is of an older
    schema) or ``cancelled``.
    """

    def __init__(self, source: str, lang: str, on_done: Callable):
        super().__init__(tr("Opening programme {}").format(display_name(source)), QgsTask.Flag.CanCancel)
        self.source = source
        self.lang = lang
        self.on_done = on_done
        self.store = None
        self.layers: dict = {}
        self.years = None
        self.error: Exception | None = None
        self.cancelled = False

    def run(self) -> bool:
        try:
            store = open_store(self.source)
            if getattr(store, "kind", "") == "postgis":  # the check's tables of the version before made current
                from gebiedsplugin.qgis_io.store.pg_migrate import add_check_tables

                add_check_tables(store, self.isCanceled)
            self._step(1, 10)
            layers = build_layers(store, self.lang, lambda done, total: self._step(1 + done, total + 2))
            years = programme_years(layers)
            for layer in layers.values():
                # The layer keeps its extent: QGIS asks for it on the main thread as the layers come in (the
                # canvas's full extent), and OGR may read every feature of a GeoPackage table for it.
                layer.extent()
        except Cancelled:
            self.cancelled = True
            return False
        except (ProgrammeError, NeedsUpgrade) as e:
            self.error = e
            return False
        except Exception as e:  # noqa: BLE001 - told to the planner with the source, not swallowed
            self.error = ProgrammeError(tr("Opening {} failed: {}").format(redact(self.source), e))
            return False
        if self.isCanceled():
            self.cancelled = True
            return False  # the layers go with this thread's last reference to them
        main = QgsApplication.instance().thread()
        for layer in layers.values():
            layer.moveToThread(main)
        self.store, self.layers, self.years = store, layers, years
        return True

    def _step(self, done: int, total: int) -> None:
        if self.isCanceled():
            raise Cancelled()
        self.setProgress(100.0 * done / total)

    def finished(self, result: bool) -> None:
        if not result and self.error is None:
            self.cancelled = True  # cancelled before it started
        self.on_done(self)
