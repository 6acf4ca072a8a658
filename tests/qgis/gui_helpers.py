"""What the GUI tests share: the event loop run until a dock's or the controller's background work is done,
the export dock set for a small export, a programme opened in the background, a form closed."""

from __future__ import annotations

import time

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt


def pump(n: int = 10) -> None:
    """*n* turns of the event loop."""
    for _ in range(n):
        QgsApplication.processEvents()


def wait_for(done, seconds: float = 60.0) -> bool:
    """Run the event loop until done() is true or *seconds* have passed; done() then."""
    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        if done():
            return True
        time.sleep(0.01)
    return done()


def wait_for_check(dock, timeout: float = 60.0) -> None:
    """Run the event loop until the check dock's task has ended (asserted), then once more."""
    deadline = time.time() + timeout
    while dock.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert dock.task is None, "the check did not finish in time"
    QgsApplication.processEvents()


def wait_for_export(dock, timeout: float = 120.0) -> None:
    """Run the event loop until the export dock shows a result or an error (asserted)."""
    deadline = time.time() + timeout
    while dock.last_result is None and not dock.last_error and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dock.last_result is not None or dock.last_error, "the export did not end in time"


def export_dock(plugin, programme, folder):
    """The export dock set to export *programme*'s first district as PDF and CSV into *folder*."""
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_export_dock")
    dock.programme.setFilePath(str(programme))
    dock.some.setChecked(True)
    dock.districts.item(0).setCheckState(Qt.CheckState.Checked)
    dock.folder.setFilePath(str(folder))
    for fmt, box in dock.formats.items():
        box.setChecked(fmt in ("pdf", "csv"))
    return dock


def open_in_background(controller, path, outcomes: list):
    """The controller opens *path* in a task; its end is appended to *outcomes* as ("opened" | "error" |
    "cancelled", the error)."""
    return controller.open_in_background(str(path), lambda task: outcomes.append(
        ("opened" if task.store is not None else "error" if task.error is not None else "cancelled", task.error)))


def close_form(dialog, plugin) -> None:
    """Close and delete the feature form *dialog* while its layers still exist; leave no layer editing."""
    dialog.reject()
    dialog.deleteLater()
    # processEvents() leaves deferred deletes alone: delete it now, while its layers still exist.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    pump(5)
    for layer in plugin.controller.layers.values():
        if layer.isEditable():
            layer.rollBack()


def dual_view(plugin, layer, mode):
    """QGIS's attribute table (a QgsDualView in *mode*) of *layer* on the plugin's canvas, shown."""
    from qgis.gui import QgsAttributeEditorContext, QgsDualView

    view = QgsDualView()
    context = QgsAttributeEditorContext()
    context.setMapCanvas(plugin.iface.mapCanvas())
    view.init(layer, plugin.iface.mapCanvas(), context=context)
    view.setView(mode)
    view.show()
    return view
