"""Benchmark of the programme map export: the whole atlas (PDF + PNG pages) and the data files
for Voorbeeldstad with 10,000 and 100,000 interventions. Target: at most 15 s for 10,000 items.

Usage: .venv/bin/python scripts/bench_export.py [--sizes 10000 100000] [--out bench/out]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import qgis_headless

TARGET_10K = 15.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--out", default="bench/out")
    args = parser.parse_args()
    qgis_headless.start()
    from gebiedsplugin.core.export_plan import ExportRequest
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.exporter import run_export
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    print("{:>8} {:>7} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9}".format(
        "items", "pages", "pdfpg", "prepare", "gpkg", "pdf", "png", "total"))
    for size in args.sizes:
        gpkg = out / "bench_{}.gpkg".format(size)
        if not gpkg.exists():
            programme, _ = generate_sample(seed=7, interventions=size)
            GpkgStore.create(gpkg, programme.crs, programme)
        folder = out / "export_{}".format(size)
        folder.mkdir(exist_ok=True)
        request = ExportRequest(str(gpkg), str(folder), overwrite=True)
        start = time.perf_counter()
        result = run_export(request)
        total = time.perf_counter() - start
        t = result.timings
        print("{:>8} {:>7} {:>6} {:>8.2f}s {:>8.2f}s {:>8.2f}s {:>8.2f}s {:>8.2f}s".format(
            result.items, result.atlas_pages, result.pdf_pages, t.get("read_unify", 0) + t.get("data_files", 0),
            t.get("styles_gpkg", 0), t.get("pdf", 0), t.get("png", 0), total))
        if size <= 10000 and total > TARGET_10K:
            print("  over the target of {:.0f} s for {} items".format(TARGET_10K, size))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
