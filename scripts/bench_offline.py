"""`make bench` part: checking out and in an offline copy against a 100,000-row programme.

Prepares (not timed) Voorbeeldstad with 100,000 interventions. Then, each in a fresh process with its
wall time, CPU time and peak memory: the check-out of the whole city, the check-in of that copy with
5,000 interventions changed, the check-out of one district (--district, default noord) and its
check-in with --district-changed (500) interventions changed. The check-in reads base, copy and
shared programme, merges, and writes one transaction of updates with locking and audit.
Usage: .venv/bin/python scripts/bench_offline.py [--size 100000] [--changed 5000] [--district noord]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
OUT = HERE.parent / "bench" / "out"


def _app():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return app


def _master(size: int) -> Path:
    """Voorbeeldstad with *size* interventions (cached)."""
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    master = OUT / "offline_{}_master.gpkg".format(size)
    if not master.exists():
        programme, _ = generate_sample(seed=13, interventions=size, projects=size // 10)
        GpkgStore.create(master, programme.crs, programme)
    return master


def edit_copy(copy: str, changed: int) -> None:
    """Change the title of the first *changed* interventions of the copy (one save)."""
    from gebiedsplugin.core import schema
    from gebiedsplugin.core.row_changes import UPDATE, RowChange
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.save import save

    store = GpkgStore(copy)
    changes = []
    for table in schema.INTERVENTION_TABLES:
        rows, _, fids = store.read_table(table)
        changes += [RowChange(table, UPDATE, fid, row["row_version"], {"title": (row["title"] or "") + " (offline)"})
                    for row, fid in zip(rows, fids)]
    save(store, changes[:changed], "bench")


def _measured(work) -> dict:
    start, cpu = time.perf_counter(), time.process_time()
    found = work()
    return dict(found, seconds=time.perf_counter() - start, cpu=time.process_time() - cpu,
                peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def child(args) -> int:
    app = _app()
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.offline import check_in, check_out

    if args.child == "out":
        shared, copy, district = args.paths
        found = _measured(lambda: {"rows": sum(check_out(GpkgStore(shared), copy, [district] if district else None,
                                                         planner="bench", overwrite=True).values())})
    else:
        def work() -> dict:
            result = check_in(args.paths[0], planner="bench")
            return {"counts": result.counts, "written": result.written, "conflicts": len(result.plan.conflicts)}
        found = _measured(work)
    print(json.dumps(found))
    app.exitQgis()
    return 0


def _run(*args) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stderr[-2000:])
        raise SystemExit(1)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _figures(found: dict) -> str:
    return "{:.2f} s (CPU {:.2f} s), peak {:.0f} MB".format(found["seconds"], found["cpu"], found["peak_mb"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=5_000)
    parser.add_argument("--district", default="noord")
    parser.add_argument("--district-changed", type=int, default=500)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    OUT.mkdir(parents=True, exist_ok=True)
    app = _app()
    t = time.perf_counter()
    master = _master(args.size)
    print("offline: {:,} interventions prepared in {:.0f} s".format(args.size, time.perf_counter() - t), flush=True)
    ok = True
    for label, district, changed in (("the whole city", "", args.changed),
                                     ("district " + args.district, args.district, args.district_changed)):
        shared = OUT / "offline_{}{}.gpkg".format(args.size, "_" + district if district else "")
        copy = OUT / "offline_{}{}_copy.gpkg".format(args.size, "_" + district if district else "")
        shutil.copy(master, shared)
        out = _run("out", str(shared), str(copy), district)
        print("offline: check-out of {} ({:,} rows) from {:,} interventions: {}".format(
            label, out["rows"], args.size, _figures(out)), flush=True)
        edit_copy(str(copy), changed)
        found = _run("in", str(copy))
        print("offline: check-in of {} with {:,} changed rows against {:,} interventions: {}, {} (written: {}, "
              "conflicts: {})".format(label, changed, args.size, _figures(found), found["counts"], found["written"],
                                      found["conflicts"]), flush=True)
        ok = ok and found["written"] and found["counts"]["update"] == changed
    app.exitQgis()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
