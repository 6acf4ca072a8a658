"""The rule parameters of the programme check, shown and edited in the check dock.

Values are the programme's settings (table `settings`, same keys as the rules' parameters); saving
writes them back through the store.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QFrame, QPushButton, QToolButton, QVBoxLayout, QWidget

from gebiedsplugin.core.rules import RULES
from gebiedsplugin.toolbelt.i18n import tr, ui_language
from gebiedsplugin.toolbelt.rule_texts import rule_texts


def parameter_labels() -> dict:
    """Parameter key -> label (translated)."""
    return {
        "conflict_distance_m": tr("Conflict distance (m)"),
        "rest_period_years": tr("Rest period (years)"),
        "stacking_max": tr("Most interventions per neighbourhood and year (count)"),
        "programme_tolerance_m": tr("Programme tolerance (m)"),
        "duplicate_funding_tolerance_m": tr("Duplicate funding tolerance (m)"),
        "city_tolerance_m": tr("City boundary tolerance (m)"),
        "min_overlap_share": tr("Smallest share in a second district (fraction 0–1, 0.05 = 5 %)"),
        "chance_distance_m": tr("Combination chance distance (m)"),
        "chance_years": tr("Combination chance: most years apart (years)"),
    }


def rule_titles(key: str) -> list:
    """The titles of the rules that use parameter *key*, in the UI's language."""
    texts = rule_texts(ui_language())
    return [texts.title(info) for info in RULES.values() if key in info.params]


def parameter_defaults() -> dict:
    """Every rule parameter once, with its default."""
    out: dict = {}
    for info in RULES.values():
        for key, value in info.params.items():
            out.setdefault(key, value)
    return out


class RuleParamsBox(QWidget):
    """A fold-out form with one spin box per rule parameter and a Save button (folded at first)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("check_params")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setText(tr("Rule parameters"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_open)
        outer.addWidget(self.toggle)
        self.panel = QFrame()
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel.setVisible(False)
        outer.addWidget(self.panel)
        form = QFormLayout(self.panel)
        labels = parameter_labels()
        self.boxes = {}
        for key, default in parameter_defaults().items():
            box = QDoubleSpinBox()
            box.setObjectName("param_" + key)
            box.setRange(0, 1000000)
            box.setDecimals(2 if default < 1 else 0)
            box.setSingleStep(0.05 if default < 1 else 1)
            box.setValue(default)
            box.setToolTip(tr("Used by: {}").format(", ".join(rule_titles(key))))
            self.boxes[key] = box
            form.addRow(labels.get(key, key), box)
        self.save_button = QPushButton(tr("Save parameters"))
        self.save_button.setObjectName("check_params_save")
        form.addRow("", self.save_button)

    def set_open(self, shown: bool) -> None:
        """Fold the form out (True) or in."""
        self.panel.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def set_values(self, settings: dict) -> None:
        """Show the programme's values (defaults where unset or malformed)."""
        defaults = parameter_defaults()
        for key, box in self.boxes.items():
            try:
                box.setValue(float(settings.get(key, defaults[key])))
            except (TypeError, ValueError):
                box.setValue(defaults[key])

    def values(self) -> dict:
        """key -> value as the settings table stores it (integers without decimals)."""
        out = {}
        for key, box in self.boxes.items():
            value = box.value()
            out[key] = str(int(value)) if float(value).is_integer() else str(value)
        return out
