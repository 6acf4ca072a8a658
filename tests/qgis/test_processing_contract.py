"""The Processing contract beyond single algorithms: help on every parameter, results that are declared."""

from __future__ import annotations

from gebiedsplugin.processing_provider.provider import algorithm_classes


def test_every_parameter_has_help(provider):
    for cls in algorithm_classes():
        alg = cls()
        alg.initAlgorithm()
        missing = [p.name() for p in alg.parameterDefinitions() if not p.help()]
        assert missing == [], "{}: {}".format(alg.name(), missing)


def test_copy_programme_declares_what_it_returns(provider, empty_gpkg, tmp_path):
    import processing

    out = tmp_path / "copy.gpkg"
    result = processing.run("gebiedsplugin:copy_programme", {"INPUT": str(empty_gpkg), "OUTPUT": str(out)})
    alg = provider.algorithm("copy_programme")
    declared = {o.name() for o in alg.outputDefinitions()}
    assert {"OUTPUT", "COUNTS"} <= declared
    assert set(result) <= declared
    assert result["OUTPUT"] == str(out) and "districts" in result["COUNTS"]
