"""`make bench` part: checking in an offline copy with 5,000 changed rows against a 100,000-row programme.

Prepares (not timed) Voorbeeldstad with 100,000 interventions, checks the whole city out and changes
5,000 interventions in the copy; then, in a fresh process, times the check-in (reading base, copy
and shared programme, the merge, one transaction of 5,000 updates with locking and audit) and
reports its peak memory. Usage: .venv/bin/python scripts/bench_offline.py [--size 100000] [--changed 5000]
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


def prepare(size: int, changed: int) -> tuple:
    """The shared programme and a checked-out copy with *changed* edited interventions (cached)."""
    shared, copy = OUT / "offline_{}.gpkg".format(size), OUT / "offline_{}_copy.gpkg".format(size)
    master = OUT / "offline_{}_master.gpkg".format(size)
    from gebiedsplugin.core import schema
    from gebiedsplugin.core.row_changes import UPDATE, RowChange
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.offline import check_out
    from gebiedsplugin.qgis_io.store.save import save

    if not master.exists():
        from gebiedsplugin.core.sample import generate_sample

        programme, _ = generate_sample(seed=13, interventions=size, projects=size // 10)
        GpkgStore.create(master, programme.crs, programme)
    shutil.copy(master, shared)
    if copy.exists():
        copy.unlink()
    t = time.perf_counter()
    check_out(GpkgStore(shared), str(copy), None, planner="bench")
    out_s = time.perf_counter() - t
    store = GpkgStore(copy)
    changes = []
    for table in schema.INTERVENTION_TABLES:
        rows, _, fids = store.read_table(table)
        changes += [RowChange(table, UPDATE, fid, row["row_version"], {"title": (row["title"] or "") + " (offline)"})
                    for row, fid in zip(rows, fids)]
    save(store, changes[:changed], "bench")
    return shared, copy, out_s


def child(copy: str) -> int:
    app = _app()
    from gebiedsplugin.qgis_io.store.offline import check_in

    start = time.perf_counter()
    result = check_in(copy, planner="bench")
    took = time.perf_counter() - start
    print(json.dumps({"seconds": took, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "counts": result.counts, "written": result.written, "conflicts": len(result.plan.conflicts)}))
    app.exitQgis()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=5_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    OUT.mkdir(parents=True, exist_ok=True)
    app = _app()
    t = time.perf_counter()
    shared, copy, out_s = prepare(args.size, args.changed)
    print("offline: {:,} interventions prepared in {:.0f} s (check-out of the whole city {:.1f} s)".format(
        args.size, time.perf_counter() - t, out_s), flush=True)
    app.exitQgis()
    done = subprocess.run([sys.executable, __file__, "--child", str(copy)], capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stderr[-2000:])
        return 1
    found = json.loads(done.stdout.strip().splitlines()[-1])
    print("offline: check-in of {:,} changed rows against {:,} interventions: {:.2f} s, peak {:.0f} MB, "
          "{} (written: {}, conflicts: {})".format(args.changed, args.size, found["seconds"], found["peak_mb"],
                                                   found["counts"], found["written"], found["conflicts"]), flush=True)
    return 0 if found["written"] and found["counts"]["update"] == args.changed else 1


if __name__ == "__main__":
    sys.exit(main())
