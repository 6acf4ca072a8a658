"""The web map's texts in the export's language (English, Dutch), like the atlas's legend labels.

The page is written in the language of the export (ExportRequest.lang), not of the QGIS session
that writes it, so its texts are pairs here rather than tr() calls; field and code labels come from
core/export_schema.py and core/schema.py.
"""

from __future__ import annotations

from gebiedsplugin.core import funding_gap, schema
from gebiedsplugin.core.export_schema import CATEGORIES, EXPORT_FIELDS, PROGRAMME_KIND
from gebiedsplugin.core.unified import category_label

TEXTS = {
    "title": ("Programme map", "Programmakaart"),
    "year": ("Year", "Jaar"),
    "all_years": ("All years", "Alle jaren"),
    "period": ("Period", "Periode"),
    "from": ("from", "van"),
    "to": ("to", "tot en met"),
    "all": ("All", "Alle"),
    "funding": ("Funding", "Financiering"),
    "funded": ("Funded", "Gefinancierd"),
    "unfunded": ("Unfunded", "Niet gefinancierd"),
    "in_view": ("Items in view", "Items in beeld"),
    "items": ("items", "items"),
    "total": ("Total", "Totaal"),
    "legend": ("Legend", "Legenda"),
    "downloads": ("Data", "Gegevens"),
    "download_csv": ("Items as CSV", "Items als CSV"),
    "download_gpkg": ("GeoPackage", "GeoPackage"),
    "download_schema": ("Field descriptions (JSON)", "Veldbeschrijving (JSON)"),
    "years": ("Years", "Jaren"),
    "reset": ("Reset filters", "Filters wissen"),
    "more": ("… and {} more", "… en nog {}"),
    "none": ("No items match.", "Geen items gevonden."),
    "district_col": ("District", "Stadsdeel"),
    "count_col": ("Items", "Items"),
    "money_col": ("Budget", "Budget"),
    "city_wide": ("Whole city", "Hele stad"),
    "contact": ("Contact", "Contactpersoon"),  # until the export schema names the field
    "loading": ("Loading items: {} of {} …", "Items laden: {} van {} …"),
    "needs_server": ("This programme has {} items: too many to put in a page opened from disk. They are in {} "
                     "beside this page (FlatGeobuf, which QGIS also opens). Publish this folder on a web server "
                     "(any static host; on this computer for instance: python3 -m http.server, in this folder) "
                     "and open the page from there to see them on the map.",
                     "Dit programma heeft {} items: te veel voor een pagina die van schijf wordt geopend. Ze staan "
                     "in {} naast deze pagina (FlatGeobuf, dat QGIS ook opent). Zet deze map op een webserver "
                     "(elke statische host; op deze computer bijvoorbeeld: python3 -m http.server, in deze map) en "
                     "open de pagina daar om ze op de kaart te zien."),
    "load_failed": ("Could not read {} from the web server.", "Kon {} niet van de webserver lezen."),
}
LISTS = ("domain", "kind", "theme", "status", "funder")


def page_texts(lang: str) -> dict:
    """Texts, field aliases and code labels for the page, in *lang* ('nl' or 'en')."""
    i = 1 if lang == "nl" else 0
    labels = {name: {code: schema.label(name, code, lang) for code in schema.value_codes(name)} for name in LISTS}
    labels["kind"][PROGRAMME_KIND] = "Programma (MJP)" if lang == "nl" else "Programme (MJP)"
    labels["category"] = {c: category_label(c, lang) for c in CATEGORIES}
    labels["funding_status"] = {c: funding_gap.label(c, lang) for c in funding_gap.STATUSES}
    return {
        "lang": "nl" if lang == "nl" else "en",
        "texts": {key: pair[i] for key, pair in TEXTS.items()},
        "fields": {f.name: f.alias_nl if i else f.alias_en for f in EXPORT_FIELDS},
        "labels": labels,
    }
