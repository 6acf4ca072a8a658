"""The check dock's note for a decision (quality walk): at the width the dock has beside the map on a
laptop screen, the note field is wide enough to read what one types (it was squeezed to "N…" between
the decision box and three buttons)."""

from __future__ import annotations


def test_the_note_field_keeps_room_to_type_in_a_narrow_dock(qgis_iface, qgis_app):
    from qgis.core import QgsProject
    from qgis.PyQt import sip

    from gebiedsplugin.gui.check_dock import CheckDock
    from gebiedsplugin.gui.controller import ProgrammeController

    controller = ProgrammeController(QgsProject.instance())
    dock = CheckDock(qgis_iface, controller)
    try:
        dock.setFloating(True)  # a window of its own, laid out at this size
        dock.resize(460, 700)
        dock.show()
        qgis_app.processEvents()
        room = dock.note.fontMetrics().horizontalAdvance("x" * 16)  # a short note: "zie overleg 12-3"
        assert dock.note.width() >= room, (dock.note.width(), room)
        for button in (dock.decide_button, dock.zoom_button, dock.export_button):
            assert button.width() >= button.sizeHint().width(), button.text()  # none cut either
        assert dock.decision.width() >= dock.decision.minimumSizeHint().width()
    finally:
        dock.hide()
        dock.cleanup()
        controller.disconnect_project()
        sip.delete(dock)
