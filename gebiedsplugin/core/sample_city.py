"""The city of the Voorbeeldstad sample: outline, five districts, neighbourhoods tiling them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from gebiedsplugin.core import sample_geo as geo
from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.sample_names import CITY_NAME, DISTRICTS, neighbourhood_names
from gebiedsplugin.core.schema import CITY_ID


@dataclass
class City:
    """Geometry and codes of the sample city; neighbourhood arrays share one index."""

    scale: float
    outline: Polygon
    district_ids: tuple  # codes in geo.DISTRICT_ORDER
    district_geoms: list  # MultiPolygon per district
    nb_ids: list
    nb_names: list
    nb_district: np.ndarray  # district index per neighbourhood
    nb_geoms: np.ndarray  # MultiPolygon per neighbourhood (prepared)
    nb_main: np.ndarray  # largest Polygon part per neighbourhood (what social interventions copy)
    nb_bounds: np.ndarray  # (n, 4)
    nb_weight: np.ndarray  # area share: drawing neighbourhoods by it keeps density uniform

    def features(self) -> tuple:
        """District features (the five plus the `city` row) and neighbourhood features."""
        districts = [
            Feature({"district_id": d, "name": DISTRICTS[d]}, g, "districts", i + 1)
            for i, (d, g) in enumerate(zip(self.district_ids, self.district_geoms))
        ]
        districts.append(Feature({"district_id": CITY_ID, "name": CITY_NAME}, MultiPolygon([self.outline]),
                                 "districts", len(districts) + 1))
        rows = zip(self.nb_ids, self.nb_names, self.nb_district.tolist(), self.nb_geoms)
        nbs = [
            Feature({"neighbourhood_id": c, "name": n, "district_id": self.district_ids[d]}, g,
                    "neighbourhoods", i + 1)
            for i, (c, n, d, g) in enumerate(rows)
        ]
        return districts, nbs

    def nb_index_of(self, nb_id: str) -> int:
        """Index of the neighbourhood with code *nb_id*."""
        return self.nb_ids.index(nb_id)


def build_city(rng: np.random.Generator, interventions: int) -> City:
    """Outline, neighbourhoods (about max(40, n / 10)) and the five districts as their unions."""
    scale = geo.city_scale(interventions)
    outline = geo.make_outline(rng, scale)
    count = max(40, int(round(interventions / 10.0)))
    seeds, cells = geo.make_cells(rng, outline, count)
    district = geo.assign_districts(rng, seeds, scale)
    clipped = shapely.intersection(cells, outline)
    # Order: by district, then north to south, west to east; codes follow that order.
    order = np.lexsort((np.round(seeds[:, 0], -1), -np.round(seeds[:, 1], -1), district))
    seeds, cells, clipped, district = seeds[order], cells[order], clipped[order], district[order]
    nb_geoms, nb_main = geo.multipolygons_and_largest(clipped)
    district_geoms = []
    for d in range(len(geo.DISTRICT_ORDER)):
        # Unclipped Voronoi cells share exact edges: a coverage union is fast and seamless.
        union = shapely.coverage_union_all(cells[district == d])
        district_geoms.append(geo.as_multipolygon(shapely.intersection(union, outline)))
    nb_ids = []
    counters = {}
    width = max(2, len(str(int(np.bincount(district).max()))))
    for d in district.tolist():
        counters[d] = counters.get(d, 0) + 1
        nb_ids.append("{}-{:0{w}d}".format(geo.DISTRICT_ORDER[d], counters[d], w=width))
    shapely.prepare(nb_geoms)
    shapely.prepare(nb_main)
    areas = shapely.area(nb_geoms)
    return City(
        scale=scale, outline=outline, district_ids=geo.DISTRICT_ORDER, district_geoms=district_geoms,
        nb_ids=nb_ids, nb_names=neighbourhood_names(rng, count), nb_district=district, nb_geoms=nb_geoms,
        nb_main=nb_main, nb_bounds=shapely.bounds(nb_geoms), nb_weight=areas / areas.sum(),
    )
