"""gebiedsplugin:district_report: one PDF page per area with the overview's figures; time on the map."""

from __future__ import annotations

import subprocess

import pytest
from qgis.core import QgsProject, QgsVectorLayerTemporalProperties

from gebiedsplugin.core import schema
from gebiedsplugin.core.aggregations import money_by, prepare
from gebiedsplugin.core.value_lists import label
from gebiedsplugin.qgis_io.loader import load_programme
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.temporal import END_EXPRESSION, START_EXPRESSION

ALG = "gebiedsplugin:district_report"


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_report_has_a_page_per_area_with_names_and_funders(provider, sample_gpkg, tmp_path):
    import processing

    path, _ = sample_gpkg
    out = tmp_path / "report.pdf"
    result = processing.run(ALG, {"PROGRAMME": str(path), "YEAR_FROM": 2025, "YEAR_TO": 2030, "OUTPUT": str(out)})
    ov = prepare(GpkgStore.open(path).read_programme())
    assert result["PAGES"] == len(ov.districts()) + 1 == 6
    assert out.exists() and pdf_pages(out) == 6
    text = pdf_text(out)
    for district in ov.districts() + [schema.CITY_ID]:
        assert ov.name(district) in text
    for funder in money_by(ov, "funder", None, 2025, 2030):
        assert label("funder", funder, "en") in text
    assert "Stacking" in text and "Priority coverage" in text
    assert not list(tmp_path.glob(".report.pdf*"))  # the temporary file is gone
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "2", "-l", "2", str(out),
                    "tests/artifacts/district-report"], check=True)


def test_report_one_district_and_no_silent_overwrite(provider, sample_gpkg, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    path, _ = sample_gpkg
    out = tmp_path / "noord.pdf"
    params = {"PROGRAMME": str(path), "DISTRICT": "noord", "OUTPUT": str(out)}
    assert processing.run(ALG, params)["PAGES"] == 1
    assert pdf_pages(out) == 1 and "Noord" in pdf_text(out)
    before = out.read_bytes()
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, params)
    assert out.read_bytes() == before
    assert processing.run(ALG, dict(params, DISTRICT="noord,oost", OVERWRITE=True))["PAGES"] == 2
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, dict(params, DISTRICT="atlantis", OVERWRITE=True))
    with pytest.raises(QgsProcessingException, match=r"The period ends \(2025\) before it starts \(2030\)"):
        processing.run(ALG, dict(params, YEAR_FROM=2030, YEAR_TO=2025, OVERWRITE=True))


def test_loaded_layers_are_temporal(sample_gpkg, qgis_app):
    path, _ = sample_gpkg
    project = QgsProject()
    layers = load_programme(GpkgStore.open(path), project, "en")
    for table in schema.INTERVENTION_TABLES + schema.PROJECT_TABLES:
        props = layers[table].temporalProperties()
        assert props.isActive()
        assert props.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromExpressions
        assert (props.startExpression(), props.endExpression()) == (START_EXPRESSION, END_EXPRESSION)
    assert not layers["districts"].temporalProperties().isActive()
    project.clear()
