"""The cleaned interventions and projects a PostGIS programme keeps for the in-database check
(store/pg_check_tables.py): after every kind of write they hold exactly what a fresh copy of the
programme gives (the per-run copy the check made before, store/pg_check_sql.snapshot), and the check
on them finds exactly what the in-memory rules find; an upgraded schema-2 programme and a current
programme made before them get them through the upgrade, and without them the check copies as before.
"""

from __future__ import annotations

import psycopg2.errors
import pytest
from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.store import (
    migrate,
    pg_check,
    pg_check_funding,
    pg_check_quality,
    pg_check_rows,
    pg_check_tables,
)
from gebiedsplugin.qgis_io.store import pg_check_sql as q
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.check_parity import assert_parity, assert_whole_check_parity
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import load_v1_dump
from tests.qgis.test_pg_check_parity import planted

_COLUMNS = {q.INTERVENTIONS: ("n", "uid", "t", "tbl", "fid", "uid0", "title", "domain", "theme", "district_id", "nbh",
                              "cw", "sy", "ey", "status", "budget", "funder", "code", "ind", "city_wide", "yok",
                              "active"),
            q.PROJECTS: ("n", "t", "fid", "code", "sy", "ey", "status", "live")}


def _run(store, statements, params=None):
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            for s in statements:
                cur.execute(s, params)
            out = cur.fetchall() if cur.description else None
        conn.commit()
        return out
    finally:
        conn.close()


def _differences(store) -> dict:
    """kept table -> rows that differ (either way) from a fresh copy of the programme's rows, made by the
    statements of a programme without kept tables (geometry compared as its bytes)."""
    fresh = {q.INTERVENTIONS: "gp_i", q.PROJECTS: "gp_p"}
    out = {}
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            for statement in q.snapshot(store.schema_name, kept=False)[:2]:
                cur.execute(statement)
            for kept, copy in fresh.items():
                cols = sql.SQL(", ").join(map(sql.Identifier, _COLUMNS[kept])) + sql.SQL(", ST_AsEWKB(g)")
                one, two = sql.Identifier(store.schema_name, kept), sql.Identifier(copy)
                cur.execute(sql.SQL("(SELECT {c} FROM {a} EXCEPT ALL SELECT {c} FROM {b}) UNION ALL "
                                    "(SELECT {c} FROM {b} EXCEPT ALL SELECT {c} FROM {a})").format(
                    c=cols, a=one, b=two))
                out[kept] = cur.fetchall()
                cur.execute(sql.SQL("SELECT count(*) FROM {}").format(one))
                out[kept + " rows"] = cur.fetchone()[0]
            # the funding rows by intervention: every funding row with each fresh intervention of its cleaned
            # uid, or once without one
            cols = sql.SQL("f, uid, n, year, amount, funder")
            funding = sql.SQL("SELECT fu.fid AS f, fu.u AS uid, i.n, fu.year, fu.amount, fu.funder FROM ("
                              "SELECT fid, {u} AS u, year, amount, {f} AS funder FROM {t}) fu "
                              "LEFT JOIN gp_i i ON i.uid = fu.u").format(
                u=q.clean("intervention_uid"), f=q.clean("funder"), t=_table("funding", store))
            kept = _table(pg_check_funding.FUNDING, store)
            cur.execute(sql.SQL("(SELECT {c} FROM {k} EXCEPT ALL {fresh}) UNION ALL ({fresh} EXCEPT ALL "
                                "SELECT {c} FROM {k})").format(c=cols, k=kept, fresh=funding))
            out[pg_check_funding.FUNDING] = cur.fetchall()
            cur.execute(sql.SQL("SELECT count(*) FILTER (WHERE n IS NOT NULL), count(*) FROM {}").format(kept))
            out[pg_check_funding.FUNDING + " rows"] = cur.fetchone()
            out.update(_quality_differences(store, cur))
        conn.rollback()
    finally:
        conn.close()
    return out


def _quality_differences(store, cur) -> dict:
    """data_quality's kept rows against the rows the selection tests per row on the programme's own tables
    (a programme without them), and the uids used twice against a count of the tables' cleaned uids."""
    kept = set()
    if pg_check_tables.level(cur, store.schema_name) < pg_check_tables.QUALITY_FROM:
        return {}
    for level in (0, pg_check_tables.QUALITY_FROM):
        for statement in pg_check_rows.selection(store.schema_name, ["data_quality"], level):
            cur.execute(statement, pg_check_rows.selection_params(0.0))
        cur.execute("SELECT tbl, fid FROM gp_keep")
        kept ^= set(cur.fetchall())
        cur.execute("DROP TABLE gp_keep")
    cur.execute(sql.SQL("SELECT uid FROM {}").format(_table(pg_check_quality.DUPLICATES, store)))
    found = sorted(r[0] for r in cur.fetchall())
    cur.execute(sql.SQL("SELECT u FROM ({}) x WHERE u IS NOT NULL GROUP BY u HAVING count(*) > 1 ORDER BY u").format(
        sql.SQL(" UNION ALL ").join(sql.SQL("SELECT {} AS u FROM {}").format(q.clean("uid"), _table(t, store))
                                    for t in schema.INTERVENTION_TABLES)))
    fresh = [r[0] for r in cur.fetchall()]
    cur.execute(sql.SQL("SELECT count(*) FROM {}").format(_table(pg_check_quality.SUSPECTS, store)))
    return {"quality rows": sorted(kept), "duplicate uids": (found, fresh),
            "suspects": cur.fetchone()[0]}


def _assert_kept_is_fresh(store, projects: bool = True) -> None:
    found = _differences(store)
    assert found[q.INTERVENTIONS] == [] and found[q.PROJECTS] == [] and found[pg_check_funding.FUNDING] == []
    assert found["quality rows"] == []
    assert found["duplicate uids"][0] == found["duplicate uids"][1]
    assert found[q.INTERVENTIONS + " rows"] > 0 and (found[q.PROJECTS + " rows"] > 0) == projects


def _uses_kept(store) -> bool:
    timings: dict = {}
    pg_check.run_in_database(store, ["unknown_programme_code"], None, store.settings(), timings=timings)
    assert ("areas" in timings) != ("snapshot" in timings)
    return "areas" in timings


@pytest.fixture()
def planted_store(pg_connection, pg_schema):
    return PostgisStore.create(pg_connection, pg_schema, programme=planted())


def _table(name, store):
    return sql.Identifier(store.schema_name, name)


def test_a_new_programme_keeps_them_and_the_check_reads_them(planted_store):
    assert _uses_kept(planted_store)
    _assert_kept_is_fresh(planted_store)
    assert _run(planted_store, [sql.SQL("SELECT count(*) FROM {}").format(_table(q.INTERVENTIONS, planted_store))])[0][
        0] == sum(planted_store.counts()[t] for t in schema.INTERVENTION_TABLES)


def test_writes_after_the_migration_keep_them_current(planted_store):
    """Edits as any client makes them (plain SQL, row_version bumped as the guard wants): cleaned values
    that change, a geometry made invalid, a uid removed, an insert, a delete, a truncate."""
    s = planted_store
    point, poly = _table("interventions_point", s), _table("interventions_polygon", s)
    bump = sql.SQL("row_version = row_version + 1")
    _run(s, [
        # a cleaned value changes: the code gets padding (same finding), another one an unknown code
        sql.SQL("UPDATE {} SET programme_code = '  P1 ', {b} WHERE uid = 'c-inside'").format(point, b=bump),
        sql.SQL("UPDATE {} SET programme_code = ' P7\u3000', {b} WHERE uid = 'n-at-25'").format(point, b=bump),
        # blank theme and status, cancelled, moved into the other district, a blank uid (-> table#fid)
        sql.SQL("UPDATE {} SET theme = ' \t', status = 'cancelled ', {b} WHERE uid = 'n-beyond'").format(point, b=bump),
        sql.SQL("UPDATE {} SET geom = ST_SetSRID(ST_MakePoint(1500, 500), 28992), {b} "
                "WHERE uid = 'n-year-out'").format(point, b=bump),
        # a self-crossing polygon (made valid by the check, as shapely's make_valid)
        sql.SQL("UPDATE {} SET geom = ST_Multi(ST_GeomFromText('POLYGON((0 0, 400 400, 400 0, 0 400, 0 0))', 28992)), "
                "{b} WHERE fid = (SELECT min(fid) FROM {})").format(poly, poly, b=bump),
        sql.SQL("INSERT INTO {} (uid, title, domain, kind, theme, district_id, neighbourhood_id, start_year, end_year, "
                "status, programme_code, geom, row_version) VALUES ('new-1', ' Nieuw ', 'physical', 'maintenance', "
                "'greenery', 'east', 'e1', 2026, 2026, 'planned', 'P9', "
                "ST_SetSRID(ST_MakePoint(1200, 300), 28992), 1)").format(point),
        sql.SQL("UPDATE {} SET row_version = -(row_version + 1) WHERE uid = 'c-unknown'").format(point),
        sql.SQL("DELETE FROM {} WHERE uid = 'c-unknown'").format(point),
    ])
    _assert_kept_is_fresh(s)
    rows = dict(_run(s, [sql.SQL("SELECT uid, code FROM {} WHERE uid IN ('c-inside', 'n-at-25', 'new-1', 'c-unknown')")
                         .format(_table(q.INTERVENTIONS, s))]))
    assert rows == {"c-inside": "P1", "n-at-25": "P7", "new-1": "P9"}  # by hand from the edits above
    found = assert_parity(s)
    unknown = {f.subject_uids for f in found if f.rule == "unknown_programme_code"}
    assert ("n-at-25",) in unknown and ("new-1",) in unknown and ("c-unknown",) not in unknown
    assert_whole_check_parity(s)
    # a truncate (no row triggers) empties its table's kept rows only
    _run(s, [sql.SQL("TRUNCATE {}").format(_table("programme_projects_polygon", s)),
             sql.SQL("TRUNCATE {}").format(_table("interventions_line", s))])
    _assert_kept_is_fresh(s, projects=False)  # the planted projects are all polygons
    assert_parity(s)


def _funding_of(store) -> dict:
    """The kept funding rows: their funding row's amount -> the uids of the interventions they count for."""
    rows = _run(store, [sql.SQL("SELECT c.amount, i.uid FROM {} c LEFT JOIN {} i ON i.n = c.n").format(
        _table(pg_check_funding.FUNDING, store), _table(q.INTERVENTIONS, store))])
    out: dict = {}
    for amount, uid in rows:
        out.setdefault(amount, set()).add(uid)
    return out


def test_writes_keep_the_funding_rows_by_intervention_current(planted_store):
    """check_funding after writes to the funding rows and to the interventions they name: equal to a fresh
    join (in _differences), and the matches worked out by hand."""
    s = planted_store
    point, funding = _table("interventions_point", s), _table("funding", s)
    bump = sql.SQL("row_version = row_version + 1")
    assert _funding_of(s) == {10.0: {"f-e"}, 50.0: {"f-i"}}
    _run(s, [
        # funding rows: for a known uid (padded), an unknown one, a blank one; one moved to another intervention
        sql.SQL("INSERT INTO {} (intervention_uid, year, funder, amount, uid) VALUES (' f-a ', 2025, 'eu', 1, 'fu-1'), "
                "('later', 2026, 'eu', 200, 'fu-2'), (' ', 2026, 'eu', 3, 'fu-3')").format(funding),
        sql.SQL("UPDATE {} SET intervention_uid = 'f-h', funder = ' region ', {b} WHERE amount = 50").format(
            funding, b=bump),
    ])
    _assert_kept_is_fresh(s)
    assert _funding_of(s) == {1.0: {"f-a"}, 200.0: {None}, 3.0: {None}, 10.0: {"f-e"}, 50.0: {"f-h"}}
    _run(s, [
        # the intervention a funding row waited for arrives; one renamed loses its rows; a second one takes
        # f-h's uid (both get its rows); f-e removed
        sql.SQL("INSERT INTO {} (uid, title, domain, kind, theme, district_id, neighbourhood_id, start_year, end_year, "
                "status, geom, row_version) VALUES ('later', 'Later', 'social', 'maintenance', 'greenery', 'east', "
                "'e1', 2026, 2026, 'planned', ST_SetSRID(ST_MakePoint(1200, 300), 28992), 1)").format(point),
        sql.SQL("UPDATE {} SET uid = 'f-a2', {b} WHERE uid = 'f-a'").format(point, b=bump),
        sql.SQL("UPDATE {} SET uid = ' f-h', {b} WHERE uid = 'f-i'").format(point, b=bump),
        sql.SQL("UPDATE {} SET row_version = -(row_version + 1) WHERE uid = 'f-e'").format(point),
        sql.SQL("DELETE FROM {} WHERE uid = 'f-e'").format(point),
    ])
    _assert_kept_is_fresh(s)
    rows = _run(s, [sql.SQL("SELECT c.amount, count(c.n) FROM {} c GROUP BY c.amount ORDER BY 1").format(
        _table(pg_check_funding.FUNDING, s))])
    assert rows == [(1.0, 0), (3.0, 0), (10.0, 0), (50.0, 2), (200.0, 1)]
    assert _funding_of(s) == {1.0: {None}, 200.0: {"later"}, 3.0: {None}, 10.0: {None}, 50.0: {"f-h"}}
    # f-i back (a uid used twice: tests/qgis/test_pg_check_uid_twice.py)
    _run(s, [sql.SQL("UPDATE {} SET uid = 'f-i', {b} WHERE uid = ' f-h'").format(point, b=bump)])
    _assert_kept_is_fresh(s)
    assert _funding_of(s) == {1.0: {None}, 200.0: {"later"}, 3.0: {None}, 10.0: {None}, 50.0: {"f-h"}}
    found = assert_parity(s)
    # east 2026 has 100: 'later' brings 200 by its funding row, found only through the row it waited for
    assert ("later",) in {f.subject_uids for f in found if f.rule == "budget_exceeded"}
    assert_whole_check_parity(s)
    # a funding row deleted; the funding table truncated; an intervention table truncated
    _run(s, [sql.SQL("UPDATE {} SET row_version = -(row_version + 1) WHERE amount = 200").format(funding),
             sql.SQL("DELETE FROM {} WHERE amount = 200").format(funding)])
    _assert_kept_is_fresh(s)
    assert 200.0 not in _funding_of(s)
    _run(s, [sql.SQL("TRUNCATE {}").format(point)])
    _assert_kept_is_fresh(s)
    assert _funding_of(s) == {1.0: {None}, 3.0: {None}, 10.0: {None}, 50.0: {None}}
    _run(s, [sql.SQL("TRUNCATE {}").format(funding)])
    _assert_kept_is_fresh(s)
    assert _funding_of(s) == {}
    assert_parity(s)


def _quality_read(store) -> list:
    """The names (uid, or project code) of the rows data_quality's selection reads from the kept tables."""
    names = sql.SQL(" UNION ALL ").join(
        sql.SQL("SELECT {t}, fid, {n} FROM {table}").format(t=sql.Literal(t), table=_table(t, store),
                                                          n=sql.Identifier("uid" if t in schema.INTERVENTION_TABLES
                                                                           else "programme_code"))
        for t in schema.INTERVENTION_TABLES + schema.PROJECT_TABLES)
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            level = pg_check_tables.VERSION_NUMBER
            for statement in pg_check_rows.selection(store.schema_name, ["data_quality"], level):
                cur.execute(statement, pg_check_rows.selection_params(0.0))
            cur.execute(sql.SQL("SELECT x.n FROM gp_keep k JOIN ({}) x (tbl, fid, n) USING (tbl, fid) "
                                "ORDER BY 1").format(names))
            return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


def test_writes_keep_the_rows_data_quality_needs_current(planted_store):
    """check_suspects and check_duplicate_uids after writes to interventions, projects and districts: the
    rows the selection reads from them equal those it tests per row on the programme's tables (in
    _differences), and the rows worked out by hand. The planted programme has no data-quality problem;
    the districts West and East together are the city outline (no `city` row): box(0, 0, 2000, 1000)."""
    s = planted_store
    point, projects, districts = _table("interventions_point", s), _table("programme_projects_polygon", s), \
        _table("districts", s)
    bump = sql.SQL("row_version = row_version + 1")
    assert _quality_read(s) == []
    insert = sql.SQL("INSERT INTO {} (uid, title, domain, kind, theme, district_id, neighbourhood_id, start_year, "
                     "end_year, status, geom, row_version) VALUES (%s, %s, 'physical', 'maintenance', 'greenery', "
                     "'west', 'w1', 2026, 2026, 'planned', ST_SetSRID(ST_MakePoint(%s, %s), 28992), 1)").format(point)
    for values in (("q-blank", " \u3000 ", 400, 400),  # a title of whitespace only: a missing field
                   ("q-edge", "Edge", 0, 500),  # on the outline: not properly inside
                   ("q-out", "Out", 3000, 500),  # outside the city
                   ("q-fine", "Fine", 410, 400),
                   (" d-wrong ", "Twice", 420, 400)):  # d-wrong's uid, cleaned, a second time
        _run(s, [insert], values)
    _assert_kept_is_fresh(s)
    assert _quality_read(s) == [" d-wrong ", "d-wrong", "q-blank", "q-edge", "q-out"]
    # a `city` row around everything: the outline changes, q-edge and q-out lie inside it
    _run(s, [sql.SQL("INSERT INTO {} (district_id, name, geom, row_version) VALUES ('city', 'Stad', "
                     "ST_Multi(ST_MakeEnvelope(-100, -100, 3500, 1100, 28992)), 1)").format(districts)])
    _assert_kept_is_fresh(s)
    assert _quality_read(s) == [" d-wrong ", "d-wrong", "q-blank"]
    outline = _run(s, [sql.SQL("SELECT md5 FROM {}").format(_table(pg_check_quality.OUTLINE, s))])
    # a district renamed: the same outline, nothing tested again
    _run(s, [sql.SQL("UPDATE {} SET name = 'Westelijk', {b} WHERE district_id = 'west'").format(districts, b=bump)])
    assert _run(s, [sql.SQL("SELECT md5 FROM {}").format(_table(pg_check_quality.OUTLINE, s))]) == outline
    # fixed: the title given, the second uid changed; a project loses its theme
    _run(s, [sql.SQL("UPDATE {} SET title = 'Blank no more', {b} WHERE uid = 'q-blank'").format(point, b=bump),
             sql.SQL("UPDATE {} SET uid = 'q-twice', {b} WHERE uid = ' d-wrong '").format(point, b=bump),
             sql.SQL("UPDATE {} SET theme = ' ', {b} WHERE programme_code = 'P2'").format(projects, b=bump)])
    _assert_kept_is_fresh(s)
    assert _quality_read(s) == ["P2"]
    whole = assert_parity(s)
    assert_whole_check_parity(s)
    # the `city` row deleted: the districts' outline again
    _run(s, [sql.SQL("UPDATE {} SET row_version = -(row_version + 1) WHERE district_id = 'city'").format(districts),
             sql.SQL("DELETE FROM {} WHERE district_id = 'city'").format(districts)])
    _assert_kept_is_fresh(s)
    assert _quality_read(s) == ["P2", "q-edge", "q-out"]
    # deleted, truncated
    _run(s, [sql.SQL("UPDATE {} SET row_version = -(row_version + 1) WHERE uid = 'q-out'").format(point),
             sql.SQL("DELETE FROM {} WHERE uid = 'q-out'").format(point)])
    _assert_kept_is_fresh(s)
    assert _quality_read(s) == ["P2", "q-edge"]
    _run(s, [sql.SQL("TRUNCATE {}").format(point)])
    _assert_kept_is_fresh(s)
    assert _quality_read(s) == ["P2"]
    assert whole and assert_parity(s)


def drop_quality(store) -> list:
    """Statements that take away what version 3 of the kept tables added (a programme of version 2 lacks it)."""
    out = [sql.SQL("DROP TRIGGER {} ON {}").format(sql.Identifier(name), _table("districts", store))
           for name, _event, _referencing in q.SYNC_TRIGGERS]
    out.append(sql.SQL("DROP FUNCTION {}()").format(_table("gebied_check_districts", store)))
    return out + [sql.SQL("DROP TABLE {}").format(_table(t, store)) for t in pg_check_quality.TABLES]


def drop_kept(store) -> None:
    """What a current (schema 3) programme made before the kept tables has: none of them."""
    statements = []
    for kept, (tables, _rows) in pg_check_tables.KEPT.items():
        for table in tables:
            for name, _event, _referencing in q.SYNC_TRIGGERS:
                statements.append(sql.SQL("DROP TRIGGER {} ON {}").format(sql.Identifier(name), _table(table, store)))
            statements.append(sql.SQL("DROP FUNCTION {}()").format(_table("gebied_check_" + table, store)))
        statements.append(sql.SQL("DROP TABLE {}").format(_table(kept, store)))
    for name, _event, _referencing in q.SYNC_TRIGGERS:
        statements.append(sql.SQL("DROP TRIGGER {} ON {}").format(sql.Identifier(name), _table("funding", store)))
    statements += drop_quality(store)
    statements += [sql.SQL("DROP TABLE {}").format(_table(pg_check_funding.FUNDING, store)),
                   sql.SQL("DROP FUNCTION {}()").format(_table("gebied_check_funding", store)),
                   sql.SQL("DELETE FROM {} WHERE key = 'check_tables'").format(_table("schema_info", store))]
    _run(store, statements)


def test_a_current_programme_without_them_is_copied_then_upgraded(planted_store):
    s = planted_store
    drop_kept(s)
    assert not _uses_kept(s)
    before = assert_parity(s)
    assert_whole_check_parity(s)
    result = migrate.upgrade(s.path)
    assert result["check_tables"] and result["from"] == result["to"] == schema.SCHEMA_VERSION
    assert result["backup"] is None
    assert _uses_kept(s)
    _assert_kept_is_fresh(s)
    assert assert_parity(s) == before
    assert_whole_check_parity(s)
    again = migrate.upgrade(s.path)
    assert "check_tables" not in again and again["from"] == again["to"]


def test_an_older_set_of_them_is_copied_then_made_anew_by_the_upgrade(planted_store):
    """A programme with the first set (version 1: no check_funding) is checked by a copy per run until the
    upgrade makes the current set."""
    s = planted_store
    for name, _event, _referencing in q.SYNC_TRIGGERS:
        _run(s, [sql.SQL("DROP TRIGGER {} ON {}").format(sql.Identifier(name), _table("funding", s))])
    _run(s, [sql.SQL("DROP TABLE {}").format(_table(pg_check_funding.FUNDING, s)),
             sql.SQL("UPDATE {} SET value = '1' WHERE key = 'check_tables'").format(_table("schema_info", s))])
    assert not _uses_kept(s)
    before = assert_parity(s)
    result = migrate.upgrade(s.path)
    assert result["check_tables"] and result["backup"] is None
    assert _uses_kept(s)
    _assert_kept_is_fresh(s)
    assert assert_parity(s) == before


def _version_2(store) -> None:
    """What a programme whose kept tables were made by the plugin before version 3 has."""
    _run(store, drop_quality(store) + [sql.SQL("UPDATE {} SET value = '2' WHERE key = 'check_tables'").format(
        _table("schema_info", store))])
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            assert pg_check_tables.level(cur, store.schema_name) == pg_check_tables.JOINS_FROM
    finally:
        conn.close()


def test_a_set_of_version_2_is_read_by_the_join_rules_and_completed_on_open(planted_store, qgis_app):
    """A set of version 2 (no rows kept for data_quality) serves the join rules; the selection tests every row
    as before; opening the programme in QGIS adds the rest, without a question and without a backup."""
    from gebiedsplugin.qgis_io.open_task import OpenProgrammeTask

    s = planted_store
    _run(s, [sql.SQL("UPDATE {} SET title = ' ', row_version = row_version + 1 WHERE uid = 'c-inside'").format(
        _table("interventions_point", s))])
    _version_2(s)
    assert _uses_kept(s)
    before = assert_parity(s)
    assert_whole_check_parity(s)
    task = OpenProgrammeTask(s.path, "en", lambda _task: None)
    assert task.run() and task.error is None
    assert pg_check_tables.kept_by(s)
    _assert_kept_is_fresh(s)
    assert _quality_read(s) == ["c-inside"]
    assert assert_parity(s) == before
    assert_whole_check_parity(s)
    assert "check_tables" not in migrate.upgrade(s.path)  # nothing left to do


def test_a_set_of_version_2_is_completed_by_a_check_in_the_database_unless_a_save_holds_the_tables(planted_store):
    """Scripts and Processing open a programme without the open task: the check in the database completes the set
    first (the quick path: a 2 s lock timeout); while a colleague's save holds the tables it is left for later
    (logged), and the check runs on set 2 as before."""
    from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check

    s = planted_store
    _version_2(s)
    run_check(CheckRequest(s.path, write=False, in_database=False))  # in memory: nothing to add
    assert pg_check_tables.kept_by(s) is False
    colleague = s.connect()
    try:
        with colleague.cursor() as cur:  # what a save under way holds (_version_2's triggers are set 3's: no write)
            cur.execute(sql.SQL("LOCK TABLE {} IN ROW EXCLUSIVE MODE").format(_table("interventions_point", s)))
        assert_whole_check_parity(s)
        assert pg_check_tables.kept_by(s) is False
    finally:
        colleague.rollback()
        colleague.close()
    found = assert_whole_check_parity(s)
    assert pg_check_tables.kept_by(s)
    _assert_kept_is_fresh(s)
    assert "check_tables" not in migrate.upgrade(s.path)
    assert found


def test_a_set_of_version_2_is_completed_by_the_upgrade(planted_store):
    s = planted_store
    _version_2(s)
    result = migrate.upgrade(s.path)
    assert result["check_tables"] and result["backup"] is None and result["from"] == result["to"]
    assert pg_check_tables.kept_by(s)
    _assert_kept_is_fresh(s)


def test_an_upgraded_schema_2_programme_keeps_them(pg_connection, pg_schema, pg_extra_schemas):
    load_v1_dump(pg_connection, pg_schema, version=2)
    store = PostgisStore(pg_connection, pg_schema)
    result = migrate.upgrade(store.path, backup=False)
    assert (result["from"], result["to"]) == (2, schema.SCHEMA_VERSION)
    store = PostgisStore.open(pg_connection, pg_schema)
    assert _uses_kept(store)
    _assert_kept_is_fresh(store)
    assert_parity(store)
    # and a write after the upgrade reaches them
    _run(store, [sql.SQL("UPDATE {} SET title = ' Opnieuw  ', row_version = row_version + 1 "
                         "WHERE fid = (SELECT min(fid) FROM {})").format(
        _table("interventions_point", store), _table("interventions_point", store))])
    _assert_kept_is_fresh(store)
    assert_parity(store)


def test_an_editor_with_rights_on_the_programme_tables_only_can_save(planted_store):
    """A planner granted the intervention table and the audit log (per-table grants that do not name the kept
    tables) saves;
    the kept rows follow, written with their owner's rights."""
    s = planted_store
    role = sql.Identifier("gp_editor_" + s.schema_name)
    point = _table("interventions_point", s)
    here = sql.Identifier(s.schema_name)
    try:  # the throw-away server's test role may create roles (scripts/with_postgis.sh); another server's may not
        _run(s, [sql.SQL("CREATE ROLE {} NOLOGIN").format(role)])
    except psycopg2.errors.InsufficientPrivilege as e:
        pytest.skip("the test server's role cannot create roles: {}".format(e))
    _run(s, [sql.SQL("GRANT {} TO CURRENT_USER").format(role),
             sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(sql.Identifier(s.schema_name), role),
             sql.SQL("GRANT SELECT, UPDATE ON {} TO {}").format(point, role),
             # what the audit trigger (the writer's rights, by design) needs
             sql.SQL("GRANT INSERT ON {} TO {}").format(_table("audit_log", s), role),
             sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(sql.Identifier(s.schema_name), role)])
    try:
        _run(s, [sql.SQL("SET ROLE {}").format(role),
                 sql.SQL("UPDATE {} SET programme_code = ' P9 ', row_version = row_version + 1 "
                         "WHERE uid = 'c-inside'").format(point),
                 sql.SQL("RESET ROLE")])
        code = _run(s, [sql.SQL("SELECT code FROM {} WHERE uid = 'c-inside'").format(_table(q.INTERVENTIONS, s))])
        assert code == [("P9",)]
        _assert_kept_is_fresh(s)
    finally:
        _run(s, [sql.SQL("REVOKE ALL ON {} FROM {}").format(point, role),
                 sql.SQL("REVOKE ALL ON {} FROM {}").format(_table("audit_log", s), role),
                 sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}").format(here, role),
                 sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(here, role),
                 sql.SQL("DROP ROLE {}").format(role)])
