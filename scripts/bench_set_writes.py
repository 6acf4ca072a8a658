"""`make bench` part: set-based writes on PostGIS (issue #18 item 5), against the row-by-row path.

In a throw-away PostGIS (GEBIED_PG_HOST, as `make bench` sets it) with a 100,000-intervention
programme, in this run:

- import: 50,000 updated interventions (title and budget changed, at the version read), written by
  the import's own writer (store/import_write.apply_import, one save);
- findings: merging a check's findings into an empty register, then the same findings again (every
  row updated: last_seen); and the same at a 1M check's register size (33,000 findings), set-based.

Each twice: the shipped set-based writer (one statement per table and page of 1,000 rows) and the
row-by-row path of before (the same writer with its set methods hidden, so each row is its own
round trip). Fresh programme copy per variant; same transaction, same locks and audit triggers.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SIZE = int(os.environ.get("GEBIED_BENCH_SET_SIZE", "100000"))
UPDATED = SIZE // 2
BIG_REGISTER = 33_000  # findings of the 1M check (pg1m2: 33,323)


class RowByRow:
    """A store whose writer hides its set-based methods: the save goes row by row (the old path)."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def writer(self, planner):
        inner = self.store.writer(planner)

        class Writer:
            def __enter__(self):
                self.w = inner.__enter__()
                return self

            def __exit__(self, *exc):
                return inner.__exit__(*exc)

            def __getattr__(self, name):
                if name in ("update_rows", "delete_rows", "insert_rows", "versions"):
                    raise AttributeError(name)
                return getattr(self.w, name)

        return Writer()


def _valid(row) -> bool:
    s, e, budget = row.get("start_year"), row.get("end_year"), row.get("budget")
    return s is not None and e is not None and s <= e and (budget is None or budget >= 0)


def _plan(store):
    from gebiedsplugin.core.import_rows import ImportPlan, Row

    plan = ImportPlan()
    for table in ("interventions_point", "interventions_line", "interventions_polygon"):
        rows, _, fids = store.read_table(table)
        for row, fid in zip(rows, fids):
            if len(plan.updated) == UPDATED:
                return plan
            if not _valid(row):  # the sample's planted bad rows: a save of them is refused
                continue
            plan.updated.append(Row(row=len(plan.updated) + 1, attrs={"title": (row["title"] or "") + " *",
                                                                       "budget": (row["budget"] or 0) + 1},
                                    table=table, fid=fid, version=row["row_version"]))
    return plan


def main() -> int:
    if not os.environ.get("GEBIED_PG_HOST"):
        print("skipped: no PostGIS (run under scripts/with_postgis.sh, as `make bench` does)")
        return 0
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from bench_save import _service

    from gebiedsplugin.core.rules import run_rules
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.findings import FindingsRegister
    from gebiedsplugin.qgis_io.store.import_write import apply_import
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    programme, _ = generate_sample(seed=7, interventions=SIZE, projects=SIZE)
    findings = run_rules(programme)
    connection = _service(tempfile.mkdtemp())
    times = {}
    for variant in ("row by row", "set-based"):
        store = PostgisStore.create(connection, "bench_set", programme.crs, programme, overwrite=True)
        target = RowByRow(store) if variant == "row by row" else store
        plan = _plan(store)
        start = time.perf_counter()
        apply_import(target, "interventions", plan)
        times[("import", variant)] = time.perf_counter() - start
        register = FindingsRegister(target)
        start = time.perf_counter()
        register.merge(findings)
        times[("findings new", variant)] = time.perf_counter() - start
        start = time.perf_counter()
        register.merge(findings)
        times[("findings again", variant)] = time.perf_counter() - start
    print("PostGIS, {:,} interventions; {:,} updated rows imported, {:,} findings merged:".format(
        SIZE, len(plan.updated), len(findings)))
    for what in ("import", "findings new", "findings again"):
        old, new = times[(what, "row by row")], times[(what, "set-based")]
        print("  {:<15} row by row {:7.2f} s   set-based {:6.2f} s   {:5.1f}x faster".format(what, old, new, old / new))
    _register_at_1m_scale(connection, programme.crs, findings, times[("findings new", "set-based")],
                          times[("findings again", "set-based")])
    app.exitQgis()
    return 0


def _register_at_1m_scale(connection: str, crs: str, findings: list, new_small: float, again_small: float) -> None:
    """The merge at the size of a 1M check's register (~33,000 findings, pg1m2): the run's findings
    copied under new ids into an empty register, merged new and again; wall and CPU (this process,
    the server) beside the growth from the run's own count."""
    from bench_save import _server_cpu

    from gebiedsplugin.core.records import Programme
    from gebiedsplugin.qgis_io.store.findings import FindingsRegister
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    big = [dataclasses.replace(f, finding_id="{}~{}".format(f.finding_id, k))
           for k in range(-(-BIG_REGISTER // len(findings))) for f in findings][:BIG_REGISTER]
    register = FindingsRegister(PostgisStore.create(connection, "bench_set_register", crs, Programme(crs=crs),
                                                    overwrite=True))
    parts = []
    for what, small in (("new", new_small), ("again", again_small)):
        start, cpu, server = time.perf_counter(), time.process_time(), _server_cpu()
        register.merge(big)
        took = time.perf_counter() - start
        server = "?" if server is None else "{:.2f}".format(_server_cpu() - server)
        parts.append("{} {:.2f} s (CPU here {:.2f} s, server {} s; {:.1f}x the {:,})".format(
            what, took, time.process_time() - cpu, server, took / small, len(findings)))
    print("  findings at a 1M check's count ({:,}): {}".format(len(big), "; ".join(parts)), flush=True)


if __name__ == "__main__":
    sys.exit(main())
