"""Benchmark of reading a GeoPackage programme (ogr_read.read_programme, what the check and the export
read) beside the reader before #18 (commit export_once.BASELINE), in the same run, each in a fresh
process; best of three reads after a warm-up, CPU seconds (the machine may be shared) and wall.
Target (#18): at least 2x faster at 100,000 interventions.

Usage: .venv/bin/python scripts/bench_read.py [--sizes 10000 100000] [--out bench/out]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import export_once  # noqa: E402
from bench_export import programme_path  # noqa: E402

_CHILD = """
import json, sys, time
sys.path.insert(0, {code!r})
from gebiedsplugin.qgis_io.store import ogr_read
ogr_read.read_programme({path!r})
cpu, wall = [], []
for _ in range(3):
    c, w = time.process_time(), time.perf_counter()
    programme = ogr_read.read_programme({path!r})
    cpu.append(time.process_time() - c)
    wall.append(time.perf_counter() - w)
print(json.dumps({{"cpu": min(cpu), "wall": min(wall), "interventions": len(programme.interventions)}}))
"""


def _read(code: Path, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD.format(code=str(code), path=str(path))], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--out", default=str(HERE.parent / "bench" / "out"))
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    old = export_once.baseline(export_once.BASELINE, out / "baseline_{}".format(export_once.BASELINE))
    print("{:>8} {:>10} {:>10} {:>6} {:>10} {:>10}".format("items", "before CPU", "now CPU", "ratio", "before wall",
                                                          "now wall"))
    for size in args.sizes:
        path = programme_path(out, size)
        t = time.perf_counter()
        before, now = _read(old, path), _read(export_once.ROOT, path)
        print("{:>8,} {:>9.2f}s {:>9.2f}s {:>5.1f}x {:>10.2f}s {:>9.2f}s  ({:.0f} s)".format(
            now["interventions"], before["cpu"], now["cpu"], before["cpu"] / now["cpu"], before["wall"],
            now["wall"], time.perf_counter() - t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
