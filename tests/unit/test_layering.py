"""The one layering contract (.importlinter): plugin > gui | processing_provider > qgis_io > toolbelt > core,
core imports no qgis, Qt, osgeo or psycopg2, and no two sibling modules or packages import each other
(no circles). ``make lint`` runs it too; this test keeps it in the unit lane. import-linter reads the
sources (lazy imports inside functions count) and imports nothing.

And no module borrows another's private name (``from x import _name``): a shared name is public.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"  # pinned in requirements-dev.txt


def test_every_layering_contract_is_kept():
    assert LINT_IMPORTS.exists(), "import-linter is missing: run make setup"
    done = subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / ".importlinter")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout, done.stdout[-2000:]


@pytest.mark.parametrize("package", ["gebiedsplugin", "tests"])
def test_no_private_name_is_imported_from_another_module(package):
    """Nor in the tests: what test modules share lives public in a helpers module (tests/qgis/*_fixtures.py,
    gui_helpers.py, check_parity.py...)."""
    borrowed = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(package)):
                borrowed += ["{}:{} {}".format(path.relative_to(ROOT), node.lineno, a.name) for a in node.names
                             if a.name.startswith("_") and not a.name.startswith("__")]
    assert not borrowed, borrowed
