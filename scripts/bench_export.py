"""Benchmark of the programme map export, all formats (GeoPackage, GeoJSON, CSV, schema, atlas PDF with
summary pages, page images), beside the export before #18 measured in the same run.

For Voorbeeldstad with 1,000 / 10,000 / 100,000 interventions (seed 7), each export runs in a fresh
process (scripts/export_once.py), first the earlier code (``--baseline``, a commit extracted with git
archive), then the current one. The earlier code exports a Voorbeeldstad of the same seed and size
made by its own sample code and store (7ad3a28 writes and reads schema 2; it cannot open the schema 3
programme of today): the same generator settings, without what later sessions added (quarters,
effect measurements). Printed per size: wall seconds, CPU seconds (user + system of the process),
peak memory (ru_maxrss), and the ratios. Targets (#18): 100k <= 15 s, 10k <= 4 s, peak <= 1 GB. On
a shared machine the wall seconds follow the load; the ratios against the baseline of the same run,
and the CPU seconds, are the figures to read. Exit status 1 only when the peak memory target
is missed (memory does not depend on the load).

Usage: .venv/bin/python scripts/bench_export.py [--sizes 1000 10000 100000] [--out bench/out]
       [--baseline REF] [--no-baseline]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import export_once  # noqa: E402

TARGETS = {10000: 4.0, 100000: 15.0}  # seconds, on a quiet machine
PEAK_MB = 1024.0


def programme_path(out: Path, size: int, code: Path = None, name: str = "") -> Path:
    """Voorbeeldstad with *size* interventions, written once (in a child process: its memory is its own)
    by the plugin in *code* (default: this checkout), in its own schema; *name*: a folder of its own, the
    file named the same (the programme's name is printed on the pages: compare_exports.py compares them)."""
    folder = out / ("programme_" + name) if name else out
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "export_{}.gpkg".format(size)
    if not path.exists():
        script = ("import sys; sys.path.insert(0, {!r}); import qgis_headless; sys.path.insert(0, {!r})\n"
                  "qgis_headless.start()\n"
                  "from gebiedsplugin.core.sample import generate_sample\n"
                  "from gebiedsplugin.qgis_io.store.gpkg import GpkgStore\n"
                  "p, _ = generate_sample(seed=7, interventions={})\n"
                  "GpkgStore.create({!r}, p.crs, p)\n").format(str(HERE), str(code or export_once.ROOT), size,
                                                               str(path))
        subprocess.run([sys.executable, "-c", script], check=True)
    return path


def _steps(result: dict) -> str:
    t = result["timings"]
    return "prepare {:.1f} (data files {:.1f}), styles+gpkg {:.1f}, pdf {:.1f}, png {:.1f}; beside {:.1f}".format(
        t.get("read_unify", 0) + t.get("data_files", 0), t.get("data_files", 0), t.get("styles_gpkg", 0),
        t.get("pdf", 0), t.get("png", 0), t.get("beside", 0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", default=str(HERE.parent / "bench" / "out"))
    parser.add_argument("--baseline", default=export_once.BASELINE, help="commit of the earlier export")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    old_code = None
    if not args.no_baseline:
        try:
            old_code = export_once.baseline(args.baseline, out / "baseline_{}".format(args.baseline))
        except (subprocess.CalledProcessError, FileNotFoundError) as e:
            print("baseline {} not available ({}): current code only".format(args.baseline, e))
    if old_code is not None:
        print("before = {} on a Voorbeeldstad made by its own code (same seed and size), now = this checkout"
              .format(args.baseline), flush=True)
    rows = []
    for size in sorted(args.sizes):
        programme = programme_path(out, size)
        measured = {}
        for kind, code in (("before", old_code), ("now", export_once.ROOT)):
            if code is None:
                continue
            source = programme if kind == "now" else programme_path(out, size, code, args.baseline)
            folder = out / "export_{}_{}".format(size, kind)
            shutil.rmtree(folder, ignore_errors=True)
            measured[kind] = export_once.run(code, source, folder)
            r = measured[kind]
            print("{:>7,} {:<6} {:6.1f} s wall {:6.1f} s CPU {:6.0f} MB peak  {}".format(
                size, kind, r["seconds"], r["cpu"], r["peak_mb"], _steps(r)), flush=True)
        rows.append((size, measured))
    print("\n{:>8} {:>7} {:>9} {:>9} {:>6} {:>9} {:>9} {:>6} {:>9} {:>9}".format(
        "items", "pages", "before s", "now s", "ratio", "bef CPU", "now CPU", "ratio", "bef MB", "now MB"))
    ok = True
    previous = None
    for size, m in rows:
        now, before = m["now"], m.get("before")
        ratio = "{:5.1f}x".format(before["seconds"] / now["seconds"]) if before else "-"
        cpu_ratio = "{:5.1f}x".format(before["cpu"] / now["cpu"]) if before else "-"
        print("{:>8,} {:>7} {:>9} {:>9.1f} {:>6} {:>9} {:>9.1f} {:>6} {:>9} {:>9.0f}".format(
            size, now["pdf_pages"], "{:.1f}".format(before["seconds"]) if before else "-", now["seconds"], ratio,
            "{:.1f}".format(before["cpu"]) if before else "-", now["cpu"], cpu_ratio,
            "{:.0f}".format(before["peak_mb"]) if before else "-", now["peak_mb"]))
        if previous is not None:
            print("{:>8} growth per 10x: {:.1f}x time, {:.1f}x CPU".format(
                "", now["seconds"] / previous["seconds"], now["cpu"] / previous["cpu"]))
        previous = now
        target = TARGETS.get(size)
        if target is not None and now["seconds"] > target:
            print("{:>8} over the {:.0f} s target on this run (wall time; noisy when the machine is shared)".format(
                "", target))
        if now["peak_mb"] > PEAK_MB:
            print("{:>8} peak memory over {:.0f} MB".format("", PEAK_MB))
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
