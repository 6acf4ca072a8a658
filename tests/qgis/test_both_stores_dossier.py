"""The district dossier from either store: the same spreadsheet content as from the GeoPackage."""

from __future__ import annotations

from tests.qgis.stores_fixtures import *  # noqa: F401,F403
from tests.qgis.test_district_dossier import sheets


def test_dossier_the_same_from_either_store(programme_store, sample_gpkg, provider, tmp_path):
    import processing

    runs = {}
    for name, programme in (("store", programme_store.path), ("gpkg", str(sample_gpkg[0]))):
        out = tmp_path / name
        out.mkdir()
        result = processing.run("gebiedsplugin:district_dossier", {
            "PROGRAMME": programme, "DISTRICT": "oost", "OUTPUT_FOLDER": str(out), "LANGUAGE": "en"})
        assert result["DOSSIERS"] == 1 and (out / "dossier_oost.pdf").stat().st_size > 10_000
        runs[name] = sheets(out / "dossier_oost.ods")
    assert runs["store"] == runs["gpkg"]
    assert len(runs["gpkg"]["Interventions"]) > 50
