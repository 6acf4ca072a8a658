"""The programme check off the main thread: read the programme, run the rules, merge the findings.

run_check() is plain work on the programme's store (GeoPackage or PostGIS) and the pure core, safe in
a worker thread; the Processing algorithm calls it directly. CheckTask runs it as a QgsTask with progress and cancel and
hands the outcome to a callback on the main thread, which reloads the layers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np
import shapely
from osgeo import osr
from qgis.core import Qgis, QgsMessageLog, QgsTask

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.findings import Scope, count_by_rule, in_scope
from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.release import collection_paused, free_gradually
from gebiedsplugin.core.rules import RULES, Cancelled, run_rules
from gebiedsplugin.core.rules.engine import ignored_settings
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr


@dataclass
class CheckRequest:
    """What to check: a programme (GeoPackage path or postgres:<connection>/<schema>), optionally some
    rules, one district, parameter overrides."""

    programme: str
    rule_ids: Optional[tuple] = None
    district_id: Optional[str] = None
    params: Optional[dict] = None
    lang: str = "en"
    write: bool = True  # merge into the findings register
    # On PostGIS, the join rules as SQL where the server can: True, False, or None to choose by size.
    in_database: Optional[bool] = None


@dataclass
class CheckResult:
    """The outcome of a run: its findings (in scope), counts, register changes, notes for the user."""

    findings: list
    counts: dict
    merge: dict = field(default_factory=dict)
    rows: list = field(default_factory=list)  # the register after the run
    notes: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    interventions: int = 0

    @property
    def total(self) -> int:
        return len(self.findings)


def _check_cancel(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise Cancelled()


def _transform(features: list, source: str, target: str) -> None:
    """Reproject the shapely geometries of *features* from *source* to *target* in place."""
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    for srs, text in ((src, source), (dst, target)):
        try:
            failed = srs.SetFromUserInput(text) != 0  # an OGRErr; an exception only where osr raises
        except RuntimeError:
            failed = True
        if failed:
            raise ProgrammeError(tr("The coordinate reference system {} is not known; the check did not run.")
                                 .format(text))
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    if ct is None:
        raise ProgrammeError(tr("No transformation from {} to {}; the check did not run.").format(source, target))

    def project(coords):
        if len(coords) == 0:
            return coords
        out = np.asarray(ct.TransformPoints(coords.tolist()))[:, :2]
        if not np.isfinite(out).all():  # points outside the projection's area come back as inf
            raise ProgrammeError(tr("Coordinates in {} cannot be transformed to {}; the check did not run.")
                                 .format(source, target))
        return out

    for feat in features:
        if feat.geometry is not None:
            feat.geometry = shapely.transform(feat.geometry, project)


def run_check(request: CheckRequest, progress: Optional[Callable[[float], None]] = None,
              cancelled: Optional[Callable[[], bool]] = None) -> CheckResult:
    """Run the programme check the request describes. Raises ProgrammeError with a readable message
    and Cancelled when *cancelled* says so (nothing is written then)."""
    progress = progress or (lambda _p: None)
    cancelled = cancelled or (lambda: False)
    timings = {}
    t0 = time.perf_counter()
    store = open_store(request.programme)
    unknown = [r for r in (request.rule_ids or ()) if r not in RULES]
    if unknown:
        raise ProgrammeError(tr("Unknown rules: {} (known: {}).").format(", ".join(unknown), ", ".join(RULES)))
    crs = store.crs()
    notes = []
    ids = list(dict.fromkeys(request.rule_ids)) if request.rule_ids else list(RULES)
    use_db = request.in_database if request.in_database is not None else _large_on_postgis(store)
    if use_db and getattr(store, "kind", "") == "postgis":
        # A set of the check's tables of the version before completed first, as an open in QGIS does
        # (open_task): scripts and Processing open without that task. A quick query when there is nothing to add.
        from gebiedsplugin.qgis_io.store.pg_migrate import add_check_tables

        add_check_tables(store, cancelled)
    job = _DatabaseRules.start(store, ids, request.params, notes, cancelled) if use_db else None
    db_count = 0
    in_db = job.rule_ids if job else ()
    try:  # the rules left in memory run here while the server runs the join rules
        programme, found, own_notes = _in_memory(store, crs, request, [r for r in ids if r not in in_db], in_db,
                                                 progress, cancelled, timings, job.snapshot if job else None)
        if job:
            done = job.result(timings, notes)
            if done is None:  # the server failed a statement: every rule in memory after all
                in_db = ()
                programme, found, own_notes = _in_memory(store, crs, request, ids, (), progress, cancelled, timings)
            else:
                order = list(RULES).index  # the same order as run_rules: by rule, then finding id
                found = sorted(found + done[0], key=lambda f: order(f.rule))
                db_count = done[1]
    finally:
        if job:
            job.stop()
    notes.extend(own_notes)
    district = None if request.district_id in (None, "", schema.CITY_ID) else request.district_id
    found = in_scope(found, district)
    _check_cancel(cancelled)
    result = CheckResult(found, count_by_rule(found), notes=notes, timings=timings,
                         interventions=db_count if in_db else len(programme.interventions))
    if request.write:
        t2 = time.perf_counter()
        register = store.findings_register()
        plan = register.merge(found, Scope(tuple(request.rule_ids) if request.rule_ids else None, district),
                              request.lang)
        result.merge = plan.summary()
        timings["write"] = time.perf_counter() - t2
    progress(100)
    timings["total"] = time.perf_counter() - t0
    free_gradually(programme.interventions, programme.projects, programme.funding, programme.links,
                   programme.neighbourhoods)  # not all at once on return: the main thread keeps its turns
    return result


def _in_memory(store, crs, request, rest, in_db, progress, cancelled, timings, snapshot=None):
    """Read what the rules *rest* need (the narrow read when *in_db* rules run in the database, in their
    *snapshot*), run them. Returns (programme, findings, notes)."""
    t0 = time.perf_counter()
    notes = []
    if not rest:
        programme = _light_programme(store)
    elif in_db:  # only what the rules left in memory read, of the rows they can find something in
        from gebiedsplugin.qgis_io.store.pg_check import read_for_rules

        programme = read_for_rules(store, rest, request.params, cancelled, timings, snapshot)
    else:
        programme = store.read_programme(cancelled)
    _check_cancel(cancelled)
    for table, other in store.foreign_crs_tables(crs).items():
        notes.append(tr("Table {} is stored in {}, not in the programme's {}; it was reprojected for the check.")
                     .format(table, other, crs))
        part = "interventions" if table in schema.INTERVENTION_TABLES else (
            "projects" if table in schema.PROJECT_TABLES else table)
        _transform([f for f in getattr(programme, part) if f.table == table], other, crs)
    for key, value, default in ignored_settings(programme.settings):
        notes.append(tr("Settings of {}: {} = '{}' is not a number of 0 or more; the check used the default {}.")
                     .format(store.name, key, value, "{:g}".format(default)))
    districts = {d.get("district_id") for d in programme.districts}
    if request.district_id and request.district_id not in districts:
        raise ProgrammeError(tr("Unknown district: {} (known: {}).").format(
            request.district_id, ", ".join(sorted(str(d) for d in districts if d and d != schema.CITY_ID))))
    timings["read"] = time.perf_counter() - t0
    progress(20)
    t1 = time.perf_counter()
    found = run_rules(programme, rest, request.params,
                      lambda percent: progress(20 + 0.7 * percent) or cancelled()) if rest else []
    timings["rules"] = time.perf_counter() - t1
    return programme, found, notes


# Interventions from which a PostGIS programme's join rules run in the database by default. Measured for
# #18 (scripts/bench_pg_check.py, one run, load 8-12 on the shared 2-core machine, server on the same
# machine): at 100k in the database 23.7 s / 281 MB (QGIS process 2.1 s CPU, server 9.1 s), in memory
# 23.1 s / 883 MB (8.0 s CPU, server 0.9 s); at 1M in the database 181 s / 595 MB (9.0 s + server 71 s),
# in memory 72 s / 5.6 GB (quieter machine, an earlier session). Equal time at 100k with a third of the
# memory; kept at a quarter million until measured on a machine where the server has its own cores.
IN_DATABASE_FROM = 250_000


def _large_on_postgis(store) -> bool:
    if getattr(store, "kind", "") != "postgis":
        return False
    counts = store.counts()
    return sum(counts.get(t, 0) for t in schema.INTERVENTION_TABLES) >= IN_DATABASE_FROM


class _DatabaseRules:
    """On PostGIS: the join rules of a run as SQL (store/pg_check.py) on helper threads, so the server
    works on them while this process reads and checks the rest (two cores: at a million interventions
    the two parts took 94 s and 38 s one after the other); in two sessions at once where the programme
    keeps its tables (pg_check.sessions: the funding rules apart; at a million their half took as long as
    this process's whole part). Those sessions and the in-memory part's read (*also_read*) read one
    *snapshot* (store/pg_snapshot.py): a save committed meanwhile reaches all of them or none. The threads
    only talk to the server and build findings; they stop between two rules when the run is cancelled or
    given up."""

    def __init__(self, store, wanted, params, cancelled, also_read: bool):
        from concurrent.futures import ThreadPoolExecutor

        from gebiedsplugin.qgis_io.store import pg_check
        from gebiedsplugin.qgis_io.store.pg_snapshot import SharedSnapshot

        self.rule_ids = tuple(wanted)
        self.timings: dict = {}
        self._given_up = False
        parts = pg_check.sessions(store, wanted)
        self._t0 = time.perf_counter()
        self.snapshot = SharedSnapshot(store, len(parts) + int(also_read))
        self._pool = ThreadPoolExecutor(max_workers=len(parts), thread_name_prefix="check-in-database")
        settings, areas = store.settings(), pg_check.shared_areas(store.schema_name)
        self._futures = [self._pool.submit(pg_check.run_in_database, store, part, params, settings,
                                           lambda: self._given_up or cancelled(), timings=self.timings,
                                           areas_of=areas, snapshot=self.snapshot)
                         for part in parts]

    @classmethod
    def start(cls, store, ids, params, notes, cancelled) -> Optional[_DatabaseRules]:
        """The join rules among *ids* started in the database; None on a GeoPackage, without join rules,
        or when the server cannot (said in *notes* and the log: the rules then run in memory)."""
        if getattr(store, "kind", "") != "postgis":
            return None
        from gebiedsplugin.qgis_io.store import pg_check

        wanted = [r for r in ids if r in pg_check.IN_DATABASE]
        if not wanted:
            return None
        reason = pg_check.unavailable(store)
        if reason is not None:
            _note_in_memory(reason, notes)
            return None
        return cls(store, wanted, params, cancelled, also_read=len(wanted) < len(ids))

    def result(self, timings: dict, notes: list):
        """(findings, interventions checked) once the server is done; None when it failed a statement
        (said in *notes*). Cancelled when the run was cancelled."""
        import psycopg2  # only with a PostGIS programme

        try:
            parts = [f.result() for f in self._futures]
        except psycopg2.Error as e:
            _note_in_memory(str(e).strip(), notes)
            return None
        timings["in_database"] = dict(self.timings, wall=time.perf_counter() - self._t0)
        return [f for found, _count in parts for f in found], parts[0][1]

    def stop(self) -> None:
        """Give up what has not finished (its statements stop at the next rule) without waiting."""
        self._given_up = True
        self._pool.shutdown(wait=False)
        self.snapshot.close()


def _note_in_memory(reason: str, notes: list) -> None:
    note = tr("The check ran every rule in memory: {}").format(reason)
    notes.append(note)
    QgsMessageLog.logMessage(note, "gebiedsplugin", Qgis.MessageLevel.Warning)


def _light_programme(store) -> Programme:
    """What run_check needs beside the rules when every rule ran in the database."""
    rows, geoms, fids = store.read_table("districts")
    return Programme(crs=store.crs(), districts=[Feature(r, g, "districts", f) for r, g, f in zip(rows, geoms, fids)],
                     settings=store.settings())


class CheckTask(QgsTask):
    """run_check() as a background task; *on_done(result, error_text)* runs on the main thread."""

    def __init__(self, request: CheckRequest, on_done: Callable, layers: Optional[list] = None):
        super().__init__(tr("Programme check"), QgsTask.Flag.CanCancel)
        self.request = request
        self.on_done = on_done
        self.layers = list(layers or [])  # reloaded in finished(), on the main thread
        self.result: Optional[CheckResult] = None
        self.error = ""

    def run(self) -> bool:
        try:
            with collection_paused():  # a full pass over a 100k programme would stop the QGIS window
                self.result = run_check(self.request, self.setProgress, self.isCanceled)
                self.result.rows = (open_store(self.request.programme).findings_register().rows()
                                    if self.request.write else [])
        except Cancelled:
            self.error = tr("The check was cancelled; the findings were not changed.")
            return False
        except ProgrammeError as e:
            self.error = str(e)
            return False
        except Exception as e:  # noqa: BLE001 - reported to the user, not swallowed
            self.error = tr("The check failed: {}").format(e)
            return False
        return True

    def finished(self, result: bool) -> None:
        if not result and not self.error:
            self.error = tr("The check was cancelled; the findings were not changed.")
        if result:
            reload_layers(self.layers)
        self.on_done(self.result if result else None, self.error)


def reload_layers(layers) -> None:
    """Main thread: show what the register now holds in loaded layers (e.g. the findings layer)."""
    for layer in layers:
        if layer is not None:
            layer.reload()
            layer.triggerRepaint()
