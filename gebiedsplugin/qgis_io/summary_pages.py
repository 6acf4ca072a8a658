"""The export's district summary pages: after the city's and each district's atlas page, a page with
the overview's charts and tables (the same as the Overview dock and the district report).

A second layout from the template ``resources/layouts/district_summary_<paper>_<orientation>.qpt``:
picture items hold the
charts (matplotlib, Agg, drawn at the item's size by ``overview_charts``), manual tables hold the
rows of ``overview_tables``; every number comes from ``core.aggregations`` / ``core.comparisons``.
``page_sequence.PageSequence`` hands the atlas pages and these summary pages in print order to
``QgsLayoutExporter.exportToPdf``, which writes them into one PDF. Names go into the labels as
expression string literals (``layout_text``): a label evaluates its text. A layout and project of its
own, in the thread that renders the atlas (the export's worker); the charts and tables drawn beside it.
"""

from __future__ import annotations

import os
import textwrap
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemPicture,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsTableCell,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import area_budget, budget_by_year, funder_matrix, money_by
from gebiedsplugin.core.atlas_pages import summary_area
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io import overview_tables
from gebiedsplugin.qgis_io.layout_text import label_literal, long_date
from gebiedsplugin.qgis_io.overview_charts import (
    draw_budget_by_year,
    draw_funder_shares,
    draw_money_by,
    drawing,
    money_text,
)
from gebiedsplugin.qgis_io.overview_tables import period_text
from gebiedsplugin.toolbelt.i18n import tr, translator_for
from gebiedsplugin.toolbelt.resources import resource_path

CHART_DPI = 200
CHARTS = ("chart_year", "chart_funder", "chart_theme", "chart_shares")
TABLES = ("money_table", "coverage_table", "stacking_table")
SAME_FOR_EVERY_AREA = ("chart_shares",)  # every district's share per funder: drawn once per period
TITLE_CHAR_MM = 1.75  # about the width of a character of a 9 pt chart title
MAX_NUMBER_COLUMN = 16.0  # mm: year columns of the stacking table stay narrow however wide the frame


def summary_template_path(request: ExportRequest) -> Path:
    """The summary template the request names, else the plugin's own for its paper size and orientation."""
    if request.summary_template:
        return Path(request.summary_template)
    return resource_path("layouts", "district_summary_{}_{}.qpt".format(request.paper, request.orientation))


class SummaryPages:
    """The summary layout, filled for one atlas page at a time (show()); charts drawn once per page."""

    def __init__(self, request: ExportRequest, overview, pages: list, programme_name: str, workdir: str):
        """*overview*: the Overview, or a Future of it (computed beside: the pages wait for it)."""
        self.request = request
        self._overview = overview
        self.pages = pages
        self.programme_name = programme_name
        self.workdir = workdir
        self.areas = {i: summary_area(p) for i, p in enumerate(pages) if summary_area(p) is not None}
        self.project = QgsProject()
        self.layout = QgsPrintLayout(self.project)
        self._charts: dict = {}  # atlas page index -> {item id: png path}, or its Future (prefetch)
        self._tables: dict = {}  # atlas page index -> {table id: TableText}, or its Future (prefetch)
        self._matrices: dict = {}  # (year_from, year_to) -> FunderMatrix (drawn in one thread at a time)
        self._shared: dict = {}  # (item id, year_from, year_to) -> png of a chart that shows no area
        self.page_numbers: dict = {}  # atlas page index -> printed page of its summary (AtlasBuilder.number_pages)
        self.total_pages = 0

    @property
    def ov(self):
        """The Overview (waited for when it is still being computed)."""
        return self._overview.result() if isinstance(self._overview, Future) else self._overview

    def count(self) -> int:
        return len(self.areas)

    def has(self, index: int) -> bool:
        """True when atlas page *index* (0-based) is followed by a summary page."""
        return index in self.areas

    # --- building ------------------------------------------------------------------------------
    def build(self) -> QgsPrintLayout:
        path = summary_template_path(self.request)
        if not path.is_file():
            raise ProgrammeError(tr("The summary page template {} does not exist.").format(path))
        doc = QDomDocument()
        ok = doc.setContent(path.read_text(encoding="utf-8"))
        if not (ok[0] if isinstance(ok, tuple) else ok):
            raise ProgrammeError(tr("The summary page template {} is not a valid .qpt file.").format(path))
        _items, loaded = self.layout.loadFromTemplate(doc, QgsReadWriteContext())
        if not loaded:
            raise ProgrammeError(tr("The summary page template {} could not be loaded.").format(path))
        self.layout.setName(tr("District summary"))
        self._labels = [i for i in self.layout.items() if isinstance(i, QgsLayoutItemLabel)]
        self._templates = {id(i): i.text().strip() for i in self._labels}
        self.tables = {}
        for multi in self.layout.multiFrames():
            if isinstance(multi, QgsLayoutItemManualTable):
                ids = [f.id() for f in multi.frames()]
                for table_id in TABLES:
                    if table_id in ids:
                        self.tables[table_id] = multi
                if multi.emptyTableMessage().strip() in ("", "{empty_table}"):
                    multi.setEmptyTableMessage(tr("No data for this selection"))
        return self.layout

    def texts(self, page, area: str) -> dict:
        """Placeholder -> text of the summary page of atlas page *page* (area *area*), translated."""
        y_from, y_to = page.year_from, page.year_to
        planned = sum(money_by(self.ov, "year", area, y_from, y_to).values())
        budget = area_budget(self.ov, area, year_from=y_from, year_to=y_to)
        lang = self.request.lang
        tr = translator_for(lang)  # the page's texts in the export's language
        index = self.pages.index(page) if page in self.pages else -1
        number = tr("Page {} of {}").format(self.page_numbers[index], self.total_pages) if (
            index in self.page_numbers) else tr("Summary of map page {} of {}").format(page.page, len(self.pages))
        return {
            "{title}": (tr("City summary: {}") if area == schema.CITY_ID else tr("District summary: {}")).format(
                label_literal(page.name)),
            "{subtitle}": tr("Period {}").format(period_text(y_from, y_to)) + " · " + tr(
                "Planned {} · area budget {}").format(money_text(planned, lang), money_text(budget, lang)),
            "{date}": tr("Printed on {}").format(long_date(QDate.currentDate(), lang)),
            "{source}": tr("Source: programme {} (gebiedsplugin). The same figures as the Overview dock.").format(
                label_literal(self.programme_name)),
            "{page}": number,
        }

    def show(self, index: int) -> QgsPrintLayout:
        """Fill the layout for the summary of atlas page *index*; the layout, ready to print."""
        page, area = self.pages[index], self.areas[index]
        tables = self.table_texts(index)
        texts = self.texts(page, area)
        texts.update({"{money_heading}": tables["money_table"].title,
                      "{coverage_heading}": tables["coverage_table"].title,
                      "{coverage_note}": tables["coverage_table"].note,
                      "{stacking_heading}": tables["stacking_table"].title,
                      "{stacking_note}": tables["stacking_table"].note})
        for label in self._labels:
            template = self._templates[id(label)]
            if template in texts:
                label.setText(texts[template])
        for table_id, multi in self.tables.items():
            fill_table(multi, tables[table_id], self._width(table_id))
        for item_id, png in self.charts(index).items():
            item = self.layout.itemById(item_id)
            if isinstance(item, QgsLayoutItemPicture):
                item.setPicturePath(png)
        self.layout.refresh()
        return self.layout

    def _width(self, table_id: str) -> float:
        """A table spans the width of its heading label (frames of a table shrink to its columns)."""
        heading = self.layout.itemById(table_id.replace("_table", "_heading"))
        return self.layout.convertToLayoutUnits(heading.sizeWithUnits()).width() if heading is not None else 0.0

    def table_texts(self, index: int) -> dict:
        """Table id -> TableText of the summary of atlas page *index* (made on first use, or waited for
        when prefetch() makes it)."""
        if index not in self._tables:
            self._tables[index] = self._make_tables(index)
        tables = self._tables[index]
        return tables.result() if isinstance(tables, Future) else tables

    def _make_tables(self, index: int) -> dict:
        page, area = self.pages[index], self.areas[index]
        y_from, y_to, lang = page.year_from, page.year_to, self.request.lang
        return {
            "money_table": overview_tables.money_table(self.ov, area, y_from, y_to, lang),
            "coverage_table": overview_tables.coverage_table(self.ov, area, y_from, y_to, lang),
            "stacking_table": overview_tables.stacking_text(self.ov, area, y_from, y_to),
        }

    # --- charts --------------------------------------------------------------------------------
    def charts(self, index: int) -> dict:
        """Item id -> PNG of each chart of the summary of atlas page *index* (drawn on first use, or
        waited for when prefetch() draws it)."""
        if index not in self._charts:
            self._charts[index] = self._draw_charts(index, self._chart_sizes())
        charts = self._charts[index]
        return charts.result() if isinstance(charts, Future) else charts

    def prefetch(self) -> None:
        """Make every page's tables and draw its charts in a thread of their own, in print order, while
        the atlas renders (QGIS draws its pages without holding Python's lock; the tables and matplotlib
        need it). The item sizes are read here, in the layout's thread; the work touches no layout."""
        sizes = self._chart_sizes()
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="summary-charts")
        for index in sorted(self.areas):
            if index not in self._tables:
                self._tables[index] = pool.submit(self._make_tables, index)
            if index not in self._charts:
                self._charts[index] = pool.submit(self._draw_charts, index, sizes)
        pool.shutdown(wait=False)

    def close(self) -> None:
        """Stop drawing ahead (an export that failed or was cancelled): charts not begun are dropped,
        the one being drawn is waited for, so no drawing outlives the export's working folder."""
        futures = [f for f in list(self._tables.values()) + list(self._charts.values()) if isinstance(f, Future)]
        for future in futures:
            future.cancel()
        wait(futures)

    def _chart_sizes(self) -> dict:
        """Item id -> (width, height) in mm of the template's chart pictures (a template may drop some)."""
        sizes = {}
        for item_id in CHARTS:
            item = self.layout.itemById(item_id)
            if isinstance(item, QgsLayoutItemPicture):
                size = self.layout.convertToLayoutUnits(item.sizeWithUnits())
                sizes[item_id] = (size.width(), size.height())
        return sizes

    def _draw_charts(self, index: int, sizes: dict) -> dict:
        page, area = self.pages[index], self.areas[index]
        y_from, y_to = page.year_from, page.year_to
        lang, ov = self.request.lang, self.ov
        if (y_from, y_to) not in self._matrices:
            self._matrices[(y_from, y_to)] = funder_matrix(ov, y_from, y_to)
        matrix = self._matrices[(y_from, y_to)]
        drawers = {
            "chart_year": lambda ax: draw_budget_by_year(ax, budget_by_year(ov, area, y_from, y_to), lang),
            "chart_funder": lambda ax: draw_money_by(ax, money_by(ov, "funder", area, y_from, y_to), "funder",
                                                     tr("Planned money per funder"), lang),
            "chart_theme": lambda ax: draw_money_by(ax, money_by(ov, "theme", area, y_from, y_to), "theme",
                                                    tr("Planned money per theme"), lang),
            "chart_shares": lambda ax: draw_funder_shares(ax, matrix, lambda d: overview_tables.district_label(ov, d),
                                                          lang),
        }
        out = {}
        for item_id, (width, height) in sizes.items():
            key = (item_id, y_from, y_to)
            if item_id in SAME_FOR_EVERY_AREA and key in self._shared:
                out[item_id] = self._shared[key]  # the same picture as on the period's other pages
                continue
            path = os.path.join(self.workdir, "summary_{:03d}_{}.png".format(index, item_id))
            render_chart(drawers[item_id], path, width, height)
            out[item_id] = self._shared[key] = path
        return out


def render_chart(draw, path: str, width_mm: float, height_mm: float) -> None:
    """Draw one chart with *draw(ax)* on a figure of the given size; write it as PNG at CHART_DPI."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with drawing():  # one at a time; names printed, not read as TeX
        fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=CHART_DPI, constrained_layout=True,
                     facecolor="white")
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_subplot(1, 1, 1)
        draw(ax)
        title = ax.get_title()
        if len(title) * TITLE_CHAR_MM > 0.8 * width_mm:  # a long (Dutch) title: two lines, not off the chart
            ax.title.set_text(textwrap.fill(title, width=len(title) // 2 + 6))
        # The canvas's own PNG print, not savefig(): savefig walks every artist once more before the drawing
        # (with drawing switched off, to lay the figure out); the canvas lays it out in its one drawing, to
        # the same pixels (a fifth less CPU a chart). Fast PNG compression: QGIS decodes the picture into the
        # PDF, the file is only a hand-over.
        canvas.print_png(path, pil_kwargs={"compress_level": 1})


def fill_table(multi: QgsLayoutItemManualTable, table, width: float = 0.0) -> None:
    """Headers, cells (numbers right-aligned, heat colours) of a layout table from a TableText; the
    columns spread over *width* mm."""
    headers = []
    for k, text in enumerate(table.headers):
        column = QgsLayoutTableColumn(text)
        column.setHAlignment(Qt.AlignmentFlag.AlignRight if k in table.numeric else Qt.AlignmentFlag.AlignLeft)
        headers.append(column)
    rows = []
    for r, values in enumerate(table.rows):
        row = []
        for k, value in enumerate(values):
            cell = QgsTableCell(value)
            if k in table.numeric:
                cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if table.colours and table.colours[r][k].lower() != "#ffffff":
                cell.setBackgroundColor(QColor(table.colours[r][k]))
            row.append(cell)
        rows.append(row)
    widths = column_widths(multi, table, width)
    for column, width in zip(headers, widths):
        column.setWidth(width)
    multi.setTableContents(rows)
    multi.setHeaders(headers)
    multi.setColumnWidths(widths)
    multi.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)


def column_widths(multi: QgsLayoutItemManualTable, table, width: float) -> list:
    """Widths (mm) that spread the columns over *width* (0: each column as wide as its text) by the
    table's weights (else text columns twice a number column); number columns of a wide table at
    most MAX_NUMBER_COLUMN; on a narrow page no number column narrower than its widest text (a
    wrapped amount would push the last rows out of the frame)."""
    n = len(table.headers)
    usable = width - n * 2 * multi.cellMargin() - (n + 1) * multi.gridStrokeWidth() - 0.5
    if n == 0 or usable <= n:
        return [0.0] * n
    weights = list(table.weights) if len(table.weights) == n else [1.0 if k in table.numeric else 2.0
                                                                   for k in range(n)]
    unit = usable / sum(weights)
    if len(table.numeric) > 4:
        unit = min(unit, MAX_NUMBER_COLUMN)
    widths = [w * unit for w in weights]
    font = QFont(multi.contentTextFormat().font())
    font.setPointSizeF(multi.contentTextFormat().size())
    need = {k: max([QgsLayoutUtils.textWidthMM(font, str(row[k])) for row in table.rows if k < len(row)] + [0.0])
            * 1.05 + 0.3 for k in table.numeric if k < n}
    short = sum(max(need[k] - widths[k], 0.0) for k in need)
    others = [k for k in range(n) if k not in need]
    if short > 0 and others and sum(widths[k] for k in others) > 2 * short:
        for k in need:
            widths[k] = max(widths[k], need[k])
        spare = sum(widths[k] for k in others)
        for k in others:
            widths[k] -= short * widths[k] / spare
    return widths
