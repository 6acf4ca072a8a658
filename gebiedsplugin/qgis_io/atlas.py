"""The print atlas of the unified programme map: a layout from the .qpt template, driven by the
pages of the export (whole city / selection, each district, optionally each year). Main thread only.

Items are found by id in the template (map, overview, legend, scalebar, north_arrow, the labels
and the table frame); a municipality may restyle or drop any item but the map. Labels whose text is
a placeholder in braces get translated texts; other texts are left as written. User text (names,
scope ids) goes into the labels as expression string literals (``layout_text``), never evaluated.
"""

from __future__ import annotations

import math
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeedback,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsProjectMetadata,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtXml import QDomDocument

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.unified import CATEGORIES, category_label
from gebiedsplugin.qgis_io.atlas_labels import (
    district_labels,
    engine_settings,
    label_area,
    label_own_items,
    legend_fits,
    table_widths,
)
from gebiedsplugin.qgis_io.data_export import DISTRICTS_TABLE, ITEMS_TABLE, PAGES_TABLE, UNIFIED_LAYERS, shareable
from gebiedsplugin.qgis_io.layout_text import expression_literal as _q  # user text never evaluated
from gebiedsplugin.qgis_io.layout_text import (
    grouped_number,
    label_literal,
    long_date,
    short_amount,
    short_amount_widest,
)
from gebiedsplugin.qgis_io.project_layers import add_layers
from gebiedsplugin.qgis_io.summary_pages import PageSequence
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr, translator_for
from gebiedsplugin.toolbelt.qt_compat import scoped
from gebiedsplugin.toolbelt.resources import resource_path

# QGIS >= 3.30 names these in Qgis; the old names are deprecated on 3.44.
METRES = scoped(Qgis, "DistanceUnit", "Meters", lambda: QgsUnitTypes.DistanceUnit.DistanceMeters)
FIXED_SEGMENTS = scoped(Qgis, "ScaleBarSegmentSizeMode", "Fixed",
                        lambda: QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
SCALE_BAR_SHARE = 0.25  # the scale bar's four segments: about this share of the map's width (8-18 mm each)


def template_path(request: ExportRequest) -> Path:
    """The template the request names, else the plugin's own for its paper size and orientation."""
    if request.template:
        return Path(request.template)
    return resource_path("layouts", "programme_atlas_{}_{}.qpt".format(request.paper, request.orientation))


def round_length(length: float) -> float:
    """The round length (1, 2 or 5 times a power of ten) nearest to *length* (> 0), by ratio."""
    power = 10.0 ** math.floor(math.log10(length))
    return min((step * power for step in (1, 2, 5, 10)), key=lambda v: abs(math.log(v / length)))


def _expr(text: str) -> str:
    return "[% " + text + " %]"


def fit_extent(item: QgsLayoutItemMap, extent: QgsRectangle, scale: float = 1.0) -> None:
    """Show *extent* in map *item*, widened to the item's aspect ratio (so the item keeps its size)."""
    if extent.isEmpty():
        return
    size = item.sizeWithUnits()
    ratio = size.width() / size.height() if size.height() else 1.0
    width, height = extent.width() * scale, extent.height() * scale
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    item.setExtent(QgsRectangle(centre.x() - width / 2, centre.y() - height / 2,
                                centre.x() + width / 2, centre.y() + height / 2))


class AtlasBuilder:
    """Builds the atlas layout on the unified layers and exports it as PDF and PNG pages."""

    def __init__(self, request: ExportRequest, layers: dict, pages: list, programme_name: str, items: int):
        self.request = request
        self.layers = layers
        self.pages = pages
        self.programme_name = programme_name
        self.items = items
        self.words = translator_for(request.lang)  # the layout's texts in the export's language
        self.project = QgsProject()
        add_layers(self.project, layers.values(), False)
        self.project.setCrs(layers[PAGES_TABLE].crs())
        self.project.setMetadata(self._metadata())  # the PDF's title, author and subject
        self.layout = QgsPrintLayout(self.project)
        self._continued: list = []  # titles added on table continuation pages
        self._page_labels: list = []  # labels that print the page number
        # page number -> fids the page's item table may show (core.page_tables); empty: the table reads all
        self.table_fids: dict = {}

    def _metadata(self) -> QgsProjectMetadata:
        tr = self.words
        scope = self.request.scope
        period = "{}–{}".format(scope.year_from or "", scope.year_to or "") if (
            scope.year_from or scope.year_to) else tr("all years")
        metadata = QgsProjectMetadata()
        metadata.setTitle("{}: {}".format(tr("Area programme map"), self.programme_name))
        metadata.setAuthor(QgsApplication.userFullName())
        metadata.setAbstract(tr("Interventions and programme projects of {} ({}), {}: {} items.").format(
            self.programme_name, ", ".join(scope.district_ids) or tr("whole city"), period, self.items))
        return metadata

    # --- building ------------------------------------------------------------------------------
    def build(self) -> QgsLayout:
        path = template_path(self.request)
        if not path.is_file():
            raise ProgrammeError(tr("The layout template {} does not exist.").format(path))
        doc = QDomDocument()
        ok = doc.setContent(path.read_text(encoding="utf-8"))
        ok = ok[0] if isinstance(ok, tuple) else ok
        if not ok:
            raise ProgrammeError(tr("The layout template {} is not a valid .qpt file.").format(path))
        _items, loaded = self.layout.loadFromTemplate(doc, QgsReadWriteContext())
        if not loaded:
            raise ProgrammeError(tr("The layout template {} could not be loaded.").format(path))
        main = self.layout.itemById("map")
        if not isinstance(main, QgsLayoutItemMap):
            raise ProgrammeError(tr("The layout template {} has no map item with id 'map'.").format(path))
        self._maps(main)
        self._labels()
        self._legend(main)
        self._table()
        self._fit_legend()
        atlas = self.layout.atlas()
        atlas.setCoverageLayer(self.layers[PAGES_TABLE])
        atlas.setHideCoverage(False)
        atlas.setSortFeatures(True)
        atlas.setSortExpression('"page"')
        atlas.setFilterFeatures(False)
        # No field in it: QGIS evaluates the name also without a page ("No feature available").
        atlas.setFilenameExpression("'page_' || lpad(to_string(@atlas_featurenumber), 2, '0')")
        atlas.setEnabled(True)
        atlas.featureChanged.connect(self._on_feature)
        return self.layout

    def _maps(self, main: QgsLayoutItemMap) -> None:
        unified = [self.layers[UNIFIED_LAYERS[k]] for k in ("point", "line", "polygon")]
        engine_settings(self.project)
        for layer in unified:
            label_own_items(layer)  # a district's page labels its own items, not its neighbours'
        main.setLayers([self.layers[DISTRICTS_TABLE], self.layers[PAGES_TABLE]] + unified)
        main.setKeepLayerSet(True)
        main.setCrs(self.layers[PAGES_TABLE].crs())
        main.setAtlasDriven(True)
        fit_extent(main, self.layers[PAGES_TABLE].extent(), 1.05)  # atlas auto-scaling keeps this aspect
        overview = self.layout.itemById("overview")
        if isinstance(overview, QgsLayoutItemMap):
            names = district_labels(self.layers[DISTRICTS_TABLE])  # every district named, small
            add_layers(self.project, [names], False)
            overview.setLayers([names])
            overview.setKeepLayerSet(True)
            overview.setCrs(self.layers[PAGES_TABLE].crs())
            overview.setAtlasDriven(False)
            fit_extent(overview, self.layers[DISTRICTS_TABLE].extent(), 1.08)
            for i in range(overview.overviews().size()):
                overview.overviews().overview(i).setLinkedMap(main)
        for item_id in ("scalebar", "north_arrow"):
            item = self.layout.itemById(item_id)
            if item is not None and hasattr(item, "setLinkedMap"):
                item.setLinkedMap(main)
        for item_id in ("scalebar", "north_arrow", "empty_note"):  # no map label under them
            item = self.layout.itemById(item_id)
            if item is not None:
                main.addLabelBlockingItem(item)

    def _round_scalebar(self, feature) -> None:
        """Segments of a round length for the page's scale (0, 0.5, 1, 1.5 km; not 0, 0.18, 0.36),
        from the extent the atlas gives the page (its area, the margin around it, the map's shape)."""
        main, scalebar = self.layout.itemById("map"), self.layout.itemById("scalebar")
        if not isinstance(scalebar, QgsLayoutItemScaleBar) or not feature.hasGeometry():
            return
        size = self.layout.convertToLayoutUnits(main.sizeWithUnits())
        box = feature.geometry().boundingBox()
        grow = 1 + 2 * main.atlasMargin() if main.atlasScalingMode() == QgsLayoutItemMap.AtlasScalingMode.Auto else 1
        if size.width() <= 0 or size.height() <= 0 or box.isEmpty():
            return
        metres_per_mm = max(box.width() * grow / size.width(), box.height() * grow / size.height())
        segment_mm = min(max(size.width() * SCALE_BAR_SHARE / 4, 8.0), 18.0)
        factor = QgsUnitTypes.fromUnitToUnitFactor(scalebar.units(), METRES)  # metres per bar unit
        scalebar.setSegmentSizeMode(FIXED_SEGMENTS)
        scalebar.setUnitsPerSegment(round_length(segment_mm * metres_per_mm / factor))
        scalebar.update()

    def placeholders(self) -> dict:
        """Placeholder -> label text (expressions over the atlas page's fields) in the export's language."""
        tr, lang = self.words, self.request.lang
        period = "CASE WHEN \"page_kind\" = 'year' THEN {} || \"year_from\" ELSE {} || \"year_from\" || '–' || " \
                 "\"year_to\" END".format(_q(tr("Year") + " "), _q(tr("Period") + " "))
        scope = tr("whole city") if self.request.scope.is_city else ", ".join(self.request.scope.district_ids)
        limit = self.request.table_rows
        return {
            "{title}": tr("Area programme map") + ": " + _expr('"name"'),
            "{subtitle}": _expr(period) + _expr("CASE WHEN \"page_kind\" = 'district' THEN {} ELSE {} END".format(
                _q(" · " + tr("District page")), _q(" · " + tr("Scope: {}").format(scope)))),
            "{summary}": "\n".join([
                _expr('"name"'),
                _expr(period),
                tr("Items: {}").format(_expr(grouped_number('"item_count"', lang))),
                tr("Budget: € {}").format(_expr(grouped_number('"budget"', lang))),
                tr("Programme projects (MJP): € {}").format(_expr(grouped_number('"programme_budget"', lang))),
                _expr("CASE WHEN \"item_count\" > {0} THEN {1} || {0} || {2} ELSE '' END".format(
                    limit, _q(tr("Table: the") + " "), _q(" " + tr("largest items; all items in the CSV export."))))]),
            "{date}": tr("Printed on {}").format(long_date(QDate.currentDate(), lang)),
            "{source}": tr("Source: programme {} (gebiedsplugin). Interventions, maintenance, initiatives, "
                           "statutory tasks and the multi-year programme (MJP) on one map.").format(
                label_literal(self.programme_name)),
            "{page}": tr("Page {} of {}").format(_expr("@atlas_featurenumber"), _expr("@atlas_totalfeatures")),
            "{empty}": _expr("CASE WHEN \"item_count\" = 0 THEN {} ELSE '' END".format(
                _q(tr("No interventions or programme projects in this area for this period.")))),
        }

    def _labels(self) -> None:
        texts = self.placeholders()
        for item in self.layout.items():
            if isinstance(item, QgsLayoutItemLabel) and item.text().strip() in texts:
                if item.text().strip() == "{page}":
                    self._page_labels.append(item)
                item.setText(texts[item.text().strip()])

    def _legend(self, main: QgsLayoutItemMap) -> None:
        tr = self.words
        legends = [i for i in self.layout.items() if isinstance(i, QgsLayoutItemLegend)]
        for legend in legends:
            if legend.title().strip() in ("", "{legend}"):
                legend.setTitle(tr("Legend: kind and domain"))
            legend.setAutoUpdateModel(False)
            root = legend.model().rootGroup()
            root.removeAllChildren()
            for kind in ("point", "line", "polygon"):
                node = root.addLayer(self.layers[UNIFIED_LAYERS[kind]])
                QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Group)
            legend.setLinkedMap(main)
            # The same full legend on every page: pages compare at a glance, and filtering by map
            # content would cost a second render of every map (4 s of 6 for 10,000 items).
            legend.setLegendFilterByMapEnabled(False)
            legend.updateLegend()

    def _table(self) -> None:
        tr = self.words
        tables = [m for m in self.layout.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable)]
        labels = ", ".join("{}, {}".format(_q(c), _q(category_label(c, self.request.lang))) for c in CATEGORIES)
        columns = [
            (tr("What"), '"title"', 47, Qt.AlignmentFlag.AlignLeft),
            (tr("Kind"), "map_get(map({}), \"category\")".format(labels), 26, Qt.AlignmentFlag.AlignLeft),
            (tr("Where"), "coalesce(\"neighbourhood\", \"district\", '')", 24, Qt.AlignmentFlag.AlignLeft),
            (tr("When"), "CASE WHEN \"start_year\" = \"end_year\" THEN to_string(\"start_year\") "
                         "ELSE \"start_year\" || '–' || \"end_year\" END", 13, Qt.AlignmentFlag.AlignLeft),
            (tr("Budget (€)"), grouped_number('"budget"', self.request.lang), 17, Qt.AlignmentFlag.AlignRight),
            # The funding gap (core/funding_gap.py): what is not funded yet, short ("1,2 mln") under a
            # short heading, so the column takes little of What's width (more wrapped titles would
            # push rows onto extra pages); 0 when funded, empty where there is no budget to fund (and
            # for programme projects, which are not funded themselves).
            (tr("Gap"), "CASE WHEN \"funding_status\" IS NULL OR \"funding_status\" = 'no_budget' THEN '' "
                              "ELSE {} END".format(short_amount('coalesce("shortfall", 0)', self.request.lang)),
             12, Qt.AlignmentFlag.AlignRight),
        ]
        area = "attribute(@atlas_feature, 'area_id')"
        flt = ("({a} IN ('city', 'selection') OR \"district_id\" = {a}) AND "
               "coalesce(\"start_year\", \"end_year\") <= coalesce(attribute(@atlas_feature, 'year_to'), 9999) AND "
               "coalesce(\"end_year\", \"start_year\") >= coalesce(attribute(@atlas_feature, 'year_from'), 0)"
               ).format(a=area)
        places = self._places()  # before the subset below: every place of the programme
        if tables and self.table_fids:
            # No row until the first page narrows the table to its candidates (_narrow_table): the
            # filter and sort set below would otherwise run over every item, once per call.
            self.layers[ITEMS_TABLE].setSubsetString("fid < 0")
        for table in tables:
            frame_width = table.frames()[0].sizeWithUnits().width() if table.frames() else 0.0
            table.setVectorLayer(self.layers[ITEMS_TABLE])
            # Kind, When and Budget as wide as their longest text, What and Where share the rest.
            widths = table_widths(table, frame_width, [heading for heading, *_ in columns], [None, [
                category_label(c, self.request.lang) for c in CATEGORIES], places, ["2024–2032"],
                ["999.999.999"], [short_amount_widest(self.request.lang)]],
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
            table.setMaximumNumberOfFeatures(self.request.table_rows if self.request.table_rows > 0 else 10 ** 9)
            if table.emptyTableMessage().strip() in ("", "{empty_table}"):
                table.setEmptyTableMessage(tr("Nothing planned here in this period."))

    def _places(self) -> list:
        """Every text of the table's Where column (neighbourhood and district names)."""
        layer = self.layers[ITEMS_TABLE]
        names = set()
        for field in ("neighbourhood", "district"):
            index = layer.fields().indexFromName(field)
            if index >= 0:
                names |= {str(v) for v in layer.uniqueValues(index) if v not in (None, "") and str(v) != "NULL"}
        return sorted(names) or None

    def _fit_legend(self) -> None:
        """The whole legend on the page: its box grown or shrunk to its content (smaller type if it
        would not fit), and the item table moved to start under it."""
        legend, frame = self.layout.itemById("legend"), self.layout.itemById("table_frame")
        if not isinstance(legend, QgsLayoutItemLegend):
            return
        below = None
        if frame is not None:  # the legend may take the room down to the table's last line
            below = frame.positionWithUnits().y() + frame.sizeWithUnits().height()
        bottom = legend_fits(legend, below)
        if frame is not None and bottom is not None:
            top = bottom + 3.0
            frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), max(below - top, 10.0),
                                              frame.sizeWithUnits().units()))
            frame.attemptMove(QgsLayoutPoint(frame.positionWithUnits().x(), top, frame.positionWithUnits().units()))

    def _on_feature(self, feature) -> None:
        """Per-year pages show only that year's items on the map; the scale bar rounded to the page."""
        self._round_scalebar(feature)
        names = feature.fields().names() if feature.isValid() else []
        year = feature["year_from"] if "page_kind" in names and feature["page_kind"] == "year" else None
        subset = "" if year is None else (
            "COALESCE(start_year, end_year) <= {0} AND COALESCE(end_year, start_year) >= {0}".format(int(year)))
        area = feature["area_id"] if "area_id" in names else None
        area = area if isinstance(area, str) else None  # NULL (a QVariant on QGIS 3.22) as None
        for kind in ("point", "line", "polygon"):
            layer = self.layers[UNIFIED_LAYERS[kind]]
            if layer.subsetString() != subset:
                layer.setSubsetString(subset)
            label_area(layer, area)
        self._narrow_table(feature["page"] if "page" in names else None)
        self._tidy_continuation()

    def _narrow_table(self, page) -> None:
        """The item table reads only its page's candidates (fids from the export), not every item."""
        if not self.table_fids:
            return
        fids = self.table_fids.get(page, [])
        subset = "fid IN ({})".format(", ".join(str(int(f)) for f in fids)) if fids else "fid < 0"
        layer = self.layers[ITEMS_TABLE]
        if layer.subsetString() != subset:
            layer.setSubsetString(subset)
        for table in self.layout.multiFrames():  # the atlas refreshed them before this signal
            if isinstance(table, QgsLayoutItemAttributeTable) and table.vectorLayer() is layer:
                table.refreshAttributes()

    def _tidy_continuation(self) -> None:
        """Continuation pages of a long table: the frame between the map's top and the first frame's
        bottom (not the whole page), under the page title marked as continued."""
        for label in self._continued:
            self.layout.removeLayoutItem(label)
        self._continued = []
        main, title = self.layout.itemById("map"), self.layout.itemById("title")
        pages = self.layout.pageCollection()
        for table in self.layout.multiFrames():
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
                    self._continued.append(self._continued_title(title, page))
                done += 1

    def _continued_title(self, title: QgsLayoutItemLabel, page: int) -> QgsLayoutItemLabel:
        label = QgsLayoutItemLabel(self.layout)
        label.setText(title.text() + " " + self.words("(continued)"))
        if hasattr(title, "textFormat"):  # QGIS >= 3.24; font() and fontColor() are deprecated on 3.44
            label.setTextFormat(title.textFormat())
        else:
            label.setFont(title.font())
            label.setFontColor(title.fontColor())
        label.setVAlign(title.vAlign())
        self.layout.addLayoutItem(label)
        label.attemptResize(title.sizeWithUnits())
        label.attemptMove(title.positionWithUnits(), True, False, page)
        return label

    # --- page numbers ----------------------------------------------------------------------------
    def number_pages(self, summaries=None) -> int:
        """Print "Page n of N" on every atlas (and summary) page, counting the table's continuation
        and the summary pages as the PDF does; the number of printed pages."""
        atlas = self.layout.atlas()
        firsts, page = [], 1
        if atlas.beginRender():
            for i in range(atlas.count()):
                atlas.seekTo(i)
                firsts.append(page)
                page += self.layout.pageCollection().pageCount()
                if summaries is not None and summaries.has(i):
                    summaries.page_numbers[i] = page
                    page += summaries.layout.pageCollection().pageCount()
            atlas.endRender()
        total = page - 1
        if summaries is not None:
            summaries.total_pages = total
        number = "array_get(array({}), @atlas_featurenumber - 1)".format(", ".join(map(str, firsts or [1])))
        for label in self._page_labels:
            label.setText(self.words("Page {} of {}").format(_expr(number), total))
        return total

    # --- export ----------------------------------------------------------------------------------
    def export_pdf(self, target: str, feedback: QgsFeedback | None = None, summaries=None) -> list:
        """The atlas as one PDF; with *summaries* (SummaryPages), each summary after its atlas page.
        Returns the printed pages (pdf_pages.PrintedPage) in order."""
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.appendGeoreference = True
        settings.exportMetadata = True
        settings.simplifyGeometries = True
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # searchable, selectable text
        self.number_pages(summaries)
        with atomic_path(target, self.request.overwrite) as tmp:
            pages = PageSequence(self.layout.atlas(), summaries)
            result, error = QgsLayoutExporter.exportToPdf(pages, tmp, settings, feedback)
            if result == QgsLayoutExporter.ExportResult.Canceled:
                raise ProgrammeError(tr("The export was cancelled."))
            if result != QgsLayoutExporter.ExportResult.Success:
                raise ProgrammeError(tr("Writing the PDF failed: {}").format(error or result))
            _pdf_metadata(tmp, self.project.metadata())
            shareable(tmp)
        return pages.printed


def _pdf_metadata(path: str, metadata: QgsProjectMetadata) -> None:
    """Title, author and subject into the PDF at *path* (QGIS 3.22 writes none for an atlas)."""
    from osgeo import gdal

    try:
        ds = gdal.OpenEx(path, gdal.OF_UPDATE | gdal.OF_RASTER)  # the PDF driver adds them as an update
    except RuntimeError:  # GDAL with exceptions on: a PDF it cannot update keeps QGIS's (none)
        ds = None
    if ds is None:
        return
    for key, value in (("TITLE", metadata.title()), ("AUTHOR", metadata.author()),
                       ("SUBJECT", metadata.abstract()), ("CREATOR", "QGIS / gebiedsplugin")):
        if value:
            ds.SetMetadataItem(key, value)
    ds = None  # written on close
