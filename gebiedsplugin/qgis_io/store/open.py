"""Open a programme store from one text: a GeoPackage path or ``postgres:<connection>/<schema>``.

``<connection>`` is a QGIS PostgreSQL connection name or a connection string with ``authcfg=``
(what ``PostgisStore.path`` gives); one with a password is refused (``pg_connection``), and
messages about a source never repeat a password (``toolbelt.redact``).
"""

from __future__ import annotations

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.protocol import ProgrammeStore
from gebiedsplugin.qgis_io.store.source_text import PREFIX, is_postgis
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.redact import redact


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
