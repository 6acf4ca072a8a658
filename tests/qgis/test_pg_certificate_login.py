"""A QGIS connection whose auth config is a client certificate works for the plugin's own connection too.

The server (tests/qgis/pki_server.py) accepts nothing but a client certificate of its test CA. The
certificate is stored in the test profile's auth DB (master password set) as each of QGIS's three
certificate methods; the QGIS connection names only the server and the auth config. QGIS writes the
certificate, key and trusted authorities as temporary PEM files for a connection: TMPDIR points at a
folder of the test's own, and it must be empty again after every connect (and after QGIS's own layers).
What the server saw is asked of the server (pg_stat_ssl), what was saved is read with a psycopg2
connection made here from the test's own certificate files, not through the code under test.
"""

from __future__ import annotations

import psycopg2
import pytest
from psycopg2 import sql
from qgis.core import (
    QgsApplication,
    QgsAuthCertUtils,
    QgsAuthMethodConfig,
    QgsDataSourceUri,
    QgsProviderRegistry,
)
from qgis.PyQt.QtNetwork import QSsl, QSslCertificate, QSslKey

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store import pg_connection as login
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.postgis import PostgisStore, programme_schemas
from gebiedsplugin.qgis_io.store.transfer import gpkg_to_postgis
from tests.qgis.pki_server import *  # noqa: F401,F403
from tests.qgis.planner_sessions import Session
from tests.qgis.postgis_fixtures import unlock_auth_db

METHODS = ("PKI-Paths", "PKI-PKCS#12", "Identity-Cert")


def _pem(path) -> bytes:
    return path.read_bytes()


@pytest.fixture(scope="module")
def auth(pki_server):
    """{method: QGIS connection name} for the client certificate as each method, plus 'wrong' (another CA).

    The test CA is trusted in the auth DB (as a planner imports their organisation's CA)."""
    manager = unlock_auth_db()
    certs = pki_server["certs"]
    ca = QSslCertificate(_pem(certs / "ca.crt"), QSsl.EncodingFormat.Pem)
    assert manager.storeCertAuthority(ca)
    manager.rebuildCaCertsCache()
    manager.rebuildTrustedCaCertsCache()
    client = QSslCertificate(_pem(certs / "client.crt"), QSsl.EncodingFormat.Pem)
    key = QSslKey(_pem(certs / "client.key"), QSsl.KeyAlgorithm.Rsa, QSsl.EncodingFormat.Pem)
    assert not key.isNull()
    assert manager.storeCertIdentity(client, key)
    configs = {
        "PKI-Paths": {"certpath": str(certs / "client.crt"), "keypath": str(certs / "client.key")},
        "PKI-PKCS#12": {"bundlepath": str(certs / "client.p12"), "bundlepass": pki_server["p12_password"]},
        "Identity-Cert": {"certid": QgsAuthCertUtils.shaHexForCert(client)},
        "wrong": {"certpath": str(certs / "wrong.crt"), "keypath": str(certs / "wrong.key")},
    }
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    ids, names = [], {}
    for method, values in configs.items():
        config = QgsAuthMethodConfig("PKI-Paths" if method == "wrong" else method)
        config.setName("gebiedsplugin test " + method)
        for k, v in values.items():
            config.setConfig(k, v)
        ok, stored = manager.storeAuthenticationConfig(config)
        assert ok, method
        ids.append(stored.id())
        uri = QgsDataSourceUri()
        uri.setConnection(pki_server["host"], pki_server["port"], pki_server["db"], "", "",
                          QgsDataSourceUri.SslMode.SslVerifyFull, stored.id())
        name = "gebiedsplugin_test_cert_" + method.replace("#", "").replace("-", "_").lower()
        metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
        names[method] = name
    yield names
    for name in names.values():
        metadata.deleteConnection(name)
    for authcfg in ids:
        manager.removeAuthenticationConfig(authcfg)
    manager.removeCertIdentity(QgsAuthCertUtils.shaHexForCert(client))
    manager.removeCertAuthority(ca)
    manager.rebuildCaCertsCache()
    manager.rebuildTrustedCaCertsCache()


@pytest.fixture()
def temp_dir(tmp_path, monkeypatch):
    """The folder QGIS writes its temporary certificate files to (QDir.tempPath() reads TMPDIR)."""
    folder = tmp_path / "qgis-temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def _pem_files(folder) -> list:
    """Files under *folder* holding a certificate or a key (QGIS's temporary ones are tmppki_{uuid}.pem)."""
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and b"-----BEGIN" in p.read_bytes())


def _direct(server):
    """A connection made here, with the test's own certificate files."""
    certs = server["certs"]
    return psycopg2.connect(host=server["host"], port=server["port"], dbname=server["db"], user=server["role"],
                            sslmode="verify-full", sslcert=str(certs / "client.crt"), sslkey=str(certs / "client.key"),
                            sslrootcert=str(certs / "ca.crt"))


@pytest.mark.parametrize("method", METHODS)
def test_each_certificate_method_logs_in(pki_server, auth, temp_dir, method):
    name = auth[method]
    uri = login.resolve(name)
    # QGIS's method writes its PEM files where this test looks (and the test removes them here).
    ok, items = QgsApplication.authManager().updateDataSourceUriItems([], uri.authConfigId(), "postgres")
    written = _pem_files(temp_dir)
    assert ok and len(written) == 3 and all(n.startswith("tmppki_") for n in written), (ok, written)
    for path in temp_dir.iterdir():
        path.chmod(0o600)
        path.unlink()
    conn = login.connect(uri, name)
    try:
        assert _pem_files(temp_dir) == []  # key material removed once connected
        with conn.cursor() as cur:
            cur.execute("SELECT current_user, s.ssl, s.client_dn FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")
            assert cur.fetchone() == (pki_server["role"], True, "/CN=" + pki_server["role"])
    finally:
        conn.close()
    assert programme_schemas(name) == []
    assert _pem_files(temp_dir) == []


def test_open_check_and_save_a_programme_over_a_certificate(pki_server, auth, temp_dir, sample_gpkg, qgis_iface):
    name = auth["Identity-Cert"]  # certificate and key only in the auth DB
    pg, _ = gpkg_to_postgis(GpkgStore.open(sample_gpkg[0]), name, "pki_programme", overwrite=True)
    assert _pem_files(temp_dir) == []
    assert programme_schemas(name) == ["pki_programme"]
    session = Session(qgis_iface, pg.path, "Certa")
    try:
        layers = session.controller.layers
        assert layers and all(layer.isValid() for layer in layers.values())
        for layer in layers.values():  # QGIS's own layers log in with the auth config, nothing else in the source
            source = layer.source()
            assert "authcfg=" in source and "sslkey" not in source and "password" not in source
        with _direct(pki_server) as conn, conn.cursor() as cur:
            cur.execute(sql.SQL("SELECT uid, title, row_version FROM {} ORDER BY fid LIMIT 1").format(
                sql.Identifier("pki_programme", "interventions_point")))
            uid, title, version = cur.fetchone()
        conn.close()
        session.edit(uid, "title", title + " (certificaat)")
        assert session.save(), session.error
    finally:
        session.close()
    with _direct(pki_server) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT title, row_version, modified_by FROM {} WHERE uid = %s").format(
            sql.Identifier("pki_programme", "interventions_point")), (uid,))
        assert cur.fetchone() == (title + " (certificaat)", version + 1, "Certa")
    conn.close()
    result = run_check(CheckRequest(pg.path))
    with _direct(pki_server) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier("pki_programme", "findings")))
        assert cur.fetchone()[0] == len(result.findings) > 0
    conn.close()
    assert _pem_files(temp_dir) == []
    PostgisStore.open(name, "pki_programme")  # opened again by name: still the same login
    assert _pem_files(temp_dir) == []


def test_a_wrong_certificate_is_one_sentence_naming_the_connection(pki_server, auth, temp_dir):
    name = auth["wrong"]
    with pytest.raises(ProgrammeError) as refused:
        login.connect(login.resolve(name), name).close()
    message = str(refused.value)
    assert message.startswith("The database {} refused the client certificate of the QGIS authentication "
                              "configuration “gebiedsplugin test wrong”".format(name)), message
    assert "\n" not in message and "Traceback" not in message
    assert _pem_files(temp_dir) == []  # removed after a failed connect too
    with pytest.raises(ProgrammeError) as listed:  # the PostGIS dialog's schema list says the same
        programme_schemas(name)
    assert str(listed.value).startswith("The database {} refused the client certificate".format(name))


def test_a_server_certificate_qgis_does_not_trust_is_named(pki_server, auth, temp_dir):
    """verify-full with the test CA no longer trusted in QGIS: the server is not trusted, said so."""
    manager = QgsApplication.authManager()
    ca = QSslCertificate(_pem(pki_server["certs"] / "ca.crt"), QSsl.EncodingFormat.Pem)
    assert manager.removeCertAuthority(ca)
    manager.rebuildCaCertsCache()
    manager.rebuildTrustedCaCertsCache()
    name = auth["PKI-Paths"]
    try:
        with pytest.raises(ProgrammeError) as refused:
            login.connect(login.resolve(name), name).close()
    finally:
        assert manager.storeCertAuthority(ca)
        manager.rebuildCaCertsCache()
        manager.rebuildTrustedCaCertsCache()
    assert str(refused.value).startswith("The database {} is not trusted: its server certificate".format(name))
    assert _pem_files(temp_dir) == []


def _backend(store) -> tuple:
    with store.session() as conn, conn.cursor() as cur:
        cur.execute("SELECT s.pid, s.client_dn FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")
        return cur.fetchone()


def test_a_certificate_login_is_kept_between_calls_and_survives_a_restart(pki_server, auth, temp_dir):
    """One certificate login for many store calls (store/pg_pool.py); after the server restarted, the next
    call logs in again by certificate without an error, and no key material is left on disk either time."""
    from gebiedsplugin.qgis_io.store import pg_pool

    pg_pool.close_all()
    name = auth["PKI-Paths"]
    store = PostgisStore(name, "pki_pool")  # no programme needed: the calls here only ask the server
    first = _backend(store)
    assert first[1] == "/CN=" + pki_server["role"]
    assert [_backend(store) for _ in range(5)] == [first] * 5
    assert programme_schemas(name) is not None and _backend(store) == first  # the dialog's list too
    assert _pem_files(temp_dir) == []
    pki_server["restart"]()
    again = _backend(store)
    assert again[0] != first[0] and again[1] == first[1]
    assert _pem_files(temp_dir) == []
    pg_pool.close_all()
