"""The plugin's user settings, typed, in one dataclass stored in QgsSettings."""

from __future__ import annotations

from dataclasses import dataclass, fields

from qgis.core import QgsSettings

PREFIX = "gebiedsplugin/"


@dataclass
class PluginSettings:
    """Settings remembered between sessions."""

    last_programme: str = ""
    last_output_folder: str = ""
    last_domain: str = ""
    last_kind: str = ""
    last_theme: str = ""
    last_start_year: int = 0
    last_end_year: int = 0
    first_steps_shown: bool = False  # the plugin's first step was shown once (a first start)

    @classmethod
    def load(cls) -> PluginSettings:
        """Read the settings (defaults where unset)."""
        s = QgsSettings()
        values = {}
        for f in fields(cls):
            default = f.default
            values[f.name] = s.value(PREFIX + f.name, default, type=type(default))
        return cls(**values)

    def save(self) -> None:
        """Write every setting."""
        s = QgsSettings()
        for f in fields(self):
            s.setValue(PREFIX + f.name, getattr(self, f.name))
