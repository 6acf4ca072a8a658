"""The Overview dock's Dossier button in the real QGIS desktop, English and Dutch: the chosen
district's PDF and spreadsheet (screenshots looked at: /work/notes/shots/dossier/)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.e2e.desktop import ARTIFACTS, run_in_qgis

SHOTS = Path("/work/notes/shots/dossier")

BODY = '''
import os, time
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import plugins

LANG, PATH, OUT = __LANG__, __PATH__, __OUT__


plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
main.resize(1500, 950)
plugin.controller.open(PATH)
pump(1.0)
dock = main.findChild(QDockWidget, "gebiedsplugin_overview_dock")
dock.show(); dock.raise_()
dock.reload()
dock.set_scope(district="noord")
pump(1.0)
RESULT["button"] = dock.dossier_button.text()
RESULT["started"] = dock.dossier.start(OUT, overwrite=True)
RESULT["done"] = pump(120, lambda: not dock.dossier.busy)
RESULT["error"] = dock.dossier.error
RESULT["written"] = [os.path.basename(p) for p in dock.dossier.written]
dock.grab().save(os.path.join(ARTIFACTS, "overview-dossier-button-desktop-" + LANG + ".png"))
finish()
'''


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_dossier_button_in_the_desktop(tmp_path, lang):
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, _ = generate_sample(seed=42)
    path = GpkgStore.create(tmp_path / "voorbeeldstad.gpkg", programme.crs, programme).path
    out = tmp_path / "dossiers"
    out.mkdir()
    body = BODY.replace("__LANG__", repr(lang)).replace("__PATH__", repr(path)).replace("__OUT__", repr(str(out)))
    result = run_in_qgis(body, tmp_path, lang, timeout=300)
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    assert result["started"] and result["done"] and result["error"] == ""
    assert sorted(result["written"]) == ["dossier_noord.ods", "dossier_noord.pdf"]
    text = subprocess.run(["pdftotext", str(out / "dossier_noord.pdf"), "-"], capture_output=True, text=True).stdout
    titles = [f.attrs["title"] for f in programme.interventions if f.attrs["district_id"] == "noord"]
    text = unicodedata.normalize("NFKC", text)  # ligatures (fi) back to letters
    flat = " ".join(text.split())
    assert all(" ".join(t.split()) in flat for t in titles)
    assert ("Gebiedsdossier · Noord" if lang == "nl" else "District dossier · Noord") in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = "overview-dossier-button-desktop-{}.png".format(lang)
    shutil.copy(ARTIFACTS / name, SHOTS / name)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", "1", "-l", "1", str(out / "dossier_noord.pdf"),
                    str(SHOTS / "dossier-desktop-first-{}".format(lang))], check=True)
