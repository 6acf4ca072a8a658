"""`make demo`: the main job, headless, on the embedded default (a GeoPackage).

Writes Voorbeeldstad to OUT, then runs what the plugin offers on it (check, export) and prints
what it did.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import qgis_headless


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="demo", help="output folder")
    parser.add_argument("--interventions", type=int, default=400)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    qgis_headless.start()
    import processing
    from qgis.core import QgsProcessingFeedback

    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    gpkg = out / "voorbeeldstad.gpkg"
    feedback = QgsProcessingFeedback()
    result = processing.run("gebiedsplugin:generate_sample", {
        "OUTPUT": str(gpkg), "SEED": args.seed, "INTERVENTIONS": args.interventions, "OVERWRITE": True,
    }, feedback=feedback)
    store = GpkgStore.open(result["OUTPUT"])
    programme = store.read_programme()
    print("Programme written: {}".format(store.path))
    print("Manifest:          {}".format(result["MANIFEST"]))
    _summary(programme)

    if qgis_headless.has_algorithm("gebiedsplugin:check_programme"):
        check = processing.run("gebiedsplugin:check_programme", {"PROGRAMME": store.path}, feedback=feedback)
        print("\nProgramme check (findings per rule and severity):")
        counts = json.loads(check.get("COUNTS", "{}") or "{}")
        for key in sorted(counts):
            print("  {:<40} {:>5}".format(key, counts[key]))
    if qgis_headless.has_algorithm("gebiedsplugin:export_programme_map"):
        export = processing.run("gebiedsplugin:export_programme_map", {
            "PROGRAMME": store.path, "SCOPE": "city", "OUTPUT_FOLDER": str(out / "export"),
            "FORMATS": "gpkg,pdf,png,geojson,csv,web", "OVERWRITE": True,
        }, feedback=feedback)
        print("\nExport written to {}".format(export.get("OUTPUT_FOLDER", out / "export")))
    return 0


def _summary(programme) -> None:
    names = {d.get("district_id"): d.get("name") for d in programme.districts}
    per_district = Counter(f.get("district_id") for f in programme.interventions)
    budget = Counter()
    for f in programme.interventions:
        budget[f.get("district_id")] += f.get("budget", 0.0) or 0.0
    hoods = Counter(n.get("district_id") for n in programme.neighbourhoods)
    print("\n{:<24} {:>6} {:>14} {:>16}".format("District", "Buurten", "Interventies", "Budget (EUR)"))
    for code in sorted(per_district, key=lambda c: (c is None, str(c))):
        print("{:<24} {:>6} {:>14} {:>16,.0f}".format(
            str(names.get(code, code)), hoods.get(code, 0), per_district[code], budget[code]))
    print("{:<24} {:>6} {:>14} {:>16,.0f}".format(
        "Total", len(programme.neighbourhoods), len(programme.interventions), sum(budget.values())))
    print("Programme projects: {}; funding rows: {}".format(len(programme.projects), len(programme.funding)))
    from gebiedsplugin.core.effects import percent_text, programme_progress
    from gebiedsplugin.core.periods import precision_of

    precision = Counter(precision_of(f.attrs) for f in programme.interventions)
    print("Planning: {} in whole years, {} to the quarter, {} indicative; {} with a contact".format(
        precision["year"], precision["quarter"], precision["indicative"],
        sum(1 for f in programme.interventions if f.get("contact"))))
    progress = [p for p in programme_progress(programme) if p.progress.percent is not None]
    print("Effects: {} measured values; progress toward the target of {} indicators, e.g. {}".format(
        len(programme.effect_measurements), len(progress), "; ".join(
            "{} {} -> {}".format(p.indicator, p.progress.latest_year, percent_text(p.progress.percent))
            for p in progress[:2])))


if __name__ == "__main__":
    sys.exit(main())
