"""The check dock's text fields (quality walk): at the width the dock has beside the map on a laptop
screen, and even at its narrowest, the decision's note and the findings search keep room to read what
one types (they were squeezed to "N…" and "S…" between combo boxes and buttons)."""

from __future__ import annotations

import pytest


@pytest.fixture()
def check_dock(qgis_iface, qgis_app):
    from qgis.core import QgsProject
    from qgis.PyQt import sip

    from gebiedsplugin.gui.check_dock import CheckDock
    from gebiedsplugin.gui.controller import ProgrammeController

    controller = ProgrammeController(QgsProject.instance())
    dock = CheckDock(qgis_iface, controller)
    dock.setFloating(True)  # a window of its own, laid out at the size the test gives it
    yield dock
    dock.hide()
    dock.cleanup()
    controller.disconnect_project()
    sip.delete(dock)


def show_at(dock, app, width):
    dock.resize(width, 700)
    dock.show()
    app.processEvents()


def test_the_note_field_keeps_room_to_type_in_a_narrow_dock(check_dock, qgis_app):
    dock = check_dock
    show_at(dock, qgis_app, 460)
    room = dock.note.fontMetrics().horizontalAdvance("x" * 16)  # a short note: "zie overleg 12-3"
    assert dock.note.width() >= room, (dock.note.width(), room)
    for button in (dock.decide_button, dock.zoom_button, dock.export_button):
        assert button.width() >= button.sizeHint().width(), button.text()  # none cut either
    assert dock.decision.width() >= dock.decision.minimumSizeHint().width()


def test_at_its_narrowest_the_dock_still_shows_a_few_words_of_search_and_note(check_dock, qgis_app):
    dock = check_dock
    show_at(dock, qgis_app, 100)  # Qt gives it its minimum size
    room = dock.note.fontMetrics().horizontalAdvance("x" * 12)
    assert dock.text_filter.width() >= room, (dock.text_filter.width(), room)
    assert dock.note.width() >= room, (dock.note.width(), room)
