"""The plugin's docks on a fresh profile at 1366x768 (#19 item 9), in English and Dutch: tabbed in one
dock area (not stacked in a column), each showing its content, the main window within the screen.
Also the Dutch "save first?" question with Qt's own Dutch buttons (#16 item 6). Screenshots looked at."""

from __future__ import annotations

import os

import pytest

from tests.e2e.desktop import ARTIFACTS, run_in_qgis

SCREEN = (1366, 768)
SHOTS = str(ARTIFACTS / "shots" / "gui")

BODY = '''
import os, time
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer, Qt
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QMessageBox
from qgis.utils import plugins

LANG, PATH, SHOTS = __LANG__, __PATH__, __SHOTS__


plugin = plugins["gebiedsplugin"]
main = iface.mainWindow()
RESULT["window_at_start"] = [main.frameGeometry().width(), main.frameGeometry().height()]
screen = QApplication.primaryScreen().availableGeometry()
RESULT["screen"] = [screen.width(), screen.height()]
docks = [d for d in plugin.docks]
RESULT["names"] = [d.objectName() for d in docks]
RESULT["areas"] = [int(main.dockWidgetArea(d)) for d in docks]
RESULT["floating"] = [d.isFloating() for d in docks]
main.setGeometry(screen)  # maximised, as a planner runs QGIS on a small screen (Xvfb has no window manager)
pump(0.5)
plugin.controller.open(PATH)
pump(1.0)
RESULT["open_at_start"] = [d.toggleViewAction().isChecked() for d in docks]  # the first start's first step
for d in docks:  # what a planner does: open each dock from the menu (the Interventions dock is open already)
    if not d.toggleViewAction().isChecked():
        d.toggleViewAction().trigger()
pump(1.5)
RESULT["tabbed_after_show"] = sorted(d.objectName() for d in main.tabifiedDockWidgets(docks[0]))
RESULT["window"] = [main.frameGeometry().width(), main.frameGeometry().height()]
RESULT["min_hints"] = {d.objectName(): [d.minimumSizeHint().width(), d.minimumSizeHint().height()] for d in docks}
sizes = {}
for d in docks:
    d.raise_()
    if "overview" in d.objectName():  # it reads the programme once shown
        pump(20.0, lambda: d.overview is not None and QgsApplication.taskManager().countActiveTasks() == 0)
        d.tabs.setCurrentWidget(d.timeline)
    pump(1.0)
    fits = d.widget().height() >= d.widget().minimumSizeHint().height()
    sizes[d.objectName()] = [d.width(), d.height(), d.isVisible(), fits]
    main.grab().save(os.path.join(SHOTS, "docks-1366x768-{}-{}.png".format(d.objectName().split("_")[1], LANG)))
RESULT["sizes"] = sizes
RESULT["window_after"] = [main.frameGeometry().width(), main.frameGeometry().height()]
RESULT["overview_status"] = [d for d in docks if "overview" in d.objectName()][0].status.text()
interventions = docks[0]
interventions.raise_()
pump(0.5)
row_px = max(1, interventions.view.verticalHeader().defaultSectionSize())
RESULT["list_rows_visible"] = interventions.view.viewport().height() // row_px
check = [d for d in docks if "check" in d.objectName()][0]
check.raise_()
pump(0.5)
RESULT["tree_rows_visible"] = check.tree.viewport().height() // max(1, check.tree.fontMetrics().height() + 4)

# The Stadsdelen legend in the UI language; an intervention's form with its funding rows, at this screen.
RESULT["district_legend"] = [c.label() for c in plugin.controller.layer("districts").renderer().categories()]
from gebiedsplugin.gui.feature_form import make_dialog
from qgis.PyQt.QtWidgets import QScrollArea
from qgis.gui import QgsRelationEditorWidget
layer = plugin.controller.layer("interventions_polygon")
funded = set(f["intervention_uid"] for f in plugin.controller.layer("funding").getFeatures())
feature = next(f for f in layer.getFeatures() if f["uid"] in funded)
layer.startEditing()
dialog = make_dialog(iface, layer, feature, add=False)
dialog.show()
pump(1.5)
RESULT["form_size"] = [dialog.width(), dialog.height()]
dialog.grab().save(os.path.join(SHOTS, "form-desktop-{}.png".format(LANG)))
editor = [e for e in dialog.findChildren(QgsRelationEditorWidget) if e.relation().referencingLayer().name()
          == plugin.controller.layer("funding").name()][0]
scroll = dialog.findChild(QScrollArea)
scroll.verticalScrollBar().setValue(editor.mapTo(scroll.widget(), editor.rect().topLeft()).y() - 40)
RESULT["form_scrolls_sideways"] = scroll.horizontalScrollBar().maximum() > 0
pump(0.5)
dialog.grab().save(os.path.join(SHOTS, "form-desktop-funding-{}.png".format(LANG)))
dialog.reject()
pump(0.5)
for lyr in plugin.controller.layers.values():
    if lyr.isEditable():
        lyr.rollBack()

# The "save first?" question, as the check dock asks it: Qt's own buttons in the UI language.
def answer():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        RESULT["buttons"] = sorted(b.text() for b in box.buttons())
        box.grab().save(os.path.join(SHOTS, "save-first-question-{}.png".format(LANG)))
        box.reject()
    else:
        QTimer.singleShot(50, answer)
QTimer.singleShot(50, answer)
from gebiedsplugin.gui.prompts import Prompts
Prompts(main).confirm("?", "Save first?")
finish()
'''


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_docks_fit_a_1366x768_screen(tmp_path, lang):
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, _ = generate_sample(seed=42)
    os.makedirs(SHOTS, exist_ok=True)
    path = GpkgStore.create(tmp_path / "voorbeeldstad.gpkg", programme.crs, programme).path
    body = BODY.replace("__LANG__", repr(lang)).replace("__PATH__", repr(path)).replace("__SHOTS__", repr(SHOTS))
    result = run_in_qgis(body, tmp_path, lang, timeout=300, screen="{}x{}".format(*SCREEN))
    print({k: v for k, v in result.items() if k not in ("log", "stderr")})
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == [], result["python_errors"]
    names = result["names"]
    assert result["open_at_start"] == [True, False, False, False, False]  # a fresh profile: the first step in view
    # One dock area, all tabbed together, none floating (Qt lists tabs of shown docks only).
    assert len(set(result["areas"])) == 1 and not any(result["floating"])
    assert result["tabbed_after_show"] == sorted(names[1:])
    # The main window stays within the screen.
    width, height = result["screen"]
    assert result["window_after"][0] <= SCREEN[0] and result["window_after"][1] <= SCREEN[1], result["window_after"]
    # Each dock is shown at least at its minimum size: its content fits.
    for name, (w, h, visible, fits) in result["sizes"].items():
        assert visible and fits, (name, w, h, result["min_hints"][name])
    assert result["overview_status"].startswith("Gemeente Voorbeeldstad")
    assert result["list_rows_visible"] >= 8 and result["tree_rows_visible"] >= 8
    assert result["district_legend"] == (["Stadsdeel", "Hele stad"] if lang == "nl" else ["District", "Whole city"])
    assert not result["form_scrolls_sideways"]
    assert 560 <= result["form_size"][0] <= SCREEN[0] and 480 <= result["form_size"][1] <= SCREEN[1]
    expected = ["&Ja", "&Nee"] if lang == "nl" else ["&No", "&Yes"]
    assert result["buttons"] == expected
