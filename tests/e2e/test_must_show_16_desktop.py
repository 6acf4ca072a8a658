"""#16's Must show in the real QGIS desktop, English and Dutch: a new intervention's form (empty number
boxes show nothing, the budget with thousands separators), the Interventions dock with the funding
filter on, the combination chances on the map (findings layer, green dashed) and a page of the
district dossier. Screenshots into /work/notes/shots/dossier16/ (looked at); the texts they show
are asserted against values written by hand or read from the .ts."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.e2e.desktop import ARTIFACTS, paid_per_intervention, run_body, sample_programme

SHOTS = ARTIFACTS / "shots" / "dossier16"

BODY = '''
import os
from qgis.gui import QgsEditorWidgetWrapper
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QScrollArea, QWidget

LANG, PATH, OUT = __LANG__, __PATH__, __OUT__
plugin, main = open_programme(PATH)

# 1. A new intervention's form, as the draw tool opens it; a budget typed in.
from gebiedsplugin.gui.feature_form import make_dialog
from gebiedsplugin.qgis_io.intervention_rows import new_feature
layer = plugin.controller.layer("interventions_polygon")
layer.startEditing()
feature = new_feature(layer, next(layer.getFeatures()).geometry(), {})
dialog = make_dialog(iface, layer, feature, add=True)
dialog.show()
pump(1.5)
boxes = {}
for widget in dialog.attributeForm().findChildren(QWidget):
    wrapper = QgsEditorWidgetWrapper.fromWidget(widget)
    if wrapper is not None and hasattr(wrapper, "field") and isinstance(widget, QAbstractSpinBox):
        boxes[wrapper.field().name()] = (wrapper, widget)
RESULT["empty_numbers"] = {name: w.text() for name, (_wr, w) in boxes.items()}
from qgis.PyQt.QtWidgets import QLineEdit
RESULT["hints"] = sorted({e.placeholderText() for e in dialog.findChildren(QLineEdit)})
dialog.grab().save(os.path.join(ARTIFACTS, "form-new-top-" + LANG + ".png"))
boxes["budget"][0].setValue(1500000)
scroll = dialog.findChild(QScrollArea)
budget = boxes["budget"][1]
scroll.verticalScrollBar().setValue(budget.mapTo(scroll.widget(), budget.rect().topLeft()).y() - 160)
pump(0.5)
RESULT["budget_text"] = budget.text()
dialog.grab().save(os.path.join(ARTIFACTS, "form-new-numbers-" + LANG + ".png"))
dialog.reject()
pump(0.5)
for lyr in plugin.controller.layers.values():
    if lyr.isEditable():
        lyr.rollBack()

# 2. The Interventions dock with the funding filter on.
inter = plugin_dock("interventions")
from qgis.PyQt.QtCore import Qt
main.resizeDocks([inter], [560], Qt.Orientation.Horizontal)  # the filters' texts whole
inter.filters.set_choice("district", "noord")
inter.filters.set_choice("funding", "unfunded")
pump(1.0)
RESULT["unfunded"] = sorted(r.uid for r in inter.model.rows())
RESULT["funding_label"] = inter.filters.funding.currentText()
main.grab().save(os.path.join(ARTIFACTS, "dock-funding-filter-" + LANG + ".png"))
inter.filters.set_choice("funding", "")
inter.filters.set_choice("district", "")

# 3. The check, then the best chance on the map: the findings layer's green dashed outline.
check, findings = run_check(plugin, 90)
_, best = best_chance(findings)
RESULT["best"] = best["message"]
check.tree.select_finding(best["finding_id"])
zoom_map(best.geometry(), 150)
main.grab().save(os.path.join(ARTIFACTS, "chances-map-" + LANG + ".png"))

# 4. The district dossier of Noord, written from the Overview's button (in its task).
dock = plugin_dock("overview")
dock.reload()
pump(1.0)
dock.set_scope(district="noord")
pump(1.0)
RESULT["started"] = dock.dossier.start(OUT, overwrite=True)
RESULT["done"] = pump(240, lambda: not dock.dossier.busy)
RESULT["error"] = dock.dossier.error
RESULT["written"] = [os.path.basename(p) for p in dock.dossier.written]
finish()
'''


def _page_with(pdf: Path, words: str) -> int:
    pages = int(next(line.split()[-1] for line in subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                     text=True).stdout.splitlines() if line.startswith("Pages:")))
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                              text=True).stdout
        if words in " ".join(unicodedata.normalize("NFKC", text).split()):
            return page
    raise AssertionError("no page of {} says {!r}".format(pdf, words))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_must_show_of_16_in_the_desktop(tmp_path, lang):
    programme, _, path = sample_programme(tmp_path)
    out = tmp_path / "dossiers"
    out.mkdir()
    result = run_body(BODY, tmp_path, lang, timeout=600, LANG=lang, PATH=path, OUT=out)
    # The form: no number box says NULL; the budget with the locale's separators (written by hand).
    empty = result["empty_numbers"]
    assert {"budget", "priority", "start_quarter", "end_quarter"} <= set(empty)
    assert not [t for t in empty.values() if "NULL" in t], empty
    assert not [h for h in result["hints"] if "NULL" in h], result["hints"]  # baseline, target: no grey NULL
    assert all(empty[n].strip() == "" for n in ("budget", "priority", "start_quarter", "end_quarter")), empty
    assert result["budget_text"].strip() == ("1.500.000,00" if lang == "nl" else "1,500,000.00")
    # The dock: the unfunded interventions of Noord (by hand from the records: budget > 1, nothing paid).
    paid = paid_per_intervention(programme)
    unfunded = sorted(f.attrs["uid"] for f in programme.interventions if f.attrs["district_id"] == "noord"
                      and (f.attrs["budget"] or 0) > 1 and paid.get(f.attrs["uid"], 0.0) <= 1)
    assert result["unfunded"] == unfunded and unfunded
    assert result["funding_label"] == ("Niet gefinancierd" if lang == "nl" else "Unfunded")
    assert result["check_done"]
    assert ("Kans om te combineren (score" if lang == "nl" else "Chance to combine (score") in result["best"]
    # The dossier: both files; its findings in the dossier's language.
    assert result["started"] and result["done"] and result["error"] == "", result["error"]
    assert sorted(result["written"]) == ["dossier_noord.ods", "dossier_noord.pdf"]
    pdf = out / "dossier_noord.pdf"
    findings_page = _page_with(pdf, "Bevindingen van de programmatoets" if lang == "nl"
                               else "Findings of the programme check")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("form-new-top", "form-new-numbers", "dock-funding-filter", "chances-map"):
        shutil.copy(ARTIFACTS / "{}-{}.png".format(name, lang), SHOTS / "{}-{}.png".format(name, lang))
    shutil.copy(pdf, ARTIFACTS / "dossier_noord-{}.pdf".format(lang))
    for page, name in ((1, "dossier-first"), (findings_page, "dossier-findings"), (2, "dossier-table")):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                        str(SHOTS / "{}-{}".format(name, lang))], check=True)
