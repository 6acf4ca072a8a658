"""The district report: one A4 PDF page per area (the city and/or districts) with the overview's charts
and tables. Numbers come from ``core.aggregations`` / ``core.comparisons``; charts from
``overview_charts`` (the dock draws the same). Written to a temporary file, renamed when complete.
"""

from __future__ import annotations

from typing import Optional

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import area_budget, budget_by_year, funder_matrix, money_by, prepare
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io import overview_tables
from gebiedsplugin.qgis_io.overview_charts import (
    draw_budget_by_year,
    draw_funder_shares,
    draw_money_by,
    drawing,
    money_text,
)
from gebiedsplugin.qgis_io.overview_tables import period_text
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr

A4 = (8.27, 11.69)


def report_areas(ov, requested: str) -> list:
    """Areas of the report: the city then every district when *requested* is empty, else the ids given."""
    ids = [p.strip() for p in (requested or "").split(",") if p.strip()]
    if not ids:
        return [schema.CITY_ID] + ov.districts()
    unknown = [d for d in ids if d != schema.CITY_ID and d not in ov.district_names]
    if unknown:
        raise ProgrammeError(tr("Unknown districts: {}").format(", ".join(unknown)))
    return list(dict.fromkeys(ids))


def write_district_report(store, output: str, districts: str = "", year_from: Optional[int] = None,
                          year_to: Optional[int] = None, overwrite: bool = False, lang: str = "en",
                          feedback=None) -> list:
    """Write the report of *store*'s programme to *output*; return the areas, one per page."""
    ov = prepare(store.read_programme())
    areas = report_areas(ov, districts)
    matrix = funder_matrix(ov, year_from, year_to)
    with atomic_path(output, overwrite) as tmp, drawing():  # one chart at a time; names printed, not TeX
        with PdfPages(tmp) as pdf:
            for k, area in enumerate(areas):
                if feedback is not None:
                    if feedback.isCanceled():
                        raise ProgrammeError(tr("Cancelled."))
                    feedback.setProgress(100.0 * k / len(areas))
                fig = Figure(figsize=A4)
                draw_page(fig, ov, area, year_from, year_to, lang, matrix)
                pdf.savefig(fig)
            info = pdf.infodict()
            info["Title"] = tr("District report")
    return areas


def draw_page(fig, ov, area: str, year_from, year_to, lang: str, matrix) -> None:
    """One area's page: title, four charts, three tables."""
    fig.suptitle(tr("{} · {}").format(ov.name(area), period_text(year_from, year_to)), fontsize=13,
                 fontweight="bold", y=0.985)
    planned = sum(money_by(ov, "year", area, year_from, year_to).values())
    budget = area_budget(ov, area, year_from=year_from, year_to=year_to)
    fig.text(0.5, 0.955, tr("Planned {} · area budget {}").format(money_text(planned, lang), money_text(budget, lang)),
             ha="center", fontsize=9)
    grid = fig.add_gridspec(4, 2, left=0.17, right=0.97, top=0.92, bottom=0.03, hspace=0.55, wspace=0.6,
                            height_ratios=[1, 1, 1.25, 1.25])
    draw_budget_by_year(fig.add_subplot(grid[0, 0]), budget_by_year(ov, area, year_from, year_to), lang)
    draw_money_by(fig.add_subplot(grid[0, 1]), money_by(ov, "funder", area, year_from, year_to), "funder",
                  tr("Planned money per funder"), lang)
    draw_money_by(fig.add_subplot(grid[1, 0]), money_by(ov, "theme", area, year_from, year_to), "theme",
                  tr("Planned money per theme"), lang)
    draw_funder_shares(fig.add_subplot(grid[1, 1]), matrix, ov.name, lang)
    tables = grid[2, :].subgridspec(1, 2, wspace=0.05, width_ratios=[1, 1.15])
    money_table(fig.add_subplot(tables[0, 0]), ov, area, year_from, year_to, lang)
    coverage_table(fig.add_subplot(tables[0, 1]), ov, area, year_from, year_to, lang)
    stacking_block(fig.add_subplot(grid[3, :]), ov, area, year_from, year_to)


def _table(ax, title: str, headers: list, rows: list, note: str = "", colours=None) -> None:
    ax.axis("off")
    ax.set_title(title, fontsize=9, loc="left", pad=12 if note else 6)
    if note:
        ax.text(0, 1.0, note, fontsize=6, color="#666666", transform=ax.transAxes, va="bottom")
    if not rows:
        ax.text(0, 0.8, tr("No data for this selection"), fontsize=7, color="#666666", transform=ax.transAxes)
        return
    table = ax.table(cellText=rows, colLabels=headers, loc="upper left", cellLoc="left", cellColours=colours)
    table.auto_set_font_size(False)
    table.set_fontsize(6.5)
    table.auto_set_column_width(list(range(len(headers))))
    table.scale(1, 0.95)


def money_table(ax, ov, area, year_from, year_to, lang) -> None:
    """Money per funder and per theme, with the share of the area budget of the period."""
    _draw(ax, overview_tables.money_table(ov, area, year_from, year_to, lang))


def coverage_table(ax, ov, area, year_from, year_to, lang) -> None:
    """Themes funded but not prioritised and prioritised but not funded (mismatches first)."""
    _draw(ax, overview_tables.coverage_table(ov, area, year_from, year_to, lang))


def stacking_block(ax, ov, area, year_from, year_to) -> None:
    """Interventions per neighbourhood and year; cells over the threshold in red."""
    _draw(ax, overview_tables.stacking_text(ov, area, year_from, year_to))


def _draw(ax, table) -> None:
    _table(ax, table.title, table.headers, table.rows, table.note, table.colours if table.rows and table.colours
           else None)
