"""scripts/upload_scan.py (run by `make lint`) fails on what the plugin repository's scans would find,
although detect-secrets itself exits 0 with findings."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

# The scanners are lint tools of the host venv (make setup), not of the QGIS LTR root's test venv.
pytest.importorskip("bandit")
pytest.importorskip("detect_secrets")

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("upload_scan", ROOT / "scripts" / "upload_scan.py")
scan = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scan)


def _zip(tmp_path, files: dict) -> Path:
    path = tmp_path / "plugin.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr("plugin/" + name, text)
    return path


def test_a_secret_and_a_weak_hash_are_findings(tmp_path):
    key = "AKIA" + "IOSFODNN7" + "EXAMPLE"  # an AWS access key id, built so this file holds none
    path = _zip(tmp_path, {"__init__.py": "import hashlib\nDIGEST = hashlib.sha1(b'x').hexdigest()\n",
                           "config.py": "AWS_KEY = '{}'\n".format(key)})
    found = scan.scan_zip(path)
    assert [f.split()[1] for f in found["bandit"]] == ["B324"]
    assert found["detect-secrets"] == ["plugin/config.py:1 AWS Access Key"]
    assert scan.main([str(path)]) == 1


def test_a_clean_zip_passes(tmp_path):
    path = _zip(tmp_path, {"__init__.py": "def classFactory(iface):\n    return None\n"})
    assert scan.scan_zip(path) == {"bandit": [], "detect-secrets": []}
    assert scan.main([str(path)]) == 0


def test_the_report_is_parsed_not_the_exit_code():
    report = {"results": {"a.py": [{"type": "Secret Keyword", "line_number": 3}]}}
    assert scan.secrets_findings(report) == ["a.py:3 Secret Keyword"]
