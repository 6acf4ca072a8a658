"""Effects over time: progress of an intervention's effect indicator toward its target. Pure Python.

An intervention names an ``effect_indicator`` with a ``baseline`` (measured in ``baseline_year``)
and a ``target``; table ``effect_measurements`` holds measured values per year (schema 3).

Progress, precisely:

- the *latest* measurement is the one of the highest year; several values in that year count as
  their mean. Measurements before the baseline year (when it is known) are ignored: they predate
  the zero measurement. Rows without a number for year or value are ignored.
- ``percent = (latest - baseline) / (target - baseline) * 100``. The same formula serves a
  decreasing target (target below the baseline, e.g. fewer incidents): numerator and denominator
  are then both negative while things improve. 0 % is the baseline, 100 % the target reached;
  it is not clamped, so a value beyond the target gives more than 100 % and a move away from the
  target a negative percentage.
- no percentage (None) when the baseline or target is missing, the target equals the baseline,
  or there is no usable measurement.

``progress`` computes one; ``programme_progress`` every intervention with an indicator of a
Programme (for the Overview and the district dossier).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Optional

INCREASE, DECREASE = "increase", "decrease"


def _number(value) -> Optional[float]:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


@dataclass(frozen=True)
class Progress:
    """Progress of one indicator: baseline (year, value) -> latest measured (year, value) -> target."""

    baseline: Optional[float]
    target: Optional[float]
    baseline_year: Optional[int] = None
    latest_year: Optional[int] = None
    latest: Optional[float] = None
    measurements: int = 0  # usable measurements (from the baseline year on)
    percent: Optional[float] = None

    @property
    def direction(self) -> Optional[str]:
        """``increase`` or ``decrease`` (the target above or below the baseline); None when unknown."""
        if self.baseline is None or self.target is None or self.target == self.baseline:
            return None
        return INCREASE if self.target > self.baseline else DECREASE

    @property
    def reached(self) -> bool:
        """The latest measurement is at or beyond the target."""
        return self.percent is not None and self.percent >= 100.0


def progress(baseline, target, measurements: Iterable, baseline_year=None) -> Progress:
    """Progress toward *target* from *baseline* given *measurements* ((year, value) pairs)."""
    base, goal = _number(baseline), _number(target)
    base_year = _number(baseline_year)
    base_year = int(base_year) if base_year is not None else None
    by_year: dict = {}
    for year, value in measurements:
        y, v = _number(year), _number(value)
        if y is None or v is None or (base_year is not None and y < base_year):
            continue
        by_year.setdefault(int(y), []).append(v)
    count = sum(len(v) for v in by_year.values())
    if not by_year:
        return Progress(base, goal, base_year)
    latest_year = max(by_year)
    latest = sum(by_year[latest_year]) / len(by_year[latest_year])
    percent = None
    if base is not None and goal is not None and goal != base:
        percent = (latest - base) / (goal - base) * 100.0
    return Progress(base, goal, base_year, latest_year, latest, count, percent)


@dataclass(frozen=True)
class IndicatorProgress:
    """One intervention's indicator and its progress, for lists and the dossier."""

    uid: str
    title: str
    district_id: Optional[str]
    theme: Optional[str]
    indicator: str
    progress: Progress


def measurements_by_uid(rows: Iterable[dict]) -> dict:
    """intervention uid -> [(year, value)] of effect_measurements rows."""
    out: dict = {}
    for row in rows:
        uid = row.get("intervention_uid")
        if uid:
            out.setdefault(str(uid).strip(), []).append((row.get("year"), row.get("value")))
    return out


def programme_progress(programme, district_id: Optional[str] = None) -> list:
    """IndicatorProgress of every intervention with an effect indicator (of one district when given),
    cancelled ones left out, ordered by district, title and uid."""
    measured = measurements_by_uid(programme.effect_measurements)
    out = []
    for feature in programme.interventions:
        attrs = feature.attrs
        indicator = (attrs.get("effect_indicator") or "").strip()
        if not indicator or attrs.get("status") == "cancelled":
            continue
        if district_id is not None and attrs.get("district_id") != district_id:
            continue
        uid = str(attrs.get("uid") or "").strip()
        out.append(IndicatorProgress(
            uid, attrs.get("title") or "", attrs.get("district_id"), attrs.get("theme"), indicator,
            progress(attrs.get("baseline"), attrs.get("target"), measured.get(uid, ()), attrs.get("baseline_year"))))
    out.sort(key=lambda p: (p.district_id or "", p.title, p.uid))
    return out


def percent_text(value: Optional[float], decimals: int = 0) -> str:
    """'63 %' (rounded half away from zero), '' for None; locale formatting is the GUI's business."""
    if value is None:
        return ""
    scaled = abs(value) * 10 ** decimals
    rounded = math.floor(scaled + 0.5) / 10 ** decimals
    rounded = -rounded if value < 0 else rounded
    return "{:.{}f} %".format(rounded, decimals)
