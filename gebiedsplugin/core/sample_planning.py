"""Voorbeeldstad's schema-3 details: coarse planning, contacts and measured effects (vectorised draws).

Applied to the background interventions only (the planted cases stay as the rules tests expect
them), from a random stream of its own, so the rest of the sample is the same as before schema 3:

- periods starting three or more years after NOW_YEAR that are not yet under way: 45 % marked
  indicative; periods starting in NOW_YEAR..NOW_YEAR+2: half given a start quarter, and when they
  end in their start year, half of those an end quarter (not before the start quarter);
- 60 % get a contact (a person with a role, or a team of the theme and district);
- every intervention with an effect indicator gets a baseline year one to three years before its
  start; those started
  by NOW_YEAR get a measured value per year from the year after the baseline year up to NOW_YEAR,
  moving toward the target with noise (some faster, some slower, a few the wrong way).
"""

from __future__ import annotations

import random

import numpy as np

from gebiedsplugin.core import sample_names as names
from gebiedsplugin.core.sample_items import NOW_YEAR, new_uid

_FIRST = ("Anouk", "Bas", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hatice", "Ivo", "Joyce", "Karim",
          "Lotte", "Mohamed", "Noor", "Pieter", "Sanne", "Thijs", "Yara")
_LAST = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yilmaz", "Bos",
         "Vos", "Peters", "Hendriks", "El Amrani", "Dekker", "van Dijk")
_ROLES = ("gebiedsregisseur", "projectleider", "wijkregisseur", "gebiedsmakelaar", "beleidsadviseur")
_TEAMS = {"public_space": "Openbare Ruimte", "green": "Groen en Water", "mobility": "Mobiliteit",
          "sewer": "Riolering", "housing": "Wonen", "education": "Onderwijs", "care": "Zorg en Welzijn",
          "safety": "Veiligheid", "work_income": "Werk en Inkomen", "energy": "Energietransitie"}


def apply_planning(seed: int, items: list) -> list:
    """Give *items* (background intervention Features) periods in quarters or indicative, contacts and a
    baseline year; return the effect_measurements rows (dicts) of those already started."""
    rng = np.random.default_rng([seed, 3])
    ids = random.Random(seed * 7 + 3)  # nosec B311  # reproducible sample data, not security
    n = len(items)
    u = rng.random((n, 6))
    quarters = rng.integers(1, 5, (n, 2))
    rows = []
    for k, f in enumerate(items):
        a = f.attrs
        start, end = int(a["start_year"]), int(a["end_year"])
        if start >= NOW_YEAR + 3 and a.get("status") in ("idea", "planned") and u[k, 0] < 0.45:
            a["indicative"] = True
        elif NOW_YEAR <= start <= NOW_YEAR + 2 and u[k, 1] < 0.5:
            a["start_quarter"] = int(quarters[k, 0])
            if end == start and u[k, 2] < 0.5:
                a["end_quarter"] = int(max(quarters[k, 0], quarters[k, 1]))
        if u[k, 3] < 0.6:
            a["contact"] = _contact(a, float(u[k, 4]), ids)
        if a.get("effect_indicator"):
            a["baseline_year"] = start - 1 - int(u[k, 5] * 3)
            if start <= NOW_YEAR and a.get("status") != "cancelled":
                rows.extend(_measurements(rng, a, float(u[k, 5]), ids))
    return rows


def _contact(attrs: dict, u: float, ids: random.Random) -> str:
    if u < 0.5:
        return "{} {} ({})".format(ids.choice(_FIRST), ids.choice(_LAST), ids.choice(_ROLES))
    district = names.DISTRICTS.get(attrs.get("district_id"), "Stad")
    return "Team {} {}".format(_TEAMS.get(attrs.get("theme"), "Gebied"), district)


def _measurements(rng: np.random.Generator, attrs: dict, pace: float, ids: random.Random) -> list:
    baseline, target = float(attrs["baseline"]), float(attrs["target"])
    first = int(attrs["baseline_year"]) + 1
    speed = -0.1 if pace < 0.1 else 0.08 + 0.25 * pace  # share of the way per year; a few go the wrong way
    out = []
    for step, year in enumerate(range(first, NOW_YEAR + 1), start=1):
        noise = float(rng.normal(0.0, 0.03)) * abs(target - baseline)
        value = baseline + (target - baseline) * min(speed * step, 1.2) + noise
        out.append({"intervention_uid": attrs["uid"], "year": year, "value": round(value, 1),
                    "note": None, "uid": new_uid(ids)})
    return out
