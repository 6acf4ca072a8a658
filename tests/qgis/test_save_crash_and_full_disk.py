"""A save that dies (kill -9) or meets a full disk keeps nothing of itself: the programme afterwards
equals the programme before, row for row, its integrity and its counts intact (issue 13, item 2).

Rows are compared straight from SQLite, independently of the plugin's readers.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.row_changes import INSERT, RowChange
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.save import save
from tests.qgis.disk_fixtures import *  # noqa: F401,F403 (the small_disk fixture)
from tests.qgis.disk_fixtures import fill

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).parent / "scripts" / "big_save.py"
ROWS = 60_000


def snapshot(path) -> dict:
    """Per table: a hash of every row (in fid order); plus integrity and the stored feature counts."""
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]
        rows = {}
        for table in tables:
            digest = hashlib.sha256()
            for row in conn.execute('SELECT * FROM "{}" ORDER BY 1'.format(table)):
                digest.update(repr(row).encode())
            rows[table] = digest.hexdigest()
        counts = {t: conn.execute('SELECT count(*) FROM "{}"'.format(t)).fetchone()[0] for t in tables}
        stored = dict(conn.execute("SELECT table_name, feature_count FROM gpkg_ogr_contents"))
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return {"rows": rows, "counts": counts, "stored_counts": {t: stored.get(t) for t in counts
                                                              if stored.get(t) is not None}, "integrity": integrity}


def consistent(state: dict) -> bool:
    return state["integrity"] == "ok" and all(state["counts"][t] == n for t, n in state["stored_counts"].items())


@pytest.mark.parametrize("size", ["spilled", "in-cache"])
def test_a_save_killed_mid_transaction_keeps_nothing_of_itself(sample_gpkg, size):
    """*spilled*: the save outgrew the writer's page cache and wrote part of the file (a hot journal, rolled
    back by the next open); *in-cache*: it wrote nothing to the file yet (its journal, never synced, is not
    hot and goes at the next save)."""
    path, _ = sample_gpkg
    before = snapshot(path)
    assert consistent(before)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    args = [sys.executable, str(SCRIPT), str(path), str(ROWS)] + ([size] if size == "in-cache" else [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
    try:
        line = proc.stdout.readline()
        assert line.strip() == "writing", proc.stderr.read()
        assert Path(str(path) + "-journal").exists()  # the save is under way: its journal is on disk
        proc.kill()  # kill -9
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -9
    after = snapshot(path)  # the first open rolls a hot journal back
    assert after == before
    assert Path(str(path) + "-journal").exists() == (size == "in-cache")
    # The programme still opens and saves as usual.
    store = GpkgStore.open(path)
    save(store, [RowChange("funding", INSERT, values={"intervention_uid": "x", "year": 2030, "funder": "province",
                                                      "amount": 1.0})], "after")
    assert snapshot(path)["counts"]["funding"] == before["counts"]["funding"] + 1
    assert not Path(str(path) + "-journal").exists()


def test_a_save_on_a_full_disk_says_so_and_keeps_nothing(sample_gpkg, small_disk):
    source, _ = sample_gpkg
    disk = small_disk("{}k".format(os.path.getsize(source) // 1024 + 600))
    path = disk / "programme.gpkg"
    shutil.copyfile(source, path)
    before = snapshot(path)
    fill(disk, 150_000)
    store = GpkgStore.open(path)
    rows, _, fids = store.read_table("interventions_point")
    changes = [RowChange("funding", INSERT, values={"intervention_uid": rows[0]["uid"], "year": 2030,
                                                    "funder": "province", "amount": float(n)}) for n in range(ROWS)]
    with pytest.raises(ProgrammeError) as refused:
        save(store, changes, "planner")
    assert str(refused.value).startswith("The disk is full: {}".format(path)), str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert snapshot(path) == before
    assert not Path(str(path) + "-journal").exists()
