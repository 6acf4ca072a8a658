"""The programme check (programmatoets): eleven rules over a Programme snapshot, GUI-free.

Usage::

    from gebiedsplugin.core.rules import RULES, run_rules, Finding, RuleInfo, Cancelled
    findings = run_rules(programme, rule_ids=["conflict"], params={"conflict_distance_m": 20})

Parameters: each rule's defaults (``RULES[id].params``), overridden by ``programme.settings`` (same
keys, e.g. ``conflict_distance_m``), then by *params* (flat, or ``{rule_id: {...}}``).
Years are inclusive ranges: 2024-2025 and 2025-2026 overlap. Distances equal to a limit count as
within. Records without valid years (both present, end >= start) or geometry are reported by
``data_quality`` and skipped by the rules that need them. Invalid geometry is repaired with
``make_valid`` before any spatial test. Works = physical interventions that are not cancelled.

In brief (each module's docstring has the details):

- data_quality: missing/empty/invalid geometry, outside the city (+ ``city_tolerance_m``), missing
  mandatory fields, years not in 2000-2100, end < start, negative budget, duplicate uid.
- district_mismatch: stored district is not the one of largest overlap, or two districts each hold
  >= ``min_overlap_share``; city-wide (or district ``city``) exempt; on a border counts for both.
- unknown_programme_code: a code no project has (any status; whitespace stripped, case-sensitive).
- outside_programme_period: years not within the span of the projects with that code.
- not_in_programme: an uncoded work with no live project within ``programme_tolerance_m`` whose
  years overlap.
- conflict: two works within ``conflict_distance_m`` with overlapping periods (to the quarter where
  quarters are given); not both done; not linked ``combines_with``. Conflict, rest period and
  stacking findings that rest on an indicative period are ``possible``, not ``certain``
  (``Finding.certainty``, core/periods.py).
- rest_period: a later work starting 1 <= start - end(earlier) < ``rest_period_years`` years after
  an earlier work within ``conflict_distance_m`` ended; the later one not done.
- stacking: > ``stacking_max`` live interventions (any domain, not city-wide) per neighbourhood
  and year (warning); a theme the district's area goals do not prioritise (info).
- duplicate_funding: same theme, within ``duplicate_funding_tolerance_m``, overlapping years,
  different (known) funder sets (``funder`` field plus ``funding`` rows).
- budget_exceeded: money per district and year (funding rows by year, else the budget spread
  evenly over the years) > the summed area budgets of that district and year.
- combination_chance (severity ``chance``, not an error): groups of works of different owners or
  themes within ``chance_distance_m`` and ``chance_years`` of each other, not done, not linked
  ``combines_with``; a score 0-100 from overlap, time gap and kinds that combine well, in words.

Pure Python + numpy + shapely 2: no qgis or Qt imports anywhere in this package.
"""

from __future__ import annotations

from .base import Cancelled, Finding, RuleInfo, finding_id
from .engine import RULES, rule_params, run_rules

__all__ = ["RULES", "Cancelled", "Finding", "RuleInfo", "finding_id", "rule_params", "run_rules"]
