"""Wiring only: translator, menu and toolbar actions, docks, Processing provider.

Everything initGui() adds is remembered here and removed again by unload().
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu

from gebiedsplugin.gui.check_dock import CheckDock
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.dock_placement import tab_docks
from gebiedsplugin.gui.export_dock import ExportDock
from gebiedsplugin.gui.interventions_dock import InterventionsDock
from gebiedsplugin.gui.merge_dock import MergeDock
from gebiedsplugin.gui.neighbourhood_widget import register as register_neighbourhood_widget
from gebiedsplugin.gui.neighbourhood_widget import unregister as unregister_neighbourhood_widget
from gebiedsplugin.gui.overview_dock import OverviewDock
from gebiedsplugin.gui.programme_actions import new_programme, open_programme, use_programme
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.gui.recovery import Recovery
from gebiedsplugin.qgis_io.overlap import register_functions, unregister_functions
from gebiedsplugin.qgis_io.store import pg_pool
from gebiedsplugin.toolbelt.i18n import install_translator, tr
from gebiedsplugin.toolbelt.log import log, notify
from gebiedsplugin.toolbelt.qt_compat import QAction
from gebiedsplugin.toolbelt.resources import icon_path
from gebiedsplugin.toolbelt.settings import PluginSettings
from gebiedsplugin.toolbelt.temp_files import known_folders, sweep_in_background


def dock_factories() -> list:
    """Factories (iface, controller) -> QgsDockWidget for the plugin's docks, in tab order."""
    return [InterventionsDock, ExportDock, CheckDock, OverviewDock, MergeDock]


class GebiedsPlugin:
    """The QGIS plugin object."""

    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator(QCoreApplication.instance())
        self.provider = None
        self.controller = None
        self.menu = None
        self.toolbar = None
        self.actions: list = []
        self.docks: list = []
        self.sweeper = None
        self.recovery = None
        self._first_steps = False  # the first step is still to be shown (a first start)

    # --- Processing -------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS's name)
        """Register the Processing provider (also called by QGIS when running headless)."""
        if self.provider is None:
            from gebiedsplugin.processing_provider.provider import GebiedsProvider

            self.provider = GebiedsProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- GUI ---------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        """Menu, toolbar, docks and provider; temporary files of an interrupted write are removed."""
        settings = PluginSettings.load()
        self.sweeper = sweep_in_background(known_folders(settings.last_programme, settings.last_output_folder),
                                           _log_removed)
        self.initProcessing()
        register_functions()
        register_neighbourhood_widget()  # before the controller: a project read gets it too
        self.controller = ProgrammeController()
        self.recovery = Recovery(self.iface, self.controller)  # unsaved edits journalled, offered back
        main = self.iface.mainWindow()
        self.menu = QMenu(tr("&Area programme"), main)
        right = self.iface.firstRightStandardMenu() if hasattr(self.iface, "firstRightStandardMenu") else None
        if isinstance(right, QMenu):  # before Help, where QGIS puts plugin menus
            main.menuBar().insertMenu(right.menuAction(), self.menu)
        else:
            main.menuBar().addMenu(self.menu)
        self.menu.setObjectName("gebiedspluginMenu")
        self.toolbar = self.iface.addToolBar(tr("Area programme"))
        self.toolbar.setObjectName("gebiedspluginToolbar")
        self._action("new", tr("New programme…"), "/mActionNewGeoPackageLayer.svg", self.new_programme)
        self._action("open", tr("Open programme…"), "/mActionFileOpen.svg", self.open_programme)
        self._action("open_postgis", tr("Open PostGIS programme…"), "/mIconPostgis.svg", self.open_postgis, False)
        self._action("sample", tr("Generate sample city…"), "gebiedsplugin.svg", self.generate_sample,
                     toolbar=False)
        self._action("import", tr("Import data…"), "/mActionAddOgrLayer.svg", self.import_data, toolbar=False)
        self._action("check_out", tr("Check out districts for offline work…"), "/mActionDuplicateLayer.svg",
                     self.check_out, toolbar=False)
        for factory in dock_factories():
            dock = factory(self.iface, self.controller)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            toggle = dock.toggleViewAction()
            self.menu.addAction(toggle)
            self.toolbar.addAction(toggle)
            self.docks.append(dock)
        tab_docks(main, self.docks)
        # A new user (nothing done with the plugin yet) sees its first step: the Interventions dock.
        self._first_steps = not (settings.first_steps_shown or settings.last_programme)
        # At QGIS start-up the window layout is restored after initGui(): tab them again after that, and
        # only then show the first step (a dock shown before is put in a column of its own by the restore).
        starting = hasattr(self.iface, "initializationCompleted") and not main.isVisible()
        if hasattr(self.iface, "initializationCompleted"):
            self.iface.initializationCompleted.connect(self._place_docks)
        if not starting:  # enabled in the Plugin Manager: QGIS has started, nothing is restored after this
            self._show_first_steps()
        self.controller.adopt_project_layers()

    def _place_docks(self):
        tab_docks(self.iface.mainWindow(), self.docks)
        self._show_first_steps()

    def _show_first_steps(self):
        """On the plugin's first start: the Interventions dock in view, tabbed with the others (once)."""
        if not self._first_steps or not self.docks:
            return
        self._first_steps = False
        self.docks[0].show()
        self.docks[0].raise_()
        settings = PluginSettings.load()
        settings.first_steps_shown = True
        settings.save()

    def _action(self, key: str, text: str, icon: str, slot, toolbar: bool = True) -> QAction:
        # "/name.svg": one of QGIS's theme icons; else a file of the plugin's resources/icons.
        qicon = QgsApplication.getThemeIcon(icon) if icon.startswith("/") else QIcon(icon_path(icon))
        action = QAction(qicon, text, self.iface.mainWindow())
        action.setObjectName("gebiedsplugin_" + key)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def unload(self):
        """Remove everything initGui() and initProcessing() added."""
        if hasattr(self.iface, "initializationCompleted"):
            try:
                self.iface.initializationCompleted.disconnect(self._place_docks)
            except TypeError:  # not connected (a test's iface)
                pass
        for dock in self.docks:
            if hasattr(dock, "cleanup"):
                dock.cleanup()
            self.iface.removeDockWidget(dock)
            dock.deleteLater()
        self.docks = []
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.recovery is not None:
            self.recovery.unload()
            self.recovery = None
        if self.controller is not None:
            self.controller.disconnect_project()
            self.controller = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        unregister_functions()
        unregister_neighbourhood_widget()
        pg_pool.close_all()
        if self.sweeper is not None:
            self.sweeper.join(2.0)
            self.sweeper = None
        if self.translator is not None:
            QCoreApplication.instance().removeTranslator(self.translator)
            self.translator = None

    # --- actions -----------------------------------------------------------------------------
    def new_programme(self):
        """Ask for a file name and create an empty programme there."""
        new_programme(self.iface, self.controller, Prompts(self.iface.mainWindow()))

    def open_programme(self):
        """Ask for a programme file and load its layers."""
        open_programme(self.iface, self.controller, Prompts(self.iface.mainWindow()), background=True)

    def open_postgis(self):
        """Choose a QGIS PostgreSQL connection and schema; open (or create) that programme."""
        from gebiedsplugin.gui.postgis_dialog import CREATE, PostgisDialog

        dialog = PostgisDialog(self.iface.mainWindow())
        if dialog.exec():
            source = dialog.source()
            work = self.controller.create if dialog.mode == CREATE else self.controller.open
            use_programme(self.iface, work, source, Prompts(self.iface.mainWindow()), background=True)

    def generate_sample(self):
        """Open the Processing dialog of generate_sample; the sample is opened once written."""
        from gebiedsplugin.gui.sample_action import generate_sample

        generate_sample(self.iface, self.controller, Prompts(self.iface.mainWindow()))

    def check_out(self):
        """Open the Processing dialog of check_out with the open programme filled in."""
        from qgis import processing

        store = self.controller.store
        # The copy beside the programme, not Processing's temporary file that is gone after the area day.
        params = {"PROGRAMME": store.path, "OUTPUT": str(Path(store.folder()) / (store.name + "_offline.gpkg"))
                  } if store else {}
        processing.execAlgorithmDialog("gebiedsplugin:check_out", params)

    def import_data(self):
        """Open the import dialog for the current programme."""
        from gebiedsplugin.gui.import_dialog import ImportDialog

        unsaved = self.controller.unsaved_layers()
        if unsaved:
            # The import writes to the saved programme; a later save of these edits would undo it.
            notify(self.iface, tr("Import"), tr("Save or discard the unsaved edits in {} before importing.").format(
                ", ".join(layer.name() for layer in unsaved)), Qgis.MessageLevel.Warning, 10)
            return
        dialog = ImportDialog(self.iface, self.controller)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def _log_removed(removed: list) -> None:
    """Log the temporary files a start-up sweep removed (runs in the sweep's thread)."""
    if removed:
        log(tr("Removed {} temporary files left by an interrupted write: {}").format(len(removed), ", ".join(removed)))
