"""Open programme… in the background, in the real desktop: the dock in view follows the programme as it
arrives, the docks behind other tabs (check, export) follow when the planner shows them (#18 item 2: an
open no longer makes every dock read the programme in one block of the main thread)."""

from __future__ import annotations

import sqlite3

from gebiedsplugin.core import schema
from tests.e2e.desktop import run_body, sample_programme

BODY = '''
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.gui.prompts import Prompts
from qgis.utils import plugins
plugin = plugins["gebiedsplugin"]; main = iface.mainWindow(); c = plugin.controller
main.resize(1500, 950)
shown = plugin_dock("interventions")
check, export = plugin_dock("check", show=False), plugin_dock("export", show=False)
RESULT["visible"] = [shown.isVisible(), check.isVisible(), export.isVisible()]
RESULT["started"] = use_programme(iface, c.open, __PATH__, Prompts(main), background=True)
RESULT["opened"] = pump(60, lambda: c.store is not None and c.opening is None)
pump(0.5)
RESULT["in_view"] = shown.programme_label.text()
RESULT["behind"] = [check.programme_label.text(), export.programme.filePath()]
check.show(); check.raise_(); pump(0.5)
export.show(); export.raise_(); pump(0.5)
RESULT["shown"] = [check.programme_label.text(), check.scope.count(),
                   export.programme.filePath(), export.districts.count()]
RESULT["store"] = c.store.path
finish()
'''


def test_docks_follow_a_programme_opened_in_the_background(tmp_path):
    _, _, path = sample_programme(tmp_path, interventions=400)
    with sqlite3.connect(str(path)) as db:  # the districts the docks must offer, counted apart from the plugin
        districts = db.execute("SELECT count(*) FROM districts WHERE district_id <> ?", (schema.CITY_ID,)).fetchone()[0]
    result = run_body(BODY, tmp_path, "en", PATH=path)
    assert districts > 1
    assert result["visible"] == [True, False, False]
    assert result["started"] and result["opened"] and result["store"] == str(path)
    assert result["in_view"] == "Programme: voorbeeldstad"
    assert result["behind"] == ["No programme open.", ""]  # not read while behind another tab
    # when shown: the check dock offers "Whole city" and each district, the export dock each district
    assert result["shown"] == ["Programme: voorbeeldstad", districts + 1, str(path), districts]
