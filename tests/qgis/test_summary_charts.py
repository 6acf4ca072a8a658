"""The summary pages' charts (summary_pages.render_chart) have the pixels matplotlib's savefig() gives the
same figure. render_chart prints them with the Agg canvas in one drawing; savefig lays a figure out in a
drawing of its own first (drawing switched off), then draws it again. Charts of the sample programme
and the hard cases: many years (turned labels), a title wrapped onto two lines, a legend below the
bars, no data."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from PIL import Image

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import budget_by_year, funder_matrix, money_by, prepare
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.overview_charts import (
    draw_budget_by_year,
    draw_funder_shares,
    draw_money_by,
    drawing,
)
from gebiedsplugin.qgis_io.overview_tables import district_label
from gebiedsplugin.qgis_io.summary_pages import CHART_DPI, TITLE_CHAR_MM, render_chart


@pytest.fixture(scope="module")
def overview(qgis_app):
    programme, _ = generate_sample(seed=42)
    return prepare(programme)


def _savefig(draw, path, width_mm: float, height_mm: float) -> None:
    """The chart as matplotlib's savefig() writes the figure (the summary pages' way before)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with drawing():
        fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=CHART_DPI, constrained_layout=True)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot(1, 1, 1)
        draw(ax)
        title = ax.get_title()
        if len(title) * TITLE_CHAR_MM > 0.8 * width_mm:
            ax.title.set_text(textwrap.fill(title, width=len(title) // 2 + 6))
        fig.savefig(path, dpi=CHART_DPI, facecolor="white")


def _charts(ov) -> dict:
    district = ov.districts()[0]
    theme = money_by(ov, "theme", district)
    return {
        "year_city": (lambda ax: draw_budget_by_year(ax, budget_by_year(ov, schema.CITY_ID), "en"), 120, 70),
        "year_district_nl": (lambda ax: draw_budget_by_year(ax, budget_by_year(ov, district), "nl"), 90, 60),
        "funder": (lambda ax: draw_money_by(ax, money_by(ov, "funder", district), "funder",
                                            "Planned money per funder", "en"), 90, 60),
        "theme_title_wrapped": (lambda ax: draw_money_by(
            ax, theme, "theme", "Geplande middelen per thema binnen de gekozen periode en wijk", "nl"), 70, 55),
        "shares_legend_below": (lambda ax: draw_funder_shares(
            ax, funder_matrix(ov), lambda d: district_label(ov, d), "en"), 180, 90),
        "empty": (lambda ax: draw_money_by(ax, {}, "funder", "Planned money per funder", "en"), 80, 50),
    }


@pytest.mark.parametrize("name", ["year_city", "year_district_nl", "funder", "theme_title_wrapped",
                                  "shares_legend_below", "empty"])
def test_a_chart_has_the_pixels_savefig_gives_it(overview, tmp_path, name):
    draw, width, height = _charts(overview)[name]
    render_chart(draw, str(tmp_path / "chart.png"), width, height)
    _savefig(draw, str(tmp_path / "savefig.png"), width, height)
    chart = np.asarray(Image.open(tmp_path / "chart.png").convert("RGBA"))
    expected = np.asarray(Image.open(tmp_path / "savefig.png").convert("RGBA"))
    assert chart.shape == expected.shape
    assert chart.std() > 10  # something drawn, not a blank page
    assert (chart == expected).all(), "{} pixels differ".format(int((chart != expected).any(axis=2).sum()))
