"""A full disk (a real, small tmpfs) while a programme is created, overwritten or copied.

Each route must say "The disk is full: <file> ...", never show a traceback, keep an existing file
byte for byte and leave no temporary file.
"""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsProcessingException, QgsProject

from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.files import DiskFullError
from tests.qgis.disk_fixtures import *  # noqa: F401,F403 (the small_disk fixture)
from tests.qgis.disk_fixtures import FILLER, fill, leftovers, sha256

LEAVE = 20_000  # bytes left free: far less than a programme needs


@pytest.fixture(scope="module")
def small_programme():
    programme, _ = generate_sample(seed=3, interventions=60)
    return programme


def test_overwrite_on_a_full_disk_keeps_the_old_programme(small_disk, small_programme, qgis_app):
    disk = small_disk("2m")
    old = disk / "programme.gpkg"
    GpkgStore.create(old, small_programme.crs, small_programme)
    before = sha256(old)
    fill(disk, LEAVE)
    with pytest.raises(DiskFullError) as caught:
        GpkgStore.create(old, small_programme.crs, small_programme, overwrite=True)
    assert str(caught.value).startswith("The disk is full: {} could not be written.".format(old))
    assert "The existing file is unchanged." in str(caught.value)
    assert sha256(old) == before
    assert sorted(p.name for p in disk.iterdir()) == [FILLER, "programme.gpkg"]


def test_new_programme_from_the_menu_on_a_full_disk(small_disk, qgis_iface, qgis_app):
    disk = small_disk("2m")
    fill(disk, LEAVE)
    target = disk / "nieuw.gpkg"
    controller = ProgrammeController(QgsProject.instance())
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    try:
        assert not use_programme(qgis_iface, controller.create, str(target))
    finally:
        controller.disconnect_project()
        QgsProject.instance().clear()
    told = bar.get_messages(Qgis.Critical)
    assert any("The disk is full: {} could not be written. Nothing was written.".format(target) in m for m in told)
    assert sorted(p.name for p in disk.iterdir()) == [FILLER]


@pytest.mark.parametrize("algorithm", ["create_programme", "generate_sample", "copy_programme"])
def test_algorithms_on_a_full_disk(algorithm, small_disk, provider, small_programme, tmp_path):
    import processing

    disk = small_disk("2m")
    target = disk / "programme.gpkg"
    GpkgStore.create(target, small_programme.crs, small_programme)
    before = sha256(target)
    fill(disk, LEAVE)
    params = {"OUTPUT": str(target), "OVERWRITE": True}
    if algorithm == "generate_sample":
        params.update(SEED=1, INTERVENTIONS=200)
    if algorithm == "copy_programme":
        source = GpkgStore.create(tmp_path / "source.gpkg", small_programme.crs, small_programme)
        params["INPUT"] = source.path
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("gebiedsplugin:" + algorithm, params)
    assert "The disk is full: {} could not be written. The existing file is unchanged.".format(target) \
        in str(caught.value)
    assert sha256(target) == before
    assert sorted(p.name for p in disk.iterdir()) == [FILLER, "programme.gpkg"]
    assert leftovers(disk) == []
