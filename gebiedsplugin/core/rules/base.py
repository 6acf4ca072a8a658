"""Shared types of the rules engine: findings, rule descriptions, stable ids, cancellation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Tuple

from .texts import Message, Text, english

# Points and lines are buffered by this much (map units, metres in RD New) so that every finding
# has a polygon: the findings table is a polygon layer.
MARKER_BUFFER_M = 5.0
MARKER_QUAD_SEGS = 4


class Cancelled(Exception):
    """Raised by run_rules when the feedback callback asks to stop."""


@dataclass(frozen=True)
class RuleInfo:
    """What the outside world knows of a rule: id, default severity, tunable parameters, title."""

    id: str
    severity: str
    params: Dict[str, float]
    title: Text  # translated by toolbelt/rule_texts.py

    @property
    def title_en(self) -> str:
        return self.title.source


@dataclass
class Finding:
    """One result of the programme check."""

    finding_id: str
    rule: str
    severity: str
    district_id: Optional[str]
    message: Message  # its text in a language: texts.render, or toolbelt/rule_texts.py
    subject_uids: Tuple[str, ...]
    geometry: Any = None  # shapely Polygon/MultiPolygon or None
    certainty: str = "certain"  # "possible" when it rests on an indicative period (core/periods.py)

    @property
    def message_en(self) -> str:
        """The message in English, the source language."""
        return english(self.message)


def finding_id(rule: str, uids: Iterable[str], extra: str = "") -> str:
    """Stable id: the rule plus a hash of the sorted subject uids and an extra key (year, district...).

    The same interventions give the same id on every run, whatever the order of the features, so a
    planner's decision on a finding survives the next run.
    """
    return rule + ":" + _digest("|".join(sorted(uids)) + "#" + extra)


def _digest(key: str) -> str:
    """16 hex digits of the SHA-1 of *key*: a name for a finding, not a security measure. Kept SHA-1
    because planners' decisions are stored under ids made this way; ``usedforsecurity=False`` says so."""
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def make_finding(
    info: RuleInfo,
    uids: Iterable[str],
    message: Message,
    *,
    extra: str = "",
    district_id: Optional[str] = None,
    geometry: Any = None,
    severity: Optional[str] = None,
    certainty: str = "certain",
) -> Finding:
    """Build a Finding of rule *info* with a stable id and sorted subject uids."""
    return sorted_finding(info, tuple(sorted(uids)), message, district_id, geometry, extra, severity, certainty)


class Batch:
    """Collects the findings of one rule; cheap per finding, as hot rules build 100,000s of them.

    *subjects* must already be sorted (single uids, ordered pairs, sorted groups).
    """

    def __init__(self, info: RuleInfo) -> None:
        self.info = info
        self.findings: List[Finding] = []

    def add(self, subjects: Tuple[str, ...], message: Message, district_id: Optional[str],
            geometry: Any, extra: str = "", severity: Optional[str] = None, certainty: str = "certain") -> None:
        """Add one finding (same id scheme as finding_id())."""
        self.findings.append(sorted_finding(self.info, subjects, message, district_id, geometry, extra, severity,
                                            certainty))


def sorted_finding(info: RuleInfo, subjects: Tuple[str, ...], message: Message, district_id: Optional[str],
                   geometry: Any, extra: str = "", severity: Optional[str] = None,
                   certainty: str = "certain") -> Finding:
    """make_finding for *subjects* already sorted (one uid, a pair smaller uid first): the cheap path
    of the rules that make 100,000s of findings. Same id as finding_id()."""
    digest = _digest("|".join(subjects) + "#" + extra)
    return Finding(info.id + ":" + digest, info.id, severity or info.severity, district_id, message, subjects,
                   geometry, certainty)


def year_range(start: float, end: float) -> str:
    """'2024' or '2024-2026' for display."""
    s, e = int(start), int(end)
    return str(s) if s == e else "{}-{}".format(s, e)
