"""Another programme after one: the Overview and the layer tree start afresh; unsaved edits are asked about first."""

from __future__ import annotations

import sqlite3

from qgis.core import Qgis, QgsProject

from gebiedsplugin.core import schema
from gebiedsplugin.core.row_changes import UPDATE, RowChange
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.qgis_io.overview_tables import period_text
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.qgis_io.store.save import save
from tests.qgis.test_overview_dock import overview_dock


def _groups():
    return [g.name() for g in QgsProject.instance().layerTreeRoot().findGroups() if g.name().startswith("Programme")]


def test_create_after_open_resets_overview_and_layer_tree(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    dock = overview_dock(plugin)
    assert use_programme(qgis_iface, plugin.controller.open, str(path))
    dock.reload()
    first, last = dock.overview.years()
    dock.set_scope(year_from=first + 2, year_to=first + 2)
    assert dock.status.text().endswith(" · {}".format(first + 2))  # one year written once, not "2027–2027"
    assert len(_groups()) == 1
    new = tmp_path / "empty.gpkg"
    assert use_programme(qgis_iface, plugin.controller.create, str(new))
    message = qgis_iface.messageBar().get_messages(Qgis.Success)[-1]  # pytest-qgis's bar keeps them
    assert "Created " in message and "Opened" not in message
    assert _groups() == ["Programme: empty"]  # the previous programme's group is gone
    assert all(layer.source().split("|")[0] == str(new) for layer in QgsProject.instance().mapLayers().values())
    dock.reload()
    assert dock.district.itemText(0) == "Whole city" and dock.district.itemData(0) == schema.CITY_ID  # not "city"
    assert dock.year_from.value() == schema.MIN_YEAR  # the old period is not kept
    assert dock.status.text() == "Whole city · no interventions yet"


class Answers(Prompts):
    """Answers the unsaved-edits question with *answer*; records every question and message."""

    def __init__(self, answer: str):
        super().__init__(None)
        self.answer = answer
        self.asked: list = []

    def save_discard_cancel(self, title, text):
        self.asked.append(("save_discard_cancel", text))
        return self.answer

    def inform(self, title, text):
        self.asked.append(("inform", text))


def _sql(path, query, *args):
    conn = sqlite3.connect(str(path))
    try:
        found = conn.execute(query, args).fetchall()
        conn.commit()
        return found
    finally:
        conn.close()


def _stored_title(path, fid):
    return _sql(path, "SELECT title, row_version FROM interventions_point WHERE fid = ?", fid)[0]


def _edit_one(plugin, path):
    """Open *path*, change one point intervention's title and one of a line's in the buffers; the point's fid."""
    assert use_programme(plugin.iface, plugin.controller.open, str(path), Answers("cancel"))
    fids = {}
    for table in ("interventions_point", "interventions_line"):
        layer = plugin.controller.layer(table)
        layer.startEditing()
        fids[table] = min(f.id() for f in layer.getFeatures())
        assert layer.changeAttributeValue(fids[table], layer.fields().indexOf("title"), "Unsaved " + table)
    return fids["interventions_point"]


def _layer_files():
    return {layer.source().split("|")[0] for layer in QgsProject.instance().mapLayers().values()}


def test_save_writes_the_old_edits_through_the_plugins_save_then_switches(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    fid = _edit_one(plugin, path)
    before = _stored_title(path, fid)
    audits = _sql(path, "SELECT count(*) FROM audit_log")[0][0]
    answers, other = Answers("save"), tmp_path / "other.gpkg"
    assert use_programme(qgis_iface, plugin.controller.create, str(other), answers)
    [(kind, text)] = answers.asked
    assert kind == "save_discard_cancel"
    assert "“voorbeeldstad” has unsaved edits in 2 interventions" in text and "“other”" in text
    assert _stored_title(path, fid) == ("Unsaved interventions_point", before[1] + 1)  # versioned save
    assert _sql(path, "SELECT count(*) FROM audit_log")[0][0] == audits + 2  # audited, one row each
    assert _layer_files() == {str(other)} and _groups() == ["Programme: other"]


def test_discard_drops_the_old_edits_and_switches(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    fid = _edit_one(plugin, path)
    before = _stored_title(path, fid)
    other = tmp_path / "other.gpkg"
    assert use_programme(qgis_iface, plugin.controller.create, str(other), Answers("discard"))
    assert _stored_title(path, fid) == before
    assert _layer_files() == {str(other)} and _groups() == ["Programme: other"]  # every name once


def test_cancel_keeps_the_old_programme_open_with_its_edit(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    fid = _edit_one(plugin, path)
    before = _stored_title(path, fid)
    other = tmp_path / "other.gpkg"
    assert not use_programme(qgis_iface, plugin.controller.create, str(other), Answers("cancel"))
    assert not other.exists()  # nothing created, nothing opened
    assert plugin.controller.store.path == str(path.resolve())
    layer = plugin.controller.layer("interventions_point")
    assert layer.isModified() and layer.getFeature(fid)["title"] == "Unsaved interventions_point"
    assert _stored_title(path, fid) == before and _layer_files() == {str(path)}
    layer.rollBack()
    plugin.controller.layer("interventions_line").rollBack()


def test_a_refused_save_switches_nothing_and_says_why(plugin, sample_gpkg, tmp_path, qgis_iface):
    path, _ = sample_gpkg
    fid = _edit_one(plugin, path)
    # A colleague saved the row after it was read (the gpkg's triggers need QGIS's SQL functions,
    # so through the store): the plugin's save must refuse.
    save(open_store(str(path)), [RowChange("interventions_point", UPDATE, fid, None, {"title": "Bert's"})], "Bert")
    answers, other = Answers("save"), tmp_path / "other.gpkg"
    assert not use_programme(qgis_iface, plugin.controller.open, str(other), answers)
    [(_, message)] = [a for a in answers.asked if a[0] == "inform"]
    assert "was not opened" in message and "changed by Bert" in message, message
    assert plugin.controller.store.path == str(path.resolve())
    layer = plugin.controller.layer("interventions_point")
    assert layer.isModified() and layer.getFeature(fid)["title"] == "Unsaved interventions_point"
    assert _stored_title(path, fid)[0] == "Bert's"
    assert _layer_files() == {str(path)}
    layer.rollBack()
    plugin.controller.layer("interventions_line").rollBack()


def test_period_text():
    texts = (period_text(2025, 2025), period_text(2025, 2027), period_text(None, 2027))
    assert texts == ("2025", "2025–2027", "…–2027")


def _qgis_save_before_clearing() -> bool:
    """What QGIS does on New project / Open project / quit (QgisApp::checkUnsavedLayerEdits): for each
    modified vector layer "Do you want to save the changes to layer X?", here answered Save, which calls
    the layer's commitChanges(); the first failure stops the close (returns False)."""
    for layer in QgsProject.instance().mapLayers().values():
        if getattr(layer, "isModified", None) and layer.isEditable() and layer.isModified():
            if not layer.commitChanges():
                return False
    return True


def test_qgis_own_save_on_new_project_goes_through_the_plugins_save(plugin, sample_gpkg):
    path, _ = sample_gpkg
    fid = _edit_one(plugin, path)
    before = _stored_title(path, fid)
    audits = _sql(path, "SELECT count(*) FROM audit_log")[0][0]
    assert _qgis_save_before_clearing()
    assert _stored_title(path, fid) == ("Unsaved interventions_point", before[1] + 1)
    assert _sql(path, "SELECT count(*) FROM audit_log")[0][0] == audits + 2  # both layers, audited
    QgsProject.instance().clear()
    assert plugin.controller.store is None


def test_qgis_own_save_on_new_project_is_refused_on_a_conflict(plugin, sample_gpkg, qgis_iface):
    path, _ = sample_gpkg
    qgis_iface.messageBar().clear_messages()
    fid = _edit_one(plugin, path)
    save(open_store(str(path)), [RowChange("interventions_point", UPDATE, fid, None, {"title": "Bert's"})], "Bert")
    line = plugin.controller.layer("interventions_line")
    line_fid = min(f.id() for f in line.getFeatures())
    line_title = _sql(path, "SELECT title FROM interventions_line WHERE fid = ?", line_fid)
    # Whichever layer QGIS asks about first: the line (no conflict of its own) is refused with the rest,
    # by the plugin's save and then by the file's row_version guard on QGIS's own write.
    assert not line.commitChanges()
    assert not _qgis_save_before_clearing()  # QGIS then keeps the project open
    assert _stored_title(path, fid)[0] == "Bert's"
    assert _sql(path, "SELECT title FROM interventions_line WHERE fid = ?", line_fid) == line_title
    # QGIS shows only the database's refusal; the plugin says whose change stands in the way.
    said = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert any("Not saved" in m and "changed by Bert" in m for m in said), said
    assert plugin.controller.layer("interventions_point").isModified()
    for table in ("interventions_point", "interventions_line"):
        plugin.controller.layer(table).rollBack()
