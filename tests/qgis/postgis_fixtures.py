"""Fixtures of the PostGIS tests: the server from scripts/with_postgis.sh, a QGIS auth config, schemas.

The test password comes only from the environment (GEBIED_PG_PASSWORD) and goes only into the auth
DB of the test profile (.qgis-settings, with a random master password per session). Without a
server the tests skip saying how to run them; with CI=true they fail instead.
"""

from __future__ import annotations

import os
import secrets
import uuid
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

HOW = ("PostGIS tests need a server: run them as `bash scripts/with_postgis.sh .venv/bin/python -m pytest "
       "tests/qgis/test_postgis_*.py` (starts a throw-away PostgreSQL 15 + PostGIS), or set "
       "GEBIED_PG_HOST/PORT/DB/USER/PASSWORD.")
CONNECTION_NAME = "gebiedsplugin_test"


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true and no PostGIS test server: {}".format(reason))
    pytest.skip("{} {}".format(reason, HOW))


@pytest.fixture(scope="session")
def pg_env(qgis_app) -> dict:
    """Connection settings of the test server (no password in the dict)."""
    if os.environ.get("GEBIED_PG_SKIP"):
        _unavailable(os.environ["GEBIED_PG_SKIP"])
    if not os.environ.get("GEBIED_PG_HOST"):
        _unavailable("GEBIED_PG_HOST is not set.")
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        _unavailable("psycopg2 is missing (apt-get install python3-psycopg2).")
    return {k: os.environ.get("GEBIED_PG_" + k.upper(), "") for k in ("host", "port", "db", "user")}


def unlock_auth_db():
    """The test profile's auth DB with its master password set (random, made once, kept beside it, git-ignored)."""
    manager = QgsApplication.authManager()
    master_file = Path(manager.authenticationDatabasePath()).parent / "gebiedsplugin-test-master"
    if not manager.masterPasswordIsSet():
        if not master_file.exists():
            master_file.write_text(secrets.token_hex(16))
            master_file.chmod(0o600)
        if not manager.setMasterPassword(master_file.read_text().strip(), True):
            pytest.fail("The test profile's auth DB has another master password: delete {} and {}.".format(
                manager.authenticationDatabasePath(), master_file))
    return manager


def store_basic_login(name: str, user: str, password: str) -> str:
    """A Basic (user and password) auth config stored in the test profile's auth DB; its id."""
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", user)
    config.setConfig("password", password)
    ok, stored = unlock_auth_db().storeAuthenticationConfig(config)
    assert ok, "cannot store the auth config " + name
    return stored.id()


@pytest.fixture(scope="session")
def pg_authcfg(pg_env) -> str:
    """An auth config in the test profile's auth DB holding the test credentials; its id."""
    authcfg = store_basic_login("gebiedsplugin test", pg_env["user"], os.environ.get("GEBIED_PG_PASSWORD", ""))
    yield authcfg
    unlock_auth_db().removeAuthenticationConfig(authcfg)


@pytest.fixture(scope="session")
def pg_connection(pg_env, pg_authcfg) -> str:
    """A connection string with host, port, database and authcfg (no user, no password)."""
    uri = QgsDataSourceUri()
    uri.setConnection(pg_env["host"], pg_env["port"], pg_env["db"], "", "", QgsDataSourceUri.SslDisable, pg_authcfg)
    return uri.connectionInfo(False)


@pytest.fixture(scope="session")
def pg_named_connection(pg_connection) -> str:
    """The same server saved as a QGIS connection (Browser > PostgreSQL); its name."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(pg_connection, {}), CONNECTION_NAME)
    yield CONNECTION_NAME
    metadata.deleteConnection(CONNECTION_NAME)


@pytest.fixture()
def pg_schema(pg_connection):
    """A fresh schema name, dropped after the test."""
    import psycopg2
    from psycopg2 import sql

    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    name = "t_" + uuid.uuid4().hex[:10]
    yield name
    store = PostgisStore(pg_connection, name)
    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SET lock_timeout = '10s'")  # a layer still reading must not hang the suite
            cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))
        conn.commit()
    except psycopg2.Error:
        conn.rollback()  # left behind in the throw-away test database
    finally:
        conn.close()


@pytest.fixture()
def pg_sample(sample_gpkg, pg_connection, pg_schema):
    """Voorbeeldstad copied from its GeoPackage into a fresh schema: (gpkg store, postgis store, report)."""
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.transfer import gpkg_to_postgis

    source = GpkgStore.open(sample_gpkg[0])
    target, report = gpkg_to_postgis(source, pg_connection, pg_schema)
    return source, target, report


FIXTURE_SCHEMA_V1 = "gebied_fixture_v1"


def load_v1_dump(connection: str, schema_name: str, version: int = 1) -> None:
    """Restore tests/fixtures/programme_v<version>_postgis.sql (made by that version's code) as *schema_name*.

    The dump is plain SQL with --inserts; psql's \\restrict meta-commands are dropped and the
    fixture's schema name (which occurs nowhere else in the dump) is replaced.
    """
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    dump = Path(__file__).resolve().parent.parent / "fixtures" / "programme_v{}_postgis.sql".format(version)
    lines = [line for line in dump.read_text(encoding="utf-8").splitlines() if not line.startswith("\\")]
    text = "\n".join(lines).replace("gebied_fixture_v{}".format(version), schema_name)
    conn = PostgisStore(connection, schema_name).connect()
    try:
        with conn.cursor() as cur:
            cur.execute(text)
        conn.commit()
    finally:
        conn.close()


def run_on_server(connection: str, fn):
    """fn(cursor) on a connection of its own to the server (schema public), committed; what fn returns."""
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    conn = PostgisStore(connection, "public").connect()
    try:
        with conn.cursor() as cur:
            out = fn(cur)
        conn.commit()
        return out
    finally:
        conn.close()


def postgis_source(connection: str, schema_name: str) -> str:
    """The text that names the PostGIS programme *schema_name* (store/source_text.py)."""
    return "postgres:{}/{}".format(connection, schema_name)


def restored_schema(connection: str, schema_name: str, extra_schemas: list, version: int):
    """Yields the fixture programme of schema *version* restored as *schema_name* (load_v1_dump); its upgrade
    backups are put in *extra_schemas* (pg_extra_schemas drops them after the test)."""
    load_v1_dump(connection, schema_name, version=version)
    yield schema_name
    found = run_on_server(connection, lambda cur: (cur.execute(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", ("{}_v{}_backup_%".format(schema_name, version),)),
        cur.fetchall())[1])
    extra_schemas.extend(r[0] for r in found)


def sample_point_uids(store, n: int = 2) -> list:
    """The uids of the first *n* point interventions (by fid) of a PostGIS programme with a valid period and a
    priority of 1 to 3."""
    from psycopg2 import sql

    conn = store.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("SELECT uid FROM {} WHERE end_year >= start_year AND priority BETWEEN 1 AND 3 "
                                "ORDER BY fid LIMIT %s").format(sql.Identifier(store.schema_name,
                                                                               "interventions_point")), (n,))
            return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


@pytest.fixture()
def pg_extra_schemas(pg_connection):
    """A list to put schema names in (fresh programmes, backups); all dropped after the test."""
    from psycopg2 import sql

    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    names: list = []
    yield names
    conn = PostgisStore(pg_connection, "public").connect()
    try:
        with conn.cursor() as cur:
            for name in names:
                cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))
        conn.commit()
    finally:
        conn.close()
