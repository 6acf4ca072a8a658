"""The printed atlas's Gap column keeps a funding gap of 100 million and more on one line, in English
and Dutch, without adding pages: planted unfunded interventions of Noord with large budgets, their
Gap texts written by hand (page images looked at: tests/artifacts/atlas-gap-*.png)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.unified import Scope
from gebiedsplugin.qgis_io.exporter import run_export
from tests.unit.ts_texts import catalogue

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# The Dutch for a billion's suffix as the translator wrote it (the .qm is compiled from this .ts).
DUTCH_BILLION = catalogue().get(("layout_text", "B"), "B")

# budget (no funding rows: the gap is the whole budget) -> (its Budget text, its Gap text) per language
PLANTED = {
    1_234_567_890: {"en": ("1,234,567,890", "1.2B"), "nl": ("1.234.567.890", "1,2" + DUTCH_BILLION)},
    123_456_789: {"en": ("123,456,789", "123M"), "nl": ("123.456.789", "123 mln")},
    99_960_000: {"en": ("99,960,000", "100M"), "nl": ("99.960.000", "100 mln")},  # 99.96 rounds up to 100
    45_678_901: {"en": ("45,678,901", "45.7M"), "nl": ("45.678.901", "45,7 mln")},
}


def _write(tmp_path: Path, planted: bool) -> Path:
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, _ = generate_sample(seed=42)
    if planted:
        noord = [f for f in programme.interventions if f.attrs["district_id"] == "noord"][:len(PLANTED)]
        for feature, budget in zip(noord, PLANTED):
            feature.attrs["budget"] = float(budget)
        uids = {f.attrs["uid"] for f in noord}
        programme.funding = [row for row in programme.funding if row["intervention_uid"] not in uids]
    path = tmp_path / ("planted.gpkg" if planted else "sample.gpkg")
    GpkgStore.create(path, programme.crs, programme)
    return path


def _export(gpkg: Path, folder: Path, lang: str):
    request = ExportRequest(str(gpkg), str(folder), scope=Scope(district_ids=("noord",)), formats=("pdf",),
                            lang=lang)
    return run_export(request)


def _pages(pdf) -> list:
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                              check=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for p in range(1, count + 1)]


@pytest.fixture(scope="module")
def unplanted_pages(qgis_app, tmp_path_factory):
    """Pages of the same export of the sample as generated, per language."""
    base = tmp_path_factory.mktemp("unplanted")
    gpkg = _write(base, planted=False)
    return {lang: _export(gpkg, base / lang, lang).pdf_pages for lang in ("en", "nl")}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_large_funding_gap_stays_on_one_line_without_extra_pages(tmp_path, lang, unplanted_pages):
    result = _export(_write(tmp_path, planted=True), tmp_path / "out", lang)
    pdf = result.files["pdf"][0]
    pages = _pages(pdf)
    for budget, texts in PLANTED.items():
        budget_text, gap = texts[lang]
        # The row's line ends with its budget and its whole gap: a wrapped gap leaves a part on the next line.
        rows = [line for text in pages for line in text.splitlines() if budget_text in line]
        assert rows, (budget, lang)
        assert all(re.search(re.escape(budget_text) + r"\s+" + re.escape(gap) + r"\s*$", line) for line in rows), rows
    assert result.pdf_pages == len(pages) == unplanted_pages[lang]
    first = min(k for k, text in enumerate(pages, 1) if PLANTED[123_456_789][lang][0] in text)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(first), "-l", str(first), str(pdf),
                    str(ARTIFACTS / "atlas-gap-{}".format(lang))], check=True)
