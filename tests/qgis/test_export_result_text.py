"""An export without an atlas (quality walk): a GeoPackage and CSV export said "(6 atlas pages, 500 items)"
though no PDF or page image was written, and the atlas's options (paper, template, summary pages, page
resolution) stayed open while they did nothing."""

from __future__ import annotations

from tests.qgis.gui_helpers import export_dock, wait_for_export


def test_a_data_only_export_does_not_speak_of_atlas_pages(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = export_dock(plugin, master, tmp_path)
    for fmt, box in dock.formats.items():
        box.setChecked(fmt in ("gpkg", "csv"))
    assert dock.run_export()
    wait_for_export(dock)
    assert dock.last_result is not None, dock.last_error
    text = dock.status.text()
    assert "atlas" not in text and " items)." in text, text
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.png"))


def test_atlas_options_only_where_an_atlas_is_made(plugin):
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_export_dock")
    atlas_only = (dock.per_year, dock.summary_pages, dock.paper, dock.orientation, dock.template)
    for fmt, box in dock.formats.items():
        box.setChecked(fmt in ("gpkg", "csv"))
    assert not any(w.isEnabled() for w in atlas_only) and not dock.png_dpi.isEnabled()
    dock.formats["pdf"].setChecked(True)
    assert all(w.isEnabled() for w in atlas_only) and not dock.png_dpi.isEnabled()  # no page images: no dpi
    dock.formats["png"].setChecked(True)
    assert dock.png_dpi.isEnabled()
