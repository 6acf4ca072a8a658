"""The plugin repository's upload scans on the built zip: bandit and detect-secrets, zero findings.

    python scripts/upload_scan.py [dist/gebiedsplugin-VERSION.zip]   # default: the newest zip in dist/

plugins.qgis.org unzips an upload and runs ``bandit -r DIR -f json`` (its own selection of tests)
and ``detect-secrets scan --all-files`` in it, and blocks a version on a finding. This runs every
bandit test at every severity (a superset of that selection) and detect-secrets without the
repository's metadata.txt exclusion, so what passes here passes there. detect-secrets exits 0 even
when it finds something: its JSON report is what counts.
"""

from __future__ import annotations

import json
import subprocess  # nosec B404  # runs the scanners of this venv on a folder we made
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bandit_findings(folder: Path) -> list:
    """``file:line test_id severity text`` for each bandit result under *folder*."""
    proc = subprocess.run([sys.executable, "-m", "bandit", "-r", str(folder), "-f", "json", "-q"],  # nosec B603
                          capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        raise RuntimeError("bandit failed (rc {}): {}".format(proc.returncode, proc.stderr[-2000:]))
    report = json.loads(proc.stdout)
    if report.get("errors"):
        raise RuntimeError("bandit could not scan: {}".format(report["errors"]))
    return ["{}:{} {} {} {}".format(Path(r["filename"]).relative_to(folder), r["line_number"], r["test_id"],
                                    r["issue_severity"], r["issue_text"]) for r in report.get("results", [])]


def secrets_findings(report: dict) -> list:
    """``file:line type`` for each result in a ``detect-secrets scan`` JSON *report*."""
    return ["{}:{} {}".format(name, hit.get("line_number"), hit.get("type"))
            for name, hits in sorted(report.get("results", {}).items()) for hit in hits]


def detect_secrets_report(folder: Path) -> dict:
    """The JSON report of ``detect-secrets scan --all-files`` run in *folder*."""
    proc = subprocess.run([sys.executable, "-m", "detect_secrets", "scan", "--all-files", "."],  # nosec B603
                          cwd=folder, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError("detect-secrets failed (rc {}): {}".format(proc.returncode, proc.stderr[-2000:]))
    return json.loads(proc.stdout)


def scan_zip(path: Path) -> dict:
    """{'bandit': [...], 'detect-secrets': [...]} for the plugin zip at *path*."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with zipfile.ZipFile(path) as zf:
            zf.extractall(folder)  # our own zip, made by `make package`
        return {"bandit": bandit_findings(folder), "detect-secrets": secrets_findings(detect_secrets_report(folder))}


def main(argv) -> int:
    if argv:
        path = Path(argv[0])
    else:
        zips = sorted((ROOT / "dist").glob("gebiedsplugin-*.zip"), key=lambda p: p.stat().st_mtime)
        if not zips:
            print("upload_scan: no dist/gebiedsplugin-*.zip: run `make package` first")
            return 2
        path = zips[-1]
    found = scan_zip(path)
    for tool, findings in found.items():
        for finding in findings:
            print("{}: {}".format(tool, finding))
    print("upload_scan: {}: bandit {} finding(s), detect-secrets {} finding(s)".format(
        path.name, len(found["bandit"]), len(found["detect-secrets"])))
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
