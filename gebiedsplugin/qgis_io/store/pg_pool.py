"""PostgreSQL connections kept between store calls, one pool per resolved connection.

Opening a connection costs TLS and login round trips and, with a client certificate, ~80 ms of libpq
loading QGIS's trusted authorities; an open, a check and a save make dozens of store calls. So a
connection a call is done with is kept (at most MAX_IDLE per connection, for IDLE_SECONDS) and the next
call to the same server as the same login takes it instead of opening one, as QGIS's own provider
keeps its connections (QgsConnectionPool).

- Keyed by ``pg_connection.realm()`` (host, port, database, user, authcfg id, SSL mode): never a password.
- Exclusive: a taken connection is out of the pool until it is given back, so two threads never hold
  the same one (store calls run in QgsTask threads).
- Given back clean: rolled back (a failed transaction does not reach the next call), then, in
  autocommit, ``DISCARD ALL`` (session settings, temporary tables and views, prepared statements,
  advisory locks, session characteristics go) and psycopg2's own session settings reset. One that
  fails this, or that its caller may have cancelled (``spoil``: a late cancel request would stop the
  next caller's statement), is closed, not kept.
- Alive when handed out: a kept connection first answers the caller's greeting (one statement in
  autocommit; the store sets the planner name with it). One that does not (server restarted, idle
  timeout, backend terminated) is closed and the next kept one or a new one is taken; the caller
  never sees the dead one.
- Idle ones are closed after IDLE_SECONDS by a timer thread; ``close_all()`` (programme closed, plugin
  unloaded, QGIS quitting) closes every kept one, and one taken before it is closed when given back.
"""

from __future__ import annotations

import atexit
import threading
import time
from contextlib import contextmanager
from typing import Callable, Dict, List, Tuple

import psycopg2
import psycopg2.extensions

from gebiedsplugin.core.rules.base import Cancelled

IDLE_SECONDS = 60.0  # as QGIS's connection pool lets an unused connection go
MAX_IDLE = 4  # kept per connection: the main thread and a few tasks at once

_lock = threading.Lock()
_idle: Dict[str, List[Tuple[object, float]]] = {}  # key -> [(connection, given back at)], newest last
_lent: Dict[int, list] = {}  # id(connection) -> [key, spoiled, generation] while a caller holds it
_generation = 0  # close_all() counts up: a connection lent before it is not kept
_timer = None


def take(key: str, make: Callable[[], object], greet: Callable[[object], None]):
    """A connection of *key* for the caller alone: a kept one that answers *greet(conn)* (run in
    autocommit), else ``make()`` (whose errors are the caller's). Give it back with give_back()."""
    while True:
        with _lock:
            kept = _idle.get(key)
            conn = kept.pop()[0] if kept else None
        if conn is None:
            conn = make()
            break
        try:
            conn.autocommit = True
            greet(conn)
            conn.autocommit = False
            break
        except psycopg2.Error:
            _close(conn)  # dead or unusable: the next kept one, or a new one
    with _lock:
        _lent[id(conn)] = [key, False, _generation]
    return conn


def give_back(conn) -> None:
    """Return a connection from take(): kept clean for the next caller, or closed (see the module)."""
    with _lock:
        key, spoiled, generation = _lent.pop(id(conn), (None, True, -1))
        keep = not spoiled and generation == _generation
    if not keep or conn.closed or not _clean(conn):
        _close(conn)
        return
    with _lock:
        kept = _idle.setdefault(key, [])
        if generation != _generation or len(kept) >= MAX_IDLE:
            keep = False
        else:
            kept.append((conn, time.monotonic()))
            _schedule()
    if not keep:
        _close(conn)


@contextmanager
def borrowed(key: str, make: Callable[[], object], greet: Callable[[object], None]):
    """``with borrowed(key, make, greet) as conn:`` take() for the block, given back at its end."""
    conn = take(key, make, greet)
    try:
        yield conn
    finally:
        give_back(conn)


def spoil(conn) -> None:
    """Close *conn* when it is given back instead of keeping it (its caller sent it a cancel request)."""
    with _lock:
        if id(conn) in _lent:
            _lent[id(conn)][1] = True


@contextmanager
def stopped_on_cancel(conn, cancelled: Callable[[], bool]):
    """While the block runs, a watcher asks the server to stop *conn*'s statement as soon as *cancelled*
    says so (at a million rows one statement takes up to half a minute; psycopg2's cancel is made for
    another thread); the statement's error then comes out as Cancelled. A cancelled connection is
    spoiled: a late cancel request must not stop the next caller's statement."""
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.2):
            if cancelled():
                spoil(conn)
                conn.cancel()
                return

    watcher = threading.Thread(target=watch, name="gebiedsplugin-cancel-watch", daemon=True)
    watcher.start()
    try:
        yield
    except psycopg2.Error as e:
        if cancelled():
            raise Cancelled() from e
        raise
    finally:
        done.set()
        watcher.join()


def close_all() -> None:
    """Close every kept connection; those lent now are closed when given back."""
    global _generation, _timer
    with _lock:
        _generation += 1
        conns = [c for kept in _idle.values() for c, _ in kept]
        _idle.clear()
        timer, _timer = _timer, None
    if timer is not None:
        timer.cancel()
    for conn in conns:
        _close(conn)


def idle_count(key: str | None = None) -> int:
    """How many idle connections are kept (of *key*, or all)."""
    with _lock:
        return sum(len(v) for k, v in _idle.items() if key is None or k == key)


def _clean(conn) -> bool:
    try:
        conn.rollback()
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("DISCARD ALL")
        conn.autocommit = False
        conn.set_session(isolation_level="DEFAULT", readonly="DEFAULT", deferrable="DEFAULT")
        conn.cursor_factory = psycopg2.extensions.cursor
        del conn.notices[:]
        del conn.notifies[:]
        return True
    except psycopg2.Error:
        return False


def _close(conn) -> None:
    try:
        conn.close()
    except psycopg2.Error:
        pass


def _schedule() -> None:
    """(Under _lock) a sweep when the oldest kept connection has been idle IDLE_SECONDS."""
    global _timer
    if _timer is not None:
        return
    oldest = min((since for kept in _idle.values() for _, since in kept), default=None)
    if oldest is None:
        return
    _timer = threading.Timer(max(0.0, oldest + IDLE_SECONDS - time.monotonic()) + 0.1, _sweep)
    _timer.daemon = True
    _timer.name = "gebiedsplugin-pg-pool"
    _timer.start()


def _sweep() -> None:
    global _timer
    now = time.monotonic()
    old = []
    with _lock:
        if _timer is not threading.current_thread():
            return  # close_all() replaced this timer
        _timer = None
        for kept in _idle.values():
            old.extend(c for c, since in kept if now - since >= IDLE_SECONDS)
            kept[:] = [(c, since) for c, since in kept if now - since < IDLE_SECONDS]
        _schedule()
    for conn in old:
        _close(conn)


atexit.register(close_all)
