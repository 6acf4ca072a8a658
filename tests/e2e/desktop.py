"""Harness for end-to-end tests in the real QGIS desktop under Xvfb.

`run_in_qgis(body, tmp_path, lang)` installs the packaged zip into a fresh profile, enables the
plugin, starts `qgis --code` with a script that runs *body* once QGIS is up, and returns the JSON
the body stored in ``RESULT`` plus QGIS's log. The body runs inside QGIS's Python with ``iface``,
``RESULT`` (a dict), ``ARTIFACTS`` (a folder path), ``pump(seconds, until)`` (let QGIS work) and
``finish()`` (call it when done; it quits), and the set-up most tests share: ``open_programme(path)``,
``plugin_dock(name)``, ``run_check(plugin)``, ``best_chance(findings)``, ``zoom_map(geometry, margin)``,
``postgis_start()`` and ``Heartbeat()`` (how long the main thread was blocked while something ran).
On this side, `sample_programme(tmp_path)` writes the sample city and `run_body(body, tmp_path, lang,
**values)` runs a body with its ``__NAME__`` values filled in and fails on any exception or Python error
inside QGIS.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"

_PRELUDE = '''
import json, time, traceback, sys
from qgis.core import QgsApplication, QgsMessageLog, Qgis
from qgis.PyQt.QtCore import QEventLoop, QTimer
from qgis.utils import iface
RESULT = {"python_errors": [], "log": []}
ARTIFACTS = __ARTIFACTS__

def _collect(message, tag, level):
    RESULT["log"].append("[{}] {}".format(tag, message))
    if tag == "Python error" or (level == Qgis.Critical and "Traceback" in message):
        RESULT["python_errors"].append(message)

QgsApplication.messageLog().messageReceived.connect(_collect)

def pump(seconds=0.3, until=None):
    """Let QGIS work for *seconds*, or until *until()* is true (then True)."""
    end = time.time() + seconds
    while time.time() < end:
        QgsApplication.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.02)
    return until() if until is not None else True

def finish():
    with open(__RESULT_PATH__, "w") as out:
        json.dump(RESULT, out, default=str)
    QTimer.singleShot(200, QgsApplication.instance().quit)

def open_programme(path, width=1500, height=950):
    """The plugin with the programme at *path* open in a main window of *width* x *height*: (plugin, window)."""
    from qgis.utils import plugins
    plugin = plugins["gebiedsplugin"]
    main = iface.mainWindow()
    main.resize(width, height)
    plugin.controller.open(path)
    pump(1.0)
    return plugin, main

def plugin_dock(name, show=True):
    """The plugin's dock *name* (check, overview, export, interventions), shown and raised unless *show* is False."""
    from qgis.PyQt.QtWidgets import QDockWidget
    dock = iface.mainWindow().findChild(QDockWidget, "gebiedsplugin_" + name + "_dock")
    if show:
        dock.show(); dock.raise_()
    return dock

def run_check(plugin, seconds=60):
    """The check dock's check, waited for until it wrote findings and no task runs (RESULT's check_started and
    check_done say how it went): (check dock, findings layer)."""
    check = plugin_dock("check")
    RESULT["check_started"] = check.run_check()
    findings = plugin.controller.layer("findings")
    RESULT["check_done"] = pump(seconds, lambda: findings.featureCount() > 0
                                and QgsApplication.taskManager().countActiveTasks() == 0)
    pump(0.5)
    return check, findings

def best_chance(findings):
    """The combination chances in the *findings* layer and the one of the highest score: (chances, best)."""
    chances = [f for f in findings.getFeatures() if f["severity"] == "chance"]
    return chances, max(chances, key=lambda f: int(f["message"].split("(score ")[1].split("/")[0]))

def zoom_map(geometry, margin):
    """The map canvas on *geometry*'s bounding box grown by *margin* map units, drawn."""
    from qgis.core import QgsRectangle
    canvas = iface.mapCanvas()
    box = QgsRectangle(geometry.boundingBox())
    box.grow(margin)
    canvas.setExtent(box)
    canvas.refresh()
    pump(3.0, lambda: not canvas.isDrawing())
    pump(1.0)

def postgis_start():
    """What a PostGIS test in the desktop starts from: the plugin, its Open PostGIS action, QGIS's auth manager
    with the master password set (what the planner types when QGIS first asks) and QGIS's password dialogs
    rejected and counted in RESULT["prompts"] by a timer (stop it at the end): (plugin, action, manager, timer)."""
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.utils import plugins
    plugin = plugins["gebiedsplugin"]
    action = next(a for a in plugin.actions if a.objectName() == "gebiedsplugin_open_postgis")
    manager = QgsApplication.authManager()
    manager.setMasterPassword("e2e-master", True)
    RESULT["prompts"] = 0

    def watch_prompts():
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.metaObject().className() == "QgsCredentialDialog":
            RESULT["prompts"] += 1
            modal.reject()
    prompts = QTimer()
    prompts.timeout.connect(watch_prompts)
    prompts.start(200)
    return plugin, action, manager, prompts

class Heartbeat:
    """A QTimer beating every *interval_ms* on the main thread: the longest gap between two beats is the
    longest time the main thread was blocked. *on_beat(gap)* (seconds) is called at every beat."""

    def __init__(self, interval_ms=20, on_beat=None):
        self.gaps, self.last, self.on_beat = [], time.perf_counter(), on_beat
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)

    def start(self):
        self.gaps, self.last = [], time.perf_counter()
        self.timer.start()

    def stop(self):
        self.timer.stop()

    def _beat(self):
        now = time.perf_counter()
        gap = now - self.last
        self.gaps.append(gap)
        self.last = now
        if self.on_beat is not None:
            self.on_beat(gap)

    def wait_until(self, done, seconds, start=None):
        """Let the event loop run (no processEvents() here) until done() or *seconds*; the beats meanwhile:
        seconds, done, beats, max_ms (the longest gap), p99_ms. *start* runs from the loop (a block in it
        is measured)."""
        self.gaps, self.last = [], time.perf_counter()
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
        gaps = sorted(self.gaps)
        return {"seconds": time.perf_counter() - began, "done": bool(done()), "beats": len(gaps),
                "max_ms": 1000 * gaps[-1] if gaps else None,
                "p99_ms": 1000 * gaps[int(0.99 * (len(gaps) - 1))] if gaps else None}

def _body():
    try:
__BODY__
    except Exception:
        RESULT["exception"] = traceback.format_exc()
        finish()

QTimer.singleShot(__DELAY__, _body)
'''


def package_zip() -> Path:
    """The newest zip that `make package` wrote."""
    zips = sorted((ROOT / "dist").glob("gebiedsplugin-*.zip"), key=os.path.getmtime)
    if not zips:
        raise FileNotFoundError("no dist/gebiedsplugin-*.zip: run `make package` first")
    return zips[-1]


def make_profile(base: Path, lang: str) -> Path:
    """A fresh profiles folder with the packaged plugin installed and enabled, QGIS in *lang*."""
    profile = base / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(package_zip()) as zf:
        zf.extractall(plugins)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    locale = "nl_NL" if lang == "nl" else "en_US"
    ini.write_text(textwrap.dedent("""\
        [PythonPlugins]
        gebiedsplugin=true
        [locale]
        overrideFlag=true
        userLocale={0}
        globalLocale={0}
        [qgis]
        showTips=false
        checkVersion=false
        [app]
        projects\\lastProjectUsed=
        """).format(locale))
    return base


def run_in_qgis(body: str, tmp_path: Path, lang: str = "en", delay_ms: int = 1500, timeout: int = 240,
                screen: str = "1600x1000", check_exit: bool = True, profiles: Path | None = None) -> dict:
    """Run *body* (Python source) inside a real QGIS desktop on an Xvfb *screen* (WIDTHxHEIGHT); return
    RESULT plus 'stderr' and 'returncode'. With *check_exit*, QGIS must also quit cleanly (exit status 0,
    no "QGIS died on signal"): a crash on quit is the user's crash dialog. *profiles*: a profiles folder of
    make_profile() to use again (a second start of the same QGIS), else a fresh one."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    profiles = profiles or make_profile(tmp_path / "qgis-{}".format(lang), lang)
    result_path = tmp_path / "result-{}.json".format(lang)
    script = tmp_path / "e2e-{}.py".format(lang)
    source = (_PRELUDE.replace("__ARTIFACTS__", repr(str(ARTIFACTS)))
              .replace("__RESULT_PATH__", repr(str(result_path)))
              .replace("__DELAY__", str(delay_ms))
              .replace("__BODY__", textwrap.indent(textwrap.dedent(body), " " * 8)))
    script.write_text(source)
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the desktop runs on Xvfb, not offscreen
    # Debian 12's QGIS Python has no shapely 2: lend it the project venv's (see README, "Dependencies").
    # Where there is no such venv (the Debian 13 LTR root) QGIS uses Debian's own python3-shapely.
    site = next((ROOT / ".venv" / "lib").glob("python{}.{}/site-packages".format(*sys.version_info[:2])), None)
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH", "")]))
    env["LANG"] = "nl_NL.UTF-8" if lang == "nl" else "en_US.UTF-8"
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 {}x24".format(screen), "qgis", "--nologo", "--noversioncheck",
           "--profiles-path", str(profiles), "--code", str(script)]
    # Its own session, so a hung QGIS is killed with Xvfb and everything else it started.
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate()
        raise AssertionError("QGIS did not finish within {} s:\n{}".format(timeout, stderr[-4000:])) from None
    if not result_path.exists():
        raise AssertionError("QGIS ended (rc {}) without a result:\n{}".format(proc.returncode, stderr[-4000:]))
    result = json.loads(result_path.read_text())
    result["stderr"] = stderr
    result["returncode"] = proc.returncode
    if check_exit and (proc.returncode != 0 or "QGIS died on signal" in stderr):
        raise AssertionError("QGIS did not quit cleanly (exit status {}):\n{}".format(proc.returncode, stderr[-4000:]))
    return result


def sample_programme(tmp_path: Path, seed: int = 42, interventions: int = 400, name: str = "voorbeeldstad.gpkg"):
    """The sample city (core/sample.py) written as the GeoPackage *name* in *tmp_path*: (programme, manifest, path)."""
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, manifest = generate_sample(seed=seed, interventions=interventions)
    return programme, manifest, GpkgStore.create(tmp_path / name, programme.crs, programme).path


def run_body(body: str, tmp_path: Path, lang: str = "en", timeout: int = 240, **values) -> dict:
    """run_in_qgis with every ``__NAME__`` in *body* replaced by the literal of values[NAME] (a path as its
    text); fails when the body raised or QGIS logged a Python error."""
    for name, value in values.items():
        body = body.replace("__{}__".format(name), repr(str(value) if isinstance(value, Path) else value))
    result = run_in_qgis(body, tmp_path, lang, timeout=timeout)
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    return result


def paid_per_intervention(programme) -> dict:
    """uid -> the sum of its funding rows, added up here from the records written (the expected side)."""
    paid: dict = {}
    for row in programme.funding:
        paid[row["intervention_uid"]] = paid.get(row["intervention_uid"], 0.0) + row["amount"]
    return paid


def beat_line(label: str, beats: dict, after: str = "") -> str:
    """One line of a heartbeat report: *label*, the longest gap and the 99th percentile of *beats* (a
    Heartbeat.wait_until result), then *after*."""
    return "  {:<18}{:7.0f} ms / {:5.0f} ms{}".format(label, beats["max_ms"], beats["p99_ms"], after)
