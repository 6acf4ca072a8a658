"""The programme map export end to end: prepare (data files), then styles, atlas PDF and page images.

run_export() does both in the calling thread, for the Processing algorithm, scripts and tests; the
dock runs the same in an ExportTask, off the main thread. Layouts may render in a worker thread only
on layers and a project of their own, created in that thread: finish_export() loads the working
GeoPackage into a private QgsProject and touches no layer of the user's project and no iface.
The page images are rasterised from the PDF by GDAL's PDF driver (pdf_pages), not by a second layout
render: the PDF is written a piece at a time and each piece's images are drawn while QGIS draws the
next (the pieces are then joined, pdf_join).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional

from qgis.core import QgsFeedback, QgsTask
from qgis.PyQt.QtCore import Qt

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.release import collection_paused
from gebiedsplugin.qgis_io import data_export, pdf_pages
from gebiedsplugin.qgis_io.atlas import AtlasBuilder
from gebiedsplugin.qgis_io.data_export import UNIFIED_LAYERS
from gebiedsplugin.qgis_io.export_task import Prepared, export_error, prepare_export
from gebiedsplugin.qgis_io.sub_feedback import SubFeedback
from gebiedsplugin.qgis_io.summary_pages import SummaryPages
from gebiedsplugin.qgis_io.unified_layers import load_unified_layers
from gebiedsplugin.toolbelt.i18n import tr


@dataclass
class ExportResult:
    """Files written per format, page and item counts, and how long each step took (seconds)."""

    files: dict = field(default_factory=dict)
    atlas_pages: int = 0  # pages of the atlas (city/selection, districts, years)
    pdf_pages: int = 0  # printed pages, table continuation pages and summary pages included
    summary_pages: int = 0  # district summary pages (after the city's and each district's atlas page)
    items: int = 0
    timings: dict = field(default_factory=dict)

    def all_files(self) -> list:
        return [p for paths in self.files.values() for p in paths]


def run_export(request: ExportRequest, feedback: QgsFeedback | None = None) -> ExportResult:
    """The whole export in the calling thread."""
    def progress(value: float) -> None:
        if feedback is not None:
            feedback.setProgress(value * 0.3)

    cancelled = feedback.isCanceled if feedback is not None else None
    prepared = prepare_export(request, progress, cancelled)
    return finish_export(prepared, request, feedback)


def finish_export(prepared: Prepared, request: ExportRequest, feedback: QgsFeedback | None = None) -> ExportResult:
    """Styles, GeoPackage, atlas PDF and page images from a prepared export, on layers and a project of
    its own (any thread, see the module's note); removes the working files.

    Every output is written into the export's staging folder; when all are complete they are
    moved to their names together. A failure (a full disk, a cancel) leaves the previous files.
    """
    result = ExportResult(files=dict(prepared.files), atlas_pages=len(prepared.pages), items=prepared.items,
                          timings=dict(prepared.timings))

    def step(value: float, text: str) -> None:
        if feedback is not None:
            feedback.setProgress(value)
            feedback.pushInfo(text) if hasattr(feedback, "pushInfo") else None

    staged = replace(request, folder=str(prepared.staging.path)) if prepared.staging is not None else request
    summaries = builder = layers = styled = images = None
    beside = prepared.beside  # the Overview and the CSVs run in it already (export_task.prepare_export)
    try:
        t0 = time.perf_counter()
        layers = load_unified_layers(prepared.gpkg, request.lang)
        if "gpkg" in request.formats:
            step(32, tr("Writing the GeoPackage…"))
            styled = {t: layers[t] for t in list(UNIFIED_LAYERS.values()) + [data_export.DISTRICTS_TABLE]}
            data_export.embed_styles(prepared.gpkg, styled)
            data_export.publish_copy(prepared.gpkg, str(staged.path(".gpkg")), False)
            result.files["gpkg"] = [str(request.path(".gpkg"))]
        result.timings["styles_gpkg"] = time.perf_counter() - t0
        beside.start(prepared.deferred)  # then the CSV copies (after the GeoPackage)
        if {"pdf", "png"} & set(request.formats):
            t1 = time.perf_counter()
            builder = AtlasBuilder(staged, layers, prepared.pages, prepared.programme_name, prepared.items)
            builder.table_fids = prepared.table_fids
            builder.table_samples = prepared.table_samples
            builder.build()
            if prepared.overview is not None:
                summaries = SummaryPages(request, prepared.overview, prepared.pages, prepared.programme_name,
                                         prepared.workdir)
                summaries.build()
                summaries.prefetch()  # the charts are drawn beside the atlas's rendering
                result.summary_pages = summaries.count()
            step(40, tr("Rendering the atlas PDF ({} pages)…").format(len(prepared.pages) + result.summary_pages))
            if "png" in request.formats:  # drawn from the PDF a piece at a time, beside QGIS drawing the next
                images = pdf_pages.PageImages(staged.png_path, request.png_dpi, request.overwrite, prepared.workdir,
                                              feedback.isCanceled if feedback is not None else None)
            pdf = str(staged.path(".pdf")) if "pdf" in request.formats else None
            sub = SubFeedback(feedback, 40, 90 if images is not None else 100)
            printed = builder.export_pdf(pdf, sub, summaries, images)
            if "pdf" in request.formats:
                result.files["pdf"] = [str(request.path(".pdf"))]
            result.pdf_pages = len(printed)
            result.timings["pdf"] = time.perf_counter() - t1
            if images is not None:
                t2 = time.perf_counter()
                step(90, tr("Rendering the page images…"))
                sub = SubFeedback(feedback, 90, 100)
                pngs = images.publish(sub.setProgress)
                result.files["png"] = [str(Path(request.folder) / Path(p).name) for p in pngs]
                result.timings["png"] = time.perf_counter() - t2
        beside.wait()
        prepared.geojson.wait()
        result.timings["beside"] = beside.seconds + prepared.geojson.seconds
        if feedback is not None:
            feedback.setProgress(99)  # the last moment a cancel counts: nothing is published yet
            if feedback.isCanceled():
                raise ProgrammeError(tr("The export was cancelled."))
        _publish(prepared, request, result)
        step(100, tr("Export complete: {} files.").format(len(result.all_files())))
    except BaseException as e:
        error = export_error(e, prepared.workdir)  # before the cleanup: a full disk is told by its free space
        if error is not None:
            try:
                raise error from None
            finally:
                error = None  # no cycle error -> traceback -> this frame -> error: see files.py's atomic_path
        raise
    finally:
        beside.close()  # nothing writes into the working or staging folder after this
        prepared.geojson.close()
        if prepared.overview is not None:
            prepared.overview.cancel()  # not begun (a failure or cancel before it): nobody waits for it
        if summaries is not None:
            summaries.close()
        if images is not None:
            images.close()  # before the working folder goes: no page is drawn into it after this
        # The layers go before their GeoPackage: removed while still open, QGIS kept it open (deleted, its
        # space taken) until QGIS quit. The atlas's project deletes its own now, whoever still holds the
        # builder (the traceback of a failure or a cancel).
        if builder is not None:
            builder.project.removeAllMapLayers()
        builder = layers = styled = None
        prepared.cleanup()
    return result


def _publish(prepared: Prepared, request: ExportRequest, result: ExportResult) -> None:
    """Move the finished outputs to their names; page images of an earlier, longer export go."""
    if prepared.staging is None:
        return
    prepared.staging.commit(request.overwrite)
    if "png" in result.files:
        pages = set(result.files["png"])
        for old in Path(request.folder).glob(request.stem + "_p*.png"):
            if str(old) not in pages and _PAGE_IMAGE.fullmatch(old.name[len(request.stem):]):
                old.unlink()


_PAGE_IMAGE = re.compile(r"_p\d+(_[A-Za-z0-9_-]+)?\.png")  # a page image: _p01.png, _p01_noord.png


class ExportTask(QgsTask):
    """The whole export as a background task, with progress and cancel; the main thread only hears of
    it. *on_done(result, error_text)* runs on the main thread (result None on failure or cancel)."""

    def __init__(self, request: ExportRequest, on_done: Callable):
        super().__init__(tr("Exporting the programme map"), QgsTask.Flag.CanCancel)
        self.request = request
        self.on_done = on_done
        self.result: Optional[ExportResult] = None
        self.error = ""
        self.feedback: Optional[QgsFeedback] = None

    def run(self) -> bool:
        self.feedback = QgsFeedback()  # created here: it lives in the worker thread with the layout
        # Direct: _progress runs in the worker, where the feedback lives (the task itself is the main thread's).
        self.feedback.progressChanged.connect(self._progress, Qt.ConnectionType.DirectConnection)
        try:
            # No collector pass over the programme while it is read and unified; what the pages need of it
            # is kept out of the collector's sight until the export drops it (a pass would stop QGIS).
            with collection_paused(keep=True):
                prepared = prepare_export(self.request, lambda value: self.setProgress(value * 0.3), self.isCanceled)
            if self.isCanceled():
                prepared.cleanup()
                raise ProgrammeError(tr("The export was cancelled."))
            self.result = finish_export(prepared, self.request, self.feedback)
        except ProgrammeError as e:
            self.error = str(e)
            return False
        except Exception as e:  # noqa: BLE001 - reported to the user, not swallowed
            self.error = tr("The export failed: {}").format(e)
            return False
        finally:
            self.feedback = None
        return True

    def _progress(self, value: float) -> None:
        """Worker thread: pass the progress on, and a cancel of the task to the layout's feedback.
        (The feedback is cancelled here, in its own thread: QGIS's exporter listens to it directly.)"""
        self.setProgress(value)
        if self.isCanceled() and self.feedback is not None and not self.feedback.isCanceled():
            self.feedback.cancel()

    def finished(self, result: bool) -> None:
        if not result and not self.error:
            self.error = tr("The export was cancelled.")
        self.on_done(self.result if result else None, self.error)
