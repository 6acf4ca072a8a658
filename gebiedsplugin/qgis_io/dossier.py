"""The district dossier: per district a PDF (``dossier_layout``) and a spreadsheet (ODS, one sheet per
section, or CSV with the sections one after the other).

Two steps, with a question between them (replace existing files?): ``prepare_dossiers`` reads the
programme and the findings register and builds every district's content and map geometries;
``write_dossiers`` lays out and writes the files on layouts of their own. Neither touches a layer of
the user's project or iface: both run in QgsTasks from the dock (dossier_task.py), off the main
thread. What is in a dossier is ``core.dossier``'s.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import shapely

from gebiedsplugin.core import dossier as content
from gebiedsplugin.core import dossier_texts, schema
from gebiedsplugin.core.aggregations import prepare
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.release import collection_paused, free_gradually
from gebiedsplugin.core.rules import RULES, Cancelled
from gebiedsplugin.qgis_io.dossier_messages import messages_in
from gebiedsplugin.qgis_io.ods import INTEGER, REAL, TEXT, write_ods
from gebiedsplugin.toolbelt.csv_cells import safe_cell
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.rule_texts import rule_texts

TABLE_FORMATS = ("ods", "csv")
PREFIX = "dossier_"


@dataclass
class MapData:
    """What the dossier's map draws: plain shapely geometries, built in the worker."""

    crs: str
    name: str
    district: object = None
    neighbourhoods: list = field(default_factory=list)
    items: list = field(default_factory=list)  # (geometry, funding status)
    extent: Optional[tuple] = None  # xmin, ymin, xmax, ymax of the district and its items


@dataclass
class Prepared:
    dossier: content.Dossier
    map: MapData


def dossier_districts(ov, requested: str) -> list:
    """The districts asked for (comma-separated ids), every district when empty; refuses unknown ids."""
    ids = [p.strip() for p in (requested or "").split(",") if p.strip()]
    if not ids:
        return ov.districts()
    unknown = [d for d in ids if d not in ov.district_names or d == schema.CITY_ID]
    if unknown:
        known = ", ".join(ov.districts())
        raise ProgrammeError(tr("Unknown districts: {} (known: {}).").format(", ".join(unknown), known))
    return list(dict.fromkeys(ids))


def file_stem(district_id: str) -> str:
    """dossier_<district id>, with anything but letters, digits, - and _ as _."""
    return PREFIX + re.sub(r"[^A-Za-z0-9_-]", "_", district_id)


def prepare_dossiers(store, districts: str = "", lang: str = "en", progress: Optional[Callable] = None,
                     cancelled: Optional[Callable] = None, progress_rows=None,
                     made: Optional[datetime.date] = None) -> list:
    """Prepared dossiers of the districts asked for (all when empty). Worker-thread safe.

    *progress_rows*: the measured indicator values for the effects section (default: the programme's
    effect_measurements).

    The collector is held off while the programme is read and the content built, and what is kept
    (the prepared dossiers) is put out of its sight: in the task's thread, its full passes over the
    programme held Python's lock, and so the QGIS window, 100-270 ms each (10,000 items). The programme
    is freed a slice at a time at the end, not in one step as the function returns."""
    with collection_paused(keep=True):
        programme = store.read_programme()
        try:
            return _prepare(programme, store, districts, lang, progress, cancelled, progress_rows, made)
        finally:
            free_gradually(programme.interventions, programme.projects, programme.funding, programme.links,
                           programme.neighbourhoods, programme.effect_measurements)


def _prepare(programme, store, districts, lang, progress, cancelled, progress_rows, made) -> list:
    if progress_rows is None:
        progress_rows = list(programme.effect_measurements)
    findings = store.findings_register().rows()
    ov = prepare(programme)
    chosen = dossier_districts(ov, districts)
    wanted = set(chosen)
    try:
        findings = messages_in(programme, [f for f in findings if f.get("district_id") in wanted], lang, cancelled)
    except Cancelled:
        raise ProgrammeError(tr("Cancelled.")) from None
    texts = rule_texts(lang)
    titles = {rid: texts.title(info) for rid, info in RULES.items()}
    codes = {f.get("uid"): f.get("programme_code") for f in programme.interventions}
    geoms = {f.get("uid"): f.geometry for f in programme.interventions}
    name = getattr(store, "name", None)
    name = name() if callable(name) else (name or "")
    out = []
    for k, district_id in enumerate(chosen):
        if cancelled is not None and cancelled():
            raise ProgrammeError(tr("Cancelled."))
        d = content.build_dossier(ov, district_id, findings, titles, lang, codes, name, made, progress_rows)
        out.append(Prepared(d, _map_data(programme, ov, district_id, d.uids, geoms)))
        if progress is not None:
            progress(100.0 * (k + 1) / len(chosen))
    return out


def _map_data(programme, ov, district_id: str, uids: list, geoms: dict) -> MapData:
    district = next((f.geometry for f in programme.districts if f.get("district_id") == district_id), None)
    hoods = [f.geometry for f in programme.neighbourhoods if f.get("district_id") == district_id and f.geometry]
    items = [(geoms.get(u), ov.gaps[u].status if u in ov.gaps else None) for u in uids if geoms.get(u) is not None]
    shapes = [g for g in [district] + [g for g, _ in items] if g is not None and not shapely.is_empty(g)]
    extent = tuple(shapely.total_bounds(shapes)) if shapes else None
    return MapData(programme.crs, ov.name(district_id), district, hoods, items, extent)


def planned_files(prepared: list, folder: str, table_format: str) -> list:
    """(pdf, table) paths per prepared dossier."""
    base = Path(folder)
    return [(str(base / (file_stem(p.dossier.district_id) + ".pdf")),
             str(base / (file_stem(p.dossier.district_id) + "." + table_format))) for p in prepared]


def write_dossiers(prepared: list, folder: str, table_format: str = "ods", overwrite: bool = False,
                   feedback=None, on_step: Optional[Callable[[float], None]] = None) -> list:
    """Write a PDF and a table file per prepared dossier into *folder*; the paths. Any thread: each
    layout is made on a project of its own (dossier_task.DossierWriteTask runs this off the main
    thread). Nothing is written when a file exists and *overwrite* is off. *on_step(share)*: 0.5
    when one dossier's layout is built, 1.0 when its files are written."""
    from gebiedsplugin.qgis_io.dossier_layout import DossierLayout  # layouts: only where they are drawn

    table_format = (table_format or "ods").lower().lstrip(".")
    if table_format not in TABLE_FORMATS:
        raise ProgrammeError(tr("Unknown table format: {} (choose from {}).").format(table_format,
                                                                                     ", ".join(TABLE_FORMATS)))
    if not Path(folder).is_dir():
        raise ProgrammeError(tr("The folder {} does not exist.").format(folder))
    paths = planned_files(prepared, folder, table_format)
    if not overwrite:
        existing = [p for pair in paths for p in pair if Path(p).exists()]
        if existing:
            raise ProgrammeError(tr("{} already exists.").format(existing[0]))
    written = []
    for k, (p, (pdf, table)) in enumerate(zip(prepared, paths)):
        if feedback is not None:
            if feedback.isCanceled():
                raise ProgrammeError(tr("Cancelled."))
            feedback.setProgress(100.0 * k / max(len(prepared), 1))
        layout = DossierLayout(p.dossier, p.map)
        if on_step is not None:
            on_step(0.5)
        layout.export(pdf, overwrite)
        write_table(p.dossier, table, overwrite)
        written += [pdf, table]
        if on_step is not None:
            on_step(1.0)
    if feedback is not None:
        feedback.setProgress(100.0)
    return written


# --- the spreadsheet ---------------------------------------------------------------------------------
def write_table(dossier: content.Dossier, path: str, overwrite: bool = False) -> str:
    """The dossier's sections as an ODS (a sheet each) or one CSV (titled blocks), by the extension."""
    with atomic_path(path, overwrite) as tmp:
        if path.lower().endswith(".csv"):
            _write_csv(dossier, tmp)
        else:
            write_ods(tmp, [_sheet(section) for section in dossier.sections])
    return path


def _write_csv(dossier: content.Dossier, path: str) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow([safe_cell(dossier_texts.text("title", dossier.lang)), safe_cell(dossier.name),
                         safe_cell(dossier.district_id)])
        for section in dossier.sections:
            writer.writerow([])
            writer.writerow([safe_cell(section.title)])
            writer.writerow([safe_cell(h) for h in section.headers])
            writer.writerows([safe_cell(v) for v in row] for row in section.rows)


_KIND = {content.MONEY: REAL, content.NUMBER: REAL, content.YEAR: INTEGER, content.TEXT: TEXT}


def _sheet(section: content.Section) -> tuple:
    """(title, typed columns, rows) of one section; counts are whole numbers: integers in the sheet."""
    kinds = [_KIND[c.kind] for c in section.columns]
    for i, c in enumerate(section.columns):
        if c.kind == content.NUMBER and section.rows and all(isinstance(r[i], int) for r in section.rows):
            kinds[i] = INTEGER
    return section.title, [(c.header, kind) for c, kind in zip(section.columns, kinds)], section.rows
