"""The packaged plugin in the real QGIS desktop: installs, loads, shows menu, toolbar, provider."""

from __future__ import annotations

import pytest

from tests.e2e.desktop import run_in_qgis

BODY = '''
from qgis.core import QgsApplication
from qgis.utils import plugins
main = iface.mainWindow()
RESULT["loaded"] = "gebiedsplugin" in plugins
menus = [a.text() for a in main.menuBar().actions()]
RESULT["menu"] = [m for m in menus if "Gebiedsprogramma" in m or "Area programme" in m]
bar = main.findChild(type(iface.fileToolBar()), "gebiedspluginToolbar")
RESULT["toolbar_actions"] = [a.text() for a in bar.actions()] if bar else []
provider = QgsApplication.processingRegistry().providerById("gebiedsplugin")
RESULT["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
main.resize(1500, 950)
QgsApplication.processEvents()
main.grab().save(ARTIFACTS + "/desktop-" + __LANG__ + ".png")
finish()
'''


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_packaged_plugin_loads_in_desktop(tmp_path, lang):
    result = run_in_qgis(BODY.replace("__LANG__", repr(lang)), tmp_path, lang)
    assert "exception" not in result, result.get("exception")
    assert result["loaded"], result["log"][-20:]
    assert result["menu"] == ["&Gebiedsprogramma" if lang == "nl" else "&Area programme"]
    expected_open = "Programma openen…" if lang == "nl" else "Open programme…"
    assert expected_open in result["toolbar_actions"]
    assert "gebiedsplugin:create_programme" in result["algorithms"]
    assert "gebiedsplugin:generate_sample" in result["algorithms"]
    assert result["python_errors"] == []
