"""The PostGIS store: create, open, validate, constraints, layers with forms, no passwords around."""

from __future__ import annotations

import os

import psycopg2
import pytest
from qgis.core import QgsProject, QgsVectorLayer

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.value_lists import VALUE_LISTS
from gebiedsplugin.qgis_io.loader import load_programme
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


def test_create_has_every_table_and_version(pg_connection, pg_schema):
    store = PostgisStore.create(pg_connection, pg_schema)
    counts = store.counts()
    assert set(counts) == {t.name for t in schema.TABLES}
    assert store.schema_info()["schema_version"] == str(schema.SCHEMA_VERSION)
    assert store.crs() == "EPSG:28992"
    assert counts["value_lists"] == sum(len(v) for v in VALUE_LISTS.values())
    assert store.settings() == schema.DEFAULT_SETTINGS
    assert store.value_lists()["theme"]["green"] == ("Green and water", "Groen en water")
    assert store.provider == "postgres" and store.path.endswith("/" + pg_schema)
    password = os.environ["GEBIED_PG_PASSWORD"]
    for table in schema.TABLES:
        uri = store.uri(table.name)
        assert password not in uri and "authcfg=" in uri
        layer = QgsVectorLayer(uri, table.name, "postgres")
        assert layer.isValid(), table.name
        assert set(table.field_names) <= set(layer.fields().names()), table.name
    store.write_settings({"rest_period_years": 7, "new_key": "x"})
    assert store.settings()["rest_period_years"] == "7" and store.settings()["new_key"] == "x"


def test_open_by_connection_name_and_refusals(pg_named_connection, pg_schema):
    with pytest.raises(ProgrammeError, match="does not exist"):
        PostgisStore.open(pg_named_connection, pg_schema)
    PostgisStore.create(pg_named_connection, pg_schema, "EPSG:3857")
    store = PostgisStore.open(pg_named_connection, pg_schema)
    assert store.crs() == "EPSG:3857" and store.path == "postgres:{}/{}".format(pg_named_connection, pg_schema)
    with pytest.raises(ProgrammeError, match="already exists"):
        PostgisStore.create(pg_named_connection, pg_schema)
    with pytest.raises(ProgrammeError):
        PostgisStore(pg_named_connection, 'x"; DROP SCHEMA public; --')
    with pytest.raises(ProgrammeError, match="no PostgreSQL connection"):
        PostgisStore("no_such_connection", pg_schema)
    with pytest.raises(ProgrammeError, match="projected"):
        PostgisStore.create(pg_named_connection, pg_schema + "_geo", "EPSG:4326")
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute('UPDATE "{}".schema_info SET value = %s WHERE key = %s'.format(pg_schema),
                    (str(schema.SCHEMA_VERSION + 1), "schema_version"))
    conn.commit()
    conn.close()
    with pytest.raises(ProgrammeError, match="newer version"):
        PostgisStore.open(pg_named_connection, pg_schema)


@pytest.mark.parametrize("column, value", [("end_year", 2019), ("priority", 5), ("budget", -1), ("title", None)])
def test_database_constraints(pg_connection, pg_schema, column, value):
    store = PostgisStore.create(pg_connection, pg_schema)
    row = {"uid": "u1", "title": "t", "domain": "social", "kind": "initiative", "theme": "care",
           "start_year": 2020, "end_year": 2021}
    row[column] = value
    conn = store.connect()
    names = list(row)
    statement = 'INSERT INTO "{}".interventions_point ({}) VALUES ({})'.format(
        pg_schema, ", ".join('"{}"'.format(n) for n in names), ", ".join(["%s"] * len(names)))
    with pytest.raises(psycopg2.IntegrityError):
        with conn.cursor() as cur:
            cur.execute(statement, [row[n] for n in names])
    conn.close()


def test_layers_load_with_forms(pg_sample, tmp_path):
    _, store, _ = pg_sample
    project = QgsProject.instance()
    layers = load_programme(store, project, lang="nl")
    assert set(layers) == set(schema.LAYER_TABLES)
    points = layers["interventions_point"]
    assert points.providerType() == "postgres" and points.isValid()
    assert points.featureCount() == store.counts()["interventions_point"]
    idx = points.fields().indexFromName("theme")
    assert points.attributeAlias(idx) == "Thema"
    assert points.editorWidgetSetup(idx).type() == "ValueMap"
    version = points.fields().indexFromName("row_version")
    assert points.editFormConfig().readOnly(version)  # the edit session states it, never the planner
    assert len(project.relationManager().relations()) == 3 * len(schema.INTERVENTION_TABLES)  # funding, effects, links
    qgs = tmp_path / "p.qgs"
    assert project.write(str(qgs))
    text = qgs.read_text()
    assert "authcfg=" in text and os.environ["GEBIED_PG_PASSWORD"] not in text
    assert "password=" not in text.lower()
    project.clear()
