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


class Feature:
    """One row of a spatial table: its attributes, shapely geometry, table and feature id.

    A plain class with __slots__ (a dataclass's behaviour: fields, ==, repr): a million features
    without an instance dict each save about 100 MB (#18). ``dataclass(slots=True)`` needs Python
    3.10; QGIS 3.22 on Windows ships 3.9."""

    __slots__ = ("attrs", "geometry", "table", "fid")

    def __init__(self, attrs: dict, geometry: Any = None, table: str = "", fid: Optional[int] = None) -> None:
        self.attrs = attrs
        self.geometry = geometry  # shapely geometry or None
        self.table = table
        self.fid = fid

    def get(self, name: str, default: Any = None) -> Any:
        """Attribute *name*, or *default* when missing or NULL."""
        value = self.attrs.get(name)
        return default if value is None else value

    def _fields(self) -> tuple:
        return (self.attrs, self.geometry, self.table, self.fid)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # mutable, compared by value (as the dataclass it was)

    def __repr__(self) -> str:
        return "Feature(attrs={!r}, geometry={!r}, table={!r}, fid={!r})".format(*self._fields())


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
    # Columns a store's read made beside the rows, for the check (part -> (that part's list as read,
    # {field: values in its order})): at a million rows, reading them again from the rows costs more
    # per row than at 100k (every row visited in a heap of gigabytes). See taken_columns.
    columns: dict = field(default_factory=dict, compare=False, repr=False)

    def taken_columns(self, part: str) -> dict:
        """The read's columns of *part* ({field: values}; text fields cleaned as the check reads them,
        core/rules/context.py: READ_TEXTS), handed over once (the taker frees them when
        done); {} when none were kept or the part's list is no longer the one read (replaced, or rows
        added or removed). Values changed in place after the read are not seen: the read's columns
        are for the check of what was read."""
        rows, found = self.columns.pop(part, (None, {}))
        current = getattr(self, part)
        if rows is not current or any(len(values) != len(current) for values in found.values()):
            return {}
        return found

    def setting(self, key: str, default: float) -> float:
        """A numeric rule parameter, falling back to *default* when unset or malformed."""
        try:
            return float(self.settings.get(key, default))
        except (TypeError, ValueError):
            return default
