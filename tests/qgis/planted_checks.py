"""What the check tests share: which of the sample's planted cases a check missed, and an intervention
moved outside QGIS (so the next check finds something else)."""

from __future__ import annotations

from osgeo import gdal, ogr


def planted_not_found(rows_or_findings, manifest) -> list:
    """The planted cases of *manifest* not among the findings (Finding objects or register rows); empty when
    all are found."""
    missing = []
    for case in manifest["planted"]:
        hit = False
        for f in rows_or_findings:
            rule = f["rule"] if isinstance(f, dict) else f.rule
            uids = set((f["subject_uids"] or "").split(",")) if isinstance(f, dict) else set(f.subject_uids)
            if rule == case["rule"] and set(case["uids"]) <= uids:
                if case["uids"] or (f["district_id"] if isinstance(f, dict) else f.district_id) == case.get(
                        "district_id"):
                    hit = True
        if not hit:
            missing.append(case)
    return missing


def shift_intervention(path, uid: str, dx: float) -> None:
    """Move one intervention of the GeoPackage at *path* (whatever its table) by dx metres, outside QGIS."""
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    for name in ("interventions_point", "interventions_line", "interventions_polygon"):
        layer = ds.GetLayerByName(name)
        layer.SetAttributeFilter("uid = '{}'".format(uid))
        for feat in layer:
            geom = feat.GetGeometryRef().Clone()
            moved = ogr.CreateGeometryFromWkt(geom.ExportToWkt())
            for i in range(moved.GetGeometryCount() or 1):
                part = moved.GetGeometryRef(i) if moved.GetGeometryCount() else moved
                for j in range(part.GetPointCount()):
                    part.SetPoint_2D(j, part.GetX(j) + dx, part.GetY(j))
            feat.SetGeometry(moved)
            feat.SetField("row_version", feat.GetField("row_version") + 1)  # the locking protocol
            layer.SetFeature(feat)
    ds = None
