"""The print atlas of the unified programme map: a layout from the .qpt template, driven by the
pages of the export (whole city / selection, each district, optionally each year). Main thread only.

Items are found by id in the template (map, overview, legend, scalebar, north_arrow, the labels
and the table frame); a municipality may restyle or drop any item but the map. Labels whose text is
a placeholder in braces get translated texts; other texts are left as written. User text (names,
scope ids) goes into the labels as expression string literals (``layout_text``), never evaluated.
"""

from __future__ import annotations

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
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtXml import QDomDocument

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.unified import CATEGORIES, category_label
from gebiedsplugin.qgis_io.data_export import DISTRICTS_TABLE, ITEMS_TABLE, PAGES_TABLE, UNIFIED_LAYERS, shareable
from gebiedsplugin.qgis_io.layout_text import expression_literal as _q  # user text never evaluated
from gebiedsplugin.qgis_io.layout_text import label_literal
from gebiedsplugin.qgis_io.summary_pages import PageSequence
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.resources import resource_path

DEFAULT_TEMPLATE = ("layouts", "programme_atlas.qpt")


def template_path(request: ExportRequest) -> Path:
    """The template the request names, else the plugin's own."""
    return Path(request.template) if request.template else resource_path(*DEFAULT_TEMPLATE)


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
        self.project = QgsProject()
        self.project.addMapLayers(list(layers.values()), False)
        self.project.setCrs(layers[PAGES_TABLE].crs())
        self.project.setMetadata(self._metadata())  # the PDF's title, author and subject
        self.layout = QgsPrintLayout(self.project)
        self._continued: list = []  # titles added on table continuation pages
        # page number -> fids the page's item table may show (core.page_tables); empty: the table reads all
        self.table_fids: dict = {}

    def _metadata(self) -> QgsProjectMetadata:
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
        self.layout.loadFromTemplate(doc, QgsReadWriteContext())
        main = self.layout.itemById("map")
        if not isinstance(main, QgsLayoutItemMap):
            raise ProgrammeError(tr("The layout template {} has no map item with id 'map'.").format(path))
        self._maps(main)
        self._labels()
        self._legend(main)
        self._table()
        atlas = self.layout.atlas()
        atlas.setCoverageLayer(self.layers[PAGES_TABLE])
        atlas.setHideCoverage(False)
        atlas.setSortFeatures(True)
        atlas.setSortExpression('"page"')
        atlas.setFilterFeatures(False)
        atlas.setFilenameExpression("'page_' || lpad(\"page\", 2, '0')")
        atlas.setEnabled(True)
        atlas.featureChanged.connect(self._on_feature)
        return self.layout

    def _maps(self, main: QgsLayoutItemMap) -> None:
        unified = [self.layers[UNIFIED_LAYERS[k]] for k in ("point", "line", "polygon")]
        main.setLayers([self.layers[DISTRICTS_TABLE], self.layers[PAGES_TABLE]] + unified)
        main.setKeepLayerSet(True)
        main.setCrs(self.layers[PAGES_TABLE].crs())
        main.setAtlasDriven(True)
        fit_extent(main, self.layers[PAGES_TABLE].extent(), 1.05)  # atlas auto-scaling keeps this aspect
        overview = self.layout.itemById("overview")
        if isinstance(overview, QgsLayoutItemMap):
            overview.setLayers([self.layers[DISTRICTS_TABLE]])
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

    def placeholders(self) -> dict:
        """Placeholder -> label text (expressions over the atlas page's fields), translated."""
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
                tr("Items: {}").format(_expr('"item_count"')),
                tr("Budget: € {}").format(_expr('format_number("budget", 0)')),
                tr("Programme projects (MJP): € {}").format(_expr('format_number("programme_budget", 0)')),
                _expr("CASE WHEN \"item_count\" > {0} THEN {1} || {0} || {2} ELSE '' END".format(
                    limit, _q(tr("Table: the") + " "), _q(" " + tr("largest items; all items in the CSV export."))))]),
            "{date}": tr("Printed on {}").format(_expr("format_date(now(), 'yyyy-MM-dd')")),
            "{source}": tr("Source: programme {} (gebiedsplugin). Interventions, maintenance, initiatives, "
                           "statutory tasks and the multi-year programme (MJP) on one map.").format(
                label_literal(self.programme_name)),
            "{page}": tr("Map page {} of {}").format(_expr("@atlas_featurenumber"), _expr("@atlas_totalfeatures")),
            "{empty}": _expr("CASE WHEN \"item_count\" = 0 THEN {} ELSE '' END".format(
                _q(tr("No interventions or programme projects in this area for this period.")))),
        }

    def _labels(self) -> None:
        texts = self.placeholders()
        for item in self.layout.items():
            if isinstance(item, QgsLayoutItemLabel) and item.text().strip() in texts:
                item.setText(texts[item.text().strip()])

    def _legend(self, main: QgsLayoutItemMap) -> None:
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
        tables = [m for m in self.layout.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable)]
        labels = ", ".join("{}, {}".format(_q(c), _q(category_label(c, self.request.lang))) for c in CATEGORIES)
        columns = [
            (tr("What"), '"title"', 47, Qt.AlignmentFlag.AlignLeft),
            (tr("Kind"), "map_get(map({}), \"category\")".format(labels), 26, Qt.AlignmentFlag.AlignLeft),
            (tr("Where"), "coalesce(\"neighbourhood\", \"district\", '')", 24, Qt.AlignmentFlag.AlignLeft),
            (tr("When"), "CASE WHEN \"start_year\" = \"end_year\" THEN to_string(\"start_year\") "
                         "ELSE \"start_year\" || '–' || \"end_year\" END", 13, Qt.AlignmentFlag.AlignLeft),
            (tr("Budget (€)"), 'format_number("budget", 0)', 17, Qt.AlignmentFlag.AlignRight),
        ]
        area = "attribute(@atlas_feature, 'area_id')"
        flt = ("({a} IN ('city', 'selection') OR \"district_id\" = {a}) AND "
               "coalesce(\"start_year\", \"end_year\") <= coalesce(attribute(@atlas_feature, 'year_to'), 9999) AND "
               "coalesce(\"end_year\", \"start_year\") >= coalesce(attribute(@atlas_feature, 'year_from'), 0)"
               ).format(a=area)
        for table in tables:
            table.setVectorLayer(self.layers[ITEMS_TABLE])
            cols = []
            for heading, expression, width, align in columns:
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

    def _on_feature(self, feature) -> None:
        """Per-year pages show only that year's items on the map."""
        names = feature.fields().names() if feature.isValid() else []
        year = feature["year_from"] if "page_kind" in names and feature["page_kind"] == "year" else None
        subset = "" if year is None else (
            "COALESCE(start_year, end_year) <= {0} AND COALESCE(end_year, start_year) >= {0}".format(int(year)))
        for kind in ("point", "line", "polygon"):
            layer = self.layers[UNIFIED_LAYERS[kind]]
            if layer.subsetString() != subset:
                layer.setSubsetString(subset)
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
        label.setText(title.text() + " " + tr("(continued)"))
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
