"""A throw-away PostgreSQL + PostGIS that logs in by client certificate only, for the certificate tests.

Everything is made here, in a temporary folder: a test CA, a server certificate (SAN 127.0.0.1), a
client certificate for the role ``gebied_cert`` (also as a PKCS#12 bundle with a password), and a
client certificate with the same name from another CA (a wrong one). The server (same binaries as
scripts/with_postgis.sh) has ssl=on and a pg_hba with one ``hostssl ... cert`` line for TCP; the
setup logs in as the postgres superuser over its Unix socket only. Stopped and removed afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess  # nosec B404 - test scaffolding: fixed argument lists, no shell
import tempfile
from pathlib import Path

import pytest

PGBIN = Path(os.environ.get("GEBIED_PG_BIN", "/usr/lib/postgresql/15/bin"))
ROLE = "gebied_cert"
DB = "gebied_pki"


def _run(args, cwd=None, **kw):
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, **kw)  # nosec B603
    if done.returncode:
        raise RuntimeError("{} failed: {}".format(args[0], (done.stderr or done.stdout)[-800:]))
    return done.stdout


def _as_postgres() -> list:
    return ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []


def _certificate(folder: Path, name: str, cn: str, ca: str | None, san: str = "") -> None:
    """name.key / name.crt in *folder*: self-signed CA when *ca* is None, else signed by *ca*."""
    key, crt = folder / (name + ".key"), folder / (name + ".crt")
    if ca is None:
        _run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt,
              "-days", "2", "-subj", "/CN=" + cn, "-addext", "basicConstraints=critical,CA:TRUE",
              "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        return
    csr = folder / (name + ".csr")
    _run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=" + cn])
    ext = folder / (name + ".ext")
    ext.write_text("basicConstraints=CA:FALSE\n" + ("subjectAltName=" + san + "\n" if san else ""))
    _run(["openssl", "x509", "-req", "-in", csr, "-CA", folder / (ca + ".crt"), "-CAkey", folder / (ca + ".key"),
          "-CAcreateserial", "-out", crt, "-days", "2", "-extfile", ext])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pki_server():
    """{'host', 'port', 'db', 'role', 'certs': folder with ca/server/client/wrong .crt/.key, client.p12,
    'p12_password', 'restart': pg_ctl restart} of a running certificate-only server; skipped (failed with
    CI=true) without PostgreSQL."""
    reason = ""
    if not (PGBIN / "initdb").exists():
        reason = "no PostgreSQL at {}".format(PGBIN)
    elif not Path("/usr/share/postgresql/15/extension/postgis.control").exists():
        reason = "PostGIS for PostgreSQL 15 is not installed"
    elif not shutil.which("openssl"):
        reason = "no openssl to make the test certificates"
    if reason:
        # The QGIS LTR root (scripts/ltr_root.sh) has no PostgreSQL of its own; on the host CI must not skip.
        if os.environ.get("CI") == "true" and not os.environ.get("GEBIED_QGIS_LANE"):
            pytest.fail("CI=true and no certificate test server: " + reason)
        pytest.skip(reason)
    top = Path(tempfile.mkdtemp(prefix="gebied-pki-"))
    certs, data = top / "certs", top / "data"
    certs.mkdir()
    _certificate(certs, "ca", "gebiedsplugin test CA", None)
    _certificate(certs, "server", "127.0.0.1", "ca", san="IP:127.0.0.1,DNS:localhost")
    _certificate(certs, "client", ROLE, "ca")
    _certificate(certs, "otherca", "another CA", None)
    _certificate(certs, "wrong", ROLE, "otherca")
    p12_password = secrets.token_hex(8)
    _run(["openssl", "pkcs12", "-export", "-in", certs / "client.crt", "-inkey", certs / "client.key",
          "-certfile", certs / "ca.crt", "-out", certs / "client.p12", "-passout", "pass:" + p12_password])
    if os.getuid() == 0:
        shutil.chown(top, "postgres")
    top.chmod(0o755)
    as_pg = _as_postgres()
    _run(as_pg + [PGBIN / "initdb", "-D", data, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                  "--auth-local=trust", "--auth-host=reject", "-N"], cwd=top)
    for name in ("server.crt", "server.key", "ca.crt"):
        shutil.copy(certs / name, data / name)
        if os.getuid() == 0:
            shutil.chown(data / name, "postgres")
        (data / name).chmod(0o600)
    (data / "pg_hba.conf").write_text("local all postgres trust\nhostssl all all 127.0.0.1/32 cert\n")
    port = _free_port()
    options = ("-c listen_addresses=127.0.0.1 -p {} -c unix_socket_directories='{}' -c fsync=off -c ssl=on "
               "-c ssl_cert_file=server.crt -c ssl_key_file=server.key -c ssl_ca_file=ca.crt").format(port, top)
    try:
        _run(as_pg + [PGBIN / "pg_ctl", "-D", data, "-l", top / "server.log", "-w", "-t", "60", "-o", options,
                      "start"], cwd=top)
        psql = as_pg + [PGBIN / "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", top, "-p", port, "-U", "postgres"]
        _run(psql + ["-d", "postgres", "-c", "CREATE ROLE {} LOGIN".format(ROLE)], cwd=top)
        _run(psql + ["-d", "postgres", "-c", "CREATE DATABASE {} OWNER {}".format(DB, ROLE)], cwd=top)
        _run(psql + ["-d", DB, "-c", "CREATE EXTENSION postgis"], cwd=top)

        def restart() -> None:  # every session ends (fast shutdown), the server takes new ones as before
            _run(as_pg + [PGBIN / "pg_ctl", "-D", data, "-l", top / "server.log", "-w", "-t", "60", "-o", options,
                          "-m", "fast", "restart"], cwd=top)

        yield {"host": "127.0.0.1", "port": str(port), "db": DB, "role": ROLE, "certs": certs,
               "p12_password": p12_password, "restart": restart}
    finally:
        subprocess.run(as_pg + [str(PGBIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],  # nosec B603
                       cwd=top, capture_output=True)
        shutil.rmtree(top, ignore_errors=True)
