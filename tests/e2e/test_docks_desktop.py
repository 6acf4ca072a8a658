"""The check, overview and export docks in the real QGIS desktop, in English and Dutch: a check run
as a background task, the overview of a district, and screenshots of each dock (looked at)."""

from __future__ import annotations

import pytest

from tests.e2e.desktop import run_in_qgis

BODY = '''
import os, time
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import plugins

LANG, PATH = __LANG__, __PATH__


plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
main.resize(1500, 950)
plugin.controller.open(PATH)
pump(1.0)
docks = {name: main.findChild(QDockWidget, "gebiedsplugin_" + name + "_dock")
         for name in ("check", "overview", "export")}
RESULT["titles"] = {name: dock.windowTitle() for name, dock in docks.items()}

check = docks["check"]
check.show(); check.raise_()
RESULT["check_started"] = check.run_check()
findings = plugin.controller.layer("findings")
RESULT["check_done"] = pump(60, lambda: findings.featureCount() > 0
                            and QgsApplication.taskManager().countActiveTasks() == 0)
pump(0.5)
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
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, manifest = generate_sample(seed=42)
    path = GpkgStore.create(tmp_path / "voorbeeldstad.gpkg", programme.crs, programme).path
    body = BODY.replace("__LANG__", repr(lang)).replace("__PATH__", repr(path))
    result = run_in_qgis(body, tmp_path, lang, timeout=300)
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    assert result["titles"] == TITLES[lang]
    assert result["check_started"] and result["check_done"]
    assert result["findings"] >= len(manifest["planted"])
    assert len(result["overview_tabs"]) == 8  # money, funding gap, stacking, priorities, timeline, cases, effects,
    # progress
    assert result["overview_status"].startswith("Noord")
    assert ("Geld" in result["overview_tabs"]) == (lang == "nl")
