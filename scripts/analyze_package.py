"""qgis-plugin-analyzer's repository checks on the built zip, with what was judged a false positive named.

    python scripts/analyze_package.py [dist/gebiedsplugin-VERSION.zip]   # default: the newest zip in dist/

Runs ``qgis-analyzer analyze`` (qgis-plugin-analyzer, requirements-dev.txt) on the unzipped plugin and
fails on:

- the repository checks: not compliant, binaries in the zip, a structure or size error;
- a metadata finding, except METADATA_SUPPORTS_QT6 ("deprecated supportsQt6"): QGIS 3.44's own plugin
  installer (python/pyplugin_installer/installer_data.py) marks a plugin without ``supportsQt6=True``
  incompatible on a Qt6 build of QGIS 3.x, so the flag stays;
- a security finding at a site nobody reviewed. The analyzer ignores ``# nosec``; its B608 ("SQL
  built from strings") is reviewed where the line carries bandit's ``# nosec B608`` (identifiers from
  the schema, values as parameters) or composes with psycopg2's ``sql.SQL(...).format(sql.Identifier
  ...)`` or the GeoPackage migration's ``.format(q(...))``, which quote identifiers themselves. New SQL
  built from strings anywhere else fails.

Its code-style heuristics (docstrings, type hints, complexity, "untranslated strings" that are QGIS
expressions, SQL or sample data) are printed as counts, not gated. The rules' texts are marked with
QT_TRANSLATE_NOOP, which the analyzer learns from pyproject.toml ([tool.qgis-analyzer]).
"""

from __future__ import annotations

import json
import shutil
import subprocess  # nosec B404  # runs the analyzer of this venv on a folder we made
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUDGED_METADATA = {"METADATA_SUPPORTS_QT6"}
REVIEWED_SQL = ("# nosec", "sql.SQL(", ".format(q(")


def analyze(plugin: Path, out: Path) -> dict:
    """The analyzer's project_context.json for the plugin folder *plugin*."""
    shutil.copy(ROOT / "pyproject.toml", plugin / "pyproject.toml")  # its settings; not in the zip
    try:
        exe = Path(sys.executable).with_name("qgis-analyzer")
        proc = subprocess.run([str(exe), "analyze", str(plugin), "-o", str(out), "--linters", "none",  # nosec B603
                               "--workers", "1", "--no-cache"], capture_output=True, text=True, check=False)
    finally:
        (plugin / "pyproject.toml").unlink()
    report = out / "project_context.json"
    if not report.exists():
        raise RuntimeError("qgis-analyzer failed (rc {}): {}".format(proc.returncode, proc.stderr[-2000:]))
    return json.loads(report.read_text(encoding="utf-8"))


def problems(context: dict, plugin: Path) -> list:
    """What fails the gate, one line each."""
    out = []
    repo = context.get("repository_compliance", {})
    if not repo.get("is_compliant") or repo.get("binaries") or repo.get("constraint_errors") \
            or not repo.get("folder_name_valid", True):
        structure = context.get("qgis_compliance", {}).get("repository_standards", {}).get("structure", {})
        out.append("repository checks: {}".format({k: repo.get(k) for k in
                                                     ("is_compliant", "binaries", "constraint_errors",
                                                      "folder_name_valid", "package_size_mb")}
                                                    | {"missing_files": structure.get("missing_files")}))
    issues = context.get("qgis_compliance", {}).get("best_practices", {}).get("issues", [])
    for issue in issues:
        if issue["type"].startswith("METADATA_") and issue["type"] not in JUDGED_METADATA:
            out.append("{}:{} {} {}".format(issue["file"], issue["line"], issue["type"], issue["message"]))
    for finding in context.get("security", {}).get("findings", []):
        lines = (plugin / finding["file"]).read_text(encoding="utf-8").splitlines()
        line = lines[finding["line"] - 1] if 0 < finding["line"] <= len(lines) else ""
        if not any(mark in line for mark in REVIEWED_SQL):
            out.append("{}:{} {} {}".format(finding["file"], finding["line"], finding["type"], finding["message"]))
    return out


def check_zip(path: Path) -> tuple:
    """(problems, summary) for the plugin zip at *path*."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with zipfile.ZipFile(path) as zf:
            zf.extractall(folder / "unzipped")  # our own zip, made by `make package`
        plugin = next((folder / "unzipped").iterdir())
        context = analyze(plugin, folder / "report")
        found = problems(context, plugin)
    issues = context.get("qgis_compliance", {}).get("best_practices", {}).get("issues", [])
    summary = {
        "repository": context.get("repository_compliance", {}),
        "security findings (reviewed sites)": len(context.get("security", {}).get("findings", [])),
        "heuristics (not gated)": dict(Counter(i["type"] for i in issues).most_common()),
    }
    return found, summary


def main(argv) -> int:
    zips = [Path(argv[1])] if len(argv) > 1 else sorted((ROOT / "dist").glob("gebiedsplugin-*.zip"),
                                                        key=lambda p: p.stat().st_mtime)[-1:]
    if not zips:
        print("analyze_package: no zip in dist/ (run make package)", file=sys.stderr)
        return 2
    found, summary = check_zip(zips[0])
    print("qgis-analyzer on {}: {}".format(zips[0].name, json.dumps(summary, sort_keys=True)))
    for line in found:
        print("analyze_package: " + line, file=sys.stderr)
    print("qgis-analyzer: {} finding(s) that fail the gate".format(len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
