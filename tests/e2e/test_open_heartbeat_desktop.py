"""Opening a large programme and editing it keep QGIS responsive (#18): in the real desktop a QTimer beats
every 20 ms on the main thread while the plugin opens a 100,000-item programme as the menu's Open
programme… does after its file dialog (use_programme in the background) and the Interventions dock lists
it, then while one point is edited, copied and the edits discarded. The longest gap between beats is the
longest time the main thread was blocked (the event loop left to itself, no processEvents() in the waiting).

The open: the list was read and sorted in one go on the main thread, 20-26 s (beat3: now read between
turns). The temporal range preset took QGIS's 1.2 s off (beat4). The open itself was then still one block
(store checked, 14 layers made and styled, the docks told): 0.5 s quiet, 0.9-1.7 s under load. Now the
store and layers are made in a task and the layers and docks come in turns (open5). Measured here in
the same session, the old synchronous open (controller.open, what scripts call) against the task's, load
4.5 / 5.5 / 9 on the shared 2-core machine: old 297 / 513 / 941 ms; task 70 / 138 / 237 ms the first time,
62 / 97 / 120 ms again (what is left is QGIS's own work as the layers come in, and the Interventions
dock's first read). OPEN_BOUND_MS holds the new open under load 9; the old one passed it only at load 4.5,
so the task's open must also stay under OPEN_RATIO of the old one measured beside it.

An edit re-read the whole list before (the baseline measured in the same run: dock.reload(), 17-21 s of
event-loop turns under that load); now only the features it touched: 0.2-0.4 s including the 150 ms
debounce, no whole read. The bounds are about 1.5-2 times the loaded figures."""

from __future__ import annotations

import os
import sqlite3

from tests.e2e.desktop import beat_line, run_body, sample_programme

BOUND_MS = 2000.0  # open + the list read after it (the list's own turns)
OPEN_BOUND_MS = 400.0  # the open itself, until the docks have been told
OPEN_RATIO = 0.6  # of the old synchronous open's longest gap in the same session (measured 0.20-0.27)
EDIT_BOUND_MS = 500.0  # edit 37-70 ms, discard 70-104 ms, add 212-258 ms (QGIS making the copy's feature)

BODY = '''
import time
from qgis.core import QgsApplication, QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import plugins
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.intervention_rows import copy_to_period

PATH, TITLE = __PATH__, "Edited while the heart beats"
plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
main.resize(1500, 950)
dock = main.findChild(QDockWidget, "gebiedsplugin_interventions_dock")
dock.show(); dock.raise_()
heart = Heartbeat()
said = set()  # what the dock's footer says while it reads
watch = QTimer()
watch.timeout.connect(lambda: said.add(dock.footer.text()) if dock.reading() else None)
watch.start(100)
heart.start()
RESULT["idle"] = heart.wait_until(lambda: False, 3.0)
controller = plugin.controller
list_read = lambda: not dock.reading() and QgsApplication.taskManager().countActiveTasks() == 0
begun = time.perf_counter()
started = []
in_task = lambda: started.append((use_programme(iface, controller.open, PATH, Prompts(main), background=True),
                                  controller.opening is not None))
# As the menu's Open programme… after its file dialog: in a task, the layers in when it has ended.
RESULT["open_task"] = heart.wait_until(lambda: controller.store is not None and controller.opening is None, 300,
                                       start=in_task)
RESULT["started"] = started
RESULT["open"] = heart.wait_until(list_read, 300)  # the list read after it
RESULT["open"]["seconds"] = time.perf_counter() - begun
RESULT["open"]["max_ms"] = max(RESULT["open"]["max_ms"], RESULT["open_task"]["max_ms"])
watch.stop()
RESULT["said"] = sorted(said)
RESULT["listed"] = dock.model.rowCount()
RESULT["layers"] = len(plugin.controller.layers)

# What each edit cost before: the whole list read again. Measured here as the baseline of the edits below.
started = []
RESULT["reread"] = heart.wait_until(lambda: bool(started) and not dock.reading(), 300,
                                    start=lambda: started.append(dock.reload()))
layer = plugin.controller.layer("interventions_point")
fid = next(layer.getFeatures(QgsFeatureRequest().setNoAttributes().setLimit(1))).id()
key = ("interventions_point", fid)
before = dock.listed.rows[key].title
RESULT["start_editing"] = heart.wait_until(layer.isEditable, 60, start=layer.startEditing)
reads = dock.reads
settled = lambda: not dock.watcher.timer.isActive() and not dock.reading()
RESULT["edit"] = heart.wait_until(lambda: settled() and dock.listed.rows[key].title == TITLE, 60,
    start=lambda: layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), TITLE))
copied = []
listed = lambda k: k in dock.listed.rows
RESULT["add"] = heart.wait_until(lambda: settled() and bool(copied) and listed(("interventions_point", copied[0])), 60,
                                 start=lambda: copied.append(copy_to_period(layer, fid, 1)))
RESULT["discard"] = heart.wait_until(
    lambda: settled() and not layer.isEditable() and dock.listed.rows[key].title == before, 60, start=layer.rollBack)
RESULT["whole_reads_in_edits"] = dock.reads - reads
RESULT["listed_after"] = dock.model.rowCount()
RESULT["titles_listed"] = sorted({dock.model.row_at(i).title for i in range(dock.model.rowCount())} & {TITLE, before})

# The same open as before this change, in the same session: synchronous, on the main thread (scripts'
# controller.open); then the background open once more. The project emptied before each.
def reopen(name, start, done):
    QgsProject.instance().clear()
    heart.wait_until(lambda: controller.store is None and list_read(), 60)
    RESULT[name] = heart.wait_until(done, 300, start=start)
    heart.wait_until(list_read, 300)
reopen("open_sync", lambda: controller.open(PATH), lambda: controller.store is not None)
reopen("open_task_again", in_task, lambda: controller.store is not None and controller.opening is None)
RESULT["layers_again"] = len(controller.layers)
heart.stop()
finish()
'''


def test_main_thread_keeps_beating_while_a_large_programme_opens(tmp_path):
    _, _, path = sample_programme(tmp_path, seed=7, interventions=100000, name="city_100k.gpkg")
    with sqlite3.connect(str(path)) as db:  # what the list must show, counted apart from the plugin
        expected = sum(db.execute("SELECT count(*) FROM " + table).fetchone()[0]
                       for table in ("interventions_point", "interventions_line", "interventions_polygon"))
        first = db.execute("SELECT title FROM interventions_point ORDER BY fid LIMIT 1").fetchone()[0]
    result = run_body(BODY, tmp_path, "en", timeout=900, PATH=path)
    idle, opened, reread = result["idle"], result["open"], result["reread"]
    print("\nmain-thread heartbeat (20 ms timer), longest gap / 99th percentile:")
    print(beat_line("idle desktop", idle))
    for name, label in (("open_task", "open 100k (task)"), ("open_sync", "open 100k (old: sync)"),
                        ("open_task_again", "open 100k (task) again")):
        print(beat_line(label, result[name], " over {:.2f} s".format(result[name]["seconds"])))
    print(beat_line("open 100k + list", opened, " over {:.1f} s ({} rows listed)".format(
        opened["seconds"], result["listed"])))
    print(beat_line("whole list re-read", reread, " over {:.1f} s (what each edit cost before)".format(
        reread["seconds"])))
    for name in ("start_editing", "edit", "add", "discard"):
        print(beat_line(name.replace("_", " "), result[name], " over {:.2f} s".format(result[name]["seconds"])))
    print("  load average      {}".format(" ".join("{:.2f}".format(v) for v in os.getloadavg())))
    assert opened["done"] and result["layers"] >= 14
    assert expected >= 100000 and result["listed"] == expected
    assert any(text.startswith("Reading the interventions…") for text in result["said"]), result["said"]
    assert opened["beats"] > 10  # the timer did beat while the list was read
    assert opened["max_ms"] < BOUND_MS, opened
    assert result["started"] == [[True, True]]  # use_programme returned at once, the task under way
    assert result["open_task"]["done"] and result["open_task_again"]["done"] and result["layers_again"] >= 14
    for name in ("open_task", "open_task_again"):
        assert result[name]["max_ms"] < OPEN_BOUND_MS, (name, result[name])
        assert result[name]["max_ms"] < OPEN_RATIO * result["open_sync"]["max_ms"], (name, result[name],
                                                                                   result["open_sync"])
    # The edits: listed without reading the programme again, a fraction of a whole read's time.
    assert reread["done"] and all(result[name]["done"] for name in ("start_editing", "edit", "add", "discard"))
    assert result["whole_reads_in_edits"] == 0
    assert result["listed_after"] == expected and result["titles_listed"] == [first]
    for name in ("edit", "add", "discard"):
        assert result[name]["seconds"] < reread["seconds"] / 4, (name, result[name], reread)
        assert result[name]["max_ms"] < EDIT_BOUND_MS, (name, result[name])
