"""Effects over time (#16 item 4): progress of an indicator, hand-computed.

percent = (latest - baseline) / (target - baseline) * 100, the latest being the mean of the values of
the highest year measured on or after the baseline year (core/effects.py)."""

from __future__ import annotations

import pytest

from gebiedsplugin.core.effects import DECREASE, INCREASE, percent_text, programme_progress, progress
from gebiedsplugin.core.records import Feature, Programme


def test_increasing_target():
    # baseline 40 % green (2022), target 60 %; measured 44 (2023), 52 (2025): (52-40)/(60-40) = 12/20 = 60 %
    p = progress(40, 60, [(2023, 44), (2025, 52)], 2022)
    assert (p.latest_year, p.latest, p.measurements, p.direction) == (2025, 52.0, 2, INCREASE)
    assert p.percent == pytest.approx(60.0)
    assert not p.reached


def test_decreasing_target():
    # incidents: baseline 120 (2021), target 80; measured 110 (2022), 95 (2024): (95-120)/(80-120) = -25/-40 = 62.5 %
    p = progress(120, 80, [(2024, 95), (2022, 110)], 2021)
    assert p.direction == DECREASE and p.latest_year == 2024
    assert p.percent == pytest.approx(62.5)
    assert percent_text(p.percent) == "63 %"  # half away from zero


def test_moving_away_and_overshooting_are_not_clamped():
    # decreasing target, value went up: (130-120)/(80-120) = 10/-40 = -25 %
    assert progress(120, 80, [(2023, 130)]).percent == pytest.approx(-25.0)
    # increasing target overshot: (70-40)/(60-40) = 150 %
    over = progress(40, 60, [(2023, 70)])
    assert over.percent == pytest.approx(150.0) and over.reached


def test_same_year_values_average_and_pre_baseline_values_are_ignored():
    # 2019 predates the baseline year 2020 and is ignored; 2024 has 50 and 54 -> 52: (52-40)/20 = 60 %
    p = progress(40, 60, [(2019, 100), (2024, 50), (2024, 54), ("x", 3), (2023, None)], 2020)
    assert p.latest == pytest.approx(52.0) and p.measurements == 2 and p.percent == pytest.approx(60.0)


@pytest.mark.parametrize("baseline,target,rows", [
    (None, 60, [(2024, 50)]), (40, None, [(2024, 50)]), (40, 40, [(2024, 50)]), (40, 60, []),
])
def test_no_percentage_without_a_defined_distance_or_measurement(baseline, target, rows):
    assert progress(baseline, target, rows).percent is None


def test_programme_progress_per_intervention_and_district():
    def inter(uid, district, **attrs):
        values = {"uid": uid, "title": "T" + uid, "district_id": district, "theme": "green"}
        values.update(attrs)
        return Feature(values, None, "interventions_point")

    programme = Programme(interventions=[
        inter("a", "west", effect_indicator="Groen %", baseline=40, target=60, baseline_year=2022),
        inter("b", "east", effect_indicator="Incidenten", baseline=120, target=80),
        inter("c", "west"),  # no indicator: not listed
        inter("d", "west", effect_indicator="Groen %", baseline=1, target=2, status="cancelled"),
    ], effect_measurements=[
        {"intervention_uid": "a", "year": 2025, "value": 52},
        {"intervention_uid": "b", "year": 2024, "value": 95},
        {"intervention_uid": "a", "year": 2021, "value": 10},  # before the baseline year
    ])
    rows = programme_progress(programme)
    assert [(r.uid, r.district_id) for r in rows] == [("b", "east"), ("a", "west")]
    assert rows[0].progress.percent == pytest.approx(62.5) and rows[1].progress.percent == pytest.approx(60.0)
    assert [r.uid for r in programme_progress(programme, "west")] == ["a"]
