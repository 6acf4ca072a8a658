"""The "Overview" dock: per district (or the city) and period, where the money goes, where interventions
stack up, priorities, a timeline linked to the map, comparable cases and effects.

Thin: the programme is read with ``store.read_programme()`` (in a QgsTask) and prepared once by the
core; every panel shows what ``core.aggregations`` / ``core.comparisons`` return for the scope.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsExpression, QgsFeatureRequest
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.gui.dossier_action import DossierAction
from gebiedsplugin.gui.layer_watch import LayerWatcher
from gebiedsplugin.gui.overview_funding import FundingPanel
from gebiedsplugin.gui.overview_panels import CasesPanel, CoveragePanel, EffectsPanel, MoneyPanel, StackingPanel
from gebiedsplugin.gui.overview_progress import ProgressPanel
from gebiedsplugin.gui.overview_timeline import TimelinePanel
from gebiedsplugin.gui.programme_dock import ProgrammeDock
from gebiedsplugin.qgis_io.overview_tables import period_text
from gebiedsplugin.qgis_io.overview_task import DrawTask, OverviewTask, read_overview
from gebiedsplugin.qgis_io.overview_task import start as start_task
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import notify

WATCHED = schema.INTERVENTION_TABLES + ("funding", "area_goals", "area_budgets", "neighbourhoods", "districts")


class OverviewDock(ProgrammeDock):
    """Money, stacking, priorities, timeline, comparable cases and effects of the open programme."""

    def __init__(self, iface, controller, parent=None, lang: str = None):
        super().__init__(tr("Overview"), "gebiedsplugin_overview_dock", iface, controller, parent, lang)
        self.overview = None
        self.span = None  # (districts, (first, last) year) of the overview, found in the worker
        self.task = None
        self.draw_task = None
        self.drawn_for = None  # the scope the panels show
        self.generation = 0  # of the drawings asked for: a late one of an older scope is dropped
        self.showing: list = []  # (panel, computed value) of a drawing still being put in its panels
        self.background = False  # draw in a worker (the dock shown to a planner); tests draw at once
        self.selected_uid = ""
        self.watcher = LayerWatcher(delay_ms=500, parent=self)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(300)
        self.debounce.timeout.connect(lambda: self.reload(background=True))
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setSingleShot(True)
        self.redraw_timer.setInterval(300)
        self.redraw_timer.timeout.connect(lambda: self.refresh(only=(self.money, self.timeline)))
        self.stale = False  # the programme changed while the dock was hidden
        self._build()
        self.visibilityChanged.connect(self._on_visibility)
        self.follow_programme()

    # --- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.district = QComboBox(body)
        self.district.setObjectName("overview_district")
        # Room for a district's name: beside the years and the button it was cut to "Gemeent" in a narrow dock.
        self.district.setMinimumContentsLength(14)
        self.district.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.year_from, self.year_to = QSpinBox(body), QSpinBox(body)
        for name, spin in (("overview_year_from", self.year_from), ("overview_year_to", self.year_to)):
            spin.setObjectName(name)
            spin.setRange(schema.MIN_YEAR, schema.MAX_YEAR)
        row.addWidget(QLabel(tr("Area"), body))
        row.addWidget(self.district, 1)
        row.addWidget(QLabel(tr("From"), body))
        row.addWidget(self.year_from)
        row.addWidget(QLabel(tr("to"), body))
        row.addWidget(self.year_to)
        self.dossier_button = QPushButton(tr("Dossier…"), body)
        self.dossier_button.setObjectName("overview_dossier")
        self.dossier_button.setToolTip(tr("District dossier: a PDF and a spreadsheet for the chosen district, or "
                                          "for every district when the whole city is chosen."))
        self.dossier = DossierAction(self)
        self.dossier_button.clicked.connect(lambda _checked=False: self.dossier.start())
        row.addWidget(self.dossier_button)
        layout.addLayout(row)
        self.status = QLabel(body)
        self.status.setObjectName("overview_status")
        layout.addWidget(self.status)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("overview_tabs")
        self.panels_built = False
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.district.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_from.valueChanged.connect(lambda _v: self.refresh())
        self.year_to.valueChanged.connect(lambda _v: self.refresh())
        self.watcher.changed.connect(self.schedule_reload)
        self.watcher.selectionChanged.connect(self._map_selection_changed)

    def ensure_panels(self) -> None:
        """Create the panels (all that are not yet: the dock makes them while the programme is read)."""
        while not self.panels_built:
            self._add_panel()

    def _build_panels_gradually(self) -> None:
        """The panels one per turn of the event loop, while the programme is read: created all at once
        they took the QGIS window 0.15 s (each tab's widgets styled and laid out)."""
        if not self.panels_built:
            self._add_panel()
            QTimer.singleShot(0, self._build_panels_gradually)

    def _add_panel(self) -> None:
        name, make, text = ((("money", MoneyPanel, tr("Money")), ("funding", FundingPanel, tr("Funding gap")),
                             ("stacking", StackingPanel, tr("Stacking")), ("coverage", CoveragePanel, tr("Priorities")),
                             ("timeline", TimelinePanel, tr("Timeline")),
                             ("cases", CasesPanel, tr("Comparable cases")), ("effects", EffectsPanel, tr("Effects")),
                             ("progress", ProgressPanel, tr("Progress")))[self.tabs.count()])
        panel = make()
        setattr(self, name, panel)
        self.tabs.addTab(panel, text)
        if name == "progress":  # the last one
            self.timeline.clicked.connect(self.select_uid)
            self.timeline.redraw = lambda: self.refresh(only=(self.timeline,))
            self.money.canvas.resized.connect(self.schedule_redraw)
            self.timeline.canvas.resized.connect(self.schedule_redraw)
            self.panels_built = True

    def cleanup(self) -> None:
        """Disconnect from the controller and layers (plugin unload)."""
        self.generation += 1  # nothing left to show in panels that go
        self.showing = []
        self.watcher.clear()
        self.debounce.stop()
        self.redraw_timer.stop()
        if self.task is not None:  # a read still running must not fill the panels of a dock that is gone
            self.task.done = lambda *_args: None
            self.task.cancel()
            self.task = None
        if self.draw_task is not None:
            self.draw_task.done = lambda *_args: None
            self.draw_task.cancel()
            self.draw_task = None
        super().cleanup()

    # --- data ----------------------------------------------------------------------------------
    def on_programme_changed(self) -> None:
        layers = self.controller.layers
        self.watcher.watch([layers[t] for t in WATCHED if t in layers],
                           [layers[t] for t in schema.INTERVENTION_TABLES if t in layers])
        self.overview = None
        self._reset_scope()  # another programme: its own period and area, not the previous one's
        if self.controller.store is None:
            self.reload()  # nothing to read: clear the panels at once, shown or not
        else:
            self.status.setText(tr("Reading the programme…"))  # not the last programme's "No programme open."
            self.schedule_reload()

    def schedule_reload(self) -> None:
        """Reload after a short pause (edits come in bursts); a hidden dock waits until it is shown."""
        if not self.shown():
            self.stale = True  # no reading of a whole programme for a dock nobody looks at
            return
        self.debounce.start()

    def _on_visibility(self, visible: bool) -> None:
        if visible and self.stale:
            self.stale = False
            self.debounce.start()

    def reload(self, background: bool = False) -> None:
        """Read and prepare the programme (in a QgsTask when *background*), then refresh the panels."""
        self.debounce.stop()
        self.stale = False
        self.background = background
        store = self.controller.store
        if store is None:
            self._loaded(None, "")
            return
        if not background:
            try:
                self._loaded(read_overview(store), "")
            except ProgrammeError as e:
                self._loaded(None, str(e))
            return
        self.status.setText(tr("Reading the programme…"))
        self.task = OverviewTask(store, self._loaded)
        start_task(self.task)
        QTimer.singleShot(0, self._build_panels_gradually)

    def busy(self) -> bool:
        """Whether the dock is still reading or drawing (tests wait for it)."""
        return self.task is not None or self.draw_task is not None or bool(self.showing)

    def _loaded(self, overview, error: str, span=None) -> None:
        self.task = None
        if error:
            notify(self.iface, tr("Overview"), error, Qgis.MessageLevel.Warning)
        self.overview = overview
        self.span = span if span is not None or overview is None else (overview.districts(), overview.years())
        self.drawn_for = None
        self._fill_selectors()
        self.refresh()

    def _fill_selectors(self) -> None:
        ov = self.overview
        current = self.district.currentData()
        widgets = (self.district, self.year_from, self.year_to)
        for w in widgets:
            w.blockSignals(True)
        self.district.clear()
        if ov is not None:
            self.district.addItem(self.area_name(schema.CITY_ID), schema.CITY_ID)
            for d in self.span[0]:
                self.district.addItem(self.area_name(d), d)
            index = self.district.findData(current)
            self.district.setCurrentIndex(max(index, 0))
            first, last = self.span[1]
            if first is not None and (current is None or self.year_from.value() == schema.MIN_YEAR):
                self.year_from.setValue(first)
                self.year_to.setValue(last)
        for w in widgets:
            w.blockSignals(False)

    def _reset_scope(self) -> None:
        widgets = (self.district, self.year_from, self.year_to)
        for w in widgets:
            w.blockSignals(True)
        self.district.clear()
        self.year_from.setValue(schema.MIN_YEAR)
        self.year_to.setValue(schema.MIN_YEAR)
        for w in widgets:
            w.blockSignals(False)

    def area_name(self, district: str) -> str:
        """The name of *district*; the city's own name, or "Whole city" (never the raw id "city")."""
        key = district or schema.CITY_ID
        name = self.overview.district_names.get(key) if self.overview is not None else None
        return name or (tr("Whole city") if key == schema.CITY_ID else key)

    # --- scope ---------------------------------------------------------------------------------
    def scope(self) -> tuple:
        """(district id or 'city', year from, year to) as chosen."""
        return self.district.currentData() or schema.CITY_ID, self.year_from.value(), self.year_to.value()

    def set_scope(self, district: str = None, year_from: int = None, year_to: int = None) -> None:
        """Choose the area and period as a user would (each change refreshes the panels)."""
        if district is not None:
            self.district.setCurrentIndex(self.district.findData(district))
        if year_from is not None:
            self.year_from.setValue(year_from)
        if year_to is not None:
            self.year_to.setValue(year_to)

    def refresh(self, only: tuple = ()) -> None:
        """Show the scope's figures in every panel (or in the panels *only*): computed and drawn in a
        worker when the dock reads in the background, the status saying so meanwhile."""
        ov = self.overview
        # Area, period and Dossier… mean nothing until a programme is read (before: "2000 to 2000" and a
        # Dossier… button that did nothing).
        for widget in (self.district, self.year_from, self.year_to, self.dossier_button):
            widget.setEnabled(ov is not None)
        if ov is None:
            self.status.setText(tr("No programme open.") if self.controller.store is None else "")
            return
        district, year_from, year_to = self.scope()
        if year_to < year_from:
            self.status.setText(tr("The period ends before it starts."))
            return
        if self.span[1][0] is None:
            status = tr("{} · no interventions yet").format(self.area_name(district))
        else:
            status = tr("{} · {}").format(self.area_name(district), period_text(year_from, year_to))
        self.ensure_panels()
        if self.draw_task is not None or self.showing:
            only = ()  # a drawing (of every panel, maybe) is under way: this one replaces it whole
        panels = only or (self.money, self.funding, self.stacking, self.coverage, self.timeline, self.effects,
                          self.progress)
        scope = (district, year_from, year_to, self.lang)
        if not self.background:
            self.status.setText(status)
            for panel in panels:
                panel.update_scope(ov, *scope)
            self.cases.update_subject(ov, self.selected_uid, self.lang)
            return
        jobs = [(panel, panel.geometry_now() if hasattr(panel, "geometry_now") else None) for panel in panels]
        self.showing = []  # a drawing not yet shown whole: the newer one replaces it
        self.generation += 1
        generation = self.generation
        if self.draw_task is not None:
            self.draw_task.done = lambda *_args: None  # an older scope's drawing: not shown
            self.draw_task.cancel()
        if not only:
            self.status.setText(tr("Reading the programme…"))

        def compute():  # in the worker: the Overview and images only, no widget
            # The collector runs as usual: a pause would leave one pass over all the panels made (tens of
            # thousands of table rows) to the end; the Overview itself is out of its sight (read_overview).
            return [panel.compute(ov, *scope, geometry) for panel, geometry in jobs]

        def done(values, error):
            if generation != self.generation:
                return
            self.draw_task = None
            if error:
                notify(self.iface, tr("Overview"), error, Qgis.MessageLevel.Warning)
            if values is None:
                self.status.setText(status)
                return
            self.showing = [(panel, value) for (panel, _geometry), value in zip(jobs, values)]
            show_next()

        def show_next():  # a panel per turn of the event loop: all at once held the QGIS window 0.17 s at 100k
            if generation != self.generation or not self.showing:
                return
            panel, value = self.showing[0]
            panel.show_data(ov, *scope, value)
            del self.showing[0]
            if self.showing:
                QTimer.singleShot(0, show_next)
                return
            if not only:
                self.cases.update_subject(ov, self.selected_uid, self.lang)
            self.status.setText(status)
            self.drawn_for = (id(ov),) + scope

        self.draw_task = DrawTask(compute, done)
        start_task(self.draw_task)

    def schedule_redraw(self) -> None:
        """A chart's widget changed size: draw the charts again at the new size, after a pause."""
        if self.overview is not None and self.panels_built and self.shown():
            self.redraw_timer.start()

    # --- selection and map -------------------------------------------------------------------------
    def select_uid(self, uid: str) -> None:
        """Select the intervention *uid* on the map, zoom to it and show its comparable cases."""
        self.ensure_panels()
        self.selected_uid = uid
        found = self.find_feature(uid)
        if found is not None:
            layer, fid = found
            self.watcher.blockSignals(True)
            try:
                for table in schema.INTERVENTION_TABLES:
                    other = self.controller.layer(table)
                    if other is not None:
                        other.selectByIds([fid] if other is layer else [])
            finally:
                self.watcher.blockSignals(False)
            canvas = self.iface.mapCanvas()
            canvas.zoomToFeatureIds(layer, [fid])
            canvas.flashFeatureIds(layer, [fid])
        self.timeline.set_highlight(uid)
        self.cases.update_subject(self.overview, uid, self.lang)

    def find_feature(self, uid: str):
        """(layer, fid) of the intervention *uid* across the interventions layers, or None."""
        for table in schema.INTERVENTION_TABLES:
            layer = self.controller.layer(table)
            if layer is None:
                continue
            request = QgsFeatureRequest().setFilterExpression(QgsExpression.createFieldEqualityExpression("uid", uid))
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry).setNoAttributes().setLimit(1)
            for feature in layer.getFeatures(request):
                return layer, feature.id()
        return None

    def _map_selection_changed(self, layer) -> None:
        ids = layer.selectedFeatureIds()
        if len(ids) == 1 and self.overview is not None and self.panels_built:
            uid = layer.getFeature(ids[0])["uid"]
            if uid and uid != self.selected_uid:
                self.selected_uid = str(uid)
                self.timeline.set_highlight(self.selected_uid)
                self.cases.update_subject(self.overview, self.selected_uid, self.lang)
