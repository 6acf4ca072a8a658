"""The import's field mapping in QGIS's own terms: the fields of QgsFieldMappingWidget and the value of
QgsProcessingParameterFieldMapping (a list of {name, expression, ...}), and back to FieldSources.

A programme field fed by a plain source field keeps that field's name; one fed by any other QGIS
expression is computed per feature by the reader (importer.read_source) under the expression's text.
"""

from __future__ import annotations

from qgis.core import QgsExpression, QgsFeatureRequest, QgsFieldConstraints, QgsFields
from qgis.PyQt.QtCore import QMetaType

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.import_mapping import FieldSource, is_mandatory, propose_mapping, table_for, target_fields
from gebiedsplugin.toolbelt.i18n import tr, ui_language
from gebiedsplugin.toolbelt.qt_compat import field as qgs_field

_TYPES = {schema.INTEGER: QMetaType.Type.LongLong, schema.REAL: QMetaType.Type.Double,
          schema.BOOLEAN: QMetaType.Type.Bool}


def target_label(target: str) -> str:
    """Translated name of an import target."""
    return {
        "districts": tr("Districts"), "neighbourhoods": tr("Neighbourhoods"), "interventions": tr("Interventions"),
        "programme_projects": tr("Programme projects (MJP)"), "area_goals": tr("Area goals"),
        "area_budgets": tr("Area budgets"),
    }[target]


def field_title(target: str, name: str) -> str:
    """What a planner calls a programme field: its alias in the UI language ('Start year')."""
    f = table_for(target).field(name)
    return f.alias_in(ui_language())


def destination_fields(target: str) -> QgsFields:
    """The programme fields of *target* as QgsFields: the alias is the label the mapping shows, with
    '(required)' for a field the source must fill; a not-null constraint says the same to QGIS."""
    out = QgsFields()
    for f in target_fields(target):
        q = qgs_field(f.name, _TYPES.get(f.type, QMetaType.Type.QString))
        title = field_title(target, f.name)
        if is_mandatory(target, f):
            title = tr("{} (required)").format(title)
            constraints = q.constraints()
            constraints.setConstraint(QgsFieldConstraints.Constraint.ConstraintNotNull,
                                      QgsFieldConstraints.ConstraintOrigin.ConstraintOriginLayer)
            q.setConstraints(constraints)
        q.setAlias(title)
        out.append(q)
    return out


def proposed_expressions(source_names, target: str) -> dict:
    """{programme field: source column as an expression, or ''} from the name and alias proposal."""
    proposal = propose_mapping(source_names, target)
    return {f.name: QgsExpression.quotedColumnRef(proposal[f.name]) if f.name in proposal else ""
            for f in target_fields(target)}


def source_of(expression: str, source_names, target: str, name: str) -> str:
    """The source field *expression* reads when it is a plain field, else the expression's text.

    ProgrammeError (naming the programme field) when it does not parse or reads a field the source lacks."""
    expr = QgsExpression(expression)
    if expr.hasParserError():
        raise ProgrammeError(tr("The expression for {} cannot be read: {}").format(
            field_title(target, name), expr.parserErrorString()))
    names = set(source_names)
    if expr.isField():
        column = next(iter(expr.referencedColumns()))
        if column not in names:
            raise ProgrammeError(tr("The field mapping uses the source field {}, which the source does not have.")
                                 .format(column))
        return column
    for column in expr.referencedColumns():
        if column != QgsFeatureRequest.ALL_ATTRIBUTES and column not in names:
            raise ProgrammeError(tr("The field mapping uses the source field {}, which the source does not have.")
                                 .format(column))
    return expression


def mapping_from_entries(entries, source_names, target: str, fill_missing: bool = True) -> dict:
    """{programme field: FieldSource} from field-mapping entries ({name, expression[, values]}).

    An entry naming something that is not a field of *target* is refused, unless it maps a source
    field onto itself (what Processing's own form proposes before it is edited: skipped). With
    *fill_missing*, programme fields no entry names come from the automatic proposal."""
    known = {f.name for f in target_fields(target)}
    out: dict = {}
    named = set()
    for entry in entries:
        name = str(entry.get("name") or "")
        expression = str(entry.get("expression") or "").strip()
        if name not in known:
            if expression in ("", QgsExpression.quotedColumnRef(name), name):
                continue
            raise ProgrammeError(tr("The field mapping names {}, which is not a field of {}; the fields are: {}.")
                                 .format(name, target_label(target), ", ".join(sorted(known))))
        named.add(name)
        if not expression:
            continue
        values = entry.get("values") or {}
        if not isinstance(values, dict):
            raise ProgrammeError(tr("The value mapping of {} must be an object of source value: code.")
                                 .format(field_title(target, name)))
        out[name] = FieldSource(source_of(expression, source_names, target, name),
                                {str(k): v for k, v in values.items()})
    if fill_missing:
        for name, column in propose_mapping(source_names, target).items():
            if name not in named and name not in out:
                out[name] = FieldSource(column)
    return out
