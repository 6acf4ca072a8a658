"""One programme map export in a fresh process, with the plugin's code from a given folder: the bench
and the parity test run the current code and an earlier commit (``baseline``) side by side with it.

Usage: python scripts/export_once.py [--code DIR] PROGRAMME.gpkg FOLDER [--formats ...]
Prints one JSON line: seconds, the export's own timings, files, pages.
``baseline(ref, into)`` extracts the plugin of commit *ref* (``git archive``) for ``--code``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "7ad3a28"  # main before #18: layout rendered twice on the main thread, data files feature by feature


def baseline(ref: str, into: Path) -> Path:
    """The gebiedsplugin package of commit *ref* under *into* (made once); *into* for --code."""
    if not (into / "gebiedsplugin" / "__init__.py").is_file():
        into.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "gebiedsplugin", "resources", "i18n"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
        # the translations are built, not committed: this checkout's (the export's Dutch texts as now)
        for qm in (ROOT / "i18n").glob("*.qm"):
            if not (into / "i18n" / qm.name).exists():
                shutil.copyfile(qm, into / "i18n" / qm.name)
    return into


def run(code: Path, programme: str, folder: str, formats=None, per_year: bool = False, table_rows: int = 0) -> dict:
    """Run this script in a child process on *code*; its JSON result plus peak memory (MB) and CPU seconds."""
    command = [sys.executable, str(Path(__file__).resolve()), "--code", str(code), str(programme), str(folder)]
    if formats:
        command += ["--formats"] + list(formats)
    if per_year:
        command.append("--per-year")
    if table_rows:
        command += ["--table-rows", str(table_rows)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    start = time.perf_counter()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError("export_once failed ({}):\n{}\n{}".format(proc.returncode, out[-2000:], err[-4000:]))
    result = json.loads(lines[-1])
    result.update(peak_mb=usage.ru_maxrss / 1024.0, cpu=usage.ru_utime + usage.ru_stime, process_wall=wall)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--code", default=str(ROOT))
    parser.add_argument("programme")
    parser.add_argument("folder")
    parser.add_argument("--formats", nargs="+")
    parser.add_argument("--per-year", action="store_true")
    parser.add_argument("--table-rows", type=int, default=0)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    import qgis_headless  # puts this checkout first on sys.path: *code* goes before it

    sys.path.insert(0, str(Path(args.code).resolve()))
    qgis_headless.start()
    from gebiedsplugin.core.export_plan import ExportRequest
    from gebiedsplugin.qgis_io.exporter import run_export

    Path(args.folder).mkdir(parents=True, exist_ok=True)
    request = ExportRequest(args.programme, args.folder, overwrite=True, per_year=args.per_year)
    if args.formats:
        request.formats = tuple(args.formats)
    if args.table_rows:
        request.table_rows = args.table_rows
    start = time.perf_counter()
    result = run_export(request)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "timings": result.timings, "files": result.files, "items": result.items,
                      "atlas_pages": result.atlas_pages, "pdf_pages": result.pdf_pages}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
