"""Time on the map: the programme's layers follow QGIS's Temporal Controller year by year."""

from __future__ import annotations

from qgis.core import Qgis, QgsVectorLayer

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
