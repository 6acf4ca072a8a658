"""scripts/analyze_package.py (run by `make lint`): qgis-plugin-analyzer's repository checks fail the
build, its SQL warnings only where nobody reviewed the statement, its supportsQt6 complaint never."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

# A lint tool of the host venv (make setup), not of the QGIS LTR root's test venv.
pytest.importorskip("analyzer", reason="qgis-plugin-analyzer is a host lint tool (requirements-dev.txt)")

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("analyze_package", ROOT / "scripts" / "analyze_package.py")
gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gate)

METADATA = """[general]
name=Plugin
qgisMinimumVersion=3.22
qgisMaximumVersion=4.99
supportsQt6=True
description=A plugin for the test of the analyzer gate
about=A plugin for the test of the analyzer gate, long enough to be a description.
version=0.1.0
author=Test
email=test@example.org
repository=https://example.org/plugin
tracker=https://example.org/plugin/issues
category=Vector
"""
INIT = "def classFactory(iface):\n    from .plugin import Plugin\n    return Plugin(iface)\n"


def _zip(tmp_path, plugin_py: str) -> Path:
    path = tmp_path / "plugin.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in (("metadata.txt", METADATA), ("__init__.py", INIT), ("LICENSE", "GPL-2.0-or-later\n"),
                           ("plugin.py", plugin_py)):
            zf.writestr("plugin/" + name, text)
    return path


def test_sql_from_strings_fails_unless_reviewed(tmp_path):
    code = ('def rows(conn, table):\n'
            '    return conn.execute("SELECT * FROM {} WHERE x = 1".format(table)).fetchall()\n')
    found, summary = gate.check_zip(_zip(tmp_path, code))
    assert summary["repository"]["is_compliant"]
    assert [line.split()[:2] for line in found] == [["plugin.py:2", "B608"]]
    reviewed = code.replace(".fetchall()\n", ".fetchall()  # nosec B608\n")
    found, summary = gate.check_zip(_zip(tmp_path, reviewed))
    assert found == [] and summary["security findings (reviewed sites)"] == 1
    # the supportsQt6 flag is reported by the analyzer and judged, not a failure
    assert summary["heuristics (not gated)"].get("METADATA_SUPPORTS_QT6") == 1


def test_a_binary_in_the_zip_fails(tmp_path):
    path = _zip(tmp_path, "X = 1\n")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("plugin/helper.so", b"\x7fELF" + bytes(64))
    found, _ = gate.check_zip(path)
    assert len(found) == 1 and found[0].startswith("repository checks") and "helper.so" in found[0]
