"""Show a finding on the map: select the interventions it concerns, zoom to them and flash them."""

from __future__ import annotations

from qgis.core import QgsExpression, QgsFeatureRequest, QgsRectangle

from gebiedsplugin.core import schema
from gebiedsplugin.core.findings import split_uids


def _quoted(values) -> str:
    return ",".join(QgsExpression.quotedValue(str(v)) for v in values)


def select_subjects(controller, uids: list) -> dict:
    """Select the features with these uids in the three interventions layers; table -> feature ids."""
    found = {}
    for table in schema.INTERVENTION_TABLES:
        layer = controller.layer(table)
        if layer is None:
            continue
        ids = []
        if uids:
            request = QgsFeatureRequest().setFilterExpression('"uid" IN ({})'.format(_quoted(uids)))
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
            request.setNoAttributes()
            ids = [f.id() for f in layer.getFeatures(request)]
        layer.selectByIds(ids)
        if ids:
            found[table] = ids
    return found


def finding_feature_ids(controller, finding_id: str) -> list:
    """Feature ids of *finding_id* in the loaded findings layer."""
    layer = controller.layer("findings")
    if layer is None:
        return []
    request = QgsFeatureRequest().setFilterExpression('"finding_id" = {}'.format(_quoted([finding_id])))
    request.setNoAttributes()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return [f.id() for f in layer.getFeatures(request)]


def show_finding(iface, controller, row: dict) -> int:
    """Select, zoom to and flash what *row* (a stored finding) concerns; the number of features selected.

    Findings without interventions (e.g. an area budget) show their own geometry."""
    found = select_subjects(controller, split_uids(row.get("subject_uids")))
    targets = [(controller.layer(t), ids) for t, ids in found.items()]
    if not targets:
        ids = finding_feature_ids(controller, row.get("finding_id"))
        if ids:
            targets = [(controller.layer("findings"), ids)]
    canvas = iface.mapCanvas() if iface is not None else None
    if canvas is None or not targets:
        return sum(len(ids) for ids in found.values())
    extent = None  # not QgsRectangle().setMinimal(): deprecated on QGIS 3.44, its replacement not on 3.22
    for layer, ids in targets:
        request = QgsFeatureRequest().setFilterFids(ids)
        request.setNoAttributes()
        for feat in layer.getFeatures(request):
            if feat.hasGeometry():
                box = canvas.mapSettings().layerExtentToOutputExtent(layer, feat.geometry().boundingBox())
                if extent is None:
                    extent = QgsRectangle(box)
                else:
                    extent.combineExtentWith(box)
    if extent is not None:
        if extent.width() < 100 or extent.height() < 100:
            centre = extent.center()
            extent = QgsRectangle(centre.x() - 100, centre.y() - 100, centre.x() + 100, centre.y() + 100)
        extent.scale(1.3)
        canvas.setExtent(extent)
        canvas.refresh()
    for layer, ids in targets:
        canvas.flashFeatureIds(layer, ids)
    return sum(len(ids) for ids in found.values())
