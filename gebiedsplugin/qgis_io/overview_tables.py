"""The overview's tables as rows of text: one content for the district report (matplotlib tables) and
the export's summary pages (layout tables).

Only formatting: every number comes from ``core.aggregations`` / ``core.comparisons``; texts go through
tr() and value-list labels through ``overview_charts.code_label`` in the chosen language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gebiedsplugin.core.aggregations import area_budget, is_city, money_by, stacking_table
from gebiedsplugin.core.comparisons import priority_coverage
from gebiedsplugin.qgis_io.overview_charts import code_label, heat_colour, money_text
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import number, percent

TABLE_ROWS = 12
MONEY_ROWS = 6  # funders and themes each in the money table


@dataclass
class TableText:
    """A table to print: title, column headers, rows of cell texts, a note and optional cell colours."""

    title: str
    headers: list
    rows: list
    note: str = ""
    colours: list = field(default_factory=list)  # per row, per cell: '#rrggbb' (empty: no colours)
    numeric: tuple = ()  # indexes of right-aligned columns
    weights: tuple = ()  # relative column widths where a layout spreads the table (empty: text 2, number 1)


def period_text(year_from, year_to) -> str:
    if year_from is None and year_to is None:
        return tr("all years")
    if year_from is not None and year_from == year_to:
        return str(year_from)  # one year written once, not "2025–2025"
    return "{}–{}".format(year_from if year_from is not None else "…", year_to if year_to is not None else "…")


def coverage_state(state: str) -> str:
    """Short text of a coverage state."""
    return {"covered": tr("OK"), "funded_not_prioritised": tr("Not prioritised"),
            "prioritised_not_funded": tr("Not funded")}.get(state, state)


def money_table(ov, area, year_from, year_to, lang: str) -> TableText:
    """Money per funder and per theme, with the share of the area budget of the period."""
    budget = area_budget(ov, area, year_from=year_from, year_to=year_to)
    rows = []
    for list_name, header in (("funder", tr("Funder")), ("theme", tr("Theme"))):
        for code, amount in list(money_by(ov, list_name, area, year_from, year_to).items())[:MONEY_ROWS]:
            share = percent(100 * amount / budget, lang=lang) if budget else "–"
            rows.append([header, code_label(list_name, code, lang), money_text(amount, lang), share])
    rows.append([tr("Total"), tr("Area budget"), money_text(budget, lang), ""])
    return TableText(tr("Money against the area budget"), [tr("By"), tr("Name"), tr("Planned"), tr("Of area budget")],
                     rows, numeric=(2, 3), weights=(1, 2, 1, 1))


def district_label(ov, district) -> str:
    """A district's name under a District heading; the city's row reads "Whole city", not the
    municipality's name (which is no district)."""
    return tr("Whole city") if is_city(district) else ov.name(district)


def coverage_table(ov, area, year_from, year_to, lang: str) -> TableText:
    """Themes funded but not prioritised and prioritised but not funded (mismatches first)."""
    rows = priority_coverage(ov, area, year_from, year_to)
    cells = [[code_label("theme", r.theme, lang), "–" if r.priority is None else number(r.priority, 0, lang),
              money_text(r.funded, lang), coverage_state(r.state)] for r in rows[:TABLE_ROWS]]
    headers = [tr("Theme"), tr("Priority"), tr("Planned"), tr("State")]
    numeric = (1, 2)
    if is_city(area):
        cells = [[district_label(ov, r.district_id)] + c for r, c in zip(rows, cells)]
        headers.insert(0, tr("District"))
        numeric = (2, 3)
    note = tr("{} of {} rows").format(TABLE_ROWS, len(rows)) if len(rows) > TABLE_ROWS else ""
    return TableText(tr("Priority coverage"), headers, cells, note, numeric=numeric)


def stacking_text(ov, area, year_from, year_to) -> TableText:
    """Interventions per neighbourhood and year (the busiest neighbourhoods); cells over the threshold red."""
    table = stacking_table(ov, area, year_from, year_to)
    hoods = sorted(table.neighbourhoods, key=lambda n: -max((table.count(n, y) for y in table.years), default=0))
    shown = sorted(hoods[:TABLE_ROWS], key=table.neighbourhoods.index)
    rows = [[str(table.names.get(n, n))] + [str(table.count(n, y)) for y in table.years] for n in shown]
    colours = [["#ffffff"] + [heat_colour(table.count(n, y), table.threshold) for y in table.years] for n in shown]
    note = tr("More than {} interventions in a neighbourhood in a year is stacking (red).").format(
        number(table.threshold))
    if len(hoods) > TABLE_ROWS:
        note += " " + tr("The {} busiest of {} neighbourhoods.").format(TABLE_ROWS, len(hoods))
    return TableText(tr("Stacking: interventions per neighbourhood per year"),
                     [tr("Neighbourhood")] + [str(y) for y in table.years], rows, note, colours,
                     tuple(range(1, len(table.years) + 1)), (2.5,) + (1,) * len(table.years))
