"""The Overview dock's Dossier button in the real QGIS desktop, English and Dutch: the chosen
district's PDF and spreadsheet (screenshots looked at: /work/notes/shots/dossier/)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from tests.e2e.desktop import ARTIFACTS, run_body, sample_programme

SHOTS = ARTIFACTS / "shots" / "dossier"

BODY = '''
import os

LANG, PATH, OUT = __LANG__, __PATH__, __OUT__
plugin, main = open_programme(PATH)
dock = plugin_dock("overview")
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
    programme, _, path = sample_programme(tmp_path)
    out = tmp_path / "dossiers"
    out.mkdir()
    result = run_body(BODY, tmp_path, lang, timeout=300, LANG=lang, PATH=path, OUT=out)
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
