"""What an export of the unified programme map writes, and where (pure Python).

The dock and the Processing algorithm both fill an ExportRequest; target_files() names every file
before anything is written, so an existing file is found (and refused) before work starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, tr_in
from gebiedsplugin.core.unified import Scope

FORMATS = ("gpkg", "pdf", "png", "geojson", "csv", "web")
DEFAULT_FORMATS = ("gpkg", "pdf", "png", "geojson", "csv")
DATA_FORMATS = ("gpkg", "geojson", "csv", "web")  # formats that carry the export schema's fields
SCHEMA_SUFFIX = "_schema.json"  # the export schema (core/export_schema.py) beside the data
WEB_SUFFIX = "_web"  # the web map's folder: <stem>_web/index.html
PAPERS = ("a4", "a3")  # paper sizes of the plugin's atlas templates
ORIENTATIONS = ("portrait", "landscape")
FILE_WORDS = {  # words of the file names, in the export's language (keep them fit for a file name)
    "programme_map": QT_TRANSLATE_NOOP("export_files", "programme_map"),
    "city": QT_TRANSLATE_NOOP("export_files", "city"),
}


def parse_formats(value) -> tuple:
    """Formats from 'pdf,gpkg' / ['pdf', 'gpkg'] / enum indexes [1, 0]; ValueError names unknown ones."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = [p.strip().lower().lstrip(".") for p in re.split(r"[,;\s]+", value) if p.strip()]
    else:
        parts = [FORMATS[int(v)] if isinstance(v, int) or str(v).isdigit() else str(v).strip().lower()
                 for v in value]
    unknown = [p for p in parts if p not in FORMATS]
    if unknown:
        raise ValueError(", ".join(unknown))
    return tuple(f for f in FORMATS if f in parts)


@dataclass
class ExportRequest:
    """One export: which programme, which part of it, which files, where."""

    programme: str
    folder: str
    scope: Scope = field(default_factory=Scope)
    formats: tuple = DEFAULT_FORMATS
    per_year: bool = False
    template: Optional[str] = None  # None: the plugin's resources/layouts/programme_atlas.qpt
    summary_pages: bool = True  # a district summary page after the city's and each district's atlas page
    summary_template: Optional[str] = None  # None: the plugin's resources/layouts/district_summary.qpt
    overwrite: bool = False
    lang: str = "en"
    table_rows: int = 30  # rows of the item table per page (largest budgets first); more continue on pages
    png_dpi: int = 150
    base_name: str = ""
    paper: str = "a3"  # of the plugin's templates (PAPERS); a template of one's own has its own size
    orientation: str = "landscape"  # ORIENTATIONS

    def word(self, word: str) -> str:
        """*word* of the file names (programme_map, city) in the export's language."""
        return tr_in(self.lang, FILE_WORDS[word]) if word in FILE_WORDS else word

    @property
    def stem(self) -> str:
        """File name stem, e.g. programme_map_city or programme_map_noord-oost_2025-2028 (in Dutch
        programmakaart_stad)."""
        if self.base_name:
            return self.base_name
        scope = self.word("city") if self.scope.is_city else "-".join(self.scope.district_ids)
        scope = re.sub(r"[^A-Za-z0-9_-]+", "_", scope)[:60]
        stem = self.word("programme_map") + "_" + scope
        if self.scope.year_from is not None or self.scope.year_to is not None:
            stem += "_{}-{}".format(self.scope.year_from or "", self.scope.year_to or "")
        return stem

    def path(self, suffix: str) -> Path:
        return Path(self.folder) / (self.stem + suffix)

    def target_files(self) -> dict:
        """format -> list of paths the export writes (PNG pages as a glob pattern)."""
        out: dict = {}
        if "gpkg" in self.formats:
            out["gpkg"] = [self.path(".gpkg")]
        if "pdf" in self.formats:
            out["pdf"] = [self.path(".pdf")]
        if "png" in self.formats:
            out["png"] = [self.path("_p*.png")]
        if "geojson" in self.formats:
            out["geojson"] = [self.path(".geojson")]
        if "csv" in self.formats:
            out["csv"] = [self.path("_items.csv"), self.path("_summary.csv")]
        if "web" in self.formats:
            out["web"] = [self.path(WEB_SUFFIX)]
        if set(DATA_FORMATS) & set(self.formats):
            out["schema"] = [self.path(SCHEMA_SUFFIX)]
        return out

    def existing_files(self) -> list:
        """Target files that exist already (PNG pages by pattern)."""
        found = []
        for paths in self.target_files().values():
            for p in paths:
                if "*" in p.name:
                    found.extend(sorted(p.parent.glob(p.name)) if p.parent.is_dir() else [])
                elif p.exists():
                    found.append(p)
        return found

    def web_links(self) -> dict:
        """The files the web map links to, relative to its index.html (only those exported)."""
        suffixes = {"csv": "_items.csv", "gpkg": ".gpkg", "schema": SCHEMA_SUFFIX}
        return {key: "../" + self.path(suffixes[key]).name for key in suffixes if key in self.target_files()}

    def png_path(self, page: int, area: str = "") -> Path:
        """The PNG of page *page*, named with the page's area (district id or city) when given."""
        area = self.word("city") if area == "city" else area
        area = re.sub(r"[^A-Za-z0-9_-]+", "_", str(area))[:40].strip("_")
        return self.path("_p{:02d}{}.png".format(page, "_" + area if area else ""))
