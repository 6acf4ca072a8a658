"""Store calls keep their PostgreSQL connections (store/pg_pool.py): reused, one holder at a time, given
back clean, a dead one replaced unseen, idle ones closed.

What the server has is asked of the server (pg_stat_activity, pg_locks, ...) over an observer connection
made here with psycopg2 and another application_name, not through the code under test.
"""

from __future__ import annotations

import os
import threading
import time

import psycopg2
import pytest
from psycopg2 import sql

from gebiedsplugin.core.rules.base import Cancelled
from gebiedsplugin.qgis_io.store import pg_pool
from gebiedsplugin.qgis_io.store.pg_check_sql import TEMP_BUFFERS
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


@pytest.fixture()
def observer(pg_env):
    conn = psycopg2.connect(host=pg_env["host"], port=pg_env["port"], dbname=pg_env["db"], user=pg_env["user"],
                            password=os.environ.get("GEBIED_PG_PASSWORD", ""), application_name="pool-observer")
    conn.autocommit = True
    yield conn
    conn.close()


@pytest.fixture()
def store(pg_connection, pg_schema):
    pg_pool.close_all()
    made = PostgisStore.create(pg_connection, pg_schema, user="anna")
    yield made
    pg_pool.close_all()


def _ours(observer) -> set:
    """Backend pids of the plugin's sessions (application_name 'gebiedsplugin') the server has now."""
    with observer.cursor() as cur:
        cur.execute("SELECT pid FROM pg_stat_activity WHERE application_name = 'gebiedsplugin' AND datname = "
                    "current_database()")
        return {r[0] for r in cur.fetchall()}


def _pid(store) -> int:
    with store.session() as conn, conn.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        return cur.fetchone()[0]


def _gone(observer, pid: int) -> None:
    """Wait (up to 30 s) until the server no longer lists backend *pid*."""
    for _ in range(300):
        if pid not in _ours(observer):
            return
        time.sleep(0.1)
    pytest.fail("backend {} still there".format(pid))


def test_store_calls_reuse_one_connection(store, observer):
    first = _pid(store)
    store.schema_info()
    store.settings()
    store.counts()
    store.read_table("districts")
    store.validate()
    assert store.row_versions("interventions_point") == {}
    assert _pid(store) == first
    assert _ours(observer) == {first}  # one session for all those calls, kept open
    assert pg_pool.idle_count() == 1


def test_a_terminated_connection_is_replaced_unseen(store, observer):
    first = _pid(store)
    with observer.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(%s)", (first,))
    _gone(observer, first)
    assert store.schema_info()["schema_version"]  # no error: the dead one was noticed and replaced
    second = _pid(store)
    assert second != first and _ours(observer) == {second}


def test_every_kept_connection_dead_is_survived(store, observer):
    held = [store.session() for _ in range(3)]
    pids = set()
    for session in held:
        with session.__enter__().cursor() as cur:
            cur.execute("SELECT pg_backend_pid()")
            pids.add(cur.fetchone()[0])
    for session in held:
        session.__exit__(None, None, None)
    assert len(pids) == 3 and pg_pool.idle_count() == 3
    with observer.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s) pid", (list(pids),))
    for pid in pids:
        _gone(observer, pid)
    assert store.settings()  # three dead ones skipped, a new one made
    assert not pids & _ours(observer)


def test_two_threads_never_hold_the_same_connection(store):
    holders: dict = {}  # pid -> thread holding it now
    clash = []
    lock = threading.Lock()
    together = threading.Barrier(4)

    def work(n: int) -> None:
        for round_ in range(15):
            with store.session() as conn, conn.cursor() as cur:
                cur.execute("SELECT pg_backend_pid()")
                pid = cur.fetchone()[0]
                with lock:
                    if pid in holders:
                        clash.append((pid, holders[pid], n))
                    holders[pid] = n
                if round_ == 0:
                    together.wait(30)  # all four hold one at once at least once
                cur.execute("SELECT pg_sleep(0.01)")
                with lock:
                    del holders[pid]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not clash
    assert 4 >= pg_pool.idle_count() >= 1


def test_a_failed_transaction_and_session_state_do_not_reach_the_next_call(store, observer):
    with store.session() as conn:
        pid = conn.get_backend_pid()
        with conn.cursor() as cur:
            cur.execute("SET work_mem = '77MB'")
            cur.execute("SET TimeZone = 'Europe/Amsterdam'")
            cur.execute("CREATE TEMP TABLE left_behind (x int)")
            cur.execute("SELECT pg_advisory_lock(4242)")
            cur.execute("PREPARE left_plan AS SELECT 1")
            cur.execute("SELECT set_config('gebiedsplugin.user', 'mallory', false)")
        conn.commit()
        conn.set_session(readonly=True)
        with pytest.raises(psycopg2.errors.UndefinedTable):
            conn.cursor().execute("SELECT * FROM no_such_table")
        # given back in a failed transaction, without rollback
    with observer.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_locks WHERE pid = %s AND locktype = 'advisory'", (pid,))
        assert cur.fetchone()[0] == 0  # released while kept, not only when taken again
        cur.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", (pid,))
        assert cur.fetchone()[0] == "idle"
    bert = PostgisStore(store.connection, store.schema_name)  # another planner, same server and login
    with bert.session() as conn, conn.cursor() as cur:
        assert conn.get_backend_pid() == pid
        cur.execute("SELECT setting = reset_val FROM pg_settings WHERE name = 'work_mem'")
        assert cur.fetchone()[0]
        cur.execute("SELECT current_setting('work_mem') <> '77MB', current_setting('TimeZone'), "
                    "to_regclass('pg_temp.left_behind'), (SELECT count(*) FROM pg_prepared_statements), "
                    "current_setting('transaction_read_only'), current_setting('gebiedsplugin.user', true)")
        assert cur.fetchone() == (True, "UTC", None, 0, "off", "")
    with store.session() as conn, conn.cursor() as cur:
        assert conn.get_backend_pid() == pid
        cur.execute("SELECT current_setting('gebiedsplugin.user')")
        assert cur.fetchone()[0] == "anna"  # each store's planner named on its own calls


def test_a_save_after_temporary_tables_of_another_size(store):
    """temp_buffers may not change after a session's first temporary table: a save (64MB) after a call that
    made one with the default, and the check's (1GB) after both, each still run."""
    with store.session() as conn, conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE t8 AS SELECT 1 AS x")  # local buffers made with the default size
        cur.execute("SELECT * FROM t8")
    with store.writer("anna") as writer:
        writer.execute(sql.SQL("CREATE TEMP TABLE t64 ON COMMIT DROP AS SELECT 1 AS x"))
        writer.execute(sql.SQL("SELECT * FROM t64"))
    with store.writer("anna"):
        pass
    with store.session(TEMP_BUFFERS) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SET LOCAL temp_buffers = {}").format(sql.Literal(TEMP_BUFFERS)))
        cur.execute("CREATE TEMP TABLE t1g ON COMMIT DROP AS SELECT 1 AS x")
    with store.session(TEMP_BUFFERS) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SET LOCAL temp_buffers = {}").format(sql.Literal(TEMP_BUFFERS)))
    assert pg_pool.idle_count() == 3  # one per temp_buffers value


def test_idle_connections_are_closed(store, observer, monkeypatch):
    monkeypatch.setattr(pg_pool, "IDLE_SECONDS", 0.3)
    pg_pool.close_all()  # the sweep the store's creation planned (for 60 s) goes with it
    pid = _pid(store)
    _gone(observer, pid)  # the timer closed it
    assert pg_pool.idle_count() == 0


def test_close_all_closes_kept_and_lent_connections(store, observer):
    sessions = [store.session() for _ in range(3)]
    pids = [s.__enter__().get_backend_pid() for s in sessions]
    assert len(set(pids)) == 3
    sessions[2].__exit__(None, None, None)
    assert pg_pool.idle_count() == 1
    pg_pool.close_all()
    _gone(observer, pids[2])  # the kept one at once
    assert set(pids[:2]) <= _ours(observer)  # the lent ones stay with their holders...
    for session in sessions[:2]:
        session.__exit__(None, None, None)
    for pid in pids[:2]:
        _gone(observer, pid)  # ...and are closed when given back
    assert pg_pool.idle_count() == 0


def test_a_cancelled_connection_is_not_kept(store, observer):
    pg_pool.close_all()
    stop = threading.Event()
    with pytest.raises(Cancelled):
        with store.session() as conn:
            pid = conn.get_backend_pid()
            threading.Timer(0.5, stop.set).start()
            with pg_pool.stopped_on_cancel(conn, stop.is_set), conn.cursor() as cur:
                cur.execute("SELECT pg_sleep(30)")
    _gone(observer, pid)
    assert pg_pool.idle_count() == 0
