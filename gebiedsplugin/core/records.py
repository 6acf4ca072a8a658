"""Plain records of a programme: what the rules, aggregations and exports work on.

The QGIS adapters (``qgis_io``) extract these from layers; the sample generator produces them;
unit tests build them by hand. Geometries are shapely geometries (or None), attributes plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from gebiedsplugin.core.schema import INTERVENTION_TABLES, PROJECT_TABLES

# How a Programme's parts map onto tables: every store reads and writes through these.
SPATIAL_PARTS = {
    "districts": ("districts",),
    "neighbourhoods": ("neighbourhoods",),
    "interventions": INTERVENTION_TABLES,
    "projects": PROJECT_TABLES,
}
ROW_PARTS = ("funding", "effect_measurements", "links", "area_goals", "area_budgets")  # part name == table name


@dataclass
class Feature:
    """One row of a spatial table: its attributes, shapely geometry, table and feature id."""

    attrs: dict
    geometry: Any = None  # shapely geometry or None
    table: str = ""
    fid: Optional[int] = None

    def get(self, name: str, default: Any = None) -> Any:
        """Attribute *name*, or *default* when missing or NULL."""
        value = self.attrs.get(name)
        return default if value is None else value


@dataclass
class Programme:
    """A snapshot of one programme, store-independent."""

    crs: str = "EPSG:28992"
    districts: list = field(default_factory=list)  # Feature (incl. the `city` row)
    neighbourhoods: list = field(default_factory=list)  # Feature
    interventions: list = field(default_factory=list)  # Feature, from all three geometry tables
    projects: list = field(default_factory=list)  # Feature, from all three geometry tables
    funding: list = field(default_factory=list)  # dict rows
    effect_measurements: list = field(default_factory=list)  # dict rows (core/effects.py)
    links: list = field(default_factory=list)  # dict rows
    area_goals: list = field(default_factory=list)  # dict rows
    area_budgets: list = field(default_factory=list)  # dict rows
    settings: dict = field(default_factory=dict)  # key -> text value

    def setting(self, key: str, default: float) -> float:
        """A numeric rule parameter, falling back to *default* when unset or malformed."""
        try:
            return float(self.settings.get(key, default))
        except (TypeError, ValueError):
            return default
