"""The check names rule parameters in the programme's settings it cannot use (issue 13, item 6)."""

from __future__ import annotations

from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


def test_check_names_unusable_settings(sample_gpkg):
    path = str(sample_gpkg[0])
    GpkgStore(path).write_settings({"conflict_distance_m": "tien", "stacking_max": "-2", "city_tolerance_m": "3"})
    result = run_check(CheckRequest(path, ("conflict", "stacking"), write=False))
    assert [n for n in result.notes if n.startswith("Settings of")] == [
        "Settings of voorbeeldstad: conflict_distance_m = 'tien' is not a number of 0 or more; "
        "the check used the default 10.",
        "Settings of voorbeeldstad: stacking_max = '-2' is not a number of 0 or more; "
        "the check used the default 8."]
