"""The Overview dock's panels: money charts, stacking heat table, priority coverage, comparable cases,
effects. Each panel shows what the core's functions return for the dock's scope; no arithmetic here.
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from gebiedsplugin.core.aggregations import is_city, stacking_table
from gebiedsplugin.core.comparisons import comparable_cases, effects, effects_by_status, priority_coverage
from gebiedsplugin.gui.overview_chart_view import ChartView
from gebiedsplugin.gui.text_table import TextTable
from gebiedsplugin.qgis_io.overview_charts import code_label, heat_colour, money_text
from gebiedsplugin.qgis_io.overview_render import draw_money
from gebiedsplugin.qgis_io.overview_tables import coverage_state, period_text
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import number

SIMILARITY = 6  # the cases table's similarity column

STATE_COLOURS = {"covered": "#d9f0d3", "funded_not_prioritised": "#fde0c5", "prioritised_not_funded": "#f8d0d0"}


def make_table(parent, name: str) -> TextTable:
    return TextTable(parent, name)


def fill_table(table: TextTable, headers: list, rows: list, colours: list = None, **more) -> None:
    """Put *rows* (lists of text) under *headers*; optional background colour per row (or per cell)."""
    table.set_rows(headers, rows, colours, **more)


class _Panel(QWidget):
    """A panel computes what it shows in compute() (plain work on the Overview: in a worker when the
    dock draws in the background) and puts it in its widgets in show_data() (main thread)."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel(self)
        self.summary.setObjectName(name + "_summary")
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)

    def geometry_now(self) -> dict:
        """What compute() needs of the widgets (read on the main thread)."""
        return {}

    def update_scope(self, ov, district, year_from, year_to, lang) -> None:
        """Compute and show at once (the dock's synchronous path)."""
        self.show_data(ov, district, year_from, year_to, lang,
                       self.compute(ov, district, year_from, year_to, lang, self.geometry_now()))


class MoneyPanel(_Panel):
    """One chart at a time: per year against the area budget, per theme, domain, funder, funder shares."""

    VIEWS = ("year", "theme", "domain", "funder", "shares")

    def __init__(self, parent=None):
        super().__init__("overview_money", parent)
        self.view = QComboBox(self)
        self.view.setObjectName("money_view")
        for key, text in zip(self.VIEWS, (tr("Per year against the area budget"), tr("Per theme"), tr("Per domain"),
                                          tr("Per funder"), tr("Share per funder across districts"))):
            self.view.addItem(text, key)
        self.layout_.insertWidget(0, self.view)
        self.canvas = ChartView(self)
        self.canvas.setObjectName("money_canvas")
        self.canvas.setMinimumHeight(260)
        self.layout_.addWidget(self.canvas, 1)
        self.view.currentIndexChanged.connect(lambda _i: self.draw())
        self.args = None
        self.drawing = None  # qgis_io.overview_render.MoneyDrawing: every view drawn

    @property
    def figure(self):
        """The figure of the chart shown (None before the first drawing)."""
        chart = self.drawing.charts.get(self.view.currentData()) if self.drawing is not None else None
        return chart.figure if chart is not None else None

    def geometry_now(self) -> dict:
        size = (self.canvas.width(), self.canvas.height()) if self.canvas.isVisible() else (0, 0)
        if size[0] < 150 or size[1] < 150:
            size = (400, 320)  # not laid out yet: drawn again at its size when shown (ChartView.resized)
        return {"size": size, "ratio": self.canvas.devicePixelRatioF()}

    def compute(self, ov, district, year_from, year_to, lang, geometry):
        return draw_money(ov, district, year_from, year_to, lang, geometry["size"], geometry["ratio"])

    def show_data(self, ov, district, year_from, year_to, lang, drawing) -> None:
        self.args = (ov, district, year_from, year_to, lang)
        self.drawing = drawing
        self.summary.setText(tr("Planned {} · area budget {}").format(money_text(drawing.planned, lang),
                                                                       money_text(drawing.budget, lang)))
        self.draw()

    def draw(self) -> None:
        chart = self.drawing.charts.get(self.view.currentData()) if self.drawing is not None else None
        self.canvas.set_chart(chart)


class StackingPanel(_Panel):
    """Neighbourhoods by years; cells coloured up to the threshold, red and bold above it."""

    def __init__(self, parent=None):
        super().__init__("overview_stacking", parent)
        self.table = make_table(self, "stacking_table")
        self.layout_.addWidget(self.table, 1)
        self.data = None

    def compute(self, ov, district, year_from, year_to, lang, _geometry):
        """The table and its cells (plain work: in a worker when the dock draws in the background)."""
        data = stacking_table(ov, district, year_from, year_to)
        rows, colours, bold, tips = [], [], [], {}
        for r, hood in enumerate(data.neighbourhoods):
            counts = tuple(data.count(hood, year) for year in data.years)  # tuples of plain values: the
            rows.append(counts)  # collector stops tracking them
            colours.append(tuple(heat_colour(count, data.threshold) for count in counts))
            for c, year in enumerate(data.years):
                if data.over(hood, year):
                    bold.append((r, c))
                    tips[(r, c)] = tr("Over the stacking threshold")
        return data, len(data.cells_over()), {"colours": colours, "tips": tips, "bold": bold, "rows": rows,
                                              "vertical": [str(data.names.get(n, n)) for n in data.neighbourhoods]}

    def show_data(self, ov, district, year_from, year_to, lang, computed) -> None:
        data, over, cells = computed
        self.data = data
        self.summary.setText(tr("Interventions per neighbourhood per year. More than {} is stacking (red); "
                                "{} cells over the threshold.").format(number(data.threshold), number(over)))
        rows = cells.pop("rows")
        fill_table(self.table, [str(y) for y in data.years], rows, **cells)


class CoveragePanel(_Panel):
    """Themes funded but not prioritised, prioritised but not funded, and covered."""

    def __init__(self, parent=None):
        super().__init__("overview_coverage", parent)
        self.table = make_table(self, "coverage_table")
        self.layout_.addWidget(self.table, 1)
        self.rows: list = []

    def compute(self, ov, district, year_from, year_to, lang, _geometry):
        return priority_coverage(ov, district, year_from, year_to)

    def show_data(self, ov, district, year_from, year_to, lang, rows) -> None:
        self.rows = rows
        self.summary.setText(tr("{} themes funded but not prioritised, {} prioritised but not funded.").format(
            sum(r.state == "funded_not_prioritised" for r in self.rows),
            sum(r.state == "prioritised_not_funded" for r in self.rows)) if self.rows else
            tr("No area goals to compare with."))
        fill_table(self.table, [tr("District"), tr("Theme"), tr("Priority"), tr("Planned"), tr("State")],
                   [[ov.name(r.district_id), code_label("theme", r.theme, lang),
                     "–" if r.priority is None else number(r.priority, 0), money_text(r.funded, lang),
                     coverage_state(r.state)] for r in self.rows],
                   [STATE_COLOURS.get(r.state) for r in self.rows])
        self.table.setColumnHidden(0, not is_city(district))  # the district column only for the city


def similarity_scale() -> str:
    """What the similarity of a comparable case counts (its scale is 0 to 3)."""
    return tr("Similarity from 0 to 3: one point for the same domain, one for an overlapping period, and up "
              "to one for a budget alike (1 = the same budget).")


def similarity_parts(case) -> str:
    """The similarity of *case* taken apart, e.g. 'same domain 1 + overlapping period 0 + budget 0,65'."""
    return tr("Same domain {} + overlapping period {} + budget alike {} = {}").format(
        number(float(case.same_domain), 0), number(float(case.overlapping), 0), number(case.budget_closeness, 2),
        number(case.score, 2))


class CasesPanel(_Panel):
    """Comparable cases in other districts for the selected intervention."""

    def __init__(self, parent=None):
        super().__init__("overview_cases", parent)
        self.table = make_table(self, "cases_table")
        self.layout_.addWidget(self.table, 1)
        self.cases: list = []
        self.uid = ""

    def decision_text(self, decision: str) -> str:
        return {"approved": tr("Approved"), "rejected": tr("Rejected"), "pending": tr("Pending")}.get(
            decision, tr("Unknown"))

    def update_subject(self, ov, uid: str, lang: str) -> None:
        self.uid = uid or ""
        subject = ov.by_uid(uid) if ov is not None and uid else None
        self.cases = comparable_cases(ov, uid) if subject is not None else []
        if subject is None:
            self.summary.setText(tr("Select an intervention (in the timeline or on the map) to see comparable "
                                    "cases in other districts."))
        else:
            self.summary.setText(tr("{} cases of the same kind ({}) and theme ({}) in other districts as: {}").format(
                len(self.cases), code_label("kind", subject.kind, lang), code_label("theme", subject.theme, lang),
                subject.title) + "\n" + similarity_scale())
        fill_table(self.table, [tr("District"), tr("Title"), tr("Years"), tr("Status"), tr("Budget"),
                                tr("Decision"), tr("Similarity (0–3)")],
                   [[ov.name(c.item.district_id), c.item.title,
                     period_text(c.item.start_year, c.item.end_year), code_label("status", c.item.status, lang),
                     money_text(c.item.budget or 0, lang), self.decision_text(c.decision), number(c.score, 2)]
                    for c in self.cases],
                   tips={(row, SIMILARITY): similarity_parts(case) for row, case in enumerate(self.cases)},
                   header_tips={SIMILARITY: similarity_scale()})


class EffectsPanel(_Panel):
    """Interventions with an effect indicator, baseline and target; status counts per district."""

    def __init__(self, parent=None):
        super().__init__("overview_effects", parent)
        self.table = make_table(self, "effects_table")
        self.layout_.addWidget(self.table, 1)
        self.rows: list = []

    def compute(self, ov, district, year_from, year_to, lang, _geometry):
        """The effects and their table rows (plain work: in a worker when the dock draws in the background)."""
        rows = effects(ov, district, year_from, year_to)
        return rows, effects_by_status(ov, district, year_from, year_to), [
            (ov.name(i.district_id), i.title, i.effect_indicator, number(i.baseline), number(i.target),
             code_label("status", i.status, lang)) for i in rows]

    def show_data(self, ov, district, year_from, year_to, lang, data) -> None:
        self.rows, per, cells = data
        self.summary.setText("\n".join("{}: {}".format(ov.name(d), ", ".join(
            "{} {}".format(n, code_label("status", s, lang)) for s, n in sorted(counts.items())))
            for d, counts in sorted(per.items(), key=lambda kv: ov.name(kv[0]))) or tr("No effects to monitor."))

        fill_table(self.table, [tr("District"), tr("Title"), tr("Indicator"), tr("Baseline"), tr("Target value"),
                                tr("Status")], cells)
        self.table.setColumnHidden(0, not is_city(district))
