"""Benchmark of the web map export and its first render in headless chromium (Voorbeeldstad with
1,000 and 10,000 interventions). Targets at 10,000: export <= 5 s, first render <= 2 s.

Usage: .venv/bin/python scripts/bench_web.py [--sizes 1000 10000] [--out bench/out]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import qgis_headless

TARGET_EXPORT, TARGET_RENDER = 5.0, 2.0
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def first_render(index_html: str, profile: Path) -> tuple:
    """(seconds from navigation to the first idle map, features drawn) in a fresh headless chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(str(profile), executable_path="/usr/bin/chromium",
                                                        headless=True, args=FLAGS,
                                                        viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                      else r.abort())
        page = context.new_page()
        page.goto(Path(index_html).as_uri())
        page.wait_for_function("window.gebiedView && window.gebiedView.ready", timeout=120000)
        ms, shown = page.evaluate("[window.gebiedView.firstRender, window.gebiedView.shown]")
        context.close()
    return ms / 1000.0, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
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
    print("{:>8} {:>10} {:>10} {:>10} {:>10} {:>8}".format("items", "export", "web part", "data.js", "render", "drawn"))
    for size in args.sizes:
        gpkg = out / "bench_web_{}.gpkg".format(size)
        if not gpkg.exists():
            programme, _ = generate_sample(seed=7, interventions=size)
            GpkgStore.create(gpkg, programme.crs, programme)
        folder = out / "web_{}".format(size)
        folder.mkdir(exist_ok=True)
        start = time.perf_counter()
        result = run_export(ExportRequest(str(gpkg), str(folder), formats=("web",), overwrite=True))
        export = time.perf_counter() - start
        index = result.files["web"][0]
        size_mb = (Path(index).parent / "data.js").stat().st_size / 1e6
        profile = out / "chromium_profile_{}_{}".format(size, int(time.time()))
        render, shown = first_render(index, profile)
        print("{:>8} {:>9.2f}s {:>9.2f}s {:>8.1f}MB {:>9.2f}s {:>8}".format(
            result.items, export, result.timings.get("web", 0), size_mb, render, shown), flush=True)
        if size >= 10000 and (export > TARGET_EXPORT or render > TARGET_RENDER):
            print("  over the target ({:.0f} s export, {:.0f} s first render)".format(TARGET_EXPORT, TARGET_RENDER))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
