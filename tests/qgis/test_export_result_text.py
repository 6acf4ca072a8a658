"""The export's closing line counts atlas pages only when an atlas was made (quality walk): a GeoPackage
and CSV export said "(6 atlas pages, 500 items)" though no PDF or page image was written."""

from __future__ import annotations

from tests.qgis.test_export_cancel import _dock, _wait


def test_a_data_only_export_does_not_speak_of_atlas_pages(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = _dock(plugin, master, tmp_path)
    for fmt, box in dock.formats.items():
        box.setChecked(fmt in ("gpkg", "csv"))
    assert dock.run_export()
    _wait(dock)
    assert dock.last_result is not None, dock.last_error
    text = dock.status.text()
    assert "atlas" not in text and " items)." in text, text
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.png"))
