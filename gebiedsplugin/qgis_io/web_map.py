"""The web map export: a folder with index.html that opens from disk (file://) or any static host.

The data (items and districts in WGS 84, RFC 7946) and the page's texts and colours are embedded as
one JavaScript file (data.js): browsers refuse to fetch local files from a page opened from disk.
The page (resources/web/index.html, app.js, app.css) draws them with MapLibre GL JS 5.x, whose
classic build the project takes from the npm registry (scripts/vendor_web.sh); nothing is loaded
from the internet, not even a basemap: the districts are the background. OGR only: safe in a worker.
"""

from __future__ import annotations

import datetime
import json
import shutil
import uuid
from pathlib import Path

from osgeo import gdal, ogr

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_schema import EXPORT_SCHEMA_VERSION
from gebiedsplugin.core.map_style import web_style
from gebiedsplugin.core.unified import UNIFIED_FIELDS, UnifiedMap
from gebiedsplugin.core.web_texts import page_texts
from gebiedsplugin.qgis_io.data_export import published, write_layer
from gebiedsplugin.qgis_io.store.ogr_tables import spatial_ref
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.resources import resource_path

PAGE_FILES = ("index.html", "app.js", "app.css")
LIBRARY_FILES = ("maplibre-gl.js", "maplibre-gl.css", "LICENSE.txt")
DATA_VARIABLE = "GEBIEDSPLUGIN_WEBMAP"


def library_folder() -> Path:
    """resources/web/maplibre-gl (filled by `make setup` / `make stage` from the npm registry)."""
    return resource_path("web", "maplibre-gl")


def _geojson_text(name: str, fields, records, crs: str) -> str:
    """*records* (attrs + geometry) as an RFC 7946 FeatureCollection (WGS 84), via OGR in memory."""
    path = "/vsimem/gebiedsplugin_web_{}_{}.geojson".format(name, uuid.uuid4().hex)
    ds = ogr.GetDriverByName("GeoJSON").CreateDataSource(path)
    try:
        write_layer(ds, name, fields, records, ogr.wkbUnknown, spatial_ref(crs),
                    ["RFC7946=YES", "WRITE_NAME=NO", "COORDINATE_PRECISION=5"])  # about 1 m: plenty on screen
        ds = None
        handle = gdal.VSIFOpenL(path, "rb")
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        text = gdal.VSIFReadL(1, size, handle).decode("utf-8")
        gdal.VSIFCloseL(handle)
        return text
    finally:
        ds = None
        gdal.Unlink(path)


def page_data(unified: UnifiedMap, programme_name: str, lang: str, links: dict) -> dict:
    """What the page needs besides the features: texts, colours, districts, years, links."""
    years = [y for f in unified.all_items() for y in (f.get("start_year"), f.get("end_year")) if y is not None]
    data = page_texts(lang)
    data.update({
        "programme": programme_name,
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generated": datetime.date.today().isoformat(),
        "style": web_style(),
        "districts_list": sorted(([k, v] for k, v in unified.district_names.items() if k and v),
                                 key=lambda kv: (kv[0] == schema.CITY_ID, str(kv[1]))),
        "year_min": min(years) if years else None,
        "year_max": max(years) if years else None,
        "links": links,
    })
    return data


def write_web_map(folder, unified: UnifiedMap, districts: list, programme_name: str, lang: str,
                  links: dict) -> str:
    """Write the page into *folder* (created); *links*: key -> a file name relative to the page."""
    library = library_folder()
    missing = [n for n in LIBRARY_FILES if not (library / n).is_file()]
    if missing:
        raise ProgrammeError(tr("The web map's library is missing from {} ({}): run make setup or reinstall "
                                "the plugin.").format(library, ", ".join(missing)))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fields = [(f[0], f[1]) for f in UNIFIED_FIELDS]
    records = [r for kind in schema.GEOMETRY_KINDS for r in published(unified.items[kind], kind)]
    items = _geojson_text("items", fields, records, unified.crs)
    district_fields = [("district_id", schema.TEXT), ("name", schema.TEXT)]
    shapes = _geojson_text("districts", district_fields, published(districts, "polygon"), unified.crs)
    head = json.dumps(page_data(unified, programme_name, lang, links), ensure_ascii=False)
    with open(folder / "data.js", "w", encoding="utf-8") as out:
        out.write("window.{} = {}, \"items\": {}, \"districts\": {}}};\n".format(
            DATA_VARIABLE, head[:-1], items, shapes))
    for name in PAGE_FILES:
        shutil.copyfile(resource_path("web", name), folder / name)
    for name in LIBRARY_FILES:
        shutil.copyfile(library / name, folder / ("maplibre-gl-LICENSE.txt" if name == "LICENSE.txt" else name))
    for path in folder.iterdir():
        path.chmod(0o644)
    folder.chmod(0o755)
    return str(folder / "index.html")
