"""QGIS adapters: stores, layers <-> records, tasks, layouts."""
