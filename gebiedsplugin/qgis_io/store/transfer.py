"""Move a programme between stores (GeoPackage <-> PostGIS), verified after the copy.

The copy goes through the store interface only: ``read_programme()`` on the source, ``create()``
of the target with that snapshot (tables, value lists, settings, then the records in one
transaction), then counts and ids of both are compared.
"""

from __future__ import annotations

import time

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr

# Tables compared by id as well as by count: table -> key field.
ID_FIELDS = {"districts": "district_id", "neighbourhoods": "neighbourhood_id"}
ID_FIELDS.update({t: "uid" for t in schema.INTERVENTION_TABLES})
ID_FIELDS.update({t: "programme_code" for t in schema.PROJECT_TABLES})
# Bookkeeping that legitimately differs between the copy and its source.
_UNCOMPARED = ("schema_info", "findings")


def programme_ids(programme) -> dict:
    """table -> sorted ids of the spatial tables of a Programme snapshot."""
    out: dict = {t: [] for t in ID_FIELDS}
    for part in ("districts", "neighbourhoods", "interventions", "projects"):
        for feat in getattr(programme, part):
            if feat.table in out:
                out[feat.table].append(feat.get(ID_FIELDS[feat.table]))
    return {t: sorted(ids, key=str) for t, ids in out.items()}


def verify_copy(source, target) -> dict:
    """Compare counts and ids of two stores; raise ProgrammeError listing every difference."""
    source_counts, target_counts = source.counts(), target.counts()
    problems = [tr("{}: {} rows in the source, {} in the copy").format(t, source_counts[t], target_counts.get(t))
                for t in source_counts if t not in _UNCOMPARED and source_counts[t] != target_counts.get(t)]
    source_ids = programme_ids(source.read_programme())
    target_ids = programme_ids(target.read_programme())
    problems += [tr("{}: the ids differ").format(t) for t in source_ids if source_ids[t] != target_ids[t]]
    if problems:
        raise ProgrammeError(tr("The copy of {} differs from its source: {}").format(source.name, "; ".join(problems)))
    return target_counts


def copy_programme(source, create_target, feedback=None) -> tuple:
    """Copy the programme of store *source* into a new store made by ``create_target(crs, programme)``.

    Returns (target store, report dict with counts and seconds). The target is verified against
    the source; on a difference ProgrammeError is raised (the target is left for inspection).
    """
    started = time.perf_counter()
    source.validate()
    programme = source.read_programme(feedback)
    target = create_target(programme.crs, programme)
    counts = verify_copy(source, target)
    return target, {"counts": counts, "seconds": round(time.perf_counter() - started, 3)}


def gpkg_to_postgis(source, connection: str, schema_name: str, overwrite: bool = False, user=None) -> tuple:
    """Copy a GeoPackage (or any) store into a new PostGIS programme schema."""
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    return copy_programme(source, lambda crs, programme: PostgisStore.create(
        connection, schema_name, crs, programme, overwrite=overwrite, user=user))


def to_gpkg(source, path, overwrite: bool = False) -> tuple:
    """Copy a PostGIS (or any) store into a new GeoPackage, e.g. an offline copy for an area day."""
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    return copy_programme(source, lambda crs, programme: GpkgStore.create(path, crs, programme, overwrite=overwrite))
