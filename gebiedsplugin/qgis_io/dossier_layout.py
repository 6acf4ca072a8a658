"""The district dossier as a print layout (A4 landscape) written to PDF: main thread only.

Page 1: title, the summary line, a map of the district (interventions coloured by funding status)
and the small tables (funding status, per theme / domain / kind). Then the sections flow down the
pages: each table is a QgsLayoutItemManualTable whose first frame fills the rest of the page and
whose second frame is a full page after it; ``RepeatUntilFinished`` repeats that full-page frame on
new pages until every row is shown (the header repeated on each), and drops the frames (and pages)
it does not need. A table that fits on its page is shrunk to its rows and the next follows below it;
after a table that broke over pages the next starts on a fresh page. Texts are user data: labels get
them as expression literals (``layout_text``), table cells are printed as they are.
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
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
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
        for layer in layers:
            self.project.addMapLayer(layer)
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
            legend.setStyleFont(QgsLegendStyle.Style.SymbolLabel, _font(7))
            legend.setStyleFont(QgsLegendStyle.Style.Subgroup, _font(7, True))
            legend.setBackgroundEnabled(True)
            self.layout.addLayoutItem(legend)
            legend.attemptMove(QgsLayoutPoint(x + 1.5, y + 1.5), page=0)

    # --- tables -----------------------------------------------------------------------------------
    def place(self, section: content.Section, width: float, x: float, keep_page: bool = False) -> bool:
        """The section's title and table at the cursor; breaks over pages (see the module). With
        *keep_page* a table that does not fit the page is taken out again (False)."""
        rows = section.rows or [[content.text("no_rows", self.dossier.lang)] + [""] * (len(section.columns) - 1)]
        if BODY_BOTTOM - self.y < MIN_ROOM and not keep_page:
            self.page, self.y = self._new_page(), MARGIN
        start = self.y
        labels = [self._label(section.title, x, self.y, width, TITLE_H, 10, True)]
        self.y += TITLE_H
        if section.note:
            labels.append(self._label(section.note, x, self.y, width, 4, 7))
            self.y += 4.5
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        texts = _fill(table, section, rows, width, self.dossier.lang)
        room = BODY_BOTTOM - self.y
        estimate = _height(table, texts)
        if keep_page and estimate > room:
            self.layout.removeMultiFrame(table)
            for label in labels:
                self.layout.removeLayoutItem(label)
            self.y = start
            return False
        first = QgsLayoutFrame(self.layout, table)
        first.attemptResize(QgsLayoutSize(width, min(estimate, room)))
        first.attemptMove(QgsLayoutPoint(x, self.y), page=self.page)
        table.addFrame(first)
        # The rest (all of it when the estimate was short) on full pages: the frame is repeated
        # until every row is shown; a frame (and its page) not needed is dropped again.
        page = self._new_page()
        rest = QgsLayoutFrame(self.layout, table)
        rest.attemptResize(QgsLayoutSize(width, BODY_BOTTOM - MARGIN))
        rest.attemptMove(QgsLayoutPoint(x, MARGIN), page=page)
        table.addFrame(rest)
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
            # where the table ended is not known: the next section takes a new page
            self.page, self.y = self.pages.pageCount() - 1, BODY_BOTTOM
        return True

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


_ALWAYS_TEXT = (Qgis.TextRenderFormat.AlwaysText if hasattr(Qgis, "TextRenderFormat")
                else QgsRenderContext.TextRenderFormat.TextFormatAlwaysText)  # QGIS < 3.28


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _height(table, texts: list) -> float:
    """A generous estimate (mm) of the table's height with its header: words wrapped in each column
    as the table wraps them. Too high leaves white space; too low moves rows to the next page."""
    metrics = QFontMetricsF(_font(CELL_PT, True))
    scale = CELL_PT * 25.4 / 72.0 / metrics.height()  # px of this font -> mm
    line = CELL_PT * 25.4 / 72.0  # a wrapped line in a layout table cell (measured: 7.5 pt ~ 2.2 mm) + slack
    widths = table.columnWidths()
    total = 0.0
    for row in texts:
        lines = 1
        for value, width in zip(row, widths):
            lines = max(lines, _lines(metrics, value, width / scale))
        total += lines * line + 2 * table.cellMargin() + table.gridStrokeWidth()
    return total * 1.1 + 2.0


def _lines(metrics, value: str, width_px: float) -> int:
    if width_px <= 0:
        return 1
    lines, used = 1, 0.0
    space = metrics.horizontalAdvance(" ")
    for word in str(value).split():
        w = metrics.horizontalAdvance(word)
        if used and used + space + w > width_px:
            lines, used = lines + 1, w
        else:
            used += (space if used else 0.0) + w
        while used > width_px:  # a word longer than the column is broken
            lines, used = lines + 1, used - width_px
    return lines


def _fill(table: QgsLayoutItemManualTable, section: content.Section, rows: list, width: float, lang: str) -> list:
    """Headers and cells of the table; the texts printed (header first), for the height estimate."""
    cols = section.columns
    n = len(cols)
    usable = width - n * 2 * table.cellMargin() - (n + 1) * table.gridStrokeWidth() - 0.5
    unit = usable / sum(c.width for c in cols)
    headers = []
    for c in cols:
        column = QgsLayoutTableColumn(c.header)
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if c.kind == content.TEXT else Qt.AlignmentFlag.AlignRight)
        column.setWidth(c.width * unit)
        headers.append(column)
    cells, texts = [], [section.headers]
    for r, values in enumerate(rows):
        row = []
        texts.append([])
        for k, (c, value) in enumerate(zip(cols, values)):
            printed = content.cell_text(value, c.kind, lang, c.decimals) + (" *" if (r, k) in section.marked else "")
            texts[-1].append(printed)
            cell = QgsTableCell(printed)
            if c.kind != content.TEXT:
                cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if (r, k) in section.marked:
                cell.setBackgroundColor(QColor("#f4a582"))
            row.append(cell)
        cells.append(row)
    table.setTableContents(cells)
    table.setHeaders(headers)
    table.setColumnWidths([h.width() for h in headers])
    table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setCellMargin(0.9)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#b0b0b0"))
    if hasattr(table, "setContentTextFormat"):
        table.setContentTextFormat(_format(CELL_PT))
        table.setHeaderTextFormat(_format(HEADER_PT, True))
    else:  # QGIS < 3.16
        table.setContentFont(_font(CELL_PT))
        table.setHeaderFont(_font(HEADER_PT, True))
    table.setBackgroundColor(QColor("#ffffff"))
    return texts


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
        g.convertToMultiType()
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

