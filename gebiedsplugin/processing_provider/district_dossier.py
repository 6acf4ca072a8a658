"""gebiedsplugin:district_dossier: per district a PDF and a spreadsheet (ODS or CSV) with everything a
district meeting asks about (see core/dossier.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, wait

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.dossier import TABLE_FORMATS
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr, ui_language

LANGUAGES = ("en", "nl")


def off_main_thread(work):
    """*work()*'s result, run in a worker thread while this (main) thread keeps QGIS's events going:
    the algorithm needs the main thread for its layouts (FlagNoThreading), not for reading the data."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(work)
        while not wait([future], timeout=0.02).done:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return future.result()


class DistrictDossierAlgorithm(BaseAlgorithm):
    NAME = "district_dossier"
    PROGRAMME, DISTRICT, OUTPUT_FOLDER, LANGUAGE, OVERWRITE, TABLE_FORMAT = (
        "PROGRAMME", "DISTRICT", "OUTPUT_FOLDER", "LANGUAGE", "OVERWRITE", "TABLE_FORMAT")
    FILES, DOSSIERS = "FILES", "DOSSIERS"

    def display(self) -> str:
        return tr("District dossier (PDF and ODS / CSV)")

    def help_text(self) -> str:
        return tr("Writes per district (or only the districts asked for) a PDF and a spreadsheet: a map of the "
                  "district, every intervention (what, where, when, status, budget, funders, programme code, "
                  "funding status and shortfall), counts and money per theme, domain and kind, the unfunded part, "
                  "the findings of the programme check per rule with their decisions (chances included), the "
                  "stacking per neighbourhood and year and comparable cases in other districts. Files are named "
                  "dossier_<district id>.pdf / .ods / .csv.")

    def flags(self):
        # Print layouts render on the main thread only.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_programme(self.PROGRAMME, tr("Programme"))
        self.add(QgsProcessingParameterString(self.DISTRICT, tr("Districts (empty: every district)"), optional=True),
                 tr("Comma-separated district ids; empty for a dossier of every district."))
        self.add(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")),
                 tr("Where the files go: dossier_<district id>.pdf and .ods (or .csv)."))
        self.add(QgsProcessingParameterString(self.LANGUAGE, tr("Language (en or nl; empty: QGIS's)"), optional=True),
                 tr("The dossier's language: texts, names of codes, numbers and dates."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Overwrite existing files"), False),
                 tr("Replace dossiers of an earlier run; otherwise nothing is written when one exists."))
        self.add(QgsProcessingParameterString(self.TABLE_FORMAT, tr("Spreadsheet format (ods or csv)"),
                                              defaultValue="ods", optional=True),
                 tr("ods: a sheet per section; csv: the sections one after the other in one file."))
        self.output(QgsProcessingOutputString(self.FILES, tr("Files written")))
        self.output(QgsProcessingOutputNumber(self.DOSSIERS, tr("Dossiers")))

    def execute(self, parameters, context, feedback) -> dict:
        from gebiedsplugin.qgis_io.dossier import prepare_dossiers, write_dossiers

        lang = (self.parameterAsString(parameters, self.LANGUAGE, context) or "").strip().lower() or ui_language()
        if lang not in LANGUAGES:
            raise ProgrammeError(tr("Unknown language: {} (choose from {}).").format(lang, ", ".join(LANGUAGES)))
        table_format = (self.parameterAsString(parameters, self.TABLE_FORMAT, context) or "ods").strip().lower()
        if table_format not in TABLE_FORMATS:
            raise ProgrammeError(tr("Unknown table format: {} (choose from {}).").format(
                table_format, ", ".join(TABLE_FORMATS)))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        store = open_store(self.parameterAsFile(parameters, self.PROGRAMME, context))
        feedback.setProgressText(tr("Reading the programme"))
        districts = self.parameterAsString(parameters, self.DISTRICT, context) or ""
        prepared = off_main_thread(lambda: prepare_dossiers(store, districts, lang, cancelled=feedback.isCanceled))
        feedback.setProgressText(tr("Writing the dossiers"))
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE, context)
        files = write_dossiers(prepared, folder, table_format, overwrite, feedback)
        for path in files:
            feedback.pushInfo(tr("Written: {}").format(path))
        return {self.OUTPUT_FOLDER: folder, self.FILES: ";".join(files), self.DOSSIERS: len(prepared)}
