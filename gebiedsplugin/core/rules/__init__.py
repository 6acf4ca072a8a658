"""The programme check (programmatoets): ten rules over a Programme snapshot, GUI-free.

Usage::

    from gebiedsplugin.core.rules import RULES, run_rules, Finding, RuleInfo
    findings = run_rules(programme, rule_ids=["conflict"], params={"conflict_distance_m": 20})

Pure Python + numpy + shapely 2: no qgis or Qt imports anywhere in this package.
"""

from __future__ import annotations

from .base import Cancelled, Finding, RuleInfo, finding_id
from .engine import RULES, rule_params, run_rules

__all__ = ["RULES", "Cancelled", "Finding", "RuleInfo", "finding_id", "rule_params", "run_rules"]
