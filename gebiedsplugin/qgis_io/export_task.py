"""Data preparation of an export: read, unify, write the data files.

prepare_export() is plain work on the programme's store and files (OGR and the pure core), touching
no layer and no iface; exporter.finish_export() continues with styles, atlas and page images
(exporter.ExportTask runs both off the main thread).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable, Optional

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import prepare as prepare_overview
from gebiedsplugin.core.atlas_pages import atlas_pages
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import SCHEMA_SUFFIX, WEB_SUFFIX, ExportRequest
from gebiedsplugin.core.page_tables import table_candidates
from gebiedsplugin.core.release import collection_paused, free_gradually
from gebiedsplugin.core.unified import build_unified
from gebiedsplugin.qgis_io import data_export, geojson_export, web_map
from gebiedsplugin.qgis_io.atlas_item_table import TableSamples, table_samples
from gebiedsplugin.qgis_io.beside_jobs import BesideJobs
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.files import DiskFullError, Staging, is_disk_full
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.native_heap import give_back
from gebiedsplugin.toolbelt.temp_files import new_temp, remove_temp, sweep_stale


@dataclass
class Prepared:
    """What the worker produced: the working GeoPackage, the pages, files already written.

    The output files are written into *staging* (a hidden folder beside them) and appear under
    their names (the paths in *files*) only when the whole export succeeded (finish_export()).
    """

    workdir: str
    gpkg: str
    pages: list
    items: int
    programme_name: str
    files: dict = field(default_factory=dict)  # format -> [paths]
    timings: dict = field(default_factory=dict)
    # the district summary pages' Overview (None: none asked for), set by a job beside (beside_jobs)
    overview: Optional[Future] = None
    staging: Optional[Staging] = None
    table_fids: dict = field(default_factory=dict)  # page -> candidates of its item table (core.page_tables)
    table_samples: Optional[TableSamples] = None  # what the item table's column widths are measured on
    # work in a thread beside the critical path (beside_jobs): the Overview and the CSVs into the working
    # folder, queued here once the working GeoPackage's rows are in (Python work on the programme in
    # memory, let go of after the last of them); *deferred* jobs queued by exporter.finish_export once
    # the GeoPackage is published (the CSV copies): callables
    beside: BesideJobs = field(default_factory=BesideJobs)
    deferred: list = field(default_factory=list)
    # the GeoJSON, written by GDAL (without Python's lock) in a thread of its own from a copy of the
    # working GeoPackage's rows, from then on: beside the spatial indexes, the styles and the atlas
    geojson: BesideJobs = field(default_factory=BesideJobs)

    def cleanup(self) -> None:
        """Remove the working files and whatever is still staged (nothing after a commit), once no job
        beside writes into them."""
        self.beside.close()
        self.geojson.close()
        if self.overview is not None:
            self.overview.cancel()  # not begun (a failure or cancel before it): nobody waits for it
        remove_temp(self.workdir)
        if self.staging is not None:
            self.staging.discard()


def check_request(request: ExportRequest) -> None:
    """Refuse, before any work, what cannot succeed: no formats, bad folder, existing files, no template."""
    if not request.formats:
        raise ProgrammeError(tr("Choose at least one export format."))
    folder = Path(request.folder)
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise ProgrammeError(tr("The output folder {} does not exist and cannot be created.").format(folder)) \
                from None
    if not _writable(folder):
        raise ProgrammeError(tr("The output folder {} is not writable.").format(folder))
    if {"pdf", "png"} & set(request.formats):
        template = Path(request.template) if request.template else None
        if template is not None and not template.is_file():
            raise ProgrammeError(tr("The layout template {} does not exist.").format(template))
        summary = Path(request.summary_template) if request.summary_template and request.summary_pages else None
        if summary is not None and not summary.is_file():
            raise ProgrammeError(tr("The summary page template {} does not exist.").format(summary))
    if not request.overwrite:
        existing = request.existing_files()
        if existing:
            raise ProgrammeError(tr("These files exist already (allow overwriting to replace them): {}").format(
                ", ".join(p.name for p in existing)))


def _writable(folder: Path) -> bool:
    try:
        remove_temp(new_temp(folder / "write-test"))
        return True
    except OSError:
        return False


def export_error(error: BaseException, workdir: str = ""):
    """What to tell of a failed export (None: re-raise *error* as is): a full disk by the file, and
    that none of the export's files was written; any other failure of a write as a readable message."""
    if isinstance(error, DiskFullError):
        return DiskFullError(tr("The disk is full: {} could not be written. The export was stopped: none of its "
                                "files was written and existing files are unchanged.").format(error.path), error.path)
    if workdir and is_disk_full(error, workdir):
        return DiskFullError(tr("The disk is full: the export's working copy in {} could not be written. Nothing "
                                "was exported; existing files are unchanged.").format(workdir), workdir)
    if isinstance(error, (OSError, RuntimeError)) and not isinstance(error, InterruptedError):
        return ProgrammeError(tr("The export failed: {}").format(error))
    return None


def prepare_export(request: ExportRequest, progress: Optional[Callable[[float], None]] = None,
                   cancelled: Optional[Callable[[], bool]] = None) -> Prepared:
    """Read the programme, build the unified map and its pages, write the working GeoPackage,
    GeoJSON and CSV. Safe in a worker thread. Raises ProgrammeError with a readable message.

    No cycle collection meanwhile, and what it made is kept out of the collector's sight until the
    export lets go of it (collection_paused(keep=True)), whoever calls it (the dock's task, the
    Processing algorithm): the read and the unified map make millions of objects, and the passes the
    collector made over them took as long as building the unified map (2 s at 100k)."""
    with collection_paused(keep=True):
        return _prepare_export(request, progress, cancelled)


def _prepare_export(request: ExportRequest, progress: Optional[Callable[[float], None]],
                    cancelled: Optional[Callable[[], bool]]) -> Prepared:
    progress = progress or (lambda _p: None)
    cancelled = cancelled or (lambda: False)
    timings = {}
    t0 = time.perf_counter()
    check_request(request)
    store = open_store(request.programme)
    programme = store.read_programme()
    findings = store.read_table("findings")[0]
    known = {d.get("district_id") for d in programme.districts}
    unknown = [d for d in request.scope.district_ids if d not in known]
    if unknown:
        raise ProgrammeError(tr("Unknown district ids: {} (known: {}).").format(
            ", ".join(unknown), ", ".join(sorted(k for k in known if k))))
    progress(15)
    whole = request.scope.is_city and request.scope.year_from is None and request.scope.year_to is None
    unified = build_unified(programme, request.scope, findings)
    if len(unified) == 0:
        raise ProgrammeError(tr("Nothing to export: no interventions or programme projects in this scope "
                                "and period."))
    pages = atlas_pages(programme, unified, request.scope, request.per_year, tr("Whole city"))
    timings["read_unify"] = time.perf_counter() - t0
    progress(30)
    _check_cancel(cancelled)
    temp = Path(tempfile.gettempdir())
    sweep_stale(temp)
    workdir = str(new_temp(temp / "gebiedsplugin-export", suffix="", create="dir"))
    prepared = Prepared(workdir, str(Path(workdir) / (request.stem + ".gpkg")), pages, len(unified), store.name,
                        timings=timings)
    try:
        prepared.staging = Staging(request.folder, request.stem)
        staged = replace(request, folder=str(prepared.staging.path))
        t1 = time.perf_counter()
        early = []  # Python work queued beside once the rows are in (GDAL builds the indexes meanwhile)
        free_programme = partial(_free_programme, programme)
        if {"pdf", "png"} & set(request.formats):
            prepared.table_fids = table_candidates(unified, pages, request.table_rows)
            prepared.table_samples = table_samples(unified.all_items())
            if request.summary_pages:
                # the aggregations of the Overview dock (the unified map is built once when it covers them);
                # the summary pages wait for them. The Overview is the programme's last reader: it goes
                # right after, not after the CSVs (its memory back before the atlas draws: the peak).
                prepared.overview = Future()
                early += [partial(_overview, prepared.overview, programme, unified if whole else None),
                          free_programme]
        if "csv" in request.formats:
            # Written beside into the working folder; copied to the outputs after the GeoJSON (deferred), so
            # nothing of the CSV reaches the output folder before the GeoPackage (a full disk there is met by
            # the GeoPackage or the GeoJSON first).
            for suffix, write in (("_items.csv", data_export.write_items_csv),
                                  ("_summary.csv", data_export.write_summary_csv)):
                work = str(Path(workdir) / (request.stem + suffix))
                early.append(partial(write, work, unified, False))
                prepared.deferred.append(partial(data_export.publish_copy, work, str(staged.path(suffix)), False))
            prepared.files["csv"] = [str(request.path("_items.csv")), str(request.path("_summary.csv"))]
        districts = [d for d in programme.districts if d.get("district_id") != schema.CITY_ID]

        def rows_written() -> None:
            if "geojson" in request.formats:
                # GDAL reads a copy (the working GeoPackage gets its indexes and styles meanwhile); it
                # needs the rows only
                source = str(Path(workdir) / "geojson_source.gpkg")
                shutil.copyfile(prepared.gpkg, source)
                prepared.geojson.start([partial(geojson_export.write_geojson, str(staged.path(".geojson")), source,
                                                False)])
                prepared.files["geojson"] = [str(request.path(".geojson"))]
            prepared.beside.start(early)

        data_export.write_working_gpkg(prepared.gpkg, unified, pages, districts, cancelled, rows_written)
        progress(85)
        if "web" in request.formats:
            t2 = time.perf_counter()
            web_map.write_web_map(staged.path(WEB_SUFFIX), unified, districts, store.name, request.lang,
                                  request.web_links())
            prepared.files["web"] = [str(request.path(WEB_SUFFIX) / "index.html")]
            timings["web"] = time.perf_counter() - t2
        if "schema" in request.target_files():
            data_export.write_schema_json(str(staged.path(SCHEMA_SUFFIX)), False)
            prepared.files["schema"] = [str(request.path(SCHEMA_SUFFIX))]
        timings["data_files"] = time.perf_counter() - t1
        # Each let go of after the last job that reads it (the programme: the Overview; the unified map:
        # the CSVs), a slice at a time (not all at once: the main thread keeps its turns).
        free = [partial(free_gradually, *unified.items.values()), give_back]
        if free_programme not in early:
            free.insert(0, free_programme)
        if early:
            prepared.beside.start(free)  # after the jobs that read them
        else:
            for job in free:
                job()
        progress(100)
    except InterruptedError:
        prepared.cleanup()
        raise ProgrammeError(tr("The export was cancelled.")) from None
    except BaseException as e:
        error = export_error(e, workdir)  # before the cleanup: a full disk is told by its free space
        prepared.cleanup()
        if error is not None:
            try:
                raise error from None
            finally:
                error = None  # no reference cycle through this frame (see files.py's atomic_path)
        raise
    return prepared


def _overview(future: Future, programme, unified) -> None:
    """The Overview into *future* (the summary pages wait for it); out of the cycle collector's sight
    (collection_paused: no pass over 100,000 items holds Python's lock)."""
    if not future.set_running_or_notify_cancel():
        return
    try:
        with collection_paused(keep=True):
            future.set_result(prepare_overview(programme, unified, gaps=False))  # the pages show no gaps
    except BaseException as e:  # noqa: BLE001 - handed to whoever waits for it
        future.set_exception(e)
        raise


def _free_programme(programme) -> None:
    free_gradually(programme.interventions, programme.projects, programme.funding, programme.links)
    give_back()  # the records' freed pages (native_heap), else resident under all the atlas draws next


def _check_cancel(cancelled) -> None:
    if cancelled():
        raise ProgrammeError(tr("The export was cancelled."))
