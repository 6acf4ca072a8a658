"""The Check in dock with a copy that has no changes (qa4's first-hour walk: Check in stayed enabled and, clicked,
closed the check-out without a word). The dock says there is nothing to check in; Check in asks first, and only
a Yes closes the check-out (read from the shared programme's schema_info with sqlite3). A copy with a change is
checked in without that question."""

from __future__ import annotations

import sqlite3

from qgis.core import Qgis

from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.offline import check_out
from tests.qgis.merge_dock_fixtures import *  # noqa: F401,F403 - the merge_dock fixture
from tests.qgis.merge_dock_fixtures import settle
from tests.qgis.test_offline import edit, in_district


class Answers(Prompts):
    def __init__(self, *answers):
        super().__init__()
        self.answers, self.asked = list(answers), []

    def confirm(self, title, text):
        self.asked.append((title, text))
        return self.answers.pop(0)


def checkins(path) -> list:
    """The shared programme's check-in stamps, read apart from the plugin."""
    with sqlite3.connect(str(path)) as db:
        return [r[0] for r in db.execute("SELECT key FROM schema_info WHERE key LIKE 'checkin:%'")]


def test_a_copy_without_changes_says_so_and_asks_before_closing_the_check_out(sample_gpkg, tmp_path, merge_dock,
                                                                              qgis_iface):
    path = sample_gpkg[0]
    copy = str(tmp_path / "maandag.gpkg")
    check_out(GpkgStore.open(path), copy, ["centrum"], planner="Anna")
    merge_dock.prompts = answers = Answers(False, True)
    merge_dock.load(copy)
    settle(merge_dock)
    assert merge_dock.status.text() == ("Nothing to check in: the copy has no changes since it was checked out. "
                                        "Check in only closes its check-out.")

    assert not merge_dock.check_in()  # No: nothing happens
    assert answers.asked == [("Nothing to check in", "maandag.gpkg has no changes since it was checked out. Close "
                              "its check-out anyway? The copy cannot be checked in after that.")]
    assert merge_dock.task is None and checkins(path) == []

    assert merge_dock.check_in()  # Yes: the check-out is closed
    settle(merge_dock)
    assert len(checkins(path)) == 1 and merge_dock.status.text() == "Checked in."
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)[-1] == (
        "Check in:The check-out of maandag.gpkg is closed; it had no changes.")


def test_a_copy_with_a_change_is_checked_in_without_the_question(sample_gpkg, tmp_path, merge_dock):
    path = sample_gpkg[0]
    copy = str(tmp_path / "dinsdag.gpkg")
    shared = GpkgStore.open(path)
    check_out(shared, copy, ["centrum"], planner="Anna")
    edit(GpkgStore(copy), in_district(GpkgStore(copy), "centrum", 1)[0], "Anna", title="Speeltuin")
    merge_dock.prompts = answers = Answers()
    merge_dock.load(copy)
    settle(merge_dock)
    assert merge_dock.status.text().startswith("0 new, 1 changed, 0 deleted rows to check in")
    assert merge_dock.check_in()
    settle(merge_dock)
    assert answers.asked == [] and len(checkins(path)) == 1
