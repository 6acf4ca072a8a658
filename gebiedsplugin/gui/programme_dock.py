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
        self.controller.programmeChanged.connect(self.on_programme_changed)
        self.on_programme_changed()

    def on_programme_changed(self) -> None:
        raise NotImplementedError

    def unsaved_layers(self) -> list:
        """The open programme's layers with unsaved edits (a check or export reads the saved programme)."""
        return self.controller.unsaved_layers()

    def cleanup(self) -> None:
        """Drop the controller connection (plugin unload)."""
        try:
            self.controller.programmeChanged.disconnect(self.on_programme_changed)
        except TypeError:
            pass
