"""A task that ends while QGIS quits tells the log, not a deleted interface (a crash at exit on 3.44)."""

from pytest_qgis.qgis_interface import QgisInterface
from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QMainWindow

from gebiedsplugin.toolbelt.log import TAG, notify


def _logged(run):
    seen = []

    def keep(message, tag, _level):
        if tag == TAG:
            seen.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        run()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    return seen


def _interface():
    bar = QgsMessageBar()
    return QgisInterface(QgsMapCanvas(), bar, QMainWindow()), bar


def test_deleted_interface_logs_only():
    iface, _bar = _interface()
    sip.delete(iface)
    seen = _logged(lambda: notify(iface, "Overview", "read failed", Qgis.MessageLevel.Warning))
    assert seen == ["Overview: read failed"]


def test_deleted_message_bar_logs_only():
    iface, bar = _interface()
    sip.delete(bar)
    seen = _logged(lambda: notify(iface, "Overview", "read failed", Qgis.MessageLevel.Warning))
    assert seen == ["Overview: read failed"]


def test_live_interface_shows_the_message():
    iface, bar = _interface()
    notify(iface, "Overview", "read failed", Qgis.MessageLevel.Warning)
    assert bar.currentItem() is not None
    assert bar.currentItem().text() == "read failed"
