"""Read a programme and prepare its overview in the background (QgsTask: pure run(), main-thread finished())."""

from __future__ import annotations

from qgis.core import QgsTask

from gebiedsplugin.core.aggregations import prepare
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr


def read_overview(store):
    """The prepared Overview of *store*'s programme (GeoPackage read with OGR, safe in a worker)."""
    return prepare(store.read_programme())


class OverviewTask(QgsTask):
    """Calls ``done(overview, error)`` on the main thread when finished (overview None on failure)."""

    def __init__(self, store, done):
        super().__init__(tr("Reading the programme for the overview"), QgsTask.Flag.CanCancel)
        self.store = store
        self.done = done
        self.overview = None
        self.error = ""

    def run(self) -> bool:
        try:
            self.overview = read_overview(self.store)
        except (ProgrammeError, RuntimeError, OSError) as e:
            self.error = str(e)
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        self.done(self.overview if result else None, self.error)
