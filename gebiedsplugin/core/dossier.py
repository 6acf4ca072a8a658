"""The district dossier's content: per district every intervention, the money per theme, domain and
kind, the unfunded part, the findings with their decisions, the stacking cells and comparable cases.

Pure Python, on the ``Overview`` of ``aggregations.prepare`` and the findings register's rows, so it
runs in a worker thread. Every section is a ``Section`` of cell values (numbers stay numbers, for
the spreadsheet); ``cell_text`` formats them in the dossier's language for the PDF. The words and
the number and date formats are ``dossier_texts``'.

Which interventions count where (also in docs/district_dossier.md):
- *listed*: every intervention whose district (as the Overview resolves it) is the district,
  cancelled ones included (their status says so);
- *summed* (per theme / domain / kind, unfunded part): the listed ones that are not cancelled,
  the funding gap's convention (``funding_gap.totals_by``);
- *findings*: the register's rows with the district's ``district_id``, every status (the decision
  is the point), by rule, then severity, then message.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Iterable, Optional

from gebiedsplugin.core import funding_gap, schema
from gebiedsplugin.core.aggregations import UNKNOWN, Overview, stacking_table
from gebiedsplugin.core.comparisons import Case, budget_closeness
from gebiedsplugin.core.dossier_texts import date_text, money_text, number_text, text
from gebiedsplugin.core.value_lists import VALUE_LISTS, label

MONEY, NUMBER, YEAR, TEXT = "money", "number", "year", "text"


# --- sections ------------------------------------------------------------------------------------
@dataclass
class Column:
    key: str
    header: str
    kind: str = TEXT  # money / number / year / text: how a cell is written and aligned
    width: float = 1.0  # relative width on the page
    decimals: Optional[int] = None  # numbers: fixed decimals (None: none for whole numbers, else 1)


@dataclass
class Section:
    """One table of the dossier: its key (the spreadsheet's sheet), title, columns and rows of values."""

    key: str
    title: str
    columns: list
    rows: list
    note: str = ""
    marked: set = field(default_factory=set)  # (row, column) cells to stand out (stacking over the limit)

    @property
    def headers(self) -> list:
        return [c.header for c in self.columns]


def cell_text(value, kind: str, lang: str, decimals: Optional[int] = None) -> str:
    """A cell as printed: money and numbers in the language's format, years plain."""
    if value is None or value == "":
        return ""
    if kind == MONEY:
        return money_text(value, lang)
    if kind == NUMBER:
        if decimals is None:
            decimals = 0 if float(value).is_integer() else 1
        return number_text(value, lang, decimals)
    return str(value)


@dataclass
class Dossier:
    """Everything printed and tabulated for one district."""

    district_id: str
    name: str
    programme: str
    lang: str
    made: datetime.date
    sections: list  # Section, in print order
    uids: list  # the listed interventions, in table order
    count: int = 0  # not cancelled
    budget: float = 0.0
    funded: float = 0.0
    shortfall: float = 0.0

    def section(self, key: str) -> Optional[Section]:
        return next((s for s in self.sections if s.key == key), None)

    def summary(self) -> str:
        return text("summary", self.lang).format(n=number_text(self.count, self.lang),
                                                 budget=money_text(self.budget, self.lang),
                                                 funded=money_text(self.funded, self.lang),
                                                 short=money_text(self.shortfall, self.lang))


def _label(list_name: str, code, lang: str) -> str:
    if code in (None, "", UNKNOWN):
        return text("unknown", lang)
    return label(list_name, str(code), lang)


def _when(item) -> str:
    if item.start_year is None:
        return ""
    if item.end_year is None or item.end_year == item.start_year:
        return str(item.start_year)
    return "{}–{}".format(item.start_year, item.end_year)


def district_items(ov: Overview, district_id: str) -> list:
    """The district's interventions in table order: start year, title, uid."""
    return sorted(ov.scoped(district_id), key=lambda i: (i.start_year or 0, (i.title or "").lower(), i.uid))


def interventions_section(ov: Overview, items: list, codes: dict, lang: str) -> Section:
    cols = [Column("title", text("c_title", lang), TEXT, 2.8), Column("theme", text("c_theme", lang), TEXT, 1.4),
            Column("where", text("c_where", lang), TEXT, 1.4), Column("when", text("c_when", lang), TEXT, 0.9),
            Column("status", text("c_status", lang), TEXT, 0.9), Column("budget", text("c_budget", lang), MONEY, 1.1),
            Column("funders", text("c_funders", lang), TEXT, 1.5), Column("code", text("c_code", lang), TEXT, 1.25),
            Column("funding", text("c_funding", lang), TEXT, 1.35),
            Column("shortfall", text("c_shortfall", lang), MONEY, 1.1)]
    rows = []
    for item in items:
        gap = ov.gaps.get(item.uid)
        funders = gap.funders if gap is not None and gap.funders else ((item.funder,) if item.funder else ())
        where = text("city_wide", lang) if item.city_wide or item.district_id == schema.CITY_ID else (
            ov.neighbourhoods.get(item.neighbourhood_id, (item.neighbourhood_id or "", None))[0] or "")
        rows.append([item.title, _label("theme", item.theme, lang), where, _when(item),
                     _label("status", item.status, lang), item.budget,
                     ", ".join(_label("funder", f, lang) for f in funders),
                     codes.get(item.uid) or "",
                     funding_gap.label(gap.status, lang) if gap is not None else "",
                     gap.shortfall if gap is not None else None])
    return Section("interventions", text("interventions", lang), cols, rows)


def _group_section(ov: Overview, items: list, key: str, list_name: str, title: str, header: str,
                   lang: str) -> Section:
    groups: dict = {}
    for item in items:
        if not item.active:
            continue
        gap = ov.gaps.get(item.uid)
        g = groups.setdefault(getattr(item, key) or "", [0, 0.0, 0.0, 0.0])
        g[0] += 1
        g[1] += item.budget or 0.0
        g[2] += gap.funded if gap is not None else 0.0
        g[3] += (gap.shortfall or 0.0) if gap is not None else 0.0
    rows = [[_label(list_name, code, lang)] + [round(v, 2) if i else v for i, v in enumerate(vals)]
            for code, vals in sorted(groups.items(), key=lambda kv: (-kv[1][1], kv[0]))]
    if rows:
        rows.append([text("total", lang)] + [sum(r[i] for r in rows) for i in range(1, 5)])
    cols = [Column(key, header, TEXT, 1.6), Column("count", text("c_count", lang), NUMBER, 0.7),
            Column("budget", text("c_budget", lang), MONEY, 1.2), Column("funded", text("c_funded", lang), MONEY, 1.2),
            Column("shortfall", text("c_shortfall", lang), MONEY, 1.2)]
    return Section("per_" + key, title, cols, rows)


def funding_section(ov: Overview, items: list, lang: str) -> Section:
    """The unfunded part: interventions and money per funding status (cancelled left out)."""
    per: dict = {s: [0, 0.0, 0.0, 0.0] for s in funding_gap.STATUSES}
    for item in items:
        gap = ov.gaps.get(item.uid)
        if not item.active or gap is None:
            continue
        p = per[gap.status]
        p[0] += 1
        p[1] += gap.budget or 0.0
        p[2] += gap.funded
        p[3] += gap.shortfall or 0.0
    rows = [[funding_gap.label(s, lang)] + [round(v, 2) if i else v for i, v in enumerate(per[s])]
            for s in funding_gap.STATUSES if per[s][0]]
    if rows:
        rows.append([text("total", lang)] + [sum(r[i] for r in rows) for i in range(1, 5)])
    cols = [Column("funding", text("c_funding", lang), TEXT, 1.6),
            Column("count", text("c_count", lang), NUMBER, 0.7), Column("budget", text("c_budget", lang), MONEY, 1.2),
            Column("funded", text("c_funded", lang), MONEY, 1.2),
            Column("shortfall", text("c_shortfall", lang), MONEY, 1.2)]
    return Section("funding", text("funding", lang), cols, rows)


def district_findings(findings: Iterable[dict], district_id: str) -> list:
    """The register's rows of the district, by rule, severity and message."""
    rows = [f for f in findings if f.get("district_id") == district_id]
    return sorted(rows, key=lambda f: (f.get("rule") or "", f.get("severity") or "", f.get("message") or "",
                                       f.get("finding_id") or ""))


def findings_sections(findings: list, rule_titles: dict, lang: str) -> list:
    """Per rule: open and decided counts (per decision); then every finding with its decision and note."""
    per: dict = {}
    for f in findings:
        p = per.setdefault(f.get("rule") or "", {})
        status = f.get("status") or "open"
        p[status] = p.get(status, 0) + 1
    decisions = [s for s in VALUE_LISTS["finding_status"] if s != "open"]
    cols = [Column("rule", text("c_rule", lang), TEXT, 2.5), Column("total", text("total", lang), NUMBER),
            Column("open", text("c_open", lang), NUMBER)]
    cols += [Column(s, label("finding_status", s, lang), NUMBER) for s in decisions]
    rows = [[rule_titles.get(r, r), sum(p.values()), p.get("open", 0)] + [p.get(s, 0) for s in decisions]
            for r, p in sorted(per.items())]
    if rows:
        rows.append([text("total", lang)] + [sum(r[i] for r in rows) for i in range(1, len(cols))])
    per_rule = Section("findings_per_rule", text("findings_per_rule", lang), cols, rows)
    cols = [Column("rule", text("c_rule", lang), TEXT, 1.3), Column("severity", text("c_severity", lang), TEXT, 0.8),
            Column("message", text("c_message", lang), TEXT, 5.0),
            Column("decision", text("c_decision", lang), TEXT, 0.9), Column("note", text("c_note", lang), TEXT, 1.4),
            Column("decided", text("c_decided_by", lang), TEXT, 1.1)]
    rows = [[rule_titles.get(f.get("rule"), f.get("rule") or ""), _label("severity", f.get("severity"), lang),
             f.get("message") or "", _label("finding_status", f.get("status") or "open", lang), f.get("note") or "",
             _decided(f, lang)] for f in findings]
    return [per_rule, Section("findings", text("findings", lang), cols, rows)]


def _decided(finding: dict, lang: str) -> str:
    """'tester, 6 December 2026' of a decided finding ('' while open)."""
    if (finding.get("status") or "open") == "open":
        return ""
    who, when = finding.get("decided_by") or "", str(finding.get("decided_at") or "")
    try:
        day = date_text(datetime.date.fromisoformat(when[:10]), lang)
    except ValueError:
        day = ""
    return ", ".join(p for p in (who, day) if p)


def stacking_section(ov: Overview, district_id: str, lang: str) -> Section:
    """Every neighbourhood of the district by year; cells over the threshold marked."""
    table = stacking_table(ov, district_id)
    cols = [Column("neighbourhood", text("c_neighbourhood", lang), TEXT, 2.5)]
    cols += [Column(str(y), str(y), NUMBER, 0.6) for y in table.years]
    rows, marked = [], set()
    for r, n in enumerate(table.neighbourhoods):
        rows.append([str(table.names.get(n, n))] + [table.count(n, y) for y in table.years])
        marked.update((r, c + 1) for c, y in enumerate(table.years) if table.over(n, y))
    limit = number_text(table.threshold, lang, 0 if float(table.threshold).is_integer() else 1)
    return Section("stacking", text("stacking", lang), cols, rows, text("stacking_note", lang).format(limit), marked)


def best_cases(ov: Overview, items: list) -> dict:
    """uid -> the most similar case elsewhere (``comparisons.comparable_cases(ov, uid, 1)``, same order
    and ties), found within the items of the same kind and theme: not a scan of the whole city per item."""
    groups: dict = {}
    for other in ov.items:
        groups.setdefault((other.kind, other.theme), []).append(other)
    out = {}
    for subject in items:
        best, best_key = None, None
        for item in groups.get((subject.kind, subject.theme), ()):
            if item.uid == subject.uid or item.district_id == subject.district_id:
                continue
            overlapping = bool(subject.years_ok and item.years_ok and item.start_year <= subject.end_year
                               and item.end_year >= subject.start_year)
            case = Case(item, bool(subject.domain) and item.domain == subject.domain, overlapping,
                        budget_closeness(subject.budget, item.budget))
            key = (-case.score, -case.budget_closeness, ov.name(item.district_id), item.title)
            if best_key is None or key < best_key:
                best, best_key = case, key
        if best is not None:
            out[subject.uid] = best
    return out


def cases_section(ov: Overview, items: list, lang: str) -> Section:
    """For each intervention (not cancelled) the most similar one of the same kind and theme elsewhere."""
    cols = [Column("title", text("c_title", lang), TEXT, 2.4), Column("case", text("c_case", lang), TEXT, 2.4),
            Column("district", text("c_district", lang), TEXT, 1.1), Column("when", text("c_when", lang), TEXT, 0.8),
            Column("status", text("c_status", lang), TEXT, 0.9), Column("budget", text("c_budget", lang), MONEY, 1.0),
            Column("score", text("c_score", lang), NUMBER, 0.8, decimals=1)]
    active = [i for i in items if i.active]
    best = best_cases(ov, active)
    rows = []
    for item in active:
        case = best.get(item.uid)
        if case is not None:
            rows.append([item.title, case.item.title, ov.name(case.item.district_id), _when(case.item),
                         _label("status", case.item.status, lang), case.item.budget, round(case.score, 1)])
    return Section("cases", text("cases", lang), cols, rows)


def effects_section(items: list, progress_rows: Optional[Iterable[dict]], lang: str) -> Section:
    """Effects over time: per intervention with an indicator, its baseline and target and one row per
    measured value (*progress_rows*: effect_measurements rows, dicts with intervention_uid, year, value)
    with the progress toward the target; without measurements, baseline and target only."""
    cols = [Column("title", text("c_title", lang), TEXT, 2.5), Column("indicator", text("c_indicator", lang), TEXT, 2),
            Column("baseline", text("c_baseline", lang), NUMBER), Column("target", text("c_target", lang), NUMBER),
            Column("year", text("c_year", lang), YEAR, 0.6), Column("value", text("c_value", lang), NUMBER),
            Column("progress", text("c_progress", lang), TEXT, 0.8)]
    measured: dict = {}
    for row in progress_rows or ():
        measured.setdefault(row.get("intervention_uid"), []).append(row)
    rows = []
    for item in items:
        if not item.effect_indicator:
            continue
        values = sorted(measured.get(item.uid, []), key=lambda r: r.get("year") or 0)
        if not values:
            rows.append([item.title, item.effect_indicator, item.baseline, item.target, None, None, ""])
        for v in values:
            rows.append([item.title, item.effect_indicator, item.baseline, item.target, v.get("year"), v.get("value"),
                         _progress(item.baseline, item.target, v.get("value"), lang)])
    return Section("effects", text("effects", lang), cols, rows, "" if progress_rows else text("effects_note", lang))


def _progress(baseline, target, value, lang: str) -> str:
    if baseline is None or target is None or value is None or target == baseline:
        return ""
    return number_text(100.0 * (value - baseline) / (target - baseline), lang) + " %"


def build_dossier(ov: Overview, district_id: str, findings: Iterable[dict], rule_titles: dict, lang: str,
                  codes: Optional[dict] = None, programme: str = "", made: Optional[datetime.date] = None,
                  progress_rows: Optional[Iterable[dict]] = None) -> Dossier:
    """The dossier of one district (see the module's rules)."""
    items = district_items(ov, district_id)
    active = [i for i in items if i.active]
    gaps = [ov.gaps[i.uid] for i in active if i.uid in ov.gaps]
    sections = [
        interventions_section(ov, items, codes or {}, lang),
        funding_section(ov, items, lang),
        _group_section(ov, items, "theme", "theme", text("per_theme", lang), text("c_theme", lang), lang),
        _group_section(ov, items, "domain", "domain", text("per_domain", lang), text("c_domain", lang), lang),
        _group_section(ov, items, "kind", "kind", text("per_kind", lang), text("c_kind", lang), lang),
    ]
    sections += findings_sections(district_findings(findings, district_id), rule_titles, lang)
    sections += [stacking_section(ov, district_id, lang), cases_section(ov, items, lang),
                 effects_section(items, progress_rows, lang)]
    return Dossier(district_id, ov.name(district_id), programme, lang, made or datetime.date.today(), sections,
                   [i.uid for i in items], len(active), sum(i.budget or 0.0 for i in active),
                   sum(g.funded for g in gaps), sum(g.shortfall or 0.0 for g in gaps))
