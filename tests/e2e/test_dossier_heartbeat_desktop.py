"""The district dossier keeps QGIS responsive (#18): in the real desktop a QTimer beats every 20 ms on
the main thread while the Overview's Dossier button writes the dossier of the largest district of a
10,000-item city (about 2,700 interventions, a PDF of many pages). The longest gap between beats is
the longest time the main thread was blocked (the event loop left to itself, no processEvents() in
the waiting); printed with an idle reference measured in the same QGIS. Before #18's dossier part
the PDF was drawn on the main thread, one district per event-loop turn: a gap of the whole PDF. Then
the preparation task's cycle-collector passes over the programme held Python's lock 100-270 ms each."""

from __future__ import annotations

import subprocess

from tests.e2e.desktop import beat_line, run_body, sample_programme

# Measured 402-1,517 ms before (245 ms in this session's run, load 4.0), 89-95 ms after with the
# collector held off in the dossiers' preparation (load 3.3-3.5, shared 2-core machine): the bound is
# about 2.5 times the loaded figure (a quiet CI runner stays well below it).
BOUND_MS = 250.0

BODY = '''
import os
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import plugins

PATH, OUT, DISTRICT = __PATH__, __OUT__, __DISTRICT__
plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
main.resize(1500, 950)
worst = {"gap": 0.0, "during": []}

def note_worst(gap):
    """Which task was where when the longest gap ended."""
    if gap > worst["gap"]:
        tasks = QgsApplication.taskManager().activeTasks()
        worst.update(gap=gap, during=[(t.description(), round(t.progress())) for t in tasks])

heart = Heartbeat(on_beat=note_worst)

def wait_until(done, seconds):
    worst.update(gap=0.0, during=[])
    return dict(heart.wait_until(done, seconds), worst_during=worst["during"])

heart.start()
RESULT["idle"] = wait_until(lambda: False, 3.0)
plugin.controller.open(PATH)
listing = main.findChild(QDockWidget, "gebiedsplugin_interventions_dock")  # lists it between turns
wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0 and not listing.reading(), 120)
dock = main.findChild(QDockWidget, "gebiedsplugin_overview_dock")
dock.show(); dock.raise_()
dock.reload()
wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, 120)
dock.set_scope(district=DISTRICT)
wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, 120)
RESULT["started"] = dock.dossier.start(OUT, overwrite=True)
RESULT["dossier"] = wait_until(lambda: not dock.dossier.busy, 900)
RESULT["error"] = dock.dossier.error
RESULT["written"] = [os.path.basename(p) for p in dock.dossier.written]
heart.stop()
finish()
'''


def test_main_thread_keeps_beating_while_the_dossier_is_written(tmp_path):
    _, manifest, path = sample_programme(tmp_path, seed=7, interventions=10000, name="city_10k.gpkg")
    counts = {d: n["interventions"] for d, n in manifest["districts"].items() if d != "city"}
    district = max(counts, key=counts.get)
    out = tmp_path / "dossiers"
    out.mkdir()
    result = run_body(BODY, tmp_path, "en", timeout=1200, PATH=path, OUT=out, DISTRICT=district)
    idle, dossier = result["idle"], result["dossier"]
    pages = subprocess.run(["pdfinfo", str(out / "dossier_{}.pdf".format(district))], capture_output=True,
                           text=True).stdout
    print("\nmain-thread heartbeat (20 ms timer), longest gap / 99th percentile:")
    print(beat_line("idle desktop", idle))
    print(beat_line("dossier {} ({} items)".format(district, counts[district]), dossier, " over {:.0f} s; {}".format(
        dossier["seconds"], " ".join(line for line in pages.splitlines() if line.startswith("Pages")))))
    print("  the longest gap ended during: {}".format(dossier["worst_during"] or "no task"))
    assert result["started"] and dossier["done"] and result["error"] == "", result["error"]
    assert sorted(result["written"]) == ["dossier_{}.ods".format(district), "dossier_{}.pdf".format(district)]
    assert dossier["beats"] > 10
    assert dossier["max_ms"] < BOUND_MS, dossier
