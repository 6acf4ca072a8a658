"""The one place where Qt5 (QGIS 3) and Qt6 (QGIS 4) differ for this plugin.

- ``QAction`` lives in ``QtGui`` in Qt6 and in ``QtWidgets`` in Qt5; ``qgis.PyQt.QtGui`` offers it on
  QGIS 3.44 but not yet on 3.22.
- ``QgsMapLayer.saveStyleToDatabase`` is deprecated on QGIS 3.44 (``saveStyleToDatabaseV2``).
- Enums QGIS moved into ``Qgis`` (3.26-3.30: ``DistanceUnit``, ``ScaleBarSegmentSizeMode``,
  ``LabelOverlapHandling``); the old names are deprecated on 3.44, the new ones absent on 3.22.
- ``QgsTask.Flag.Silent`` (QGIS 3.26) keeps a task out of QGIS's "Task complete" / "Task failed" notices.
- ``QgsField`` takes a ``QMetaType.Type`` from QGIS 3.38 on (the ``QVariant.Type`` overload is
  deprecated there and gone in Qt6); QGIS 3.22 ... 3.36 take a ``QVariant.Type``, whose values are
  the same numbers as ``QMetaType.Type``'s for the scalar types (QString 10, Int 2, Double 6, Bool 1).
- QGIS's value relation, its list refilled for a new filter value that drops the chosen entry, shows
  "(no selection)" (NULL) on QGIS 3.22 and nothing (no value) on 3.44 (``CLEARED_SHOWS_NOTHING``).
"""

from __future__ import annotations

from qgis.core import Qgis, QgsField, QgsTask
from qgis.PyQt import QtGui, QtWidgets
from qgis.PyQt.QtCore import QMetaType

QAction = getattr(QtGui, "QAction", None) or QtWidgets.QAction

# Seen on 3.22 and 3.44 (tests/qgis/test_neighbourhood_list.py compares with QGIS's own widget); the
# versions between were not tried and are taken as 3.44.
CLEARED_SHOWS_NOTHING = Qgis.QGIS_VERSION_INT >= 32400

# QGIS 3.38 added QgsField(name, QMetaType.Type, ...).
_FIELD_TAKES_METATYPE = Qgis.QGIS_VERSION_INT >= 33800


def field(name: str, meta_type: QMetaType.Type) -> QgsField:
    """A ``QgsField`` of *meta_type* (e.g. ``QMetaType.Type.QString``) on any QGIS from 3.22 to 4."""
    if _FIELD_TAKES_METATYPE:
        return QgsField(name, meta_type)
    # QGIS < 3.38 wants a QVariant.Type; PyQt5 accepts its number, which equals the QMetaType.Type's.
    return QgsField(name, int(meta_type))


def save_style_to_database(layer, name: str, description: str) -> str:
    """Store *layer*'s style in its database as the default; an error message, or "" when stored.

    QGIS 3.44 deprecates ``saveStyleToDatabase`` for ``saveStyleToDatabaseV2`` (flags and message);
    3.22 ... 3.40 only have the first.
    """
    save_v2 = getattr(layer, "saveStyleToDatabaseV2", None)
    if save_v2 is None:
        return layer.saveStyleToDatabase(name, description, True, "")
    _results, error = save_v2(name, description, True, "")
    return error


def alias_column(name_column) -> int:
    """The column of ``QgsFieldMappingModel`` that shows a destination field's alias, given its
    ``ColumnDataIndex.DestinationName``: QGIS 3.30 added a ``DestinationAlias`` column (the name column
    then shows the name); before, the name column shows the alias."""
    return int(getattr(type(name_column), "DestinationAlias", name_column))


def scoped(owner, enum: str, member: str, fallback=None):
    """``owner.enum.member`` where this QGIS has that enum (newer QGIS), else *fallback()* (a function
    giving the older name: only called on an older QGIS, where reading it is not deprecated), or None
    where older QGIS has no such setting."""
    scope = getattr(owner, enum, None)
    if scope is not None:
        return getattr(scope, member)
    return fallback() if fallback is not None else None


def _silent_flag():
    try:
        return scoped(QgsTask, "Flag", "Silent")
    except AttributeError:  # QGIS < 3.26: the enum is there, the member not
        return None


# A task the plugin runs on its own account (a read the Overview or the Check in dock shows; a newer one
# cancels it): QGIS would tell "Task failed" for each superseded read whenever its window is not in front.
_SILENT = _silent_flag()
BACKGROUND_TASK = QgsTask.Flag.CanCancel | _SILENT if _SILENT is not None else QgsTask.Flag.CanCancel
