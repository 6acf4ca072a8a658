"""The print atlas reads right at every paper size: whole legend, whole columns, own-district and
non-overlapping labels, every district in the inset, round scale bars, printed page numbers, dates
and numbers in the export's language, a whole footer, no log error; paper, orientation, language
and resolution as parameters of export_programme_map."""

from __future__ import annotations

import datetime
import math
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsMapRendererSequentialJob
from qgis.PyQt.QtCore import QSizeF

from gebiedsplugin.core.export_plan import ORIENTATIONS, PAPERS, ExportRequest
from gebiedsplugin.core.unified import CATEGORIES, category_label
from gebiedsplugin.qgis_io.atlas import AtlasBuilder
from gebiedsplugin.qgis_io.atlas_legend import legend_size
from gebiedsplugin.qgis_io.data_export import DISTRICTS_TABLE, PAGES_TABLE, UNIFIED_LAYERS
from gebiedsplugin.qgis_io.export_task import prepare_export
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.unified_layers import load_unified_layers

ALG = "gebiedsplugin:export_programme_map"
SHOTS = Path(__file__).resolve().parent.parent / "artifacts"
PT_PER_MM = 72 / 25.4
DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")
PAPER_MM = {("a4", "portrait"): (210, 297), ("a4", "landscape"): (297, 210), ("a3", "portrait"): (297, 420),
            ("a3", "landscape"): (420, 297)}


def pdf_text(path, page=None, box=None) -> str:
    """The PDF's text (of one page; within *box* = x, y, w, h in mm)."""
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else [])
    if box is not None:
        args += ["-x", str(int(box[0] * PT_PER_MM)), "-y", str(int(box[1] * PT_PER_MM)),
                 "-W", str(int(box[2] * PT_PER_MM) + 1), "-H", str(int(box[3] * PT_PER_MM) + 1)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_info(path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def box_of(item) -> tuple:
    pos, size = item.positionWithUnits(), item.sizeWithUnits()
    return pos.x(), pos.y(), size.width(), size.height()


@pytest.fixture(scope="module")
def log_lines(qgis_app):
    lines = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, tag, level: lines.append(message))
    return lines


@pytest.fixture(scope="module")
def a3_export(sample_master, tmp_path_factory, log_lines):
    """The default: A3 landscape, English, the PDF only."""
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path_factory.mktemp("a3")), formats=("pdf",))
    before = len(log_lines)
    result = run_export(request)
    QgsApplication.processEvents()
    return request, result, log_lines[before:]


@pytest.fixture()
def a4_dutch(sample_master, tmp_path, provider):
    """A4 portrait in Dutch through the Processing algorithm's parameters."""
    import processing

    master, _ = sample_master
    folder = tmp_path / "a4nl"
    result = processing.run(ALG, {"PROGRAMME": str(master), "FORMATS": "pdf", "OUTPUT_FOLDER": str(folder),
                                  "PAPER_SIZE": PAPERS.index("a4"), "ORIENTATION": ORIENTATIONS.index("portrait"),
                                  "LANGUAGE": 1, "PNG_DPI": 96})
    return folder, result


def builder_for(master, tmp_path, paper="a3", orientation="landscape", lang="en"):
    request = ExportRequest(str(master), str(tmp_path), formats=("pdf",), paper=paper, orientation=orientation,
                            lang=lang)
    prepared = prepare_export(request)
    layers = load_unified_layers(prepared.gpkg, lang)
    builder = AtlasBuilder(request, layers, prepared.pages, prepared.programme_name, prepared.items)
    builder.build()
    return builder, prepared


@pytest.mark.parametrize("paper,orientation", [(p, o) for p in PAPERS for o in ORIENTATIONS])
def test_the_whole_legend_and_table_fit_every_page_size(sample_master, tmp_path, paper, orientation):
    master, _ = sample_master
    builder, prepared = builder_for(master, tmp_path, paper, orientation)
    try:
        layout = builder.layout
        page = layout.pageCollection().page(0).sizeWithUnits()
        assert (round(page.width()), round(page.height())) == PAPER_MM[(paper, orientation)]
        legend, frame = layout.itemById("legend"), layout.itemById("table_frame")
        lx, ly, lw, lh = box_of(legend)
        need = legend_size(legend)
        assert need.width() <= lw + 0.01 and need.height() <= lh + 0.01  # no row cut off
        assert lx >= 0 and lx + lw <= page.width() and ly + lh < frame.positionWithUnits().y()
        fx, fy, fw, fh = box_of(frame)
        source = layout.itemById("source").positionWithUnits().y()
        assert fx + fw <= page.width() - 9.9 and fy + fh <= source  # the table stays on the page
        # Every legend row: 3 groups (points, lines, areas) x the categories, in 3 columns.
        assert legend.model().rowCount() == 3
        assert sum(legend.model().rowCount(legend.model().index(r, 0)) for r in range(3)) == 3 * len(CATEGORIES)
    finally:
        prepared.cleanup()


def test_pdf_legend_and_kind_column_are_whole(a3_export, sample_master):
    request, result, _log = a3_export
    pdf = result.files["pdf"][0]
    # The legend's box of the A3 landscape template, read from the PDF (positions of the template).
    right = pdf_text(pdf, 1, (274, 85, 136, 200))  # the column right of the map: legend, then the table
    legend_text = right[:right.index("What")]
    for category in CATEGORIES:
        assert legend_text.count(category_label(category, "en")) == 3, category  # points, lines, areas
    # Kind column: the 30 largest items (SQL on the programme), each kind written out in full.
    master, _ = sample_master
    table_text = pdf_text(pdf, 1, (274, 140, 136, 145))
    rows = [line for line in table_text.splitlines() if ROW.search(line)]
    assert len(rows) == request.table_rows
    programme_rows = sum(1 for line in rows if "Programme project (MJP)" in line)
    with sqlite3.connect(str(master)) as db:
        def budgets(table):
            return [r[0] for kind in ("point", "line", "polygon") for r in db.execute(
                "SELECT budget FROM {}_{} WHERE budget IS NOT NULL".format(table, kind))]
        projects = budgets("programme_projects")
        amounts = budgets("interventions") + projects
    threshold = sorted(amounts, reverse=True)[request.table_rows - 1]
    assert programme_rows == sum(1 for b in projects if b >= threshold) > 0
    assert "Programme project (MJ " not in table_text and "Programme project (MJP" in table_text


# A table row's end: years, budget, then the funding gap (none for a programme project).
ROW = re.compile(r"\d{4}(–\d{4})?\s+(?P<budget>[\d,]+)(\s+(?P<gap>[\d.]+[Mk]?))?\s*$")


def _short(value: float) -> str:
    """An amount as the table's Gap column writes it in English, by hand: 1.2M, 950k, 400 (halves up)."""
    from decimal import ROUND_HALF_UP, Decimal

    def half_up(x, places="1"):
        return Decimal(repr(x)).quantize(Decimal(places), rounding=ROUND_HALF_UP)

    if value >= 999500:
        text = str(half_up(value / 1e6, "0.1"))
        return (text[:-2] if text.endswith(".0") else text) + "M"
    if value >= 999.5:
        return "{}k".format(half_up(value / 1000))
    return str(half_up(value))


def test_the_item_table_has_the_funding_gap_without_extra_pages(a3_export, sample_master):
    """Each row of the item tables ends with its budget and its funding gap (budget less the funding
    rows, from SQL; empty for programme projects), and the export has as many pages as before the
    column (12: the scale-bar test's count, measured before the change)."""
    request, result, _log = a3_export
    pdf = result.files["pdf"][0]
    master, _ = sample_master
    with sqlite3.connect(str(master)) as db:
        paid = dict(db.execute("SELECT intervention_uid, SUM(amount) FROM funding WHERE amount >= 0 "
                               "GROUP BY intervention_uid"))
        expected = set()
        for kind in ("point", "line", "polygon"):
            for uid, budget in db.execute("SELECT uid, budget FROM interventions_{} WHERE budget >= 0".format(kind)):
                expected.add(("{:,.0f}".format(budget), _short(max(budget - paid.get(uid, 0.0), 0.0))))
            for (budget,) in db.execute("SELECT budget FROM programme_projects_{} WHERE budget IS NOT NULL"
                                        .format(kind)):
                expected.add(("{:,.0f}".format(budget), None))
    table_text = pdf_text(pdf, 1, (274, 140, 136, 145))
    assert re.search(r"Budget \(€\)\s+Gap", table_text)
    assert len([line for line in table_text.splitlines() if ROW.search(line)]) == request.table_rows
    tables = [t for t in map(lambda page: pdf_text(pdf, page), range(1, result.pdf_pages + 1))
              if re.search(r"What\s+Kind\s+Where", t)]  # the atlas's pages, not the summary pages
    assert len(tables) >= result.atlas_pages
    found = [(m.group("budget"), m.group("gap")) for t in tables for m in map(ROW.search, t.splitlines()) if m]
    assert set(found) <= expected, set(found) - expected
    assert sum(1 for _b, gap in found if gap not in (None, "0")) >= 10  # the district pages' items short of money
    assert int(pdf_info(pdf)["Pages"]) == result.pdf_pages == 12


def test_district_pages_label_only_their_items_without_overlap(sample_master, tmp_path):
    master, _ = sample_master
    builder, prepared = builder_for(master, tmp_path)
    try:
        layout, atlas = builder.layout, builder.layout.atlas()
        main = layout.itemById("map")
        pages = {f["area_id"]: i for i, f in enumerate(builder.layers[PAGES_TABLE].getFeatures())}
        assert atlas.beginRender()
        checked = 0
        for i in range(atlas.count()):
            atlas.seekTo(i)
            area = layout.reportContext().feature()["area_id"]
            labels = _map_labels(main)
            unified = {builder.layers[UNIFIED_LAYERS[k]].id(): builder.layers[UNIFIED_LAYERS[k]]
                       for k in ("point", "line", "polygon")}
            own = [lab for lab in labels if lab.layerID in unified]
            assert own or area == "city", area  # items labelled (the city's scale is beyond the label scale)
            for lab in own:
                district = unified[lab.layerID].getFeature(lab.featureId)["district_id"]
                assert area in ("city", "selection") or district == area, (area, district)
            geometries = [lab.labelGeometry for lab in labels]
            for a in range(len(geometries)):
                for b in range(a + 1, len(geometries)):
                    assert geometries[a].intersection(geometries[b]).area() < 1e-6, (
                        area, labels[a].labelText, labels[b].labelText, labels[a].layerID, labels[b].layerID)
            checked += area != "city"
        atlas.endRender()
        assert checked == len(pages) - 1
    finally:
        prepared.cleanup()


def test_the_inset_names_every_district(sample_master, tmp_path):
    master, _ = sample_master
    with sqlite3.connect(str(master)) as db:
        names = {r[0] for r in db.execute("SELECT name FROM districts WHERE district_id <> 'city'")}
    builder, prepared = builder_for(master, tmp_path)
    try:
        overview = builder.layout.itemById("overview")
        shown = set()  # names placed from the inset's own copy of the districts layer
        for lab in _map_labels(overview):
            layer = builder.project.mapLayer(lab.layerID)
            shown.add(layer.getFeature(lab.featureId)["name"])
        assert shown == names and len(names) == 5
        assert builder.layers[DISTRICTS_TABLE].id() not in [lyr.id() for lyr in overview.layers()]
    finally:
        prepared.cleanup()


def _map_labels(item) -> list:
    """The labels QGIS places when it renders layout map *item* as exported (at 150 dpi)."""
    size = item.sizeWithUnits()
    pixels = QSizeF(int(size.width() / 25.4 * 150), int(size.height() / 25.4 * 150))
    settings = item.mapSettings(item.extent(), pixels, 150, True)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return [lab for lab in job.takeLabelingResults().allLabels() if not lab.isUnplaced]  # the drawn ones


def test_scale_bars_have_round_segments_and_pages_their_printed_number(a3_export):
    _request, result, log = a3_export
    pdf = result.files["pdf"][0]
    total = int(pdf_info(pdf)["Pages"])
    assert total == result.pdf_pages == 12
    bars = 0
    for page in range(1, total + 1):
        text = pdf_text(pdf, page)
        assert re.search(r"\bPage {} of {}\b".format(page, total), text), page  # not "Map page 1 of 6"
        for match in re.finditer(r"^\s*0\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+) km", text, re.M):
            step = float(match.group(1))
            assert [float(v) for v in match.groups()] == pytest.approx([step * k for k in (1, 2, 3, 4)])
            mantissa = step / 10 ** math.floor(math.log10(step))
            assert round(mantissa, 6) in (1.0, 2.0, 5.0), step
            bars += 1
    assert bars == result.atlas_pages
    assert not [line for line in log if "evaluation error" in line]  # "No feature available for field 'page'"


def test_dutch_a4_portrait_dates_numbers_footer_and_names(a4_dutch):
    folder, result = a4_dutch
    pdf = Path(result["PDF"])
    assert pdf.name == "programmakaart_stad.pdf"  # file names in the export's language
    info = pdf_info(pdf)
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width / PT_PER_MM), round(height / PT_PER_MM)) == (210, 297)
    first = pdf_text(pdf, 1)
    today = datetime.date.today()
    assert "Afgedrukt op {} {} {}".format(today.day, DUTCH_MONTHS[today.month - 1], today.year) in first
    assert re.search(r"Budget: € \d{1,3}(\.\d{3})+\b", first)  # thousands with a point
    assert not re.search(r"€ \d{1,3},\d{3}\b", first)  # not the English comma
    assert "Fysiek · Interventie" in first and "Legenda" in first and "Punten" in first  # legend in Dutch
    flat = " ".join(first.split())
    assert re.search(r"Bron: programma \S+ \(gebiedsplugin\)\..*op één kaart\.", flat)  # the footer whole
    assert re.search(r"\bPagina 1 van {}\b".format(info["Pages"].strip()), flat)  # printed pages, in Dutch


def test_algorithm_and_dock_take_paper_orientation_language_and_dpi(plugin):
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    for name in ("PAPER_SIZE", "ORIENTATION", "LANGUAGE", "PNG_DPI"):
        assert alg.parameterDefinition(name) is not None, name
    assert alg.parameterDefinition("PNG_DPI").defaultValue() == 150
    assert alg.parameterDefinition("PAPER_SIZE").options() == ["A4", "A3"]
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_export_dock")
    assert (dock.request().paper, dock.request().orientation) == ("a3", "landscape")
    dock.paper.setCurrentIndex(dock.paper.findData("a4"))
    dock.orientation.setCurrentIndex(dock.orientation.findData("portrait"))
    assert (dock.request().paper, dock.request().orientation) == ("a4", "portrait")


def test_the_districts_legend_speaks_the_ui_language(sample_gpkg):
    from qgis.core import QgsProject

    from gebiedsplugin.qgis_io.loader import load_programme
    from gebiedsplugin.qgis_io.store.open import open_store

    path, _ = sample_gpkg
    project = QgsProject()
    layers = load_programme(open_store(str(path)), project, lang="nl")
    labels = {c.value(): c.label() for c in layers["districts"].renderer().categories()}
    assert labels == {"district": "Stadsdeel", "city": "Hele stad"}  # was "District" and "City"


def test_the_municipality_is_not_listed_as_a_district(sample_master):
    from gebiedsplugin.core.aggregations import prepare
    from gebiedsplugin.qgis_io import overview_tables
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    master, _ = sample_master
    with sqlite3.connect(str(master)) as db:
        municipality = db.execute("SELECT name FROM districts WHERE district_id = 'city'").fetchone()[0]
    ov = prepare(GpkgStore.open(master).read_programme())
    rows = overview_tables.coverage_table(ov, "city", None, None, "en").rows
    assert rows and municipality not in {row[0] for row in rows}
    assert overview_tables.district_label(ov, "city") == "Whole city"
    assert overview_tables.district_label(ov, "noord") == "Noord"


def test_a4_portrait_summary_keeps_every_row(a4_dutch):
    """The city's summary page on A4 portrait: the stacking table shows all the rows its note
    announces (a row that does not fit its frame would vanish without a trace)."""
    _folder, result = a4_dutch
    pdf = Path(result["PDF"])
    pages = int(pdf_info(pdf)["Pages"])
    text = next(t for t in (pdf_text(pdf, p) for p in range(1, pages + 1)) if "Stapeling" in t or "Stacking" in t)
    first, last = (int(y) for y in re.search(r"(20\d\d)–(20\d\d)", text).groups())
    announced = int(re.search(r"(\d+) (drukste|busiest)", text).group(1))
    years = last - first + 1
    heading = [str(y) for y in range(first, last + 1)]
    row = re.compile(r"\s*[A-Z][\w' -]+?(\s+\d+){" + str(years) + r"}\s*")  # a name, then a count per year
    rows = [line for line in text.splitlines() if row.fullmatch(line) and re.findall(r"\d+", line) != heading]
    assert len(rows) == announced == 12
