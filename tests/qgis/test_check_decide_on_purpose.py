"""Findings are decided on purpose: no preset decision, readable text, units, errors first, plurals."""

from __future__ import annotations

from qgis.core import QgsApplication

from gebiedsplugin.gui.check_tree import MESSAGE, ROW_ROLE
from gebiedsplugin.toolbelt.i18n import tr
from tests.qgis.gui_helpers import wait_for_check
from tests.qgis.test_check_dock import dock  # noqa: F401 - the fixture

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2, "chance": 3}  # chances last


def test_decision_starts_empty_and_must_be_chosen(dock):  # noqa: F811
    assert dock.decision.currentIndex() == 0 and dock.decision.currentData() is None
    assert dock.run_check()
    wait_for_check(dock)
    first = dock.tree.finding_rows()[0]
    assert dock.tree.select_finding(first["finding_id"])
    assert dock.decide_selected() == 0 and "Choose a decision" in dock.status.text()
    assert first["finding_id"] in {r["finding_id"] for r in dock.store.findings_register().rows()
                                   if (r.get("status") or "open") == "open"}
    dock.decision.setCurrentIndex(dock.decision.findData("accepted"))
    assert dock.decide_selected() == 1
    assert dock.status.text() == "Status set on 1 finding."  # not "1 findings"


def test_errors_first_and_text_readable_with_a_note(dock):  # noqa: F811
    assert dock.run_check()
    wait_for_check(dock)
    severities = [dock.tree.topLevelItem(i).data(0, ROW_ROLE).split("/")[1] for i in range(dock.tree.group_count())]
    assert severities == sorted(severities, key=SEVERITY_RANK.get) and severities[0] == "error"
    row = dock.tree.finding_rows()[0]
    assert dock.tree.select_finding(row["finding_id"])
    dock.note.setText("Checked on site with the contractor and the neighbourhood team, see the minutes")
    dock.decision.setCurrentIndex(dock.decision.findData("false_positive"))
    assert dock.decide_selected() == 1
    dock.resize(420, 700)  # about the default width of a right-hand dock
    dock.tree.select_finding(row["finding_id"])
    item = dock.tree.currentItem()
    tree = dock.tree
    assert tree.wordWrap()
    assert tree.columnWidth(MESSAGE) >= tree.viewport().width() // 3
    assert row["message"] in item.toolTip(MESSAGE) and "Checked on site" in item.toolTip(MESSAGE)
    # The text wraps: a long message gets a row of several lines instead of "'Buu…".
    long_row = max(tree.finding_rows(), key=lambda r: len(r["message"]))
    tree.select_finding(long_row["finding_id"])
    for _ in range(3):
        QgsApplication.processEvents()
    line = tree.fontMetrics().lineSpacing()
    needed = tree.fontMetrics().horizontalAdvance(long_row["message"]) // max(tree.columnWidth(MESSAGE), 1) + 1
    assert needed >= 2 and tree.visualItemRect(tree.currentItem()).height() >= 2 * line


def test_parameter_labels_have_units_and_tooltips_say_what_uses_them(dock):  # noqa: F811
    from qgis.PyQt.QtWidgets import QFormLayout

    from gebiedsplugin.gui.check_params import RuleParamsBox

    box = dock.findChild(RuleParamsBox, "check_params")
    form = box.panel.layout()
    labels = [form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text() for i in range(form.rowCount())
              if form.itemAt(i, QFormLayout.ItemRole.LabelRole) is not None]
    labels = [text for text in labels if text]
    assert labels and all("(" in text for text in labels), labels
    assert all(not b.toolTip().startswith(key) and b.toolTip().startswith("Used by: ") for key, b in box.boxes.items())


def test_plural_forms(qgis_app):
    assert tr("Status set on %n finding(s).", "", 1) == "Status set on 1 finding."
    assert tr("Status set on %n finding(s).", "", 3) == "Status set on 3 findings."


def test_dutch_plural_forms_from_the_qm(qgis_app):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from gebiedsplugin.toolbelt.i18n import install_translator

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    translator = install_translator(QCoreApplication.instance())
    try:
        assert translator is not None
        assert tr("Status set on %n finding(s).", "", 1) == "Status ingesteld op 1 bevinding."
        assert tr("Status set on %n finding(s).", "", 2) == "Status ingesteld op 2 bevindingen."
    finally:
        if translator is not None:
            QCoreApplication.instance().removeTranslator(translator)
        settings.setValue("locale/userLocale", "en_US")


def test_invalid_geometry_is_said_in_words_and_its_spot_is_on_the_map(dock):  # noqa: F811
    assert dock.run_check()
    wait_for_check(dock)
    (row,) = [r for r in dock.tree.finding_rows() if "invalid geometry" in r["message"]]
    assert "[" not in row["message"] and "crosses itself" in row["message"]  # was "Self-intersection[1043… 4897…]"
    layer = dock.controller.layer("findings")
    (feature,) = [f for f in layer.getFeatures() if f["finding_id"] == row["finding_id"]]
    assert 0 < feature.geometry().area() < 100  # a small marker on the spot, not the whole intervention


def test_counts_in_the_docks_use_plural_forms(plugin, sample_gpkg, qgis_app):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    interventions = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_interventions_dock")
    for _ in range(5):
        QgsApplication.processEvents()
    text = interventions.footer.text()
    assert " interventions · budget" in text and "(s)" not in text
    assert tr("%n intervention(s) · budget € {} · funding € {}", "", 1).startswith("1 intervention · ")


def test_zoom_button_selects_the_findings_interventions(dock):  # noqa: F811
    assert dock.run_check()
    wait_for_check(dock)
    assert "Double-click" in dock.tree.toolTip()
    dock.tree.clearSelection()
    dock.tree.setCurrentItem(None)
    assert not dock.zoom_selected() and "Select one finding" in dock.status.text()
    conflict = next(r for r in dock.tree.finding_rows() if r["rule"] == "conflict")
    assert dock.tree.select_finding(conflict["finding_id"])
    dock.zoom_button.click()
    selected = {f["uid"] for t in ("interventions_point", "interventions_line", "interventions_polygon")
                for f in dock.controller.layer(t).selectedFeatures()}
    assert selected == set(conflict["subject_uids"].split(","))
