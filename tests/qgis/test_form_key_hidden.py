"""The form of an intervention, or of a funding row, does not show the store's row key (quality walk):
`fid` was the first field of the form, focused with its text selected, so the planner's first keystroke
changed the row's key instead of the title."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.gui import QgsEditorWidgetWrapper
from qgis.PyQt.QtWidgets import QWidget

from gebiedsplugin.gui.feature_form import make_dialog
from tests.qgis.gui_helpers import close_form


def _shown_fields(dialog) -> set:
    names = set()
    for widget in dialog.attributeForm().findChildren(QWidget):
        wrapper = QgsEditorWidgetWrapper.fromWidget(widget)
        if wrapper is not None and hasattr(wrapper, "field") and widget.isVisible():
            names.add(wrapper.field().name())
    return names


def test_no_form_shows_the_row_key(plugin, sample_gpkg):
    plugin.controller.open(str(sample_gpkg[0]))
    for table in ("interventions_point", "funding"):
        layer = plugin.controller.layer(table)
        feature = next(layer.getFeatures())
        assert layer.startEditing()
        dialog = make_dialog(plugin.iface, layer, feature, add=False)
        dialog.show()
        for _ in range(20):
            QgsApplication.processEvents()
        shown = _shown_fields(dialog)
        assert "title" in shown or "amount" in shown, shown  # the form is there
        assert "fid" not in shown, table
        close_form(dialog, plugin)
