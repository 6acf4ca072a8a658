"""Time on the map: the programme's layers follow QGIS's Temporal Controller year by year."""

from __future__ import annotations

from qgis.core import Qgis, QgsDateTimeRange, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from gebiedsplugin.core import schema

START_EXPRESSION = 'make_date("start_year", 1, 1)'
END_EXPRESSION = 'make_date("end_year", 12, 31)'
TEMPORAL_TABLES = schema.INTERVENTION_TABLES + schema.PROJECT_TABLES


def set_temporal(layer: QgsVectorLayer) -> None:
    """Make *layer* temporal from 1 January of its start year to 31 December of its end year."""
    props = layer.temporalProperties()
    props.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions)
    props.setStartExpression(START_EXPRESSION)
    props.setEndExpression(END_EXPRESSION)
    props.setIsActive(True)


def set_temporal_layers(layers: dict) -> None:
    """set_temporal() on the interventions and programme-project layers of *layers* (table -> layer)."""
    for table in TEMPORAL_TABLES:
        if table in layers:
            set_temporal(layers[table])


def programme_years(layers: dict):
    """(first start year, last end year) over the interventions and programme projects of *layers*, or
    None when no row has both: two aggregates per layer that the data provider answers (any thread that
    owns the layers)."""
    starts, ends = [], []
    for table in TEMPORAL_TABLES:
        layer = layers.get(table)
        if layer is None:
            continue
        fields = layer.fields()
        first, last = fields.indexFromName("start_year"), fields.indexFromName("end_year")
        if first >= 0 and last >= 0:
            starts.append(layer.minimumValue(first))
            ends.append(layer.maximumValue(last))
    starts = [int(v) for v in starts if isinstance(v, (int, float))]
    ends = [int(v) for v in ends if isinstance(v, (int, float))]
    if starts and ends and min(starts) <= max(ends):
        return min(starts), max(ends)
    return None


def preset_project_range(project: QgsProject, years) -> None:
    """Give *project* the programme's *years* (programme_years) as its time range, unless it has one.

    QGIS's Temporal Controller takes the project's range when the first temporal layer comes in; without
    one it evaluated the start and end expressions of every feature of that layer on the main thread
    (1.2 s when the 38,000 points of a 100,000-item programme were added). The same range."""
    settings = project.timeSettings()
    current = settings.temporalRange()
    if years is None or (current.begin().isValid() and current.end().isValid()):
        return
    first, last = years
    settings.setTemporalRange(QgsDateTimeRange(QDateTime(QDate(first, 1, 1), QTime(0, 0)),
                                               QDateTime(QDate(last, 12, 31), QTime(0, 0))))
