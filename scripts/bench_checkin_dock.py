"""The Check in dock's main thread while a planner picks a copy and checks it in: the longest block.

Prepares (cached in bench/out, not timed) Voorbeeldstad with --size interventions, checks the whole
city out and changes --changed interventions in the copy. Then picks the copy in a Check in dock
(real QgsApplication, offscreen) with a 10 ms QTimer heartbeat running, waits until the dock shows
what checking in would do, presses Check in and waits until it is done; for each step it reports
the longest gap between two beats (the main thread's longest block) and the wall time.
Usage: .venv/bin/python scripts/bench_checkin_dock.py [--size 10000] [--changed 100]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
OUT = HERE.parent / "bench" / "out"


class _Iface:
    """What the dock asks of QGIS's interface: its main window and message bar."""

    def __init__(self):
        from qgis.gui import QgsMessageBar
        from qgis.PyQt.QtWidgets import QMainWindow

        self.window = QMainWindow()
        self.bar = QgsMessageBar(self.window)

    def mainWindow(self):  # noqa: N802 - QgisInterface's name
        return self.window

    def messageBar(self):  # noqa: N802 - QgisInterface's name
        return self.bar


def prepare(size: int, changed: int) -> Path:
    """A whole-city copy of a *size* programme with *changed* interventions edited offline (cached)."""
    from gebiedsplugin.core.row_changes import UPDATE, RowChange
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.offline import check_out
    from gebiedsplugin.qgis_io.store.save import save

    master, shared = OUT / "checkin_{}_master.gpkg".format(size), OUT / "checkin_{}.gpkg".format(size)
    copy = OUT / "checkin_{}_copy.gpkg".format(size)
    if not master.exists():
        from gebiedsplugin.core.sample import generate_sample

        programme, _ = generate_sample(seed=13, interventions=size)
        GpkgStore.create(master, programme.crs, programme)
    shutil.copy(master, shared)
    if copy.exists():
        copy.unlink()
    check_out(GpkgStore(shared), str(copy), None, planner="bench")
    store = GpkgStore(copy)
    rows, _, fids = store.read_table("interventions_point")
    save(store, [RowChange("interventions_point", UPDATE, fid, row["row_version"], {"title": "offline"})
                 for row, fid in list(zip(rows, fids))[:changed]], "bench")
    return copy


def measure(copy: Path) -> dict:
    """Pick *copy* in a Check in dock, then check it in: per step the longest main-thread gap (s),
    the wall time until the dock shows the outcome, and what it shows."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QTimer

    from gebiedsplugin.gui.controller import ProgrammeController
    from gebiedsplugin.gui.merge_dock import MergeDock

    iface = _Iface()
    controller = ProgrammeController(QgsProject.instance())
    dock = MergeDock(iface, controller)
    beats = {"last": time.perf_counter(), "gap": 0.0}

    def beat():
        now = time.perf_counter()
        beats["gap"] = max(beats["gap"], now - beats["last"])
        beats["last"] = now

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(10)

    def timed(action) -> dict:
        for _ in range(20):
            QCoreApplication.processEvents()
            time.sleep(0.01)
        beats["gap"], beats["last"] = 0.0, time.perf_counter()
        start = time.perf_counter()
        action()
        while getattr(dock, "task", None) is not None:  # the task's dock; the synchronous one is done already
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        beat()
        return {"longest_block_s": beats["gap"], "wall_s": time.perf_counter() - start, "status": dock.status.text()}

    found = {"pick": timed(lambda: dock.load(str(copy))), "check_in": timed(dock.check_in)}
    timer.stop()
    dock.cleanup()
    controller.disconnect_project()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=100)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    copy = prepare(args.size, args.changed)
    for step, found in measure(copy).items():
        print("check-in dock, {} a whole-city copy of {:,} interventions ({} changed): longest main-thread "
              "block {:.3f} s, shown after {:.2f} s: {}".format(step, args.size, args.changed,
                                                                found["longest_block_s"], found["wall_s"],
                                                                found["status"]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
