"""Open a programme store from one text: a GeoPackage path or ``postgres:<connection>/<schema>``.

``<connection>`` is a QGIS PostgreSQL connection name or a connection string with ``authcfg=``
(what ``PostgisStore.path`` gives); one with a password is refused (``pg_connection``), and
messages about a source never repeat a password (``toolbelt.redact``).
"""

from __future__ import annotations

from pathlib import Path

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.protocol import ProgrammeStore
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.redact import redact

PREFIX = "postgres:"


def is_postgis(source: str) -> bool:
    """True when *source* names a PostGIS programme."""
    return str(source).startswith(PREFIX)


def display_name(source: str) -> str:
    """*source* as a planner reads it in a message: a GeoPackage's file name; a PostGIS programme's schema
    and its QGIS connection (or the database and host of a connection string), never the
    ``postgres:<connection>/<schema>`` text."""
    text = str(source)
    if not is_postgis(text):
        return Path(text).name
    connection, _sep, schema_name = text[len(PREFIX):].rpartition("/")
    if "=" in connection:  # a connection string (never with a password: refused on open): its database says which
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri(connection)
        database = uri.database() or uri.service()
        return (tr("“{schema}” (database “{database}” on {host})") if uri.host() else
                tr("“{schema}” (database “{database}”)")).format(schema=schema_name, database=database,
                                                                 host=uri.host())
    return tr("“{schema}” (PostGIS connection “{connection}”)").format(schema=schema_name, connection=connection)


def split_postgis(source: str) -> tuple:
    """(connection, schema) of a ``postgres:<connection>/<schema>`` text."""
    from gebiedsplugin.qgis_io.store.pg_connection import refuse_password

    refuse_password(str(source))  # before any message could quote a part of it
    connection, sep, schema_name = str(source)[len(PREFIX):].rpartition("/")
    if not sep or not connection or not schema_name:
        raise ProgrammeError(tr("A PostGIS programme is written postgres:<connection>/<schema>, not {}.")
                             .format(redact(source)))
    return connection, schema_name


def unopened_store(source: str, user: str | None = None) -> ProgrammeStore:
    """The GpkgStore or PostgisStore that *source* names, not validated (it may need an upgrade)."""
    if is_postgis(source):
        from gebiedsplugin.qgis_io.store.postgis import PostgisStore

        connection, schema_name = split_postgis(source)
        return PostgisStore(connection, schema_name, user)
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    return GpkgStore(source)


def open_store(source: str, user: str | None = None) -> ProgrammeStore:
    """The GpkgStore or PostgisStore that *source* names, validated."""
    store = unopened_store(source, user)
    store.validate()
    return store


def create_store(target: str, crs: str, programme=None, overwrite: bool = False) -> ProgrammeStore:
    """A new programme at *target* (GeoPackage path or postgres:<connection>/<schema>)."""
    if is_postgis(target):
        from gebiedsplugin.qgis_io.store.postgis import PostgisStore

        connection, schema_name = split_postgis(target)
        return PostgisStore.create(connection, schema_name, crs, programme, overwrite=overwrite)
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    return GpkgStore.create(target, crs, programme, overwrite=overwrite)
