"""The Check out dialog's districts: the programme's districts by name to tick, not codes to type.

A Processing widget wrapper on the DISTRICTS parameter, which keeps its value (district codes, comma
separated) for scripts and models; the batch and model dialogs keep the plain text field.
"""

from __future__ import annotations

from processing.gui.wrappers import DIALOG_STANDARD, WidgetWrapper
from qgis.core import QgsProcessingParameterDefinition
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.open import open_store
from gebiedsplugin.toolbelt.i18n import tr

CODE_ROLE = Qt.ItemDataRole.UserRole


def programme_districts(source: str) -> list:
    """[(code, name)] of the districts of programme *source*, by name, the whole city left out; [] when
    *source* is not (yet) a readable programme."""
    try:
        rows = open_store(source).read_table("districts")[0] if source else []
    except (ProgrammeError, OSError, RuntimeError):
        return []
    pairs = [(str(r["district_id"]), str(r.get("name") or r["district_id"])) for r in rows
             if r.get("district_id") and r["district_id"] != schema.CITY_ID]
    return sorted(pairs, key=lambda pair: pair[1].casefold())


class DistrictsWrapper(WidgetWrapper):
    """A list of the chosen programme's districts with a tick box each; its value the ticked codes."""

    def createWidget(self):  # noqa: N802 - Processing API
        if self.dialogType != DIALOG_STANDARD:
            return QLineEdit()
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.districts = QListWidget(widget)
        self.districts.setObjectName("check_out_districts")
        self.districts.itemChanged.connect(lambda _item: self.widgetValueHasChanged.emit(self))
        self.hint = QLabel(tr("None ticked: the whole city."), widget)
        self.hint.setObjectName("check_out_districts_hint")
        self.hint.setWordWrap(True)  # the longer hint (no programme yet) widened the panel past the dialog
        layout.addWidget(self.districts)
        layout.addWidget(self.hint)
        self.wanted: set = set()  # codes to tick once the programme's districts are read
        self.source = None
        self.reader = QTimer(widget)  # a path typed letter by letter is read once, when typing pauses
        self.reader.setSingleShot(True)
        self.reader.setInterval(300)
        self.reader.timeout.connect(self._read)
        return widget

    def createLabel(self):  # noqa: N802 - Processing API
        # Processing's Python wrappers add " [optional]" through their own translation, which QGIS's Dutch
        # lacks ("Stadsdelen [optional]" above "Vanaf jaar [optioneel]"); take the one QGIS's C++ wrappers use.
        label = super().createLabel()
        definition = self.parameterDefinition()
        if label is not None and definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
            text = QCoreApplication.translate("QObject", "%1 [optional]")
            label.setText(text.replace("%1", definition.description()))
        return label

    def postInitialize(self, wrappers):  # noqa: N802 - Processing API
        if self.dialogType != DIALOG_STANDARD:
            return
        for wrapper in wrappers:
            if wrapper.parameterDefinition().name() == "PROGRAMME":
                self.source = wrapper
                wrapper.widgetValueHasChanged.connect(lambda _wrapper: self.reader.start())
                self._read()

    def _read(self) -> None:
        value = self.source.parameterValue() if self.source is not None else ""
        self.wanted |= set(self._ticked())
        self.districts.blockSignals(True)
        self.districts.clear()
        for code, name in programme_districts(str(value or "")):
            item = QListWidgetItem(name, self.districts)
            item.setData(CODE_ROLE, code)
            item.setToolTip(code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in self.wanted else Qt.CheckState.Unchecked)
        self.districts.blockSignals(False)
        rows = min(max(self.districts.count(), 3), 8)  # up to 8 names in view without scrolling
        row = max(self.districts.sizeHintForRow(0), 16)
        self.districts.setFixedHeight(rows * row + 2 * self.districts.frameWidth())
        self.hint.setText(tr("None ticked: the whole city.") if self.districts.count()
                          else tr("Choose the programme to list its districts; none ticked: the whole city."))

    def _ticked(self) -> list:
        return [self.districts.item(i).data(CODE_ROLE) for i in range(self.districts.count())
                if self.districts.item(i).checkState() == Qt.CheckState.Checked]

    def setValue(self, value):  # noqa: N802 - Processing API
        codes = [c.strip() for c in str(value or "").split(",") if c.strip()]
        if self.dialogType != DIALOG_STANDARD:
            self.widget.setText(",".join(codes))
            return
        self.wanted = set(codes)
        for i in range(self.districts.count()):
            item = self.districts.item(i)
            ticked = item.data(CODE_ROLE) in self.wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def value(self):
        if self.dialogType != DIALOG_STANDARD:
            return self.widget.text()
        self.wanted = set(self._ticked())
        return ",".join(self._ticked())
