"""A new user's first hour (#19), walked in the real QGIS desktop in English and in Dutch.

Through the menu and docks as a planner would: a PostGIS connection to a server that is down, one
saved without its password (QGIS's own credentials dialog answered by typing), a new PostGIS
programme created; then the sample programme: a CSV import with a bad line, the check with a finding
decided, an export cancelled and one finished, the Overview's timeline. It asserts what the user
sees (texts, enabled states, the message bar) and that no Python error reaches the message log;
screenshots of each place are saved (tests/artifacts/walk-*.png) and were looked at.
"""

from __future__ import annotations

import os
import socket

import pytest

from tests.e2e.desktop import run_in_qgis

BODY = r'''
import os, time
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QLabel, QLineEdit, QPushButton
from qgis.utils import plugins

LANG, PATH, PG, DOWN_PORT, OUT, CSV = __LANG__, __PATH__, __PG__, __DOWN_PORT__, __OUT__, __CSV__


def shot(widget, name):
    widget.grab().save(os.path.join(ARTIFACTS, "walk-{}-{}.png".format(name, LANG)))

def trace(text):  # where the walk is, for a walk that hangs
    with open(os.path.join(ARTIFACTS, "walk-trace-" + LANG + ".txt"), "a") as out:
        out.write("{:.1f} {}\n".format(time.time(), text))

def bar_texts():
    out = []
    for item in iface.messageBar().items():
        out.append(" ".join(filter(None, [item.title(), item.text()])))
    return out

plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
main.resize(1366, 768)
actions = {a.objectName(): a for a in plugin.actions}

# Saved PostGIS connections as a planner makes them in the Browser: the user name, not the password.
meta = QgsProviderRegistry.instance().providerMetadata("postgres")
for name, port in (("walk_down", DOWN_PORT), ("walk_nopass", PG["port"])):
    uri = QgsDataSourceUri()
    uri.setConnection(PG["host"], str(port), PG["db"], PG["user"], "")
    meta.saveConnection(meta.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": False}), name)

# --- 1. PostGIS: server down, then a connection without its saved password ----------------------
walk = {"step": "down", "prompts": 0, "done": False}
RESULT["postgis"] = {}

def later(work):  # a step that may open a modal dialog must not block the robot's own timer
    QTimer.singleShot(0, work)

def typist():
    modal = QApplication.activeModalWidget()
    if modal is not None and modal.metaObject().className() == "QgsCredentialDialog":  # QGIS asks: type it
        walk["prompts"] += 1
        trace("credentials prompt {}".format(walk["prompts"]))
        shot(modal, "credentials")
        secret = [e for e in modal.findChildren(QLineEdit)
                  if e.echoMode() == QLineEdit.EchoMode.Password and e.isVisible()]  # not the master password's
        RESULT.setdefault("credential_fields", []).append([e.objectName() for e in secret])
        secret[0].setText(PG["password"])
        modal.accept()

def robot():
    modal = QApplication.activeModalWidget()
    if modal is None or modal.objectName() != "gebiedsplugin_postgis_dialog":
        return
    trace("postgis dialog: " + walk["step"])
    d, r = modal, RESULT["postgis"]
    if walk["step"] == "down":
        walk["step"] = "down_seen"
        later(lambda: d.connection.setConnection("walk_down"))
    elif walk["step"] == "down_seen":
        r["down_message"] = d.message.text()
        r["down_open"], r["down_create"] = d.open_button.isEnabled(), d.create_button.isEnabled()
        r["down_prompts"] = walk["prompts"]
        r["size"] = [d.width(), d.height()]
        shot(d, "postgis-down")
        walk["step"] = "nopass_seen"
        later(lambda: d.connection.setConnection("walk_nopass"))  # QGIS's credentials dialog comes up once
    elif walk["step"] == "nopass_seen":
        r["nopass_prompts"] = walk["prompts"]
        r["nopass_schema_enabled"] = d.schema.isEnabled()
        d.schema.comboBox().setEditText("walk_" + LANG)
        walk["step"] = "create"
    elif walk["step"] == "create":
        r["create_message"] = d.message.text()
        r["create_enabled"], r["open_enabled"] = d.create_button.isEnabled(), d.open_button.isEnabled()
        shot(d, "postgis-create")
        walk["step"] = "created"
        later(d.create_button.click)
    elif walk["step"] == "created":  # still open: Create did not accept; say so and leave
        r["still_open"] = d.message.text()
        shot(d, "postgis-still-open")
        walk["step"] = "gave_up"
        later(d.reject)

timer, typing = QTimer(), QTimer()
timer.timeout.connect(robot)
typing.timeout.connect(typist)
timer.start(300)
typing.start(200)
actions["gebiedsplugin_open_postgis"].trigger()  # modal: returns when the dialog is done
pump(20, lambda: plugin.controller.store is not None and QgsApplication.taskManager().countActiveTasks() == 0)
timer.stop()
typing.stop()
trace("postgis done")
RESULT["postgis"]["prompts_total"] = walk["prompts"]
RESULT["postgis"]["opened"] = plugin.controller.store.path if plugin.controller.store else ""
RESULT["postgis"]["bar"] = bar_texts()
iface.messageBar().clearWidgets()

trace("check")
# From here on no dialog should come up; one that does is recorded, shown and closed.
RESULT["unexpected_dialogs"] = []

def watchdog():
    modal = QApplication.activeModalWidget()
    if modal is None or modal.objectName() == "gebiedsplugin_import_dialog":
        return
    texts = [w.text() for w in modal.findChildren(QLabel) if w.text()]
    RESULT["unexpected_dialogs"].append([modal.metaObject().className(), modal.windowTitle()] + texts)
    trace("unexpected dialog: {} {}".format(modal.windowTitle(), texts))
    shot(modal, "unexpected-{}".format(len(RESULT["unexpected_dialogs"])))
    later(modal.reject)

guard = QTimer()
guard.timeout.connect(watchdog)
guard.start(500)

# --- 2. the sample programme: the check, a finding decided ----------------------------------------
from gebiedsplugin.gui.programme_actions import use_programme
use_programme(iface, plugin.controller.open, PATH)  # as the menu's Open programme… does after its file dialog
pump(1.0)
RESULT["scale_after_open"] = iface.mapCanvas().scale()
docks = {name: main.findChild(QDockWidget, "gebiedsplugin_" + name + "_dock")
         for name in ("check", "overview", "export", "interventions")}
check = docks["check"]
check.show(); check.raise_()
check.run_check()
findings = plugin.controller.layer("findings")
pump(90, lambda: findings.featureCount() > 0 and QgsApplication.taskManager().countActiveTasks() == 0)
pump(0.5)
c = RESULT["check"] = {"findings": findings.featureCount()}
c["decision_start"] = check.decision.currentData()  # None: nothing chosen yet
c["decide_enabled_before"] = check.decide_button.isEnabled()
tree = check.tree
rows = tree.finding_rows()
first = rows[0]["finding_id"]
tree.select_finding(first)
pump(0.3)
c["decide_enabled_selected"] = check.decide_button.isEnabled()
c["zoom_enabled"] = check.zoom_button.isEnabled()
check.decision.setCurrentIndex(check.decision.findData("accepted"))
check.note.setText("Walk: seen on the area day")
c["decided"] = check.decide_selected()
pump(0.5)
c["status"] = check.status.text()
c["stored"] = [r for r in plugin.controller.store.findings_register().rows() if r["finding_id"] == first][0]["status"]
shot(check, "check")

trace("import")
# --- 2b. a CSV of interventions with one bad line, through the menu's import dialog -------------------
i = RESULT["import"] = {"before": plugin.controller.store.counts()["interventions_point"]}

def importer():
    modal = QApplication.activeModalWidget()
    if modal is None or modal.objectName() != "gebiedsplugin_import_dialog":
        return
    step = walk.get("import", "start")
    trace("import dialog: " + step)
    if step == "start":
        walk["import"] = "loaded"
        later(lambda: modal.file.setFilePath(CSV))
    elif step == "loaded":
        i["target"], i["hint"] = modal.current_target(), modal.target_hint.text()
        i["preview_rows"] = modal.preview.rowCount()
        shot(modal, "import-fields")
        walk["import"] = "refused"
        later(modal.run_import)
    elif step == "refused":
        i["refused"], i["status"] = modal.report.toPlainText(), modal.status.text()
        i["progress_refused"] = modal.progress.value()
        shot(modal, "import-refused")
        modal.valid_only.setChecked(True)
        walk["import"] = "valid"
        later(modal.run_import)
    elif step == "valid":
        i["valid"] = modal.report.toPlainText()
        shot(modal, "import-valid")
        walk["import"] = "closed"
        later(modal.reject)

importing = QTimer()
importing.timeout.connect(importer)
importing.start(400)
actions["gebiedsplugin_import"].trigger()  # modal
importing.stop()
i["after"] = plugin.controller.store.counts()["interventions_point"]

trace("export")
# --- 3. export: cancelled, then finished ------------------------------------------------------------
export = docks["export"]
export.show(); export.raise_()
pump(0.3)
e = RESULT["export"] = {}
export.folder.setFilePath(OUT)
e["programme"] = export.programme.filePath()
e["run_enabled"] = export.run_button.isEnabled()
trace("export started: {}".format(export.run_export()))
pump(0.3)
e["cancel_enabled_running"] = export.cancel_button.isEnabled()
export.cancel_export()
trace("export cancelled")
pump(60, lambda: not export.cancel_button.isEnabled() and QgsApplication.taskManager().countActiveTasks() == 0)
e["progress_after_cancel"] = export.progress.value()
e["bar_after_cancel"] = bar_texts()
e["files_after_cancel"] = sorted(os.listdir(OUT)) if os.path.isdir(OUT) else []
iface.messageBar().clearWidgets()
export.folder.setFilePath(OUT + "_2")
trace("export again: {}".format(export.run_export()))
pump(600, lambda: not export.cancel_button.isEnabled() and QgsApplication.taskManager().countActiveTasks() == 0)
pump(2.0)
e["bar_after_finish"] = bar_texts()
e["open_folder_visible"] = export.open_button.isVisible() or any(
    b.isVisible() for item in iface.messageBar().items() for b in item.findChildren(QPushButton))
e["files"] = sorted(os.listdir(OUT + "_2")) if os.path.isdir(OUT + "_2") else []
shot(export, "export")
shot(main, "main-after-export")

trace("overview")
# --- 4. the Overview's timeline -------------------------------------------------------------------
overview = docks["overview"]
overview.show(); overview.raise_()
pump(30, lambda: overview.overview is not None and QgsApplication.taskManager().countActiveTasks() == 0)
pump(1.0)
o = RESULT["overview"] = {"tabs": [overview.tabs.tabText(i) for i in range(overview.tabs.count())]}
for i in range(overview.tabs.count()):
    if overview.tabs.widget(i).objectName() == "overview_timeline":
        overview.tabs.setCurrentIndex(i)
pump(1.0)
o["status"] = overview.status.text()
shot(overview, "overview-timeline")
shot(main, "main")
RESULT["main_size"] = [main.width(), main.height()]
finish()
'''

TEXTS = {
    "en": {"down": "cannot be reached", "create": "Create a new, empty programme", "accepted": "Accepted",
           "created": "Created ", "written": "files written to"},
    "nl": {"down": "niet bereikbaar", "create": "nieuw, leeg programma", "accepted": "Geaccepteerd",
           "created": " aangemaakt", "written": "bestanden geschreven naar"},
}


def _csv(folder, programme):
    """Five interventions as a planner's spreadsheet (x/y in the programme's CRS); the third (file
    line 4: the header is line 1) gives its start year in words."""
    noord = next(d for d in programme.districts if d.attrs["district_id"] == "noord").geometry.representative_point()
    rows = [("Walk tree {}".format(n), "physical", "maintenance", "green", "noord", 2027, 2028,
             round(noord.x + 5 * n, 1), round(noord.y, 1)) for n in range(5)]
    rows[2] = rows[2][:5] + ("twintig",) + rows[2][6:]
    lines = ["title,domain,kind,theme,district_id,start_year,end_year,x,y"]
    lines += [",".join(str(v) for v in row) for row in rows]
    path = folder / "walk_trees.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = next(n for n, line in enumerate(path.read_text().splitlines(), start=1) if "twintig" in line)
    return path, bad


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.timeout(1500)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_first_hour_walk(tmp_path, lang):
    if not os.environ.get("GEBIED_PG_HOST"):
        pytest.fail("the walk needs the throw-away PostGIS of scripts/with_postgis.sh (make test-e2e starts it)")
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, _ = generate_sample(seed=42)
    path = GpkgStore.create(tmp_path / "voorbeeldstad.gpkg", programme.crs, programme).path
    pg = {k: os.environ.get("GEBIED_PG_" + k.upper(), "") for k in ("host", "port", "db", "user", "password")}
    out = tmp_path / "export"
    csv_path, bad_line = _csv(tmp_path, programme)
    body = (BODY.replace("__LANG__", repr(lang)).replace("__PATH__", repr(path)).replace("__PG__", repr(pg))
            .replace("__DOWN_PORT__", repr(_closed_port())).replace("__OUT__", repr(str(out)))
            .replace("__CSV__", repr(str(csv_path))))
    result = run_in_qgis(body, tmp_path, lang, timeout=900, screen="1366x768")
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    texts = TEXTS[lang]

    p = result["postgis"]
    assert texts["down"] in p["down_message"] and "walk_down" in p["down_message"], p
    assert p["down_open"] is False and p["down_create"] is False and p["down_prompts"] == 0
    assert p["nopass_prompts"] == 1 and p["nopass_schema_enabled"] is True  # asked once, then the list loads
    assert texts["create"] in p["create_message"] and p["create_enabled"] and not p["open_enabled"]
    assert p["prompts_total"] == 1  # creating reuses the login: no second prompt
    assert p["opened"].endswith("/walk_" + lang), p
    assert any(texts["created"] in t and "walk_" + lang in t for t in p["bar"]), p["bar"]  # the message bar says so

    c = result["check"]
    assert c["findings"] > 0 and c["decision_start"] is None and c["decided"] == 1
    assert c["stored"] == "accepted"
    assert result["unexpected_dialogs"] == []

    i = result["import"]
    assert i["target"] == "interventions" and i["preview_rows"] >= 5, i
    line = {"en": "line {}", "nl": "regel {}"}[lang].format(bad_line)
    assert line in i["refused"] and "twintig" in i["refused"] and i["progress_refused"] == 0, i["refused"]
    assert i["after"] == i["before"] + 4, i  # the valid rows only, on the second try

    e = result["export"]
    assert e["cancel_enabled_running"] is True and e["progress_after_cancel"] == 0
    assert e["files_after_cancel"] == [], e["files_after_cancel"]  # a cancelled export leaves nothing
    assert e["open_folder_visible"] and any(f.endswith(".pdf") for f in e["files"]), e
    assert any(texts["written"] in t for t in e["bar_after_finish"]), e["bar_after_finish"]  # result stays in view

    assert 10_000 < result["scale_after_open"] < 200_000  # the whole city on the map, not 1:1 off screen
    width, height = result["main_size"]
    assert width <= 1366 and height <= 768, result["main_size"]  # the window never grows past the screen
