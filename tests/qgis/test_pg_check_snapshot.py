"""One check of a PostGIS programme reads one state of it (store/pg_snapshot.py): a colleague's save that
commits while the check's sessions start reaches every rule group or none.

The check's rule sessions are held, for real, between their connection's greeting and their transaction
(PostgisStore.session wrapped: the real session, then a wait), so a save can be committed at a known
moment: after the first session has taken its snapshot and before the second starts; or, for the rows the
in-memory rules read, while that read waits for a table lock held by the test. The saved change (the
intervention 'alone' deleted) shows in a rule of each group: district_mismatch (the join rules),
budget_exceeded (the funding rules, their own session) and data_quality (in memory). And: the exported
snapshot ends once every session has imported it; a session the server refuses it reads at its own moment,
logged, and the check still runs.
"""

from __future__ import annotations

import queue
import threading
import time
from contextlib import contextmanager

import psycopg2.extensions
import pytest
from psycopg2 import sql
from qgis.core import QgsApplication

from gebiedsplugin.core.rules.texts import render
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store import pg_check
from gebiedsplugin.qgis_io.store import pg_check_sql as q
from gebiedsplugin.qgis_io.store.pg_snapshot import SharedSnapshot
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import run_on_server
from tests.qgis.test_pg_check_uid_twice import twins

WAIT_S = 60.0  # a bound on each wait, so a broken check fails the test instead of hanging it


def _programme():
    """twins() with 'alone' stored in the wrong district (a district_mismatch; its budget counts for Oost)
    and without a title (data_quality)."""
    p = twins()
    alone = next(f for f in p.interventions if f.get("uid") == "alone")
    alone.attrs.update(district_id="east", title="   ")
    return p


@pytest.fixture()
def store(pg_connection, pg_schema):
    return PostgisStore.create(pg_connection, pg_schema, programme=_programme())


def _said(result) -> list:
    return sorted((f.rule, f.subject_uids, render(f.message, "en")) for f in result.findings)


def _about_alone(said) -> set:
    return {rule for rule, uids, _ in said if "alone" in uids}


class _Held:
    """One rule session of the check, waiting before its transaction until released."""

    def __init__(self, pid: int = 0):
        self.pid = pid
        self.go, self.done = threading.Event(), threading.Event()


class _Holds:
    """PostgisStore.session, the real one, with the check's rule sessions (those that set temp_buffers)
    held after their greeting until the test releases them."""

    def __init__(self, monkeypatch):
        self.arrived: queue.Queue = queue.Queue()
        self._real = PostgisStore.session
        monkeypatch.setattr(PostgisStore, "session", lambda store, temp_buffers="": self.session(store, temp_buffers))

    def session(self, store, temp_buffers: str = ""):
        real = self._real

        @contextmanager
        def held():
            with real(store, temp_buffers) as conn:
                if temp_buffers != q.TEMP_BUFFERS:
                    yield conn
                    return
                hold = _Held(conn.get_backend_pid())  # known to the client: no statement
                self.arrived.put(hold)
                hold.go.wait(WAIT_S)
                try:
                    yield conn
                finally:
                    hold.done.set()
        return held()

    def next(self) -> _Held:
        try:
            return self.arrived.get(timeout=WAIT_S)
        except queue.Empty:
            raise AssertionError("no rule session of the check started") from None


def _wait_until(test, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not test():
        assert time.monotonic() < deadline, "waited {:g} s for {}".format(WAIT_S, what)
        time.sleep(0.05)


def _has_read(connection: str, hold: _Held) -> bool:
    """The held session, released, has taken its snapshot (its backend holds an xmin) or is done."""
    if hold.done.is_set():
        return True
    return run_on_server(connection, lambda cur: (
        cur.execute("SELECT backend_xmin IS NOT NULL FROM pg_stat_activity WHERE pid = %s", (hold.pid,))
        or cur.fetchone()[0]))


def _save(connection: str, schema_name: str) -> None:
    """A colleague's save, committed: 'alone' deleted (with the row version it read, as the guard asks)."""
    point = sql.Identifier(schema_name, "interventions_point")

    def save(cur):
        cur.execute("SET LOCAL lock_timeout = '60s'")  # a save the test's own lock blocks fails the test
        cur.execute(sql.SQL("UPDATE {} SET row_version = -(row_version + 1) WHERE uid = 'alone'").format(point))
        cur.execute(sql.SQL("DELETE FROM {} WHERE uid = 'alone'").format(point))
    run_on_server(connection, save)


def _in_thread(request):
    out: dict = {}

    def run():
        try:
            out["result"] = run_check(request)
        except Exception as e:  # noqa: BLE001 - raised again in the test's thread
            out["error"] = e
    thread = threading.Thread(target=run, name="raced-check")
    thread.start()
    return thread, out


def _finish(thread, out):
    thread.join(WAIT_S)
    assert not thread.is_alive()
    if "error" in out:
        raise out["error"]
    return out["result"]


def test_a_save_between_the_two_rule_sessions_reaches_both_or_neither(store, pg_connection, monkeypatch):
    request = CheckRequest(store.path, rule_ids=pg_check.IN_DATABASE, write=False, in_database=True)
    assert len(pg_check.sessions(store, pg_check.IN_DATABASE)) == 2  # the funding rules in a session of their own
    before = _said(run_check(request))
    assert _about_alone(before) == {"district_mismatch", "budget_exceeded"}

    holds = _Holds(monkeypatch)
    thread, out = _in_thread(request)
    first = holds.next()
    first.go.set()
    _wait_until(lambda: _has_read(pg_connection, first), "the first rule session's snapshot")
    _save(pg_connection, store.schema_name)
    second = holds.next()
    second.go.set()
    raced = _said(_finish(thread, out))
    monkeypatch.undo()

    after = _said(run_check(request))
    assert _about_alone(after) == set()
    assert _about_alone(raced) in ({"district_mismatch", "budget_exceeded"}, set())
    assert raced in (before, after)
    assert raced == before  # the check reads the programme as it was when it started


def test_a_save_while_the_rules_in_memory_read_reaches_every_rule_or_none(store, pg_connection, monkeypatch):
    request = CheckRequest(store.path, write=False, in_database=True)
    before = _said(run_check(request))
    assert _about_alone(before) == {"data_quality", "district_mismatch", "budget_exceeded"}

    holds = _Holds(monkeypatch)
    reading = _Held()  # the check's thread, entering the read
    real_read = pg_check.read_for_rules

    def held_read(*args, **kwargs):  # the real read, once the test has locked the links
        reading.done.set()
        reading.go.wait(WAIT_S)
        return real_read(*args, **kwargs)
    monkeypatch.setattr(pg_check, "read_for_rules", held_read)

    def read_waits(cur) -> bool:
        cur.execute("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace s "
                    "ON s.oid = c.relnamespace WHERE s.nspname = %s AND c.relname = 'links' AND NOT l.granted",
                    (store.schema_name,))
        return cur.fetchone()[0] > 0

    lock = store.connect()
    try:
        thread, out = _in_thread(request)
        held = [holds.next(), holds.next()]  # both rule sessions, before their transactions
        _wait_until(reading.done.is_set, "the in-memory rules' read")
        with lock.cursor() as cur:  # the links, which that read reads last (after its snapshot)
            cur.execute(sql.SQL("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE").format(
                sql.Identifier(store.schema_name, "links")))
        reading.go.set()
        _wait_until(lambda: run_on_server(pg_connection, read_waits), "the in-memory rules' read at the links")
        _save(pg_connection, store.schema_name)
        for hold in held:
            hold.go.set()
        _wait_until(lambda: all(_has_read(pg_connection, h) for h in held), "the rule sessions' snapshots")
    finally:
        lock.rollback()
        lock.close()
    raced = _said(_finish(thread, out))
    monkeypatch.undo()

    after = _said(run_check(request))
    assert _about_alone(after) == set()
    assert raced in (before, after)
    assert raced == before


def _alone_count(conn, schema_name: str) -> int:
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT count(*) FROM {} WHERE uid = 'alone'").format(
            sql.Identifier(schema_name, "interventions_point")))
        return cur.fetchone()[0]


@pytest.fixture()
def logged():
    seen = []

    def keep(message, tag, level):
        seen.append(message)
    QgsApplication.messageLog().messageReceived.connect(keep)
    yield seen
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def test_the_export_ends_when_every_session_has_imported_and_a_late_one_reads_its_own(store, pg_connection, logged):
    shared = SharedSnapshot(store, 2)
    assert shared.name
    conns = [store.connect() for _ in range(3)]
    try:
        for conn in conns:
            conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
        assert shared.join(conns[0])
        _save(pg_connection, store.schema_name)
        assert shared.join(conns[1])  # after the save: the snapshot exported before it
        assert [_alone_count(c, store.schema_name) for c in conns[:2]] == [1, 1]
        # the two it was made for have it: the exporting transaction is over, a third is refused and reads now
        assert not shared.join(conns[2])
        assert _alone_count(conns[2], store.schema_name) == 0
        assert any(m.startswith("The check's sessions each read the programme at their own moment: ")
                   and "invalid snapshot identifier" in m for m in logged)
    finally:
        for conn in conns:
            conn.close()


def test_a_check_whose_snapshot_the_server_refuses_still_runs(store, logged):
    expected, _ = pg_check.run_in_database(store, pg_check.IN_DATABASE, None, store.settings())
    gone = SharedSnapshot(store, 2)
    gone.close()  # as a pooler sending the session to another server, or an export that ended too soon
    found, count = pg_check.run_in_database(store, pg_check.IN_DATABASE, None, store.settings(), snapshot=gone)
    assert [(f.rule, f.finding_id, f.subject_uids) for f in found] == [
        (f.rule, f.finding_id, f.subject_uids) for f in expected]
    assert count == 5
    assert any(m.startswith("The check's sessions each read the programme at their own moment: ") for m in logged)
