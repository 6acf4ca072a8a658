"""Combination chances on Voorbeeldstad in real QGIS: the findings register (chances, combine / not
combine decisions that survive a re-run), the check dock, and the chances on the map.

Which works form a chance is recomputed here by brute force from the GeoPackage (OGR + shapely, every
pair), independently of the rule's vectorised code."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import shapely
from osgeo import ogr
from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store.findings import FindingsRegister
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.gui_helpers import wait_for_check

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "shots" / "district"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
RULE = "combination_chance"


def brute_force_pairs(path, distance=25.0, years=3) -> set:
    """Pairs of uids that must form a chance, every pair tested one by one."""
    ds = ogr.Open(str(path))
    works = []
    for name in ("interventions_point", "interventions_line", "interventions_polygon"):
        for f in ds.GetLayerByName(name):
            g = f.GetGeometryRef()
            if (f.GetField("domain") != "physical" or f.GetField("status") in ("cancelled", "done") or g is None
                    or f.GetField("start_year") is None or f.GetField("end_year") is None
                    or f.GetField("end_year") < f.GetField("start_year")):
                continue
            geom = shapely.make_valid(shapely.from_wkb(bytes(g.ExportToWkb())))
            owner = (f.GetField("lead_party") or "").strip().lower() or None
            works.append((f.GetField("uid"), geom, f.GetField("start_year"), f.GetField("end_year"), owner,
                          f.GetField("theme")))
    linked = set()
    for f in ds.GetLayerByName("links"):
        if f.GetField("relation") == "combines_with":
            linked.add(frozenset((f.GetField("from_uid"), f.GetField("to_uid"))))
    ds = None
    out = set()
    for a, b in combinations(works, 2):
        gap = max(b[2] - a[3], a[2] - b[3], 0)
        other = (a[4] is not None and b[4] is not None and a[4] != b[4]) or a[5] != b[5]
        if gap <= years and other and frozenset((a[0], b[0])) not in linked and a[1].distance(b[1]) <= distance:
            out.add(frozenset((a[0], b[0])))
    return out


def groups_of(pairs: set) -> set:
    """Connected pairs as frozensets of uids."""
    groups: list = []
    for pair in pairs:
        touching = [g for g in groups if g & pair]
        merged = set(pair).union(*touching)
        groups = [g for g in groups if not g & pair] + [merged]
    return {frozenset(g) for g in groups}


def test_chances_match_a_brute_force_search_and_decisions_survive(sample_gpkg):
    path, manifest = sample_gpkg
    expected = groups_of(brute_force_pairs(path))
    conflict = next(c for c in manifest["planted"] if c["rule"] == "conflict")
    assert any(set(conflict["uids"]) <= g for g in expected)  # sewer + street redesign in one street
    result = run_check(CheckRequest(str(path), rule_ids=(RULE,)))
    found = [f for f in result.findings if f.rule == RULE]
    assert {frozenset(f.subject_uids) for f in found} == expected and len(found) >= 3
    rows = [r for r in FindingsRegister(GpkgStore(str(path))).rows() if r["rule"] == RULE]
    assert {r["severity"] for r in rows} == {"chance"} and len(rows) == len(found)
    best = next(r for r in rows if set(conflict["uids"]) <= set(r["subject_uids"].split(",")))
    assert "score 100/100" in best["message"] and "the street is opened once for both" in best["message"]

    register = FindingsRegister(GpkgStore(str(path)))
    other = next(r for r in rows if r is not best)
    assert register.decide([best["finding_id"]], "combine", "One contract with the sewer works", user="anna") == 1
    assert register.decide([other["finding_id"]], "not_combine", "Different contractors' seasons", user="anna") == 1
    again = run_check(CheckRequest(str(path), rule_ids=(RULE,)))
    assert again.merge["new"] == 0 and again.merge["closed"] == 0
    stored = FindingsRegister(GpkgStore(str(path))).by_id()
    assert (stored[best["finding_id"]]["status"], stored[best["finding_id"]]["note"]) == (
        "combine", "One contract with the sewer works")
    assert stored[other["finding_id"]]["status"] == "not_combine"


def test_wider_parameters_find_more_and_never_less(sample_gpkg):
    path, _ = sample_gpkg
    params = {"chance_distance_m": 60, "chance_years": 5}
    wide = run_check(CheckRequest(str(path), rule_ids=(RULE,), params=params, write=False))
    assert {frozenset(f.subject_uids) for f in wide.findings} == groups_of(brute_force_pairs(path, 60.0, 5))


def test_check_dock_decides_combine_only_on_chances_and_the_map_shows_them(plugin, sample_gpkg):
    path, manifest = sample_gpkg
    plugin.controller.open(str(path))
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_check_dock")
    dock.show()
    dock.resize(620, 760)
    assert dock.run_check()
    wait_for_check(dock)
    rows = dock.tree.finding_rows()
    chances = [r for r in rows if r["severity"] == "chance"]
    problem = next(r for r in rows if r["severity"] == "warning")
    assert chances and rows[-len(chances):] == chances  # chances come last, after errors, warnings, info
    # "Combine" on a warning is refused; on a chance it is recorded with the note.
    dock.tree.select_finding(problem["finding_id"])
    dock.decision.setCurrentIndex(dock.decision.findData("combine"))
    assert dock.decide_selected() == 0 and "decisions on chances" in dock.status.text()
    conflict = next(c for c in manifest["planted"] if c["rule"] == "conflict")
    chance = next(r for r in chances if set(conflict["uids"]) <= set(r["subject_uids"].split(",")))
    dock.tree.select_finding(chance["finding_id"])
    dock.note.setText("In one contract")
    assert dock.decide_selected() == 1
    assert dock.store.findings_register().by_id()[chance["finding_id"]]["status"] == "combine"
    dock.tree.select_finding(chance["finding_id"])
    for folder in (ARTIFACTS, SHOTS):
        folder.mkdir(parents=True, exist_ok=True)
        dock.grab().save(str(folder / "check-dock-chances-en.png"))

    # The findings layer draws chances in their own style (green, dashed), beside the works.
    findings = plugin.controller.layer("findings")
    renderer = findings.renderer()
    category = next(c for c in renderer.categories() if c.value() == "chance")
    assert category.symbol().color().name() != next(
        c for c in renderer.categories() if c.value() == "warning").symbol().color().name()
    feature = next(f for f in findings.getFeatures() if f["finding_id"] == chance["finding_id"])
    box = QgsRectangle(feature.geometry().boundingBox())
    box.grow(max(box.width(), box.height()) * 0.8 + 40)
    settings = QgsMapSettings()
    settings.setLayers([findings] + [plugin.controller.layer(t) for t in
                                     ("interventions_point", "interventions_line", "interventions_polygon",
                                      "neighbourhoods")])
    settings.setDestinationCrs(findings.crs())
    settings.setExtent(box)
    settings.setOutputSize(QSize(800, 600))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    for folder in (ARTIFACTS, SHOTS):
        image.save(str(folder / "chances-map-en.png"))
    greens = sum(1 for x in range(0, 800, 4) for y in range(0, 600, 4)
                 if image.pixelColor(x, y).green() > image.pixelColor(x, y).red() + 40)
    assert greens > 20  # the chance's green outline is drawn
