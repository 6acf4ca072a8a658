"""Benchmark of the web map export and its first render in headless chromium (Voorbeeldstad with
1,000, 10,000 and 25,000 interventions; 25,000 goes beside the page as FlatGeobuf and is served over
HTTP on loopback, by a server with range requests and by one without). Targets at 10,000: export
<= 5 s, first render <= 2 s.

First render = performance.now() at the map's first "idle" (every tile loaded and drawn), i.e. from
the start of navigation. The machine is shared, so absolute times are noisy: every page is opened
--runs times, alternating with the previous approach (the page of commit BASELINE_COMMIT, with the
same items embedded as a 9 MB GeoJSON), and the best run of each is reported side by side.

Usage: .venv/bin/python scripts/bench_web.py [--sizes 1000 10000 25000] [--runs 3] [--out bench/out]
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

import qgis_headless

TARGET_EXPORT, TARGET_RENDER = 5.0, 2.0
BASELINE_COMMIT = "7ad3a28"  # main before the compact data: app.js read one embedded GeoJSON
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "qgis"))
from range_server import serve  # noqa: E402, I001  (the browser tests' static server)

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def _browser_cpu(profile: Path) -> float:
    """CPU seconds used so far by the chromium started with *profile* and all its child processes
    (less sensitive than wall time to the other work on a shared machine)."""
    stats = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                cmd = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            stats[int(proc.name)] = (int(stat[1]), int(stat[11]) + int(stat[12]), str(profile).encode() in cmd)
    todo = [pid for pid, (_ppid, _ticks, mine) in stats.items() if mine]
    seen = set()
    while todo:
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo += [child for child, (ppid, _t, _m) in stats.items() if ppid == pid]
    return sum(stats[pid][1] for pid in seen) / os.sysconf("SC_CLK_TCK")


def first_render(url: str, profile: Path) -> tuple:
    """(seconds from navigation to the first idle map, features drawn, CPU seconds of the browser from
    navigation to then) in a fresh headless chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(str(profile), executable_path="/usr/bin/chromium",
                                                        headless=True, args=FLAGS,
                                                        viewport={"width": 1400, "height": 900})
        local = ("file:", "data:", "blob:", "http://127.0.0.1:")
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(local) else r.abort())
        page = context.new_page()
        page.goto("about:blank")
        cpu = _browser_cpu(profile)
        page.goto(url)
        page.wait_for_function("window.gebiedView && window.gebiedView.ready", timeout=180000)
        cpu = _browser_cpu(profile) - cpu
        ms, shown = page.evaluate("[window.gebiedView.firstRender, window.gebiedView.shown]")
        context.close()
    shutil.rmtree(profile, ignore_errors=True)
    return ms / 1000.0, shown, cpu


def previous_page(folder: Path, target: Path) -> Path | None:
    """The page as BASELINE_COMMIT wrote it (app.js from git, the items as one GeoJSON in data.js)
    with the items of the compact export in *folder*; None when git or the commit is not at hand."""
    from gebiedsplugin.core.web_data import decode_items
    from gebiedsplugin.qgis_io.web_map import DATA_VARIABLE

    try:
        app = subprocess.run(["git", "show", BASELINE_COMMIT + ":resources/web/app.js"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(folder, target)
    (target / "app.js").write_bytes(app)
    text = (folder / "data.js").read_text(encoding="utf-8")
    prefix = "window.{} = ".format(DATA_VARIABLE)
    data = json.loads(text[len(prefix):text.rstrip().rindex(";")])
    data["items"] = {"type": "FeatureCollection", "features": decode_items(data["items"])}
    (target / "data.js").write_text("{}{};\n".format(prefix, json.dumps(data, ensure_ascii=False)), encoding="utf-8")
    return target / "index.html"


def best_of(urls: list, out: Path, runs: int) -> list:
    """(best render, drawn, least CPU) of *runs* first renders of each url, the urls taking turns."""
    results = [[] for _ in urls]
    for _ in range(runs):
        for url, found in zip(urls, results):
            found.append(first_render(url, out / "chromium_profile_{}".format(time.time_ns())))
    return [(min(f[0] for f in found), found[0][1], min(f[2] for f in found)) for found in results]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 25000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="bench/out")
    args = parser.parse_args()
    qgis_headless.start()
    from gebiedsplugin.core.export_plan import ExportRequest
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.exporter import run_export
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.qgis_io.web_map import ITEMS_FILE

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    print("first render (wall) and the browser's CPU seconds until then: best of {} in headless chromium;\n"
          "'before' = the page of {} with the same items (9 MB GeoJSON at 12,500)".format(args.runs, BASELINE_COMMIT))
    print("{:>8} {:>9} {:>9} {:>11} {:>9} {:>9} {:>8} {:>9} {:>7}  {}".format(
        "items", "export", "web part", "data", "render", "before", "CPU", "before", "drawn", "page"))
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
        index = Path(result.files["web"][0])
        fgb = index.parent / ITEMS_FILE
        data_mb = (index.parent / "data.js").stat().st_size / 1e6
        servers, pages = [], []
        if fgb.exists():  # a large programme: served with range requests, and by a server without them
            data_mb += fgb.stat().st_size / 1e6
            for ranges, where in ((True, "http (range requests)"), (False, "http (whole file)")):
                server, base, _log = serve(index.parent, ranges=ranges)
                servers.append(server)
                pages.append((base + "index.html", where))
        else:
            pages.append((index.as_uri(), "file://"))
            previous = previous_page(index.parent, out / "web_{}_before".format(size))
            if previous is not None:
                pages.append((previous.as_uri(), "before"))
        found = best_of([url for url, _ in pages], out, args.runs)
        for server in servers:
            server.shutdown()
            server.server_close()
        before = found[1] if pages[-1][1] == "before" else None
        for (_url, where), (render, shown, cpu) in zip(pages, found):
            if where == "before":
                continue
            print("{:>8} {:>8.2f}s {:>8.2f}s {:>9.1f}MB {:>8.2f}s {:>9} {:>7.2f}s {:>9} {:>7}  {}".format(
                result.items, export, result.timings.get("web", 0), data_mb, render,
                "{:.2f}s".format(before[0]) if before else "-", cpu, "{:.2f}s".format(before[2]) if before else "-",
                shown, where), flush=True)
        render = found[0][0]
        if 10000 <= size <= 20000 and (export > TARGET_EXPORT or render > TARGET_RENDER):
            print("  over the target ({:.0f} s export, {:.0f} s first render)".format(TARGET_EXPORT, TARGET_RENDER))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
