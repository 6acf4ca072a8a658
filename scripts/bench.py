"""`make bench`: the programme check end to end against QGIS's native Processing joins.

For 1,000 / 10,000 / 100,000 interventions and as many programme projects (Voorbeeldstad at constant
density: the city grows with the count) it times, each size in a fresh process:

- ours: extraction (GpkgStore.read_programme) + all ten rules + writing the findings register;
- baseline: the same spatial predicates through native Processing algorithms on spatially indexed
  memory layers (native:createspatialindex): conflict pairs (native:buffer by half the conflict
  distance, native:mergevectorlayers, self native:joinattributesbylocation), district assignment by
  largest overlap (native:joinattributesbylocation METHOD=2) and programme-project proximity
  (native:extractwithindistance), including loading the layers.

Prints times, ratio to the baseline, peak memory (ru_maxrss of the process) and growth per 10x.
Target: 100k x 100k in <= 3 s end to end, >= 5x faster than the baseline, growth <= 12x per 10x.

Then the 1M GeoPackage check (#18 item 4): 1,000,000 interventions and as many programme projects
(the same city at the same density; generated once, ~1.3 GB, kept as bench/out/check_1000000.gpkg),
checked as above in a fresh process: time, CPU, peak memory, growth per 10x from 100k (the median
of three runs), beside the check of the code before this work (CHECK_BASELINE, extracted with git
archive) at 100k in the same run (``--baseline-1m`` also at 1M: about 8 GB of memory). The generator's
1M city is not of constant density in every respect (its city-wide tasks pile up at one city hall,
its five districts grow tenfold), so a second 1M city made of ten 100k cities side by side
(tiled_file, bench/out/check_1000000_tiled.gpkg) is checked beside it (``--no-tiled`` skips it).
Targets, on the generated city: peak <= 4 GB, growth <= 11x per 10x in wall time and in CPU.

Then runs scripts/bench_pg_check.py (the check on PostGIS at 100k and 1M), scripts/bench_export.py (the
export beside the one before #18) and scripts/bench_read.py.

Usage: .venv/bin/python scripts/bench.py [--sizes 1000 10000 100000] [--baseline-cap 600] [--no-export]
       [--no-1m] [--baseline-1m] [--only-1m] [--no-tiled]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "bench" / "out"
TARGET_S, TARGET_RATIO, TARGET_GROWTH = 3.0, 5.0, 12.0
MILLION, TARGET_1M_MB, TARGET_1M_GROWTH = 1000000, 4096.0, 11.0
CHECK_BASELINE = "04d6ca8"  # main before the 1M work: a dict per row (7.8 GB at 1M in #18)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def programme_file(size: int, folder: Path = OUT) -> Path:
    """Voorbeeldstad with *size* interventions and projects, generated once (not timed) into *folder*
    by the plugin being measured (a baseline's files are its own: an older plugin refuses a newer schema)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "check_{}.gpkg".format(size)
    if not path.exists():
        from gebiedsplugin.core.sample import generate_sample
        from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

        programme, _ = generate_sample(seed=7, interventions=size, projects=size)
        GpkgStore.create(path, programme.crs, programme)
    return path


TILES, TILE_GAP_M = 10, 1000.0
# Columns naming a row, an area or a project: each tile gets its own (value + "-k"; the city row stays).
_PER_TILE = ("uid", "intervention_uid", "from_uid", "to_uid", "neighbourhood_id", "district_id", "programme_code")


def tiled_file(folder: Path = OUT) -> Path:
    """1,000,000 interventions x 1,000,000 programme projects at exactly the 100k density: the 100k
    city laid out ten times side by side (as bench_pg_check.py does on PostGIS, but every tile keeps
    all its projects). The generator's own 1M city is not constant in every respect: its city-wide
    tasks (1 % of the interventions) all stand at the one city hall, a pile ten times as high, whose
    pairs grow a hundredfold. Ids, areas and programme codes get the tile number; generated once."""
    path = folder / "check_{}_tiled.gpkg".format(MILLION)
    if path.exists():
        return path
    import numpy as np
    import shapely

    from gebiedsplugin.core.records import ROW_PARTS, SPATIAL_PARTS, Feature, Programme
    from gebiedsplugin.core.schema import CITY_ID
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    source = GpkgStore.open(programme_file(100000, folder)).read_programme()
    x0, y0, x1, y1 = shapely.total_bounds(np.array([f.geometry for f in source.districts], dtype=object))
    step = np.array([x1 - x0 + TILE_GAP_M, y1 - y0 + TILE_GAP_M])

    def tagged(row, k: int) -> dict:
        out = dict(row)
        for name in _PER_TILE:
            value = out.get(name)
            if value is not None and value != CITY_ID:
                out[name] = "{}-{}".format(value, k)
        return out

    tiled = Programme(crs=source.crs, settings=dict(source.settings))
    city = [f for f in source.districts if f.attrs.get("district_id") == CITY_ID]
    shifted_city = []
    for k in range(TILES):
        offset = step * (k % 5, k // 5)
        for part in SPATIAL_PARTS:
            features = getattr(source, part)
            geoms = shapely.transform(np.array([f.geometry for f in features], dtype=object),
                                      lambda xy, by=offset: xy + by)
            for f, g in zip(features, geoms.tolist()):
                if part == "districts" and f.attrs.get("district_id") == CITY_ID:
                    shifted_city.append(g)
                else:
                    getattr(tiled, part).append(Feature(tagged(f.attrs, k), g, f.table, None))
        for part in ROW_PARTS:
            getattr(tiled, part).extend(tagged(r, k) for r in getattr(source, part))
    if city:  # one city row: the ten outlines
        parts = shapely.get_parts(np.array(shifted_city, dtype=object))
        tiled.districts.append(Feature(dict(city[0].attrs), shapely.multipolygons(parts), city[0].table, None))
    del source
    GpkgStore.create(path, tiled.crs, tiled)
    return path


def ours(size: int, tiled: bool = False, folder: Path = OUT) -> dict:
    """Extraction + all rules + writing findings, on a fresh copy (empty findings register)."""
    from gebiedsplugin.core.rules import run_rules
    from gebiedsplugin.qgis_io.store.findings import FindingsRegister
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    work = folder / "check_{}{}_work.gpkg".format(size, "_tiled" if tiled else "")
    shutil.copy(tiled_file(folder) if tiled else programme_file(size, folder), work)
    c0 = time.process_time()
    t0 = time.perf_counter()
    programme = GpkgStore.open(work).read_programme()
    t1 = time.perf_counter()
    findings = run_rules(programme)
    t2 = time.perf_counter()
    FindingsRegister(GpkgStore(str(work))).merge(findings)
    t3 = time.perf_counter()
    work.unlink()
    cpu = time.process_time() - c0
    return {"read": t1 - t0, "rules": t2 - t1, "write": t3 - t2, "total": t3 - t0, "findings": len(findings),
            "peak_mb": _peak_mb(), "cpu": cpu}


def baseline(size: int) -> dict:
    """The same spatial predicates through native Processing algorithms."""
    import processing
    from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    from gebiedsplugin.core import schema

    context = QgsProcessingContext()  # invalid inputs (the planted ones) are not the baseline's business
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometrySkipInvalid)
    feedback = QgsProcessingFeedback()

    path = str(programme_file(size))
    t0 = time.perf_counter()
    layers = {}
    for table in schema.INTERVENTION_TABLES + schema.PROJECT_TABLES + ("districts",):
        source = QgsVectorLayer("{}|layername={}".format(path, table), table, "ogr")
        layers[table] = source.materialize(QgsFeatureRequest())
        processing.run("native:createspatialindex", {"INPUT": layers[table]}, context=context, feedback=feedback)
    t_load = time.perf_counter() - t0

    def run(alg, params):
        out = processing.run(alg, dict(params, OUTPUT="TEMPORARY_OUTPUT"), context=context, feedback=feedback)
        return context.getMapLayer(out["OUTPUT"]) if isinstance(out["OUTPUT"], str) else out["OUTPUT"]

    t1 = time.perf_counter()
    halves = [run("native:buffer", {"INPUT": layers[t], "DISTANCE": 5.0, "SEGMENTS": 4})
              for t in schema.INTERVENTION_TABLES]
    merged = run("native:mergevectorlayers", {"LAYERS": halves})
    processing.run("native:createspatialindex", {"INPUT": merged}, context=context, feedback=feedback)
    pairs = run("native:joinattributesbylocation", {"INPUT": merged, "JOIN": merged, "PREDICATE": [0], "METHOD": 0,
                                                    "DISCARD_NONMATCHING": True})
    t_conflict = time.perf_counter() - t1
    t2 = time.perf_counter()
    for t in schema.INTERVENTION_TABLES:
        run("native:joinattributesbylocation", {"INPUT": layers[t], "JOIN": layers["districts"], "PREDICATE": [0],
                                                "METHOD": 2, "JOIN_FIELDS": ["district_id"]})
    t_district = time.perf_counter() - t2
    t3 = time.perf_counter()
    for t in schema.INTERVENTION_TABLES:
        for p in schema.PROJECT_TABLES:
            run("native:extractwithindistance", {"INPUT": layers[t], "REFERENCE": layers[p], "DISTANCE": 25.0})
    t_projects = time.perf_counter() - t3
    return {"load": t_load, "conflict": t_conflict, "district": t_district, "projects": t_projects,
            "total": time.perf_counter() - t0, "pairs": pairs.featureCount(), "peak_mb": _peak_mb()}


def child(kind: str, size: int, code: str = "") -> int:
    """Run one measurement in this (fresh) process and print it as JSON on the last line; *code* is
    a folder with another version of the plugin (a baseline) to measure instead of this checkout."""
    import qgis_headless  # puts this checkout first on sys.path: *code* goes before it

    folder = OUT
    if code:
        sys.path.insert(0, code)
        folder = Path(code) / "programmes"
    qgis_headless.start()
    tiled = kind.endswith("-tiled")  # the 1M city made of ten 100k ones (tiled_file)
    if tiled:
        tiled_file(folder)
    else:
        programme_file(size, folder)
    if kind.startswith("prepare"):
        result = {}
    else:
        result = ours(size, tiled, folder) if kind.startswith("ours") else baseline(size)
    print(json.dumps(result))
    return 0


def measure(kind: str, size: int, timeout: float, code: str = ""):
    """One measurement in a subprocess (fresh memory); None when it exceeded *timeout* seconds."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(size)] + (
        ["--code", code] if code else [])
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as e:
        sys.stderr.write(e.stderr[-3000:])
        raise
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median_run(kind: str, size: int, runs: int, code: str = "") -> dict:
    """The run of median total CPU of *runs* fresh processes (a short run's CPU varies by a tenth
    under load, and it divides every growth figure)."""
    found = sorted((measure(kind, size, 3600, code) for _ in range(runs)), key=lambda r: r["cpu"])
    return found[len(found) // 2]


def million(ours_100k, baseline_1m: bool, tiled: bool = True, runs_100k: int = 3) -> bool:
    """The check at 100k and 1M, now and at CHECK_BASELINE (100k; 1M too when asked), each in a
    fresh process (100k: the median of *runs_100k* runs before and as many after the 1M ones); the 1M
    city as generated and, with *tiled*, made of ten 100k cities (tiled_file); prints time, CPU, peak
    memory and growth per 10x; True when the 1M targets are met on the generated city (peak, growth
    in wall time and in CPU)."""
    sys.path.insert(0, str(HERE))
    import export_once

    old = str(export_once.baseline(CHECK_BASELINE, OUT / "baseline_{}".format(CHECK_BASELINE)))
    t = time.perf_counter()
    if not (OUT / "check_{}.gpkg".format(MILLION)).exists():
        measure("prepare", MILLION, 7200)
    if tiled and not (OUT / "check_{}_tiled.gpkg".format(MILLION)).exists():
        measure("prepare-tiled", MILLION, 7200)
    print("{:,}: programme ready ({:.0f} s)".format(MILLION, time.perf_counter() - t), flush=True)
    # 100k before and after the 1M runs, the median of both: the load on a shared machine drifts
    # within the minutes a 1M check takes, and the 100k figure divides every growth
    small_runs = [ours_100k] if ours_100k else [measure("ours", 100000, 3600) for _ in range(runs_100k)]
    rows = [("now", "generated", MILLION, measure("ours", MILLION, 3600))]
    if tiled:
        rows.append(("now", "tiled", MILLION, measure("ours-tiled", MILLION, 3600)))
    small_runs += [measure("ours", 100000, 3600) for _ in range(runs_100k)]
    rows.insert(0, ("now", "", 100000, sorted(small_runs, key=lambda r: r["cpu"])[len(small_runs) // 2]))
    rows.append((CHECK_BASELINE, "", 100000, _median_run("ours", 100000, runs_100k, old)))
    if baseline_1m:
        rows.append((CHECK_BASELINE, "generated", MILLION, measure("ours", MILLION, 7200, old)))
    head = "{:>10} {:>9} {:>8} {:>7} {:>7} {:>8} {:>7} {:>9} {:>8} {:>22}".format(
        "size", "city", "code", "read s", "rules s", "total s", "CPU s", "findings", "peak MB", "growth time/CPU/peak")
    print(head)
    print("-" * len(head))
    small = {code: r for code, _, size, r in rows if size == 100000}
    for code, city, size, r in rows:
        base = small[code] if size == MILLION else None
        growth = "{:.1f}x / {:.1f}x / {:.1f}x".format(
            r["total"] / base["total"], r["cpu"] / base["cpu"], r["peak_mb"] / base["peak_mb"]) if base else ""
        print("{:>10} {:>9} {:>8} {:>7.2f} {:>7.2f} {:>8.2f} {:>7.2f} {:>9} {:>8.0f} {:>22}".format(
            "{:,}".format(size), city or "-", code, r["read"], r["rules"], r["total"], r["cpu"], r["findings"],
            r["peak_mb"], growth))
    big, now = rows[1][3], small["now"]
    met = (big["peak_mb"] <= TARGET_1M_MB and big["total"] / now["total"] <= TARGET_1M_GROWTH
           and big["cpu"] / now["cpu"] <= TARGET_1M_GROWTH)
    print("(growth: wall time / CPU / peak memory from 100k to 1M; 100k: median CPU of {} runs before and after "
          "the 1M ones; generated: the "
          "sample generator's 1M city, tiled: ten 100k cities side by side.) At 100k now vs {}: {:.2f} vs {:.2f} s, "
          "{:.2f} vs {:.2f} s CPU, {:.0f} vs {:.0f} MB; load average {}".format(
              len(small_runs), CHECK_BASELINE, now["total"], small[CHECK_BASELINE]["total"], now["cpu"],
              small[CHECK_BASELINE]["cpu"], now["peak_mb"], small[CHECK_BASELINE]["peak_mb"],
              " ".join("{:.1f}".format(x) for x in os.getloadavg())))
    print("Targets (generated 1M city): peak <= {:.0f} MB, growth <= {:.0f}x per 10x in wall time and in CPU: "
          "{}".format(TARGET_1M_MB, TARGET_1M_GROWTH, "met" if met else "NOT met"))
    return met


def _fmt(value, spec="{:.2f}") -> str:
    return "-" if value is None else spec.format(value)


def report(sizes, rows) -> bool:
    """Print the table; True when every target is met."""
    print("\nProgramme check: extraction + all rules + writing findings (ours) vs native Processing joins")
    head = "{:>8} {:>7} {:>7} {:>7} {:>8} {:>9} {:>10} {:>8} {:>8} {:>9}".format(
        "size", "read s", "rules s", "write s", "ours s", "findings", "baseline s", "ratio", "peak MB", "growth")
    print(head)
    print("-" * len(head))
    ok, previous = True, None
    for size in sizes:
        o, b = rows[size]
        growth = o["total"] / previous if previous else None
        ratio = (b["total"] / o["total"]) if b else None
        base = _fmt(b["total"]) if b else "> {:.0f}".format(rows["cap"])
        print("{:>8} {:>7} {:>7} {:>7} {:>8} {:>9} {:>10} {:>8} {:>8} {:>9}".format(
            "{:,}".format(size), _fmt(o["read"]), _fmt(o["rules"]), _fmt(o["write"]), _fmt(o["total"]),
            o["findings"], base, (_fmt(ratio, "{:.1f}x") if b else ">{:.0f}x".format(rows["cap"] / o["total"])),
            _fmt(o["peak_mb"], "{:.0f}"), _fmt(growth, "{:.1f}x")))
        if previous and growth > TARGET_GROWTH:
            ok = False
        previous = o["total"]
    last = sizes[-1]
    o, b = rows[last]
    if last >= 100000 and o["total"] > TARGET_S:
        ok = False
    if b and b["total"] / o["total"] < TARGET_RATIO:
        ok = False
    print("\nBaseline detail (s): " + "; ".join(
        "{:,}: load {} conflict {} district {} projects {}".format(
            s, _fmt(rows[s][1]["load"]), _fmt(rows[s][1]["conflict"]), _fmt(rows[s][1]["district"]),
            _fmt(rows[s][1]["projects"])) if rows[s][1] else "{:,}: capped at {:.0f} s".format(s, rows["cap"])
        for s in sizes))
    print("Targets: {:,} in <= {:.0f} s, >= {:.0f}x faster than the baseline, growth <= {:.0f}x per 10x: {}".format(
        last, TARGET_S, TARGET_RATIO, TARGET_GROWTH, "met" if ok else "NOT met"))
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--baseline-cap", type=float, default=600.0, help="seconds before the baseline is cut off")
    parser.add_argument("--no-export", action="store_true", help="skip scripts/bench_export.py")
    parser.add_argument("--no-1m", action="store_true", help="skip the 1M GeoPackage check")
    parser.add_argument("--baseline-1m", action="store_true", help="also run the baseline check at 1M (~8 GB)")
    parser.add_argument("--no-tiled", action="store_true", help="1M: only the generated city, not the tiled one")
    parser.add_argument("--only-1m", action="store_true", help="only the 1M GeoPackage check (and its 100k)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--code", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], int(args.child[1]), args.code)
    OUT.mkdir(parents=True, exist_ok=True)
    if args.only_1m:
        print("The 1M GeoPackage check, beside the code of {} (same run):".format(CHECK_BASELINE), flush=True)
        return 0 if million(None, args.baseline_1m, not args.no_tiled) else 1
    sizes = sorted(args.sizes)
    rows = {"cap": args.baseline_cap}
    for size in sizes:
        t = time.perf_counter()
        if not (OUT / "check_{}.gpkg".format(size)).exists():
            measure("prepare", size, 3600)
        print("{:,}: programme ready ({:.0f} s)".format(size, time.perf_counter() - t), flush=True)
        o = measure("ours", size, 3600)
        b = measure("baseline", size, args.baseline_cap)
        rows[size] = (o, b)
        print("{:,}: ours {:.2f} s, baseline {}".format(size, o["total"], _fmt(b and b["total"])), flush=True)
    ok = report(sizes, rows)
    if not args.no_1m:
        print("\nThe 1M GeoPackage check, beside the code of {} (same run):".format(CHECK_BASELINE), flush=True)
        ok &= million(None, args.baseline_1m, not args.no_tiled)
    print("\nSaving with locking and audit (scripts/bench_save.py):", flush=True)
    saved = subprocess.run([sys.executable, str(HERE / "bench_save.py")], check=False, env=dict(os.environ))
    ok &= saved.returncode == 0
    print("\nChecking in an offline copy (scripts/bench_offline.py):", flush=True)
    merged = subprocess.run([sys.executable, str(HERE / "bench_offline.py")], check=False, env=dict(os.environ))
    ok &= merged.returncode == 0
    print("\nSet-based writes on PostGIS: import and findings merge (scripts/bench_set_writes.py):", flush=True)
    sets = subprocess.run([sys.executable, str(HERE / "bench_set_writes.py")], check=False, env=dict(os.environ))
    ok &= sets.returncode == 0
    print("\nThe check on PostGIS, 100k and 1M, in the database vs in memory (scripts/bench_pg_check.py):", flush=True)
    pg_check = subprocess.run([sys.executable, str(HERE / "bench_pg_check.py")], check=False, env=dict(os.environ))
    ok &= pg_check.returncode == 0
    export = HERE / "bench_export.py"
    if export.exists() and not args.no_export:
        print("\nExport benchmark (scripts/bench_export.py):", flush=True)
        subprocess.run([sys.executable, str(export)], check=False, env=dict(os.environ))
        print("\nReading a GeoPackage programme beside the reader before #18 (scripts/bench_read.py):", flush=True)
        subprocess.run([sys.executable, str(HERE / "bench_read.py")], check=False, env=dict(os.environ))
        print("\nWeb map export and first render in headless chromium (scripts/bench_web.py):", flush=True)
        subprocess.run([sys.executable, str(HERE / "bench_web.py")], check=False, env=dict(os.environ))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
