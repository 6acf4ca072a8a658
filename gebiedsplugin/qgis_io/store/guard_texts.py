"""What the database's guards say when a write did not come through the plugin (both stores' triggers).

A trigger's text is fixed when it is made, so these are in the language of the QGIS that created or
upgraded the programme. They never contain '%' (PostgreSQL's format() would read it).
"""

from __future__ import annotations

from gebiedsplugin.toolbelt.i18n import tr

REFUSED = "gebiedsplugin:refused"


def how() -> str:
    """How to edit a programme instead."""
    return tr("Programme rows are saved only through the gebiedsplugin, which checks that nobody else saved them "
              "after they were read. Open the programme with Area programme > Open programme… and edit it in its "
              "layers there (a programme table opened as a plain QGIS layer cannot save). If the plugin has just "
              "refused your save, its own message says why.")


def sentences() -> dict:
    """What was refused: a change, a stale versioned change, an insert and a delete from outside the plugin."""
    return {
        "change": tr("This row was not changed: the change did not come through the plugin."),
        "stale": tr("This row was not changed: the row_version written is not the next one "
                    "(someone else saved the row after it was read)."),
        "add": tr("This row was not added: the new row did not come through the plugin."),
        "delete": tr("This row was not deleted: the delete did not come through the plugin."),
    }
