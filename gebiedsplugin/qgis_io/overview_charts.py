"""The overview's charts, drawn with matplotlib on given Axes: one look in the dock and in the report.

Only drawing: every number comes from ``core.aggregations`` / ``core.comparisons``. Texts go through
tr() and value-list labels through ``value_lists.label`` in the chosen language. Works with any canvas
(Qt in the dock, Agg/PDF in the report).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from gebiedsplugin.core.aggregations import UNKNOWN
from gebiedsplugin.core.value_lists import label
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import money_short, percent

PLANNED, OVER, BUDGET = "#4c78a8", "#e45756", "#333333"
PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#eeca3b", "#9d755d", "#72b7b2", "#ff9da6", "#bab0ac")
LONG_TIMELINE = 25  # rows from which the years are repeated above the bars
STATUS_COLOURS = {"idea": "#bab0ac", "planned": "#4c78a8", "in_progress": "#f58518", "done": "#54a24b",
                  "cancelled": "#e45756"}


# matplotlib is not thread-safe (global rcParams, shared caches): the Overview draws in task workers and the
# export's summary charts in a thread beside the atlas, so one chart is drawn at a time.
_DRAWING = threading.RLock()


@contextmanager
def drawing():
    """One chart drawn at a time, its texts printed as written (plain_text)."""
    with _DRAWING, plain_text():
        yield


def plain_text():
    """A context in which matplotlib prints texts as written: names with two ``$`` are not TeX math
    (``Wijk $x^2$``), and one with an unknown command (``$\\foo$``) does not abort the drawing."""
    import contextlib

    import matplotlib

    if "text.parse_math" not in matplotlib.rcParams:  # matplotlib < 3.5 cannot switch it off
        return contextlib.nullcontext()
    return matplotlib.rc_context({"text.parse_math": False})


def money_text(value: float, lang: str = "en") -> str:
    """Short money text in *lang*'s number format: € 1.2M / € 950k (Dutch: € 1,2 mln / € 950k)."""
    return money_short(value, lang)


def code_label(list_name: str, code, lang: str) -> str:
    """Label of a value-list code; the unknown funder/theme as 'Unknown'."""
    if code == UNKNOWN or code in (None, ""):
        return tr("Unknown")
    return label(list_name, str(code), lang)


def _money_axis(ax, lang: str, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(4 if axis == "x" else 5))
    target.set_major_formatter(FuncFormatter(lambda v, _pos: money_text(v, lang)))
    ax.grid(axis=axis, alpha=0.3)
    ax.set_axisbelow(True)


def _empty(ax, title: str) -> None:
    ax.set_title(title, fontsize=9, wrap=True)
    ax.text(0.5, 0.5, tr("No data for this selection"), ha="center", va="center", transform=ax.transAxes,
            fontsize=8, color="#666666")
    ax.set_xticks([])
    ax.set_yticks([])


def draw_budget_by_year(ax, rows: list, lang: str) -> None:
    """Planned money per year (red when over the area budget) with the area budget as markers."""
    title = tr("Planned money per year against the area budget")
    if not rows:
        _empty(ax, title)
        return
    years = [r.year for r in rows]
    ax.bar(years, [r.planned for r in rows], color=[OVER if r.over else PLANNED for r in rows],
           label=tr("Planned"))
    with_budget = [r for r in rows if r.area_budget > 0]
    if with_budget:
        ax.plot([r.year for r in with_budget], [r.area_budget for r in with_budget], linestyle="none",
                marker="_", markersize=16, markeredgewidth=2.5, color=BUDGET, label=tr("Area budget"))
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], fontsize=7, rotation=45 if len(years) > 8 else 0)
    ax.tick_params(axis="y", labelsize=7)
    _money_axis(ax, lang)
    ax.set_title(title, fontsize=9, wrap=True)
    ax.legend(fontsize=7, loc="upper left", frameon=False)


def draw_money_by(ax, amounts: dict, list_name: str, title: str, lang: str, limit: int = 10) -> None:
    """Horizontal bars of money per code of a value list (largest on top)."""
    if not amounts:
        _empty(ax, title)
        return
    items = list(amounts.items())[:limit]
    labels = [code_label(list_name, code, lang) for code, _ in items]
    positions = list(range(len(items)))[::-1]
    ax.barh(positions, [a for _, a in items], color=[PALETTE[i % len(PALETTE)] for i in range(len(items))])
    ax.set_yticks(positions)
    ax.set_yticklabels(labels, fontsize=7)
    ax.tick_params(axis="x", labelsize=7)
    _money_axis(ax, lang, "x")
    ax.set_title(title, fontsize=9, wrap=True)


def draw_funder_shares(ax, matrix, district_name, lang: str) -> None:
    """Per funder, the part of its money going to each district (100 % stacked bars)."""
    title = tr("Share per funder across districts")
    if not matrix.funders:
        _empty(ax, title)
        return
    positions = list(range(len(matrix.funders)))[::-1]
    left = [0.0] * len(matrix.funders)
    for k, district in enumerate(matrix.districts):
        shares = [matrix.share(district, f) * 100 for f in matrix.funders]
        ax.barh(positions, shares, left=left, color=PALETTE[k % len(PALETTE)], label=district_name(district))
        left = [a + b for a, b in zip(left, shares)]
    ax.set_yticks(positions)
    ax.set_yticklabels([code_label("funder", f, lang) for f in matrix.funders], fontsize=7)
    ax.set_xlim(0, 100)
    from matplotlib.ticker import FuncFormatter

    # The unit in the tick labels ("50 %"), not as an axis label that the legend below would cover.
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: percent(v, lang=lang)))
    ax.tick_params(axis="x", labelsize=7)
    ax.set_title(title, fontsize=9, wrap=True)
    ax.legend(fontsize=6, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False)


def draw_timeline(ax, items: list, lang: str, highlight: str = "", with_legend: bool = True,
                  row_labels: bool = True) -> list:
    """Gantt bars, one row per item (first on top); return the items in row order (row 0 = top).

    The bars are a few collections (one for the plain bars, one per colour of indicative ones: their hatch
    takes the collection's first edge colour), not an artist per bar: a thousand rows made 180,000 Python
    objects, which the cycle collector walks in one pass that stops the QGIS window. *row_labels* False:
    the titles are not ticks either; draw_row_labels() paints them once the figure is drawn.
    The status legend stands beside the bars (right of the axes), never over them; the dock shows it
    outside its scroll area instead (*with_legend* False)."""
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import to_rgba

    title = tr("Timeline")
    if not items:
        _empty(ax, title)
        return []
    n = len(items)
    groups: dict = {}  # hatch colour (None: plain) -> (boxes, faces, edges, widths, styles)
    for row, item in enumerate(items):
        y = n - 1 - row
        colour = STATUS_COLOURS.get(item.status, "#888888")
        alpha = 0.45 if item.indicative else 1.0
        begin, end = item.time_span  # to the quarter where quarters are given
        group = groups.setdefault(colour if item.indicative else None, ([], [], [], [], []))
        group[0].append(((begin, y - 0.35), (end, y - 0.35), (end, y + 0.35), (begin, y + 0.35)))
        group[1].append(to_rgba(colour, alpha))
        group[2].append(to_rgba("black" if item.uid == highlight else colour, alpha))
        group[3].append(2 if item.uid == highlight else 0.5)
        group[4].append("--" if item.indicative else "-")
    for hatch_colour, (boxes, faces, edges, widths, styles) in groups.items():
        if hatch_colour is not None:  # the hatch in the bars' own colour, whichever bar is highlighted
            order = sorted(range(len(boxes)), key=lambda k: widths[k])
            boxes, faces, edges, widths, styles = ([values[k] for k in order]
                                                   for values in (boxes, faces, edges, widths, styles))
        ax.add_collection(PolyCollection(boxes, facecolors=faces, edgecolors=edges, linewidths=widths,
                                         linestyles=styles, hatch="///" if hatch_colour else None))
    if row_labels:
        ax.set_yticks(range(n))
        ax.set_yticklabels([_short(i.title) for i in items][::-1], fontsize=7)
    else:  # one tick, the widest title's, transparent: the layout leaves room for the painted titles
        row = _widest([_short(i.title) for i in items])
        ax.set_yticks([n - 1 - row])
        ax.set_yticklabels([_short(items[row].title)], fontsize=7, color="none")
        ax.tick_params(axis="y", color="none")
    first = min(i.start_year for i in items)
    last = max(i.end_year for i in items) + 1
    ax.set_xlim(first, last)
    ax.set_ylim(-0.6, n - 0.4)
    _year_axis(ax)
    ax.grid(axis="x", which="both", alpha=0.3)
    ax.set_axisbelow(True)
    # Years at the bottom, where a chart's axis is read; a long chart repeats them on top.
    ax.tick_params(axis="x", bottom=True, labelbottom=True, top=n > LONG_TIMELINE, labeltop=n > LONG_TIMELINE)
    ax.set_title(title, fontsize=9, pad=14 if n > LONG_TIMELINE else 6, wrap=True)
    if with_legend:
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(facecolor="white" if hatch else colour, edgecolor=colour, hatch=hatch or None,
                                 linestyle="--" if hatch else "-", label=text)
                           for text, colour, hatch in timeline_legend(items, lang)],
                  fontsize=6, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return items


YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)


def _year_axis(ax, fontsize: float = 7) -> None:
    """Years on the x axis, every *step* years where a label a year would not fit the axes' width (a
    400 px dock over ten years); a grid line every year still. The step is chosen when the figure is
    drawn, from the axes' final width and the widest label as measured by the renderer."""
    from matplotlib.ticker import FuncFormatter, Locator, MultipleLocator

    class YearLocator(Locator):
        def __call__(self):
            low, high = sorted(self.axis.get_view_interval())
            first, last = int(-(-low // 1)), int(high // 1)  # whole years inside the view
            width = ax.get_window_extent().width  # display pixels
            label = max(_text_width(ax.figure, str(year), fontsize) for year in {first, last})
            per_year = width / max(high - low, 1e-9)
            gap = 0.6 * fontsize * ax.figure.dpi / 72  # room between two labels
            step = next((s for s in YEAR_STEPS if s * per_year >= label + gap), YEAR_STEPS[-1])
            start = first + (-first) % step  # multiples of the step: 2024, 2026 / 2025, 2030
            return list(range(start, last + 1, step))

    ax.xaxis.set_major_locator(YearLocator())
    ax.xaxis.set_minor_locator(MultipleLocator(1))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: str(int(round(value)))))
    ax.tick_params(axis="x", which="major", labelsize=fontsize)
    ax.tick_params(axis="x", which="minor", length=2)


def _text_width(figure, text: str, fontsize: float) -> float:
    """Width in display pixels of *text* at *fontsize* (the tick labels' font), measured by the figure's
    renderer where its canvas has one (Agg, Qt), else estimated from a digit's width (0.65 em)."""
    from matplotlib.font_manager import FontProperties

    get_renderer = getattr(figure.canvas, "get_renderer", None)
    if get_renderer is None:
        return len(text) * 0.65 * fontsize * figure.dpi / 72
    width, _, _ = get_renderer().get_text_width_height_descent(text, FontProperties(size=fontsize), ismath=False)
    return width


def draw_row_labels(ax, renderer, items: list) -> None:
    """The rows' titles left of the axes, where tick labels stand, painted with one Text artist moved
    from row to row on an already drawn figure (a tick per row is ~120 Python objects kept)."""
    from matplotlib.text import Text
    from matplotlib.transforms import ScaledTranslation

    figure = ax.figure
    gap = ScaledTranslation(-7 / 72, 0, figure.dpi_scale_trans)  # tick length and pad: 3.5 pt each
    label = Text(0, 0, "", fontsize=7, ha="right", va="center_baseline", color="black")
    label.set_figure(figure)
    label.set_transform(ax.get_yaxis_transform() + gap)
    n = len(items)
    for row, item in enumerate(items):
        label.set_text(_short(item.title))
        label.set_y(n - 1 - row)
        label.draw(renderer)


def timeline_legend(items: list, lang: str) -> list:
    """(label, colour, hatch) of the statuses present in *items*, in the statuses' order, and of the
    indicative periods' hatched bars when there are any."""
    entries = [(code_label("status", s, lang), STATUS_COLOURS[s], "") for s in STATUS_COLOURS
               if any(i.status == s for i in items)]
    if any(i.indicative for i in items):
        entries.append((tr("Indicative period"), "#555555", "///"))
    return entries


def row_at(items: list, ydata) -> int:
    """Index in *items* of the Gantt row at data y (None outside)."""
    if ydata is None or not items:
        return None
    y = int(round(ydata))
    row = len(items) - 1 - y
    return row if 0 <= row < len(items) and abs(ydata - y) <= 0.4 else None


def _widest(texts: list, measured: int = 15) -> int:
    """Index of the widest of *texts* at the row labels' size: the *measured* longest are measured (one
    measurement takes ~1 ms)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    longest = sorted(range(len(texts)), key=lambda k: -len(texts[k]))[:measured]
    size, font = TextToPath(), FontProperties(size=7)
    return max(longest, key=lambda k: size.get_text_width_height_descent(texts[k], font, ismath=False)[0])


def _short(text: str, width: int = 34) -> str:
    text = text or ""
    return text if len(text) <= width else text[:width - 1] + "…"


def heat_colour(count: int, threshold: float) -> str:
    """Stacking cell colour: white to orange up to the threshold, red above it."""
    if count > threshold:
        return "#e45756"
    if count <= 0 or threshold <= 0:
        return "#ffffff"
    t = min(count / threshold, 1.0)
    return "#{:02x}{:02x}{:02x}".format(255, int(255 - t * 55), int(255 - t * 191))
