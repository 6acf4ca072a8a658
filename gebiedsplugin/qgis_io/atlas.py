"""The print atlas of the unified programme map: a layout from the .qpt template, driven by the
pages of the export (whole city / selection, each district, optionally each year). Main thread only.

Items are found by id in the template (map, overview, legend, scalebar, north_arrow, the labels
and the table frame); a municipality may restyle or drop any item but the map. Labels whose text is
a placeholder in braces get translated texts; other texts are left as written. User text (names,
scope ids) goes into the labels as expression string literals (``layout_text``), never evaluated.
The builder sets up the items with their own modules: atlas_map_items (maps, scale bar), atlas_legend
and atlas_item_table (columns, per-page candidates, continuation pages).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeedback,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsPrintLayout,
    QgsProject,
    QgsProjectMetadata,
    QgsReadWriteContext,
)
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtXml import QDomDocument

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io.atlas_item_table import (
    narrow_ahead,
    narrow_item_table,
    setup_item_table,
    tidy_continuation,
)
from gebiedsplugin.qgis_io.atlas_labels import label_area
from gebiedsplugin.qgis_io.atlas_legend import fit_legend, setup_legend
from gebiedsplugin.qgis_io.atlas_map_items import round_scalebar, setup_maps
from gebiedsplugin.qgis_io.data_export import ITEMS_TABLE, PAGES_TABLE, UNIFIED_LAYERS, shareable
from gebiedsplugin.qgis_io.layout_text import expression_literal as _q  # user text never evaluated
from gebiedsplugin.qgis_io.layout_text import grouped_number, label_literal, long_date
from gebiedsplugin.qgis_io.page_sequence import PageSequence
from gebiedsplugin.qgis_io.pdf_join import PdfJoinError, join_pdfs
from gebiedsplugin.qgis_io.project_layers import add_layers
from gebiedsplugin.qgis_io.sub_feedback import SubFeedback
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr, translator_for
from gebiedsplugin.toolbelt.resources import resource_path

# The atlas PDF in at most this many pieces (each atlas page one while there are no more): each piece
# carries its own copy of the fonts (tens of kB), and more pieces overlap the drawing no better.
MAX_PIECES = 8


def template_path(request: ExportRequest) -> Path:
    """The template the request names, else the plugin's own for its paper size and orientation."""
    if request.template:
        return Path(request.template)
    return resource_path("layouts", "programme_atlas_{}_{}.qpt".format(request.paper, request.orientation))


def _expr(text: str) -> str:
    return "[% " + text + " %]"


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
        self.table_samples = None  # the item table's atlas_item_table.TableSamples when known (else read)

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
        setup_maps(self.layout, self.project, self.layers, main)
        self._labels()
        setup_legend(self.layout, self.layers, main, self.words)
        setup_item_table(self.layout, self.layers, self.request, self.words, bool(self.table_fids),
                         self.table_samples)
        fit_legend(self.layout)
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

    def _on_feature(self, feature) -> None:
        """Per-year pages show only that year's items on the map; the scale bar rounded to the page."""
        round_scalebar(self.layout, feature)
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
        narrow_item_table(self.layout, self.layers[ITEMS_TABLE], self.table_fids,
                          feature["page"] if "page" in names else None)
        self._continued = tidy_continuation(self.layout, self._continued, self.words)

    def ahead(self, index: int) -> None:
        """Before the atlas moves to its page *index* (0-based, in page order): the item table narrowed
        to that page's candidates, so the atlas's refresh reads it once (not on the previous page's
        candidates and then again)."""
        order = sorted(p.page for p in self.pages)
        if 0 <= index < len(order):
            narrow_ahead(self.layers[ITEMS_TABLE], self.table_fids, order[index])

    # --- page numbers ----------------------------------------------------------------------------
    def number_pages(self, summaries=None) -> int:
        """Print "Page n of N" on every atlas (and summary) page, counting the table's continuation
        and the summary pages as the PDF does; the number of printed pages."""
        atlas = self.layout.atlas()
        firsts, page = [], 1
        if atlas.beginRender():
            for i in range(atlas.count()):
                self.ahead(i)
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
    def export_pdf(self, target: str | None, feedback: QgsFeedback | None = None, summaries=None,
                   images=None) -> list:
        """The atlas as one PDF at *target*; with *summaries* (SummaryPages), each summary after its atlas
        page. With *images* (pdf_pages.PageImages), the PDF is written a piece at a time (an atlas page
        with its table continuation and summary pages) into the images' working folder, and each piece is
        handed to *images* as soon as it is written, so its page images are drawn while QGIS draws the
        next; the pieces are then joined into *target* (None: page images only, no PDF).
        Returns the printed pages (pdf_pages.PrintedPage) in order."""
        self.number_pages(summaries)
        if images is None:
            with atomic_path(target, self.request.overwrite) as tmp:
                printed = self._write(tmp, PageSequence(self.layout.atlas(), summaries, self.ahead), feedback)
                self._finish(tmp)
            return printed
        count, printed, pieces = self.layout.atlas().count(), [], []
        n = max(1, min(count, MAX_PIECES))
        bounds = [round(k * count / n) for k in range(n + 1)]
        spans = list(zip(bounds, bounds[1:]))
        if summaries is not None and summaries.has(count - 1):
            spans.append((count, count))  # the last summary page alone (see below)
        try:
            for first, stop in spans:
                path = str(Path(images.workdir) / "atlas_{:04d}.pdf".format(first + 1))
                part = SubFeedback(feedback, 100.0 * first / max(count, 1), 100.0 * stop / max(count, 1))
                # A piece ends on an atlas page and the next begins with that page's summary: the map page's
                # images are drawn while QGIS draws the summary (the last piece, a summary alone, is drawn
                # quickly after the PDF), not only once both are written.
                sequence = PageSequence(self.layout.atlas(), summaries, self.ahead, first, stop, lead=first > 0,
                                        last_summary=first == stop)
                pages = self._write(path, sequence, part)
                images.add(path, pages)
                printed += pages
                pieces.append(path)
        except BaseException:
            self.layout.atlas().endRender()  # the pieces render the atlas as one: a piece left it rendering
            raise
        if target is not None:
            with atomic_path(target, self.request.overwrite) as tmp:
                try:
                    with open(tmp, "wb") as out:
                        join_pdfs(pieces, out, _info(self.project.metadata()))
                    shareable(tmp)
                except PdfJoinError:  # not the PDF this QGIS's Qt was known to write: drawn again, in one go
                    self._write(tmp, PageSequence(self.layout.atlas(), summaries, self.ahead), feedback)
                    self._finish(tmp)
        return printed

    def _write(self, path: str, pages: PageSequence, feedback: QgsFeedback | None) -> list:
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.appendGeoreference = True
        settings.exportMetadata = True
        settings.simplifyGeometries = True
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # searchable, selectable text
        result, error = QgsLayoutExporter.exportToPdf(pages, path, settings, feedback)
        if result == QgsLayoutExporter.ExportResult.Canceled or (feedback is not None and feedback.isCanceled()):
            raise ProgrammeError(tr("The export was cancelled."))
        if result != QgsLayoutExporter.ExportResult.Success:
            raise ProgrammeError(tr("Writing the PDF failed: {}").format(error or result))
        return pages.printed

    def _finish(self, path: str) -> None:
        _pdf_metadata(path, self.project.metadata())
        shareable(path)


def _info(metadata: QgsProjectMetadata) -> dict:
    """Title, author, subject and creator of the PDF (QGIS 3.22 writes none for an atlas)."""
    return {"Title": metadata.title(), "Author": metadata.author(), "Subject": metadata.abstract(),
            "Creator": "QGIS / gebiedsplugin"}


def _pdf_metadata(path: str, metadata: QgsProjectMetadata) -> None:
    """_info() into the PDF at *path*, as an update by GDAL's PDF driver."""
    from osgeo import gdal

    try:
        ds = gdal.OpenEx(path, gdal.OF_UPDATE | gdal.OF_RASTER)  # the PDF driver adds them as an update
    except RuntimeError:  # GDAL with exceptions on: a PDF it cannot update keeps QGIS's (none)
        ds = None
    if ds is None:
        return
    for key, value in _info(metadata).items():
        if value:
            ds.SetMetadataItem(key.upper(), value)
    ds = None  # written on close
