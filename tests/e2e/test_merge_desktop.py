"""The Check in dock in the real QGIS desktop (English and Dutch): an offline copy with a conflict,
its fields side by side, a decision and the check-in; screenshots kept and looked at."""

from __future__ import annotations

import pytest

from tests.e2e.desktop import run_in_qgis

BODY = '''
import os, time
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget

LANG, COPY = __LANG__, __COPY__


main = iface.mainWindow()
main.resize(1500, 950)
dock = main.findChild(QDockWidget, "gebiedsplugin_merge_dock")
dock.show(); dock.raise_()
dock.load(COPY)
RESULT["read"] = pump(120, until=lambda: dock.task is None)  # read in a task
pump(0.5)
RESULT["title"] = dock.windowTitle()
RESULT["conflicts"] = dock.conflicts.topLevelItemCount()
RESULT["fields"] = [[dock.fields.item(r, c).text() for c in range(4)] for r in range(dock.fields.rowCount())]
RESULT["enabled_before"] = dock.check_in_button.isEnabled()
dock.grab().save(os.path.join(ARTIFACTS, "merge-dock-desktop-" + LANG + ".png"))
main.grab().save(os.path.join(ARTIFACTS, "merge-desktop-" + LANG + ".png"))
dock.decide("mine")
RESULT["checked_in"] = dock.check_in() and pump(120, until=lambda: dock.task is None)
RESULT["status_after"] = dock.status.text()
pump(0.5)
finish()
'''


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_merge_dock_in_the_desktop(tmp_path, lang):
    from gebiedsplugin.core.row_changes import UPDATE, RowChange
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.offline import check_out
    from gebiedsplugin.qgis_io.store.save import save

    programme, _ = generate_sample(seed=42)
    shared = GpkgStore.create(tmp_path / "gedeeld.gpkg", programme.crs, programme)
    copy = GpkgStore(tmp_path / "gebiedsdag.gpkg")
    check_out(shared, copy.path, ["noord"], planner="Anna")
    rows, _, fids = copy.read_table("interventions_point")
    row, fid = next((r, f) for r, f in zip(rows, fids) if r["district_id"] == "noord")
    save(copy, [RowChange("interventions_point", UPDATE, fid, row["row_version"], {"title": "Speeltuin (gebiedsdag)"})],
         "Anna")
    srows, _, sfids = shared.read_table("interventions_point")
    srow, sfid = next((r, f) for r, f in zip(srows, sfids) if r["uid"] == row["uid"])
    save(shared, [RowChange("interventions_point", UPDATE, sfid, srow["row_version"],
                            {"title": "Speeltuin (kantoor)"})], "Bert")
    body = BODY.replace("__LANG__", repr(lang)).replace("__COPY__", repr(copy.path))
    result = run_in_qgis(body, tmp_path, lang, timeout=240)
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    assert result["title"] == {"en": "Check in", "nl": "Inchecken"}[lang]
    assert result["read"] and result["conflicts"] == 1 and not result["enabled_before"]
    field = {"en": "Title", "nl": "Titel"}[lang]
    assert [field, row["title"], "Speeltuin (gebiedsdag)", "Speeltuin (kantoor)"] in result["fields"]
    assert result["checked_in"] and result["status_after"] == {"en": "Checked in.", "nl": "Ingecheckt."}[lang]
    after = {r["uid"]: r["title"] for r in shared.read_table("interventions_point")[0]}
    assert after[row["uid"]] == "Speeltuin (gebiedsdag)"
