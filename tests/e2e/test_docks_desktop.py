"""The check, overview and export docks in the real QGIS desktop, in English and Dutch: a check run
as a background task, the overview of a district, and screenshots of each dock (looked at)."""

from __future__ import annotations

import pytest

from tests.e2e.desktop import run_body, sample_programme

BODY = '''
import os
from qgis.core import QgsApplication

LANG, PATH = __LANG__, __PATH__
plugin, main = open_programme(PATH)
docks = {name: plugin_dock(name, show=False) for name in ("check", "overview", "export")}
RESULT["titles"] = {name: dock.windowTitle() for name, dock in docks.items()}

check, findings = run_check(plugin)
RESULT["findings"] = findings.featureCount()
check.grab().save(os.path.join(ARTIFACTS, "check-dock-desktop-" + LANG + ".png"))

overview = docks["overview"]
overview.show(); overview.raise_()
pump(20, lambda: overview.overview is not None and QgsApplication.taskManager().countActiveTasks() == 0)
overview.set_scope("noord", 2025, 2030)  # a hidden overview reads the programme once it is shown
pump(20, lambda: not overview.busy())  # the panels are computed and drawn in a task
pump(0.5)
RESULT["overview_status"] = overview.status.text()
RESULT["overview_tabs"] = [overview.tabs.tabText(i) for i in range(overview.tabs.count())]
overview.grab().save(os.path.join(ARTIFACTS, "overview-dock-desktop-" + LANG + ".png"))

export = docks["export"]
export.show(); export.raise_()
pump(0.5)
export.grab().save(os.path.join(ARTIFACTS, "export-dock-desktop-" + LANG + ".png"))
main.grab().save(os.path.join(ARTIFACTS, "docks-desktop-" + LANG + ".png"))
finish()
'''

TITLES = {
    "en": {"check": "Programme check", "overview": "Overview", "export": "Export"},
    "nl": {"check": "Programmatoets", "overview": "Overzicht", "export": "Exporteren"},
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_check_overview_export_docks_in_the_desktop(tmp_path, lang):
    _, manifest, path = sample_programme(tmp_path)
    result = run_body(BODY, tmp_path, lang, timeout=300, LANG=lang, PATH=path)
    assert result["titles"] == TITLES[lang]
    assert result["check_started"] and result["check_done"]
    assert result["findings"] >= len(manifest["planted"])
    assert len(result["overview_tabs"]) == 8  # money, funding gap, stacking, priorities, timeline, cases, effects,
    # progress
    assert result["overview_status"].startswith("Noord")
    assert ("Geld" in result["overview_tabs"]) == (lang == "nl")
