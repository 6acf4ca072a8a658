"""Rule parameters in the programme's settings that the check cannot use are named, not dropped silently."""

from __future__ import annotations

from gebiedsplugin.core.records import Programme
from gebiedsplugin.core.rules import rule_params
from gebiedsplugin.core.rules.engine import ignored_settings


def test_unusable_settings_are_listed_with_the_default_used():
    settings = {"conflict_distance_m": "tien", "stacking_max": "-3", "rest_period_years": "inf",
                "city_tolerance_m": "2.5", "min_overlap_share": "", "other_key": "x"}
    assert ignored_settings(settings) == [
        ("conflict_distance_m", "tien", rule_params("conflict")["conflict_distance_m"]),
        ("rest_period_years", "inf", rule_params("rest_period")["rest_period_years"]),
        ("stacking_max", "-3", rule_params("stacking")["stacking_max"])]
    assert ignored_settings(None) == [] and ignored_settings({"city_tolerance_m": "0"}) == []


def test_negative_setting_falls_back_to_the_default():
    default = rule_params("conflict")["conflict_distance_m"]
    programme = Programme(settings={"conflict_distance_m": "-5"})
    assert rule_params("conflict", programme)["conflict_distance_m"] == default
    programme = Programme(settings={"conflict_distance_m": "40"})
    assert rule_params("conflict", programme)["conflict_distance_m"] == 40.0
