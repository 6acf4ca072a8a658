"""The check's read and findings merge beside a large programme: the read's snapshot is out of the
cycle collector's sight once read (gc.freeze), and the merge runs with the collector paused, so no
collector pass walks the programme's millions of objects between the read, the rules and the write
(1M: 5 s CPU)."""

from __future__ import annotations

import gc
import sys

from gebiedsplugin.core.rules import run_rules
from gebiedsplugin.core.sample import generate_sample
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.ogr_read import read_programme


def test_snapshot_unseen_by_the_collector(tmp_path, qgis_app):
    programme, _ = generate_sample(seed=3, interventions=400)
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)
    read = read_programme(str(store.path))
    assert len(read.interventions) == len(programme.interventions)
    seen = {id(o) for o in gc.get_objects()}  # the collector's generations (frozen objects are not in them)
    for part in (read.interventions, read.projects, read.funding):
        assert part and id(part) not in seen
        assert id(part[0]) not in seen and id(part[-1]) not in seen
    assert gc.isenabled()  # the pause ended with the read


def test_merge_makes_no_collector_pass(tmp_path, qgis_app):
    programme, _ = generate_sample(seed=4, interventions=600)
    store = GpkgStore.create(tmp_path / "p.gpkg", programme.crs, programme)
    findings = run_rules(read_programme(str(store.path)))
    assert len(findings) > 10
    register = GpkgStore(str(store.path)).findings_register()
    passes = []

    def count(phase, info):  # a pass that starts while the merge plans and writes (save_planned on the stack)
        frame = sys._getframe(1)
        while frame is not None and phase == "start":
            if frame.f_code.co_name == "save_planned" and frame.f_code.co_filename.endswith("save.py"):
                passes.append(info["generation"])
                break
            frame = frame.f_back

    threshold = gc.get_threshold()
    gc.set_threshold(1, 1, 1)  # with the collector on, every allocation would start a pass
    gc.callbacks.append(count)
    try:
        plan = register.merge(findings)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert passes == []
    assert len(plan.inserts) == len(findings)
    assert len(register.rows()) == len(findings)
