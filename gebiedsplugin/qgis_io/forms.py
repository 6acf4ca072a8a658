"""Attribute forms built from the declarative schema: aliases, widgets, constraints, defaults."""

from __future__ import annotations

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFieldConstraints,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from gebiedsplugin.core import schema
from gebiedsplugin.core.value_lists import stored_label, value_list
from gebiedsplugin.qgis_io.neighbourhood_list import DISTRICT_FILTER, widget_type
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.numbers import number

# QGIS's marker for "no value" in a value map.
_NULL_VALUE = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"

_STATIC_DEFAULTS = {
    schema.UUID: "uuid('WithoutBraces')",
    schema.NOW: "now()",
    schema.USER: "coalesce(@user_full_name, @user_account_name)",
}


def default_expression(field: schema.Field, district_layer_id: str = "", neighbourhood_layer_id: str = "",
                       has_city_wide: bool = False) -> str:
    """The QGIS default-value expression for a schema default kind ('' when none applies); *has_city_wide*:
    the table has the `city_wide` flag."""
    if field.default in _STATIC_DEFAULTS:
        return _STATIC_DEFAULTS[field.default]
    q = QgsExpression.quotedString
    # A city-wide row belongs to the whole city (district `city`, no neighbourhood), as the sample and
    # the rules have it; else the largest district and a neighbourhood of another one were derived.
    if field.default == schema.DERIVE_DISTRICT and district_layer_id:
        derived = "gebied_largest_overlap({}, 'district_id')".format(q(district_layer_id))
        return _unless_city_wide(derived, q(schema.CITY_ID)) if has_city_wide else derived
    if field.default == schema.DERIVE_NEIGHBOURHOOD and neighbourhood_layer_id:
        derived = "gebied_largest_overlap({}, 'neighbourhood_id')".format(q(neighbourhood_layer_id))
        return _unless_city_wide(derived, "NULL") if has_city_wide else derived
    if field.default == schema.DERIVE_REVIEW and district_layer_id:
        # A city-wide intervention may span districts; anything else over several needs a look.
        return ("if(coalesce(\"city_wide\", false) OR gebied_overlap_count({}, 'district_id') <= 1, false, true)"
                .format(q(district_layer_id)))
    return ""


def _unless_city_wide(derived: str, city_value: str) -> str:
    return "if(coalesce(\"city_wide\", false), {}, {})".format(city_value, derived)


# A new row's free-text boxes start empty rather than NULL: QGIS shows NULL as the literal "NULL"
# there. The rules and exports read a blank text as missing, as they read NULL.
# Year fields of a new row start at the current year, not at the spin box's minimum (2000).
_THIS_YEAR = "year(now())"
# How a row is listed where QGIS lists rows (an intervention's funding in its form), instead of its uid.
_DISPLAY = {
    "funding": "concat(\"year\", '  ·  ', represent_value(\"funder\"), '  ·  € ', format_number(\"amount\", 0))",
}
# Code fields shown by the name of what they refer to: field -> (table, key, filter on the form's values).
_NAMED_CODES = {
    "district_id": ("districts", "district_id", ""),
    "neighbourhood_id": ("neighbourhoods", "neighbourhood_id", DISTRICT_FILTER),
}


def _value_relation(field: schema.Field, table: schema.Table, layer_ids: dict) -> QgsEditorWidgetSetup | None:
    """A value relation showing names for a district or neighbourhood code (not in its own table)."""
    target = _NAMED_CODES.get(field.name)
    if target is None or target[0] == table.name or not layer_ids.get(target[0]):
        return None
    other, key, filter_expression = target
    if table.name == "neighbourhoods":
        filter_expression = ""  # a neighbourhood's own district is chosen from all districts
    # The neighbourhood list: the plugin's widget while the plugin runs (qgis_io/neighbourhood_list.py).
    widget = widget_type() if field.name == "neighbourhood_id" and filter_expression else "ValueRelation"
    return QgsEditorWidgetSetup(widget, {
        "Layer": layer_ids[other], "Key": key, "Value": "name", "AllowNull": not field.mandatory,
        "OrderByValue": True, "AllowMulti": False, "UseCompleter": False, "FilterExpression": filter_expression})


def _widget(field: schema.Field, value_lists: dict, lang: str) -> QgsEditorWidgetSetup | None:
    if field.value_list:
        codes = value_lists.get(field.value_list) or value_list(field.value_list)
        entries = [{stored_label(field.value_list, code, labels, lang): code} for code, labels in codes.items()]
        # The empty choice by name ("(NULL)" otherwise); a mandatory field still refuses it on save.
        entries.insert(0, {(tr("(none)") if not field.mandatory else tr("(choose)")): _NULL_VALUE})
        return QgsEditorWidgetSetup("ValueMap", {"map": entries})
    if field.type == schema.BOOLEAN:
        return QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": ""})
    if field.type == schema.DATETIME:
        return QgsEditorWidgetSetup("DateTime", {
            "display_format": "yyyy-MM-dd HH:mm", "field_format": "yyyy-MM-ddTHH:mm:ss",
            "calendar_popup": True, "allow_null": True})
    if field.minimum is not None and field.type == schema.INTEGER:
        return QgsEditorWidgetSetup("Range", {
            "Min": int(field.minimum), "Max": int(field.maximum if field.maximum is not None else 2**31 - 1),
            "Step": 1, "Style": "SpinBox", "AllowNull": not field.mandatory})
    if field.minimum is not None and field.type == schema.REAL:
        return QgsEditorWidgetSetup("Range", {
            "Min": float(field.minimum), "Max": float(field.maximum if field.maximum is not None else 1e12),
            "Step": 1000.0, "Precision": 2, "Style": "SpinBox", "AllowNull": not field.mandatory})
    if field.name == "description" or field.name == "note" or field.name == "message":
        return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
    return None


def configure_layer(layer: QgsVectorLayer, table: schema.Table, lang: str, value_lists: dict,
                    district_layer_id: str = "", neighbourhood_layer_id: str = "") -> None:
    """Apply aliases, widgets, constraints and defaults of *table* to *layer*."""
    form = layer.editFormConfig()
    layer_ids = {"districts": district_layer_id, "neighbourhoods": neighbourhood_layer_id}
    for field in table.fields:
        idx = layer.fields().indexFromName(field.name)
        if idx < 0:
            continue
        layer.setFieldAlias(idx, field.alias_in(lang))
        widget = _value_relation(field, table, layer_ids) or _widget(field, value_lists, lang)
        if widget is not None:
            layer.setEditorWidgetSetup(idx, widget)
        if field.mandatory:
            layer.setFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
        if field.minimum is not None:
            layer.setConstraintExpression(idx, _range_expression(field), _range_message(field))
        form.setReadOnly(idx, field.read_only)
        expression = (default_expression(field, district_layer_id, neighbourhood_layer_id,
                                         "city_wide" in table.field_names) or _new_row_default(field))
        if expression:
            layer.setDefaultValueDefinition(idx, QgsDefaultValue(expression, field.on_update))
    if table.name in _DISPLAY:
        layer.setDisplayExpression(_DISPLAY[table.name])
    key = layer.fields().indexFromName("fid")  # the store's row key: first in the form, focused, typed over
    if key >= 0:
        layer.setEditorWidgetSetup(key, QgsEditorWidgetSetup("Hidden", {}))
    title = layer.fields().indexFromName("title")
    if title >= 0:
        layer.setConstraintExpression(title, "length(trim(\"title\")) > 0", tr("A title is required."))
    version = layer.fields().indexFromName(schema.ROW_VERSION)
    if version >= 0:
        # QGIS's own commit of a new row writes 0, which the database refuses: new rows are saved
        # by the edit session (qgis_io/edit_session.py), which states version 1 itself.
        layer.setDefaultValueDefinition(version, QgsDefaultValue("0"))
    end = layer.fields().indexFromName("end_year")
    if end >= 0 and layer.fields().indexFromName("start_year") >= 0:
        layer.setConstraintExpression(
            end, '"end_year" IS NULL OR "start_year" IS NULL OR "end_year" >= "start_year"',
            tr("The end year may not be before the start year."))
    layer.setEditFormConfig(form)


def _range_expression(field: schema.Field) -> str:
    col = QgsExpression.quotedColumnRef(field.name)
    parts = ["{} IS NULL".format(col)]
    bounds = []
    if field.minimum is not None:
        bounds.append("{} >= {}".format(col, field.minimum))
    if field.maximum is not None:
        bounds.append("{} <= {}".format(col, field.maximum))
    return "{} OR ({})".format(parts[0], " AND ".join(bounds))


def new_row_default(table_name: str, field_name: str) -> str:
    """The default expression of a plain field of *table_name* when no proposal applies ('' if none)."""
    table = schema.TABLES_BY_NAME.get(table_name)
    field = next((f for f in table.fields if f.name == field_name), None) if table is not None else None
    return _new_row_default(field) if field is not None else ""


def _free_text(field: schema.Field) -> bool:
    """A text typed by the planner: not a code from a list or another table, not the row's key."""
    return (field.type == schema.TEXT and not field.value_list and field.name not in _NAMED_CODES
            and field.name != "uid")


def _new_row_default(field: schema.Field) -> str:
    """A new row's value where the schema names none: this year for years, '' for free texts (the
    bookkeeping ones too: the save stamps those)."""
    if field.default:
        return ""
    if field.read_only:
        return "''" if _free_text(field) else ""
    if field.type == schema.INTEGER and field.minimum == schema.MIN_YEAR and field.maximum == schema.MAX_YEAR:
        return _THIS_YEAR
    return "''" if _free_text(field) else ""


def _range_message(field: schema.Field) -> str:
    if field.maximum is None:
        return tr("Must be at least {}.").format(_fmt(field.minimum))
    return tr("Must lie between {} and {}.").format(_fmt(field.minimum), _fmt(field.maximum))


def _fmt(value: float) -> str:
    # Whole bounds as written (years: "2100", not "2.100"); fractions in the locale's format.
    return str(int(value)) if float(value).is_integer() else number(value)


def constraint_texts(layer: QgsVectorLayer, idx: int, feature: QgsFeature | None = None) -> list:
    """One sentence per constraint of field *idx*; with *feature*, only the ones its value breaks.

    QGIS's own tooltip joins every description with the raw "Not NULL" ("...liggen., Niet NULL");
    a value that is missing only says it is required (its other rules cannot be judged yet).
    """
    constraints = layer.fields().at(idx).constraints()
    not_null = bool(constraints.constraints() & QgsFieldConstraints.Constraint.ConstraintNotNull)
    expression = constraints.constraintExpression()
    description = constraints.constraintDescription() or tr("Must meet: {}").format(expression)
    if feature is None:
        return ([tr("Required.")] if not_null else []) + ([description] if expression else [])
    value = feature.attribute(idx)
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return [tr("Required.")] if not_null else []
    if not expression:
        return []
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    return [] if QgsExpression(expression).evaluate(context) else [description]
