"""Export from the dock ends clearly: Cancel in either phase, the bar reset on a refusal, a result that stays."""

from __future__ import annotations

import time

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QPushButton


def _dock(plugin, programme, folder):
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_export_dock")
    dock.programme.setFilePath(str(programme))
    dock.some.setChecked(True)
    dock.districts.item(0).setCheckState(Qt.CheckState.Checked)
    dock.folder.setFilePath(str(folder))
    for fmt, box in dock.formats.items():
        box.setChecked(fmt in ("pdf", "csv"))
    return dock


def _wait(dock, timeout=120.0):
    deadline = time.time() + timeout
    while dock.last_result is None and not dock.last_error and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dock.last_result is not None or dock.last_error, "the export did not end in time"


def test_cancel_while_the_data_are_prepared(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = _dock(plugin, master, tmp_path)
    assert not dock.cancel_button.isEnabled()
    assert dock.run_export()
    assert dock.cancel_button.isEnabled() and not dock.run_button.isEnabled()
    dock.cancel_button.click()
    _wait(dock)
    assert dock.last_result is None and "cancelled" in dock.last_error
    assert dock.progress.value() == 0 and dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.csv"))


def test_cancel_while_the_atlas_renders(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = _dock(plugin, master, tmp_path)
    clicked = []

    def press_cancel_when_rendering(value):
        if value > 40 and dock.task is not None and not clicked:
            clicked.append(value)
            dock.cancel_button.click()

    dock.progress.valueChanged.connect(press_cancel_when_rendering)
    assert dock.run_export()
    _wait(dock)
    assert clicked and dock.last_result is None and "cancelled" in dock.last_error
    assert dock.progress.value() == 0
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.csv"))  # nothing half-written


def test_result_stays_with_a_button_to_the_folder_and_refusal_resets_the_bar(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = _dock(plugin, master, tmp_path)
    bar = plugin.iface.messageBar()
    assert dock.run_export()
    _wait(dock)
    assert dock.last_result is not None and dock.progress.value() == 100
    assert dock.open_button.isVisibleTo(dock)
    item = bar.currentItem()
    assert item is not None and item.level() == Qgis.Success and item.duration() == 0  # stays until closed
    assert " files written to " in item.text() and "file(s)" not in item.text()
    assert item.findChild(QPushButton, "gebiedsplugin_open_folder") is not None

    class No:
        @staticmethod
        def confirm(title, text):
            return False

    dock.prompts = No()  # the files exist: the planner declines to replace them
    assert not dock.run_export() and "exist already" in dock.last_error
    assert dock.progress.value() == 0  # not left at 100 % after the refusal
