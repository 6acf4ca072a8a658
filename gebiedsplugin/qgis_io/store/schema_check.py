"""What every store checks before it calls something a programme it can read.

A programme of an older schema version that is otherwise sound raises ``NeedsUpgrade`` (a
``ProgrammeError``: whoever does not offer the upgrade refuses with its message); a newer version,
missing tables and missing or mistyped columns raise ``ProgrammeError`` naming them.
"""

from __future__ import annotations

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.versions import expected_fields, tables_of
from gebiedsplugin.toolbelt.i18n import tr


class NeedsUpgrade(ProgrammeError):
    """The programme is sound but of an older schema version; ``store.migrate`` upgrades it."""

    def __init__(self, label: str, found: int):
        self.label = label
        self.found = found
        self.target = schema.SCHEMA_VERSION
        super().__init__(tr(
            "{} has schema version {}; this version of the plugin uses schema {}. Open it in QGIS "
            "(Gebiedsprogramma > Open programme…) to upgrade it after a backup copy, or run the "
            "Processing algorithm gebiedsplugin:upgrade_programme.").format(label, found, self.target))


def schema_version(label: str, info: dict) -> int:
    """The schema version recorded in *info* (schema_info rows); ProgrammeError when there is none."""
    try:
        return int(info.get("schema_version", ""))
    except (TypeError, ValueError):
        raise ProgrammeError(tr("{} has no valid schema version.").format(label)) from None


def check_programme_tables(label: str, table_names: set, info: dict, columns: dict | None = None,
                           types: dict | None = None) -> None:
    """Raise ProgrammeError, naming *label*, for a missing or newer schema version, missing tables or columns.

    *info*: the key/value rows of schema_info; *table_names*: the tables the store holds;
    *columns*: table -> {column: declared type} as the store reports them; *types*: the store's
    schema type -> (name of the type it creates, accepted declared types in lower case). An older
    version that has every column of its version raises NeedsUpgrade.
    """
    version = schema_version(label, info)
    if version > schema.SCHEMA_VERSION:
        raise ProgrammeError(
            tr("{} was made by a newer version of the plugin (schema {}; this version reads up to {}). "
               "Update the plugin to open it.").format(label, version, schema.SCHEMA_VERSION))
    missing = [t for t in tables_of(version) if t not in table_names]
    if missing:
        raise ProgrammeError(tr("{} lacks the tables: {}").format(label, ", ".join(missing)))
    if columns is not None and types is not None:
        problems = column_problems(version, columns, types)
        if problems:
            raise ProgrammeError(tr("{} has missing or mistyped columns (table.column: expected, found): {}")
                                 .format(label, "; ".join(problems)))
    if version < schema.SCHEMA_VERSION:
        raise NeedsUpgrade(label, version)


def column_problems(version: int, columns: dict, types: dict) -> list:
    """'table.column: expected X, found Y' for every column of *version* that is missing or mistyped."""
    out = []
    for table_name, fields in expected_fields(version).items():
        found = {name.lower(): (declared or "").strip() for name, declared in columns.get(table_name, {}).items()}
        for f in fields:
            expected, accepted = types[f.type]
            have = found.get(f.name.lower())
            if have is None:
                out.append(tr("{}.{}: expected {}, missing").format(table_name, f.name, expected))
            elif have.lower() not in accepted:
                out.append(tr("{}.{}: expected {}, found {}").format(table_name, f.name, expected, have or "?"))
    return out
