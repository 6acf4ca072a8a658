"""Where the plugin's docks open: tabbed together in the right dock area, unless the planner placed them.

QGIS restores its window layout after the plugins started; Qt then appends docks the saved layout
does not know (a fresh profile) one below the other in a column, whose minimum heights add up and
push the main window past the screen. So the tab group is made again once QGIS has finished.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt


def tab_docks(main, docks: list) -> bool:
    """Tab *docks* together in the right dock area; True when they were moved.

    Left alone when a dock is shown or floating (QGIS restored the planner's own layout) or when
    they are one tab group already.
    """
    if not docks or any(d.isVisible() or d.isFloating() for d in docks):
        return False
    first = docks[0]
    if set(main.tabifiedDockWidgets(first)) >= set(docks[1:]):
        return False
    for dock in docks:
        main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
    for dock in docks[1:]:
        main.tabifyDockWidget(first, dock)
    return True
