"""Opening a PostGIS programme from the GUI: menu action, connection/schema dialog, reopening a project."""

from __future__ import annotations

import os

from psycopg2 import sql
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QAction

from gebiedsplugin.gui.postgis_dialog import CREATE, OPEN, PostgisDialog, connection_names
from gebiedsplugin.qgis_io.loader import programme_layers
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


def test_menu_action_and_dialog_open_and_create(plugin, pg_sample, pg_named_connection):
    _, pg, _ = pg_sample
    action = plugin.iface.mainWindow().findChild(QAction, "gebiedsplugin_open_postgis")
    assert action is not None and action in plugin.menu.actions()
    assert pg_named_connection in connection_names()
    dialog = PostgisDialog()
    dialog.connection.setCurrentText(pg_named_connection)
    assert pg.schema_name in [dialog.schema.itemText(i) for i in range(dialog.schema.count())]
    dialog.schema.setCurrentText("Not valid!")
    assert not dialog.choose(OPEN) and "lower-case" in dialog.message.text()
    dialog.schema.setCurrentText(pg.schema_name)
    assert dialog.choose(OPEN) and dialog.mode == OPEN
    source = dialog.source()
    assert source == "postgres:{}/{}".format(pg_named_connection, pg.schema_name)
    store = plugin.controller.open(source)
    assert store.kind == "postgis" and plugin.controller.layer("interventions_point").providerType() == "postgres"
    assert plugin.controller.layer("districts").featureCount() == pg.counts()["districts"]
    # Create a new, empty one the same way.
    dialog.schema.setCurrentText(pg.schema_name + "_new")
    assert dialog.choose(CREATE) and dialog.mode == CREATE
    created = plugin.controller.create(dialog.source())
    try:
        assert created.counts()["interventions_point"] == 0 and created.schema_name == pg.schema_name + "_new"
        assert plugin.controller.store is created
    finally:
        QgsProject.instance().clear()
        conn = created.connect()
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(created.schema_name)))
        conn.commit()
        conn.close()


def test_reopened_project_adopts_the_postgis_programme(plugin, pg_sample, tmp_path):
    _, pg, _ = pg_sample
    plugin.controller.open(pg.path)
    qgs = tmp_path / "shared.qgs"
    project = QgsProject.instance()
    assert project.write(str(qgs))
    assert os.environ["GEBIED_PG_PASSWORD"] not in qgs.read_text()
    project.clear()
    assert plugin.controller.store is None
    assert project.read(str(qgs))
    assert programme_layers(project)
    assert plugin.controller.adopt_project_layers()
    assert plugin.controller.store.kind == "postgis" and plugin.controller.store.path == pg.path
