"""Opening a programme presets the project's time range to the programme's years (#18: without one,
QGIS's Temporal Controller evaluated every feature of the first temporal layer added, 1.2 s on the main
thread at 100,000 items); a range the project has already is kept."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsDateTimeRange, QgsProject
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.loader import load_programme
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


@pytest.fixture()
def project(qgis_app):
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def _years(path):
    """First start year and last end year over the interventions and programme projects, by SQL."""
    tables = schema.INTERVENTION_TABLES + schema.PROJECT_TABLES
    with sqlite3.connect(str(path)) as db:
        starts = [db.execute("SELECT min(start_year) FROM " + t).fetchone()[0] for t in tables]
        ends = [db.execute("SELECT max(end_year) FROM " + t).fetchone()[0] for t in tables]
    return min(v for v in starts if v is not None), max(v for v in ends if v is not None)


def test_the_project_gets_the_programme_years_as_its_time_range(sample_gpkg, project):
    path, _ = sample_gpkg
    first, last = _years(path)
    assert first < last
    load_programme(GpkgStore.open(path), project, lang="en")
    span = project.timeSettings().temporalRange()
    assert span.begin() == QDateTime(QDate(first, 1, 1), QTime(0, 0))
    assert span.end() == QDateTime(QDate(last, 12, 31), QTime(0, 0))


def test_a_range_the_project_has_is_kept(sample_gpkg, project):
    path, _ = sample_gpkg
    own = QgsDateTimeRange(QDateTime(QDate(2001, 2, 3), QTime(0, 0)), QDateTime(QDate(2002, 3, 4), QTime(0, 0)))
    project.timeSettings().setTemporalRange(own)
    load_programme(GpkgStore.open(path), project, lang="en")
    assert project.timeSettings().temporalRange() == own
