"""The connection part of the PostGIS store: which server, and where its credentials may go.

A password lives in QGIS's authentication manager (``authcfg=<id>``) or, when a planner ticked
"store password" on a saved QGIS connection, in QGIS's own settings. From there it goes only into
memory: the psycopg2 connection and QGIS's credential cache. It never goes into a layer URI (and so
never into a saved project), a programme path, a log or a message.

A connection string that carries a password (``password=``, ``sslpassword=``, ``user:pw@`` in a
URL) is refused, not stripped: without its password it would connect as someone else or fail later
with a puzzling login error, and the refusal tells the planner how to store it instead.
"""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsCredentials,
    QgsDataSourceUri,
    QgsProviderConnectionException,
    QgsProviderRegistry,
)

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.redact import has_password


def refuse_password(connection: str) -> None:
    """ProgrammeError (without echoing *connection*) when a connection string carries a password."""
    if has_password(connection) or ("=" in connection and QgsDataSourceUri(connection).password()):
        raise ProgrammeError(tr(
            "A PostgreSQL connection string may not contain a password: it would be written into every "
            "layer source and saved project. Store the login in QGIS's authentication manager (Settings > "
            "Options > Authentication) and write authcfg=<id> instead of user and password, or save the "
            "connection in QGIS (Browser > PostgreSQL > New Connection) with an authentication configuration "
            "and use the connection's name."))


def resolve(connection: str) -> QgsDataSourceUri:
    """The full connection of a connection string (with ``authcfg=``) or a saved QGIS connection name.

    A saved connection may hold a stored password; it is handed to QGIS's credential cache so that
    layers whose URI leaves it out still connect in this session (see without_password()).
    """
    refuse_password(connection)
    if "=" in connection:
        return QgsDataSourceUri(connection)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        found = metadata.findConnection(connection)
    except QgsProviderConnectionException:
        found = None
    if found is None:
        raise ProgrammeError(tr("There is no PostgreSQL connection called {} in QGIS.").format(connection))
    uri = QgsDataSourceUri(found.uri())
    if uri.password():
        realm = without_password(uri).connectionInfo(False)  # what the postgres provider asks for
        QgsCredentials.instance().put(realm, uri.username(), uri.password())
    return uri


def without_password(uri: QgsDataSourceUri) -> QgsDataSourceUri:
    """A copy of *uri* without its password (the authcfg id and user name stay)."""
    safe = QgsDataSourceUri(uri.uri(False))
    safe.setPassword("")
    return safe


def connect_params(uri: QgsDataSourceUri) -> dict:
    """psycopg2.connect() keyword arguments of *uri*, credentials read from the auth manager in memory."""
    params = {"application_name": "gebiedsplugin", "options": "-c TimeZone=UTC"}
    for key, value in (("service", uri.service()), ("host", uri.host()), ("port", uri.port()),
                       ("dbname", uri.database()), ("user", uri.username()), ("password", uri.password())):
        if value:
            params[key] = value
    if uri.authConfigId():
        config = QgsAuthMethodConfig()
        ok = QgsApplication.authManager().loadAuthenticationConfig(uri.authConfigId(), config, True)
        if not ok or not config.isValid():
            raise ProgrammeError(tr("The QGIS authentication configuration {} cannot be read "
                                    "(is the master password set?).").format(uri.authConfigId()))
        params["user"] = config.config("username")
        params["password"] = config.config("password")
    return params
