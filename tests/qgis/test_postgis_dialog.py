"""The PostGIS dialog as a new user meets it: QGIS's widgets, a login asked once, a server that is down."""

from __future__ import annotations

from qgis.gui import QgsDatabaseSchemaComboBox, QgsProviderConnectionComboBox

from gebiedsplugin.gui.postgis_dialog import CREATE, OPEN, PostgisDialog
from tests.qgis.credentials_fixtures import *  # noqa: F401,F403
from tests.qgis.credentials_fixtures import server_password
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


def test_unsaved_password_asked_once_then_open_and_create(answer_credentials, pg_no_password_connection,
                                                          pg_sample, pg_extra_schemas):
    _, pg, _ = pg_sample
    prompt = answer_credentials(server_password())
    dialog = PostgisDialog()
    assert isinstance(dialog.connection, QgsProviderConnectionComboBox)
    assert isinstance(dialog.schema, QgsDatabaseSchemaComboBox)
    dialog.connection.setConnection(pg_no_password_connection)
    assert dialog.reachable and pg.schema_name in dialog.programmes
    assert "public" in dialog.schemas() and pg.schema_name in dialog.schemas()
    dialog.schema.setSchema(pg.schema_name)
    assert dialog.open_button.isEnabled() and not dialog.create_button.isEnabled()
    dialog.schema.comboBox().setCurrentText("public")  # a schema, but no programme
    assert not dialog.open_button.isEnabled() and not dialog.create_button.isEnabled()
    assert "holds no programme" in dialog.message.text()
    new = pg.schema_name + "_fresh"
    pg_extra_schemas.append(new)
    dialog.schema.comboBox().setCurrentText(new)
    assert dialog.create_button.isEnabled() and not dialog.open_button.isEnabled()
    assert dialog.choose(CREATE) and dialog.source() == "postgres:{}/{}".format(pg_no_password_connection, new)
    from gebiedsplugin.qgis_io.store.open import create_store

    created = create_store(dialog.source(), pg.crs())  # was: fe_sendauth: no password supplied
    assert created.counts()["districts"] == 0
    assert len(prompt.requests) == 1  # the dialog, QGIS's schema list and the store shared one login


def test_server_down_is_said_in_the_dialog_once(answer_credentials, pg_down_connection, pg_named_connection):
    prompt = answer_credentials(server_password())
    dialog = PostgisDialog()
    dialog.show()
    assert dialog.width() >= 480 and dialog.height() >= 150
    dialog.connection.setConnection(pg_down_connection)
    text = dialog.message.text()
    assert "cannot be reached" in text and pg_down_connection in text
    label = dialog.message
    assert label.height() >= label.heightForWidth(label.width())  # the whole message shows, not cut off
    assert not dialog.open_button.isEnabled() and not dialog.create_button.isEnabled()
    assert not dialog.schema.isEnabled() and not dialog.choose(OPEN)
    assert prompt.requests == []  # no prompt, so no prompt loop
    dialog.connection.setConnection(pg_named_connection)  # another connection works again
    assert dialog.reachable and dialog.schema.isEnabled() and "cannot be reached" not in dialog.message.text()
    dialog.close()


def test_no_connection_disables_open_and_create_and_names_postgis(qgis_app):
    dialog = PostgisDialog()
    if dialog.connection_name():  # connections saved by other tests of the session: pick none
        dialog.connection.setAllowEmptyConnection(True)
        dialog.connection.setConnection("")
    assert not dialog.open_button.isEnabled() and not dialog.create_button.isEnabled()
    assert "PostGIS > New Connection" in dialog.message.text() and "PostgreSQL" not in dialog.message.text()


def test_copy_programme_help_is_read_and_picks_connection_and_schema(provider, answer_credentials, empty_gpkg,
                                                                      pg_no_password_connection, pg_extra_schemas):
    import processing
    from qgis.core import QgsProcessingParameterDatabaseSchema, QgsProcessingParameterProviderConnection
    from qgis.PyQt.QtGui import QTextDocument

    alg = provider.algorithm("copy_programme")
    document = QTextDocument()
    document.setHtml(alg.shortHelpString())  # the Processing dialog shows it as HTML
    assert "postgres:<QGIS connection>/<schema>" in document.toPlainText()
    document.setHtml(alg.parameterDefinition("OUTPUT").toolTip())
    assert "postgres:<QGIS connection>/<schema>" in document.toPlainText()
    assert isinstance(alg.parameterDefinition("TARGET_CONNECTION"), QgsProcessingParameterProviderConnection)
    assert isinstance(alg.parameterDefinition("TARGET_SCHEMA"), QgsProcessingParameterDatabaseSchema)
    prompt = answer_credentials(server_password())
    pg_extra_schemas.append("copied_by_picker")
    result = processing.run("gebiedsplugin:copy_programme", {
        "INPUT": str(empty_gpkg), "TARGET_CONNECTION": pg_no_password_connection, "TARGET_SCHEMA": "copied_by_picker"})
    assert result["OUTPUT"] == "postgres:{}/copied_by_picker".format(pg_no_password_connection)
    assert len(prompt.requests) == 1
