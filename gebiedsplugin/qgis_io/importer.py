"""Import a vector source into a programme: read, transform, convert, classify, write in one transaction.

Default all-or-nothing: when any row is rejected nothing is written and ImportRejected says why
(every rejected row, by its line, fid or feature and field). With ``valid_only`` the valid rows are written and the
rejected ones reported. A dry run does everything but write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Optional

import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.import_mapping import TARGETS, is_spatial, parse_mapping, unmapped_mandatory
from gebiedsplugin.core.import_rows import (
    EXPRESSION_FAILED,
    FAR_OUTSIDE_CRS,
    GEOMETRY,
    ImportPlan,
    Issue,
    classify,
    convert_rows,
    derive_districts,
    refuse_far_away,
    refuse_unknown_areas,
    unchecked_areas,
)
from gebiedsplugin.core.plausibility import bounds_of
from gebiedsplugin.qgis_io.convert import to_shapely
from gebiedsplugin.qgis_io.import_fields import mapping_from_entries
from gebiedsplugin.qgis_io.import_report import field_label, report_text, unchecked_text
from gebiedsplugin.qgis_io.import_source import looks_like_degrees, open_source, xy_columns
from gebiedsplugin.qgis_io.import_targets import area_ids, city_row, read_existing, value_codes, whole_city_missing
from gebiedsplugin.qgis_io.import_where import SourcePlaces
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr

# Targets whose district_id the programme derives from the geometry when the source leaves it empty.
_DERIVED_DISTRICT = ("neighbourhoods", "interventions", "programme_projects")


class ImportRejected(ProgrammeError):
    """Rows were rejected in an all-or-nothing import; nothing was written. ``result`` has the report."""

    def __init__(self, message: str, result):
        super().__init__(message)
        self.result = result


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    target: str
    plan: ImportPlan
    dry_run: bool = False
    written: bool = False
    crs: str = ""
    messages: list = field(default_factory=list)
    places: Optional[SourcePlaces] = None  # names the source file and its rows in the report
    valid_only: bool = False  # rejected rows are skipped, the valid ones written

    def counts(self) -> dict:
        return self.plan.counts()

    def text(self) -> str:
        return report_text(self)


def python_value(value):
    """A plain Python value for a QGIS attribute value (None for NULL)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QVariant):
        return value.value()
    if isinstance(value, (QDate, QDateTime)):
        return value.toString("yyyy-MM-dd") if isinstance(value, QDate) else value.toString("yyyy-MM-ddTHH:mm:ss")
    return value


def _flat(geom: QgsGeometry) -> QgsGeometry:
    """*geom* without Z and M."""
    if QgsWkbTypes.hasZ(geom.wkbType()) or QgsWkbTypes.hasM(geom.wkbType()):
        abstract = geom.constGet().clone()
        abstract.dropZValue()
        abstract.dropMValue()
        return QgsGeometry(abstract)
    return QgsGeometry(geom)


def read_source(layer: QgsVectorLayer, target: str, dest_crs: QgsCoordinateReferenceSystem,
                context: QgsCoordinateTransformContext, feedback=None,
                source_crs: Optional[QgsCoordinateReferenceSystem] = None,
                places: Optional[SourcePlaces] = None, expressions=()) -> list:
    """[(attrs, shapely geometry | Issue | None)] of every feature, geometries in *dest_crs*.

    *source_crs*, when valid, says what the coordinates are, whatever the source claims or lacks.
    *places*, when given, records each feature's id so the report can name its line or fid.
    *expressions*: QGIS expressions of the field mapping, evaluated per feature into attrs under their
    text (an Issue where one fails)."""
    names = layer.fields().names()
    computed = _prepared(layer, expressions)
    spatial = is_spatial(target)
    has_geom = layer.isSpatial()
    xy = None if has_geom or not spatial else xy_columns(names)
    transform = None
    if spatial and (has_geom or xy):
        given = source_crs is not None and source_crs.isValid()
        src_crs = source_crs if given else layer.crs()
        if xy and not src_crs.isValid():
            pairs = [(_float(f[xy[0]]), _float(f[xy[1]])) for f in layer.getFeatures()]
            src_crs = QgsCoordinateReferenceSystem("EPSG:4326" if looks_like_degrees(pairs) else dest_crs.authid())
        if not src_crs.isValid():
            raise ProgrammeError(tr("The source has no coordinate reference system; set one (e.g. a .prj file) "
                                    "and try again."))
        transform = QgsCoordinateTransform(src_crs, dest_crs, context)
    out = []
    total = max(layer.featureCount(), 1)
    for n, feat in enumerate(layer.getFeatures(), start=1):
        attrs = {name: python_value(feat[name]) for name in names}
        if computed:
            context, exprs = computed
            context.setFeature(feat)
            for text, expr in exprs:
                value = expr.evaluate(context)
                attrs[text] = Issue(EXPRESSION_FAILED, n, None, expr.evalErrorString()) if expr.hasEvalError() \
                    else python_value(value)
        if places is not None:
            places.add(feat.id())
        geom = None
        if transform is not None:
            if xy:
                x, y = _float(attrs.get(xy[0])), _float(attrs.get(xy[1]))
                qgeom = QgsGeometry.fromPointXY(QgsPointXY(x, y)) if x is not None and y is not None else None
            else:
                qgeom = _flat(feat.geometry()) if feat.hasGeometry() else None
            if qgeom is not None:
                try:
                    done = qgeom.transform(transform)  # a failure may come back as a result, not raised
                    if done != Qgis.GeometryOperationResult.Success:
                        raise QgsCsException(tr("the coordinates could not be transformed ({})").format(done))
                    geom = to_shapely(qgeom)
                except (QgsCsException, shapely.errors.GEOSException) as e:
                    geom = Issue("transform_failed", n, GEOMETRY, str(e))
        out.append((attrs, geom))
        if feedback is not None:
            if feedback.isCanceled():
                raise ProgrammeError(tr("The import was cancelled; nothing was written."))
            feedback.setProgress(50.0 * n / total)
    return out


def _prepared(layer: QgsVectorLayer, expressions) -> Optional[tuple]:
    """(context, [(text, prepared QgsExpression)]) for *expressions*, or None when there are none."""
    if not expressions:
        return None
    # global and layer scopes only: the reader may run in a task's thread, away from the project
    context = QgsExpressionContext()
    context.appendScope(QgsExpressionContextUtils.globalScope())  # appendScope takes ownership; a list does not
    context.appendScope(QgsExpressionContextUtils.layerScope(layer))
    exprs = []
    for text in expressions:
        expr = QgsExpression(text)
        expr.prepare(context)
        exprs.append((text, expr))
    return context, exprs


def _float(value) -> Optional[float]:
    value = python_value(value)
    try:
        return float(str(value).replace(",", ".")) if value not in (None, "") else None
    except ValueError:
        return None


def mapping_for(layer: QgsVectorLayer, target: str, spec=None) -> dict:
    """The {target field: FieldSource} mapping for *layer*.

    *spec*: a field-mapping parameter's value (a list of {name, expression[, values]}), or the older
    JSON text or dict ({target field: source field or {field, values}}); empty: the proposal."""
    if isinstance(spec, (list, tuple)):
        return mapping_from_entries(spec, layer.fields().names(), target)
    try:
        return parse_mapping(spec or "", layer.fields().names(), target)
    except ValueError as e:
        problem, name = e.args
        if problem == "unknown_target_field":
            raise ProgrammeError(tr("The field mapping names {}, which is not a field of {}.")
                                 .format(name, target)) from None
        if problem == "unknown_source_field":
            raise ProgrammeError(tr("The field mapping uses the source field {}, which the source does not have.")
                                 .format(name)) from None
        raise ProgrammeError(tr("The field mapping is not valid JSON: {}").format(name)) from None


def plan_import(programme, layer: QgsVectorLayer, target: str, mapping: dict,
                context: Optional[QgsCoordinateTransformContext] = None, feedback=None,
                source_crs: Optional[QgsCoordinateReferenceSystem] = None) -> ImportResult:
    """Read and classify everything; write nothing. *programme*: a store or what open_store() takes."""
    store = open_store(str(programme)) if isinstance(programme, (str, PurePath)) else programme
    missing = unmapped_mandatory(target, mapping)
    if missing:
        raise ProgrammeError(tr("No source field is mapped to the mandatory field(s): {}; nothing was imported.")
                             .format(", ".join(field_label(target, m) for m in missing)))
    dest_crs = QgsCoordinateReferenceSystem(store.crs())
    places = SourcePlaces.of(layer)
    names = set(layer.fields().names())
    expressions = sorted({s.field for s in mapping.values() if s.field not in names})
    rows = read_source(layer, target, dest_crs, context or QgsCoordinateTransformContext(), feedback, source_crs,
                       places, expressions)
    if not rows:
        raise ProgrammeError(tr("The source {} has no rows; nothing was imported.").format(layer.name()))
    converted, rejected, notes = convert_rows(rows, target, mapping, value_codes(store))
    if is_spatial(target):
        districts = read_existing(store, "districts")
        extent = bounds_of(value[3] for value in districts.values())
        if extent is not None:
            converted, far = refuse_far_away(converted, target, extent)
        else:
            converted, far = refuse_far_away(converted, target, crs_area(dest_crs, context), code=FAR_OUTSIDE_CRS)
        rejected = sorted(rejected + far, key=lambda i: i.row)
        if target in _DERIVED_DISTRICT:
            derive_districts(converted, [(key[0], value[3]) for key, value in districts.items()])
    areas = area_ids(store, target) if target != "districts" else (set(), {})
    converted, unknown = refuse_unknown_areas(converted, target, *areas)
    rejected = sorted(rejected + unknown, key=lambda i: i.row)
    existing = read_existing(store, target)
    plan = classify(converted, existing, rejected, notes)
    result = ImportResult(target, plan, crs=dest_crs.authid(), places=places)
    for name in unchecked_areas(converted, target, *areas):
        result.messages.append(unchecked_text(target, name))
    if whole_city_missing(store, target) and not any(r.key == ("city",) for r in converted):
        city = city_row(plan, tr("Whole city"))
        if city is not None:
            plan.added.append(city)
            result.messages.append(tr("The whole-city area (city) was added as the union of the districts."))
    return result


def crs_area(crs: QgsCoordinateReferenceSystem, context=None) -> Optional[tuple]:
    """The area of use of *crs* as (minx, miny, maxx, maxy) in *crs*, or None when unknown."""
    bounds = crs.bounds()  # WGS84
    if bounds.isEmpty() or not crs.isValid():
        return None
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        transform = QgsCoordinateTransform(wgs84, crs, context or QgsCoordinateTransformContext())
        box = transform.transformBoundingBox(bounds)
    except QgsCsException:
        return None
    if box.isEmpty() or not box.isFinite():
        return None
    return box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()


def run_import(programme: str, source, target: str, mapping=None, dry_run: bool = False,
               valid_only: bool = False, context: Optional[QgsCoordinateTransformContext] = None,
               feedback=None, source_crs: Optional[QgsCoordinateReferenceSystem] = None) -> ImportResult:
    """Import *source* (a layer or a file path) into *programme* (GeoPackage path or postgres:<conn>/<schema>).

    *mapping*: a {target field: FieldSource} dict, a field-mapping list as FIELDS_MAPPING takes, a JSON
    text or dict as FIELD_MAPPING takes, or None for the automatic proposal. Raises ProgrammeError
    (nothing written) for every bad input; ImportRejected when rows are rejected and not *valid_only*.
    """
    if target not in TARGETS:
        raise ProgrammeError(tr("Unknown import target {}; choose one of: {}.").format(target, ", ".join(TARGETS)))
    store = open_store(str(programme))
    if not dry_run:
        store.check_writable()
    hint = source_crs.authid() if source_crs is not None and source_crs.isValid() else ""
    layer = open_source(source, hint) if isinstance(source, str) else source
    if layer is None or not layer.isValid():
        raise ProgrammeError(tr("The source layer is not valid."))
    if layer.featureCount() == 0:
        raise ProgrammeError(tr("The source {} has no rows; nothing was imported.").format(layer.name()))
    if not (isinstance(mapping, dict) and all(hasattr(v, "field") for v in mapping.values()) and mapping):
        mapping = mapping_for(layer, target, mapping)
    result = plan_import(store, layer, target, mapping, context, feedback, source_crs)
    result.dry_run, result.valid_only = dry_run, valid_only
    if dry_run:
        return result
    if result.plan.rejected and not valid_only:
        raise ImportRejected(result.text(), result)
    if result.plan.added or result.plan.updated:
        store.apply_import(target, result.plan)
    result.written = True
    if feedback is not None:
        feedback.setProgress(100.0)
    return result


def preview_rows(layer: QgsVectorLayer, mapping: dict, limit: int) -> tuple:
    """([place of each row], [[value per mapped field]]) of the first *limit* features, as the
    report would name them ('line 2', 'fid 7'); values as the mapping reads them, before conversion."""
    places = SourcePlaces.of(layer)
    names = set(layer.fields().names())
    computed = _prepared(layer, sorted({s.field for s in mapping.values() if s.field not in names}))
    request = QgsFeatureRequest().setLimit(limit)
    rows = []
    for feat in layer.getFeatures(request):
        places.add(feat.id())
        values = []
        if computed:
            computed[0].setFeature(feat)
        for src in mapping.values():
            if src.field in names:
                values.append(python_value(feat[src.field]))
            else:
                expr = dict(computed[1])[src.field]
                value = expr.evaluate(computed[0])
                values.append(expr.evalErrorString() if expr.hasEvalError() else python_value(value))
        rows.append(values)
    return [places.place(n) for n in range(1, len(rows) + 1)], rows
