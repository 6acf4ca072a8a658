"""The Overview's work off the main thread: read and prepare the programme (OverviewTask), then what
each panel shows for a scope, charts drawn as images (DrawTask). Both are QgsTasks with a plain run()
(no layer, no widget) and a finished() on the main thread."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsTask

from gebiedsplugin.core.aggregations import prepare
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.release import collection_paused, free_gradually
from gebiedsplugin.core.unified import build_unified
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.qt_compat import BACKGROUND_TASK

# The tasks QGIS still runs. The dock drops an outdated drawing's task for a newer one; a task whose Python
# object is freed while QGIS runs or finishes it crashes QGIS, so each is kept here until finished() ran.
_RUNNING: set = set()


def start(task: QgsTask) -> None:
    """Hand *task* to QGIS's task manager, keeping it alive until its finished()."""
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)


def read_overview(store):
    """The prepared Overview of *store*'s programme (GeoPackage read with OGR, safe in a worker)."""
    with collection_paused(keep=True):  # kept while the dock shows it: no collector pass walks it later
        programme = store.read_programme()
        unified = build_unified(programme)
        overview = prepare(programme, unified)
        # What it was made of freed a slice at a time: dropped whole on return, 100,000 features were
        # freed in one step that kept Python's lock (0.2-0.4 s, the QGIS window still).
        free_gradually(*unified.items.values(), programme.interventions, programme.projects, programme.funding,
                       programme.links, programme.neighbourhoods, programme.effect_measurements)
        return overview


def load_chart_modules() -> None:
    """Import what the panels draw with, and draw a small chart (matplotlib loads more at its first
    drawing): in the worker rather than on the main thread (0.3-0.5 s), before the Overview is read."""
    from gebiedsplugin.qgis_io.overview_render import render

    render(lambda axes: axes.bar([0], [1]) and axes.set_title("0"), 300, 200)


class OverviewTask(QgsTask):
    """Calls ``done(overview, error)`` on the main thread when finished (overview None on failure).
    ``span`` holds the programme's districts and (first, last) year, found in the worker."""

    def __init__(self, store, done):
        super().__init__(tr("Reading the programme for the overview"), BACKGROUND_TASK)
        self.store = store
        self.done = done
        self.overview = None
        self.span = None
        self.error = ""

    def run(self) -> bool:
        try:
            with collection_paused(keep=True):  # matplotlib's modules: loaded here, and never walked again
                load_chart_modules()
            self.overview = read_overview(self.store)
            self.span = (self.overview.districts(), self.overview.years())
        except (ProgrammeError, RuntimeError, OSError) as e:
            self.error = str(e)
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        try:
            self.done(self.overview if result else None, self.error, self.span if result else None)
        finally:
            _RUNNING.discard(self)


class DrawTask(QgsTask):
    """Runs ``compute()`` in a worker and hands its value to ``done(value, error)`` on the main thread
    (value None on failure or cancel)."""

    def __init__(self, compute, done):
        super().__init__(tr("Reading the programme for the overview"), BACKGROUND_TASK)
        self.compute = compute
        self.done = done
        self.value = None
        self.error = ""

    def run(self) -> bool:
        try:
            self.value = self.compute()
        except (ProgrammeError, RuntimeError, OSError, ValueError) as e:
            self.error = str(e)
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        try:
            self.done(self.value if result else None, self.error)
        finally:
            _RUNNING.discard(self)
