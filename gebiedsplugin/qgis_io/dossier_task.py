"""The district dossiers' files written in a QgsTask: no layout is drawn on the main thread.

As the export's atlas (exporter.py), each dossier's layout is built and drawn in the worker thread on
a project and memory layers of its own, made there (dossier_layout.DossierLayout); nothing touches a
layer of the user's project or iface. Progress per district (half when its layout is built); a cancel
stops before the next district, so the folder holds only whole PDF + spreadsheet pairs (each file
is written atomically; a district started is finished).
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsTask

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.dossier import write_dossiers
from gebiedsplugin.toolbelt.i18n import tr


class DossierWriteTask(QgsTask):
    """Writes the *prepared* dossiers into *folder*; *on_done(written paths, error text)* runs on the
    main thread (error '' when all were written, the cancel's or failure's text otherwise)."""

    def __init__(self, prepared: list, folder: str, table_format: str, overwrite: bool, on_done: Callable):
        super().__init__(tr("Writing the district dossiers"), QgsTask.Flag.CanCancel)
        self.prepared = list(prepared)
        self.folder, self.table_format, self.overwrite = folder, table_format, overwrite
        self.on_done = on_done
        self.written: list = []
        self.error = ""

    def run(self) -> bool:
        count = max(len(self.prepared), 1)
        queue, self.prepared = self.prepared, []  # freed here as written: not on the main thread with the task
        try:
            k = 0
            while queue:
                if self.isCanceled():
                    raise ProgrammeError(tr("Cancelled."))
                self.written += write_dossiers([queue.pop(0)], self.folder, self.table_format, self.overwrite,
                                               on_step=lambda share, k=k: self.setProgress(100.0 * (k + share) / count))
                k += 1
        except ProgrammeError as e:
            self.error = str(e)
            return False
        except Exception as e:  # noqa: BLE001 - told to the planner, not swallowed
            self.error = tr("The dossier could not be written: {}").format(e)
            return False
        self.setProgress(100.0)
        return True

    def finished(self, result: bool) -> None:
        if not result and not self.error:
            self.error = tr("Cancelled.")
        self.on_done(list(self.written), "" if result else self.error)
