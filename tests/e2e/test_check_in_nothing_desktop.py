"""The Check in dock with a copy that has no changes, in the real desktop at 1366x768 (English and Dutch): the
dock says there is nothing to check in; Check in asks before it closes the check-out, No leaves the shared
programme as it was, Yes closes it (read with sqlite3). Screenshots of the dock and the question looked at."""

from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.desktop import ARTIFACTS, run_in_qgis, sample_programme

SHOTS = ARTIFACTS / "shots" / "first-start"

BODY = '''
import os
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QMessageBox

LANG, COPY, SHARED, SHOTS = __LANG__, __COPY__, __SHARED__, __SHOTS__
main = iface.mainWindow()
main.setGeometry(QApplication.primaryScreen().availableGeometry())
dock = main.findChild(QDockWidget, "gebiedsplugin_merge_dock")
dock.show(); dock.raise_()
dock.load(COPY)
RESULT["read"] = pump(120, until=lambda: dock.task is None)
pump(0.5)
RESULT["status"] = dock.status.text()
RESULT["enabled"] = dock.check_in_button.isEnabled()
main.grab().save(os.path.join(SHOTS, "check-in-nothing-{}.png".format(LANG)))
answers = ["no", "yes"]
RESULT["questions"] = []

def answer():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, answer)
        return
    RESULT["questions"].append([box.windowTitle(), box.text(), sorted(b.text() for b in box.buttons())])
    box.grab().save(os.path.join(SHOTS, "check-in-nothing-question-{}.png".format(LANG)))
    wanted = QMessageBox.StandardButton.Yes if answers.pop(0) == "yes" else QMessageBox.StandardButton.No
    box.button(wanted).click()

QTimer.singleShot(50, answer)
dock.check_in_button.click()
pump(0.5)
RESULT["after_no"] = dock.task is None
import sqlite3
with sqlite3.connect(SHARED) as db:  # the shared programme after No, read apart from the plugin
    RESULT["checkins_after_no"] = db.execute(
        "SELECT count(*) FROM schema_info WHERE key LIKE 'checkin:%'").fetchone()[0]
QTimer.singleShot(50, answer)
dock.check_in_button.click()
RESULT["checked_in"] = pump(120, until=lambda: dock.task is None)
pump(0.5)
RESULT["bar"] = [" ".join(filter(None, [i.title(), i.text()])) for i in iface.messageBar().items()]
finish()
'''

TEXTS = {
    "en": {"status": "Nothing to check in: the copy has no changes since it was checked out. Check in only "
                     "closes its check-out.",
           "title": "Nothing to check in",
           "question": "gebiedsdag.gpkg has no changes since it was checked out. Close its check-out anyway? "
                       "The copy cannot be checked in after that.",
           "closed": "The check-out of gebiedsdag.gpkg is closed; it had no changes."},
    "nl": {"status": "Niets om in te checken: de kopie is niet gewijzigd sinds het uitchecken. Inchecken sluit "
                     "alleen het uitchecken af.",
           "title": "Niets om in te checken",
           "question": "gebiedsdag.gpkg is niet gewijzigd sinds het uitchecken. Het uitchecken toch afsluiten? "
                       "De kopie kan daarna niet meer worden ingecheckt.",
           "closed": "Het uitchecken van gebiedsdag.gpkg is afgesloten; er was niets gewijzigd."},
}


def checkins(path) -> list:
    with sqlite3.connect(str(path)) as db:
        return [r[0] for r in db.execute("SELECT key FROM schema_info WHERE key LIKE 'checkin:%'")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_copy_without_changes_in_the_desktop(tmp_path, lang):
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.store.offline import check_out

    SHOTS.mkdir(parents=True, exist_ok=True)
    _, _, shared = sample_programme(tmp_path, interventions=200, name="gedeeld.gpkg")
    copy = str(tmp_path / "gebiedsdag.gpkg")
    check_out(GpkgStore.open(shared), copy, ["noord"], planner="Anna")
    body = (BODY.replace("__LANG__", repr(lang)).replace("__COPY__", repr(copy))
            .replace("__SHARED__", repr(str(shared))).replace("__SHOTS__", repr(str(SHOTS))))
    result = run_in_qgis(body, tmp_path, lang, timeout=240, screen="1366x768")
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    texts = TEXTS[lang]
    assert result["read"] and result["status"] == texts["status"] and result["enabled"]
    assert [q[:2] for q in result["questions"]] == [[texts["title"], texts["question"]]] * 2
    assert result["after_no"] and result["checkins_after_no"] == 0 and result["checked_in"]
    assert len(checkins(shared)) == 1
    assert any(texts["closed"] in text for text in result["bar"]), result["bar"]
