"""The atlas's item table: its columns (as wide as their longest text), the page's filter and sort,
the candidates each page reads (core.page_tables) and the continuation pages of a long table.
Main thread only. User text goes into expressions as string literals (``layout_text``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from qgis.core import (
    QgsLayout,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont, QFontMetricsF

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.texts import number_in
from gebiedsplugin.core.unified import CATEGORIES, category_label
from gebiedsplugin.qgis_io.data_export import ITEMS_TABLE
from gebiedsplugin.qgis_io.layout_text import expression_literal as _q  # user text never evaluated
from gebiedsplugin.qgis_io.layout_text import grouped_number, short_amount, short_amount_samples


def setup_item_table(layout: QgsLayout, layers: dict, request: ExportRequest, words: Callable[[str], str],
                     narrowed: bool, samples: TableSamples | None = None) -> None:
    """Columns, filter, sort and row limit of every attribute table of *layout* on the items layer;
    *narrowed*: each page reads only its candidates (narrow_item_table), none before the first;
    *samples*: the items' places and largest budget when known (table_samples), else read from the layer."""
    tr = words
    tables = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable)]
    labels = ", ".join("{}, {}".format(_q(c), _q(category_label(c, request.lang))) for c in CATEGORIES)
    columns = [
        (tr("What"), '"title"', 47, Qt.AlignmentFlag.AlignLeft),
        (tr("Kind"), "map_get(map({}), \"category\")".format(labels), 26, Qt.AlignmentFlag.AlignLeft),
        (tr("Where"), "coalesce(\"neighbourhood\", \"district\", '')", 24, Qt.AlignmentFlag.AlignLeft),
        (tr("When"), "CASE WHEN \"start_year\" = \"end_year\" THEN to_string(\"start_year\") "
                     "ELSE \"start_year\" || '–' || \"end_year\" END", 13, Qt.AlignmentFlag.AlignLeft),
        (tr("Budget (€)"), grouped_number('"budget"', request.lang), 17, Qt.AlignmentFlag.AlignRight),
        # The funding gap (core/funding_gap.py): what is not funded yet, short ("1,2 mln") under a
        # short heading, so the column takes little of What's width (more wrapped titles would
        # push rows onto extra pages); 0 when funded, empty where there is no budget to fund (and
        # for programme projects, which are not funded themselves).
        (tr("Gap"), "CASE WHEN \"funding_status\" IS NULL OR \"funding_status\" = 'no_budget' THEN '' "
                          "ELSE {} END".format(short_amount('coalesce("shortfall", 0)', request.lang)),
         12, Qt.AlignmentFlag.AlignRight),
    ]
    area = "attribute(@atlas_feature, 'area_id')"
    flt = ("({a} IN ('city', 'selection') OR \"district_id\" = {a}) AND "
           "coalesce(\"start_year\", \"end_year\") <= coalesce(attribute(@atlas_feature, 'year_to'), 9999) AND "
           "coalesce(\"end_year\", \"start_year\") >= coalesce(attribute(@atlas_feature, 'year_from'), 0)"
           ).format(a=area)
    samples = samples or layer_samples(layers[ITEMS_TABLE])  # before the subset below: every item
    places, budgets = samples.places, budget_samples(samples.largest_budget, request.lang)
    if tables and narrowed:
        # No row until the first page narrows the table to its candidates (narrow_item_table): the
        # filter and sort set below would otherwise run over every item, once per call.
        layers[ITEMS_TABLE].setSubsetString("fid < 0")  # noqa: QGS201 - a fixed subset on our own GeoPackage
    for table in tables:
        frame_width = table.frames()[0].sizeWithUnits().width() if table.frames() else 0.0
        table.setVectorLayer(layers[ITEMS_TABLE])
        # Kind, When and Budget as wide as their longest text, What and Where share the rest.
        widths = table_widths(table, frame_width, [heading for heading, *_ in columns], [None, [
            category_label(c, request.lang) for c in CATEGORIES], places, ["2024–2032"],
            budgets, short_amount_samples(request.lang)],
            most={2: 0.18})  # a long place name wraps in Where
        cols = []
        for (heading, expression, _width, align), width in zip(columns, widths):
            col = QgsLayoutTableColumn(heading)
            col.setAttribute(expression)
            col.setWidth(width)
            col.setHAlignment(align)
            cols.append(col)
        table.setColumns(cols)
        sort = QgsLayoutTableColumn()
        sort.setAttribute('"budget"')
        sort.setSortOrder(Qt.SortOrder.DescendingOrder)
        table.setSortColumns([sort])
        table.setFilterFeatures(True)
        table.setFeatureFilter(flt)
        table.setMaximumNumberOfFeatures(request.table_rows if request.table_rows > 0 else 10 ** 9)
        if table.emptyTableMessage().strip() in ("", "{empty_table}"):
            table.setEmptyTableMessage(tr("Nothing planned here in this period."))


@dataclass(frozen=True)
class TableSamples:
    """What the table's column widths are measured on: every text of the Where column (neighbourhood
    and district names; None: none) and the largest budget (None: no budget)."""

    places: list | None
    largest_budget: float | None


def table_samples(items: list) -> TableSamples:
    """The samples of *items* (the unified map's, as the items table holds them), in one pass: what
    layer_samples() reads from the layer, without QGIS iterating every item twice (3.5 s at 100,000)."""
    names = set()
    largest = None
    for attrs in (f.attrs for f in items):
        for field in ("neighbourhood", "district"):
            value = attrs.get(field)
            if value not in (None, "") and str(value) != "NULL":
                names.add(str(value))
        budget = attrs.get("budget")
        if budget is not None and budget == budget and (largest is None or float(budget) > largest):
            largest = float(budget)  # (NaN is stored as NULL, which the layer leaves out)
    return TableSamples(sorted(names) or None, largest)


def layer_samples(layer: QgsVectorLayer) -> TableSamples:
    """The samples of the items layer (table_samples() of the rows it holds)."""
    names = set()
    for field in ("neighbourhood", "district"):
        index = layer.fields().indexFromName(field)
        if index >= 0:
            names |= {str(v) for v in layer.uniqueValues(index) if v not in (None, "") and str(v) != "NULL"}
    index = layer.fields().indexFromName("budget")
    largest = layer.maximumValue(index) if index >= 0 else None
    return TableSamples(sorted(names) or None, float(largest) if isinstance(largest, (int, float)) else None)


def budget_samples(largest: float | None, lang: str) -> list:
    """The Budget column's widest texts: 999.999.999, and the largest budget where that is longer."""
    samples = ["999.999.999"]
    if largest is not None and largest >= 999999999.5:
        samples.append(number_in(lang, round(largest)))
    return samples


def table_widths(table, width: float, headings: list, samples: list, most: dict | None = None) -> list:
    """Column widths (mm) of *table* over *width* (its frame's, as the template has it; the frame then
    takes the columns' width): a column with sample texts as wide as the longest of them (or its
    heading; column k at most the share *most*[k] of the width, wrapping beyond), the others sharing
    the rest, the first twice."""
    n = len(headings)
    usable = width - n * 2 * table.cellMargin() - (n + 1) * table.gridStrokeWidth() - 0.5
    content, header = _font(table.contentTextFormat()), _font(table.headerTextFormat())
    widths = []
    for k, (heading, texts) in enumerate(zip(headings, samples)):
        if texts is None:
            widths.append(None)
            continue
        widest = max(widest_mm(content, texts), QgsLayoutUtils.textWidthMM(header, heading))
        widths.append(min(widest * 1.05 + 0.5, usable * (most or {}).get(k, 1.0)))
    free = max(usable - sum(w for w in widths if w is not None), 10.0)
    shares = [2.0 if k == 0 else 1.0 for k, w in enumerate(widths) if w is None]
    out, k = [], 0
    for w in widths:
        if w is None:
            w = free * shares[k] / sum(shares)
            k += 1
        out.append(w)
    return out


def widest_mm(font: QFont, texts: list) -> float:
    """max(QgsLayoutUtils.textWidthMM(font, t) for t in *texts*), measured by QGIS on the few texts
    near the widest only: each of its calls makes new font metrics (0.9 s for the 2,000 place names of
    a 100,000 item programme); one QFontMetricsF finds the texts within 10 % of the widest."""
    if len(texts) <= 8:
        return max(QgsLayoutUtils.textWidthMM(font, t) for t in texts)
    large = QFont(font)
    large.setPointSizeF(font.pointSizeF() * 10)  # as QGIS measures: hinting ten times smaller in proportion
    metrics = QFontMetricsF(large)
    rough = [max(metrics.horizontalAdvance(line) for line in t.split("\n")) for t in texts]
    near = 0.9 * max(rough)
    return max(QgsLayoutUtils.textWidthMM(font, t) for t, w in zip(texts, rough) if w >= near)


def _font(fmt: QgsTextFormat) -> QFont:
    font = QFont(fmt.font())
    font.setPointSizeF(fmt.size())
    return font


def narrow_item_table(layout: QgsLayout, layer: QgsVectorLayer, table_fids: dict, page) -> None:
    """The item table reads only its page's candidates (fids from the export), not every item; read
    again only when the atlas refreshed it on other candidates (not narrowed ahead, narrow_ahead)."""
    if narrow_ahead(layer, table_fids, page):
        for table in layout.multiFrames():  # the atlas refreshed them before this signal
            if isinstance(table, QgsLayoutItemAttributeTable) and table.vectorLayer() is layer:
                table.refreshAttributes()


def narrow_ahead(layer: QgsVectorLayer, table_fids: dict, page) -> bool:
    """The items layer narrowed to *page*'s candidates, before the atlas moves to it (its refresh then
    reads the table once, on them); True when the subset changed."""
    if not table_fids:
        return False
    fids = table_fids.get(page, [])
    subset = "fid IN ({})".format(", ".join(str(int(f)) for f in fids)) if fids else "fid < 0"
    if layer.subsetString() == subset:
        return False
    layer.setSubsetString(subset)  # noqa: QGS201 - fids (integers) of our own GeoPackage: always valid
    return True


def tidy_continuation(layout: QgsLayout, continued: list, words: Callable[[str], str]) -> list:
    """Continuation pages of a long table: the frame between the map's top and the first frame's
    bottom (not the whole page), under the page title marked as continued. *continued*: the titles
    added for the previous page (removed); returns those added for this one."""
    for label in continued:
        layout.removeLayoutItem(label)
    continued = []
    main, title = layout.itemById("map"), layout.itemById("title")
    pages = layout.pageCollection()
    for table in layout.multiFrames():
        frames = table.frames()
        if len(frames) < 2:
            continue
        first = frames[0]
        top = main.positionWithUnits().y() if main is not None else first.positionWithUnits().y()
        height = first.positionWithUnits().y() + first.sizeWithUnits().height() - top
        done = 1
        while done < len(table.frames()) and done < 500:
            frame = table.frames()[done]
            page = pages.pageNumberForPoint(frame.pos())
            frame.attemptResize(QgsLayoutSize(first.sizeWithUnits().width(), height, first.sizeWithUnits().units()))
            left = main.positionWithUnits().x() if main is not None else first.positionWithUnits().x()
            frame.attemptMove(QgsLayoutPoint(left, top, first.positionWithUnits().units()), True, False, page)
            if isinstance(title, QgsLayoutItemLabel):
                continued.append(continued_title(layout, title, page, words))
            done += 1
    # A page added for an earlier atlas page's longer table stays when this table is shorter (QGIS drops
    # the frame, not its page): it would print blank and count in "Page n of N".
    while pages.pageCount() > 1 and not [i for i in pages.itemsOnPage(pages.pageCount() - 1)
                                         if not isinstance(i, QgsLayoutItemPage)]:
        pages.deletePage(pages.pageCount() - 1)
    return continued


def continued_title(layout: QgsLayout, title: QgsLayoutItemLabel, page: int,
                    tr: Callable[[str], str]) -> QgsLayoutItemLabel:
    """A copy of the page *title* on continuation *page*, marked as continued."""
    label = QgsLayoutItemLabel(layout)
    label.setText(title.text() + " " + tr("(continued)"))  # tr: the export's language (pylupdate finds it)
    if hasattr(title, "textFormat"):  # QGIS >= 3.24; font() and fontColor() are deprecated on 3.44
        label.setTextFormat(title.textFormat())
    else:
        label.setFont(title.font())
        label.setFontColor(title.fontColor())
    label.setVAlign(title.vAlign())
    layout.addLayoutItem(label)
    label.attemptResize(title.sizeWithUnits())
    label.attemptMove(title.positionWithUnits(), True, False, page)
    return label
