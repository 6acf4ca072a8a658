"""The connection part of the PostGIS store: which server, and where its credentials may go.

A password lives in QGIS's authentication manager (``authcfg=<id>``) or, when a planner ticked
"store password" on a saved QGIS connection, in QGIS's own settings. From there it goes only into
memory: the psycopg2 connection and QGIS's credential cache. It never goes into a layer URI (and so
never into a saved project), a programme path, a log or a message. An auth config is expanded by its
own method as QGIS's postgres provider does (login_params): a client certificate (PKI-Paths,
PKI-PKCS#12, Identity-Cert) reaches libpq as temporary PEM files that QGIS writes and this module
removes as soon as the connection is made or has failed.

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

import os
import stat
from contextlib import contextmanager

import psycopg2
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCredentials,
    QgsDataSourceUri,
    QgsProviderConnectionException,
    QgsProviderRegistry,
)

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import log
from gebiedsplugin.toolbelt.redact import has_password, redact

CONNECT_TIMEOUT = 10  # seconds, as QGIS's postgres provider waits for a server
LOGIN_ATTEMPTS = 3
_LOGIN_ERRORS = ("no password supplied", "password authentication failed", "authentication failed")
# What libpq says when the server turns a client certificate down (checked only when one was sent).
_CERTIFICATE_ERRORS = ("certificate", "alert", "ssl error")
_UNTRUSTED_SERVER = "certificate verify failed"
_TEMPORARY_FILES = ("sslcert", "sslkey", "sslrootcert")  # what auth methods write for a connection
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
    """psycopg2.connect() keyword arguments of *uri* without its auth config (see login_params())."""
    params = {"application_name": "gebiedsplugin", "options": "-c TimeZone=UTC", "connect_timeout": CONNECT_TIMEOUT}
    for key, value in (("service", uri.service()), ("host", uri.host()), ("port", uri.port()),
                       ("dbname", uri.database()), ("user", uri.username()), ("password", uri.password())):
        if value:
            params[key] = value
    # The connection's SSL mode, as QGIS's provider passes it: "prefer" is libpq's default, left out so
    # that a service file's sslmode holds.
    if uri.sslMode() != QgsDataSourceUri.SslMode.SslPrefer:
        params["sslmode"] = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    return params


def conninfo_items(items) -> dict:
    """key -> value of libpq conninfo items (``key=value``, ``key='quoted \\' value'``) as auth methods write them."""
    out = {}
    for item in items:
        key, _, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if value.startswith("'"):
            chars, escaped = [], False
            for ch in value[1:]:
                if escaped:
                    chars.append(ch)
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == "'":
                    break
                else:
                    chars.append(ch)
            value = "".join(chars)
        if key:
            out[key] = value
    return out


def _remove(path: str) -> None:
    try:
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)  # QGIS leaves them read-only (Windows refuses the delete)
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError as e:
        log(tr("A temporary certificate file could not be removed: {} ({})").format(path, e), Qgis.MessageLevel.Warning)


@contextmanager
def login_params(uri: QgsDataSourceUri):
    """``with login_params(uri) as params:`` psycopg2.connect() keyword arguments, logged in as QGIS would.

    An auth config is expanded by its own method, as QGIS's postgres provider does
    (``QgsAuthManager.updateDataSourceUriItems``): Basic gives user and password, the certificate
    methods (PKI-Paths, PKI-PKCS#12, Identity-Cert) the certificate's name as user and temporary PEM
    files of the certificate, its key and the trusted authorities (sslcert, sslkey, sslrootcert).
    libpq reads those files while connecting; they are removed when the block ends, also on failure,
    so key material is on disk only for the length of one connect.
    """
    params = connect_params(uri)
    files = []
    try:
        if uri.authConfigId():
            items = ["sslmode=" + params["sslmode"]] if "sslmode" in params else []
            ok, items = QgsApplication.authManager().updateDataSourceUriItems(items, uri.authConfigId(), "postgres")
            expanded = conninfo_items(items)
            files = [expanded[k] for k in _TEMPORARY_FILES if expanded.get(k)]
            if not ok:
                raise ProgrammeError(tr("The QGIS authentication configuration {} cannot be read "
                                        "(is the master password set?).").format(uri.authConfigId()))
            params.update(expanded)
        yield params
    finally:
        for path in files:
            _remove(path)


def _is_login_error(error: Exception) -> bool:
    return any(text in str(error) for text in _LOGIN_ERRORS)


def _one_line(error: Exception, *secrets) -> str:
    return redact(" ".join(str(error).split()), *secrets)


def connect(uri: QgsDataSourceUri, label: str):
    """A psycopg2 connection to *uri*, logged in as QGIS would (see the module); *label* names it in messages.

    ProgrammeError when the server cannot be reached, the login or the certificate is refused or the
    planner cancels QGIS's prompt (asked at most LOGIN_ATTEMPTS times, never again after a cancel; never
    for a connection with an auth config, whose login is the config's).
    """
    key = realm(uri)
    with login_params(uri) as params:
        # An auth config or a password saved with the connection: the login is known, QGIS would not ask.
        own_login = bool(uri.authConfigId() or params.get("password"))
        if own_login or key not in _needs_login:
            try:
                return psycopg2.connect(**params)
            except psycopg2.Error as e:
                if own_login or not _is_login_error(e):
                    raise _failure(e, label, params, uri.authConfigId()) from None
                _needs_login.add(key)
                message = _one_line(e)
        else:
            message = ""
    return _connect_with_credentials(connect_params(uri), key, label, message)


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
                    raise _failure(e, label, login) from None
                message = _one_line(e, password)
                continue
            credentials.put(key, user, password)  # get() took it out of the cache; a working login goes back
            return conn
        raise ProgrammeError(tr("The database {} refused the login: {}").format(label, message))
    finally:
        credentials.unlock()


def _failure(error: Exception, label: str, params: dict, authcfg: str = "") -> ProgrammeError:
    password = params.get("password")
    detail = _one_line(error, password)
    text = detail.lower()
    if params.get("sslrootcert") and _UNTRUSTED_SERVER in text:
        return ProgrammeError(tr("The database {} is not trusted: its server certificate is not signed by an "
                                 "authority QGIS trusts (Settings > Options > Authentication > Certificate "
                                 "Manager): {}.").format(label, detail))
    if params.get("sslcert") and (_is_login_error(error) or any(t in text for t in _CERTIFICATE_ERRORS)):
        return ProgrammeError(tr("The database {} refused the client certificate of the QGIS authentication "
                                 "configuration {}: {}.").format(label, _config_name(authcfg), detail))
    if _is_login_error(error):
        return ProgrammeError(tr("The database {} refused the login: {}").format(label, detail))
    return ProgrammeError(tr("Cannot connect to the database {}: the server cannot be reached or refused the "
                             "connection ({}).").format(label, detail))


def _config_name(authcfg: str) -> str:
    """“name” (id) of an auth config, as QGIS's authentication settings list it (no secret in either)."""
    config = QgsApplication.authManager().availableAuthMethodConfigs().get(authcfg)
    return "“{}” ({})".format(config.name(), authcfg) if config is not None and config.name() else authcfg
