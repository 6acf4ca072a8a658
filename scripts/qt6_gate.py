"""QGIS 4 / Qt6 readiness gate: fail on what PyQt6 and QGIS 4 removed (issue #14).

    python scripts/qt6_gate.py [PATH ...]      # default: gebiedsplugin; exit 1 on any finding

No Debian release ships QGIS 4, so this is checked statically, next to flake8-qgis (whose QGS4xx rules
catch some of the same). What it refuses, and what to write instead:

- ``exec_()``: use ``exec()``;
- matplotlib's Qt5-only backends (``backend_qt5agg``, ``backend_qt5``, ``backend_qt4agg``): use
  ``backend_qtagg`` (matplotlib >= 3.5, Debian 12 has 3.6);
- ``QVariant.String``-style types: use ``QMetaType.Type`` (``toolbelt.qt_compat.field`` builds a
  ``QgsField`` on every QGIS version);
- ``QAction``/``QActionGroup``/``QShortcut`` imported from ``QtWidgets`` (they are in ``QtGui`` in Qt6):
  import them from ``toolbelt.qt_compat``;
- ``QRegExp``, ``QDesktopWidget``, ``qApp``, compiled resources (``resources_rc``), ``PyQt5`` imports;
- unscoped enums: ``Qt.AlignLeft``, ``Qgis.Warning``, ``QgsWkbTypes.MultiPolygon``... must be written
  scoped (``Qt.AlignmentFlag.AlignLeft``, ``Qgis.MessageLevel.Warning``, ``QgsWkbTypes.Type.MultiPolygon``).
  Detected as ``QClass.Member`` (capitalised, not ALL_CAPS) that is neither called nor followed by a
  further attribute. tests/qgis/test_qt6_ready.py checks that every scoped name the plugin uses
  exists on the running QGIS (3.22 and 3.44 lanes).

The compatibility module (``toolbelt/qt_compat.py``) is where the version switch lives; it is checked
too, and writes the Qt5 names so the patterns above do not match.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

LINE_RULES = [
    (re.compile(r"\bexec_\s*\("), "exec_() is gone in PyQt6: use exec()"),
    (re.compile(r"backend_qt5agg|backend_qt5\b|backend_qt4agg"), "Qt5-only matplotlib backend: use backend_qtagg"),
    (re.compile(r"\bQVariant\.(String|Int|UInt|LongLong|ULongLong|Double|Bool|Date|DateTime|Time|Map|List|"
                r"StringList|ByteArray|Invalid)\b"),
     "QVariant types are gone in Qt6: use QMetaType.Type (toolbelt.qt_compat.field for a QgsField)"),
    (re.compile(r"\bQRegExp\b"), "QRegExp is gone in Qt6: use QRegularExpression"),
    (re.compile(r"\bQDesktopWidget\b"), "QDesktopWidget is gone in Qt6: use QScreen"),
    (re.compile(r"\bqApp\b"), "qApp is gone in PyQt6: use QApplication.instance()"),
    (re.compile(r"\bresources_rc\b|\bpyrcc5\b"), "compiled resources are gone in PyQt6: use plain files"),
    (re.compile(r"^\s*(from|import)\s+PyQt5\b"), "import Qt through qgis.PyQt"),
]
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoStack", "QFileSystemModel"}
QT_ROOT = re.compile(r"^(Qt|Qgs[A-Za-z0-9]*|Qgis|Q[A-Z][A-Za-z0-9]*)$")
CONSTANT = re.compile(r"^[A-Z0-9_]+$")
# Capitalised class attributes that are nested classes (or types), not enum members.
NOT_ENUM_MEMBERS = {"PdfExportSettings", "ImageExportSettings", "SvgExportSettings", "PrintExportSettings"}


def _parents(tree: ast.AST) -> dict:
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def check_source(source: str, name: str = "<string>") -> list:
    """Findings in one module's *source*: a list of ``"name:line: message"``."""
    findings = []
    for number, line in enumerate(source.splitlines(), 1):
        code = line.split("#", 1)[0] if not line.lstrip().startswith(("'", '"')) else line
        for pattern, message in LINE_RULES:
            if pattern.search(code):
                findings.append("{}:{}: {}".format(name, number, message))
    tree = ast.parse(source, name)
    parents = _parents(tree)
    annotations = set()  # type references (QMetaType.Type in a signature) are not enum members
    for node in ast.walk(tree):
        for ann in (getattr(node, "annotation", None), getattr(node, "returns", None)):
            if ann is not None:
                annotations.update(id(sub) for sub in ast.walk(ann))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("QtWidgets"):
            moved = sorted(MOVED_TO_QTGUI & {alias.name for alias in node.names})
            if moved:
                findings.append("{}:{}: {} is in QtGui in Qt6: import it from gebiedsplugin.toolbelt.qt_compat".format(
                    name, node.lineno, ", ".join(moved)))
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and QT_ROOT.match(node.value.id):
            attr, parent = node.attr, parents.get(node)
            if not attr[:1].isupper() or CONSTANT.match(attr) or attr in NOT_ENUM_MEMBERS or id(node) in annotations:
                continue
            if isinstance(parent, ast.Attribute) and parent.value is node:
                continue  # Qt.AlignmentFlag.AlignLeft: scoped
            if isinstance(parent, ast.Call) and parent.func is node:
                continue  # QgsLayoutExporter.PdfExportSettings(): a nested class
            findings.append("{}:{}: unscoped enum {}.{}: write it with its enum type ({}.<Enum>.{})".format(
                name, node.lineno, node.value.id, attr, node.value.id, attr))
    return findings


def check_paths(paths) -> list:
    """Findings in every .py file under *paths*."""
    findings = []
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            findings.extend(check_source(path.read_text(encoding="utf-8"), str(path)))
    return findings


def main(argv) -> int:
    findings = check_paths(argv or ["gebiedsplugin"])
    for finding in findings:
        print(finding)
    print("qt6_gate: {} finding(s)".format(len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
