"""How long work ends in the message bar: a result that stays, with a button to the output folder."""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QPushButton

from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import log


def open_folder(folder: str) -> bool:
    """Open *folder* in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def push_result(iface, title: str, text: str, folder: str = "", level=Qgis.MessageLevel.Success):
    """Log *text* and show it in the message bar until the planner closes it (a later "Task complete"
    does not hide it); with *folder*, a button opens it. The message item (None without a bar)."""
    log("{}: {}".format(title, text), level)
    bar = iface.messageBar() if iface is not None else None
    if bar is None:
        return None
    item = bar.createMessage(title, text)
    if folder:
        button = QPushButton(tr("Open folder"), item)
        button.setObjectName("gebiedsplugin_open_folder")
        button.clicked.connect(lambda: open_folder(folder))
        item.layout().addWidget(button)
    bar.pushWidget(item, level, 0)
    return item
