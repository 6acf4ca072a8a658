"""What keeping PostgreSQL connections between store calls (store/pg_pool.py) saves: a planner's open,
check and save of a 10,000-intervention PostGIS programme, with a password login (a QGIS Basic auth
config, the server of scripts/with_postgis.sh, no TLS) and with a client certificate (an Identity-Cert
auth config, the certificate-only TLS server of tests/qgis/pki_server.py, QGIS's trusted authorities
handed to libpq on every connect).

Each measurement is a fresh process running the plugin code of a given checkout (``--old``: a copy of
main, e.g. ``git archive main | tar -x -C /tmp/old``; the new one is this checkout), old and new in
turns, each first in turn. A child prints its wall time per step, its CPU seconds (user + sys) and how
many psycopg2 connections the plugin opened. Not part of ``make bench`` (it starts a server of its own).

Usage: bash scripts/with_postgis.sh .venv/bin/python scripts/bench_pg_connections.py --old /tmp/old [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess  # nosec B404 - fixed argument lists
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE, EDITS, SCHEMA = 10000, 50, "bench_conn_10k"


def _qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword(os.environ["GEBIED_BENCH_MASTER"], True)
    return app


def child(connection: str) -> int:
    """One planner's open, check and save; a JSON line of what it took."""
    import psycopg2

    opened = [0]
    connect = psycopg2.connect

    def counting(*args, **kwargs):
        opened[0] += 1
        return connect(*args, **kwargs)

    psycopg2.connect = counting
    app = _qgis()  # noqa: F841 - kept alive for the run
    from gebiedsplugin.core import schema
    from gebiedsplugin.core.row_changes import UPDATE, RowChange
    from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
    from gebiedsplugin.qgis_io.loader import build_layers
    from gebiedsplugin.qgis_io.store.open import open_store
    from gebiedsplugin.qgis_io.store.save import save

    path = "postgres:{}/{}".format(connection, SCHEMA)
    times = {}
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    store = open_store(path)
    build_layers(store, "en")
    store.value_lists()
    times["open"] = time.perf_counter() - t
    t = time.perf_counter()
    result = run_check(CheckRequest(path))
    times["check"] = time.perf_counter() - t
    t = time.perf_counter()
    rows, _, fids = store.read_table(schema.INTERVENTION_TABLES[0])
    changes = [RowChange(schema.INTERVENTION_TABLES[0], UPDATE, fid, row["row_version"],
                         {"title": (row["title"] or "") + " *"}) for row, fid in list(zip(rows, fids))[:EDITS]]
    save(store, changes, "bench")
    times["save"] = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    times["total"] = sum(times.values())
    print(json.dumps({"times": times, "cpu": cpu1.ru_utime - cpu0.ru_utime + cpu1.ru_stime - cpu0.ru_stime,
                      "connections": opened[0], "findings": len(result.findings)}), flush=True)
    return 0


def _setup(auth_dir: Path):
    """Auth DB with a Basic config (the with_postgis server) and an Identity-Cert config (the PKI server); the
    10k programme on both. Returns (password connection, certificate connection, the PKI server's generator)."""
    from qgis.core import QgsApplication

    from tests.qgis import pki_server as pki

    app = _qgis()  # noqa: F841
    manager = QgsApplication.authManager()
    server_gen = pki.pki_server.__pytest_wrapped__.obj()
    server = next(server_gen)
    try:
        return _configure(manager, server) + (server_gen,)
    except BaseException:
        server_gen.close()
        raise


def _configure(manager, server) -> tuple:
    from qgis.core import QgsAuthCertUtils, QgsAuthMethodConfig, QgsDataSourceUri
    from qgis.PyQt.QtNetwork import QSsl, QSslCertificate, QSslKey

    certs = server["certs"]
    assert manager.storeCertAuthority(QSslCertificate((certs / "ca.crt").read_bytes(), QSsl.EncodingFormat.Pem))
    manager.rebuildCaCertsCache()
    manager.rebuildTrustedCaCertsCache()
    client = QSslCertificate((certs / "client.crt").read_bytes(), QSsl.EncodingFormat.Pem)
    key = QSslKey((certs / "client.key").read_bytes(), QSsl.KeyAlgorithm.Rsa, QSsl.EncodingFormat.Pem)
    assert manager.storeCertIdentity(client, key)
    cert_config = QgsAuthMethodConfig("Identity-Cert")
    cert_config.setName("bench certificate")
    cert_config.setConfig("certid", QgsAuthCertUtils.shaHexForCert(client))
    basic = QgsAuthMethodConfig("Basic")
    basic.setName("bench password")
    basic.setConfig("username", os.environ["GEBIED_PG_USER"])
    basic.setConfig("password", os.environ["GEBIED_PG_PASSWORD"])
    connections = []
    for config, host, port, db, mode in (
            (basic, os.environ["GEBIED_PG_HOST"], os.environ["GEBIED_PG_PORT"], os.environ["GEBIED_PG_DB"],
             QgsDataSourceUri.SslMode.SslDisable),
            (cert_config, server["host"], server["port"], server["db"], QgsDataSourceUri.SslMode.SslVerifyFull)):
        ok, stored = manager.storeAuthenticationConfig(config)
        assert ok
        uri = QgsDataSourceUri()
        uri.setConnection(host, port, db, "", "", mode, stored.id())
        connections.append(uri.connectionInfo(False))
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import OUT, programme_file

    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    OUT.mkdir(parents=True, exist_ok=True)
    programme = GpkgStore.open(programme_file(SIZE)).read_programme()
    for connection in connections:
        PostgisStore.create(connection, SCHEMA, programme.crs, programme, overwrite=True)
    return connections[0], connections[1]


def _run(code: Path, connection: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", connection],  # nosec B603
                          cwd=str(code), env=env, capture_output=True, text=True, timeout=900)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", type=Path, help="root of the old plugin code")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    auth_dir = Path(tempfile.mkdtemp(prefix="gebied-bench-auth-"))
    os.environ["QGIS_AUTH_DB_DIR_PATH"] = str(auth_dir)
    os.environ["GEBIED_BENCH_MASTER"] = os.urandom(12).hex()
    sys.path.insert(0, str(ROOT))
    password, certificate, server_gen = _setup(auth_dir)
    results: dict = {}
    try:
        for n in range(args.runs):
            for login, connection in (("password", password), ("certificate", certificate)):
                order = [("old", args.old), ("new", ROOT)]
                for name, code in order if n % 2 == 0 else order[::-1]:
                    r = _run(code, connection)
                    results.setdefault((login, name), []).append(r)
                    print("{} {} run {}: {}".format(login, name, n + 1, json.dumps(r)), flush=True)
    finally:
        server_gen.close()
    print("load average: {}".format(os.getloadavg()))
    for (login, name), runs in sorted(results.items()):
        med = {k: statistics.median(r["times"][k] for r in runs) for k in ("open", "check", "save", "total")}
        print("{:12} {:4} median of {}: open {open:.2f} s, check {check:.2f} s, save {save:.2f} s, total "
              "{total:.2f} s; CPU {cpu:.2f} s; connections opened {conns}".format(
                  login, name, len(runs), cpu=statistics.median(r["cpu"] for r in runs),
                  conns=statistics.median(r["connections"] for r in runs), **med))
    return 0


if __name__ == "__main__":
    sys.exit(main())
