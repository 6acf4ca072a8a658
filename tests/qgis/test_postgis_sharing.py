"""Shared editing on PostGIS: two real connections, no lost updates, an audit trail, moving programmes."""

from __future__ import annotations

import psycopg2
import pytest
from psycopg2 import sql

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from gebiedsplugin.qgis_io.store.transfer import programme_ids, to_gpkg
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import sample_point_uids

TABLE = "interventions_point"


def _feature(layer, uid: str):
    return next(layer.getFeatures("\"uid\" = '{}'".format(uid)))


def _title(store, uid: str) -> tuple:
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT title, row_version, modified_by FROM {} WHERE uid = %s").format(
            sql.Identifier(store.schema_name, TABLE)), (uid,))
        found = cur.fetchone()
    conn.close()
    return found


def test_two_connections_optimistic_locking(pg_sample):
    _, source, _ = pg_sample
    anna = PostgisStore(source.connection, source.schema_name, user="anna")
    bert = PostgisStore(source.connection, source.schema_name, user="bert")
    uid_a, uid_b = sample_point_uids(anna)
    ca, cb = anna.connect(), bert.connect()
    table = sql.Identifier(anna.schema_name, TABLE)
    read = sql.SQL("SELECT row_version FROM {} WHERE uid = %s").format(table)
    # Any writer follows the protocol: write the version read plus one; the guard refuses the rest.
    save = sql.SQL("UPDATE {} SET title = %s, row_version = %s + 1 WHERE uid = %s").format(table)
    with ca.cursor() as a, cb.cursor() as b:
        a.execute(read, (uid_a,))
        va = a.fetchone()[0]
        b.execute(read, (uid_a,))
        vb = b.fetchone()[0]
        a.execute(save, ("by anna", va, uid_a))
        ca.commit()
        with pytest.raises(psycopg2.Error) as refused:
            b.execute(save, ("by bert", vb, uid_a))
        cb.rollback()
        assert "changed by anna at" in str(refused.value)
        assert refused.value.pgcode == "40001"
        b.execute(read, (uid_b,))
        b.execute(save, ("by bert", b.fetchone()[0], uid_b))
        cb.commit()
    ca.close()
    cb.close()
    assert _title(anna, uid_a) == ("by anna", 2, "anna")
    assert _title(anna, uid_b) == ("by bert", 2, "bert")


def test_audit_trail_records_every_change(pg_sample):
    _, source, _ = pg_sample
    anna = PostgisStore(source.connection, source.schema_name, user="anna")
    uid = sample_point_uids(anna, 1)[0]
    assert [e["operation"] for e in anna.audit_trail(uid)] == ["INSERT"]  # the copy itself
    conn = anna.connect()
    table = sql.Identifier(anna.schema_name, TABLE)
    with conn.cursor() as cur:
        bump = sql.SQL("row_version = row_version + 1")
        cur.execute(sql.SQL("UPDATE {} SET budget = %s, {} WHERE uid = %s").format(table, bump), (1234.5, uid))
        cur.execute(sql.SQL("UPDATE {} SET geom = ST_Translate(geom, 5, 0), {} WHERE uid = %s").format(table, bump),
                    (uid,))
        with pytest.raises(psycopg2.Error, match="may only be deleted with the row_version"):
            cur.execute(sql.SQL("DELETE FROM {} WHERE uid = %s").format(table), (uid,))
        conn.rollback()
    conn.close()
    conn = anna.connect()
    with conn.cursor() as cur:
        bump = sql.SQL("row_version = row_version + 1")
        cur.execute(sql.SQL("UPDATE {} SET budget = %s, {} WHERE uid = %s").format(table, bump), (1234.5, uid))
        cur.execute(sql.SQL("UPDATE {} SET geom = ST_Translate(geom, 5, 0), {} WHERE uid = %s").format(table, bump),
                    (uid,))
        # A delete states the version read by marking the row with its negated next version first.
        cur.execute(sql.SQL("UPDATE {} SET row_version = -(row_version + 1) WHERE uid = %s").format(table), (uid,))
        cur.execute(sql.SQL("DELETE FROM {} WHERE uid = %s").format(table), (uid,))
    conn.commit()
    conn.close()
    trail = anna.audit_trail(uid)
    assert [e["operation"] for e in trail] == ["INSERT", "UPDATE", "UPDATE", "DELETE"]
    assert all(e["changed_by"] == "anna" for e in trail[1:])
    assert trail[1]["new"]["budget"] == 1234.5 and trail[1]["old"]["budget"] != 1234.5
    assert not trail[1]["geometry_changed"] and trail[2]["geometry_changed"]
    assert trail[3]["new"] is None and trail[3]["old"]["uid"] == uid
    assert trail[1]["changed_at"] <= trail[3]["changed_at"]


def test_copy_round_trip_keeps_counts_ids_and_findings(pg_sample, tmp_path):
    gpkg, pg, report = pg_sample
    counts = gpkg.counts()
    assert report["counts"]["interventions_point"] == counts["interventions_point"] > 0
    back, back_report = to_gpkg(pg, tmp_path / "offline.gpkg")
    for table, n in counts.items():
        if table not in ("schema_info", "findings"):
            assert pg.counts()[table] == n == back.counts()[table], table
    p_gpkg, p_pg, p_back = gpkg.read_programme(), pg.read_programme(), back.read_programme()
    assert programme_ids(p_gpkg) == programme_ids(p_pg) == programme_ids(p_back)
    assert p_pg.settings == p_gpkg.settings
    print("copy gpkg->postgis {:.2f} s, postgis->gpkg {:.2f} s".format(report["seconds"], back_report["seconds"]))


def test_check_gives_the_same_findings_on_both_stores(pg_sample, tmp_path):
    rules = pytest.importorskip("gebiedsplugin.core.rules", reason="the programme check is not in this checkout")
    gpkg, pg, _ = pg_sample
    back, _ = to_gpkg(pg, tmp_path / "offline.gpkg")

    def key(store):
        return [(f.finding_id, f.rule, f.severity, f.district_id, f.message, f.subject_uids)
                for f in rules.run_rules(store.read_programme())]

    expected = key(gpkg)
    assert expected, "the sample has planted findings"
    assert key(pg) == expected
    assert key(back) == expected


def test_copy_refuses_an_existing_target(pg_sample):
    from gebiedsplugin.core.errors import ProgrammeError
    from gebiedsplugin.qgis_io.store.transfer import gpkg_to_postgis

    gpkg, pg, _ = pg_sample
    with pytest.raises(ProgrammeError, match="already exists"):
        gpkg_to_postgis(gpkg, pg.connection, pg.schema_name)
    assert isinstance(gpkg, GpkgStore)


def test_copy_algorithm_both_ways(pg_sample, provider, tmp_path):
    import processing

    from gebiedsplugin.qgis_io.store.open import open_store

    gpkg, pg, _ = pg_sample
    assert open_store(pg.path).counts() == pg.counts()  # the path names the programme, no password
    out = tmp_path / "area_day.gpkg"
    result = processing.run("gebiedsplugin:copy_programme", {"INPUT": pg.path, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and GpkgStore.open(out).counts()["districts"] == gpkg.counts()["districts"]
    target = pg.path + "_back"
    result = processing.run("gebiedsplugin:copy_programme", {"INPUT": str(out), "OUTPUT": target})
    back = open_store(result["OUTPUT"])
    try:
        assert programme_ids(back.read_programme()) == programme_ids(gpkg.read_programme())
    finally:
        conn = back.connect()
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(back.schema_name)))
        conn.commit()
        conn.close()
