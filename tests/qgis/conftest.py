"""Shared fixtures of the qgis lane: the plugin loaded as QGIS loads it, programmes on disk."""

from __future__ import annotations

import gc
import shutil
import sys

import pytest
from qgis.core import QgsApplication, QgsProject

sys.path.insert(0, "/usr/share/qgis/python/plugins")
# the helpers the tests share assert too: their failures show the values compared
pytest.register_assert_rewrite("tests.qgis.check_parity")


@pytest.fixture(autouse=True, scope="session")
def collected_before_qgis_exits(qgis_app):
    """Garbage collected while QGIS still runs (torn down before pytest-qgis's exitQgis()).

    pytest.raises(...) as caught makes a cycle (the error's traceback holds the test's frame, which
    holds caught); what the failed call's frames held (layers, projects) waits in it for a collection.
    One that comes only at interpreter exit, after exitQgis(), closes OGR datasets on a torn-down GDAL:
    a segfault after every test passed."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def processing_ready(qgis_app):
    """QGIS's Processing framework, initialised once."""
    from processing.core.Processing import Processing

    Processing.initialize()
    return True


@pytest.fixture()
def plugin(qgis_iface, processing_ready):
    """The plugin created through classFactory(iface) with initProcessing() and initGui(); unloaded after."""
    import gebiedsplugin

    instance = gebiedsplugin.classFactory(qgis_iface)
    instance.initProcessing()
    instance.initGui()
    yield instance
    instance.unload()
    QgsProject.instance().clear()


@pytest.fixture()
def provider(processing_ready):
    """The Processing provider alone (headless use, as qgis_process does)."""
    from gebiedsplugin.processing_provider.provider import GebiedsProvider

    prov = GebiedsProvider()
    QgsApplication.processingRegistry().addProvider(prov)
    yield prov
    QgsApplication.processingRegistry().removeProvider(prov)


@pytest.fixture(scope="session")
def sample_master(tmp_path_factory, qgis_app):
    """Voorbeeldstad (default size) written once per session; copy it before changing it."""
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, manifest = generate_sample(seed=42)
    path = tmp_path_factory.mktemp("sample") / "voorbeeldstad.gpkg"
    GpkgStore.create(path, programme.crs, programme)
    return path, manifest


@pytest.fixture()
def sample_gpkg(sample_master, tmp_path):
    """A private copy of Voorbeeldstad for one test, and its manifest."""
    master, manifest = sample_master
    path = tmp_path / "voorbeeldstad.gpkg"
    shutil.copy(master, path)
    return path, manifest


@pytest.fixture()
def empty_gpkg(tmp_path, qgis_app):
    """A new, empty programme."""
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    return GpkgStore.create(tmp_path / "empty.gpkg").path
