"""Fixtures that run one scenario on both stores: a GeoPackage and a PostGIS schema.

``programme_store`` is Voorbeeldstad, parametrised ``gpkg`` / ``postgis`` (the PostGIS copy is made
from the same GeoPackage, so both hold the same programme). ``make_store(kind, programme)`` creates
any Programme on either store. PostGIS needs the server of scripts/with_postgis.sh: without one the
``postgis`` cases skip saying how to run them; with CI=true they fail instead (postgis_fixtures).
"""

from __future__ import annotations

import pytest

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403

STORES = ("gpkg", "postgis")


@pytest.fixture(params=STORES)
def store_kind(request) -> str:
    """'gpkg' or 'postgis'."""
    return request.param


@pytest.fixture()
def programme_store(store_kind, sample_gpkg, request):
    """Voorbeeldstad opened on the store *store_kind* (a private copy for the test)."""
    if store_kind == "gpkg":
        return GpkgStore.open(sample_gpkg[0])
    return request.getfixturevalue("pg_sample")[1]


@pytest.fixture()
def make_store(store_kind, tmp_path, request):
    """A function (programme, name) -> a new store of kind *store_kind* holding *programme*."""
    def make(programme, name: str = "programme"):
        if store_kind == "gpkg":
            return GpkgStore.create(tmp_path / (name + ".gpkg"), programme.crs, programme)
        from gebiedsplugin.qgis_io.store.postgis import PostgisStore

        return PostgisStore.create(request.getfixturevalue("pg_connection"), request.getfixturevalue("pg_schema"),
                                   programme.crs, programme)

    return make
