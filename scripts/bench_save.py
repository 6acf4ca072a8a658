"""`make bench` part: what locking and the audit trail cost when a planner saves 1,000 edited interventions.

One save (one transaction) of 1,000 changed interventions (title and budget), three ways, on a fresh
copy each, interleaved (each variant first in turn), median of 7 runs after a warm-up run (the
GeoPackage's three: of 15, as one takes milliseconds), all in this run:

- plain: the same UPDATEs in one transaction, with the guard and audit triggers dropped (GeoPackage:
  the rows into a temporary table and one UPDATE ... FROM it per table, as its writer does; PostGIS:
  one COPY and one UPDATE ... FROM per table, as its writer does, without the version check);
- locked: the plugin's save (version check and bump per row), audit triggers dropped;
- locked + audited: the plugin's save as shipped.

GeoPackage always; PostGIS too when GEBIED_PG_HOST is set (`make bench` runs under
scripts/with_postgis.sh). Target: locked + audited <= 2x locked. A GeoPackage copy is synced to disk
before its save is timed, so the save's commit does not also flush the copy; the process's CPU per save
is printed beside the wall time (under load the wall time is mostly waiting for a core or the disk).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EDITS = 1000
RUNS = 7
GPKG_RUNS = 15  # the GeoPackage's plain, locked and audited saves (milliseconds each: a median of 7 swung 1.6-2.4x)
TARGET = 2.0
STORES = os.environ.get("GEBIED_BENCH_SAVE_STORES", "gpkg,postgis").split(",")  # both in `make bench`


def _changes(store):
    from gebiedsplugin.core import schema
    from gebiedsplugin.core.row_changes import UPDATE, RowChange

    out = []
    for table in schema.INTERVENTION_TABLES:
        rows, _, fids = store.read_table(table)
        for row, fid in zip(rows, fids):
            out.append(RowChange(table, UPDATE, fid, row["row_version"],
                                 {"title": (row["title"] or "") + " *", "budget": (row["budget"] or 0) + 1}))
    return out[:EDITS]


def _fresh_copy(master: Path) -> Path:
    """A copy of *master* on disk (synced: the timed commit flushes only what the save writes)."""
    work = master.with_name("work.gpkg")
    shutil.copy(master, work)
    with open(work, "rb+") as f:
        os.fsync(f.fileno())
    return work


def _gpkg_variant(master: Path, variant: str) -> tuple:
    from gebiedsplugin.qgis_io.store import gpkg_guards, gpkg_sqlite
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.save import save

    work = _fresh_copy(master)
    drop = [n for n in gpkg_guards.trigger_names() if variant == "plain" or n.startswith("gebied_audit_")]
    conn = gpkg_sqlite.connect(str(work))
    for name in (drop if variant != "audited" else []):
        conn.execute('DROP TRIGGER "{}"'.format(name))
    store = GpkgStore(work)
    changes = _changes(store)
    start, cpu = time.perf_counter(), time.process_time()
    if variant == "plain":
        conn.execute("BEGIN IMMEDIATE")
        for table in sorted({c.table for c in changes}):
            conn.execute("CREATE TEMP TABLE plain_rows (title, budget, fid INTEGER PRIMARY KEY)")
            conn.executemany("INSERT INTO temp.plain_rows VALUES (?, ?, ?)", [
                (c.values["title"], c.values["budget"], c.fid) for c in changes if c.table == table])
            conn.execute('UPDATE main."{0}" SET title = v.title, budget = v.budget, modified_by = ?, modified_at = ? '
                         'FROM temp.plain_rows AS v WHERE main."{0}".fid = v.fid'.format(table),
                         ("bench", "2026-01-01T00:00:00.000Z"))
            conn.execute("DROP TABLE temp.plain_rows")
        conn.execute("COMMIT")
    else:
        save(store, changes, "bench")
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return took, cpu


def _edit_layers(layers: dict, changes) -> None:
    """Put *changes* into the layers' edit buffers as a planner's edits."""
    for c in changes:
        layer = layers[c.table]
        if not layer.isEditable():
            layer.startEditing()
        for name, value in c.values.items():
            layer.changeAttributeValue(c.fid, layer.fields().indexFromName(name), value)


def _qgis_variant(master: Path, variant: str) -> tuple:
    """From QGIS: its own commit of the layers (no triggers: before) or the plugin's edit session."""
    from qgis.core import QgsProject, QgsVectorLayer

    from gebiedsplugin.core import schema
    from gebiedsplugin.qgis_io.edit_session import session_of
    from gebiedsplugin.qgis_io.loader import load_programme
    from gebiedsplugin.qgis_io.store import gpkg_guards, gpkg_sqlite
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    work = _fresh_copy(master)
    store = GpkgStore(work)
    changes = _changes(store)
    project = QgsProject()
    if variant == "qgis":
        conn = gpkg_sqlite.connect(str(work))
        for name in gpkg_guards.trigger_names():
            conn.execute('DROP TRIGGER "{}"'.format(name))
        conn.close()
        layers = {t: QgsVectorLayer(store.uri(t), t, "ogr") for t in schema.INTERVENTION_TABLES}
        _edit_layers(layers, changes)
        start, cpu = time.perf_counter(), time.process_time()
        assert all(layer.commitChanges() for layer in layers.values() if layer.isEditable())
    else:
        layers = load_programme(store, project, "en")
        _edit_layers(layers, changes)
        session = session_of(layers["interventions_point"])
        start, cpu = time.perf_counter(), time.process_time()
        assert session.save(), session.last_error
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    project.clear()
    return took, cpu


def _pg_variant(store, variant: str) -> tuple:
    """One save of the edits on a fresh programme schema: (wall s, server CPU s or None).

    Every variant is one transaction of the same shape, as the plugin's writer makes it: the rows
    loaded into a temporary table in one COPY, then one UPDATE ... FROM it. *plain* sets the same
    values without the version check and bump, with the guard and audit triggers disabled; *locked*
    is the plugin's save with the audit triggers disabled; *audited* the save as shipped.
    """
    import io

    from psycopg2 import sql

    from gebiedsplugin.core import schema
    from gebiedsplugin.qgis_io.store import pg_guards
    from gebiedsplugin.qgis_io.store.save import save

    conn = store.connect()
    with conn.cursor() as cur:
        for table in schema.VERSIONED_TABLES:
            target = sql.Identifier(store.schema_name, table)
            for trigger in ("gebied_guard",) + pg_guards.AUDIT_TRIGGERS:
                off = variant == "plain" or (variant == "locked" and trigger != "gebied_guard")
                cur.execute(sql.SQL("ALTER TABLE {} {} TRIGGER {}").format(
                    target, sql.SQL("DISABLE" if off else "ENABLE"), sql.Identifier(trigger)))
    conn.commit()
    changes = _changes(store)
    cpu = _server_cpu()
    start = time.perf_counter()
    if variant == "plain":
        with conn.cursor() as cur:
            cur.execute("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)")
            for table in schema.INTERVENTION_TABLES:
                mine = [c for c in changes if c.table == table]
                if not mine:
                    continue
                cur.execute("CREATE TEMPORARY TABLE gp_plain (fid integer, title text, budget double precision) "
                            "ON COMMIT DROP")
                cur.copy_expert("COPY gp_plain FROM STDIN", io.StringIO("".join(
                    "{}\t{}\t{}\n".format(c.fid, _copy_text(c.values["title"]), c.values["budget"]) for c in mine)))
                cur.execute(sql.SQL("UPDATE {} AS t SET title = v.title, budget = v.budget, modified_by = %s, "
                                    "modified_at = now() FROM gp_plain AS v WHERE t.fid = v.fid "
                                    "RETURNING t.fid").format(sql.Identifier(store.schema_name, table)), ("bench",))
                assert len(cur.fetchall()) == len(mine)
                cur.execute("DROP TABLE gp_plain")
        conn.commit()
    else:
        save(store, changes, "bench")
    took = time.perf_counter() - start
    cpu = None if cpu is None else _server_cpu() - cpu
    conn.close()
    return took, cpu


def _copy_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _server_cpu():
    """CPU seconds of the test server (postmaster, its backends, those that ended), or None when it is
    not on this machine (scripts/with_postgis.sh puts its data directory under /tmp)."""
    for pid_file in Path(tempfile.gettempdir()).glob("gebied-pg.*/data/postmaster.pid"):
        try:
            pid = int(pid_file.read_text().split()[0])
            port = pid_file.read_text().split()[3]
        except (OSError, IndexError, ValueError):
            continue
        if port != os.environ.get("GEBIED_PG_PORT"):
            continue
        tick, total = os.sysconf("SC_CLK_TCK"), 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(entry.name) == pid:
                total += sum(int(x) for x in fields[11:15])  # own and reaped children's time
            elif int(fields[1]) == pid:
                total += int(fields[11]) + int(fields[12])
        return total / tick
    return None


def _service(folder: str) -> str:
    """A libpq service for the test server of scripts/with_postgis.sh (its password stays in a 0600 file)."""
    path = Path(folder) / "pg_service.conf"
    env = {k: os.environ.get("GEBIED_PG_" + k.upper(), "") for k in ("host", "port", "db", "user", "password")}
    path.write_text("[gebied_bench]\nhost={host}\nport={port}\ndbname={db}\nuser={user}\npassword={password}\n"
                    .format(**env))
    path.chmod(0o600)
    os.environ["PGSERVICEFILE"] = str(path)
    return "service=gebied_bench"


def _report(name: str, times: dict) -> bool:
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["audited"] / med["locked"]
    runs = len(times["audited"])
    print("{}: one save of {:,} edited interventions, median of {} (s): plain SQL {:.3f}, locked {:.3f}, "
          "locked + audited {:.3f}; audit cost (audited/locked) {:.2f}x (target <= {:.0f}x): {}; "
          "lock + audit vs plain SQL {:.2f}x".format(
              name, EDITS, runs, med["plain"], med["locked"], med["audited"], ratio, TARGET,
              "met" if ratio <= TARGET else "MISSED", med["audited"] / med["plain"]), flush=True)
    if "qgis" in med:
        print("{}: from QGIS, the same edits in the layers' buffers: QGIS's own commit without lock or audit "
              "(before) {:.3f} s, the plugin's one-transaction save with lock + audit {:.3f} s: {:.2f}x".format(
                  name, med["qgis"], med["session"], med["session"] / med["qgis"]), flush=True)
    return ratio <= TARGET


def _gpkg_bench(programme) -> bool:
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    with tempfile.TemporaryDirectory() as folder:
        master = Path(folder) / "master.gpkg"
        GpkgStore.create(master, programme.crs, programme)
        variants = ("plain", "locked", "audited", "qgis", "session")
        times = {k: [] for k in variants}
        cpu = {k: [] for k in variants}
        for run in range(GPKG_RUNS + 1):  # run 0 warms up and is not counted
            turn = variants if run <= RUNS else variants[:3]  # QGIS's commit and the session: RUNS (seconds each)
            for variant in turn[run % len(turn):] + turn[:run % len(turn)]:  # interleaved, each first in turn
                took, used = (_qgis_variant if variant in ("qgis", "session") else _gpkg_variant)(master, variant)
                if run:
                    times[variant].append(took)
                    cpu[variant].append(used)
        ok = _report("GeoPackage", times)
        med = {k: statistics.median(v) for k, v in cpu.items()}
        print("GeoPackage: this process's CPU per save, median (s): plain {:.3f}, locked {:.3f}, locked + audited "
              "{:.3f}; audit cost in CPU {:.2f}x; QGIS's commit {:.3f}, the plugin's save {:.3f}".format(
                  med["plain"], med["locked"], med["audited"], med["audited"] / med["locked"], med["qgis"],
                  med["session"]), flush=True)
        return ok


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from gebiedsplugin.core.sample import generate_sample

    programme, _ = generate_sample(seed=11, interventions=3 * EDITS)  # >= 1,000 over the three tables
    ok = True
    folder_for_service = tempfile.mkdtemp()
    if "gpkg" in STORES:
        ok &= _gpkg_bench(programme)
    if os.environ.get("GEBIED_PG_HOST") and "postgis" in STORES:
        from gebiedsplugin.qgis_io.store.postgis import PostgisStore

        connection = _service(folder_for_service)
        variants = ("plain", "locked", "audited")
        times = {k: [] for k in variants}
        cpu = {k: [] for k in variants}
        for run in range(RUNS + 1):  # run 0 warms the server up and is not counted
            for variant in variants[run % 3:] + variants[:run % 3]:  # interleaved, each order in turn
                store = PostgisStore.create(connection, "bench_save", programme.crs, programme, overwrite=True)
                took, server = _pg_variant(store, variant)
                if run:
                    times[variant].append(took)
                    cpu[variant].append(server)
        ok &= _report("PostGIS", times)
        if None not in cpu["audited"]:
            med = {k: statistics.median(v) for k, v in cpu.items()}
            print("PostGIS: the server's CPU per save, median (s): plain {:.3f}, locked {:.3f}, locked + audited "
                  "{:.3f}; audit cost in server CPU {:.2f}x".format(med["plain"], med["locked"], med["audited"],
                                                                   med["audited"] / med["locked"]), flush=True)
    shutil.rmtree(folder_for_service, ignore_errors=True)
    app.exitQgis()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
