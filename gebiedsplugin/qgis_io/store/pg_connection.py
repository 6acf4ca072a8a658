"""The connection part of the PostGIS store: which server, and where its credentials may go.

A password lives in QGIS's authentication manager (``authcfg=<id>``) or, when a planner ticked
"store password" on a saved QGIS connection, in QGIS's own settings. From there it goes only into
memory: the psycopg2 connection and QGIS's credential cache. It never goes into a layer URI (and so
never into a saved project), a programme path, a log or a message.

A saved connection without its password (QGIS's default) is logged in to as QGIS's postgres provider
does: the server is tried first; when it asks for a password, ``QgsCredentials`` gives the one already
obtained in this session or asks the planner (QGIS's own prompt), and a login that works is put back
into QGIS's credential cache, so it is asked once per session and QGIS's layers reuse it. A server
that cannot be reached is reported at once, without asking for a password.

A connection string that carries a password (``password=``, ``sslpassword=``, ``user:pw@`` in a
URL) is refused, not stripped: without its password it would connect as someone else or fail later
with a puzzling login error, and the refusal tells the planner how to store it instead.
"""

from __future__ import annotations

import psycopg2
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
from gebiedsplugin.toolbelt.redact import has_password, redact

CONNECT_TIMEOUT = 10  # seconds, as QGIS's postgres provider waits for a server
LOGIN_ATTEMPTS = 3
_LOGIN_ERRORS = ("no password supplied", "password authentication failed", "authentication failed")
# Realms (connection info without a password) whose server asked for a password in this session:
# their next connection goes to QgsCredentials first. Holds no secret.
_needs_login: set = set()


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
        QgsCredentials.instance().put(realm(uri), uri.username(), uri.password())
    return uri


def without_password(uri: QgsDataSourceUri) -> QgsDataSourceUri:
    """A copy of *uri* without its password (the authcfg id and user name stay)."""
    safe = QgsDataSourceUri(uri.uri(False))
    safe.setPassword("")
    return safe


def realm(uri: QgsDataSourceUri) -> str:
    """The key under which QGIS's postgres provider caches the login of *uri* (no password in it)."""
    return without_password(uri).connectionInfo(False)


def connect_params(uri: QgsDataSourceUri) -> dict:
    """psycopg2.connect() keyword arguments of *uri*, credentials read from the auth manager in memory."""
    params = {"application_name": "gebiedsplugin", "options": "-c TimeZone=UTC", "connect_timeout": CONNECT_TIMEOUT}
    for key, value in (("service", uri.service()), ("host", uri.host()), ("port", uri.port()),
                       ("dbname", uri.database()), ("user", uri.username()), ("password", uri.password())):
        if value:
            params[key] = value
    # The connection's SSL mode, as QGIS's provider passes it: "prefer" is libpq's default, left out so
    # that a service file's sslmode holds.
    if uri.sslMode() != QgsDataSourceUri.SslMode.SslPrefer:
        params["sslmode"] = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    if uri.authConfigId():
        config = QgsAuthMethodConfig()
        ok = QgsApplication.authManager().loadAuthenticationConfig(uri.authConfigId(), config, True)
        if not ok or not config.isValid():
            raise ProgrammeError(tr("The QGIS authentication configuration {} cannot be read "
                                    "(is the master password set?).").format(uri.authConfigId()))
        params["user"] = config.config("username")
        params["password"] = config.config("password")
    return params


def _is_login_error(error: Exception) -> bool:
    return any(text in str(error) for text in _LOGIN_ERRORS)


def _one_line(error: Exception, *secrets) -> str:
    return redact(" ".join(str(error).split()), *secrets)


def connect(uri: QgsDataSourceUri, label: str):
    """A psycopg2 connection to *uri*, logged in as QGIS would (see the module); *label* names it in messages.

    ProgrammeError when the server cannot be reached, the login is refused or the planner cancels
    QGIS's prompt (asked at most LOGIN_ATTEMPTS times, never again after a cancel).
    """
    params = connect_params(uri)
    key = realm(uri)
    own_login = bool(params.get("password"))  # authcfg or a password saved with the connection
    if own_login or key not in _needs_login:
        try:
            return psycopg2.connect(**params)
        except psycopg2.Error as e:
            if own_login or not _is_login_error(e):
                raise _failure(e, label, params.get("password")) from None
            _needs_login.add(key)
            message = _one_line(e)
    else:
        message = ""
    return _connect_with_credentials(params, key, label, message)


def _connect_with_credentials(params: dict, key: str, label: str, message: str):
    credentials = QgsCredentials.instance()
    credentials.lock()
    try:
        user = params.get("user", "")
        for _attempt in range(LOGIN_ATTEMPTS):
            ok, user, password = credentials.get(key, user, "", message)
            if not ok:
                raise ProgrammeError(tr("Logging in to the database {} was cancelled.").format(label))
            login = dict(params, password=password)
            if user:
                login["user"] = user
            try:
                conn = psycopg2.connect(**login)
            except psycopg2.Error as e:
                if not _is_login_error(e):
                    raise _failure(e, label, password) from None
                message = _one_line(e, password)
                continue
            credentials.put(key, user, password)  # get() took it out of the cache; a working login goes back
            return conn
        raise ProgrammeError(tr("The database {} refused the login: {}").format(label, message))
    finally:
        credentials.unlock()


def _failure(error: Exception, label: str, password) -> ProgrammeError:
    if _is_login_error(error):
        return ProgrammeError(tr("The database {} refused the login: {}").format(label, _one_line(error, password)))
    return ProgrammeError(tr("Cannot connect to the database {}: the server cannot be reached or refused the "
                             "connection ({}).").format(label, _one_line(error, password)))
