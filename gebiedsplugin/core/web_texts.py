"""The web map's texts in the export's language (English, Dutch), like the atlas's legend labels.

The page is written in the language of the export (ExportRequest.lang), not of the QGIS session
that writes it, so its texts are marked here (core/texts.py) and looked up per call rather than
tr() calls; field and code labels come from core/export_schema.py and core/schema.py.
"""

from __future__ import annotations

from gebiedsplugin.core import funding_gap
from gebiedsplugin.core.export_schema import CATEGORIES, EXPORT_FIELDS, PROGRAMME_KIND
from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, tr_in
from gebiedsplugin.core.unified import category_label
from gebiedsplugin.core.value_lists import label, value_codes

TEXTS = {
    "title": QT_TRANSLATE_NOOP("web", "Programme map"),
    "year": QT_TRANSLATE_NOOP("web", "Year"),
    "all_years": QT_TRANSLATE_NOOP("web", "All years"),
    "period": QT_TRANSLATE_NOOP("web", "Period"),
    "from": QT_TRANSLATE_NOOP("web", "from"),
    "to": QT_TRANSLATE_NOOP("web", "to"),
    "all": QT_TRANSLATE_NOOP("web", "All"),
    "funding": QT_TRANSLATE_NOOP("web", "Funding"),
    "funded": QT_TRANSLATE_NOOP("web", "Funded"),
    "unfunded": QT_TRANSLATE_NOOP("web", "Unfunded"),
    "in_view": QT_TRANSLATE_NOOP("web", "Items in view"),
    "items": QT_TRANSLATE_NOOP("web", "items"),
    "total": QT_TRANSLATE_NOOP("web", "Total"),
    "legend": QT_TRANSLATE_NOOP("web", "Legend"),
    "downloads": QT_TRANSLATE_NOOP("web", "Data"),
    "download_csv": QT_TRANSLATE_NOOP("web", "Items as CSV"),
    "download_gpkg": QT_TRANSLATE_NOOP("web", "GeoPackage"),
    "download_schema": QT_TRANSLATE_NOOP("web", "Field descriptions (JSON)"),
    "years": QT_TRANSLATE_NOOP("web", "Years"),
    "reset": QT_TRANSLATE_NOOP("web", "Reset filters"),
    "more": QT_TRANSLATE_NOOP("web", "… and {} more"),
    "none": QT_TRANSLATE_NOOP("web", "No items match."),
    "district_col": QT_TRANSLATE_NOOP("web", "District"),
    "count_col": QT_TRANSLATE_NOOP("web", "Items"),
    "money_col": QT_TRANSLATE_NOOP("web", "Budget"),
    "city_wide": QT_TRANSLATE_NOOP("web", "Whole city"),
    "contact": QT_TRANSLATE_NOOP("web", "Contact"),  # until the export schema names the field
    "loading": QT_TRANSLATE_NOOP("web", "Loading items: {} of {} …"),
    "needs_server": QT_TRANSLATE_NOOP("web", "This programme has {} items: too many to put in a page opened from "
                                             "disk. They are in {} beside this page (FlatGeobuf, which QGIS also "
                                             "opens). Publish this folder on a web server (any static host; on "
                                             "this computer for instance: python3 -m http.server, in this folder) "
                                             "and open the page from there to see them on the map."),
    "load_failed": QT_TRANSLATE_NOOP("web", "Could not read {} from the web server."),
}
PROGRAMME_LABEL = QT_TRANSLATE_NOOP("web", "Programme (MJP)")  # the kind of programme projects
LISTS = ("domain", "kind", "theme", "status", "funder")


def page_texts(lang: str) -> dict:
    """Texts, field aliases and code labels for the page, in *lang* ('en', 'nl', ...)."""
    labels = {name: {code: label(name, code, lang) for code in value_codes(name)} for name in LISTS}
    labels["kind"][PROGRAMME_KIND] = tr_in(lang, PROGRAMME_LABEL)
    labels["category"] = {c: category_label(c, lang) for c in CATEGORIES}
    labels["funding_status"] = {c: funding_gap.label(c, lang) for c in funding_gap.STATUSES}
    return {
        "lang": lang,
        "texts": {key: tr_in(lang, text) for key, text in TEXTS.items()},
        "fields": {f.name: f.alias_in(lang) for f in EXPORT_FIELDS},
        "labels": labels,
    }
