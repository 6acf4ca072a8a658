"""The funding filter of the Interventions dock and the combination chances on the map, in the real
QGIS desktop, in English and Dutch (screenshots looked at: /work/notes/shots/district/)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.desktop import ARTIFACTS, run_in_qgis

SHOTS = Path("/work/notes/shots/district")

BODY = '''
import os, time
from qgis.core import QgsApplication, QgsRectangle
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import plugins

LANG, PATH = __LANG__, __PATH__


plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
main.resize(1500, 950)
plugin.controller.open(PATH)
pump(1.0)
inter = main.findChild(QDockWidget, "gebiedsplugin_interventions_dock")
inter.show(); inter.raise_()
inter.filters.set_choice("district", "noord")
inter.filters.set_choice("funding", "partly_funded")
pump(1.0)
RESULT["partly"] = sorted(r.uid for r in inter.model.rows())
RESULT["funding_label"] = inter.filters.funding.currentText()
inter.grab().save(os.path.join(ARTIFACTS, "dock-funding-filter-desktop-" + LANG + ".png"))

check = main.findChild(QDockWidget, "gebiedsplugin_check_dock")
check.show(); check.raise_()
check.run_check()
findings = plugin.controller.layer("findings")
RESULT["check_done"] = pump(60, lambda: findings.featureCount() > 0
                            and QgsApplication.taskManager().countActiveTasks() == 0)
pump(0.5)
chances = [f for f in findings.getFeatures() if f["severity"] == "chance"]
RESULT["chances"] = len(chances)
best = max(chances, key=lambda f: int(f["message"].split("(score ")[1].split("/")[0]))
RESULT["best"] = best["message"]
check.tree.select_finding(best["finding_id"])
check.zoom_selected()
canvas = iface.mapCanvas()
box = QgsRectangle(best.geometry().boundingBox())
box.grow(180)
canvas.setExtent(box)
canvas.refresh()
pump(3.0, lambda: not canvas.isDrawing())
pump(1.0)
check.grab().save(os.path.join(ARTIFACTS, "check-dock-chances-desktop-" + LANG + ".png"))
main.grab().save(os.path.join(ARTIFACTS, "chances-map-desktop-" + LANG + ".png"))
finish()
'''


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_funding_filter_and_chances_in_the_desktop(tmp_path, lang):
    from gebiedsplugin.core.funding_gap import funding_gaps
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, manifest = generate_sample(seed=42)
    path = GpkgStore.create(tmp_path / "voorbeeldstad.gpkg", programme.crs, programme).path
    body = BODY.replace("__LANG__", repr(lang)).replace("__PATH__", repr(path))
    result = run_in_qgis(body, tmp_path, lang, timeout=300)
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    # Expected from the records written, by hand: budget against the sum of the funding rows.
    paid: dict = {}
    for row in programme.funding:
        paid[row["intervention_uid"]] = paid.get(row["intervention_uid"], 0.0) + row["amount"]
    partly = sorted(f.attrs["uid"] for f in programme.interventions if f.attrs["district_id"] == "noord"
                    and paid.get(f.attrs["uid"], 0.0) > 1 and f.attrs["budget"] - paid.get(f.attrs["uid"], 0) > 1)
    assert result["partly"] == partly and partly
    assert {g.status for g in funding_gaps(programme.interventions, programme.funding)
            if g.uid in partly} == {"partly_funded"}
    assert result["funding_label"] == ("Deels gefinancierd" if lang == "nl" else "Partly funded")
    assert result["check_done"] and result["chances"] >= 3
    assert ("Kans om te combineren (score 100/100)" if lang == "nl" else "Chance to combine (score 100/100)") \
        in result["best"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("dock-funding-filter", "check-dock-chances", "chances-map"):
        shutil.copy(ARTIFACTS / "{}-desktop-{}.png".format(name, lang), SHOTS / "{}-desktop-{}.png".format(name, lang))
