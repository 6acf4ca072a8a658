"""A PostGIS connection that logs in with a client certificate, in the real desktop with a fresh profile.

The server (tests/qgis/pki_server.py) accepts nothing but a client certificate of its own test CA.
In QGIS, as a planner would: the master password set, the CA imported as an authority, the
certificate and its key stored as an identity (Identity-Cert: key only in the auth DB), a connection
saved with sslmode verify-full and that auth config; a second one with a certificate of another CA.
The plugin's PostGIS dialog lists the schemas of the first and names the second in one sentence;
the plugin creates, opens, checks and saves a programme over the first, with no prompt. QGIS's
temporary certificate files go to a TMPDIR of the test's own: none may be left. What was saved is
read here with psycopg2 and the test's own certificate files.
"""

from __future__ import annotations

import os

import psycopg2
import pytest
from psycopg2 import sql

from tests.e2e.desktop import run_in_qgis, sample_programme
from tests.qgis.pki_server import *  # noqa: F401,F403

BODY = r'''
import os
from qgis.core import QgsApplication, QgsAuthCertUtils, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtNetwork import QSsl, QSslCertificate, QSslKey
from qgis.PyQt.QtWidgets import QApplication

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.transfer import gpkg_to_postgis

S, SAMPLE, SCHEMA = __SERVER__, __SAMPLE__, __SCHEMA__
plugin, action, manager, prompts = postgis_start()

def pem(name):
    with open(os.path.join(S["certs"], name), "rb") as f:
        return f.read()

ca = QSslCertificate(pem("ca.crt"), QSsl.EncodingFormat.Pem)
RESULT["ca_stored"] = manager.storeCertAuthority(ca)
manager.rebuildCaCertsCache()
manager.rebuildTrustedCaCertsCache()
cert = QSslCertificate(pem("client.crt"), QSsl.EncodingFormat.Pem)
RESULT["identity_stored"] = manager.storeCertIdentity(
    cert, QSslKey(pem("client.key"), QSsl.KeyAlgorithm.Rsa, QSsl.EncodingFormat.Pem))
good = QgsAuthMethodConfig("Identity-Cert")
good.setName("e2e certificate")
good.setConfig("certid", QgsAuthCertUtils.shaHexForCert(cert))
wrong = QgsAuthMethodConfig("PKI-Paths")
wrong.setName("e2e wrong certificate")
wrong.setConfig("certpath", os.path.join(S["certs"], "wrong.crt"))
wrong.setConfig("keypath", os.path.join(S["certs"], "wrong.key"))
meta = QgsProviderRegistry.instance().providerMetadata("postgres")
for name, config in (("e2e_cert", good), ("e2e_wrong", wrong)):
    uri = QgsDataSourceUri()
    uri.setConnection(S["host"], S["port"], S["db"], "", "", QgsDataSourceUri.SslMode.SslVerifyFull,
                      manager.storeAuthenticationConfig(config)[1].id())
    meta.saveConnection(meta.createConnection(uri.uri(False), {}), name)

pg, _ = gpkg_to_postgis(GpkgStore.open(SAMPLE), "e2e_cert", SCHEMA)

def pick(d, name):
    d.connection.setConnection(name)
    pump(3.0)
    return {"message": d.message.text(), "schemas": d.schemas(), "open": d.open_button.isEnabled()}

def in_dialog():
    d = QApplication.activeModalWidget()
    if d is None or d.objectName() != "gebiedsplugin_postgis_dialog":
        return False
    timer.stop()
    RESULT["wrong"] = pick(d, "e2e_wrong")
    RESULT["good"] = pick(d, "e2e_cert")
    d.schema.setSchema(SCHEMA)
    pump(0.5)
    d.open_button.click()
    return True
timer = QTimer()
timer.timeout.connect(in_dialog)
timer.start(250)
action.trigger()  # the plugin's PostGIS dialog, modal: Open opens the programme in the background
timer.stop()
pump(60, lambda: plugin.controller.store is not None and QgsApplication.taskManager().countActiveTasks() == 0)
pump(1.0)
RESULT["opened"] = plugin.controller.store.path if plugin.controller.store else ""
layers = plugin.controller.layers
RESULT["layers_valid"] = [layer.isValid() for layer in layers.values()]
RESULT["sources"] = [layer.source() for layer in layers.values()]
check, findings = run_check(plugin, 120)
RESULT["findings"] = findings.featureCount()
layer = plugin.controller.layer("interventions_point")
feature = min(layer.getFeatures(), key=lambda f: f.id())
RESULT["uid"], RESULT["title"] = feature["uid"], feature["title"]
layer.startEditing()
pump(1.0)
layer.changeAttributeValue(feature.id(), layer.fields().indexFromName("title"), feature["title"] + " (certificaat)")
RESULT["saved"] = layer.commitChanges()  # QGIS's own Save: the plugin's save over its own connection
pump(2.0)
temp = os.environ["TMPDIR"]
RESULT["pem_left"] = [os.path.join(d, f) for d, _, files in os.walk(temp) for f in files
                      if b"-----BEGIN" in open(os.path.join(d, f), "rb").read()]
prompts.stop()
finish()
'''


def _direct(server):
    certs = server["certs"]
    return psycopg2.connect(host=server["host"], port=server["port"], dbname=server["db"], user=server["role"],
                            sslmode="verify-full", sslcert=str(certs / "client.crt"),
                            sslkey=str(certs / "client.key"), sslrootcert=str(certs / "ca.crt"))


@pytest.mark.timeout(600)
def test_certificate_connection_in_the_desktop(pki_server, tmp_path, monkeypatch):
    temp = tmp_path / "qgis-temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # where QGIS writes its temporary certificate files
    _, _, sample = sample_programme(tmp_path)
    schema = "e2e_pki_{}".format(os.getpid())
    server = {k: str(v) for k, v in pki_server.items()}
    body = (BODY.replace("__SERVER__", repr(server)).replace("__SAMPLE__", repr(str(sample)))
            .replace("__SCHEMA__", repr(schema)))
    result = run_in_qgis(body, tmp_path, "en", timeout=540)
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    assert result["ca_stored"] and result["identity_stored"]
    assert result["prompts"] == 0
    wrong = result["wrong"]
    assert wrong["message"].startswith("The database e2e_wrong refused the client certificate of the QGIS "
                                       "authentication configuration “e2e wrong certificate”"), wrong
    assert wrong["schemas"] == [] and not wrong["open"]
    assert schema in result["good"]["schemas"] and result["good"]["open"], result["good"]
    assert result["opened"] == "postgres:e2e_cert/" + schema
    assert result["layers_valid"] and all(result["layers_valid"]), result["layers_valid"]
    assert all("authcfg=" in s and "sslkey" not in s for s in result["sources"])
    assert result["saved"]
    assert result["pem_left"] == []
    with _direct(pki_server) as conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT title, modified_by FROM {} WHERE uid = %s").format(
            sql.Identifier(schema, "interventions_point")), (result["uid"],))
        title, who = cur.fetchone()
        cur.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema, "findings")))
        findings = cur.fetchone()[0]
    conn.close()
    assert title == result["title"] + " (certificaat)" and who
    assert findings == result["findings"] > 0
    profile = [p for p in (tmp_path / "qgis-en").rglob("*") if p.is_file() and p.suffix != ".db"]
    assert not [p.name for p in profile if "PRIVATE KEY" in p.read_text(errors="ignore")]
