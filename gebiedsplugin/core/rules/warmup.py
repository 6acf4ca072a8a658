"""Warming up the shared arrays on two cores before the rules run.

shapely 2 releases the GIL inside its vectorised calls, so GEOS work (validity, repair, spatial
indexes, district overlaps, the city test) can run on a helper thread while this thread reads the
attributes, which is Python work holding the GIL. Each side only touches its own cached values,
and the helper is joined before any rule runs, so the rules themselves stay single-threaded.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Dict, Sequence

from . import duplicate_funding
from .context import Context
from .duplicate_funding import funder_sets
from .programme import programme_codes

# Rules that use the interventions' geometry.
_SPATIAL = {"data_quality", "district_mismatch", "not_in_programme", "conflict", "rest_period",
            "duplicate_funding", "combination_chance"}


def warm_up(ctx: Context, rule_ids: Sequence[str], params: Dict[str, dict]) -> None:
    """Compute what the selected rules share, GEOS work and attribute work side by side.

    Three rounds, because GEOS work needs masks made from attributes (which works are live physical
    works, which interventions have funders) and the attribute work needs nothing spatial:
    1. helper: validity, repair, spatial indexes; here: the attribute columns and simple masks;
    2. helper: district overlaps, the city test, near pairs of works; here: funding and funder sets;
    3. helper: near pairs with different funders (duplicate funding); here: programme codes.
    """
    ids = set(rule_ids)
    if not ctx.inter.n or len(ids) < 2:
        return  # nothing to share, or too small to gain from a second thread
    inter = ctx.inter

    def geometry_basics() -> None:
        if ids & _SPATIAL:
            _touch(inter.valid, inter.fixed, inter.dims, inter.tree)
        if "not_in_programme" in ids:  # its tree is of the uncoded works, mostly (spatial.candidates)
            _touch(ctx.proj.fixed)

    def attribute_basics() -> None:
        _touch(ctx.uids, ctx.active, ctx.city_wide, inter.years_ok, inter.text("domain"), inter.text("theme"))

    def geometry_more() -> None:
        if "district_mismatch" in ids:
            ctx.memo("district_overlaps", lambda: ctx.areas.district_overlaps(inter))
        if "data_quality" in ids:
            tolerance = float(params["data_quality"]["city_tolerance_m"])
            ctx.memo("city_cover|inter|{}".format(tolerance), lambda: ctx.areas.covered_by_city(inter, tolerance))
        for rule in ("conflict", "rest_period"):
            if rule in ids:
                ctx.work_candidates(max(float(params[rule]["conflict_distance_m"]), 0.0))
        if "combination_chance" in ids:
            ctx.work_candidates(max(float(params["combination_chance"]["chance_distance_m"]), 0.0))

    def attributes_more() -> None:
        if ids & {"duplicate_funding", "budget_exceeded"}:
            _touch(ctx.funding)
        if "duplicate_funding" in ids:
            ctx.memo("funder_sets", lambda: funder_sets(ctx))

    def geometry_last() -> None:  # needs the funder sets: only pairs with different funders are kept
        if "duplicate_funding" in ids:
            tol = max(float(params["duplicate_funding"]["duplicate_funding_tolerance_m"]), 0.0)
            ctx.memo("funding_pairs|{}".format(tol), lambda: duplicate_funding.candidates(ctx, tol))

    def attributes_last() -> None:
        if ids & {"unknown_programme_code", "outside_programme_period"}:
            programme_codes(ctx)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rules-warm-up") as pool:
        for on_helper, here in ((geometry_basics, attribute_basics), (geometry_more, attributes_more),
                                (geometry_last, attributes_last)):
            job = pool.submit(on_helper)
            try:
                here()
            finally:
                job.result()  # waits, and re-raises anything the helper raised
        _touch(ctx.works)


def _touch(*values) -> None:
    """Nothing: the arguments were computed (and cached) to be shared."""
