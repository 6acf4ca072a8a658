"""The programme map export end to end: prepare (any thread), then styles and atlas (main thread).

run_export() does both in order, for the Processing algorithm, scripts and tests; the dock runs the
first half as a QgsTask (export_task.PrepareExportTask) and calls finish_export() when it is done.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from qgis.core import QgsFeedback

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io import data_export
from gebiedsplugin.qgis_io.atlas import AtlasBuilder
from gebiedsplugin.qgis_io.data_export import UNIFIED_LAYERS
from gebiedsplugin.qgis_io.export_task import Prepared, export_error, prepare_export
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
    """The whole export in the calling (main) thread."""
    def progress(value: float) -> None:
        if feedback is not None:
            feedback.setProgress(value * 0.3)

    cancelled = feedback.isCanceled if feedback is not None else None
    prepared = prepare_export(request, progress, cancelled)
    return finish_export(prepared, request, feedback)


def finish_export(prepared: Prepared, request: ExportRequest, feedback: QgsFeedback | None = None) -> ExportResult:
    """Styles, GeoPackage and atlas from a prepared export (main thread); removes the working files.

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
        if {"pdf", "png"} & set(request.formats):
            t1 = time.perf_counter()
            builder = AtlasBuilder(staged, layers, prepared.pages, prepared.programme_name, prepared.items)
            builder.build()
            summaries = None
            if prepared.overview is not None:
                summaries = SummaryPages(request, prepared.overview, prepared.pages, prepared.programme_name,
                                         prepared.workdir)
                summaries.build()
                result.summary_pages = summaries.count()
            if "pdf" in request.formats:
                step(40, tr("Rendering the atlas PDF ({} pages)…").format(len(prepared.pages) + result.summary_pages))
                sub = _SubFeedback(feedback, 40, 70 if "png" in request.formats else 100)
                builder.export_pdf(str(staged.path(".pdf")), sub, summaries)
                result.files["pdf"] = [str(request.path(".pdf"))]
            result.timings["pdf"] = time.perf_counter() - t1
            if "png" in request.formats:
                t2 = time.perf_counter()
                step(70, tr("Rendering the page images…"))
                pngs = builder.export_pngs(_SubFeedback(feedback, 70, 100), summaries)
                result.files["png"] = [str(Path(request.folder) / Path(p).name) for p in pngs]
                result.pdf_pages = len(result.files["png"])
                result.timings["png"] = time.perf_counter() - t2
        _publish(prepared, request, result)
        step(100, tr("Export complete: {} files.").format(len(result.all_files())))
    except BaseException as e:
        error = export_error(e, prepared.workdir)  # before the cleanup: a full disk is told by its free space
        if error is not None:
            raise error from None
        raise
    finally:
        prepared.cleanup()
    if not result.pdf_pages and "pdf" in result.files:
        result.pdf_pages = _pdf_page_count(result.files["pdf"][0])
    return result


def _publish(prepared: Prepared, request: ExportRequest, result: ExportResult) -> None:
    """Move the finished outputs to their names; page images of an earlier, longer export go."""
    if prepared.staging is None:
        return
    prepared.staging.commit(request.overwrite)
    if "png" in result.files:
        pages = set(result.files["png"])
        for old in Path(request.folder).glob(request.stem + "_p*.png"):
            if str(old) not in pages and old.name[len(request.stem) + 2:-4].isdigit():
                old.unlink()


def _pdf_page_count(path: str) -> int:
    """Pages of a PDF (counted from its page objects; enough for what QGIS writes)."""
    import re

    with open(path, "rb") as f:
        data = f.read()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


class _SubFeedback(QgsFeedback):
    """Maps a child's 0–100 progress onto [start, end] of the parent's, and passes cancel through."""

    def __init__(self, parent: QgsFeedback | None, start: float, end: float):
        super().__init__()
        self.parent, self.start, self.end = parent, start, end
        self.progressChanged.connect(self._forward)
        if parent is not None:
            parent.canceled.connect(self.cancel)

    def _forward(self, value: float) -> None:
        if self.parent is not None:
            self.parent.setProgress(self.start + (self.end - self.start) * value / 100.0)
