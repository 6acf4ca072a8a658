"""The Programme check dock driven as a planner would: run, review, decide, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplugin.gui.check_dock import CheckPrompts
from gebiedsplugin.gui.check_tree import ROW_ROLE
from tests.qgis.gui_helpers import wait_for_check

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


class Answers(CheckPrompts):
    def __init__(self, csv="", confirm=True):
        super().__init__(None)
        self.csv, self.answer, self.asked = csv, confirm, []

    def csv_path(self, start=""):
        return self.csv

    def confirm(self, title, text):
        self.asked.append(text)
        return self.answer


@pytest.fixture()
def dock(plugin, sample_gpkg):
    path, manifest = sample_gpkg
    plugin.controller.open(str(path))
    found = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_check_dock")
    found.show()
    found.resize(620, 760)
    found.manifest = manifest
    return found


def test_dock_is_registered_with_its_object_name(plugin):
    names = [d.objectName() for d in plugin.docks]
    assert "gebiedsplugin_check_dock" in names


def test_dock_runs_groups_decides_and_exports(dock, tmp_path, qgis_iface):
    assert dock.scope.count() == 6  # whole city + five districts
    assert dock.run_check()
    assert not dock.run_button.isEnabled()
    wait_for_check(dock)
    assert dock.last_error == "" and dock.last_result is not None
    assert dock.progress.value() == 100
    rules = {dock.tree.topLevelItem(i).data(0, ROW_ROLE).split("/")[0] for i in range(dock.tree.group_count())}
    assert {case["rule"] for case in dock.manifest["planted"]} <= rules
    shown = dock.tree.finding_rows()
    assert len(shown) == dock.last_result.total
    # Group headers carry the count and the counts per district.
    top = dock.tree.topLevelItem(0)
    assert "({}): ".format(top.childCount()) in top.text(0) and top.isFirstColumnSpanned()
    ARTIFACTS.mkdir(exist_ok=True)
    dock.tree.expandAll()
    dock.grab().save(str(ARTIFACTS / "check-dock-en.png"))

    # Double-click: the interventions involved are selected.
    conflict = next(r for r in shown if r["rule"] == "conflict")
    assert dock.tree.select_finding(conflict["finding_id"])
    item = dock.tree.currentItem()
    dock._double_clicked(item, 0)
    selected = {f["uid"] for t in ("interventions_point", "interventions_line", "interventions_polygon")
                for f in dock.controller.layer(t).selectedFeatures()}
    assert selected == set(conflict["subject_uids"].split(","))

    # Accept with a note, run again: the decision stays.
    dock.decision.setCurrentIndex(dock.decision.findData("accepted"))
    dock.note.setText("Combined with the sewer works")
    assert dock.decide_selected() == 1
    assert dock.run_check()
    wait_for_check(dock)
    stored = dock.store.findings_register().by_id()[conflict["finding_id"]]
    assert (stored["status"], stored["note"]) == ("accepted", "Combined with the sewer works")
    assert stored["decided_by"]

    # Filters.
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("accepted"))
    assert [r["finding_id"] for r in dock.tree.finding_rows()] == [conflict["finding_id"]]
    dock.status_filter.setCurrentIndex(0)
    dock.severity_filter.setCurrentIndex(dock.severity_filter.findData("error"))
    assert {r["severity"] for r in dock.tree.finding_rows()} == {"error"}
    dock.severity_filter.setCurrentIndex(0)
    dock.text_filter.setText("Combined with the sewer")
    assert len(dock.tree.finding_rows()) == 1
    dock.text_filter.clear()

    # CSV export: written, then never silently replaced.
    target = tmp_path / "findings.csv"
    dock.prompts = Answers(csv=str(target))
    assert dock.export_csv() == str(target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("finding_id,rule,severity") and len(lines) == len(shown) + 1
    target.write_text("keep me")
    dock.prompts = Answers(csv=str(target), confirm=False)
    assert dock.export_csv() == ""
    assert target.read_text() == "keep me" and dock.prompts.asked


def test_dock_district_scope_and_parameters(dock):
    dock.scope.setCurrentIndex(dock.scope.findData("centrum"))
    assert dock.run_check()
    wait_for_check(dock)
    assert dock.last_result.total and all(f.district_id == "centrum" for f in dock.last_result.findings)
    assert {r["district_id"] for r in dock.tree.finding_rows()} == {"centrum"}
    dock.params.boxes["conflict_distance_m"].setValue(25)
    dock.save_params()
    assert dock.store.settings()["conflict_distance_m"] == "25"


def test_dock_cancel_and_unsaved_edits(dock):
    layer = dock.controller.layer("interventions_point")
    layer.startEditing()
    feat = next(layer.getFeatures())
    layer.changeAttributeValue(feat.id(), layer.fields().indexOf("title"), "Renamed")
    dock.prompts = Answers(confirm=False)
    assert not dock.run_check() and "save" in dock.last_error.lower()
    dock.prompts = Answers(confirm=True)
    assert dock.run_check()
    assert not layer.isModified()
    dock.cancel()
    wait_for_check(dock)
    assert dock.last_result is not None or "cancelled" in dock.last_error
    assert dock.run_button.isEnabled()


def test_dock_asks_about_unsaved_district_edits(dock):
    """The check reads district boundaries from the saved programme, so their edits count as unsaved too."""
    layer = dock.controller.layer("districts")
    layer.startEditing()
    feat = next(f for f in layer.getFeatures() if f["district_id"] != "city")
    layer.changeGeometry(feat.id(), feat.geometry().buffer(50, 4))
    dock.prompts = Answers(confirm=False)
    assert not dock.run_check() and "save" in dock.last_error.lower()
    assert dock.prompts.asked and layer.isModified()
    dock.prompts = Answers(confirm=True)
    assert dock.run_check()
    assert not layer.isModified()
    wait_for_check(dock)
    assert dock.last_result is not None


def test_dock_speaks_dutch(qgis_iface, processing_ready, sample_gpkg):
    """Under a Dutch QGIS the dock, its groups and the stored messages are Dutch."""
    from qgis.core import QgsProject, QgsSettings

    import gebiedsplugin

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    instance = gebiedsplugin.classFactory(qgis_iface)
    try:
        instance.initGui()
        path, _ = sample_gpkg
        instance.controller.open(str(path))
        dock = next(d for d in instance.docks if d.objectName() == "gebiedsplugin_check_dock")
        dock.show()
        dock.resize(620, 760)
        assert dock.windowTitle() == "Programmatoets" and dock.run_button.text() == "Toets uitvoeren"
        assert dock.run_check()
        wait_for_check(dock)
        assert "Conflicterende werken" in " ".join(
            dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.group_count()))
        ARTIFACTS.mkdir(exist_ok=True)
        dock.grab().save(str(ARTIFACTS / "check-dock-nl.png"))
    finally:
        instance.unload()
        QgsProject.instance().clear()
        settings.setValue("locale/userLocale", "en_US")


def test_findings_show_interventions_whose_imported_uid_has_backslashes(dock):
    """An imported uid such as WP\\2024\\'01 is quoted as QGIS expressions need (quotedValue), not by hand."""
    from gebiedsplugin.gui.check_map import select_subjects

    layer = dock.controller.layer("interventions_point")
    feat = next(layer.getFeatures())
    uid = "WP\\2024\\'01"
    layer.startEditing()
    layer.changeAttributeValue(feat.id(), layer.fields().indexOf("uid"), uid)
    assert layer.commitChanges()
    assert select_subjects(dock.controller, [uid]) == {"interventions_point": [feat.id()]}
    assert layer.selectedFeatureIds() == [feat.id()]
