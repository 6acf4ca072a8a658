"""The atlas PDF written in pieces (one per atlas page, with its summary) and joined (qgis_io/pdf_join.py),
the page images drawn from the pieces: the same PDF and the same images as the atlas written in one go."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.pdf_join import PdfJoinError, join_pdfs
from gebiedsplugin.qgis_io.pdf_pages import PageImages
from tests.qgis.test_export_atlas import pdf_pages, pdf_text

gdal.UseExceptions()


def _info(path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    rows = (line.split(":", 1) for line in out.splitlines() if ":" in line)
    return {k.strip(): v.strip() for k, v in rows if k.strip() not in ("CreationDate", "File size")}


def _page_pixels(pdf, page: int, dpi: int = 40) -> np.ndarray:
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-gray",
                           str(pdf)], capture_output=True, check=True).stdout  # PGM: header, then bytes
    parts = data.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4], dtype=np.uint8)[:width * height].reshape(height, width)


def _png_pixels(path) -> np.ndarray:
    ds = gdal.Open(str(path))
    return np.stack([ds.GetRasterBand(b).ReadAsArray() for b in (1, 2, 3)])


@pytest.fixture(scope="module")
def both(sample_master, tmp_path_factory):
    """The whole city as PDF + page images (in pieces, joined) and as PDF alone (in one go)."""
    master, _ = sample_master
    pieces = ExportRequest(str(master), str(tmp_path_factory.mktemp("pieces")))
    pieces.formats = ("pdf", "png")
    whole = ExportRequest(str(master), str(tmp_path_factory.mktemp("whole")))
    whole.formats = ("pdf",)
    return run_export(pieces), run_export(whole)


def test_the_joined_pdf_is_the_pdf_written_in_one_go(both):
    pieces, whole = both
    joined, one = pieces.files["pdf"][0], whole.files["pdf"][0]
    assert _info(joined) == _info(one)  # title, author, subject, creator, producer, pages, size
    # joined (the information written by the join), not drawn again in one go after a PdfJoinError (the
    # information then added by GDAL as an update)
    assert b"/Prev" not in Path(joined).read_bytes()[-4096:] and b"/Prev" in Path(one).read_bytes()[-4096:]
    assert int(_info(joined)["Pages"]) == pieces.pdf_pages == whole.pdf_pages == 12
    identical = 0
    for page in range(1, pieces.pdf_pages + 1):
        assert pdf_text(joined, page).split() == pdf_text(one, page).split(), page
        a, b = _page_pixels(joined, page), _page_pixels(one, page)
        assert a.shape == b.shape and a.std() > 0
        differ = float((a != b).mean())
        # QGIS itself places a map label elsewhere now and then between two exports of the same data
        # (export3's finding): a page may differ by that much, not more.
        assert differ <= 0.005, (page, differ)
        identical += differ == 0
    assert identical >= pieces.pdf_pages - 2
    assert not subprocess.run(["pdftotext", joined, "-"], capture_output=True, text=True).stderr  # no syntax error


def test_each_page_image_is_its_page_of_the_joined_pdf(both, tmp_path):
    pieces, _whole = both
    joined, pngs = pieces.files["pdf"][0], pieces.files["png"]
    assert len(pngs) == pieces.pdf_pages
    request = ExportRequest("x.gpkg", str(tmp_path))
    images = PageImages(lambda n, area: tmp_path / "ref_{:02d}.png".format(n), request.png_dpi, True, str(tmp_path))
    try:
        from gebiedsplugin.qgis_io.pdf_pages import PrintedPage

        images.add(joined, [PrintedPage("", 420.0, 297.0)] * pieces.pdf_pages)
        reference = images.publish()
    finally:
        images.close()
    for png, ref in zip(pngs, reference):
        a, b = _png_pixels(png), _png_pixels(ref)
        assert a.shape == b.shape and (a == b).all(), png


def test_a_piece_ends_on_an_atlas_page_and_the_next_begins_with_its_summary(sample_master, tmp_path, monkeypatch):
    """The map page's images are drawn while QGIS draws its summary (in the next piece); the last piece is
    the last summary page alone, quick to draw once the PDF is written."""
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path))
    request.formats = ("pdf", "png")
    pieces = []  # per piece handed to the page images: the text of each of its pages
    add = PageImages.add

    def add_and_read(images, pdf, pages):
        pieces.append([pdf_text(pdf, k + 1) for k in range(len(pages))])
        return add(images, pdf, pages)

    monkeypatch.setattr(PageImages, "add", add_and_read)
    result = run_export(request)
    joined = result.files["pdf"][0]
    assert [t.split() for piece in pieces for t in piece] == [pdf_text(joined, page).split()
                                                              for page in range(1, result.pdf_pages + 1)]
    assert result.summary_pages >= 2 and len(pieces) == result.atlas_pages + 1
    for piece in pieces[1:]:
        assert "summary: " in piece[0]  # City summary: / District summary:
    for piece in pieces[:-1]:
        assert "summary: " not in piece[-1]
    assert len(pieces[-1]) == 1 and "District summary: " in pieces[-1][0]


def _qt_pdf(path, texts: list) -> str:
    """A PDF of Qt's writer (as QGIS writes them): a page per text, the text and a filled shape on it."""
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QColor, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    painter = QPainter(writer)
    for k, text in enumerate(texts):
        if k:
            writer.newPage()
        painter.fillRect(QRectF(100 + 40 * k, 300, 600, 400), QColor(200, 40 * k % 255, 90))
        painter.drawText(QRectF(100, 100, 2000, 150), text)
    painter.end()
    return str(path)


def test_join_keeps_every_page_in_order_and_writes_the_information(tmp_path):
    a = _qt_pdf(tmp_path / "a.pdf", ["Kaart één", "Wijk Noord – 2026"])
    b = _qt_pdf(tmp_path / "b.pdf", ["Samenvatting (Zuid-West)"])
    c = _qt_pdf(tmp_path / "c.pdf", ["Laatste pagina", "Bijlage 1", "Bijlage 2"])
    target = tmp_path / "joined.pdf"
    info = {"Title": "Gebiedsprogrammakaart: Café (2025–2030)", "Author": "A. de Vries", "Subject": "",
            "Creator": "QGIS / gebiedsplugin"}
    with open(target, "wb") as out:
        assert join_pdfs([a, b, c], out, info) == 6
    got = _info(target)
    assert got["Title"] == info["Title"] and got["Author"] == "A. de Vries" and got["Creator"] == info["Creator"]
    assert "Subject" not in got  # no text: none written (Qt writes none)
    assert got["Producer"] == _info(a)["Producer"] and got["Pages"] == "6"
    sources = [(a, 1), (a, 2), (b, 1), (c, 1), (c, 2), (c, 3)]
    for page, (source, number) in enumerate(sources, 1):
        assert pdf_text(target, page).split() == pdf_text(source, number).split()
        assert (_page_pixels(target, page) == _page_pixels(source, number)).all()
    assert not subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stderr
    with open(tmp_path / "plain.pdf", "wb") as out:  # no information given: the first piece's, as Qt wrote it
        join_pdfs([b, a], out)
    assert _info(tmp_path / "plain.pdf")["Pages"] == "3" and "Author" not in _info(tmp_path / "plain.pdf")
    assert pdf_text(tmp_path / "plain.pdf", 2).split() == ["Kaart", "één"]


def test_join_refuses_a_pdf_it_does_not_know(both, tmp_path):
    _pieces, whole = both
    one = whole.files["pdf"][0]  # updated after it was written (its metadata added by GDAL)
    with pytest.raises(PdfJoinError):
        with open(tmp_path / "out.pdf", "wb") as out:
            join_pdfs([one], out)
    other = tmp_path / "gdal.pdf"  # another writer's PDF (GDAL's own)
    gdal.Translate(str(other), gdal.Open(_png_path(both)), format="PDF")
    with pytest.raises(PdfJoinError):
        with open(tmp_path / "out2.pdf", "wb") as out:
            join_pdfs([str(other)], out)


def _png_path(both) -> str:
    return both[0].files["png"][0]


def test_cancel_while_the_pieces_are_drawn_leaves_the_previous_files(sample_master, tmp_path):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path), overwrite=True)
    request.formats = ("pdf", "png")
    first = run_export(request)
    before = {p: Path(p).read_bytes() for p in first.all_files()}

    from qgis.core import QgsFeedback

    feedback = QgsFeedback()
    seen = []

    def cancel_in_the_third_piece(value):
        seen.append(value)
        if value > 60 and not feedback.isCanceled():
            feedback.cancel()

    feedback.progressChanged.connect(cancel_in_the_third_piece)
    with pytest.raises(ProgrammeError, match="cancelled"):
        run_export(request, feedback)
    assert any(40 < v < 90 for v in seen)
    assert {p: Path(p).read_bytes() for p in first.all_files()} == before
    assert sorted(str(p) for p in tmp_path.iterdir()) == sorted(before)  # nothing half-written left beside them
    assert pdf_pages(first.files["pdf"][0]) == 12
