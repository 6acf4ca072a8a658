"""Opening and creating a programme, the same from the menu and from a dock: ask, try, tell, remember.

A programme of an older schema version is upgraded in place after one confirmation that names it,
the versions and the backup copy (``store.migrate``); declined, nothing is opened or changed.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsProject

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.edit_session import session_of
from gebiedsplugin.qgis_io.store.schema_check import NeedsUpgrade
from gebiedsplugin.qgis_io.store.source_text import display_name, is_postgis
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import log, notify
from gebiedsplugin.toolbelt.numbers import seconds
from gebiedsplugin.toolbelt.settings import PluginSettings


def use_programme(iface, work, source: str, prompts=None, background: bool = False) -> bool:
    """Run *work(source)* (controller.open or .create); a clear message either way, the source remembered.

    *prompts* asks what becomes of the current programme's unsaved edits, and before an older
    programme is upgraded (default: dialogs on QGIS's main window). With *background* (the menu's and
    docks' Open) the programme is opened in a task after that question, with its progress in the
    message bar; True then means the open began, and its end is told there (scripts and tests call it
    without: it returns when the programme is open).
    """
    if prompts is None:
        from gebiedsplugin.gui.prompts import Prompts

        prompts = Prompts(iface.mainWindow() if iface is not None else None)
    controller = getattr(work, "__self__", None)
    if not settle_unsaved_edits(iface, controller, source, prompts):
        return False
    if background and getattr(work, "__name__", "") == "open" and hasattr(controller, "open_in_background"):
        open_in_background(iface, controller, source, prompts)
        return True
    try:
        try:
            work(source)
        except NeedsUpgrade:
            if not upgrade_programme(iface, source, prompts):
                return False
            work(source)
    except ProgrammeError as e:
        notify(iface, tr("Programme"), str(e), Qgis.MessageLevel.Critical, 10)
        return False
    _opened(iface, controller, source, created=getattr(work, "__name__", "") == "create")  # .create, not .open
    return True


def open_in_background(iface, controller, source: str, prompts):
    """controller.open_in_background(*source*) with its progress and a Cancel in the message bar; an older
    programme is upgraded after the question (as use_programme does) and then opened. Returns the task."""
    name = display_name(source)
    shown = _progress_message(iface, tr("Opening {}…").format(name), controller)

    def done(task) -> None:
        _drop_message(iface, shown)
        if isinstance(task.error, NeedsUpgrade):
            try:
                if upgrade_programme(iface, source, prompts):
                    open_in_background(iface, controller, source, prompts)
            except ProgrammeError as e:
                notify(iface, tr("Programme"), str(e), Qgis.MessageLevel.Critical, 10)
        elif task.error is not None:
            notify(iface, tr("Programme"), str(task.error), Qgis.MessageLevel.Critical, 10)
        elif task.cancelled:
            notify(iface, tr("Programme"), tr("{} was not opened.").format(name), Qgis.MessageLevel.Info)
        else:
            _opened(iface, controller, source, created=False)

    task = controller.open_in_background(source, done)
    if shown is not None:
        task.progressChanged.connect(lambda value: _set_progress(shown[1], value))
        shown[2].clicked.connect(lambda: controller.cancel_opening() if controller.opening is task else None)
    return task


def _progress_message(iface, text: str, controller):
    """(message bar item, its progress bar, its Cancel button) pushed onto QGIS's message bar, or None."""
    bar = iface.messageBar() if iface is not None else None
    if bar is None:
        return None
    from qgis.PyQt.QtWidgets import QProgressBar, QPushButton

    item = bar.createMessage(tr("Programme"), text)
    progress = QProgressBar(item)
    progress.setRange(0, 100)
    progress.setMaximumWidth(200)
    cancel = QPushButton(tr("Cancel"), item)
    item.layout().addWidget(progress)
    item.layout().addWidget(cancel)
    bar.pushWidget(item, Qgis.MessageLevel.Info, 0)
    return item, progress, cancel


def _set_progress(bar, value: float) -> None:
    try:
        bar.setValue(int(value))
    except RuntimeError:  # the planner closed the message
        pass


def _drop_message(iface, shown) -> None:
    if shown is None:
        return
    try:
        iface.messageBar().popWidget(shown[0])
    except RuntimeError:  # the planner closed it already
        pass


def _opened(iface, controller, source: str, created: bool) -> None:
    """Remember *source* as the last programme, show it on the map and say it is open."""
    settings = PluginSettings.load()
    settings.last_programme = source
    settings.save()
    layers = getattr(controller, "layers", {})
    name = display_name(source)
    shown = zoom_to_programme(iface, layers)
    notify(iface, tr("Programme"), (tr("Created {}") if created else tr("Opened {}")).format(name),
           Qgis.MessageLevel.Success)
    # No districts yet (a new programme): the map where they will be, not blank at 1:1, and what comes first.
    districts = layers.get("districts")
    if not shown and districts is not None and not districts.featureCount():
        zoom_to_crs_area(iface, districts.crs())
        # Short: the message bar beside two docks at 1366x768 shows one line (Created … names the programme).
        push_next_step(iface, tr("No districts yet: import them first."), "gebiedsplugin_import", tr("Import data…"))


def zoom_to_crs_area(iface, crs) -> bool:
    """The map on *crs*'s area of use (the Netherlands for RD New): where a programme's districts will be."""
    canvas = iface.mapCanvas() if iface is not None else None
    if canvas is None or not crs.isValid() or crs.bounds().isEmpty():
        return False
    target = canvas.mapSettings().destinationCrs()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), target if target.isValid() else crs,
                                       QgsProject.instance())
    try:
        extent = transform.transformBoundingBox(crs.bounds())  # bounds(): longitude and latitude
    except QgsCsException:
        return False
    if extent.isEmpty():
        return False
    canvas.setExtent(extent)
    canvas.refresh()
    return True


def push_next_step(iface, text: str, action_name: str, button_text: str):
    """*text* in the message bar until the planner closes it, with a button that runs the plugin's action
    *action_name* (an objectName) and closes the message. The message item, or None without a bar."""
    bar = iface.messageBar() if iface is not None else None
    if bar is None:
        return None
    from qgis.PyQt.QtWidgets import QPushButton

    from gebiedsplugin.toolbelt.qt_compat import QAction

    log("{}: {}".format(tr("Programme"), text))
    item = bar.createMessage(text)  # no title: one line beside the button in a map between two docks
    item.setObjectName("gebiedsplugin_next_step")
    action = iface.mainWindow().findChild(QAction, action_name) if iface.mainWindow() is not None else None
    if action is not None:
        button = QPushButton(button_text, item)
        button.setObjectName(action_name + "_button")
        button.clicked.connect(lambda: (bar.popWidget(item), action.trigger()))
        item.layout().addWidget(button)
    bar.pushWidget(item, Qgis.MessageLevel.Info, 0)
    return item


def _is_current(store, source: str) -> bool:
    """True when *source* names the programme *store* already is (reopening keeps its layers and edits)."""
    if is_postgis(source):
        return store.path == str(source)
    return store.path == str(Path(source).resolve())


def settle_unsaved_edits(iface, controller, source: str, prompts) -> bool:
    """Before *source* replaces the open programme: when that has unsaved edits, ask Save / Discard /
    Cancel. True when the switch may go on (saved through the plugin's save, or discarded); False when
    cancelled or when the save was refused (then nothing changes and the planner is told why)."""
    store = getattr(controller, "store", None)
    if store is None or _is_current(store, source) or not controller.unsaved_layers():
        return True
    session = next((s for s in map(session_of, controller.unsaved_layers()) if s is not None), None)
    count = len(session.edited_interventions()) if session is not None else 0
    text = (tr("Programme “{}” has unsaved edits in %n intervention(s).", "", count) if count
            else tr("Programme “{}” has unsaved edits.")).format(store.name)
    name = str(source).rpartition("/")[2] if is_postgis(source) else Path(source).stem  # as store.name says it
    question = text + " " + tr("Save them before “{}” is opened?").format(name)
    answer = prompts.save_discard_cancel(tr("Unsaved edits"), question)
    if answer == "discard":
        for layer in controller.unsaved_layers():
            layer.rollBack()  # noqa: QGS201 - QgsVectorLayer's, not QgsProject's
        return True
    if answer != "save":
        return False
    if session is not None and session.save():
        for layer in session.layers.values():
            if layer.isEditable():
                layer.commitChanges()  # noqa: QGS201 - nothing left to write: this only ends editing
    if not controller.unsaved_layers():
        return True
    why = session.last_error if session is not None else ""
    message = tr("{} was not opened: the edits of “{}” could not be saved. {}").format(
        display_name(source), store.name, why)
    prompts.inform(tr("Save refused"), message)
    notify(iface, tr("Programme"), message, Qgis.MessageLevel.Critical, 10)
    return False


def zoom_to_programme(iface, layers: dict) -> bool:
    """Show the whole programme (its districts) on the map: a programme opened after another, or after
    an empty one, would otherwise be off screen. False when there is nothing to show."""
    districts = layers.get("districts")
    canvas = iface.mapCanvas() if iface is not None else None
    if canvas is None or districts is None or not districts.featureCount():
        return False
    transform = QgsCoordinateTransform(districts.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
    try:
        extent = transform.transformBoundingBox(districts.extent())
    except QgsCsException:
        return False
    if extent.isEmpty():
        return False
    canvas.setExtent(extent.buffered(extent.width() * 0.03))
    canvas.refresh()
    return True


def upgrade_programme(iface, source: str, prompts=None) -> bool:
    """Ask once, then upgrade *source* in place after a backup; True when it is current afterwards.

    The upgrade runs in a task (at a million rows a PostGIS backup and the check's tables take minutes)
    while a progress dialog with Cancel keeps QGIS drawing; a cancel changes nothing. ProgrammeError
    (programme unchanged) when the upgrade fails.
    """
    from gebiedsplugin.gui.task_wait import wait_for_task
    from gebiedsplugin.qgis_io.store import migrate
    from gebiedsplugin.qgis_io.upgrade_task import UpgradeTask

    if prompts is None:
        from gebiedsplugin.gui.prompts import Prompts

        prompts = Prompts(iface.mainWindow())
    plan = migrate.plan(source)
    if not plan.needed:
        return True
    if not prompts.confirm(tr("Upgrade programme"), migrate.describe(plan)):
        notify(iface, tr("Programme"), tr("{} was not upgraded and not opened.").format(plan.label),
               Qgis.MessageLevel.Info)
        return False
    task = UpgradeTask(plan)
    wait_for_task(iface.mainWindow() if iface is not None else None, task,
                  tr("Upgrading {}…").format(plan.label))
    if task.error:
        raise ProgrammeError(task.error)
    if task.cancelled:
        notify(iface, tr("Programme"), tr("{} was not upgraded and not opened: cancelled, nothing was changed.")
               .format(plan.label), Qgis.MessageLevel.Info)
        return False
    result = task.result
    notify(iface, tr("Programme"), tr("{} upgraded from schema {} to {} in {} s; backup: {}").format(
        plan.label, result["from"], result["to"], seconds(result["seconds"]), result["backup"] or tr("none")),
        Qgis.MessageLevel.Info)
    return True


def open_programme(iface, controller, prompts, background: bool = False) -> bool:
    """Ask for a programme file and open it (in a task with *background*: see use_programme)."""
    path = prompts.open_path(PluginSettings.load().last_programme)
    return bool(path) and use_programme(iface, controller.open, path, prompts, background)


def new_programme(iface, controller, prompts) -> bool:
    """Ask for a file name and create an empty programme there."""
    path = prompts.new_path(PluginSettings.load().last_programme)
    return bool(path) and use_programme(iface, controller.create, path, prompts)
