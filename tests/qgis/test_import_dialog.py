"""The import dialog driven in pytest-qgis: proposal, value mapping, preview, dry run, import, re-import."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QAction

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.import_dialog import ImportDialog
from gebiedsplugin.qgis_io.import_task import ImportTask
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.import_fixtures import DISTRICT_ROWS, MJP_ROWS, fingerprint, project_count, write_vector


def _dialog(qgis_iface, path):
    controller = ProgrammeController(QgsProject.instance())
    controller.open(path)
    return ImportDialog(qgis_iface, controller), controller


def test_dialog_imports_districts_and_mjp_and_reimports(qgis_iface, empty_gpkg, tmp_path):
    dialog, controller = _dialog(qgis_iface, empty_gpkg)
    try:
        dialog.file.setFilePath(write_vector(tmp_path / "stadsdelen.geojson", DISTRICT_ROWS, "GeoJSON"))
        dialog.set_target("districts")
        assert dialog.source_field("district_id") == "code"
        assert dialog.source_field("name") == "naam"
        assert dialog.preview.rowCount() == 2 and dialog.preview.item(0, 0).text() == "noord"
        assert dialog.run_import().counts()["added"] == 2
        assert controller.layer("districts").featureCount() == 3

        mjp = write_vector(tmp_path / "mjp.geojson", MJP_ROWS, "GeoJSON")
        dialog.file.setFilePath(mjp)
        dialog.set_target("programme_projects")
        assert dialog.source_field("start_year") == "begin"
        assert dialog.values["status"] == {"Gepland": "planned", "Idee": "idea", "In uitvoering": "in_progress"}
        dry = dialog.dry_run()
        assert dry.counts() == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 0}
        assert "Dry run" in dialog.report.toPlainText() and project_count(empty_gpkg) == 0
        assert dialog.run_import().written and project_count(empty_gpkg) == 3

        edited = [(dict(a, bedrag=1.0) if a["code"] == "MJP-03" else a, w) for a, w in MJP_ROWS]
        dialog.file.setFilePath(write_vector(tmp_path / "mjp2.geojson", edited, "GeoJSON"))
        assert dialog.run_import().counts() == {"added": 0, "updated": 1, "unchanged": 2, "rejected": 0}
        assert project_count(empty_gpkg) == 3
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()


def test_dialog_value_mapping_and_field_choice_are_used(qgis_iface, empty_gpkg, tmp_path):
    rows = [({"naam": "Bank", "dom": "F", "soort": "Onderhoud", "thema": "Groen", "van": 2025, "tot": 2025},
             "POINT (5.38 52.15)")]
    dialog, controller = _dialog(qgis_iface, empty_gpkg)
    try:
        dialog.file.setFilePath(write_vector(tmp_path / "acties.gpkg", rows))
        dialog.set_target("interventions")
        before = fingerprint(empty_gpkg)
        result = dialog.run_import()  # domain, start/end not mapped: refused, nothing written
        assert result is None and "mandatory" in dialog.report.toPlainText()
        assert fingerprint(empty_gpkg) == before
        for field, source in (("domain", "dom"), ("start_year", "van"), ("end_year", "tot")):
            dialog.set_source(field, source)
        assert dialog.values["domain"] == {"F": None}
        rejected = dialog.run_import()
        assert rejected.counts()["rejected"] == 1 and "unknown value 'F'" in dialog.report.toPlainText()
        dialog.values["domain"]["F"] = "physical"
        dialog.values["theme"]["Groen"] = "green"
        assert dialog.run_import().counts()["added"] == 1
        (item,) = GpkgStore(empty_gpkg).read_programme().interventions
        assert (item.get("domain"), item.get("theme"), item.get("kind")) == ("physical", "green", "maintenance")
        assert item.get("district_id") is None  # no districts in this programme to derive it from
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()


def test_dialog_uses_project_layers_and_reports_bad_files(qgis_iface, empty_gpkg, tmp_path):
    dialog, controller = _dialog(qgis_iface, empty_gpkg)
    try:
        bad = tmp_path / "kapot.geojson"
        bad.write_text("{ geen json")
        dialog.file.setFilePath(str(bad))
        assert "not a vector data source" in dialog.status.text()
        layer = QgsVectorLayer(write_vector(tmp_path / "w.gpkg", DISTRICT_ROWS), "wijken", "ogr")
        QgsProject.instance().addMapLayer(layer)
        dialog.file.setFilePath("")
        dialog.layers.setLayer(layer)
        dialog.set_target("districts")
        assert dialog.dry_run().counts()["added"] == 2
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()


def test_import_task_run_and_finished(empty_gpkg, tmp_path, qgis_app):
    src = write_vector(tmp_path / "w.gpkg", DISTRICT_ROWS)
    from gebiedsplugin.core.import_mapping import FieldSource

    mapping = {"district_id": FieldSource("code"), "name": FieldSource("naam")}
    task = ImportTask(empty_gpkg, src, "ogr", "districts", mapping)
    got = []
    task.done.connect(got.append)
    assert task.run()
    task.finished(True)
    assert got[0].counts()["added"] == 2
    failed = []
    bad = ImportTask(empty_gpkg, src, "ogr", "districts", {"name": FieldSource("naam")})
    bad.failed.connect(failed.append)
    assert not bad.run()
    bad.finished(False)
    assert "mandatory" in failed[0]


def test_menu_action_exists(plugin, qgis_iface):
    actions = {a.objectName() for a in qgis_iface.mainWindow().findChildren(QAction)}
    assert "gebiedsplugin_import" in actions


def test_dialog_source_crs_for_a_shapefile_without_prj(qgis_iface, empty_gpkg, tmp_path):
    import os

    from qgis.core import QgsCoordinateReferenceSystem

    src = write_vector(tmp_path / "geen_prj.shp", [MJP_ROWS[0]], "ESRI Shapefile")
    os.unlink(tmp_path / "geen_prj.prj")
    dialog, controller = _dialog(qgis_iface, empty_gpkg)
    try:
        dialog.file.setFilePath(src)
        dialog.set_target("programme_projects")
        assert dialog.run_import() is None and "coordinate reference system" in dialog.report.toPlainText()
        dialog.source_crs.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        assert dialog.run_import().counts()["added"] == 1
        (project,) = GpkgStore(empty_gpkg).read_programme().projects
        assert abs(project.geometry.x - 155000) < 100 and abs(project.geometry.y - 463000) < 100
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()


def test_dialog_refusal_names_file_line_uid_field_and_value(qgis_iface, empty_gpkg, tmp_path):
    src = tmp_path / "acties.csv"
    src.write_text("uid,titel,domein,soort,thema,begin,eind,lon,lat\n"
                   "u-1,Bank,fysiek,onderhoud,green,2025,2025,5.3872,52.1552\n"
                   "u-2,Plein,fysiek,onderhoud,green,2027,2025,5.3872,52.1552\n", encoding="utf-8")
    dialog, controller = _dialog(qgis_iface, empty_gpkg)
    try:
        dialog.file.setFilePath(str(src))
        dialog.set_target("interventions")
        before = fingerprint(empty_gpkg)
        assert dialog.run_import().counts()["rejected"] == 1
        report = dialog.report.toPlainText()
        assert "acties.csv, line 3 (uid u-2): end_year (End year) = 2025 is before start_year (Start year) = 2027" \
            in report
        assert dialog.status.text() == "Nothing imported from acties.csv into Interventions: 1 of 2 rows rejected."
        assert fingerprint(empty_gpkg) == before
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()
