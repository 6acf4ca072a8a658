"""The dock's filter bar: district (or whole city), period, domain, kind, theme, status, funding,
planning precision."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from gebiedsplugin.core import funding_gap, schema
from gebiedsplugin.core.intervention_list import ListFilter
from gebiedsplugin.core.value_lists import stored_label, value_list
from gebiedsplugin.toolbelt.i18n import tr

_ANY_YEAR = schema.MIN_YEAR - 1  # the spin boxes' "any" value (shown as special text)
_LISTS = ("domain", "kind", "theme", "status")


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def _year_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(_ANY_YEAR, schema.MAX_YEAR)
    box.setSpecialValueText(tr("any"))
    box.setValue(_ANY_YEAR)
    return box


class FilterBar(QWidget):
    """Widgets whose state is a ListFilter; emits changed() whenever it changes."""

    changed = pyqtSignal()
    districtChanged = pyqtSignal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.district = _combo("district")
        self.year_from = _year_box("year_from")
        self.year_to = _year_box("year_to")
        self.combos = {name: _combo(name) for name in _LISTS}
        self.funding = _combo("funding")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("District"), self.district)
        period = QHBoxLayout()
        period.addWidget(self.year_from, 1)
        period.addWidget(QLabel(tr("to")))
        period.addWidget(self.year_to, 1)
        form.addRow(tr("Period"), period)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.combos["domain"], 1)
        row1.addWidget(self.combos["kind"], 1)
        row2.addWidget(self.combos["theme"], 1)
        row2.addWidget(self.combos["status"], 1)
        form.addRow(tr("Domain, kind"), row1)
        form.addRow(tr("Theme, status"), row2)
        self.precision = _combo("precision")  # coarse planning: firm, to the quarter, indicative
        for text, codes in ((tr("Any planning"), None), (tr("Firm (years or quarters)"), ("year", "quarter")),
                            (tr("To the quarter"), ("quarter",)), (tr("Indicative"), ("indicative",))):
            self.precision.addItem(text, codes)
        row3 = QHBoxLayout()  # one row for both, as above: the list keeps its rows at 1366x768
        row3.addWidget(self.funding, 1)
        row3.addWidget(self.precision, 1)
        form.addRow(tr("Funding, planning"), row3)
        self.precision.currentIndexChanged.connect(self.changed)
        self.set_value_lists({}, "en")
        self.set_districts([])
        self.district.currentIndexChanged.connect(self._district_changed)
        for box in (self.year_from, self.year_to):
            box.valueChanged.connect(self.changed)
        for combo in (*self.combos.values(), self.funding):
            combo.currentIndexChanged.connect(self.changed)

    # --- content -----------------------------------------------------------------------------
    def set_districts(self, choices: list) -> None:
        """Fill the district list: the whole city first, then (code, name) pairs."""
        current = self.district.currentData()
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(tr("Whole city"), schema.CITY_ID)
        for code, name in choices:
            if code != schema.CITY_ID:
                self.district.addItem(str(name), code)
        found = self.district.findData(current)
        self.district.setCurrentIndex(max(found, 0))
        self.district.blockSignals(False)

    def set_value_lists(self, value_lists: dict, lang: str) -> None:
        """Fill domain/kind/theme/status from the programme's value lists (defaults as fallback)."""
        names = {"domain": tr("All domains"), "kind": tr("All kinds"), "theme": tr("All themes"),
                 "status": tr("All statuses")}
        for list_name, combo in self.combos.items():
            current = combo.currentData()
            codes = value_lists.get(list_name) or value_list(list_name)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(names[list_name], None)
            for code, labels in codes.items():
                combo.addItem(stored_label(list_name, code, labels, lang), code)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.blockSignals(False)
        self._fill_funding(lang)

    def _fill_funding(self, lang: str) -> None:
        """Funded / partly funded / unfunded / no budget (core/funding_gap.py's rule)."""
        current = self.funding.currentData()
        self.funding.blockSignals(True)
        self.funding.clear()
        self.funding.addItem(tr("Any funding"), None)
        for code in funding_gap.STATUSES:
            self.funding.addItem(funding_gap.label(code, lang), code)
        self.funding.setCurrentIndex(max(self.funding.findData(current), 0) if current else 0)
        self.funding.blockSignals(False)

    # --- state -------------------------------------------------------------------------------
    def current(self) -> ListFilter:
        """The filter the widgets describe."""
        def chosen(name):
            code = self.combos[name].currentData()
            return frozenset([code]) if code else frozenset()

        def year(box):
            return None if box.value() == _ANY_YEAR else box.value()

        return ListFilter(
            district_id=self.district.currentData(), year_from=year(self.year_from), year_to=year(self.year_to),
            domains=chosen("domain"), kinds=chosen("kind"), themes=chosen("theme"), statuses=chosen("status"),
            funding=frozenset([self.funding.currentData()]) if self.funding.currentData() else frozenset(),
            precisions=frozenset(self.precision.currentData() or ()))

    def set_choice(self, name: str, code) -> None:
        """Select *code* in the combo *name* ('district', 'domain', 'kind', 'theme', 'status', 'funding')."""
        combo = {"district": self.district, "funding": self.funding}.get(name) or self.combos[name]
        combo.setCurrentIndex(max(combo.findData(code), 0))

    def set_period(self, year_from: int | None, year_to: int | None) -> None:
        """Set the year range (None: any)."""
        self.year_from.setValue(year_from or _ANY_YEAR)
        self.year_to.setValue(year_to or _ANY_YEAR)

    def _district_changed(self) -> None:
        self.districtChanged.emit(self.district.currentData() or schema.CITY_ID)
        self.changed.emit()
