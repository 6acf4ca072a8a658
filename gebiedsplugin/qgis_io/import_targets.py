"""What an import reads from a programme store: the rows it matches against, value lists, the city row.

Writing the plan is the store's save (``store/import_write.py``), the same for both stores.
"""

from __future__ import annotations

import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.import_mapping import TARGET_KEYS, table_for
from gebiedsplugin.core.import_rows import ImportPlan, Row
from gebiedsplugin.core.value_lists import value_lists


def target_tables(target: str) -> list:
    """The programme tables a target reads and writes."""
    if target == "interventions":
        return list(schema.INTERVENTION_TABLES)
    if target == "programme_projects":
        return list(schema.PROJECT_TABLES)
    return [target]


def read_existing(store, target: str) -> dict:
    """{key: (table, fid, attrs, geometry)} of the rows already in the programme (*store*) for *target*."""
    keys = TARGET_KEYS[target]
    out: dict = {}
    for table_name in target_tables(target):
        rows, geoms, fids = store.read_table(table_name)
        geoms = geoms if geoms is not None else [None] * len(rows)
        for row, geom, fid in zip(rows, geoms, fids):
            key = tuple(row.get(k) for k in keys)
            if all(k is not None for k in key):
                out[key] = (table_name, fid, row, geom)
    return out


def area_ids(store, target: str) -> tuple:
    """(district ids, {neighbourhood_id: district_id}) of the programme, for checking what *target*'s
    rows refer to (neighbourhoods read only for a target that has a neighbourhood_id)."""
    districts = {key[0] for key in read_existing(store, "districts")}
    hoods: dict = {}
    if any(f.name == "neighbourhood_id" for f in table_for(target).fields) and target != "neighbourhoods":
        hoods = {key[0]: value[2].get("district_id") for key, value in read_existing(store, "neighbourhoods").items()}
    return districts, hoods


def value_codes(store) -> dict:
    """The programme's value lists: {list: {code: (label_en, label_nl)}} (defaults where missing)."""
    codes = value_lists()
    for name, values in store.value_lists().items():
        codes.setdefault(name, {}).update(values)
    return codes


def whole_city_missing(store, target: str) -> bool:
    """True when *target* is districts and the programme has no `city` row yet."""
    if target != "districts":
        return False
    return (schema.CITY_ID,) not in read_existing(store, target)


def city_row(plan: ImportPlan, name: str):
    """A districts row for the whole city: the union of the added districts (None when none)."""
    geoms = [r.geometry for r in plan.added + plan.updated + plan.unchanged if r.geometry is not None]
    if not geoms:
        return None
    city = shapely.union_all(geoms)
    if city.geom_type == "Polygon":
        city = shapely.MultiPolygon([city])
    elif city.geom_type != "MultiPolygon":
        city = shapely.MultiPolygon([p for p in shapely.get_parts(city) if p.geom_type == "Polygon"])
    return Row(0, {"district_id": schema.CITY_ID, "name": name}, city, "polygon", (schema.CITY_ID,),
               table_for("districts").name)
