"""One place to log and to tell the user: QGIS's message log and the message bar.

Both pass through redact(): a message quoting a database error never shows a password.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

from gebiedsplugin.toolbelt.redact import redact

TAG = "Gebiedsplugin"


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    """Write *message* to QGIS's message log under the plugin's tab."""
    QgsMessageLog.logMessage(redact(message), TAG, level)


def notify(iface, title: str, text: str, level=Qgis.MessageLevel.Info, duration: int = 5) -> None:
    """Show a message in QGIS's message bar (and log it); quiet when there is no interface."""
    log("{}: {}".format(title, text), level)
    if iface is not None and iface.messageBar() is not None:
        iface.messageBar().pushMessage(redact(title), redact(text), level, duration)
