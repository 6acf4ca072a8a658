"""Messages name a programme as a planner reads it (qa4's walk: "Opened postgres:qa_service/qa4_nl"): a
GeoPackage by its file name, a PostGIS programme by its schema and QGIS connection (or database and host)."""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsProject

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.qgis_io.store.source_text import display_name
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


def test_display_names():
    assert display_name("/home/anna/programmas/centrum 2026.gpkg") == "centrum 2026.gpkg"
    assert display_name("postgres:Gemeente server/gebied_2026") == (
        "“gebied_2026” (PostGIS connection “Gemeente server”)")
    assert display_name("postgres:dbname='gis' host=db.gemeente.nl port=5432 authcfg=abc1234/gebied") == (
        "“gebied” (database “gis” on db.gemeente.nl)")
    assert display_name("postgres:service='gebied'/plan") == "“plan” (database “gebied”)"


def test_opened_and_created_name_the_programme(qgis_iface, sample_gpkg, pg_named_connection, pg_extra_schemas):
    controller = ProgrammeController(QgsProject.instance())
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    try:
        assert use_programme(qgis_iface, controller.open, str(sample_gpkg[0]))
        assert bar.get_messages(Qgis.MessageLevel.Success)[-1] == "Programme:Opened voorbeeldstad.gpkg"
        pg_extra_schemas.append("qa5_named")
        assert use_programme(qgis_iface, controller.create, "postgres:{}/qa5_named".format(pg_named_connection))
        assert bar.get_messages(Qgis.MessageLevel.Success)[-1] == (
            "Programme:Created “qa5_named” (PostGIS connection “{}”)".format(pg_named_connection))
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()


def test_a_missing_schema_is_named_in_words(pg_named_connection):
    with pytest.raises(ProgrammeError) as refused:
        open_store("postgres:{}/qa5_nowhere".format(pg_named_connection))
    assert str(refused.value) == "The schema “qa5_nowhere” (PostGIS connection “{}”) does not exist.".format(
        pg_named_connection)


def test_the_open_task_is_named_in_words():
    # QGIS's task manager lists the open by this description while it runs
    from gebiedsplugin.qgis_io.open_task import OpenProgrammeTask

    task = OpenProgrammeTask("postgres:Gemeente server/gebied_2026", "en", lambda *_args: None)
    assert task.description() == "Opening programme “gebied_2026” (PostGIS connection “Gemeente server”)"
    task = OpenProgrammeTask("/data/voorbeeldstad.gpkg", "en", lambda *_args: None)
    assert task.description() == "Opening programme voorbeeldstad.gpkg"
