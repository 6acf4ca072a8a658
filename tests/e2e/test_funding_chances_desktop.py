"""The funding filter of the Interventions dock and the combination chances on the map, in the real
QGIS desktop, in English and Dutch (screenshots looked at: /work/notes/shots/district/)."""

from __future__ import annotations

import shutil

import pytest

from tests.e2e.desktop import ARTIFACTS, paid_per_intervention, run_body, sample_programme

SHOTS = ARTIFACTS / "shots" / "district"

BODY = '''
import os

LANG, PATH = __LANG__, __PATH__
plugin, main = open_programme(PATH)
inter = plugin_dock("interventions")
inter.filters.set_choice("district", "noord")
inter.filters.set_choice("funding", "partly_funded")
pump(1.0)
RESULT["partly"] = sorted(r.uid for r in inter.model.rows())
RESULT["funding_label"] = inter.filters.funding.currentText()
inter.grab().save(os.path.join(ARTIFACTS, "dock-funding-filter-desktop-" + LANG + ".png"))

check, findings = run_check(plugin)
chances, best = best_chance(findings)
RESULT["chances"] = len(chances)
RESULT["best"] = best["message"]
check.tree.select_finding(best["finding_id"])
check.zoom_selected()
zoom_map(best.geometry(), 180)
check.grab().save(os.path.join(ARTIFACTS, "check-dock-chances-desktop-" + LANG + ".png"))
main.grab().save(os.path.join(ARTIFACTS, "chances-map-desktop-" + LANG + ".png"))
finish()
'''


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_funding_filter_and_chances_in_the_desktop(tmp_path, lang):
    from gebiedsplugin.core.funding_gap import funding_gaps

    programme, _, path = sample_programme(tmp_path)
    result = run_body(BODY, tmp_path, lang, timeout=300, LANG=lang, PATH=path)
    # Expected from the records written, by hand: budget against the sum of the funding rows.
    paid = paid_per_intervention(programme)
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
