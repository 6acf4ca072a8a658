"""The programme history shows a change as the forms and the findings register show it (qa2's note):
the field's alias and a value list's labels in the planner's language (`Status: Open → Accepted`, Dutch
`Status: Open → Geaccepteerd`), never the stored codes (`status: open → accepted`); and each column's
header text in view. The decisions are written with SQL on the GeoPackage (its triggers record them);
expected texts from schema/value-list sources and the .ts file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from osgeo import ogr

from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from tests.qgis.interventions_fixtures import programme_history
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)
from tests.unit.ts_texts import catalogue


def test_history_shows_aliases_and_labels_with_headers_in_view(plugin, sample_gpkg, ui_locale):
    path, _ = sample_gpkg
    run_check(CheckRequest(str(path)))
    with sqlite3.connect(str(path)) as db:
        finding = db.execute("SELECT finding_id FROM findings WHERE status = 'open' ORDER BY finding_id").fetchone()[0]
        uid, old = db.execute("SELECT uid, status FROM interventions_point WHERE status = 'planned'").fetchone()
    # Through GDAL: the GeoPackage's own triggers (rtree: ST_IsEmpty) need its SQL functions.
    source = ogr.Open(str(path), update=1)
    source.ExecuteSQL(f"UPDATE findings SET status = 'accepted', row_version = row_version + 1 "  # nosec B608
                      f"WHERE finding_id = '{finding}'")
    source.ExecuteSQL(f"UPDATE interventions_point SET status = 'done', row_version = row_version + 1 "  # nosec B608
                      f"WHERE uid = '{uid}'")
    source = None
    dialog, _trail = programme_history(plugin, path)
    dialog.show()
    changes = [row[-1] for row in dialog.rows() if row[3] in ("Changed", "Gewijzigd")]

    def text(context, source):
        return source if ui_locale == "en" else catalogue().get((context, source), source)

    status = text("schema", "Status")
    assert "{}: {} → {}".format(status, text("values", "Open"), text("values", "Accepted")) in changes
    assert "{}: {} → {}".format(status, text("values", "Planned"), text("values", "Done")) in changes
    assert old == "planned"
    assert not any("open →" in c or "status:" in c for c in changes)  # no stored code shown

    table = dialog.table
    header = table.horizontalHeader()
    view = table.viewport().width()
    for c in range(table.columnCount()):
        title_width = header.fontMetrics().horizontalAdvance(table.horizontalHeaderItem(c).text())
        left = header.sectionViewportPosition(c)
        assert header.sectionSize(c) >= title_width, c  # the header's text fits its column
        assert 0 <= left and left + title_width <= view, c  # and is in view
    table.scrollToBottom()
    shots = Path(__file__).resolve().parents[1] / "artifacts" / "shots"
    shots.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(shots / f"history-labels-{ui_locale}.png"))
    dialog.close()
