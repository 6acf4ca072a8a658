"""The questions the plugin asks the planner (menu and docks), in one replaceable object.

Tests hand the dock a subclass that answers without dialogs; everything else stays real.
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from gebiedsplugin.toolbelt.i18n import tr


class Prompts:
    """Modal dialogs parented to *parent*."""

    def __init__(self, parent=None):
        self.parent = parent

    def confirm(self, title: str, text: str) -> bool:
        """Yes/No question; True for Yes."""
        answer = QMessageBox.question(self.parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save_discard_cancel(self, title: str, text: str) -> str:
        """Save / Discard / Cancel (Escape: Cancel); "save", "discard" or "cancel"."""
        save, discard = QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard
        cancel = QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(self.parent, title, text, save | discard | cancel, cancel)
        return {save: "save", discard: "discard"}.get(answer, "cancel")

    def restore_discard_later(self, title: str, text: str) -> str:
        """Restore / Discard / Later (Escape: Later); "restore", "discard" or "later"."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")

    def inform(self, title: str, text: str) -> None:
        """A message the planner must see (e.g. a refused save)."""
        QMessageBox.warning(self.parent, title, text)

    def show_history(self, title: str, trail: list, whole_programme: bool = False, names=None,
                     lists=None) -> None:
        """An audit trail (one row's, or the whole programme's) in a table dialog; *names*: key -> name
        of what findings are about; *lists*: the programme's value lists."""
        from gebiedsplugin.gui.audit_dialog import AuditDialog

        AuditDialog(title, trail, self.parent, whole_programme, names, lists).exec()

    def years_shift(self, default: int = 1):
        """How many years later a copy should be (negative: earlier); None when cancelled."""
        value, ok = QInputDialog.getInt(self.parent, tr("Copy to another period"),
                                        tr("Move the copy by this many years:"), default, -50, 50, 1)
        return value if ok else None

    def choose_area(self, choices: list):
        """Pick one of *choices* [(label, (table, code))]; the (table, code) or None."""
        if not choices:
            return None
        labels = [label for label, _ in choices]
        label, ok = QInputDialog.getItem(self.parent, tr("Intervention for a whole area"),
                                         tr("District or neighbourhood:"), labels, 0, False)
        if not ok:
            return None
        return choices[labels.index(label)][1]

    def open_path(self, start: str = "") -> str:
        """A programme file to open ('' when cancelled)."""
        path, _ = QFileDialog.getOpenFileName(self.parent, tr("Open programme"), start, tr("GeoPackage (*.gpkg)"))
        return path

    def new_path(self, start: str = "") -> str:
        """A file name for a new programme ('' when cancelled)."""
        path, _ = QFileDialog.getSaveFileName(self.parent, tr("New programme"), start, tr("GeoPackage (*.gpkg)"))
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path

    def csv_path(self, start: str = "") -> str:
        """A CSV file name to write the list to ('' when cancelled)."""
        path, _ = QFileDialog.getSaveFileName(self.parent, tr("Export the list as CSV"), start, tr("CSV (*.csv)"))
        if path and not path.lower().endswith(".csv"):
            path += ".csv"
        return path

    def backlog_path(self, start: str = "") -> str:
        """A .csv or .ods file for the funding backlog ('' when cancelled)."""
        path, chosen = QFileDialog.getSaveFileName(self.parent, tr("Write the funding backlog"), start,
                                                   tr("CSV (*.csv);;OpenDocument spreadsheet (*.ods)"))
        if path and not path.lower().endswith((".csv", ".ods")):
            path += ".ods" if ".ods" in chosen else ".csv"
        return path
