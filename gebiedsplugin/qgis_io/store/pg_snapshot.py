"""One snapshot for the sessions of one in-database check (store/pg_check.py, qgis_io/check_task.py).

The check reads a PostGIS programme in several sessions at once (the join rules in one or two, the rows
the in-memory rules need in another). Each would otherwise take its own snapshot when its first query
runs, so a colleague's save committed between two of those moments would reach some rule groups and not
the others, and one check's findings would describe two states of the programme. So one read-only
REPEATABLE READ transaction exports its snapshot (``pg_export_snapshot()``) before any of them starts,
each imports it (``SET TRANSACTION SNAPSHOT``, its transaction's first statement), and the exporting
transaction stays open until every session has imported it (or the check ends).

The importers are REPEATABLE READ but not read only: they build temporary tables and functions, which a
read-only transaction may not. They write nothing else and roll back. The check's one real write, the
findings merge with its audit rows, runs after the rules in a transaction of its own, not in this
snapshot (an old snapshot there could only conflict with a colleague's decision).

A server or pooler that cannot export or import (a hot standby before PostgreSQL 10, a load balancer
that sends the sessions to different servers, a statement pooler) still gives a check: every session
then reads at its own moment, as before, and the log says so.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from typing import Optional

import psycopg2
import psycopg2.extensions
from qgis.core import Qgis, QgsMessageLog

from gebiedsplugin.toolbelt.i18n import tr


class SharedSnapshot:
    """The snapshot *importers* sessions of one check read (none is shared for fewer than two)."""

    def __init__(self, store, importers: int):
        self._lock = threading.Lock()
        self._left = importers
        self._held = ExitStack()
        self.name: Optional[str] = None
        if importers < 2:
            return
        try:
            conn = self._held.enter_context(store.session())
            conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ, readonly=True)
            with conn.cursor() as cur:
                cur.execute("SELECT pg_export_snapshot()")
                self.name = str(cur.fetchone()[0])
        except psycopg2.Error as e:
            self.close()
            _log(e)

    def join(self, conn) -> bool:
        """Make the transaction *conn* begins now (REPEATABLE READ) read the shared snapshot; call before its
        first statement. False (logged; the transaction then reads at its own moment) when there is none or
        the server refuses it."""
        try:
            if self.name is None:
                return False
            try:
                with conn.cursor() as cur:
                    cur.execute("SET TRANSACTION SNAPSHOT %s", (self.name,))
                return True
            except psycopg2.Error as e:
                conn.rollback()
                _log(e)
                return False
        finally:
            with self._lock:
                self._left -= 1
                done = self._left <= 0
            if done:
                self.close()

    def close(self) -> None:
        """End the exporting transaction (when every importer has joined, or the check is over)."""
        with self._lock:
            self._held.close()


def _log(error: psycopg2.Error) -> None:
    QgsMessageLog.logMessage(tr("The check's sessions each read the programme at their own moment: {}")
                             .format(str(error).strip()), "gebiedsplugin", Qgis.MessageLevel.Warning)
