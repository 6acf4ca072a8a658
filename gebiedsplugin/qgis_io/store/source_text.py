"""The text that names a programme (a GeoPackage path or ``postgres:<connection>/<schema>``): which kind it
is, and how a planner reads it in a message."""

from __future__ import annotations

from pathlib import Path

from gebiedsplugin.toolbelt.i18n import tr

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
