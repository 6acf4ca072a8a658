"""Write the schema-migration fixtures of the CURRENT schema version, made by the current code.

    bash scripts/with_postgis.sh .venv/bin/python scripts/make_schema_fixtures.py

writes ``tests/fixtures/programme_v<N>.gpkg`` (GeoPackageStore.create of a small Voorbeeldstad) and
``tests/fixtures/programme_v<N>_postgis.sql`` (PostgisStore.create of the same sample in schema
``gebied_fixture_v<N>``, dumped with ``pg_dump --schema=... --no-owner --no-privileges --inserts``),
where N is ``schema.SCHEMA_VERSION``. Run it once per schema version, on the last commit of that
version, and never again for an older version: the fixtures of earlier versions must be what that
version's code made. tests/fixtures/README.md records the commit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import qgis_headless

ROOT = Path(__file__).resolve().parent.parent
SEED, INTERVENTIONS = 20240613, 60


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "tests" / "fixtures"))
    parser.add_argument("--overwrite", action="store_true", help="replace existing fixtures")
    args = parser.parse_args()
    qgis_headless.start()
    from gebiedsplugin.core import schema
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    version = schema.SCHEMA_VERSION
    gpkg = out / "programme_v{}.gpkg".format(version)
    dump = out / "programme_v{}_postgis.sql".format(version)
    if not args.overwrite and (gpkg.exists() or dump.exists()):
        print("{} or {} exists; fixtures of a version are made once (--overwrite to replace).".format(gpkg, dump))
        return 1
    programme, _manifest = generate_sample(seed=SEED, interventions=INTERVENTIONS)
    GpkgStore.create(gpkg, programme.crs, programme, overwrite=True)
    print("wrote {} ({} bytes)".format(gpkg, gpkg.stat().st_size))

    env = {k: os.environ.get("GEBIED_PG_" + k.upper(), "") for k in ("host", "port", "db", "user", "password")}
    if not env["host"]:
        print("GEBIED_PG_HOST is not set: run under scripts/with_postgis.sh for the PostGIS fixture.")
        return 1
    schema_name = "gebied_fixture_v{}".format(version)
    # No password in a connection string (the stores refuse one): libpq reads PGPASSWORD instead.
    os.environ["PGPASSWORD"] = env["password"]
    connection = "host={host} port={port} dbname={db} user={user}".format(**env)
    PostgisStore.create(connection, schema_name, programme.crs, programme, overwrite=True)
    pg_env = dict(os.environ, PGPASSWORD=env["password"])
    text = subprocess.run(
        ["pg_dump", "-h", env["host"], "-p", env["port"], "-U", env["user"], "-d", env["db"],
         "--schema=" + schema_name, "--no-owner", "--no-privileges", "--inserts"],
        env=pg_env, check=True, capture_output=True, text=True).stdout
    dump.write_text(text)
    print("wrote {} ({} bytes)".format(dump, dump.stat().st_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
