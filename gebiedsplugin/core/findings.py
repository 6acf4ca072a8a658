"""The findings register's merge logic, GUI-free: what a new check run does to the stored findings.

Stored findings are keyed by their stable ``finding_id``. A run of the check over a *scope* (some
rules, the whole city or one district) merges its findings into the register:

- new id: inserted with status ``open``, ``first_seen`` = ``last_seen`` = now;
- id still occurring: message, severity, district, subjects, geometry and ``last_seen`` updated; the
  planner's decision (status, note, decided_by, decided_at) is kept. A finding the register closed by
  itself earlier (status ``resolved`` by ``AUTO_DECIDER``) that occurs again is re-opened;
- id in scope that no longer occurs: *closed*, never deleted. An ``open`` finding becomes
  ``resolved`` with decided_by = ``AUTO_DECIDER``, decided_at = now and the note "no longer occurs"
  (an existing note is kept in front). A decided finding (accepted, resolved, false positive) keeps
  its status and note: the planner's word stands. Its ``last_seen`` stays at the last run that saw it.

Findings outside the scope (other rules, other districts) are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from .rules.texts import QT_TRANSLATE_NOOP

OPEN, ACCEPTED, RESOLVED, FALSE_POSITIVE = "open", "accepted", "resolved", "false_positive"
# A chance (severity ``chance``, rule combination_chance) is not a problem to accept or dismiss but a
# choice: combine the works, or not (the note says why).
COMBINE, NOT_COMBINE = "combine", "not_combine"
CHANCE = "chance"
STATUSES = (OPEN, ACCEPTED, RESOLVED, FALSE_POSITIVE, COMBINE, NOT_COMBINE)
CHANCE_STATUSES = (OPEN, COMBINE, NOT_COMBINE, RESOLVED)
PROBLEM_STATUSES = (OPEN, ACCEPTED, RESOLVED, FALSE_POSITIVE)
AUTO_DECIDER = "programmatoets"
CLOSED = QT_TRANSLATE_NOOP("rules:register", "no longer occurs")
CLOSED_NOTE = CLOSED.source  # the note in English; plan_merge writes it in the run's language


@dataclass
class Scope:
    """What a run covered: rule ids (None = all) and a district (None = the whole city)."""

    rule_ids: Optional[tuple] = None
    district_id: Optional[str] = None

    def covers(self, rule: str, district_id: Optional[str]) -> bool:
        """Whether a stored finding of *rule* in *district_id* falls inside this run's scope."""
        if self.rule_ids is not None and rule not in self.rule_ids:
            return False
        return self.district_id is None or district_id == self.district_id


@dataclass
class MergePlan:
    """The writes a run implies: rows to insert, (fid, changes) to update, counts for the report."""

    inserts: list = field(default_factory=list)  # (row dict, geometry)
    updates: list = field(default_factory=list)  # (fid, changes dict, geometry or None = keep)
    new: int = 0
    still: int = 0
    closed: int = 0
    reopened: int = 0

    def summary(self) -> dict:
        return {"new": self.new, "still": self.still, "closed": self.closed, "reopened": self.reopened}


def finding_row(finding, text: Optional[Callable] = None) -> dict:
    """The register's fields describing *finding* (a rules.Finding), its message written by *text*
    (finding -> str; toolbelt/rule_texts.py gives one per language), in English without one."""
    message = text(finding) if text is not None else finding.message_en
    return {
        "finding_id": finding.finding_id,
        "rule": finding.rule,
        "severity": finding.severity,
        "district_id": finding.district_id,
        "message": message,
        "subject_uids": ",".join(finding.subject_uids),
        "certainty": finding.certainty,
    }


def split_uids(text: Optional[str]) -> list:
    """The uids of a stored ``subject_uids`` value."""
    return [u.strip() for u in (text or "").split(",") if u.strip()]


def in_scope(findings: Iterable, district_id: Optional[str]) -> list:
    """The findings of one district (all of them when *district_id* is None)."""
    if district_id is None:
        return list(findings)
    return [f for f in findings if f.district_id == district_id]


def plan_merge(existing: dict, findings: Iterable, scope: Scope, now: str,
               text: Optional[Callable] = None, closed_note: str = CLOSED_NOTE) -> MergePlan:
    """Plan the merge of *findings* into *existing* (finding_id -> stored row incl. ``fid``); messages
    written by *text* (see finding_row), a closed finding's note as *closed_note* (CLOSED translated)."""
    plan = MergePlan()
    seen = set()
    for finding in findings:
        if finding.finding_id in seen:
            continue
        seen.add(finding.finding_id)
        row = finding_row(finding, text)
        old = existing.get(finding.finding_id)
        if old is None:
            row.update(status=OPEN, first_seen=now, last_seen=now)
            plan.inserts.append((row, finding.geometry))
            plan.new += 1
            continue
        row.update(last_seen=now)
        if old.get("status") == RESOLVED and old.get("decided_by") == AUTO_DECIDER:
            row.update(status=OPEN, decided_by=None, decided_at=None,
                       note=_strip_closed(old.get("note"), closed_note))
            plan.reopened += 1
        plan.updates.append((old["fid"], row, finding.geometry))
        plan.still += 1
    for finding_id, old in existing.items():
        if finding_id in seen or not scope.covers(old.get("rule"), old.get("district_id")):
            continue
        if old.get("status") in (None, "", OPEN):
            note = old.get("note")
            changes = {"status": RESOLVED, "decided_by": AUTO_DECIDER, "decided_at": now,
                       "note": "{}; {}".format(note, closed_note) if note else closed_note}
            plan.updates.append((old["fid"], changes, None))
            plan.closed += 1
    return plan


def _strip_closed(note: Optional[str], closed_note: str = CLOSED_NOTE) -> Optional[str]:
    """*note* without the register's closing words (English, or the run's language)."""
    if not note:
        return None
    for words in dict.fromkeys((closed_note, CLOSED_NOTE)):
        if note == words:
            return None
        suffix = "; " + words
        if note.endswith(suffix):
            return note[: -len(suffix)]
    return note


def decision(status: str, note: Optional[str], user: str, now: str) -> dict:
    """The changes a planner's decision makes (ValueError for an unknown status)."""
    if status not in STATUSES:
        raise ValueError("unknown finding status: {}".format(status))
    return {"status": status, "note": note or None, "decided_by": user or None, "decided_at": now}


def decision_fits(status: str, severity: Optional[str]) -> bool:
    """Whether *status* is a decision for a finding of *severity*: combine / not combine for chances,
    accepted / false positive for the rest (open and resolved for both)."""
    return status in (CHANCE_STATUSES if severity == CHANCE else PROBLEM_STATUSES)


def count_by_rule(findings: Iterable) -> dict:
    """``{"rule/severity": n}`` of the findings (rules.Finding or stored row dicts)."""
    counts: dict = {}
    for f in findings:
        rule = f["rule"] if isinstance(f, dict) else f.rule
        severity = f["severity"] if isinstance(f, dict) else f.severity
        key = "{}/{}".format(rule, severity)
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))
