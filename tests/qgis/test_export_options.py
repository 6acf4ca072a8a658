"""The export dock asks what a report needs: language, PNG resolution; PDF metadata, PNG names per district."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QImage

from gebiedsplugin.core.export_plan import ExportRequest
from tests.qgis.gui_helpers import wait_for_export


def _run(dock, timeout=180.0):
    assert dock.run_export()
    wait_for_export(dock, timeout)
    assert dock.last_error == "" and dock.last_result is not None


def test_language_resolution_metadata_and_png_names(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_export_dock")
    assert ExportRequest("p", "f").png_dpi == 150 and dock.png_dpi.value() == 150  # was 110
    assert dock.language.currentData() == "en"  # the UI's language
    dock.programme.setFilePath(str(master))
    dock.some.setChecked(True)
    dock.districts.item(0).setCheckState(Qt.CheckState.Checked)
    district = dock.districts.item(0).data(Qt.ItemDataRole.UserRole)
    dock.folder.setFilePath(str(tmp_path))
    for fmt, box in dock.formats.items():
        box.setChecked(fmt in ("pdf", "png"))
    dock.language.setCurrentIndex(dock.language.findData("nl"))
    dock.png_dpi.setValue(72)
    assert dock.request().lang == "nl" and dock.request().png_dpi == 72
    _run(dock)
    pngs = sorted(Path(p).name for p in dock.last_result.files["png"])
    assert pngs and all(re.fullmatch(r"programmakaart_{}_p\d\d_{}\.png".format(district, district), n) for n in pngs)
    image = QImage(str(tmp_path / pngs[0]))
    assert max(image.width(), image.height()) in range(1188, 1194)  # A3's 420 mm at 72 dpi
    info = subprocess.run(["pdfinfo", dock.last_result.files["pdf"][0]], capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip().startswith("Gebiedsprogrammakaart: ")  # in the export's language
    assert fields["Subject"].strip() and district in fields["Subject"]
    assert "Author" in fields
