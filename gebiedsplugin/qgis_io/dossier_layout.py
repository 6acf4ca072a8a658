"""The district dossier as a print layout (A4 landscape) written to PDF: main thread only.

Page 1: title, the summary line, a map of the district (interventions coloured by funding status)
and the small tables that fit beside it. Then the sections flow down the pages. A section's rows are
cut into one QgsLayoutItemManualTable per page, by an estimate of each row's wrapped height (header
on every page): QGIS renders one long multi-frame table in time growing with rows x frames (2,000
rows: 51 s), page-sized tables keep it linear. Each table's frame is ``RepeatUntilFinished``: should
its rows need more room than estimated, the frame is stretched to the page's bottom and then repeated
on new pages until every row is shown, so no row is ever lost. After
a table that broke like that the next starts on a fresh page. Texts are user data: labels get them as
expression literals (``layout_text``), table cells are printed as they are.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from gebiedsplugin.core import dossier as content
from gebiedsplugin.core import funding_gap
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.layout_text import label_literal
from gebiedsplugin.qgis_io.project_layers import add_layers
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
MARGIN = 12.0
FOOTER = 8.0  # mm kept free at the bottom for the page footer
BODY_BOTTOM = PAGE_H - MARGIN - FOOTER + 4.0
TITLE_H = 6.0
GAP = 5.0
MIN_ROOM = 30.0  # less room than this on a page: the next section starts on a new page
FONT = "Arial"
CELL_PT, HEADER_PT = 7.5, 7.5
CELL_MARGIN, GRID = 0.9, 0.15  # mm
MAP_RECT = (MARGIN, 30.0, 130.0, 160.0)  # x, y, width, height on page 1
SIDE_X = MARGIN + 130.0 + 7.0
STATUS_COLOURS = {funding_gap.FUNDED: "#1a9850", funding_gap.PARTLY_FUNDED: "#fdae61",
                  funding_gap.UNFUNDED: "#d7301f", funding_gap.NO_BUDGET: "#969696"}
FIRST_PAGE_SECTIONS = ("funding", "per_theme", "per_domain", "per_kind")


def _format(points: float, bold: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(points)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    return fmt


class DossierLayout:
    """One district's dossier laid out; ``export(path)`` writes the PDF."""

    def __init__(self, dossier: content.Dossier, map_data=None):
        self.dossier = dossier
        self.project = QgsProject()
        self.layers: list = []
        self.layout = QgsPrintLayout(self.project)
        self.layout.initializeDefaults()
        self.layout.undoStack().blockCommands(True)  # built once, never edited: no undo history
        self.layout.setName(content.text("title", dossier.lang))
        self.pages = self.layout.pageCollection()
        self.pages.page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
        self.page = 0
        self.y = MARGIN
        placed = self._first_page(map_data)
        for section in dossier.sections:
            if section.key not in placed:
                self.place(section, PAGE_W - 2 * MARGIN, MARGIN)
        self._footers()

    # --- pages and positions ------------------------------------------------------------------
    def _page_y(self, page: int, y: float) -> float:
        return self.pages.page(page).pos().y() + y

    def _new_page(self) -> int:
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
        self.pages.addPage(page)
        return self.pages.pageCount() - 1

    def _label(self, text: str, x: float, y: float, w: float, h: float, points: float, bold: bool = False,
               page: int = None, align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
        label = QgsLayoutItemLabel(self.layout)
        label.setText(label_literal(text))
        if hasattr(label, "setTextFormat"):
            label.setTextFormat(_format(points, bold))
        else:  # QGIS < 3.24
            label.setFont(_font(points, bold))
        label.setHAlign(align)
        label.setVAlign(Qt.AlignmentFlag.AlignTop)
        self.layout.addLayoutItem(label)
        label.attemptMove(QgsLayoutPoint(x, y), page=self.page if page is None else page)
        label.attemptResize(QgsLayoutSize(w, h))
        return label

    # --- page 1 -----------------------------------------------------------------------------------
    def _first_page(self, map_data) -> set:
        """Title, map and the small tables that fit beside the map; the keys of those placed."""
        d = self.dossier
        self._label("{} · {}".format(content.text("title", d.lang), d.name), MARGIN, MARGIN, PAGE_W - 2 * MARGIN,
                    10, 18, True)
        subtitle = "{} · {}".format(d.programme, content.text("made", d.lang).format(content.date_text(d.made, d.lang)))
        self._label(subtitle, MARGIN, MARGIN + 9, PAGE_W - 2 * MARGIN, 5, 9)
        self._label(d.summary(), MARGIN, MARGIN + 13.5, PAGE_W - 2 * MARGIN, 5, 9, True)
        if map_data is not None:
            self._map(map_data)
        self.y = MAP_RECT[1]
        width = PAGE_W - MARGIN - SIDE_X
        placed = set()
        for key in FIRST_PAGE_SECTIONS:
            section = d.section(key)
            if section is None or not self.place(section, width, SIDE_X, keep_page=True):
                break  # the rest follows on page 2, in order
            placed.add(key)
        self.page, self.y = self._new_page(), MARGIN
        return placed

    def _map(self, map_data) -> None:
        crs = QgsCoordinateReferenceSystem(map_data.crs)
        hoods = _layer("Polygon", crs, tr("Neighbourhoods"), [(g, None) for g in map_data.neighbourhoods])
        hoods.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "255,255,255,0", "outline_color": "#aaaaaa", "outline_width": "0.2"})))
        border = _layer("Polygon", crs, map_data.name, [(map_data.district, None)] if map_data.district else [])
        border.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "245,245,240,255", "outline_color": "#333333", "outline_width": "0.6"})))
        lang = self.dossier.lang
        items = []
        for kind in ("Polygon", "LineString", "Point"):
            rows = [(g, s) for g, s in map_data.items if g is not None and _kind(g) == kind]
            if not rows:
                continue
            layer = _layer(kind, crs, content.text("interventions", lang), rows)
            cats = [QgsRendererCategory(status, _symbol(kind, STATUS_COLOURS[status]),
                                        funding_gap.label(status, lang)) for status in funding_gap.STATUSES]
            layer.setRenderer(QgsCategorizedSymbolRenderer("status", cats))
            items.append(layer)
        layers = items + [hoods, border]
        add_layers(self.project, layers)
        self.layers = layers
        item = QgsLayoutItemMap(self.layout)
        self.layout.addLayoutItem(item)
        x, y, w, h = MAP_RECT
        item.attemptMove(QgsLayoutPoint(x, y), page=0)
        item.attemptResize(QgsLayoutSize(w, h))
        item.setCrs(crs)
        item.setLayers(layers)
        extent = QgsRectangle(*(float(v) for v in map_data.extent)) if map_data.extent else border.extent()
        extent.scale(1.08)
        if extent.width() > 0 and extent.height() > 0:  # as tall as the district needs, not more
            h = min(h, max(w * extent.height() / extent.width(), 60.0))
        item.setExtent(extent)  # zoomToExtent() on a map with no extent yet gives an empty one
        item.attemptResize(QgsLayoutSize(w, h))  # setExtent() fitted the item to the extent's shape
        item.zoomToExtent(extent)
        item.setFrameEnabled(True)
        if items:
            legend = QgsLayoutItemLegend(self.layout)
            legend.setLinkedMap(item)
            legend.setAutoUpdateModel(False)
            root = legend.model().rootGroup()
            root.removeAllChildren()
            root.addLayer(items[0])
            legend.setTitle("")
            for style, bold in ((QgsLegendStyle.Style.SymbolLabel, False), (QgsLegendStyle.Style.Subgroup, True)):
                rstyle = legend.rstyle(style)
                if hasattr(rstyle, "setTextFormat"):  # QGIS >= 3.30; setStyleFont is deprecated on 3.44
                    rstyle.setTextFormat(_format(7, bold))
                else:
                    rstyle.setFont(_font(7, bold))
            legend.setBackgroundEnabled(True)
            self.layout.addLayoutItem(legend)
            legend.attemptMove(QgsLayoutPoint(x + 1.5, y + 1.5), page=0)

    # --- tables -----------------------------------------------------------------------------------
    def place(self, section: content.Section, width: float, x: float, keep_page: bool = False) -> bool:
        """The section's title and table at the cursor, paginated (see the module). With *keep_page*
        a table that does not fit the page is not placed (False)."""
        rows = section.rows or [[content.text("no_rows", self.dossier.lang)] + [""] * (len(section.columns) - 1)]
        texts = _texts(section, rows, self.dossier.lang)
        widths = _widths(section.columns, width, texts)
        heights = _row_heights(texts, widths)  # header first
        if BODY_BOTTOM - self.y < MIN_ROOM and not keep_page:
            self.page, self.y = self._new_page(), MARGIN
        top = TITLE_H + (4.5 if section.note else 0.0)
        if keep_page and self.y + top + sum(heights) > BODY_BOTTOM:
            return False
        self._label(section.title, x, self.y, width, TITLE_H, 10, True)
        self.y += TITLE_H
        if section.note:
            self._label(section.note, x, self.y, width, 4, 7)
            self.y += 4.5
        # One table per page, of the rows estimated to fit: QGIS renders a long multi-frame table
        # in time growing with rows x frames; page-sized tables keep it linear.
        start = 0
        while True:
            room = BODY_BOTTOM - self.y
            end, used = start, heights[0]
            while end < len(rows) and (end == start or used + heights[end + 1] <= room):
                used += heights[end + 1]
                end += 1
            if used > room and self.y > MARGIN + 0.1:  # not one row fits here
                self.page, self.y = self._new_page(), MARGIN
                continue
            self._table(section, texts, widths, start, end, x, width, used)
            start = end
            if start >= len(rows):
                return True
            self.page, self.y = self._new_page(), MARGIN

    def _table(self, section, texts, widths, start: int, end: int, x: float, width: float, estimate: float) -> None:
        """Rows start..end as one table at the cursor. Should they need more room than estimated, the
        frame is first stretched to the page's bottom, then repeated on new pages until every row is
        shown (``RepeatUntilFinished``): no row is lost."""
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        _fill(table, section, texts[start + 1:end + 1], widths, start)
        room = BODY_BOTTOM - self.y
        first = QgsLayoutFrame(self.layout, table)
        first.attemptResize(QgsLayoutSize(width, min(estimate, room)))
        first.attemptMove(QgsLayoutPoint(x, self.y), page=self.page)
        table.addFrame(first)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
        table.recalculateFrameSizes()
        if table.frameCount() > 1 and first.rect().height() < room:
            # longer than estimated: fill this page before breaking, not a few rows on the next
            first.attemptResize(QgsLayoutSize(width, room))
            table.recalculateFrameSizes()
            self.page, self.y = self.pages.pageCount() - 1, BODY_BOTTOM
        elif table.frameCount() == 1 and self.pages.pageCount() - 1 == self.page:
            self.y += first.rect().height() + GAP
        else:
            # where the table ended is not known: what follows takes a new page
            self.page, self.y = self.pages.pageCount() - 1, BODY_BOTTOM

    def _footers(self) -> None:
        d = self.dossier
        count = self.pages.pageCount()
        for page in range(count):
            text = "{} · {} · {} {} / {}".format(content.text("title", d.lang), d.name,
                                                 content.text("page", d.lang), page + 1, count)
            self._label(text, MARGIN, PAGE_H - MARGIN - 2, PAGE_W - 2 * MARGIN, 5, 7, page=page,
                        align=Qt.AlignmentFlag.AlignRight)

    def export(self, path: str, overwrite: bool = False) -> int:
        """Write the PDF (atomically); the number of pages."""
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = True
        settings.dpi = 200
        settings.textRenderFormat = _ALWAYS_TEXT  # text stays text: searchable, copyable, small
        with atomic_path(path, overwrite) as tmp:
            result = QgsLayoutExporter(self.layout).exportToPdf(tmp, settings)
            if result != QgsLayoutExporter.ExportResult.Success:
                raise ProgrammeError(tr("{} could not be written.").format(path))
        return self.pages.pageCount()


_ALWAYS_TEXT = Qgis.TextRenderFormat.AlwaysText  # text, not outlines: searchable (3.22 has it too)


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _row_heights(texts: list, widths: list) -> list:
    """A generous estimate (mm) of each row's height (the header first): words wrapped in each column
    as the table wraps them. Too high leaves white space; too low moves rows to the next page."""
    metrics = QFontMetricsF(_font(CELL_PT, True))
    scale = CELL_PT * 25.4 / 72.0 / metrics.height()  # px of this font -> mm
    line = CELL_PT * 25.4 / 72.0  # a wrapped line in a layout table cell (7.5 pt ~ 2.2 mm) and slack
    out = []
    for row in texts:
        lines = max([_lines(metrics, value, width / scale) for value, width in zip(row, widths)] or [1])
        out.append((lines * line + 2 * CELL_MARGIN + GRID) * 1.1)
    out[0] += 2.0
    return out


def _lines(metrics, value: str, width_px: float) -> int:
    """Lines of *value* wrapped at *width_px*: each of its own lines wrapped at spaces."""
    if width_px <= 0:
        return 1
    total = 0
    space = metrics.horizontalAdvance(" ")
    for paragraph in str(value).splitlines() or [""]:
        lines, used = 1, 0.0
        for word in paragraph.split():
            w = metrics.horizontalAdvance(word)
            if used and used + space + w > width_px:
                lines, used = lines + 1, w
            else:
                used += (space if used else 0.0) + w
            while used > width_px:  # a word longer than the column is broken
                lines, used = lines + 1, used - width_px
        total += lines
    return total


def _widths(columns: list, width: float, texts: list | None = None) -> list:
    """Column widths (mm) spreading *width* by the columns' weights, each at least as wide as the
    longest word of its header and its cells' *texts* (header first; "Programmacode" and
    "Hoogheemraadschap" ran into the next column). The room comes first from what columns have
    beyond their longest whole text (unused), then from what they have beyond their longest word."""
    n = len(columns)
    usable = width - n * 2 * CELL_MARGIN - (n + 1) * GRID - 0.5
    unit = usable / sum(c.width for c in columns)
    out = [c.width * unit for c in columns]
    header, cell = _font(HEADER_PT, True), _font(CELL_PT)
    least, whole = [], []
    for k, c in enumerate(columns):
        cells = {str(row[k]) for row in (texts or [])[1:]}
        words = {w for t in cells for w in t.split()}
        least.append(max([QgsLayoutUtils.textWidthMM(header, w) for w in c.header.split()]
                         + [QgsLayoutUtils.textWidthMM(cell, w) for w in words] + [0.0]) + 0.4)
        whole.append(max([QgsLayoutUtils.textWidthMM(cell, t) for t in cells] + [least[-1]]) + 0.4)
    lacks = {k: least[k] - out[k] for k in range(n) if out[k] < least[k]}
    need = wanted = sum(lacks.values())
    for floor in (whole, least):  # unused room first, then room over the longest word
        spare = [0.0 if k in lacks else max(out[k] - floor[k], 0.0) for k in range(n)]
        total = sum(spare)
        if need <= 0 or total <= 0:
            continue
        take = min(need, total)
        out = [out[k] - spare[k] * take / total for k in range(n)]
        need -= take
    for k, lack in lacks.items():
        out[k] += lack * (wanted - need) / wanted
    return out


def _texts(section: content.Section, rows: list, lang: str) -> list:
    """The texts printed: the header, then each row (numbers and money in *lang*; marked cells with *)."""
    out = [section.headers]
    for r, values in enumerate(rows):
        out.append([content.cell_text(v, c.kind, lang, c.decimals) + (" *" if (r, k) in section.marked else "")
                    for k, (c, v) in enumerate(zip(section.columns, values))])
    return out


def _fill(table: QgsLayoutItemManualTable, section: content.Section, texts: list, widths: list, offset: int) -> None:
    """Headers and cells of *table*: *texts* are the printed rows of the section from *offset* on."""
    headers = []
    for c, width in zip(section.columns, widths):
        column = QgsLayoutTableColumn(c.header)
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if c.kind == content.TEXT else Qt.AlignmentFlag.AlignRight)
        column.setWidth(width)
        headers.append(column)
    cells = []
    for r, printed_row in enumerate(texts):
        row = []
        for k, (c, printed) in enumerate(zip(section.columns, printed_row)):
            cell = QgsTableCell(printed)
            if c.kind != content.TEXT:
                cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if (r + offset, k) in section.marked:
                cell.setBackgroundColor(QColor("#f4a582"))
            row.append(cell)
        cells.append(row)
    table.setCellMargin(CELL_MARGIN)
    table.setGridStrokeWidth(GRID)
    table.setTableContents(cells)
    table.setHeaders(headers)
    table.setColumnWidths(widths)
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setGridColor(QColor("#b0b0b0"))
    if hasattr(table, "setContentTextFormat"):
        table.setContentTextFormat(_format(CELL_PT))
        table.setHeaderTextFormat(_format(HEADER_PT, True))
    else:  # QGIS < 3.16
        table.setContentFont(_font(CELL_PT))
        table.setHeaderFont(_font(HEADER_PT, True))
    table.setBackgroundColor(QColor("#ffffff"))


def _kind(geometry) -> str:
    kind = geometry.geom_type
    return {"MultiPolygon": "Polygon", "MultiLineString": "LineString", "MultiPoint": "Point"}.get(kind, kind)


def _layer(kind: str, crs, name: str, rows: list) -> QgsVectorLayer:
    """A memory layer of (shapely geometry, funding status) rows."""
    layer = QgsVectorLayer("Multi{}?crs={}&field=status:string".format(kind, crs.authid()), name, "memory")
    features = []
    for geometry, status in rows:
        if geometry is None:
            continue
        f = QgsFeature(layer.fields())
        g = QgsGeometry.fromWkt(geometry.wkt)
        if not g.convertToMultiType():  # an empty geometry: nothing to draw
            continue
        f.setGeometry(g)
        f.setAttributes([status])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _symbol(kind: str, colour: str):
    if kind == "Point":
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "2.2",
                                             "outline_color": "#333333", "outline_width": "0.15"})
    if kind == "LineString":
        return QgsLineSymbol.createSimple({"color": colour, "width": "0.9"})
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#333333", "outline_width": "0.15"})

