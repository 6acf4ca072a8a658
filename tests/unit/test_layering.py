"""The one layering contract (.importlinter): plugin > gui | processing_provider > qgis_io > toolbelt > core,
and core imports no qgis, Qt, osgeo or psycopg2. ``make lint`` runs it too; this test keeps it in the unit lane.

import-linter reads the sources (lazy imports inside functions count) and imports nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"  # pinned in requirements-dev.txt


def test_every_layering_contract_is_kept():
    assert LINT_IMPORTS.exists(), "import-linter is missing: run make setup"
    done = subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / ".importlinter")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout, done.stdout[-2000:]
