"""gebiedsplugin:create_programme: a new, empty programme (optionally with districts)."""

from __future__ import annotations

import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.codes import unique_codes
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.plausibility import DISTANCE_MAX_M, too_far
from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.convert import to_shapely
from gebiedsplugin.qgis_io.import_where import SourcePlaces
from gebiedsplugin.qgis_io.importer import crs_area
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.i18n import tr


class CreateProgrammeAlgorithm(BaseAlgorithm):
    NAME = "create_programme"
    OUTPUT, DISTRICTS, DISTRICT_NAME_FIELD, CRS, OVERWRITE = (
        "OUTPUT", "DISTRICTS", "DISTRICT_NAME_FIELD", "CRS", "OVERWRITE")

    def display(self) -> str:
        return tr("Create programme")

    def help_text(self) -> str:
        return tr("Creates a new area programme (GeoPackage) with every table of the data model. "
                  "Optionally fills the districts from a polygon layer; the whole-city area is their union.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Programme file"), tr("GeoPackage (*.gpkg)")),
            tr("The new programme's GeoPackage; it must not exist yet unless OVERWRITE is set."))
        self.add(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            tr("Polygon layer with the districts (stadsdelen); optional."))
        self.add(QgsProcessingParameterField(
            self.DISTRICT_NAME_FIELD, tr("District name field"), parentLayerParameterName=self.DISTRICTS,
            optional=True), tr("Field holding the district names; codes are derived from them."))
        # Optional: QGIS 3.22 rejects a missing CRS value instead of using the default.
        self.add(QgsProcessingParameterCrs(self.CRS, tr("CRS"), "EPSG:28992", optional=True),
                 tr("The programme's projected CRS; default RD New (EPSG:28992)."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Overwrite an existing file"), False),
                 tr("Replace OUTPUT if it exists."))

    def execute(self, parameters, context, feedback) -> dict:
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if parameters.get(self.CRS) in (None, ""):
            crs = QgsCoordinateReferenceSystem(schema.DEFAULT_CRS)
        if not crs.isValid():
            raise ProgrammeError(tr("The CRS is not valid."))
        programme = None
        source = self.parameterAsSource(parameters, self.DISTRICTS, context)
        if source is not None:
            name_field = self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context)
            places = SourcePlaces.of(self.parameterAsVectorLayer(parameters, self.DISTRICTS, context))
            if not places.name:
                places.name = source.sourceName()
            districts = _districts(source, name_field, crs, context, feedback, places)
            programme = Programme(crs=crs.authid(), districts=districts)
        store = GpkgStore.create(path, crs.authid(), programme,
                                 overwrite=self.parameterAsBool(parameters, self.OVERWRITE, context))
        feedback.pushInfo(tr("Programme created: {}").format(store.path))
        return {self.OUTPUT: store.path}


def _districts(source, name_field: str, crs: QgsCoordinateReferenceSystem, context, feedback,
               places: SourcePlaces) -> list:
    """District records from a polygon source, transformed to *crs*, plus the city (their union).

    Every refusal names the source (*places*), the feature (fid, line or number), the field and the value."""
    if not name_field:
        raise ProgrammeError(tr("Choose the field that holds the district names."))
    if source.fields().indexFromName(name_field) < 0:
        raise ProgrammeError(tr("{} has no field {}; its fields are: {}.").format(
            places.name, name_field, ", ".join(source.fields().names())))
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    area = crs_area(crs, context.transformContext())
    names, geoms = [], []
    for n, feat in enumerate(source.getFeatures(), start=1):
        places.add(feat.id())
        name = feat[name_field]
        if name is None or str(name).strip() == "" or (hasattr(name, "isNull") and name.isNull()):
            raise ProgrammeError(tr("{}: the district name field {} is empty; nothing was created.")
                                 .format(places.where(n), name_field))
        where = places.where(n, "{} {}".format(name_field, name))
        if not feat.hasGeometry() or feat.geometry().isEmpty():
            raise ProgrammeError(tr("{}: the district has no geometry; nothing was created.").format(where))
        geom = feat.geometry()
        try:
            result = geom.transform(transform)
        except QgsCsException as e:
            raise ProgrammeError(tr("{}: the geometry cannot be transformed to {} ({}); nothing was created.")
                                 .format(where, crs.authid(), e)) from None
        if result != Qgis.GeometryOperationResult.Success:  # some failures come as a result, not an exception
            raise ProgrammeError(tr("{}: the geometry cannot be transformed to {} ({}); nothing was created.")
                                 .format(where, crs.authid(), getattr(result, "name", result))) from None
        shape = to_shapely(geom)
        if not shapely.is_valid(shape):
            feedback.reportError(tr("District {} had an invalid geometry; it was repaired.").format(name))
            shape = shapely.make_valid(shape)
        parts = [p for p in shapely.get_parts(shape) if p.geom_type == "Polygon" and not p.is_empty]
        if not parts:
            raise ProgrammeError(tr("{}: the geometry is a {}, not an area; nothing was created.")
                                 .format(where, shape.geom_type))
        distance = too_far(shape, area)
        if distance is not None:
            raise ProgrammeError(tr("{}: the geometry lies {} km outside the area where {} applies (more than {} km): "
                                    "are the coordinates in another CRS than the layer says? Nothing was created.")
                                 .format(where, "{:.1f}".format(distance / 1000.0), crs.authid(),
                                         "{:g}".format(DISTANCE_MAX_M / 1000.0)))
        names.append(str(name))
        geoms.append(shapely.MultiPolygon(parts))
    if not names:
        raise ProgrammeError(tr("The districts layer {} is empty.").format(places.name))
    codes = unique_codes(names)
    districts = [Feature({"district_id": c, "name": n}, g, "districts") for c, n, g in zip(codes, names, geoms)]
    city = shapely.union_all(geoms)
    if city.geom_type == "Polygon":
        city = shapely.MultiPolygon([city])
    districts.append(Feature({"district_id": schema.CITY_ID, "name": tr("Whole city")}, city, "districts"))
    return districts
