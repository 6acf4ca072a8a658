"""The print atlas of the unified programme map: pages, text, images, Dutch, refusals."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.PyQt.QtGui import QImage

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.unified import Scope
from gebiedsplugin.qgis_io.exporter import run_export

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
DISTRICT_NAMES = ("Centrum", "Noord", "Oost", "Schalkwijk", "Zuid-West")


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_text(path, page=None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def variance(path) -> float:
    """Grey-level variance of an image, sampled on a grid (0 for a blank page)."""
    image = QImage(str(path))
    values = [image.pixelColor(x, y).lightness()
              for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)]
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


@pytest.fixture(scope="module")
def city_export(sample_master, tmp_path_factory):
    """The whole city, every format, exported once for the module's tests."""
    master, _manifest = sample_master
    folder = tmp_path_factory.mktemp("export_city")
    request = ExportRequest(str(master), str(folder))
    return request, run_export(request)


def test_one_page_for_the_city_and_one_per_district(city_export):
    request, result = city_export
    pdf = result.files["pdf"][0]
    assert result.atlas_pages == result.summary_pages == len(DISTRICT_NAMES) + 1
    assert pdf_pages(pdf) == (len(DISTRICT_NAMES) + 1) * 2 == result.pdf_pages  # each atlas page + its summary
    assert Path(pdf).name == "programme_map_city.pdf"
    assert not list(Path(request.folder).glob(".*"))  # no temporary files left behind


def test_pdf_text_holds_titles_districts_and_legend(city_export):
    _request, result = city_export
    pdf = result.files["pdf"][0]
    first = pdf_text(pdf, 1)
    assert "Area programme map: Gemeente Voorbeeldstad" in first
    assert "Scope: whole city" in first and "Period 20" in first
    for entry in ("Legend: kind and domain", "Points", "Lines", "Areas", "Physical · Intervention",
                  "Social · Initiative", "Programme project (MJP)"):
        assert entry in first, entry
    for entry in ("What", "Where", "When", "Budget (€)", "Printed on", "Source: programme", "Page 1 of 12"):
        assert entry in first, entry
    titles = [pdf_text(pdf, page).splitlines() for page in range(3, 13, 2)]
    for name in DISTRICT_NAMES:
        assert any(any("Area programme map: " + name in line for line in page) for page in titles), name


def test_png_pages_are_not_blank_and_one_is_kept(city_export):
    request, result = city_export
    pngs = result.files["png"]
    # Named with the page's district (the city's page and its summary first); 150 dpi by default.
    assert len(pngs) == 12 and [Path(p).name for p in pngs][:2] == ["programme_map_city_p01_city.png",
                                                                    "programme_map_city_p02_city.png"]
    assert request.png_dpi == 150
    for png in pngs:
        image = QImage(png)
        assert abs(image.width() - 420 / 25.4 * 150) < 2 and abs(image.height() - 297 / 25.4 * 150) < 2
        assert variance(png) > 300, png
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = result.files["pdf"][0]
    for page, name in ((1, "export_atlas_city"), (3, "export_atlas_district")):
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", pdf,
                        str(ARTIFACTS / name)], check=True)
        assert variance(ARTIFACTS / (name + ".png")) > 300


def test_one_page_per_year_when_asked(sample_master, tmp_path):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path), Scope((), 2026, 2029), formats=("pdf",), per_year=True,
                            summary_pages=False)
    result = run_export(request)
    assert result.atlas_pages == 6 + 4
    assert pdf_pages(result.files["pdf"][0]) == 10
    text = pdf_text(result.files["pdf"][0], 8)
    assert "Year 2027" in text and "Period 2026–2029" not in text


def test_selected_districts(sample_master, tmp_path):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path), Scope(("noord", "oost")), formats=("pdf",))
    result = run_export(request)
    assert Path(result.files["pdf"][0]).name == "programme_map_noord-oost.pdf"
    assert pdf_pages(result.files["pdf"][0]) == 5  # the selection, then each district with its summary
    assert "Area programme map: Noord, Oost" in pdf_text(result.files["pdf"][0], 1)


def empty_centrum(path) -> None:
    """Every intervention and programme project of Centrum deleted by plain SQL."""
    from gebiedsplugin.qgis_io.store.gpkg_sqlite import connect  # GDAL's SQL functions for the R-tree triggers

    with connect(str(path)) as db:
        for kind in ("point", "line", "polygon"):
            for table in ("interventions_", "programme_projects_"):
                # Plain SQL follows the locking protocol: mark with the negated next version, then delete.
                db.execute("UPDATE {}{} SET row_version = -(row_version + 1) WHERE district_id = 'centrum'"
                           .format(table, kind))
                db.execute("DELETE FROM {}{} WHERE district_id = 'centrum'".format(table, kind))


def test_empty_district_gets_a_page_that_says_so(sample_gpkg, tmp_path):
    path, _ = sample_gpkg
    empty_centrum(path)
    request = ExportRequest(str(path), str(tmp_path / "out"), formats=("pdf",))
    result = run_export(request)
    assert pdf_pages(result.files["pdf"][0]) == 12
    centrum = next(p for p in range(3, 13, 2) if "map: Centrum" in pdf_text(result.files["pdf"][0], p))
    text = pdf_text(result.files["pdf"][0], centrum)
    assert "No interventions or programme projects in this area for this period." in text
    assert "Items: 0" in text


def test_long_table_continues_on_extra_pages(sample_master, tmp_path):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path), Scope(("centrum",)), formats=("pdf", "png"), table_rows=0)
    result = run_export(request)
    pages = pdf_pages(result.files["pdf"][0])
    assert result.atlas_pages == 1 and pages > 1 and len(result.files["png"]) == pages
    assert "Centrum (continued)" in pdf_text(result.files["pdf"][0], 2)


def test_a_short_table_after_a_long_one_prints_no_blank_page(sample_gpkg, tmp_path):
    """Centrum emptied, Noord's whole table (table_rows 0) continues on extra pages: the page the
    layout gained for Noord's table is not printed blank after Centrum's, and "Page n of N" counts
    the pages the PDF has."""
    import re

    path, _ = sample_gpkg
    empty_centrum(path)
    request = ExportRequest(str(path), str(tmp_path / "out"), Scope(("centrum", "noord")), formats=("pdf", "png"),
                            table_rows=0, summary_pages=False)
    result = run_export(request)
    pdf = result.files["pdf"][0]
    pages = pdf_pages(pdf)
    texts = [pdf_text(pdf, p) for p in range(1, pages + 1)]
    # the selection (Centrum and Noord), then Centrum (no items), then Noord; both long tables continue
    centrum = next(p for p, t in enumerate(texts) if "Items: 0" in t)
    assert "Area programme map: Centrum, Noord" in texts[0] and "Noord (continued)" in texts[-1]
    assert "Area programme map: Noord" in texts[centrum + 1]  # no blank page after Centrum's one page
    assert all(t.split() for t in texts), [p + 1 for p, t in enumerate(texts) if not t.split()]
    numbers = [re.search(r"Page (\d+) of (\d+)", t) for t in texts]
    assert {int(m.group(2)) for m in numbers if m} == {pages}
    assert [int(m.group(1)) for m in numbers if m] == [1, centrum + 1, centrum + 2]  # the three atlas pages
    assert len(result.files["png"]) == pages and variance(result.files["png"][centrum]) > 300


def test_dutch_labels_in_the_layout(sample_master, tmp_path):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path), formats=("pdf",), lang="nl")
    text = pdf_text(run_export(request).files["pdf"][0], 1)
    for entry in ("Fysiek · Interventie", "Sociaal · Initiatief", "Programmaproject (MJP)"):
        assert entry in text, entry


def test_refusals_name_the_problem(sample_master, tmp_path):
    master, _ = sample_master
    existing = ExportRequest(str(master), str(tmp_path), formats=("csv",))
    run_export(existing)
    with pytest.raises(ProgrammeError, match="exist already"):
        run_export(existing)
    existing.overwrite = True
    run_export(existing)
    with pytest.raises(ProgrammeError, match="template .* does not exist"):
        run_export(ExportRequest(str(master), str(tmp_path / "t"), formats=("pdf",), template="/nowhere/x.qpt"))
    with pytest.raises(ProgrammeError, match="Nothing to export"):
        run_export(ExportRequest(str(master), str(tmp_path / "e"), Scope((), 2001, 2002), formats=("pdf",)))
    with pytest.raises(ProgrammeError, match="Unknown district ids: atlantis"):
        run_export(ExportRequest(str(master), str(tmp_path / "u"), Scope(("atlantis",)), formats=("pdf",)))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not shutil.os.access(str(locked), shutil.os.W_OK):  # root may write anyway
            with pytest.raises(ProgrammeError, match="not writable"):
                run_export(ExportRequest(str(master), str(locked), formats=("pdf",)))
    finally:
        locked.chmod(0o700)
    with pytest.raises(ProgrammeError, match="at least one export format"):
        run_export(ExportRequest(str(master), str(tmp_path / "f"), formats=()))
