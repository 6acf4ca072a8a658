"""One place to log and to tell the user: QGIS's message log and the message bar.

Both pass through redact(): a message quoting a database error never shows a password.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt import sip

from gebiedsplugin.toolbelt.redact import redact

TAG = "Gebiedsplugin"


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    """Write *message* to QGIS's message log under the plugin's tab."""
    QgsMessageLog.logMessage(redact(message), TAG, level)


def notify(iface, title: str, text: str, level=Qgis.MessageLevel.Info, duration: int = 5) -> None:
    """Show a message in QGIS's message bar (and log it); quiet when there is no interface.

    A task may end while QGIS quits, after its interface and message bar are deleted (seen on 3.44: a
    RuntimeError in the task's callback, then a crash at exit): the message then goes to the log only.
    """
    log("{}: {}".format(title, text), level)
    if not _alive(iface):
        return
    bar = iface.messageBar()
    if _alive(bar):
        bar.pushMessage(redact(title), redact(text), level, duration)


def _alive(obj) -> bool:
    """Whether *obj* is there and, when it wraps a Qt object, that object is not deleted."""
    return obj is not None and not (isinstance(obj, sip.simplewrapper) and sip.isdeleted(obj))
