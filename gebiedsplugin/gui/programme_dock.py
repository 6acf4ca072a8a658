"""What every dock of the plugin shares: its name, collaborators and the programme connection."""

from __future__ import annotations

from qgis.gui import QgsDockWidget

from gebiedsplugin.toolbelt.i18n import ui_language


class ProgrammeDock(QgsDockWidget):
    """A dock following the controller's programme.

    Subclasses build their widgets in `_build()`, react in `on_programme_changed()` and extend
    `cleanup()` (called by the plugin on unload) for what else they connected.
    """

    def __init__(self, title: str, object_name: str, iface, controller, parent=None, lang: str | None = None):
        super().__init__(title, parent or iface.mainWindow())
        self.setObjectName(object_name)
        self.iface = iface
        self.controller = controller
        self.lang = lang or ui_language()

    def follow_programme(self) -> None:
        """Listen to programme changes and show the current one (call at the end of __init__)."""
        self.controller.programmeChanged.connect(self._programme_changed)
        self._stale = False  # told of a programme while hidden: follows it when shown
        self.visibilityChanged.connect(self._shown)
        self.on_programme_changed()

    def _programme_changed(self) -> None:
        # After an open in the background each shown dock reacts in its own turn of the event loop and a
        # hidden one (a tab behind another) when it is shown; any other change (also a programme closed:
        # its layers are about to go) is followed at once.
        if self.controller.in_turns() and self.controller.store is not None:
            self._stale = not self.shown()
            if not self._stale:
                self.controller.in_turn(self.on_programme_changed)
            return
        self._stale = False
        self.on_programme_changed()

    def shown(self) -> bool:
        """Whether anything of the dock is on screen. isVisible() is also true for a dock whose tab is behind
        another's (Qt leaves it visible, with an empty visible region); raising its tab emits visibilityChanged."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _shown(self, visible: bool) -> None:
        if visible and self._stale:
            self._stale = False
            self.on_programme_changed()

    def on_programme_changed(self) -> None:
        raise NotImplementedError

    def unsaved_layers(self) -> list:
        """The open programme's layers with unsaved edits (a check or export reads the saved programme)."""
        return self.controller.unsaved_layers()

    def cleanup(self) -> None:
        """Drop the controller connection (plugin unload)."""
        try:
            self.controller.programmeChanged.disconnect(self._programme_changed)
            self.visibilityChanged.disconnect(self._shown)
        except TypeError:
            pass
