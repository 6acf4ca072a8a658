"""What the check dock lists: stored findings filtered and grouped by rule and severity, GUI-free."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2, "chance": 3}
_SCORE = re.compile(r"\(score (\d+)/100\)")  # combination_chance's messages, English and Dutch


def chance_score(row: dict) -> int:
    """The score (0-100) a chance's message states; 0 for other findings."""
    found = _SCORE.search(str(row.get("message") or ""))
    return int(found.group(1)) if found else 0


@dataclass
class RowFilter:
    """Severity and status ('' = any), a district ('' or None = all) and a free text (any field)."""

    severity: str = ""
    status: str = ""
    text: str = ""
    district_id: Optional[str] = None

    def accepts(self, row: dict) -> bool:
        if self.severity and row.get("severity") != self.severity:
            return False
        if self.status and (row.get("status") or "open") != self.status:
            return False
        if self.district_id and row.get("district_id") != self.district_id:
            return False
        if self.text:
            needle = self.text.lower()
            hay = " ".join(str(row.get(k) or "") for k in ("message", "rule", "note", "district_id", "subject_uids",
                                                          "finding_id"))
            return needle in hay.lower()
        return True


@dataclass
class Group:
    """The findings of one rule with one severity, and how many there are per district."""

    rule: str
    severity: str
    rows: list = field(default_factory=list)

    @property
    def per_district(self) -> dict:
        counts: dict = {}
        for row in self.rows:
            key = row.get("district_id") or "-"
            counts[key] = counts.get(key, 0) + 1
        return dict(sorted(counts.items()))


def group_rows(rows: Iterable[dict], rule_order: Iterable[str] = ()) -> list:
    """Groups by (rule, severity): errors first, then warnings, then info; within a severity, rules in
    *rule_order* (then by name); rows inside by district and message, chances by score (highest first)."""
    order = {r: n for n, r in enumerate(rule_order)}
    groups: dict = {}
    for row in rows:
        key = (row.get("rule"), row.get("severity"))
        groups.setdefault(key, Group(*key)).rows.append(row)
    out = sorted(groups.values(), key=lambda g: (SEVERITY_ORDER.get(g.severity, 9), order.get(g.rule, len(order)),
                                                 str(g.rule)))
    for g in out:
        g.rows.sort(key=lambda r: (-chance_score(r), str(r.get("district_id") or ""), str(r.get("message") or "")))
    return out


def district_summary(per_district: dict, names: Optional[dict] = None) -> str:
    """'Noord 2, Oost 1' from {district_id: count}."""
    names = names or {}
    return ", ".join("{} {}".format(names.get(k, k), n) for k, n in per_district.items())
