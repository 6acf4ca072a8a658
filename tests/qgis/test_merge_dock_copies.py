"""The Check in dock as a planner meets it (quality walk): named columns before a conflict is picked,
and a decision taken on one offline copy not carried over to another copy that has a conflict on the
same row."""

from __future__ import annotations

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.offline import check_out
from tests.qgis.merge_dock_fixtures import *  # noqa: F401,F403 - the merge_dock fixture
from tests.qgis.merge_dock_fixtures import settle
from tests.qgis.test_offline import edit, in_district, rows_by_uid


def headers(dock) -> list:
    return [dock.fields.horizontalHeaderItem(c).text() if dock.fields.horizontalHeaderItem(c) else ""
            for c in range(dock.fields.columnCount())]


def test_the_field_table_names_its_columns_before_a_conflict_is_chosen(merge_dock):
    assert headers(merge_dock) == ["Field", "Base\n(checked out)", "Mine\n(offline)", "Theirs\n(shared)"]


def test_a_decision_on_one_copy_does_not_decide_the_same_row_of_another_copy(sample_gpkg, tmp_path, merge_dock):
    shared = GpkgStore.open(sample_gpkg[0])
    first, second = str(tmp_path / "monday.gpkg"), str(tmp_path / "tuesday.gpkg")
    check_out(shared, first, ["centrum"], planner="Anna")
    check_out(shared, second, ["centrum"], planner="Anna")
    uid = in_district(GpkgStore(first), "centrum", 1)[0]
    edit(GpkgStore(first), uid, "Anna", title="Speeltuin (maandag)")
    edit(GpkgStore(second), uid, "Anna", title="Speeltuin (dinsdag)")
    edit(shared, uid, "Bert", title="Speeltuin (kantoor)")

    merge_dock.load(first)
    settle(merge_dock)
    assert merge_dock.conflicts.topLevelItemCount() == 1
    merge_dock.decide("mine")
    assert merge_dock.check_in_button.isEnabled()

    merge_dock.load(second)  # the planner picks the other copy instead
    settle(merge_dock)
    assert merge_dock.conflicts.topLevelItemCount() == 1
    assert merge_dock.conflicts.topLevelItem(0).text(1) == "undecided"
    assert "1 conflict, 1 undecided" in merge_dock.status.text()
    assert not merge_dock.check_in_button.isEnabled()
    assert not merge_dock.check_in()  # nothing written on a decision the planner never took for this copy
    assert rows_by_uid(shared)[uid][1]["title"] == "Speeltuin (kantoor)"


def test_conflicting_values_read_as_in_the_history(sample_gpkg, tmp_path, merge_dock):
    shared = GpkgStore.open(sample_gpkg[0])
    copy = str(tmp_path / "area_day.gpkg")
    check_out(shared, copy, ["centrum"], planner="Anna")
    uid = in_district(GpkgStore(copy), "centrum", 1)[0]
    base = rows_by_uid(shared)[uid][1]
    edit(GpkgStore(copy), uid, "Anna", budget=5000.0, city_wide=not base["city_wide"])
    edit(shared, uid, "Bert", budget=7500.0)
    merge_dock.load(copy)
    settle(merge_dock)
    cells = {merge_dock.fields.item(r, 0).text(): [merge_dock.fields.item(r, c).text() for c in (1, 2, 3)]
             for r in range(merge_dock.fields.rowCount())}
    old = base["budget"]
    assert cells["Budget (EUR)"] == ["{:.0f}".format(old) if float(old).is_integer() else str(old), "5000", "7500"]
    yes_no = {True: "yes", False: "no"}
    flag = bool(base["city_wide"])
    assert cells["City-wide"] == [yes_no[flag], yes_no[not flag], yes_no[flag]]
