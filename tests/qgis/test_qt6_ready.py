"""QGIS 4 readiness, checked on a real QGIS. Every scoped enum the plugin writes
(``Qt.AlignmentFlag.AlignLeft``, ``Qgis.MessageLevel.Warning``...) exists on the QGIS this runs on:
the readiness gate (scripts/qt6_gate.py) makes the plugin write them scoped, and this proves the
scoped spelling works on the floor (3.22) and on the LTR lane (3.44). The compat module works too."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import qgis.core
import qgis.gui
from qgis.PyQt import QtCore, QtGui, QtWidgets

ROOT = Path(__file__).resolve().parents[2]
NAMESPACE = {}
for module in (QtWidgets, QtGui, QtCore, qgis.gui, qgis.core):
    NAMESPACE.update({k: v for k, v in vars(module).items() if k.startswith("Q")})


def _chains(tree):
    """Dotted names rooted at a Qt/QGIS class with a capitalised member: ('Qt', 'AlignmentFlag', 'AlignLeft')."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or isinstance(parents.get(node), ast.Attribute):
            continue
        parts, cur = [], node
        while isinstance(cur, ast.Attribute):
            parts.insert(0, cur.attr)
            cur = cur.value
        if isinstance(cur, ast.Name) and cur.id in NAMESPACE and len(parts) >= 2 and parts[0][:1].isupper():
            yield (cur.id, *parts)


def test_every_scoped_enum_the_plugin_uses_exists_here():
    used = set()
    for path in sorted((ROOT / "gebiedsplugin").rglob("*.py")):
        used.update(_chains(ast.parse(path.read_text(encoding="utf-8"))))
    assert len(used) > 40
    missing = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        for chain in sorted(used):
            obj = NAMESPACE[chain[0]]
            try:
                for part in chain[1:]:
                    obj = getattr(obj, part)
            except (AttributeError, DeprecationWarning) as e:
                missing.append("{}: {}".format(".".join(chain), e))
    assert missing == [], "QGIS {}: {}".format(qgis.core.Qgis.QGIS_VERSION, missing)


def test_fields_and_actions_through_the_compat_module():
    from gebiedsplugin.toolbelt.qt_compat import QAction, field

    for meta in (QtCore.QMetaType.Type.QString, QtCore.QMetaType.Type.Int, QtCore.QMetaType.Type.Double,
                 QtCore.QMetaType.Type.Bool, QtCore.QMetaType.Type.LongLong):
        made = field("x", meta)
        assert (made.name(), int(made.type())) == ("x", int(meta))
    assert QAction.__name__ == "QAction" and issubclass(QAction, QtCore.QObject)
