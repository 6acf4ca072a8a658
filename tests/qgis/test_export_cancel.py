"""Export from the dock ends clearly: Cancel in either phase, the bar reset on a refusal, a result that stays."""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QPushButton

from tests.qgis.gui_helpers import export_dock, wait_for_export


def test_cancel_while_the_data_are_prepared(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = export_dock(plugin, master, tmp_path)
    assert not dock.cancel_button.isEnabled()
    assert dock.run_export()
    assert dock.cancel_button.isEnabled() and not dock.run_button.isEnabled()
    dock.cancel_button.click()
    wait_for_export(dock)
    assert dock.last_result is None and "cancelled" in dock.last_error
    assert dock.progress.value() == 0 and dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.csv"))


def test_cancel_while_the_atlas_renders(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = export_dock(plugin, master, tmp_path)
    clicked = []

    def press_cancel_when_rendering(value):
        if value > 40 and dock.task is not None and not clicked:
            clicked.append(value)
            dock.cancel_button.click()

    dock.progress.valueChanged.connect(press_cancel_when_rendering)
    assert dock.run_export()
    wait_for_export(dock)
    assert clicked and dock.last_result is None and "cancelled" in dock.last_error
    assert dock.progress.value() == 0
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.csv"))  # nothing half-written


def test_result_stays_with_a_button_to_the_folder_and_refusal_resets_the_bar(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = export_dock(plugin, master, tmp_path)
    bar = plugin.iface.messageBar()
    assert dock.run_export()
    wait_for_export(dock)
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
