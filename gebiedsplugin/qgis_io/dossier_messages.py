"""The findings' messages in the dossier's language.

The findings register stores one text per finding, in the language the check ran in. A dossier in
another language re-runs the rules of its findings in memory (nothing is written) and renders each
finding the rules find again in the dossier's language, matched by finding id. A stored text is
replaced only when the fresh finding says the same thing in one of the languages the plugin speaks:
a finding whose data or parameters changed since the check (or one the rules no longer find) keeps
the text the check wrote, which is what its decision was about. Decisions and notes are the
register's, always.
"""

from __future__ import annotations

from typing import Callable, Optional

from gebiedsplugin.core.rules import RULES, run_rules
from gebiedsplugin.toolbelt.catalogue import languages
from gebiedsplugin.toolbelt.rule_texts import rule_texts


def messages_in(programme, rows: list, lang: str, cancelled: Optional[Callable[[], bool]] = None) -> list:
    """The register's *rows* with their messages in *lang* where the rules find them again (see the
    module's note); the rows themselves are not changed. Worker-thread safe."""
    rules = [r for r in RULES if any(row.get("rule") == r for row in rows)]
    if not rules:
        return list(rows)
    fresh = {f.finding_id: f for f in run_rules(programme, rules, None,
                                                (lambda _p: cancelled()) if cancelled is not None else None)}
    target = rule_texts(lang)
    others = [rule_texts(other) for other in languages()]
    out = []
    for row in rows:
        finding = fresh.get(row.get("finding_id"))
        if finding is not None and finding.rule == row.get("rule"):
            said = row.get("message") or ""
            if any(texts.message(finding) == said for texts in others):
                row = dict(row, message=target.message(finding))
        out.append(row)
    return out
