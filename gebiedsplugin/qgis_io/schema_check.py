"""What every store checks before it calls something a programme it can read."""

from __future__ import annotations

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr


def check_programme_tables(label: str, table_names: set, info: dict) -> None:
    """Raise ProgrammeError, naming *label*, for a missing or newer schema version or missing tables.

    *info*: the key/value rows of schema_info; *table_names*: the tables the store holds.
    """
    try:
        version = int(info.get("schema_version", ""))
    except (TypeError, ValueError):
        raise ProgrammeError(tr("{} has no valid schema version.").format(label)) from None
    if version > schema.SCHEMA_VERSION:
        raise ProgrammeError(
            tr("{} was made by a newer version of the plugin (schema {}; this version reads up to {}). "
               "Update the plugin to open it.").format(label, version, schema.SCHEMA_VERSION))
    missing = [t.name for t in schema.TABLES if t.name not in table_names]
    if missing:
        raise ProgrammeError(tr("{} lacks the tables: {}").format(label, ", ".join(missing)))
