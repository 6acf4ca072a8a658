"""The findings list at 1366x768 (qa item 7): in a right-hand dock about 408 px wide the finding's text
gets most of the width (before: ~115 px beside District, Status and Note), wraps whole (before: cut
after five lines), its note under it; the whole text stays in the tooltip. Row heights are checked
against the text wrapped at the width Qt paints it in, measured here with the font's metrics."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QRect, Qt
from qgis.PyQt.QtWidgets import QStyle

from gebiedsplugin.gui.check_tree import MESSAGE
from tests.qgis.gui_helpers import wait_for_check
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)

SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "shots"

NOTE = "Discussed on the district day with the neighbourhood council; the contractor comes back in spring"


@pytest.fixture()
def dock(ui_locale, plugin, sample_gpkg):
    """The check dock built in the planner's language (ui_locale before the plugin: its labels are made
    at initGui)."""
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    found = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_check_dock")
    found.show()
    found.resize(620, 760)
    return found


def test_finding_text_gets_the_room_and_wraps_whole(dock, ui_locale):
    assert dock.run_check()
    wait_for_check(dock)
    tree = dock.tree
    first = tree.finding_rows()[0]
    assert tree.select_finding(first["finding_id"])
    dock.note.setText(NOTE)
    dock.decision.setCurrentIndex(dock.decision.findData("accepted"))
    assert dock.decide_selected() == 1
    dock.setFloating(True)  # its own size, not the offscreen main window's
    dock.resize(408, 700)  # a right-hand dock on a 1366x768 screen (qa's walk); it keeps its minimum width
    dock.widget().layout().activate()
    tree.expandAll()
    for _ in range(5):
        QgsApplication.processEvents()
    view = tree.viewport().width()
    # District and status as wide as their contents; the text takes the rest, over half the width.
    rest = view - sum(max(tree.sizeHintForColumn(c), tree.header().sectionSizeHint(c)) for c in (1, 2))
    assert abs(tree.columnWidth(MESSAGE) - rest) <= 1 and rest >= 0.5 * view, (tree.columnWidth(MESSAGE), rest, view)
    assert tree.columnCount() == 3  # finding, district, status: the note is under the text

    tree.select_finding(first["finding_id"])
    item = tree.currentItem()
    assert NOTE in item.text(MESSAGE) and first["message"] in item.text(MESSAGE)  # the note under the text
    assert first["message"] in item.toolTip(MESSAGE) and NOTE in item.toolTip(MESSAGE)

    margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    metrics = tree.fontMetrics()
    checked = 0
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            rect = tree.visualItemRect(child)
            text_rect = tree.visualRect(tree.indexFromItem(child, MESSAGE))
            width = text_rect.width() - margin
            # Lines as the text wraps at that width; each laid out at the font's height (the style's
            # QTextLayout), which at a negative leading is more than the line spacing.
            lines = metrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap),
                                         child.text(MESSAGE)).height() / metrics.lineSpacing()
            needed = round(lines) * max(metrics.height(), metrics.lineSpacing())
            assert rect.height() >= needed, (child.text(MESSAGE), rect.height(), needed)
            checked += 1
    assert checked == len(tree.finding_rows()) >= 3
    tree.scrollToTop()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dock.grab().save(str(SHOTS / f"check-tree-narrow-{ui_locale}.png"))
