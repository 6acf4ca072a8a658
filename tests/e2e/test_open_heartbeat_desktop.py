"""Opening a large programme keeps QGIS responsive (#18): in the real desktop a QTimer beats every 20 ms on
the main thread while the plugin opens a 100,000-item programme (controller.open, as "Open programme…")
and the Interventions dock lists it. The longest gap between beats is the longest time the main thread
was blocked (the event loop left to itself, no processEvents() in the waiting).

Before: the list was read and sorted in one go on the main thread, 20-26 s at 100,000 items (the sort
proxy asked Python for the keys of every comparison, 3.4 million calls). Now the list is read between
turns of the event loop and sorted with one key per row; what is left in one block is the opening itself
(the layers made, styled and added to the project, which stays on the main thread): 545-586 ms in this
test on the shared 2-core machine (load 2-3), up to 1.0 s in traced runs. The bound is about twice that."""

from __future__ import annotations

import sqlite3

from tests.e2e.desktop import run_body, sample_programme

BOUND_MS = 2000.0

BODY = '''
import time
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QEventLoop, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import plugins

PATH = __PATH__
plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
main.resize(1500, 950)
dock = main.findChild(QDockWidget, "gebiedsplugin_interventions_dock")
dock.show(); dock.raise_()
beats = {"last": time.perf_counter(), "gaps": []}

def beat():
    now = time.perf_counter()
    beats["gaps"].append(now - beats["last"])
    beats["last"] = now

heart = QTimer()
heart.setInterval(20)
heart.timeout.connect(beat)

def wait_until(done, seconds, start=None):
    """Let the event loop run (no processEvents here) until done() or *seconds*; the gaps meanwhile.
    *start* runs from the loop, so a block in it is measured."""
    beats["gaps"], beats["last"] = [], time.perf_counter()
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start(50)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    if start is not None:
        QTimer.singleShot(0, start)
    began = time.perf_counter()
    loop.exec()
    poll.stop()
    gaps = sorted(beats["gaps"])
    return {"seconds": time.perf_counter() - began, "done": bool(done()), "beats": len(gaps),
            "max_ms": 1000 * gaps[-1] if gaps else None,
            "p99_ms": 1000 * gaps[int(0.99 * (len(gaps) - 1))] if gaps else None}

said = set()  # what the dock's footer says while it reads
watch = QTimer()
watch.timeout.connect(lambda: said.add(dock.footer.text()) if dock.reading() else None)
watch.start(100)
heart.start()
RESULT["idle"] = wait_until(lambda: False, 3.0)
opened = []
RESULT["open"] = wait_until(lambda: bool(opened) and not dock.reading()
                            and QgsApplication.taskManager().countActiveTasks() == 0, 300,
                            start=lambda: opened.append(plugin.controller.open(PATH)))
heart.stop()
watch.stop()
RESULT["said"] = sorted(said)
RESULT["listed"] = dock.model.rowCount()
RESULT["layers"] = len(plugin.controller.layers)
finish()
'''


def test_main_thread_keeps_beating_while_a_large_programme_opens(tmp_path):
    _, _, path = sample_programme(tmp_path, seed=7, interventions=100000, name="city_100k.gpkg")
    with sqlite3.connect(str(path)) as db:  # what the list must show, counted apart from the plugin
        expected = sum(db.execute("SELECT count(*) FROM " + table).fetchone()[0]
                       for table in ("interventions_point", "interventions_line", "interventions_polygon"))
    result = run_body(BODY, tmp_path, "en", timeout=900, PATH=path)
    idle, opened = result["idle"], result["open"]
    print("\nmain-thread heartbeat (20 ms timer), longest gap / 99th percentile:")
    print("  idle desktop      {:7.0f} ms / {:5.0f} ms".format(idle["max_ms"], idle["p99_ms"]))
    print("  open 100k + list  {:7.0f} ms / {:5.0f} ms over {:.1f} s ({} rows listed)".format(
        opened["max_ms"], opened["p99_ms"], opened["seconds"], result["listed"]))
    assert opened["done"] and result["layers"] >= 14
    assert expected >= 100000 and result["listed"] == expected
    assert any(text.startswith("Reading the interventions…") for text in result["said"]), result["said"]
    assert opened["beats"] > 10  # the timer did beat while the list was read
    assert opened["max_ms"] < BOUND_MS, opened
