"""`make bench` part: checking out and in an offline copy against a 100,000-row programme.

Prepares (not timed) Voorbeeldstad with 100,000 interventions. Then, each in a fresh process with its
wall time, CPU time and peak memory: the check-out of the whole city, the check-in of that copy with
5,000 interventions changed, the check-out of one district (--district, default noord) and its
check-in with --district-changed (500) interventions changed. The check-in reads base, copy and
shared programme, merges, and writes one transaction of updates with locking and audit. Each step
runs beside the same step on the code of --baseline (main before #18's offline work; git archive
into bench/out), in turns, each side on its own copies of the same files.
Usage: .venv/bin/python scripts/bench_offline.py [--size 100000] [--changed 5000] [--district noord]
       [--baseline 1d00716]
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
BASELINE = "1d00716"  # main before the offline work of #18 (whole tables read and compared)


def _app():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return app


def _master(size: int, suffix: str = "") -> Path:
    """Voorbeeldstad with *size* interventions (cached), made by the plugin of this process: a baseline's
    own (its child, *suffix* "_base"), since an older plugin refuses a newer schema."""
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    master = OUT / "offline_{}_master{}.gpkg".format(size, suffix)
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
    if args.code:  # another version of the plugin: its package first on the path
        sys.path.insert(0, args.code)
    app = _app()
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.offline import check_in, check_out

    if args.child == "master":
        found = {"path": str(_master(int(args.paths[0]), args.paths[1]))}
    elif args.child == "out":
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


def _run(code, *args) -> dict:
    extra = ["--code", str(code)] if code else []
    done = subprocess.run([sys.executable, __file__, *extra, "--child", *args], capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stderr[-2000:])
        raise SystemExit(1)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _figures(found: dict, before: dict) -> str:
    return "{:.2f} s (CPU {:.2f} s), peak {:.0f} MB; baseline {:.2f} s (CPU {:.2f} s), peak {:.0f} MB: {:.1f}x".format(
        found["seconds"], found["cpu"], found["peak_mb"], before["seconds"], before["cpu"], before["peak_mb"],
        before["seconds"] / max(found["seconds"], 1e-9))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=5_000)
    parser.add_argument("--district", default="noord")
    parser.add_argument("--district-changed", type=int, default=500)
    parser.add_argument("--baseline", default=BASELINE, help="the commit to measure beside (empty: none)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    OUT.mkdir(parents=True, exist_ok=True)
    app = _app()
    t = time.perf_counter()
    masters = {"": _master(args.size)}
    sides = [("", None)]
    if args.baseline:
        sys.path.insert(0, str(HERE))
        import export_once

        sides.append(("_base", export_once.baseline(args.baseline, OUT / "baseline_{}".format(args.baseline))))
        masters["_base"] = Path(_run(sides[-1][1], "master", str(args.size), "_base")["path"])
    print("offline: {:,} interventions prepared in {:.0f} s".format(args.size, time.perf_counter() - t), flush=True)
    ok = True
    for label, district, changed in (("the whole city", "", args.changed),
                                     ("district " + args.district, args.district, args.district_changed)):
        found, copies = {}, {}
        for suffix, code in reversed(sides):  # the baseline first, then this checkout, each on its own files
            name = "offline_{}{}{}".format(args.size, "_" + district if district else "", suffix)
            shared, copies[suffix] = OUT / (name + ".gpkg"), OUT / (name + "_copy.gpkg")
            shutil.copy(masters[suffix], shared)
            found["out" + suffix] = _run(code, "out", str(shared), str(copies[suffix]), district)
            edit_copy(str(copies[suffix]), changed)
        for suffix, code in reversed(sides):
            found["in" + suffix] = _run(code, "in", str(copies[suffix]))
        none = dict(seconds=float("nan"), cpu=float("nan"), peak_mb=float("nan"))
        out, into = found["out"], found["in"]
        print("offline: check-out of {} ({:,} rows) from {:,} interventions: {}".format(
            label, out["rows"], args.size, _figures(out, found.get("out_base", none))), flush=True)
        print("offline: check-in of {} with {:,} changed rows against {:,} interventions: {}, {} (written: {}, "
              "conflicts: {})".format(label, changed, args.size, _figures(into, found.get("in_base", none)),
                                      into["counts"], into["written"], into["conflicts"]), flush=True)
        ok = ok and into["written"] and into["counts"]["update"] == changed
        if "in_base" in found:
            ok = ok and (found["in_base"]["counts"], out["rows"]) == (into["counts"], found["out_base"]["rows"])
    app.exitQgis()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
