"""Warming up the shared arrays on two cores before the rules run.

shapely 2 releases the GIL inside its vectorised calls, so GEOS work (validity, repair, spatial
indexes, district overlaps, the city test) can run on a helper thread while this thread reads the
attributes, which is Python work holding the GIL. Each side only touches its own cached values,
and the helper is joined before any rule runs, so the rules themselves stay single-threaded.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Dict, Sequence

from .context import Context
from .duplicate_funding import funder_sets
from .programme import programme_codes

# Rules that use the interventions' geometry.
_SPATIAL = {"data_quality", "district_mismatch", "not_in_programme", "conflict", "rest_period",
            "duplicate_funding"}


def warm_up(ctx: Context, rule_ids: Sequence[str], params: Dict[str, dict]) -> None:
    """Compute what the selected rules share, GEOS work and attribute work side by side."""
    ids = set(rule_ids)
    if not ctx.inter.n or len(ids) < 2:
        return  # nothing to share, or too small to gain from a second thread

    def geometry() -> None:
        inter = ctx.inter
        if ids & _SPATIAL:
            inter.valid, inter.fixed, inter.dims, inter.tree  # noqa: B018 (computed for the cache)
        if "not_in_programme" in ids:
            ctx.proj.fixed, ctx.proj.tree  # noqa: B018
        if "district_mismatch" in ids:
            ctx.memo("district_overlaps", lambda: ctx.areas.district_overlaps(inter))
        if "data_quality" in ids:
            tolerance = float(params["data_quality"]["city_tolerance_m"])
            ctx.memo("city_cover|{}".format(tolerance), lambda: ctx.areas.covered_by_city(inter, tolerance))

    def attributes() -> None:
        ctx.uids, ctx.active, ctx.city_wide  # noqa: B018 (computed for the cache)
        ctx.inter.years_ok  # noqa: B018
        if ids & {"unknown_programme_code", "outside_programme_period"}:
            programme_codes(ctx)
        if ids & {"duplicate_funding", "budget_exceeded"}:
            ctx.funding  # noqa: B018
        if "duplicate_funding" in ids:
            ctx.memo("funder_sets", lambda: funder_sets(ctx))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rules-warm-up") as pool:
        job = pool.submit(geometry)
        attributes()
        job.result()  # re-raises anything the helper raised
