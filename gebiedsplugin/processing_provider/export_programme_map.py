"""gebiedsplugin:export_programme_map: the unified programme map as print atlas and data."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import DEFAULT_FORMATS, FORMATS, ORIENTATIONS, PAPERS, ExportRequest, parse_formats
from gebiedsplugin.core.unified import Scope
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.toolbelt.catalogue import language_name, languages
from gebiedsplugin.toolbelt.i18n import tr, ui_language


class ExportProgrammeMapAlgorithm(BaseAlgorithm):
    NAME = "export_programme_map"
    PROGRAMME, SCOPE, YEAR_FROM, YEAR_TO, FORMATS, OUTPUT_FOLDER = (
        "PROGRAMME", "SCOPE", "YEAR_FROM", "YEAR_TO", "FORMATS", "OUTPUT_FOLDER")
    PER_YEAR, TEMPLATE, OVERWRITE, TABLE_ROWS = "PER_YEAR", "TEMPLATE", "OVERWRITE", "TABLE_ROWS"
    SUMMARY_PAGES, SUMMARY_TEMPLATE = "SUMMARY_PAGES", "SUMMARY_TEMPLATE"
    PAPER_SIZE, ORIENTATION, LANGUAGE, PNG_DPI = "PAPER_SIZE", "ORIENTATION", "LANGUAGE", "PNG_DPI"
    LANGUAGES = languages()  # the LANGUAGE enum's values, in order: en, nl, then any added as a .qm
    PDF, GPKG, GEOJSON, PAGES, FILES = "PDF", "GPKG", "GEOJSON", "PAGES", "FILES"

    def display(self) -> str:
        return tr("Export programme map (atlas and data)")

    def help_text(self) -> str:
        return tr("Puts interventions, maintenance, initiatives, statutory tasks and the multi-year programme "
                  "on one map and exports it: a print atlas (PDF, and a PNG per page) with a page for the whole "
                  "city or the selection and one per district (optionally one per year), a GeoPackage with "
                  "the styles embedded, GeoJSON (EPSG:4326) for the web map and CSV tables. After the city's and "
                  "each district's atlas page comes a summary page with the Overview's charts and tables "
                  "(SUMMARY_PAGES). Existing files are not replaced unless OVERWRITE is set.")

    def flags(self):
        # Layouts render on the main thread only.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Programme"))
        self.add(QgsProcessingParameterString(self.SCOPE, tr("Scope"), defaultValue="city"),
                 tr("'city' for the whole city, or district ids separated by commas (e.g. noord,oost)."))
        for name, label in ((self.YEAR_FROM, tr("From year")), (self.YEAR_TO, tr("To year"))):
            self.add(QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Type.Integer, optional=True,
                                                  minValue=2000, maxValue=2100),
                     tr("Only items whose years overlap the period; empty for no bound."))
        self.add(QgsProcessingParameterString(self.FORMATS, tr("Formats"), defaultValue=",".join(DEFAULT_FORMATS)),
                 tr("Comma-separated, any of: {}.").format(", ".join(FORMATS)))
        self.add(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")),
                 tr("Where the files go; names start with programme_map_ and the scope."))
        self.add(QgsProcessingParameterBoolean(self.PER_YEAR, tr("Also one page per year"), False),
                 tr("Adds an overview page for every year of the period."))
        template = QgsProcessingParameterFile(self.TEMPLATE, tr("Layout template"), extension="qpt", optional=True)
        self.add(template, tr("A .qpt print layout (default: the plugin's atlas template for the paper size and "
                              "orientation below)."))
        self.add(QgsProcessingParameterEnum(self.PAPER_SIZE, tr("Paper size"), [p.upper() for p in PAPERS],
                                            defaultValue=PAPERS.index("a3")),
                 tr("Of the plugin's atlas and summary templates; a template of one's own keeps its own size."))
        self.add(QgsProcessingParameterEnum(self.ORIENTATION, tr("Orientation"), [tr("Portrait"), tr("Landscape")],
                                            defaultValue=ORIENTATIONS.index("landscape")),
                 tr("Portrait: the map on top, legend and table under it; landscape: legend and table beside it."))
        self.add(QgsProcessingParameterEnum(self.LANGUAGE, tr("Language"), [tr("English"), tr("Dutch")] + [
                                                language_name(lang) or lang for lang in self.LANGUAGES[2:]],
                                            defaultValue=max(self.LANGUAGES.index(lang) for lang in
                                                             ("en", ui_language()) if lang in self.LANGUAGES)),
                 tr("The language of the atlas, legends, file names and file contents (default: QGIS's)."))
        self.add(QgsProcessingParameterNumber(self.PNG_DPI, tr("PNG resolution (dpi)"),
                                              QgsProcessingParameterNumber.Type.Integer,
                                              defaultValue=ExportRequest.png_dpi, minValue=72, maxValue=600),
                 tr("Resolution of the PNG page images."))
        self.add(QgsProcessingParameterBoolean(self.SUMMARY_PAGES, tr("District summary pages"), True),
                 tr("After the city's and each district's atlas page, a page with the Overview's charts and tables: "
                    "money per year against the area budget, per funder and per theme, stacking and priority "
                    "coverage."))
        summary = QgsProcessingParameterFile(self.SUMMARY_TEMPLATE, tr("Summary page template"), extension="qpt",
                                             optional=True)
        summary.setFlags(summary.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.add(summary, tr("A .qpt layout for the summary pages (default: the plugin's A3 summary template)."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Overwrite existing files"), False),
                 tr("Replace files of an earlier export with the same names."))
        rows = QgsProcessingParameterNumber(self.TABLE_ROWS, tr("Table rows per page area"),
                                            QgsProcessingParameterNumber.Type.Integer, defaultValue=30, minValue=0,
                                            maxValue=100000)
        rows.setFlags(rows.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.add(rows, tr("Largest items listed per area; more rows continue on extra pages; 0 lists all."))
        self.output(QgsProcessingOutputFile(self.PDF, tr("Atlas PDF")))
        self.output(QgsProcessingOutputFile(self.GPKG, tr("GeoPackage")))
        self.output(QgsProcessingOutputFile(self.GEOJSON, tr("GeoJSON")))
        self.output(QgsProcessingOutputNumber(self.PAGES, tr("Atlas pages")))
        self.output(QgsProcessingOutputString(self.FILES, tr("Files written")))

    def request(self, parameters, context) -> ExportRequest:
        """The ExportRequest the parameters describe (ProgrammeError when they are wrong)."""
        try:
            formats = parse_formats(self.parameterAsString(parameters, self.FORMATS, context))
        except ValueError as e:
            raise ProgrammeError(tr("Unknown formats: {} (choose from {}).").format(e, ", ".join(FORMATS))) from None
        year_from, year_to = self.period(parameters, context, self.YEAR_FROM, self.YEAR_TO)
        return ExportRequest(
            programme=self.parameterAsFile(parameters, self.PROGRAMME, context),
            folder=self.parameterAsString(parameters, self.OUTPUT_FOLDER, context),
            scope=Scope.parse(self.parameterAsString(parameters, self.SCOPE, context), year_from, year_to),
            formats=formats,
            per_year=self.parameterAsBool(parameters, self.PER_YEAR, context),
            template=self.parameterAsFile(parameters, self.TEMPLATE, context) or None,
            summary_pages=self.parameterAsBool(parameters, self.SUMMARY_PAGES, context),
            summary_template=self.parameterAsFile(parameters, self.SUMMARY_TEMPLATE, context) or None,
            overwrite=self.parameterAsBool(parameters, self.OVERWRITE, context),
            lang=self.LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
            table_rows=self.parameterAsInt(parameters, self.TABLE_ROWS, context),
            png_dpi=self.parameterAsInt(parameters, self.PNG_DPI, context),
            paper=PAPERS[self.parameterAsEnum(parameters, self.PAPER_SIZE, context)],
            orientation=ORIENTATIONS[self.parameterAsEnum(parameters, self.ORIENTATION, context)],
        )

    def execute(self, parameters, context, feedback) -> dict:
        """Run the export the parameters describe; the algorithm's results."""
        from gebiedsplugin.qgis_io.exporter import run_export

        request = self.request(parameters, context)
        if not request.programme:
            raise ProgrammeError(tr("Choose the programme to export."))
        result = run_export(request, feedback)
        for path in result.all_files():
            feedback.pushInfo(tr("Written: {}").format(path))
        feedback.pushInfo(tr("{} items on {} atlas pages and {} summary pages ({} printed pages).").format(
            result.items, result.atlas_pages, result.summary_pages, result.pdf_pages))

        def first(fmt):
            return result.files.get(fmt, [None])[0]

        return {self.OUTPUT_FOLDER: request.folder, self.PDF: first("pdf"), self.GPKG: first("gpkg"),
                self.GEOJSON: first("geojson"), self.PAGES: result.atlas_pages,
                self.FILES: ";".join(result.all_files())}
