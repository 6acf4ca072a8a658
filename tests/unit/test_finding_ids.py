"""Finding ids stay exactly what earlier versions stored: planners' decisions are keyed on them.

The ids were made with ``hashlib.sha1(key)``; the upload scan (bandit B324) wanted that marked as not
for security, which must not change a single id. The literals below were computed before that change
(and agree with ``printf '%s' KEY | sha1sum``)."""

from __future__ import annotations

import hashlib

from gebiedsplugin.core.rules.base import Batch, RuleInfo, finding_id
from gebiedsplugin.core.rules.texts import QT_TRANSLATE_NOOP, message


def test_ids_are_the_ones_stored_by_earlier_versions():
    assert finding_id("conflict", ["9b1c-uid-2", "4a7e-uid-1"], "2026") == "conflict:bb758088af436915"
    assert finding_id("budget_exceeded", [], "centrum#2027") == "budget_exceeded:ce9644d3399ccb4f"
    assert finding_id("stacking", ["c-uid", "a-uid", "b-uid"], "n12#2025") == "stacking:ec533eacf6ca96e1"


def test_batch_ids_equal_finding_ids_and_an_independent_sha1():
    batch = Batch(RuleInfo("stacking", "warning", {}, QT_TRANSLATE_NOOP("rules:stacking", "Stacking")))
    batch.add(("a-uid", "b-uid", "c-uid"), message(QT_TRANSLATE_NOOP("rules:stacking", "m")), None, None,
              extra="n12#2025")
    independent = "stacking:" + hashlib.new("sha1", b"a-uid|b-uid|c-uid#n12#2025").hexdigest()[:16]
    assert batch.findings[0].finding_id == independent == finding_id("stacking", ["c-uid", "b-uid", "a-uid"],
                                                                     "n12#2025")
