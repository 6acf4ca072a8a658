"""The neighbourhood code's editor widget: QGIS's value relation list, read for the form's district only.

It behaves as QGIS 3.22's value relation with the filter `"district_id" = current_value('district_id') OR
current_value('district_id') IS NULL` does in every QGIS form (add, Identify, the attribute table's form
view) and in the attribute table's cells (the row's district): "(no selection)" first, the district's
names by name, all names while the district is empty, an unknown code shown as "(code)", a neighbourhood
of another district cleared when the district changes. What differs is the cost: one provider-side
request for the district's rows (qgis_io/neighbourhood_list.py) instead of reading all neighbourhoods
twice per form.
"""

from __future__ import annotations

from qgis.core import NULL, QgsApplication, QgsProject
from qgis.gui import (
    QgsAttributeForm,
    QgsEditorWidgetFactory,
    QgsEditorWidgetWrapper,
    QgsGui,
    QgsValueRelationSearchWidgetWrapper,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QComboBox

from gebiedsplugin.qgis_io.neighbourhood_list import (
    DISTRICT_FIELD,
    NEIGHBOURHOOD_WIDGET,
    VALUE_RELATION,
    NeighbourhoodFormatter,
    district_choices,
    to_saved_type,
    use_in_project,
)
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.qt_compat import CLEARED_SHOWS_NOTHING

_UNREAD = object()  # no list read yet (a district value may be NULL)
_QGIS_CONTEXT, _NO_SELECTION = "QgsValueRelationWidgetWrapper", "(no selection)"  # QGIS's own source text


def _null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())


class NeighbourhoodWrapper(QgsEditorWidgetWrapper):
    """A combo box of the form's district's neighbourhoods (value relation configuration)."""

    def __init__(self, layer, field_idx, editor, parent):
        super().__init__(layer, field_idx, editor, parent)
        self._combo = None
        self._codes: list = []  # the code of each row of the combo box
        self._listed = 0  # rows of the district's list (after them: a shown unknown code)
        self._district = _UNREAD

    def createWidget(self, parent):  # noqa: N802 (QGIS's name)
        return QComboBox(parent)

    def initWidget(self, editor):  # noqa: N802
        self._combo = editor if isinstance(editor, QComboBox) else None
        if self._combo is None:
            return
        self._combo.currentIndexChanged.connect(self._picked)
        # The context's feature, as QGIS's value relation reads it here: a table cell's editor gets only
        # that (the attribute table's delegate puts the cell's row there) and lists the row's district;
        # a form sets its feature on the wrapper later. No list is read until a value is set.
        if self.context().formFeature().isValid():
            self.setFormFeature(self.context().formFeature())
        form = editor.parent()
        while form is not None and not form.inherits("QgsAttributeForm"):
            form = form.parent()
        if form is not None:  # a table cell has no form: its list stays the row's district's
            # PyQt sees a form QGIS made as a plain QWidget
            sip.cast(form, QgsAttributeForm).widgetValueChanged.connect(self._form_value_changed)

    def valid(self) -> bool:
        return self._combo is not None

    def value(self):
        index = self._combo.currentIndex() if self._combo is not None else -1
        return self._codes[index] if 0 <= index < len(self._codes) else None

    def setValue(self, value):  # noqa: N802 (QGIS 3.22 calls it from updateValues)
        self._fill(self._form_district())
        self._select(value)

    def updateValues(self, value, additional_values=None):  # noqa: N802 (where a QGIS exposes it)
        self.setValue(value)

    def showIndeterminateState(self):  # noqa: N802 (multi-edit: values differ)
        if self._combo is not None:
            self._combo.blockSignals(True)
            self._combo.setCurrentIndex(-1)
            self._combo.blockSignals(False)

    def _picked(self, _index):
        self.emitValueChanged()

    def _form_district(self):
        feature = self.formFeature()
        idx = feature.fields().indexFromName(DISTRICT_FIELD)
        return feature.attribute(idx) if idx >= 0 else None

    def _form_value_changed(self, attribute: str, value, attribute_changed: bool) -> None:
        # A district chosen in the form (not one of a feature being set): the list follows it and a
        # neighbourhood it does not hold is cleared, as QGIS's value relation does.
        if not attribute_changed or attribute != DISTRICT_FIELD or self._combo is None:
            return
        old = self.value()
        self._fill(value)
        # As QGIS's value relation: the emptied list tells the form "no value" first, then the value
        # kept or cleared if that differs from the old one (a NULL kept leaves the form's "no value");
        # cleared is "(no selection)" on QGIS 3.22, nothing on 3.44.
        self._combo.blockSignals(False)
        self._combo.setCurrentIndex(-1)
        kept = not _null(old) and any(_same(code, old) for code in self._codes[:self._listed])
        self._combo.blockSignals(True)
        self._select(old if kept else (None if CLEARED_SHOWS_NOTHING else NULL))
        self._combo.blockSignals(False)
        new = self.value()
        if not _same(new, old) or (new is None) != (old is None):
            self.emitValueChanged()

    def _fill(self, district) -> None:
        if self._combo is None or (self._district is not _UNREAD and _same(self._district, district)):
            return
        self._district = None if _null(district) else district
        rows = district_choices(self.config(), self._district)
        self._combo.blockSignals(True)
        self._combo.clear()
        self._codes = []
        if self.config().get("AllowNull"):
            # QGIS's own words for it, in QGIS's language (its value relation shows the same): looked up
            # in QGIS's catalogue, not ours (names in variables, so pylupdate does not list them as ours)
            self._combo.addItem(QCoreApplication.translate(_QGIS_CONTEXT, _NO_SELECTION))
            # a NULL of the field's type, as QGIS's: the attribute table writes a cell whose value
            # differs, and an untyped NULL differs from the row's NULL text (an edit of nothing)
            self._codes.append(self.field().convertCompatible(NULL))
        self._combo.addItems([name for _, name in rows])
        self._codes.extend(code for code, _ in rows)
        self._listed = len(self._codes)
        self._combo.blockSignals(False)

    def _select(self, value) -> None:
        """Show *value*: its row, the empty row for NULL, none for no value, "(code)" for a code not listed."""
        while len(self._codes) > self._listed:
            self._codes.pop()
            self._combo.removeItem(self._combo.count() - 1)
        if value is None:
            index = -1
        elif _null(value):
            index = next((i for i, code in enumerate(self._codes) if _null(code)), -1)
        else:
            index = next((i for i, code in enumerate(self._codes) if _same(code, value)), -1)
            if index < 0:
                self._combo.blockSignals(True)
                self._combo.addItem("({})".format(value))
                self._combo.blockSignals(False)
                self._codes.append(value)
                index = len(self._codes) - 1
        self._combo.setCurrentIndex(index)


def _same(a, b) -> bool:
    return (_null(a) and _null(b)) or (not _null(a) and not _null(b) and a == b)


class SearchWhenShown(QgsValueRelationSearchWidgetWrapper):
    """QGIS's value relation search list, filled when first shown (search mode) rather than with every
    form: QGIS makes one per field of every form, and this one reads and sorts all neighbourhoods. Until
    then it has no list and QGIS's wrapper does nothing with it (no expression)."""

    def __init__(self, layer, field_idx, parent):
        super().__init__(layer, field_idx, parent)
        self._editor = None

    def initWidget(self, editor):  # noqa: N802 (QGIS's name)
        self._editor = editor
        editor.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if self._editor is not None and watched is self._editor and event.type() == QEvent.Type.Show:
            editor, self._editor = self._editor, None
            editor.removeEventFilter(self)
            QgsValueRelationSearchWidgetWrapper.initWidget(self, editor)
        return False


class NeighbourhoodWidgetFactory(QgsEditorWidgetFactory):
    """The plugin's widget type; configured, searched and formatted as QGIS's value relation."""

    def __init__(self):
        super().__init__(tr("Neighbourhood of the form's district"))

    def create(self, layer, field_idx, editor, parent):
        return NeighbourhoodWrapper(layer, field_idx, editor, parent)

    def configWidget(self, layer, field_idx, parent):  # noqa: N802
        return QgsGui.editorWidgetRegistry().factory(VALUE_RELATION).configWidget(layer, field_idx, parent)

    def createSearchWidget(self, layer, field_idx, parent):  # noqa: N802
        return SearchWhenShown(layer, field_idx, parent)

    def fieldScore(self, layer, field_idx) -> int:  # noqa: N802 (never QGIS's own choice for a field)
        return 0


_kept: dict = {}  # the Python objects QGIS holds while the plugin runs


def register(project: QgsProject | None = None) -> None:
    """Register the widget and its formatter; the project's neighbourhood lists use it, a saved project
    names QGIS's value relation (QGIS without the plugin opens it as before)."""
    project = project or QgsProject.instance()
    if "factory" not in _kept:  # QGIS 3.22 cannot unregister a widget type: once per QGIS session
        _kept["factory"] = NeighbourhoodWidgetFactory()
        QgsGui.editorWidgetRegistry().registerWidget(NEIGHBOURHOOD_WIDGET, _kept["factory"])
    if "formatter" not in _kept:
        _kept["formatter"] = NeighbourhoodFormatter()
        QgsApplication.fieldFormatterRegistry().addFieldFormatter(_kept["formatter"])
        _kept["project"] = project
        project.writeMapLayer.connect(to_saved_type)
        project.readProject.connect(_adopt_saved)
    use_in_project(NEIGHBOURHOOD_WIDGET, project)


def unregister() -> None:
    """Back to QGIS's value relation everywhere (plugin unloaded)."""
    formatter = _kept.pop("formatter", None)
    if formatter is None:
        return
    project = _kept.pop("project")
    project.writeMapLayer.disconnect(to_saved_type)
    project.readProject.disconnect(_adopt_saved)
    use_in_project(VALUE_RELATION, project)
    QgsApplication.fieldFormatterRegistry().removeFieldFormatter(NEIGHBOURHOOD_WIDGET)


def _adopt_saved(*_args) -> None:
    use_in_project(NEIGHBOURHOOD_WIDGET, _kept.get("project"))
