"""The export's district summary pages: after the city's and each district's atlas page, the Overview's
charts and tables with the numbers of core.aggregations; English and Dutch; PNG too; switch off."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import money_by, prepare
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.unified import Scope
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.overview_charts import code_label, money_text
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.resources import i18n_path
from tests.qgis.test_export_atlas import ARTIFACTS, pdf_pages, pdf_text, variance

ALG = "gebiedsplugin:export_programme_map"


@pytest.fixture(scope="module")
def summary_export(sample_master, tmp_path_factory):
    master, _ = sample_master
    folder = tmp_path_factory.mktemp("export_summary")
    request = ExportRequest(str(master), str(folder), formats=("pdf", "png"))
    return request, run_export(request), prepare(GpkgStore.open(master).read_programme())


def test_a_summary_page_follows_the_city_and_each_district(summary_export):
    _request, result, ov = summary_export
    pdf = result.files["pdf"][0]
    districts = ov.districts()
    assert pdf_pages(pdf) == (len(districts) + 1) * 2 == result.pdf_pages == len(result.files["png"])
    assert result.summary_pages == len(districts) + 1
    assert "City summary: " + ov.name(schema.CITY_ID) in pdf_text(pdf, 2)
    for k, district in enumerate(districts):  # atlas pages in name order, each followed by its summary
        assert "Area programme map: " + ov.name(district) in pdf_text(pdf, 3 + 2 * k)
        assert "District summary: " + ov.name(district) in pdf_text(pdf, 4 + 2 * k)


def test_summary_page_holds_funders_stacking_and_priorities(summary_export):
    _request, result, ov = summary_export
    pdf = result.files["pdf"][0]
    district = ov.districts()[0]
    text = " ".join(pdf_text(pdf, 4).split())
    for heading in ("Money against the area budget", "Priority coverage",
                    "Stacking: interventions per neighbourhood per year", "is stacking (red)", "Neighbourhood"):
        assert heading in text, heading
    funders = money_by(ov, "funder", district, *_period(pdf))
    assert funders
    for code, amount in list(funders.items())[:6]:  # the money table: the same numbers as the dock
        assert code_label("funder", code, "en") in text, code
        assert money_text(amount, "en") in text, code


def _period(pdf) -> tuple:
    """The period the atlas printed on the first district's page (the export closes open bounds)."""
    line = next(x for x in pdf_text(pdf, 4).splitlines() if "Period " in x)
    years = line.split("Period ")[1].split()[0].split("–")
    return int(years[0]), int(years[1])


def test_summary_page_image_is_not_blank(summary_export):
    _request, result, _ov = summary_export
    png = result.files["png"][1]
    assert variance(png) > 300
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "4", "-l", "4", "-singlefile", result.files["pdf"][0],
                    str(ARTIFACTS / "export_summary_district")], check=True)
    assert variance(ARTIFACTS / "export_summary_district.png") > 300


def test_summary_pages_in_dutch(sample_master, tmp_path):
    master, _ = sample_master
    translator = QTranslator()
    assert translator.load(str(i18n_path("gebiedsplugin_nl.qm")))
    QCoreApplication.instance().installTranslator(translator)
    try:
        result = run_export(ExportRequest(str(master), str(tmp_path), Scope(("noord",)), formats=("pdf",),
                                          lang="nl"))
    finally:
        QCoreApplication.instance().removeTranslator(translator)
    pdf = result.files["pdf"][0]
    assert pdf_pages(pdf) == 2
    text = " ".join(pdf_text(pdf, 2).split())
    for entry in ("Stadsdeelsamenvatting: Noord", "Geld tegenover het gebiedsbudget", "Dekking van prioriteiten",
                  "Stapeling", "Gemeente"):
        assert entry in text, entry


def test_summary_pages_can_be_switched_off(provider, sample_master, tmp_path):
    import processing

    master, _ = sample_master
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    assert alg.parameterDefinition("SUMMARY_PAGES").defaultValue() is True
    params = {"PROGRAMME": str(master), "FORMATS": "pdf", "OUTPUT_FOLDER": str(tmp_path / "off"),
              "SUMMARY_PAGES": False}
    result = processing.run(ALG, params)
    assert result["PAGES"] == 6 and pdf_pages(result["PDF"]) == 6
    result = processing.run(ALG, dict(params, OUTPUT_FOLDER=str(tmp_path / "on"), SUMMARY_PAGES=True))
    assert result["PAGES"] == 6 and pdf_pages(result["PDF"]) == 12
    assert Path(result["PDF"]).name == "programme_map_city.pdf"
