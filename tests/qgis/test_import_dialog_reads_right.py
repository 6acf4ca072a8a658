"""The import dialog says one thing, in the file's terms (issue 19, item 4; issue 14, item 7).

The real dialog in the offscreen platform, real CSV and GeoPackage files: the target guessed from the
source's fields, QGIS's field mapping widget with labels (required fields said in words), value lists
readable, the preview showing at least eight rows named by the file's lines, one summary, the valid
rows only. Expected lines and counts come from reading the files here, not from the plugin.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt

from gebiedsplugin.core import schema
from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.import_dialog import ImportDialog
from gebiedsplugin.gui.import_field_mapping import SOURCE_COLUMN
from tests.qgis.import_fixtures import DISTRICT_ROWS, fingerprint, write_vector

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
HEADER = "uid,titel,omschrijving,domein,soort,thema,begin,eind,lon,lat"
REQUIRED_EN = {"Title", "Domain", "Kind", "Theme", "Start year", "End year"}  # issue 19: what a planner must fill


def _csv(path: Path) -> str:
    """Eleven interventions around Amersfoort: a description over two lines, a blank line, u-3 ends
    before it starts, the domain once Dutch ('fysiek') and once English ('Social')."""
    lines = [HEADER, "u-1,Bank,,fysiek,onderhoud,green,2025,2025,5.3872,52.1552",
             '"u-2",Plein,"twee\nregels",fysiek,onderhoud,green,2025,2026,5.3873,52.1553', "",
             "u-3,Speeltuin,,fysiek,interventie,green,2026,2024,5.3874,52.1554"]
    lines += ["u-{0},Actie {0},,Social,initiatief,green,2027,2028,5.38{0:02d},52.155".format(n) for n in range(4, 12)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _line_of(path, uid: str) -> int:
    """The 1-based line of the file where the record of *uid* starts (counted here, by hand)."""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith(uid + ",") or line.startswith('"{}",'.format(uid)):
            return number
    raise AssertionError(uid)


def _records(path) -> int:
    return sum(1 for line in Path(path).read_text(encoding="utf-8").split("\n") if line.startswith(("u-", '"u-')))


def _interventions(programme) -> list:
    con = sqlite3.connect(str(programme))
    try:
        return sorted(row for table in schema.INTERVENTION_TABLES
                      for row in con.execute('SELECT uid, start_year, end_year, domain FROM "{}"'.format(table)))
    finally:
        con.close()


@pytest.fixture()
def dialog(qgis_iface, empty_gpkg):
    controller = ProgrammeController(QgsProject.instance())
    controller.open(empty_gpkg)
    widget = ImportDialog(qgis_iface, controller)
    widget.show()
    yield widget
    widget.close()
    controller.disconnect_project()
    QgsProject.instance().clear()


def _names_shown(dialog) -> list:
    """The programme fields as the mapping's visible name column shows them (3.22: the name column shows
    the alias; 3.44: the alias has its own column)."""
    from gebiedsplugin.gui.import_field_mapping import LABEL_COLUMN

    model, view = dialog.mapping.model(), dialog.mapping_view()
    assert not view.isColumnHidden(LABEL_COLUMN)
    return [model.data(model.index(r, LABEL_COLUMN), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]


def _fully_visible_rows(view) -> int:
    viewport = view.viewport().rect()
    return sum(1 for r in range(view.model().rowCount())
               if viewport.contains(view.visualRect(view.model().index(r, 0)).adjusted(0, 0, -1, -1)))


def test_csv_refusal_valid_rows_and_preview_in_the_files_lines(dialog, empty_gpkg, tmp_path):
    src = _csv(tmp_path / "acties.csv")
    bad, records = _line_of(src, "u-3"), _records(src)
    assert (bad, records) == (6, 11)  # header 1, u-1 2, u-2 3-4, blank 5
    assert not dialog.dry_button.isEnabled() and not dialog.import_button.isEnabled()  # nothing to import yet
    dialog.file.setFilePath(src)
    QCoreApplication.processEvents()

    # guessed, and said to be a guess
    assert dialog.current_target() == "interventions" and dialog.target.currentText() == "Interventions"
    assert dialog.target_hint.text() == "guessed from the source's fields"
    # the dry run and import buttons work once there is a source; Cancel only while one runs
    assert dialog.dry_button.isEnabled() and dialog.import_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()

    # the preview: at least eight rows in view, each named by the line its record starts on
    dialog.tabs.setCurrentWidget(dialog.preview)
    QCoreApplication.processEvents()
    assert dialog.preview.rowCount() == 10 and _fully_visible_rows(dialog.preview) >= 8
    places = [dialog.preview.verticalHeaderItem(r).text() for r in range(4)]
    assert places == ["line 2", "line 3", "line {}".format(bad), "line {}".format(bad + 1)]
    headers = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    assert "Title" in headers and "titel" not in headers and "title" not in headers

    # the dry run says what an import would do, in the same words
    before = fingerprint(empty_gpkg)
    assert dialog.dry_run().counts() == {"added": records - 1, "updated": 0, "unchanged": 0, "rejected": 1}
    assert dialog.status.text() == ("Dry run of acties.csv into Interventions (nothing written): would add {}, "
                                    "update 0, leave 0 unchanged, reject 1.".format(records - 1))

    # all or nothing: one summary, then the reason by line, then what to do
    result = dialog.run_import()
    assert result.counts()["rejected"] == 1 and not result.written
    summary = "Nothing imported from acties.csv into Interventions: 1 of {} rows rejected.".format(records)
    report = dialog.report.toPlainText().splitlines()
    assert dialog.status.text() == summary and report[0] == summary
    assert report[1] == ("acties.csv, line {} (uid u-3): end_year (End year) = 2024 is before start_year "
                         "(Start year) = 2026.".format(bad))
    assert report[2] == "Correct the rejected rows, or import the valid rows only ({} rows).".format(records - 1)
    assert not any("added" in line for line in report)  # no count that contradicts "nothing imported"
    assert dialog.tabs.currentWidget() is dialog.report
    assert fingerprint(empty_gpkg) == before and dialog.progress.value() == 0

    # the valid rows only, from the dialog
    assert dialog.valid_only.isVisible() and dialog.valid_only.isEnabled()
    assert dialog.valid_only.text() == "Import the valid rows only"
    dialog.valid_only.setChecked(True)
    result = dialog.run_import()
    assert result.written
    assert dialog.status.text() == ("Imported the valid rows of acties.csv into Interventions: added {}, updated 0, "
                                    "unchanged 0, rejected 1; the rejected rows were skipped.".format(records - 1))
    rows = _interventions(empty_gpkg)
    assert [r[0] for r in rows] == sorted("u-{}".format(n) for n in range(1, 12) if n != 3)
    assert {r[3] for r in rows} == {"physical", "social"}


def test_mapping_shows_labels_required_in_words_and_readable_value_lists(dialog, tmp_path):
    dialog.file.setFilePath(_csv(tmp_path / "acties.csv"))
    QCoreApplication.processEvents()
    names = _names_shown(dialog)
    assert "District" in names and "Title (required)" in names
    assert not any("_" in n or "*" in n for n in names), names  # no internal names, no bare asterisks
    assert {n[: -len(" (required)")] for n in names if n.endswith(" (required)")} == REQUIRED_EN
    view = dialog.mapping_view()
    shown = [c for c in range(dialog.mapping.model().columnCount()) if not view.isColumnHidden(c)]
    assert len(shown) == 2  # the programme field and its source; type, length, precision are fixed

    # the domain's values: source value, and the programme's label (not its code) in a combo that fits
    row = [f.field.name() for f in dialog.mapping.mapping()].index("domain")
    dialog.mapping.selectionModel().setCurrentIndex(dialog.mapping.model().index(row, 0),
                                                    dialog.mapping.selectionModel().SelectionFlag.ClearAndSelect)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()  # the splitter gives the value list the width it now asks for
    assert dialog.value_title.text() == "Values of Domain"
    table = dialog.value_table
    pairs = {table.item(r, 0).text(): table.cellWidget(r, 1).currentText() for r in range(table.rowCount())}
    assert pairs == {"fysiek": "Physical", "Social": "Social"}
    for r in range(table.rowCount()):
        combo = table.cellWidget(r, 1)
        assert combo.width() >= combo.sizeHint().width(), (combo.width(), combo.sizeHint().width())
        assert combo.geometry().right() < table.viewport().width()  # not cut off by the pane
        items = [combo.itemText(i) for i in range(combo.count())]
        assert items == ["(unknown: reject the row)", "Physical", "Social"]


def test_geopackage_target_guessed_and_rows_named_by_fid(dialog, empty_gpkg, tmp_path):
    districts = write_vector(tmp_path / "wijken.gpkg", DISTRICT_ROWS)
    dialog.file.setFilePath(districts)
    assert dialog.current_target() == "districts"
    buurten = [({"buurtcode": "b{}".format(n), "naam": "Buurt {}".format(n), "stadsdeel": "noord"}, wkt)
               for n, (_, wkt) in enumerate(DISTRICT_ROWS * 2, start=1)]
    buurten[3][0]["naam"] = None  # b4 has no name: rejected
    src = write_vector(tmp_path / "buurten.gpkg", buurten)
    con = sqlite3.connect(src)
    con.execute("DELETE FROM buurten WHERE buurtcode = 'b2'")  # fids are no longer positions
    con.commit()
    fid = con.execute("SELECT fid FROM buurten WHERE buurtcode = 'b4'").fetchone()[0]
    con.close()
    dialog.file.setFilePath(src)
    assert dialog.current_target() == "neighbourhoods"
    assert dialog.run_import() is not None
    report = dialog.report.toPlainText().splitlines()
    assert report[0] == "Nothing imported from buurten.gpkg into Neighbourhoods: 1 of 3 rows rejected."
    assert report[1] == "buurten.gpkg, fid {} (neighbourhood_id b4): name (Name) is mandatory but empty.".format(fid)
    # changing the target by hand is kept, and drops the "guessed" hint
    dialog.set_target("districts")
    assert dialog.current_target() == "districts" and dialog.target_hint.text() == ""


def test_an_expression_in_the_mapping_is_imported(dialog, empty_gpkg, tmp_path):
    dialog.file.setFilePath(_csv(tmp_path / "acties.csv"))
    model = dialog.mapping.model()
    row = [f.field.name() for f in dialog.mapping.mapping()].index("end_year")
    model.setData(model.index(row, SOURCE_COLUMN), '"begin" + 3',
                  Qt.ItemDataRole.EditRole)
    assert dialog.source_field("end_year") == '"begin" + 3'
    dialog.valid_only.setChecked(False)
    result = dialog.run_import()
    assert result.written and result.counts()["added"] == 11
    for uid, start, end, _domain in _interventions(empty_gpkg):
        assert end == start + 3, uid


@pytest.mark.parametrize("language", ["en", "nl"])
def test_screenshot(dialog, tmp_path, language):
    """The dialog as a planner sees it after a refusal (saved under tests/artifacts, looked at)."""
    from qgis.core import QgsSettings

    from gebiedsplugin.toolbelt.i18n import install_translator

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL" if language == "nl" else "en_US")
    translator = install_translator(QCoreApplication.instance())
    try:
        widget = ImportDialog(dialog.iface, dialog.controller)
        widget.show()
        widget.file.setFilePath(_csv(tmp_path / "acties.csv"))
        row = [f.field.name() for f in widget.mapping.mapping()].index("domain")
        widget.mapping.selectionModel().setCurrentIndex(widget.mapping.model().index(row, 0),
                                                        widget.mapping.selectionModel().SelectionFlag.ClearAndSelect)
        QCoreApplication.processEvents()
        ARTIFACTS.mkdir(exist_ok=True)
        assert widget.grab().save(str(ARTIFACTS / "import_dialog_fields_{}.png".format(language)))
        widget.tabs.setCurrentWidget(widget.preview)
        QCoreApplication.processEvents()
        assert widget.grab().save(str(ARTIFACTS / "import_dialog_preview_{}.png".format(language)))
        widget.run_import()
        QCoreApplication.processEvents()
        assert widget.grab().save(str(ARTIFACTS / "import_dialog_report_{}.png".format(language)))
        if language == "nl":
            assert "Titel" in " ".join(_names_shown(widget)) and "Stadsdeel" in _names_shown(widget)
        widget.close()
    finally:
        if translator is not None:
            QCoreApplication.instance().removeTranslator(translator)
        settings.setValue("locale/userLocale", "en_US")


def test_a_large_csv_in_the_background_imports_the_valid_rows(dialog, empty_gpkg, tmp_path):
    """Above LARGE rows the import runs as a task that reopens the CSV: its CRS and the choice of the
    valid rows only go with it."""
    import time

    from qgis.core import QgsApplication

    from gebiedsplugin.gui.import_dialog import LARGE

    n = LARGE + 10
    lines = [HEADER] + ["g-{0},Actie {0},,fysiek,onderhoud,green,2025,{1},5.38{2:03d},52.155".format(
        i, 2020 if i == 7 else 2026, i % 900) for i in range(1, n + 1)]
    src = tmp_path / "veel.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog.file.setFilePath(str(src))
    dialog.valid_only.setChecked(True)
    assert dialog.run_import() is None and dialog.task is not None
    deadline = time.time() + 300
    while dialog.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    assert dialog.task is None
    assert dialog.status.text() == ("Imported the valid rows of veel.csv into Interventions: added {}, updated 0, "
                                    "unchanged 0, rejected 1; the rejected rows were skipped.".format(n - 1))
    assert "veel.csv, line 8 (uid g-7): end_year (End year) = 2020" in dialog.report.toPlainText()
    assert len(_interventions(empty_gpkg)) == n - 1
