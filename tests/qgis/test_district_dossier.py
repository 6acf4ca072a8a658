"""gebiedsplugin:district_dossier on Voorbeeldstad: the spreadsheet's content, the PDF's text and its
page breaks, and every district in one run. Expected values come from SQL on the GeoPackage (counts,
money per theme, the unfunded sum, findings per rule and decision), not from the plugin's code."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException

from gebiedsplugin.core.rules import RULES
from gebiedsplugin.qgis_io.store.findings import FindingsRegister
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.rule_texts import rule_texts

ALG = "gebiedsplugin:district_dossier"
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "shots" / "dossier"
DISTRICT = "noord"  # 106 interventions: the table runs over several pages

ITEMS_SQL = """
WITH i AS (SELECT uid, title, budget, status, district_id, theme, domain, kind FROM interventions_point
           UNION ALL SELECT uid, title, budget, status, district_id, theme, domain, kind FROM interventions_line
           UNION ALL SELECT uid, title, budget, status, district_id, theme, domain, kind FROM interventions_polygon),
     f AS (SELECT intervention_uid AS uid, SUM(amount) AS paid FROM funding WHERE amount >= 0
           GROUP BY intervention_uid)
SELECT i.*, COALESCE(f.paid, 0) AS paid FROM i LEFT JOIN f ON f.uid = i.uid WHERE i.district_id = ?
"""


def sql_items(path, district) -> list:
    with sqlite3.connect(str(path)) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute(ITEMS_SQL, (district,))]


def sql_findings(path, district) -> dict:
    """rule -> {status: count} of the register's rows of the district."""
    out: dict = {}
    with sqlite3.connect(str(path)) as db:
        for rule, status, n in db.execute("SELECT rule, status, COUNT(*) FROM findings WHERE district_id = ? "
                                          "GROUP BY rule, status", (district,)):
            out.setdefault(rule, {})[status] = n
    return out


def sheets(path) -> dict:
    """sheet name -> list of row dicts (header row forced)."""
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=["HEADERS=FORCE"])
    out = {}
    for k in range(ds.GetLayerCount()):
        layer = ds.GetLayer(k)
        out[layer.GetName()] = [f.items() for f in layer]
    return out


def pdf_text(path, first=None, last=None) -> str:
    args = ["pdftotext"] + (["-f", str(first), "-l", str(last)] if first else []) + [str(path), "-"]
    text = unicodedata.normalize("NFKC", subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    return " ".join(text.split())


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture()
def checked(provider, sample_gpkg):
    """Voorbeeldstad after a check, with two decisions in the district: a chance combined, another accepted."""
    import processing

    path, _ = sample_gpkg
    processing.run("gebiedsplugin:check_programme", {"PROGRAMME": str(path)})
    register = FindingsRegister(GpkgStore.open(path))
    rows = [r for r in register.rows() if r["district_id"] == DISTRICT]
    chance = next(r for r in rows if r["rule"] == "combination_chance")
    other = next(r for r in rows if r["severity"] in ("warning", "info") and r["rule"] != "combination_chance")
    register.decide([chance["finding_id"]], "combine", "one dig", "tester")
    register.decide([other["finding_id"]], "accepted", "known", "tester")
    return path


def money_nl(value) -> str:
    return "€ " + "{:,.0f}".format(value).replace(",", ".")


def test_dossier_of_one_district_against_sql(checked, tmp_path):
    import processing

    out = tmp_path / "nl"
    out.mkdir()
    result = processing.run(ALG, {"PROGRAMME": str(checked), "DISTRICT": DISTRICT, "OUTPUT_FOLDER": str(out),
                                  "LANGUAGE": "nl"})
    assert result["DOSSIERS"] == 1
    assert sorted(p.name for p in out.iterdir()) == ["dossier_noord.ods", "dossier_noord.pdf"]
    items = sql_items(checked, DISTRICT)
    active = [i for i in items if i["status"] != "cancelled"]
    assert len(items) > 60

    book = sheets(out / "dossier_noord.ods")
    listed = book["Interventies"]
    assert sorted(r["Titel"] for r in listed) == sorted(i["title"] for i in items)
    # budget and shortfall per intervention, as numbers (titles repeat: compared as a multiset)
    assert sorted((r["Titel"], round(r["Budget"], 2), round(r["Tekort"], 2)) for r in listed) == sorted(
        (i["title"], round(i["budget"], 2), round(max(i["budget"] - i["paid"], 0.0), 2)) for i in items)

    themes: dict = {}
    for i in active:
        t = themes.setdefault(i["theme"], [0, 0.0])
        t[0] += 1
        t[1] += i["budget"]
    from gebiedsplugin.core.value_lists import label
    per_theme = {r["Thema"]: r for r in book["Per thema"]}
    assert set(per_theme) == {label("theme", t, "nl") for t in themes} | {"Totaal"}
    for theme, (count, budget) in themes.items():
        row = per_theme[label("theme", theme, "nl")]
        assert (row["Aantal"], row["Budget"]) == (count, pytest.approx(budget))
    per_domain = {r["Domein"]: r["Aantal"] for r in book["Per domein"]}
    for domain in {i["domain"] for i in active}:
        assert per_domain[label("domain", domain, "nl")] == sum(1 for i in active if i["domain"] == domain)

    unfunded = sum(max(i["budget"] - i["paid"], 0.0) for i in active)
    status = {r["Financiering"]: r for r in book["Financieringsstatus"]}
    assert status["Totaal"]["Tekort"] == pytest.approx(unfunded, abs=0.01)
    assert status["Niet gefinancierd"]["Aantal"] == sum(1 for i in active if i["budget"] > 1 and i["paid"] <= 1)

    expected = sql_findings(checked, DISTRICT)
    assert expected["combination_chance"].get("combine") == 1
    per_rule = {r["Regel"]: r for r in book["Bevindingen per regel"]}
    for rule, statuses in expected.items():
        row = per_rule[rule_texts("nl").title(RULES[rule])]
        assert row["Totaal"] == sum(statuses.values())
        assert row["Open"] == statuses.get("open", 0)
        assert row["Combineren"] == statuses.get("combine", 0)
        assert row["Geaccepteerd"] == statuses.get("accepted", 0)
    listed_findings = book["Bevindingen van de programmatoets"]
    assert len(listed_findings) == sum(sum(s.values()) for s in expected.values())
    assert {r["Besluit"] for r in listed_findings} >= {"Combineren", "Geaccepteerd", "Open"}
    # who decided and when, the date in Dutch (from the register's decided_at)
    with sqlite3.connect(str(checked)) as db:
        decided = db.execute("SELECT decided_at FROM findings WHERE status = 'combine'").fetchone()[0]
    year, month, day = (int(p) for p in decided[:10].split("-"))
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    when = "tester, {} {} {}".format(day, months[month - 1], year)
    assert next(r for r in listed_findings if r["Besluit"] == "Combineren")["Besloten door, op"] == when
    assert all(not r["Besloten door, op"] for r in listed_findings if r["Besluit"] == "Open")

    pdf = out / "dossier_noord.pdf"
    text = pdf_text(pdf)
    for i in items:
        assert " ".join(i["title"].split()) in text, i["title"]
    assert money_nl(sum(i["budget"] for i in active)) in text  # the summary, in Dutch format
    assert money_nl(unfunded) in text
    assert when in text
    # The interventions table breaks over pages: every title is on exactly one page, and the table
    # uses more than one page (rows not dropped at the break).
    pages = pdf_pages(pdf)
    where: dict = {}
    for page in range(1, pages + 1):
        page_text = pdf_text(pdf, page, page)
        for i in items:
            if " ".join(i["title"].split()) in page_text:
                where.setdefault(i["title"], set()).add(page)
    table_pages = {min(p) for p in where.values()}
    assert len(table_pages) >= 2 and len(where) == len({i["title"] for i in items})
    _shots(pdf, "nl", min(table_pages) + 1)


def test_every_district_in_one_run_english_csv(checked, tmp_path):
    import processing

    with sqlite3.connect(str(checked)) as db:
        districts = sorted(r[0] for r in db.execute("SELECT district_id FROM districts WHERE district_id != 'city'"))
    out = tmp_path / "en"
    out.mkdir()
    result = processing.run(ALG, {"PROGRAMME": str(checked), "OUTPUT_FOLDER": str(out), "LANGUAGE": "en",
                                  "TABLE_FORMAT": "csv"})
    assert result["DOSSIERS"] == len(districts)
    expected = sorted(n for d in districts for n in ("dossier_{}.csv".format(d), "dossier_{}.pdf".format(d)))
    assert sorted(p.name for p in out.iterdir()) == expected
    for d in districts:
        items = sql_items(checked, d)
        text = pdf_text(out / "dossier_{}.pdf".format(d))
        assert all(" ".join(i["title"].split()) in text for i in items), d
        active = [i for i in items if i["status"] != "cancelled"]
        assert "€ {:,.0f}".format(sum(i["budget"] for i in active)) in text  # English format
        csv_text = (out / "dossier_{}.csv".format(d)).read_text(encoding="utf-8-sig")
        assert all(i["title"] in csv_text for i in items)
    _shots(out / "dossier_{}.pdf".format(DISTRICT), "en", 3)

    # Not overwritten unless asked: nothing is replaced
    before = (out / "dossier_oost.pdf").stat().st_mtime_ns
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run(ALG, {"PROGRAMME": str(checked), "DISTRICT": "oost", "OUTPUT_FOLDER": str(out),
                             "LANGUAGE": "en", "TABLE_FORMAT": "csv"})
    assert (out / "dossier_oost.pdf").stat().st_mtime_ns == before
    with pytest.raises(QgsProcessingException, match="nowhere"):
        processing.run(ALG, {"PROGRAMME": str(checked), "DISTRICT": "nowhere", "OUTPUT_FOLDER": str(out)})


def _shots(pdf: Path, lang: str, table_page: int) -> None:
    """Page 1 and a page where the interventions table continues, for looking at."""
    if shutil.which("pdftoppm") is None:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    for page, name in ((1, "first"), (table_page, "table-break")):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                        str(SHOTS / "dossier-{}-{}".format(name, lang))], check=True)


def test_overview_button_writes_the_chosen_district(plugin, sample_gpkg, tmp_path):
    """The Overview's Dossier button: the chosen district's files, prepared in a task, laid out after it.
    The result stays in the message bar with a button to its folder, as the export's does (it was a
    message that went after a few seconds, the folder to be found by hand)."""
    import time

    from qgis.core import Qgis, QgsApplication
    from qgis.PyQt.QtWidgets import QPushButton

    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_overview_dock")
    dock.reload()
    dock.set_scope(district="oost")
    assert dock.dossier_button.isEnabled()
    out = tmp_path / "dossiers"
    out.mkdir()
    bar = plugin.iface.messageBar()
    bar.clearWidgets()
    assert dock.dossier.start(str(out), overwrite=True)
    deadline = time.monotonic() + 120
    while dock.dossier.busy:
        assert time.monotonic() < deadline, "timed out"
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dock.dossier.error == ""
    assert sorted(p.name for p in out.iterdir()) == ["dossier_oost.ods", "dossier_oost.pdf"]
    item = bar.currentItem()
    assert item is not None and item.level() == Qgis.Success and item.duration() == 0  # stays until closed
    assert item.text() == "2 files written to {}.".format(out)
    assert item.findChild(QPushButton, "gebiedsplugin_open_folder") is not None
    text = pdf_text(out / "dossier_oost.pdf")
    assert all(" ".join(i["title"].split()) in text for i in sql_items(path, "oost"))


def test_progress_and_cancel(provider, sample_gpkg, tmp_path):
    """Progress rises per district; a cancel stops before the next district (files written stay whole)."""
    import processing
    from qgis.core import QgsProcessingFeedback

    class CancelAfterFirst(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.seen = []
            self.progressChanged.connect(self._progress)

        def _progress(self, value):
            self.seen.append(value)
            if value > 0:
                self.cancel()

    feedback = CancelAfterFirst()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(ALG, {"PROGRAMME": str(sample_gpkg[0]), "OUTPUT_FOLDER": str(tmp_path), "LANGUAGE": "en"},
                       feedback=feedback)
    written = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("dossier_"))
    assert 0 < len(written) < 10 and len(written) % 2 == 0  # whole pairs, not every district
    assert all(pdf_pages(tmp_path / n) > 1 for n in written if n.endswith(".pdf"))


def test_the_data_part_runs_off_the_main_thread(qgis_app):
    """The algorithm reads and builds in a worker (its layouts need the main thread); errors come back."""
    import threading

    from gebiedsplugin.core.errors import ProgrammeError
    from gebiedsplugin.processing_provider.district_dossier import off_main_thread

    assert off_main_thread(lambda: threading.current_thread() is threading.main_thread()) is False
    assert threading.current_thread() is threading.main_thread()

    def refuse():
        raise ProgrammeError("no such district")

    with pytest.raises(ProgrammeError, match="no such district"):
        off_main_thread(refuse)


def test_long_and_multi_line_texts_are_not_lost(provider, tmp_path, qgis_app):
    """Titles with line breaks and long notes make rows tall: every row still prints (pages break)."""
    import processing

    from gebiedsplugin.core.sample import generate_sample

    programme, _ = generate_sample(seed=7)
    noord = [f for f in programme.interventions if f.attrs.get("district_id") == "noord"]
    for k, f in enumerate(noord):
        f.attrs["title"] = "Werk {} regel een\nregel twee\nregel drie {}".format(k, "lang " * (k % 9))
    path = GpkgStore.create(tmp_path / "multi.gpkg", programme.crs, programme).path
    out = tmp_path / "out"
    out.mkdir()
    processing.run(ALG, {"PROGRAMME": str(path), "DISTRICT": "noord", "OUTPUT_FOLDER": str(out), "LANGUAGE": "nl"})
    text = pdf_text(out / "dossier_noord.pdf")
    for k, _f in enumerate(noord):
        assert "Werk {} regel een".format(k) in text
    with sqlite3.connect(str(path)) as db:
        count = sum(db.execute("SELECT COUNT(*) FROM {} WHERE district_id = 'noord'".format(t)).fetchone()[0]
                    for t in ("interventions_point", "interventions_line", "interventions_polygon"))
    assert count == len(noord) > 60
    assert len(sheets(out / "dossier_noord.ods")["Interventies"]) == count


def _ts_translations(context_prefix: str) -> dict:
    """(context, English source) -> Dutch translation, read from the Dutch .ts (not through the plugin)."""
    import xml.etree.ElementTree as ET

    from gebiedsplugin.toolbelt.resources import i18n_path

    out = {}
    for context in ET.parse(str(i18n_path("gebiedsplugin_nl.ts"))).getroot().iter("context"):
        name = context.findtext("name")
        if name.startswith(context_prefix):
            for msg in context.iter("message"):
                if msg.findtext("translation"):
                    out[(name, msg.findtext("source"))] = msg.findtext("translation")
    return out


# Rules whose messages name interventions, years, distances, counts and codes, or a clause of their own
# context: so the Dutch text is the .ts's template filled with what the English text says.
PLAIN_RULES = ("conflict", "outside_programme_period", "rest_period", "not_in_programme", "stacking", "data_quality")


def _in_dutch(english: str, rule: str, templates: dict) -> str | None:
    """The Dutch of an English message: its template found among the rule's English sources, its
    arguments taken from the text by a pattern (a clause that is a source of the rule's own is translated
    too), filled into the .ts's translation (None: no template fits)."""
    import re

    for (context, source), translation in templates.items():
        if context != "rules:" + rule:
            continue
        names = re.findall(r"\{(\w+)\}", source)
        pattern = "".join(re.escape(part) if k % 2 == 0 else "(?P<{}>.+?)".format(part)
                          for k, part in enumerate(re.split(r"\{(\w+)\}", source)))
        match = re.fullmatch(pattern, english) if len(set(names)) == len(names) else None
        if match:
            clauses = {s: t for (c, s), t in templates.items() if c == context}
            return translation.format(**{k: clauses.get(v, v) for k, v in match.groupdict().items()})
    return None


def test_findings_in_the_dossiers_language_whatever_the_check_ran_in(provider, sample_gpkg, tmp_path):
    """Checked in English, a decision taken, the dossier asked in Dutch: every finding reads in Dutch
    (the .ts's template with the English text's arguments), the decision and note are the register's."""
    import processing

    path, _ = sample_gpkg
    processing.run("gebiedsplugin:check_programme", {"PROGRAMME": str(path)})  # in the UI language: English
    with sqlite3.connect(str(path)) as db:
        english = db.execute("SELECT finding_id, rule, message FROM findings WHERE district_id = ?",
                             (DISTRICT,)).fetchall()
    templates = _ts_translations("rules:")
    expected = {}
    for finding_id, rule, message in english:
        dutch = _in_dutch(message, rule, templates) if rule in PLAIN_RULES else None
        if dutch is not None:
            expected[finding_id] = (message, dutch)
    assert len(expected) >= 3, english
    decided = next(iter(expected))
    FindingsRegister(GpkgStore.open(path)).decide([decided], "accepted", "bekend", "tester")
    out = tmp_path / "nl"
    out.mkdir()
    processing.run(ALG, {"PROGRAMME": str(path), "DISTRICT": DISTRICT, "OUTPUT_FOLDER": str(out), "LANGUAGE": "nl",
                         "TABLE_FORMAT": "csv"})
    listed = [r["Bevinding"] for r in sheets_csv(out / "dossier_noord.csv", "Bevindingen van de programmatoets")]
    assert len(listed) == len(english)
    for message, dutch in expected.values():
        assert dutch in listed and message not in listed, (message, dutch)
    # Not one finding of the district left in the English the check wrote (other rules included).
    assert not {m for _i, _r, m in english} & set(listed)
    row = next(r for r in sheets_csv(out / "dossier_noord.csv", "Bevindingen van de programmatoets")
               if r["Bevinding"] == expected[decided][1])
    assert (row["Besluit"], row["Toelichting"]) == ("Geaccepteerd", "bekend")


def sheets_csv(path, title: str) -> list:
    """The rows (dicts by header) of the block titled *title* of a dossier CSV."""
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    start = next(k for k, r in enumerate(rows) if r == [title])
    headers, out = rows[start + 1], []
    for r in rows[start + 2:]:
        if not r:
            break
        out.append(dict(zip(headers, r)))
    return out


def test_files_written_in_a_task_off_the_main_thread_cancel_leaves_whole_pairs(sample_gpkg, tmp_path, qgis_app):
    """The dock's writing task lays out and draws every PDF in its worker thread (never the main one),
    reports progress per district, and a cancel after the first district leaves only whole pairs."""
    import threading
    import time

    from qgis.core import QgsApplication

    from gebiedsplugin.qgis_io import dossier_layout
    from gebiedsplugin.qgis_io.dossier import prepare_dossiers
    from gebiedsplugin.qgis_io.dossier_task import DossierWriteTask

    path, _ = sample_gpkg
    prepared = prepare_dossiers(GpkgStore.open(path), "", "en")
    assert len(prepared) >= 3
    drawn_in, export = [], dossier_layout.DossierLayout.export

    def spy(self, *args, **kwargs):
        drawn_in.append(threading.current_thread() is threading.main_thread())
        return export(self, *args, **kwargs)

    done, progress = [], []
    dossier_layout.DossierLayout.export = spy
    try:
        task = DossierWriteTask(prepared, str(tmp_path), "ods", False, lambda *a: done.append(a))
        task.progressChanged.connect(lambda value: progress.append(value))
        task.progressChanged.connect(lambda value: task.cancel() if value >= 100.0 / len(prepared) else None)
        QgsApplication.taskManager().addTask(task)
        deadline = time.monotonic() + 300
        while not done:
            assert time.monotonic() < deadline, "timed out"
            QgsApplication.processEvents()
            time.sleep(0.02)
    finally:
        dossier_layout.DossierLayout.export = export
    written, error = done[0]
    assert error == "Cancelled."
    assert drawn_in and not any(drawn_in)  # every PDF drawn, none on the main thread
    names = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("dossier_"))
    assert names == sorted(Path(p).name for p in written)
    stems = {n.rsplit(".", 1)[0] for n in names}
    assert 1 <= len(stems) < len(prepared)
    assert names == sorted(s + ext for s in stems for ext in (".ods", ".pdf"))  # whole pairs only
    assert all(pdf_pages(tmp_path / (s + ".pdf")) >= 1 for s in stems)
    assert progress and max(progress) < 100.0
