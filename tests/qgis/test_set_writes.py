"""Set-based writes on PostGIS (#18 item 5): a save of many rows is a few statements, not a round
trip per row, and keeps every guarantee of the row-by-row save (version check, all or nothing,
audit per row, the refused row named)."""

from __future__ import annotations

import psycopg2.extensions
import pytest
from psycopg2 import sql

from gebiedsplugin.core.row_changes import DELETE, INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store.save import SaveConflict, save
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403

TABLE = "interventions_point"


class CountingCursor(psycopg2.extensions.cursor):
    """A real cursor that counts the statements it sends to the server."""

    sent = 0

    def execute(self, query, params=None):
        CountingCursor.sent += 1
        return super().execute(query, params)


@pytest.fixture()
def counted(pg_sample, monkeypatch):
    """The PostGIS sample whose store calls count the statements they send (on every connection the
    store takes, kept or new: store/pg_pool.py)."""
    from gebiedsplugin.qgis_io.store import pg_pool

    store = pg_sample[1]
    take = pg_pool.take

    def counting_take(*args):
        conn = take(*args)
        conn.cursor_factory = CountingCursor  # reset when it is given back
        return conn

    monkeypatch.setattr(pg_pool, "take", counting_take)
    CountingCursor.sent = 0
    return store


def _rows(store):
    """fid -> (title, row_version, budget), straight from the database; rows a save may write (the
    sample's planted rows with end before start are refused by the table's CHECK, so left out)."""
    conn = store.connect()
    with conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT fid, title, row_version, budget FROM {} "
                                "WHERE start_year IS NULL OR end_year IS NULL OR start_year <= end_year").format(
            sql.Identifier(store.schema_name, TABLE)))
        found = {fid: (title, version, budget) for fid, title, version, budget in cur.fetchall()}
    conn.close()
    return found


def _audit_count(store) -> int:
    conn = store.connect()
    with conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT count(*) FROM {} WHERE table_name = %s").format(
            sql.Identifier(store.schema_name, "audit_log")), (TABLE,))
        n = cur.fetchone()[0]
    conn.close()
    return n


def test_a_big_save_is_a_few_statements_and_audited_per_row(counted):
    before = _rows(counted)
    audit_before = _audit_count(counted)
    fids = sorted(before)
    changes = [RowChange(TABLE, UPDATE, fid, before[fid][1], {"title": "set {}".format(fid)}) for fid in fids]
    changes += [RowChange(TABLE, INSERT, values={"title": "new {}".format(n), "domain": "physical",
                                                 "kind": "maintenance", "theme": "green", "district_id": "noord",
                                                 "start_year": 2027, "end_year": 2028})
                for n in range(1500)]
    CountingCursor.sent = 0
    result = save(counted, changes, "anna")
    sent = CountingCursor.sent
    # Before: one UPDATE per row and one INSERT per row (>= len(changes) statements).
    assert len(changes) > 1500 + 100
    assert sent <= 10 + 2 * ((len(fids) + 999) // 1000 + 2), sent
    after = _rows(counted)
    assert result.counts[UPDATE] == len(fids) and result.counts[INSERT] == 1500
    for fid in fids:
        assert after[fid][0] == "set {}".format(fid)
        assert after[fid][1] == before[fid][1] + 1
    new = [fid for table, fid in result.inserted]
    assert [after[fid][0] for fid in new] == ["new {}".format(n) for n in range(1500)]  # fids in change order
    assert _audit_count(counted) - audit_before == len(fids) + 1500  # the triggers still log every row


def test_one_stale_row_refuses_the_whole_set_and_is_named(counted):
    before = _rows(counted)
    fids = sorted(before)
    stale = fids[len(fids) // 2]
    conn = counted.connect()
    with conn, conn.cursor() as cur:  # a colleague's save in between: the row moves to the next version
        cur.execute("SELECT set_config('gebiedsplugin.user', 'bert', false)")
        cur.execute(sql.SQL("UPDATE {} SET title = 'Bert', row_version = row_version + 1 WHERE fid = %s").format(
            sql.Identifier(counted.schema_name, TABLE)), (stale,))
    conn.close()
    changes = [RowChange(TABLE, UPDATE, fid, before[fid][1], {"title": "Anna"}, label="row {}".format(fid))
               for fid in fids[1:]]
    changes.append(RowChange(TABLE, DELETE, fids[0], before[fids[0]][1]))  # a valid delete, rolled back too
    with pytest.raises(SaveConflict) as refused:
        save(counted, changes, "anna")
    assert [c.fid for c in refused.value.conflicts] == [stale]
    assert "row {}".format(stale) in str(refused.value)
    after = _rows(counted)
    assert after[stale][0] == "Bert"
    assert all(after[fid] == before[fid] for fid in fids if fid != stale)  # nothing else written, none deleted


def test_a_set_delete_checks_each_version(counted):
    before = _rows(counted)
    fids = sorted(before)[:50]
    save(counted, [RowChange(TABLE, DELETE, fid, before[fid][1]) for fid in fids], "anna")
    after = _rows(counted)
    assert not set(fids) & set(after) and len(after) == len(before) - 50
    with pytest.raises(SaveConflict) as refused:  # deleting again: each row is gone, each named
        save(counted, [RowChange(TABLE, DELETE, fid, before[fid][1]) for fid in fids[:3]], "anna")
    assert [c.deleted for c in refused.value.conflicts] == [True, True, True]


def test_a_set_stores_each_value_as_the_row_by_row_save_did(counted):
    """Values of every kind go through the set's bulk load and come out as typed statements stored them:
    text with tabs, newlines, backslashes and a literal \\N; '' stays '' and None stays NULL; 2027.0 in an
    integer column is 2027; numpy numbers; booleans (also given as 1 / a non-empty text); a naive
    datetime is UTC."""
    import datetime

    import numpy as np

    odd = "tab\there\nnew line\r\\back \\N \u00a0\u20ac\U0001F6A7"
    before = _rows(counted)
    fids = sorted(before)[:2]
    when = datetime.datetime(2026, 5, 6, 7, 8, 9)
    values = {"title": odd, "description": "", "start_year": 2027.0, "end_year": np.int64(2029),
              "budget": np.float64(12.5), "city_wide": 1, "indicative": "yes", "needs_review": False,
              "created_at": when}
    changes = [RowChange(TABLE, UPDATE, fids[0], before[fids[0]][1], values),
               RowChange(TABLE, UPDATE, fids[1], before[fids[1]][1], dict(values, description=None, title="\\N"))]
    changes += [RowChange(TABLE, INSERT, values=dict(values, domain="physical", kind="maintenance", theme="green",
                                                     district_id="noord"))]
    result = save(counted, changes, "anna")
    new = result.inserted[0][1]
    conn = counted.connect()
    with conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT fid, title, description, start_year, end_year, budget, city_wide, indicative, "
                            "needs_review, created_at AT TIME ZONE 'UTC' FROM {} WHERE fid = ANY(%s)").format(
            sql.Identifier(counted.schema_name, TABLE)), (fids + [new],))
        found = {r[0]: r[1:] for r in cur.fetchall()}
    conn.close()
    stored = (odd, "", 2027, 2029, 12.5, True, True, False, when)
    assert found[fids[0]] == stored
    assert found[fids[1]] == ("\\N", None) + stored[2:]
    assert found[new] == stored
