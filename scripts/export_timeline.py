"""Timeline of one programme map export in this process: which thread does what when, and how much
of the two cores the export uses meanwhile (#18: where a core idles on the critical path).

The export's steps are timed by wrapping them (start, end, CPU of the calling thread: time.thread_time);
a sampler reads every thread's CPU from /proc/self/task every --interval seconds (GDAL's and Qt's own
threads too) and the whole machine's from /proc/stat (the other engineers' work). Prints the steps in
order, then per bin the cores the export used, per thread, and the machine's busy cores.

Usage: python scripts/export_timeline.py [--code DIR] PROGRAMME.gpkg FOLDER [--bin 1.0] [--json FILE]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")


class Recorder:
    def __init__(self, interval: float):
        self.t0 = time.perf_counter()
        self.events = []  # (label, thread, start, end, cpu)
        self.samples = []  # (t, {tid: (name, run seconds, run-queue wait seconds)}, machine busy seconds)
        self.rss = []  # (t, resident MB)
        self.interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def wrap(self, owner, attr: str, label: str = "") -> None:
        original = getattr(owner, attr)
        label = label or attr

        @functools.wraps(original)
        def timed(*args, **kwargs):
            start, cpu = self.now(), time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                with self._lock:
                    self.events.append((label, threading.current_thread().name, start, self.now(),
                                        time.thread_time() - cpu))
        setattr(owner, attr, timed)

    def mark(self, label: str) -> None:
        with self._lock:
            self.events.append((label, threading.current_thread().name, self.now(), self.now(), 0.0))

    # --- sampling ------------------------------------------------------------------------------
    def start(self) -> None:
        threading.Thread(target=self._sample, name="timeline-sampler", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        self._read()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self._read()

    def _read(self) -> None:
        names = {t.native_id: t.name for t in threading.enumerate()}
        threads = {}
        for tid in os.listdir("/proc/self/task"):
            try:
                with open("/proc/self/task/{}/stat".format(tid)) as f:
                    text = f.read()
            except OSError:
                continue
            comm = text[text.index("(") + 1:text.rindex(")")]
            try:  # run and run-queue wait, ns: the wait is what the other engineers' work took from it
                with open("/proc/self/task/{}/schedstat".format(tid)) as f:
                    run, wait = (int(v) / 1e9 for v in f.read().split()[:2])
            except OSError:
                continue
            threads[int(tid)] = (names.get(int(tid), comm), run, wait)
        with open("/proc/stat") as f:
            parts = f.readline().split()[1:]
        values = list(map(int, parts))
        busy = (sum(values) - values[3] - values[4]) / TICK  # all but idle and iowait
        with open("/proc/self/status") as f:
            rss = next((int(line.split()[1]) / 1024.0 for line in f if line.startswith("VmRSS")), 0.0)
        self.rss.append((self.now(), rss))
        self.samples.append((self.now(), threads, busy))


def instrument(rec: Recorder) -> None:
    from gebiedsplugin.qgis_io import (
        atlas,
        beside_jobs,
        data_export,
        export_task,
        exporter,
        geojson_export,
        pdf_pages,
        summary_pages,
    )
    from gebiedsplugin.qgis_io.store import gpkg as gpkg_store

    for owner, attr in ((export_task, "check_request"), (export_task, "build_unified"), (export_task, "atlas_pages"),
                        (export_task, "table_candidates"), (export_task, "table_samples"),
                        (export_task, "_overview"), (export_task, "_free_programme"),
                        (export_task, "free_gradually"),
                        (data_export, "write_working_gpkg"), (data_export, "write_items_csv"),
                        (data_export, "write_summary_csv"), (data_export, "write_schema_json"),
                        (data_export, "embed_styles"), (data_export, "publish_copy"),
                        (geojson_export, "write_geojson"), (geojson_export, "_add_wgs84"),
                        (exporter, "load_unified_layers"),
                        (atlas, "join_pdfs"),
                        (pdf_pages, "write_png")):
        rec.wrap(owner, attr)
    rec.wrap(gpkg_store.GpkgStore, "read_programme", "read_programme")
    rec.wrap(gpkg_store.GpkgStore, "read_table", "read_table")
    rec.wrap(atlas.AtlasBuilder, "build", "atlas.build")
    rec.wrap(atlas.AtlasBuilder, "number_pages", "atlas.number_pages")
    rec.wrap(atlas.AtlasBuilder, "_write", "atlas.write_piece")
    rec.wrap(summary_pages.SummaryPages, "build", "summaries.build")
    rec.wrap(summary_pages.SummaryPages, "_make_tables", "summaries.tables")
    rec.wrap(summary_pages.SummaryPages, "_draw_charts", "summaries.charts")
    rec.wrap(summary_pages.SummaryPages, "show", "summaries.show")
    rec.wrap(pdf_pages.PageImages, "_draw", "png.draw")
    rec.wrap(pdf_pages.PageImages, "publish", "png.publish")
    rec.wrap(beside_jobs.BesideJobs, "wait", "beside.wait")
    original_insert = data_export._insert_rows

    def insert_rows(conn, table, *args, **kwargs):
        start, cpu = rec.now(), time.thread_time()
        try:
            return original_insert(conn, table, *args, **kwargs)
        finally:
            rec.events.append(("insert " + table, threading.current_thread().name, start, rec.now(),
                               time.thread_time() - cpu))
    data_export._insert_rows = insert_rows


def report(rec: Recorder, bin_seconds: float, out=sys.stdout) -> dict:
    print("\n-- steps (s since start; cpu = the calling thread's) --", file=out)
    print("{:>7} {:>7} {:>6} {:>6}  {:<22} {}".format("start", "end", "wall", "cpu", "thread", "step"), file=out)
    for label, thread, start, end, cpu in sorted(rec.events, key=lambda e: e[2]):
        print("{:7.2f} {:7.2f} {:6.2f} {:6.2f}  {:<22} {}".format(start, end, end - start, cpu, thread[:22], label),
              file=out)
    # per-thread CPU per bin
    samples = rec.samples
    if len(samples) < 2:
        return {}
    groups = {}
    first = samples[0]
    bins = []
    edge, previous = bin_seconds, first
    for sample in samples[1:]:
        if sample[0] >= edge or sample is samples[-1]:
            span = sample[0] - previous[0]
            row, wanted = {}, 0.0
            for tid, (name, cpu, wait) in sample[1].items():
                _name, cpu0, wait0 = previous[1].get(tid, (name, 0.0, 0.0))
                wanted += (cpu - cpu0 + wait - wait0) / span
                if cpu - cpu0 > 0:
                    key = _group(name, tid)
                    row[key] = row.get(key, 0.0) + (cpu - cpu0) / span
                    groups[key] = groups.get(key, 0.0) + cpu - cpu0
            bins.append((previous[0], sample[0], row, (sample[2] - previous[2]) / span, wanted))
            previous = sample
            edge = sample[0] + bin_seconds
    names = sorted(groups, key=lambda k: -groups[k])
    print("\n-- cores per bin: 'want' = the export's threads running or ready to run (what it would use on a "
          "quiet machine), 'got' = running; 'all' = the whole machine's busy cores --", file=out)
    print("{:>5} {:>5} {:>5} {:>5} {:>5} {:>6}  ".format("from", "to", "want", "got", "all", "MB") + " ".join(
        "{:>12}".format(n[:12]) for n in names), file=out)
    for start, end, row, machine, wanted in bins:
        cells = ("{:12.2f}".format(row[n]) if row.get(n) else "{:>12}".format(".") for n in names)
        mb = max((m for t, m in rec.rss if start <= t <= end), default=0.0)
        print("{:5.1f} {:5.1f} {:5.2f} {:5.2f} {:5.2f} {:6.0f}  ".format(start, end, wanted, sum(row.values()),
                                                                      machine, mb) + " ".join(cells), file=out)
    total = sum(groups.values())
    wall = samples[-1][0] - samples[0][0]
    print("\nCPU by thread group: " + ", ".join("{} {:.1f}".format(n, groups[n]) for n in names), file=out)
    print("wall {:.1f} s, export CPU {:.1f} s = {:.2f} cores on average; machine busy {:.2f} cores".format(
        wall, total, total / wall, (samples[-1][2] - samples[0][2]) / wall), file=out)
    return {"groups": groups, "wall": wall, "cpu": total, "events": rec.events, "bins": bins}


def _group(name: str, tid: int) -> str:
    """The page image threads as one; the others by name and id (two pools name a thread export-beside_0)."""
    if name.startswith("page-images"):
        return "page-img"
    if name == "MainThread":
        return "main"
    return "{}:{}".format(name.replace("export-beside", "beside"), tid % 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--code", default=str(ROOT))
    parser.add_argument("programme")
    parser.add_argument("folder")
    parser.add_argument("--bin", type=float, default=1.0)
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--json")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    import qgis_headless

    sys.path.insert(0, str(Path(args.code).resolve()))
    qgis_headless.start()
    from gebiedsplugin.core.export_plan import ExportRequest
    from gebiedsplugin.qgis_io.exporter import run_export

    rec = Recorder(args.interval)
    instrument(rec)
    Path(args.folder).mkdir(parents=True, exist_ok=True)
    request = ExportRequest(args.programme, args.folder, overwrite=True)
    rec.t0 = time.perf_counter()
    rec.start()
    result = run_export(request)
    rec.stop()
    data = report(rec, args.bin)
    print("timings: " + ", ".join("{} {:.2f}".format(k, v) for k, v in result.timings.items()))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(data, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
