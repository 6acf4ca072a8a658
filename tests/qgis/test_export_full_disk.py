"""A failing export (a real full tmpfs mid-way, or a folder in the way) leaves the previous files.

Outputs are staged and moved in together, so the folder holds the previous complete export (or
nothing), never a truncated PDF or GeoJSON beside new files; the message names the file.
"""

from __future__ import annotations

import gc
import os

import pytest
from qgis.core import QgsLayout, QgsMapLayer, QgsProject

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.files import DiskFullError
from tests.qgis.disk_fixtures import *  # noqa: F401,F403 (the small_disk fixture)
from tests.qgis.disk_fixtures import fill, fingerprints, leftovers, own_temp_leftovers

FORMATS = ("gpkg", "pdf", "geojson", "csv")
# Staged sizes of this export: GeoJSON ~50 kB, CSV ~20 kB, GeoPackage ~540 kB, PDF ~280 kB. The
# amounts left free stop it in the GeoJSON, in the GeoPackage copy, and in the PDF.
STOPS = {"geojson": 20_000, "gpkg": 200_000, "pdf": 720_000}


@pytest.fixture(scope="module")
def small_programme_file(tmp_path_factory, qgis_app):
    programme, _ = generate_sample(seed=3, interventions=60)
    path = tmp_path_factory.mktemp("export_full") / "programme.gpkg"
    GpkgStore.create(path, programme.crs, programme)
    return str(path)


def request_for(programme: str, folder, formats=FORMATS, overwrite=True) -> ExportRequest:
    return ExportRequest(programme, str(folder), formats=formats, summary_pages=False, overwrite=overwrite)


@pytest.mark.parametrize("stop", sorted(STOPS))
def test_full_disk_mid_export_keeps_the_previous_files(stop, small_disk, small_programme_file):
    disk = small_disk("4m")
    run_export(request_for(small_programme_file, disk, overwrite=False))
    before = fingerprints(disk)
    assert len(before) == 6  # gpkg, pdf, geojson, two CSV, the schema (json)
    fill(disk, STOPS[stop])
    with pytest.raises(DiskFullError) as caught:
        run_export(request_for(small_programme_file, disk))
    text = str(caught.value)
    # the file the full disk met first: any of the export's (the GeoJSON, CSVs and schema are written
    # side by side, in an order that varies)
    assert any(text.startswith("The disk is full: {}/{} ".format(disk, name)) for name in before), text
    assert "none of its files was written and existing files are unchanged" in text
    assert fingerprints(disk) == before  # byte for byte, and no new or truncated file
    assert leftovers(disk) == [] and own_temp_leftovers() == []


def test_full_disk_on_a_first_export_leaves_nothing(small_disk, small_programme_file):
    disk = small_disk("2m")
    fill(disk, STOPS["pdf"])
    with pytest.raises(DiskFullError, match=r"programme_map_city\S* could not be written"):
        run_export(request_for(small_programme_file, disk, overwrite=False))
    assert fingerprints(disk) == {}
    assert leftovers(disk) == [] and own_temp_leftovers() == []


def test_page_images_on_a_full_disk(small_disk, small_programme_file):
    disk = small_disk("4m")
    fill(disk, 150_000)  # room for a page or two, not for all
    # Named as the image it was writing, its area included (_p01_city.png).
    with pytest.raises(DiskFullError, match=r"programme_map_city_p\d\d_[a-z_]+\.png could not be written"):
        run_export(request_for(small_programme_file, disk, formats=("png",), overwrite=False))
    assert fingerprints(disk) == {}
    assert leftovers(disk) == []


def test_a_folder_in_the_way_changes_nothing(tmp_path, small_programme_file):
    run_export(request_for(small_programme_file, tmp_path, overwrite=False))
    before = fingerprints(tmp_path)
    (tmp_path / "programme_map_city.pdf").unlink()
    (tmp_path / "programme_map_city.pdf").mkdir()  # the new PDF cannot take its name
    del before["programme_map_city.pdf"]
    with pytest.raises(ProgrammeError, match="programme_map_city.pdf is in the way"):
        run_export(request_for(small_programme_file, tmp_path))
    assert fingerprints(tmp_path) == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("stop", ["gpkg", "pdf"])
def test_a_failed_export_lets_go_of_its_layers_with_the_error(stop, small_disk, small_programme_file):
    """The export's layers, project and layout go when its error goes, not at some later garbage
    collection: a reference cycle through the error's traceback kept them for one, and when that came
    after QGIS had exited the interpreter crashed at exit (seen with the migration tests after these)."""
    disk = small_disk("4m" if stop == "gpkg" else "2m")
    if stop == "gpkg":
        run_export(request_for(small_programme_file, disk, overwrite=False))
    fill(disk, STOPS[stop])
    gc.collect()
    gc.disable()  # only reference counting frees anything from here on
    try:
        message = ""
        try:
            run_export(request_for(small_programme_file, disk))
        except DiskFullError as error:  # not pytest.raises: its ExceptionInfo makes a cycle of its own
            message = str(error)
        assert message.startswith("The disk is full: {}/programme_map_city.".format(disk)), message
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        kept = sorted({type(o).__name__ for o in gc.garbage if isinstance(o, (QgsProject, QgsMapLayer, QgsLayout))})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
        gc.collect()
    assert kept == []


def _held_working_files() -> list:
    """Files of the export's working folders this process still holds open (a removed one says so)."""
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink("/proc/self/fd/" + fd)
        except OSError:
            continue
        if "gebiedsplugin-export" in target:
            held.append(target)
    return held


def test_a_finished_pdf_export_closes_its_working_geopackage(tmp_path, small_programme_file):
    """The atlas's layers are let go before their working GeoPackage is removed: removed while open, it
    stayed open (deleted, its disk space taken) until QGIS quit (5 open files after each PDF export)."""
    before = set(_held_working_files())  # tests that build an atlas by hand may hold theirs
    run_export(request_for(small_programme_file, tmp_path, formats=("pdf",), overwrite=False))
    assert (tmp_path / "programme_map_city.pdf").is_file()
    assert sorted(set(_held_working_files()) - before) == []
