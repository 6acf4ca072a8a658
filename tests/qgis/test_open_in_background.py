"""Open programme… in the desktop opens in a task (#18 item 2: the main thread is not blocked while the
store is opened and checked and 14 layers are made, styled and given their forms): the layers come into
the project when it ends, as the synchronous open puts them; a second open or a create replaces a pending
one, and the layers of two programmes are never mixed; errors name the file; the unsaved-edits question
comes first."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QDate

from gebiedsplugin.core import schema
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.loader import SOURCE_PROPERTY, TABLE_PROPERTY, programme_layers
from tests.qgis.gui_helpers import open_in_background, wait_for
from tests.qgis.test_schema_migration import FIXTURE_V1
from tests.qgis.test_schema_migration import Answers as UpgradeAnswers


class Answers:
    """Prompts that answer the unsaved-edits question with *answer* (and count how often they were asked)."""

    def __init__(self, answer="cancel"):
        self.answer, self.asked = answer, 0

    def save_discard_cancel(self, _title, _text):
        self.asked += 1
        return self.answer

    def inform(self, *_args):
        pass


def _counts(path) -> dict:
    with sqlite3.connect(str(path)) as db:
        return {t: db.execute("SELECT count(*) FROM " + t).fetchone()[0] for t in schema.LAYER_TABLES}


def _first_year(path) -> int:
    tables = schema.INTERVENTION_TABLES + schema.PROJECT_TABLES
    with sqlite3.connect(str(path)) as db:
        return min(v for t in tables for (v,) in db.execute("SELECT min(start_year) FROM " + t) if v is not None)


def test_the_layers_come_into_the_project_when_the_task_has_ended(sample_gpkg, qgis_app):
    path, _ = sample_gpkg
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    told, outcomes = [], []
    controller.programmeChanged.connect(lambda: told.append(controller.store))
    try:
        open_in_background(controller, path, outcomes)
        assert controller.store is None and not project.mapLayers()  # nothing yet: made in the task
        assert wait_for(lambda: outcomes)
        assert outcomes == [("opened", None)]
        assert controller.opening is None and told == [controller.store]
        assert controller.store.path == str(path.resolve())
        layers = programme_layers(project, controller.store.path)
        assert layers == controller.layers and set(layers) == set(schema.LAYER_TABLES)
        main = QCoreApplication.instance().thread()
        assert all(layer.thread() is main and layer.dataProvider().thread() is main for layer in layers.values())
        assert {t: layer.featureCount() for t, layer in layers.items()} == _counts(path)
        group = project.layerTreeRoot().children()[0]
        assert group.name() == "Programme: voorbeeldstad"
        assert [n.layer().id() for n in group.findLayers()] == [layers[t].id() for t in schema.LAYER_TABLES]
        assert project.timeSettings().temporalRange().begin().date() == QDate(_first_year(path), 1, 1)
        assert len(project.relationManager().relations()) == 9
        point = layers["interventions_point"]  # forms, aliases and style as the synchronous open gives them
        assert point.attributeAlias(point.fields().indexFromName("start_year")) == "Start year"
        assert point.editorWidgetSetup(point.fields().indexFromName("status")).type() == "ValueMap"
        assert point.renderer().type() == "categorizedSymbol"
        assert point.startEditing() and point.rollBack()  # the edit session follows it
    finally:
        controller.disconnect_project()
        project.clear()


def test_a_second_open_replaces_a_pending_one(sample_gpkg, tmp_path, qgis_app):
    path, _ = sample_gpkg
    other = tmp_path / "other.gpkg"
    other.write_bytes(path.read_bytes())
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    first, second = [], []
    try:
        open_in_background(controller, path, first)
        open_in_background(controller, other, second)
        assert wait_for(lambda: first and second)
        assert first == [("cancelled", None)] and second == [("opened", None)]
        assert controller.store.path == str(other.resolve())
        sources = {layer.customProperty(SOURCE_PROPERTY) for layer in project.mapLayers().values()}
        assert sources == {str(other.resolve())}  # not one layer of the first
        assert len(project.mapLayers()) == len(schema.LAYER_TABLES)
        assert [g.name() for g in project.layerTreeRoot().findGroups()] == ["Programme: other"]
    finally:
        controller.disconnect_project()
        project.clear()


def test_a_create_or_a_new_project_stops_a_pending_open(sample_gpkg, tmp_path, qgis_app):
    path, _ = sample_gpkg
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    outcomes = []
    try:
        open_in_background(controller, path, outcomes)
        controller.create(str(tmp_path / "new.gpkg"))
        assert wait_for(lambda: outcomes) and outcomes == [("cancelled", None)]
        assert {lyr.customProperty(SOURCE_PROPERTY) for lyr in project.mapLayers().values()} == {
            str((tmp_path / "new.gpkg").resolve())}
        outcomes.clear()
        open_in_background(controller, path, outcomes)
        project.clear()
        assert wait_for(lambda: outcomes) and outcomes == [("cancelled", None)]
        assert not project.mapLayers() and controller.store is None
    finally:
        controller.disconnect_project()
        project.clear()


def test_an_error_names_the_file_and_changes_nothing(sample_gpkg, tmp_path, qgis_app):
    path, _ = sample_gpkg
    bad = tmp_path / "notes.gpkg"
    bad.write_text("not a GeoPackage")
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    outcomes = []
    try:
        controller.open(str(path))
        layers = dict(controller.layers)
        open_in_background(controller, bad, outcomes)
        assert wait_for(lambda: outcomes)
        assert outcomes[0][0] == "error" and "notes.gpkg" in str(outcomes[0][1])
        assert controller.layers == layers and controller.store.path == str(path.resolve())
        assert {lyr.customProperty(TABLE_PROPERTY) for lyr in project.mapLayers().values()} == set(schema.LAYER_TABLES)
    finally:
        controller.disconnect_project()
        project.clear()


def test_the_menu_path_asks_about_unsaved_edits_first_and_tells_the_end(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    other = tmp_path / "other.gpkg"
    other.write_bytes(path.read_bytes())
    controller = plugin.controller
    assert use_programme(qgis_iface, controller.open, str(path))  # scripts: open when it returns
    layer = controller.layer("interventions_point")
    fid = next(layer.getFeatures()).id()
    assert layer.startEditing()
    layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), "Kept unsaved")
    cancel = Answers("cancel")
    assert not use_programme(qgis_iface, controller.open, str(other), cancel, background=True)
    assert cancel.asked == 1 and controller.opening is None and layer.isModified()
    discard = Answers("discard")
    qgis_iface.messageBar().clear_messages()
    assert use_programme(qgis_iface, controller.open, str(other), discard, background=True)
    assert discard.asked == 1 and controller.opening is not None
    assert wait_for(lambda: controller.opening is None)
    assert wait_for(lambda: qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success))
    assert controller.store.path == str(other.resolve())
    assert "Opened " in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)[-1]
    with sqlite3.connect(str(path)) as db:  # discarded: the first file has its old title
        assert db.execute("SELECT title FROM interventions_point WHERE fid = ?", (fid,)).fetchone()[0] != "Kept unsaved"


def test_listeners_are_told_in_turns_after_the_layers_came_in(sample_gpkg, qgis_app):
    """What a listener hands to in_turn() while the opened programme is told runs after the signal, one a
    turn, before on_done; outside an open in the background it runs at once (scripts, the sync open)."""
    path, _ = sample_gpkg
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    events = []

    def listener():
        events.append(("told", controller.in_turns()))
        controller.in_turn(lambda: events.append(("first", len(controller.layers))))
        controller.in_turn(lambda: events.append(("second", controller.in_turns())))
        events.append(("signal over", None))

    controller.programmeChanged.connect(listener)
    outcomes = []
    try:
        open_in_background(controller, path, outcomes)
        assert wait_for(lambda: outcomes) and outcomes == [("opened", None)]
        assert events == [("told", True), ("signal over", None), ("first", len(schema.LAYER_TABLES)),
                          ("second", True)]
        assert not controller.in_turns()
        project.clear()
        events.clear()
        controller.open(str(path))  # synchronously (scripts): told at once, in the signal
        assert events == [("told", False), ("first", len(schema.LAYER_TABLES)), ("second", False),
                          ("signal over", None)]
    finally:
        controller.disconnect_project()
        project.clear()


def test_an_older_programme_is_upgraded_after_the_question_then_opened(qgis_iface, tmp_path, qgis_app):
    """The menu's Open in the background: the task finds the older schema (NeedsUpgrade), the planner is asked
    once on the main thread, the file is upgraded with a backup and opened; declined, nothing changes."""
    v1 = tmp_path / "programma.gpkg"
    shutil.copy(FIXTURE_V1, v1)
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    try:
        digest = hashlib.sha256(v1.read_bytes()).hexdigest()
        declined = UpgradeAnswers(str(v1), upgrade=False)
        assert use_programme(qgis_iface, controller.open, str(v1), declined, background=True)
        assert wait_for(lambda: controller.opening is None and declined.asked)
        assert len(declined.asked) == 1 and controller.store is None and not project.mapLayers()
        assert hashlib.sha256(v1.read_bytes()).hexdigest() == digest and not list(tmp_path.glob("*_backup_*"))
        accepted = UpgradeAnswers(str(v1), upgrade=True)
        assert use_programme(qgis_iface, controller.open, str(v1), accepted, background=True)
        assert wait_for(lambda: controller.store is not None and controller.opening is None)
        assert len(accepted.asked) == 1 and len(list(tmp_path.glob("*_v1_backup_*.gpkg"))) == 1
        assert controller.store.schema_info()["schema_version"] == str(schema.SCHEMA_VERSION)
        assert set(programme_layers(project, controller.store.path)) == set(schema.LAYER_TABLES)
    finally:
        controller.disconnect_project()
        project.clear()
