"""QGIS adapters: stores, layers <-> records, tasks, layouts."""

# Core's texts (core/texts.py) find their translations once the toolbelt's catalogue is imported.
from gebiedsplugin.toolbelt import catalogue  # noqa: F401, E402
