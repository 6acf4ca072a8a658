"""Write docs/export_schema.md from gebiedsplugin/core/export_schema.py (the one home of the fields)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gebiedsplugin.core.export_schema import markdown  # noqa: E402

if __name__ == "__main__":
    (ROOT / "docs" / "export_schema.md").write_text(markdown(), encoding="utf-8")
    print(ROOT / "docs" / "export_schema.md")
