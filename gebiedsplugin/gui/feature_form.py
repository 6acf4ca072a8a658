"""QGIS's feature form for a new or an existing intervention, with its edits in the edit buffer."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer, QgsVectorLayerTools
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext, QgsEditorWidgetWrapper, QgsRelationEditorWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QEvent, QObject, QSize, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QWidget,
)

from gebiedsplugin.qgis_io.forms import constraint_texts
from gebiedsplugin.qgis_io.intervention_rows import ensure_editing, new_feature
from gebiedsplugin.toolbelt.numbers import number_locale

FORM_MIN = QSize(560, 480)
SCREEN_SHARE = 0.85  # at most this part of the screen, so the dialog's buttons stay on it


def form_context(iface) -> QgsAttributeEditorContext:
    """Editor context with the map canvas, message bar and layer tools of *iface* (for relations)."""
    context = QgsAttributeEditorContext()
    canvas = iface.mapCanvas()
    context.setMapCanvas(canvas)
    tools = iface.vectorLayerTools()
    if isinstance(tools, QgsVectorLayerTools):
        context.setVectorLayerTools(tools)
    return context


def make_dialog(iface, layer: QgsVectorLayer, feature: QgsFeature, add: bool) -> QgsAttributeDialog:
    """The form (QgsAttributeDialog) for *feature*; in add mode, accepting adds it to *layer*."""
    context = form_context(iface)
    context.setFormMode(QgsAttributeEditorContext.FormMode.StandaloneDialog)
    dialog = QgsAttributeDialog(layer, feature, False, iface.mainWindow(), True, context)
    if add:
        dialog.setMode(QgsAttributeEditorContext.Mode.AddFeatureMode)
    else:
        dialog.setMode(QgsAttributeEditorContext.Mode.SingleEditMode)
    dialog.setObjectName("gebiedsplugin_feature_form")
    children = child_layers(layer)
    for child in children:
        ensure_editing(child)  # funding rows addable in one click, without the relation editor's pencil first
    close_when_layers_go(dialog, [layer] + children)
    tidy_constraint_tips(dialog, layer)
    tidy_number_boxes(dialog)
    fit_to_content(dialog)
    dialog.installEventFilter(_FitWhenShown(dialog))
    return dialog


def close_when_layers_go(dialog, layers: list) -> None:
    """Reject and delete *dialog* as soon as one of *layers* is about to be deleted (the programme closed,
    another opened, the project cleared while the form is open): its relation editors keep the layers,
    and a form deleted after them crashes QGIS. QGIS itself only closes the dialog then."""
    def going(*_args):
        if not sip.isdeleted(dialog):
            dialog.reject()
            sip.delete(dialog)  # now, while every layer is still whole; an exec() in progress returns Rejected

    def let_go(*_args):
        for layer in layers:
            if not sip.isdeleted(layer):
                layer.willBeDeleted.disconnect(going)

    layers = list({layer.id(): layer for layer in layers}.values())
    for layer in layers:
        layer.willBeDeleted.connect(going)
    dialog.destroyed.connect(let_go)


class _FitWhenShown(QObject):
    """Fit the dialog again once shown: the form's widgets (the relation editors' row forms above
    all) know their real sizes only then, a moment after the dialog appears."""

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            for delay in (0, 250):
                QTimer.singleShot(delay, lambda: _refit(watched))
        return False


def _refit(dialog) -> None:
    # Only while it is open: a closed dialog's relation editors may outlive their layers.
    if not sip.isdeleted(dialog) and dialog.isVisible():
        tidy_number_boxes(dialog)  # the relation editors' row forms are built by now
        fit_to_content(dialog)


def child_layers(layer: QgsVectorLayer) -> list:
    """The layers whose rows the form of *layer* edits through relations (funding, links)."""
    relations = QgsProject.instance().relationManager().referencedRelations(layer)
    return [r.referencingLayer() for r in relations if r.referencingLayer() is not None]


def fit_to_content(dialog) -> None:
    """Grow the dialog to show its whole form where the screen allows (QGIS opens it at about 530x400)."""
    scroll = dialog.findChild(QScrollArea)
    inner = scroll.widget() if scroll is not None else None
    content = inner.sizeHint().expandedTo(inner.minimumSizeHint()) if inner is not None else dialog.sizeHint()
    extra = dialog.sizeHint() - (scroll.sizeHint() if scroll is not None else QSize(0, 0))
    screen = dialog.screen() if hasattr(dialog, "screen") else QApplication.primaryScreen()
    room = screen.availableGeometry().size() * SCREEN_SHARE
    margin = 60  # frame, margins and a vertical scroll bar
    wanted = QSize(max(FORM_MIN.width(), content.width() + max(extra.width(), 0) + margin),
                   max(FORM_MIN.height(), content.height() + max(extra.height(), 0) + margin))
    dialog.resize(wanted.boundedTo(room).expandedTo(dialog.size().boundedTo(room)))
    for editor in dialog.findChildren(QgsRelationEditorWidget):
        for splitter in editor.findChildren(QSplitter):  # the rows' list as wide as the row's form
            if splitter.count() == 2:
                half = max(splitter.width(), dialog.width() - margin) // 2
                splitter.setSizes([half, half])


# What an empty number box shows: QGIS shows its null text ("NULL") there, where the text boxes show
# nothing. Not "": a spin box without a special text shows its minimum (1999, -0.01) as a number.
EMPTY_NUMBER = " "


def tidy_number_boxes(dialog) -> None:
    """Number boxes of the form (its relations' row forms too) that show an empty value as nothing,
    amounts with the locale's thousands separators ("1.500.000,00"); years and counts stay as they are."""
    null_text = QgsApplication.nullRepresentation()
    for edit in dialog.findChildren(QLineEdit):  # a number without a range: a text box, "NULL" as its hint
        if edit.placeholderText() == null_text:
            edit.setPlaceholderText("")
    for box in dialog.findChildren(QAbstractSpinBox):
        if not hasattr(box, "specialValueText"):
            continue
        if box.specialValueText() == null_text:
            box.setSpecialValueText(EMPTY_NUMBER)
        if isinstance(box, QDoubleSpinBox) and not box.isGroupSeparatorShown():
            box.setLocale(number_locale())  # QGIS's default locale omits the separators
            box.setGroupSeparatorShown(True)


def tidy_constraint_tips(dialog, layer: QgsVectorLayer) -> None:
    """One clean sentence per broken constraint on each field's ✔/✘ mark, instead of QGIS's joined
    descriptions with the raw "Not NULL"; a field that passes lists its rules.

    Only while the dialog is shown: a closed form may outlive its layers (a project cleared before
    the dialog is deleted), and its C++-made widgets cannot tell Python they are gone."""
    form = dialog.attributeForm()
    for widget in form.findChildren(QWidget):
        wrapper = QgsEditorWidgetWrapper.fromWidget(widget)
        mark = widget.parentWidget().findChild(QLabel, "ConstraintStatus") if widget.parentWidget() else None
        if wrapper is None or mark is None or not hasattr(wrapper, "fieldIdx"):
            continue

        def update(*_args, wrapper=wrapper, mark=mark):
            if sip.isdeleted(dialog) or not (dialog.isVisible() or _building[0]):
                return
            idx = wrapper.fieldIdx()
            broken = constraint_texts(layer, idx, _with_value(form, idx, wrapper.value()))
            mark.setToolTip("\n".join(broken or constraint_texts(layer, idx)))

        wrapper.constraintStatusChanged.connect(update)  # after the form's own slot: ours is the last word
        _building[0] = True
        try:
            update()
        finally:
            _building[0] = False


_building = [False]  # the first tooltips are set before the dialog is shown


def _with_value(form, idx: int, value) -> QgsFeature:
    feature = QgsFeature(form.currentFormFeature())
    feature.setAttribute(idx, value)
    return feature


def add_with_form(iface, layer: QgsVectorLayer, geometry: QgsGeometry, initial: dict | None = None):
    """Open the form for a new feature of *layer* with *geometry*; the new fid if accepted, else None.

    Defaults (uid, district, neighbourhood, review flag, audit fields, proposals) are evaluated
    before the form opens, *initial* (field -> value) is applied on top. The form adds the feature
    in one edit command; cancelling adds nothing.
    """
    if not ensure_editing(layer):
        return None
    feature = new_feature(layer, geometry, initial)
    _derive_again(layer, feature)
    dialog = make_dialog(iface, layer, feature, add=True)
    before = set(layer.editBuffer().addedFeatures()) if layer.editBuffer() else set()
    accepted = dialog.exec()
    if sip.isdeleted(dialog):  # its layers went while it was open (close_when_layers_go)
        return None
    added = set(layer.editBuffer().addedFeatures()) - before if layer.editBuffer() else set()
    dialog.deleteLater()
    if not accepted or not added:
        return None
    return max(added, key=abs)


def _derive_again(layer: QgsVectorLayer, feature: QgsFeature) -> None:
    """Evaluate the derived fields (district, neighbourhood, review) again on the whole new feature:
    QGIS evaluates each default when it reaches its field, before the later `city_wide` is set."""
    context = layer.createExpressionContext()
    for idx in range(layer.fields().count()):
        definition = layer.defaultValueDefinition(idx)
        if definition.isValid() and definition.applyOnUpdate():
            feature.setAttribute(idx, layer.defaultValue(idx, feature, context))


def edit_with_form(iface, layer: QgsVectorLayer, fid: int) -> bool:
    """Open the form of feature *fid* to edit its attributes (True when accepted)."""
    feature = layer.getFeature(fid)
    if not feature.isValid() or not ensure_editing(layer):
        return False
    dialog = make_dialog(iface, layer, feature, add=False)
    accepted = bool(dialog.exec())
    if not sip.isdeleted(dialog):  # else its layers went while it was open (close_when_layers_go)
        dialog.deleteLater()
    return accepted
