"""What the atlas item table's column widths are measured on, computed once in the export's prepare:
the samples from the unified map equal those QGIS reads from the items layer, and the widest text
found by measuring only the texts near the widest equals QGIS measuring every one."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsLayoutUtils, QgsVectorLayer
from qgis.PyQt.QtGui import QFont

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io.atlas_item_table import layer_samples, table_samples, widest_mm
from gebiedsplugin.qgis_io.data_export import ITEMS_TABLE
from gebiedsplugin.qgis_io.export_task import prepare_export


@pytest.fixture(scope="module")
def prepared(sample_master, tmp_path_factory):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path_factory.mktemp("samples")), formats=("gpkg", "pdf"))
    prepared = prepare_export(request)
    yield prepared
    prepared.cleanup()


def test_samples_from_the_unified_map_equal_the_layers(prepared):
    layer = QgsVectorLayer("{}|layername={}".format(prepared.gpkg, ITEMS_TABLE), "items", "ogr")
    assert layer.isValid()
    assert prepared.table_samples == layer_samples(layer)
    # and both what SQLite holds, computed apart from either
    with sqlite3.connect(prepared.gpkg) as db:
        names = {r[0] for r in db.execute(
            "SELECT neighbourhood FROM unified_items WHERE neighbourhood <> '' UNION "
            "SELECT district FROM unified_items WHERE district <> ''")}
        largest = db.execute("SELECT max(budget) FROM unified_items").fetchone()[0]
    assert prepared.table_samples.places == sorted(names) and len(names) > 20
    assert prepared.table_samples.largest_budget == largest


def test_samples_of_planted_items():
    class Item:
        def __init__(self, **attrs):
            self.attrs = attrs

    items = [Item(neighbourhood="Oud-Zuid", district="Zuid", budget=5), Item(neighbourhood=None, district="",
                                                                           budget=float("nan")),
             Item(neighbourhood="NULL", district="Noord", budget=2_000_000_000.0), Item(budget=None)]
    samples = table_samples(items)
    assert samples.places == ["Noord", "Oud-Zuid", "Zuid"]  # "NULL" is how QGIS shows a missing value
    assert samples.largest_budget == 2_000_000_000.0
    assert table_samples([]).places is None and table_samples([]).largest_budget is None


@pytest.mark.parametrize("family,points,bold", [("DejaVu Sans", 7.0, False), ("DejaVu Sans", 9.5, True),
                                                 ("DejaVu Serif", 6.0, False)])
def test_widest_equals_measuring_every_text(prepared, family, points, bold):
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    texts = list(prepared.table_samples.places)
    # near ties and narrow glyphs against wide ones: where a rough measure could pick the wrong text
    texts += ["iiiiiiiiiiiiiiiiiiiiiiiiiiiiii", "WWWWWWWWWWWW", "WWWWWWWWWWWi", "Ijsselmonde-Oost", "IJsselmonde-Oost",
              "two\nlines that are long together"]
    expected = max(QgsLayoutUtils.textWidthMM(font, t) for t in texts)
    assert widest_mm(font, texts) == expected
    assert widest_mm(font, texts[:3]) == max(QgsLayoutUtils.textWidthMM(font, t) for t in texts[:3])
