"""The web map export: a folder with index.html that opens from disk (file://) or any static host.

Up to LARGE_PROGRAMME items the data (items and districts in WGS 84) and the page's texts and
colours are embedded as one JavaScript file (data.js): browsers refuse to fetch local files from a
page opened from disk. The items are embedded compactly (compact_items) so the page parses and draws
10,000 of them quickly. Above that the items go beside the page as FlatGeobuf with a spatial index
(items.fgb, read with HTTP range requests when the folder is on a web server; from disk the page says
it needs one). The page (resources/web/index.html, app.js, app.css) draws them with MapLibre GL JS
5.x and reads FlatGeobuf with the flatgeobuf package, both from the npm registry
(scripts/vendor_web.sh); nothing is loaded from the internet, not even a basemap: the districts are
the background. OGR only: safe in a worker.
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
from gebiedsplugin.core.web_data import compact_items
from gebiedsplugin.core.web_texts import page_texts
from gebiedsplugin.qgis_io.data_export import published, write_layer
from gebiedsplugin.qgis_io.store.ogr_tables import spatial_ref
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.resources import resource_path

PAGE_FILES = ("index.html", "app.js", "app.css")
LIBRARY_FILES = ("maplibre-gl.js", "maplibre-gl.css", "LICENSE.txt")
READER_FILES = ("flatgeobuf-geojson.min.js", "LICENSE")  # resources/web/flatgeobuf, only for large programmes
DATA_VARIABLE = "GEBIEDSPLUGIN_WEBMAP"
LARGE_PROGRAMME = 20000  # more items than this go beside the page as FlatGeobuf
ITEMS_FILE = "items.fgb"
GEOJSON_OPTIONS = ["RFC7946=YES", "WRITE_NAME=NO", "COORDINATE_PRECISION=5"]  # 5 decimals: about 1 m


def library_folder() -> Path:
    """resources/web/maplibre-gl (filled by `make setup` / `make stage` from the npm registry)."""
    return resource_path("web", "maplibre-gl")


def reader_folder() -> Path:
    """resources/web/flatgeobuf (filled like the library folder)."""
    return resource_path("web", "flatgeobuf")


def _geojson_path(name: str, fields, records, crs: str) -> str:
    """*records* (attrs + geometry) as an RFC 7946 FeatureCollection (WGS 84) in /vsimem: the caller
    unlinks the returned path."""
    path = "/vsimem/gebiedsplugin_web_{}_{}.geojson".format(name, uuid.uuid4().hex)
    ds = ogr.GetDriverByName("GeoJSON").CreateDataSource(path)
    write_layer(ds, name, fields, records, ogr.wkbUnknown, spatial_ref(crs), GEOJSON_OPTIONS)
    ds = None
    return path


def _read_vsimem(path: str) -> str:
    handle = gdal.VSIFOpenL(path, "rb")
    try:
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        return gdal.VSIFReadL(1, size, handle).decode("utf-8")
    finally:
        gdal.VSIFCloseL(handle)


def _geojson(name: str, fields, records, crs: str) -> dict:
    path = _geojson_path(name, fields, records, crs)
    try:
        return json.loads(_read_vsimem(path))
    finally:
        gdal.Unlink(path)


def _write_flatgeobuf(target: Path, fields, records, crs: str) -> None:
    """The items as FlatGeobuf in WGS 84 with a packed Hilbert R-tree (GDAL's default), for range reads."""
    path = _geojson_path("items", fields, records, crs)
    try:
        out = gdal.VectorTranslate(str(target), path, format="FlatGeobuf", layerName="items",
                                   layerCreationOptions=["SPATIAL_INDEX=YES"])
        if out is None:
            raise ProgrammeError(tr("Could not write {}: {}").format(target, gdal.GetLastErrorMsg()))
        out = None
    finally:
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


def _missing(folder: Path, names) -> list:
    return [n for n in names if not (folder / n).is_file()]


def write_web_map(folder, unified: UnifiedMap, districts: list, programme_name: str, lang: str,
                  links: dict) -> str:
    """Write the page into *folder* (created); *links*: key -> a file name relative to the page."""
    library, reader = library_folder(), reader_folder()
    fields = [(f[0], f[1]) for f in UNIFIED_FIELDS]
    records = [r for kind in schema.GEOMETRY_KINDS for r in published(unified.items[kind], kind)]
    large = len(records) > LARGE_PROGRAMME
    missing = _missing(library, LIBRARY_FILES) + (_missing(reader, READER_FILES) if large else [])
    if missing:
        raise ProgrammeError(tr("The web map's library is missing from {} ({}): run make setup or reinstall "
                                "the plugin.").format(library.parent, ", ".join(missing)))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    district_fields = [("district_id", schema.TEXT), ("name", schema.TEXT)]
    data = page_data(unified, programme_name, lang, links)
    data["districts"] = _geojson("districts", district_fields, published(districts, "polygon"), unified.crs)
    if large:
        _write_flatgeobuf(folder / ITEMS_FILE, fields, records, unified.crs)
        data["items"] = {"count": len(records), "file": ITEMS_FILE}
        for name in READER_FILES:
            shutil.copyfile(reader / name, folder / ("flatgeobuf-LICENSE.txt" if name == "LICENSE" else name))
    else:
        data["items"] = compact_items(_geojson("items", fields, records, unified.crs), [f[0] for f in fields])
    with open(folder / "data.js", "w", encoding="utf-8") as out:
        # json.dumps, not json.dump: only the former uses the C encoder (3x faster here)
        out.write("window.{} = {};\n".format(DATA_VARIABLE, json.dumps(data, ensure_ascii=False,
                                                                          separators=(",", ":"))))
    for name in PAGE_FILES:
        shutil.copyfile(resource_path("web", name), folder / name)
    for name in LIBRARY_FILES:
        shutil.copyfile(library / name, folder / ("maplibre-gl-LICENSE.txt" if name == "LICENSE.txt" else name))
    for path in folder.iterdir():
        path.chmod(0o644)
    folder.chmod(0o755)
    return str(folder / "index.html")
