"""`make bench` part: the programme check on PostGIS at 100k and 1M interventions (issue #18 items 3-4).

In the throw-away PostGIS of `make bench` (GEBIED_PG_HOST) it builds, not through the plugin's save:

- pgb_100k: Voorbeeldstad with 100,000 interventions and 100,000 programme projects (the GeoPackage
  scripts/bench.py generates and caches in bench/out, copied in by PostgisStore.create);
- pgb_1m: 1,000,000 interventions x 100,000 projects at the same density: the 100k city laid out ten
  times side by side in one INSERT ... SELECT per table (generate_series over the tiles; uids,
  district and neighbourhood ids get the tile number; each tile keeps a tenth of the projects, codes
  unchanged), triggers off while it fills, then the check's kept tables filled in one go
  (store/pg_check_tables.py). About 1-3 minutes on the 2-core machine.

Then, each in a fresh process (peak memory = ru_maxrss of the process running the check), on an empty
findings register: run_check with the join rules in the database (the default on PostGIS) and the
baseline, the same run_check with every rule in memory (``in_database=False``, the path before) at
100k, and at 1M only with --memory-1m (5.6 GB peak measured; the machine is shared). Prints wall
time (read / rules / write), peak memory, CPU seconds of the checking process and of the server (its
postmaster's ended children, from /proc: only when the server runs on this machine), findings, the
load average, and growth per 10x. On the database path "read" and "rules" are the in-memory part (the
selection of the rows the four rules left in memory can find something in, reading those rows, the
four rules), which runs while the server works on the join rules; "in the database" lists the SQL
steps and their wall time from start to last finding.
Targets at 1M: <= 20 s, <= 2 GB.

The programmes are built only when the server lacks them. To keep them between runs, start one
server and run the bench against it (with_postgis.sh passes a set GEBIED_PG_HOST through):
    bash scripts/with_postgis.sh bash -c 'umask 077; env | grep ^GEBIED_PG > /tmp/pg.env; sleep infinity' &
    (set -a; . /tmp/pg.env; .venv/bin/python scripts/bench_pg_check.py --sizes 1000000)
(the file holds the throw-away server's password, readable by you only; stop the server when done).

Usage: bash scripts/with_postgis.sh .venv/bin/python scripts/bench_pg_check.py [--sizes 100000 1000000]
       [--memory-1m] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TILES = 10
GAP_M = 1000.0
TARGET_S, TARGET_MB = 20.0, 2048.0
SCHEMAS = {100000: "pgb_100k", 1000000: "pgb_1m"}


def _connection() -> str:
    from bench_save import _service

    folder = os.environ.setdefault("GEBIED_BENCH_PG_DIR", tempfile.mkdtemp())
    return _service(folder)


def _exists(store) -> bool:
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s "
                        "AND table_name = 'interventions_point'", (store.schema_name,))
            return cur.fetchone()[0] > 0
    finally:
        conn.close()


def build_100k(connection: str) -> None:
    from bench import programme_file

    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    if _exists(PostgisStore(connection, SCHEMAS[100000])):
        return
    programme = GpkgStore.open(programme_file(100000)).read_programme()
    PostgisStore.create(connection, SCHEMAS[100000], programme.crs, programme, overwrite=True)


def build_1m(connection: str) -> None:
    """The 100k programme tiled ten times, in SQL."""
    from psycopg2 import sql

    from gebiedsplugin.core import schema
    from gebiedsplugin.core.records import Programme
    from gebiedsplugin.qgis_io.store import pg_check_tables, pg_ddl
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    source, name = SCHEMAS[100000], SCHEMAS[1000000]
    if _exists(PostgisStore(connection, name)):
        return
    src = PostgisStore(connection, source)
    target = PostgisStore.create(connection, name, src.crs(), Programme(settings=src.settings()), overwrite=True)
    suffix = sql.SQL("({} || '-' || k)")
    conn = target.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                                "(SELECT ST_Extent(geom) AS e FROM {}) x").format(
                sql.Identifier(source, "districts")))
            x0, y0, x1, y1 = cur.fetchone()
            dx, dy = x1 - x0 + GAP_M, y1 - y0 + GAP_M
            cur.execute("SELECT conname, c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                        "WHERE k.contype = 'c' AND k.connamespace = %s::regnamespace", (name,))
            for con, table in cur.fetchall():  # added back (NOT VALID) after the copy, as create does
                cur.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                    sql.Identifier(name, table), sql.Identifier(con)))
            tiles = sql.SQL("generate_series(0, {}) AS k").format(sql.Literal(TILES - 1))
            shift = sql.SQL("ST_Translate(geom, (k % 5) * {dx}, (k / 5) * {dy})").format(
                dx=sql.Literal(dx), dy=sql.Literal(dy))
            renamed = {"uid": "uid", "intervention_uid": "intervention_uid", "from_uid": "from_uid",
                       "to_uid": "to_uid", "neighbourhood_id": "neighbourhood_id"}
            for table in schema.TABLES:
                if table.name in ("schema_info", "value_lists", "settings", "findings"):
                    continue
                cols = [f.name for f in table.fields]
                exprs = []
                for col in cols:
                    ident = sql.Identifier(col)
                    if col in renamed or (col == "district_id" and table.name != "districts"):
                        exprs.append(sql.SQL("CASE WHEN {c} IS NULL OR {c} = {city} THEN {c} ELSE {s} END").format(
                            c=ident, city=sql.Literal(schema.CITY_ID), s=suffix.format(ident)))
                    elif col == "district_id":
                        exprs.append(sql.SQL("CASE WHEN {c} = {city} THEN {c} ELSE {s} END").format(
                            c=ident, city=sql.Literal(schema.CITY_ID), s=suffix.format(ident)))
                    else:
                        exprs.append(ident)
                where = sql.SQL("TRUE")
                if table.name in schema.PROJECT_TABLES:
                    where = sql.SQL("s.{} % {} = k").format(sql.Identifier(pg_ddl.KEY), sql.Literal(TILES))
                if table.name == "districts":  # one city row: the ten cities together
                    where = sql.SQL("(district_id <> {} OR k = 0)").format(sql.Literal(schema.CITY_ID))
                geom = []
                if table.geometry:
                    geom = [sql.SQL("CASE WHEN {t} = 'districts' AND district_id = {city} THEN (SELECT ST_Multi("
                                    "ST_CollectionExtract(ST_Collect(ST_Translate(c.geom, (t % 5) * {dx}, "
                                    "(t / 5) * {dy})), 3)) FROM {src} c, "
                                    "generate_series(0, {n}) AS t WHERE c.district_id = {city}) "
                                    "ELSE {shift} END").format(
                        t=sql.Literal(table.name), city=sql.Literal(schema.CITY_ID), dx=sql.Literal(dx),
                        dy=sql.Literal(dy), src=sql.Identifier(source, "districts"), n=sql.Literal(TILES - 1),
                        shift=shift)]
                target_cols = [sql.Identifier(c) for c in cols] + (
                    [sql.Identifier(pg_ddl.GEOMETRY)] if table.geometry else [])
                cur.execute(sql.SQL("ALTER TABLE {} DISABLE TRIGGER USER").format(sql.Identifier(name, table.name)))
                cur.execute(sql.SQL("INSERT INTO {tgt} ({cols}) SELECT {exprs} FROM {src} s CROSS JOIN {tiles} "
                                    "WHERE {where} ORDER BY k, s.{key}").format(
                    tgt=sql.Identifier(name, table.name), cols=sql.SQL(", ").join(target_cols),
                    exprs=sql.SQL(", ").join(exprs + geom), src=sql.Identifier(source, table.name), tiles=tiles,
                    where=where, key=sql.Identifier(pg_ddl.KEY)))
                cur.execute(sql.SQL("ALTER TABLE {} ENABLE TRIGGER USER").format(sql.Identifier(name, table.name)))
            for statement in pg_ddl.create_checks(name):
                cur.execute(statement)
            for statement in pg_check_tables.fill(name):  # filled with the triggers off: the check's kept tables
                cur.execute(statement)
        conn.commit()
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(sql.SQL("ANALYZE"))
    finally:
        conn.close()


def child(kind: str, size: int) -> int:
    """One check in this fresh process; JSON on the last line."""
    import qgis_headless

    qgis_headless.start()
    from psycopg2 import sql

    from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    connection = _connection()
    store = PostgisStore(connection, SCHEMAS[size])
    conn = store.connect()
    with conn.cursor() as cur:  # an empty register, as a first check
        cur.execute(sql.SQL("TRUNCATE {}").format(sql.Identifier(store.schema_name, "findings")))
    conn.commit()
    conn.close()
    t0 = time.perf_counter()
    result = run_check(CheckRequest(store.path, in_database=(kind == "database")))
    wall = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"wall": wall, "timings": result.timings, "findings": result.total,
                      "cpu_s": usage.ru_utime + usage.ru_stime,
                      "interventions": result.interventions, "notes": result.notes,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                      "load": os.getloadavg()}))
    return 0


def _server_pid() -> int:
    """The throw-away server's postmaster (the parent of a backend of ours), 0 when not on this machine."""
    import psycopg2

    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    try:
        conn = PostgisStore(_connection(), SCHEMAS[100000]).connect()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT pg_backend_pid()")
                backend = cur.fetchone()[0]
            stat = Path("/proc/{}/stat".format(backend)).read_text()
        finally:
            conn.close()
        return int(stat.rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError, psycopg2.Error):
        return 0


def _server_cpu(pid: int) -> float:
    """CPU seconds of the server so far: the postmaster's own and its ended children's (each connection's
    backend is one), from /proc; 0 when not readable."""
    try:
        fields = Path("/proc/{}/stat".format(pid)).read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime


def _run(args: list, timeout: float, server: int = 0):
    cmd = [sys.executable, str(Path(__file__).resolve())] + args
    before = _server_cpu(server)
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as e:
        sys.stderr.write(e.stderr[-3000:])
        raise
    out = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else {}
    if server:
        time.sleep(1.0)  # the server reaps the run's ended backends first
        out["server_cpu_s"] = _server_cpu(server) - before
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100000, 1000000])
    parser.add_argument("--memory-1m", action="store_true", help="also the in-memory baseline at 1M (~5.6 GB)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--kinds", nargs="+", default=["database", "memory"], help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not os.environ.get("GEBIED_PG_HOST"):
        print("skipped: no PostGIS (run under scripts/with_postgis.sh, as `make bench` does)")
        return 0
    os.environ.setdefault("GEBIED_BENCH_PG_DIR", tempfile.mkdtemp())
    if args.child:
        return child(args.child[0], int(args.child[1]))
    if args.build:
        import qgis_headless

        qgis_headless.start()
        connection = _connection()
        t = time.perf_counter()
        build_100k(connection)
        t100 = time.perf_counter() - t
        if 1000000 in args.sizes:
            build_1m(connection)
        print(json.dumps({"100k": t100, "1m": time.perf_counter() - t - t100}))
        return 0
    sizes = sorted(args.sizes)
    built = _run(["--build", "--sizes"] + [str(s) for s in sizes], 7200)
    print("PostGIS programmes built: 100k in {:.0f} s, 1M (tiled in SQL) in {:.0f} s".format(
        built["100k"], built["1m"]), flush=True)
    rows = {}
    server = _server_pid()
    for size in sizes:
        kinds = [k for k in args.kinds if k == "database" or size < 1000000 or args.memory_1m]
        for kind in kinds:
            for _ in range(args.runs):
                r = _run(["--child", kind, str(size)], args.timeout, server)
                rows.setdefault((kind, size), []).append(r)
                if r is None:
                    print("{:>9,} {:<9} cut off after {:.0f} s".format(size, kind, args.timeout), flush=True)
                    continue
                tm = r["timings"]
                print("{:>9,} {:<9} wall {:7.2f} s (read {:6.2f}{}, rules {:6.2f}, write {:6.2f})  peak {:7.0f} MB  "
                      "CPU: QGIS process {:.1f} s, server {}  findings {:>7,}  load {:.1f} {:.1f} {:.1f}{}".format(
                          size, kind, r["wall"], tm.get("read", 0),
                          " incl. selection {:.2f}".format(tm["selection"]) if "selection" in tm else "",
                          tm.get("rules", 0), tm.get("write", 0),
                          r["peak_mb"], r["cpu_s"],
                          "{:.1f} s".format(r["server_cpu_s"]) if "server_cpu_s" in r else "?",
                          r["findings"], *r["load"],
                          "  notes: " + "; ".join(r["notes"]) if r["notes"] else ""), flush=True)
                if tm.get("in_database"):
                    print("          in the database (s): " + ", ".join(
                        "{} {:.2f}".format(k, v) for k, v in tm["in_database"].items()), flush=True)
    ok = True
    best = {k: min((r for r in v if r), key=lambda r: r["wall"]) for k, v in rows.items() if any(v)}
    for kind in ("database", "memory"):
        if (kind, 100000) in best and (kind, 1000000) in best:
            a, b = best[(kind, 100000)], best[(kind, 1000000)]
            print("growth per 10x ({}): time {:.1f}x, peak memory {:.1f}x".format(
                kind, b["wall"] / a["wall"], b["peak_mb"] / a["peak_mb"]))
    for size in sizes:
        if ("database", size) in best and ("memory", size) in best:
            d, m = best[("database", size)], best[("memory", size)]
            same = "same" if d["findings"] == m["findings"] else "DIFFERENT"
            print("{:,}: in the database {:.2f} s / {:.0f} MB vs in memory {:.2f} s / {:.0f} MB: {:.1f}x faster, "
                  "{} number of findings ({:,})".format(size, d["wall"], d["peak_mb"], m["wall"], m["peak_mb"],
                                                          m["wall"] / d["wall"], same, d["findings"]))
    if 1000000 in sizes and ("memory", 1000000) not in best:
        print("1,000,000 in memory: not run (5.6 GB peak measured on a machine shared by 7; --memory-1m runs it)")
    top = best.get(("database", 1000000))
    if top:
        ok = top["wall"] <= TARGET_S and top["peak_mb"] <= TARGET_MB
        print("Target at 1M: <= {:.0f} s and <= {:.0f} MB: {} ({:.2f} s, {:.0f} MB)".format(
            TARGET_S, TARGET_MB, "met" if ok else "NOT met", top["wall"], top["peak_mb"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
