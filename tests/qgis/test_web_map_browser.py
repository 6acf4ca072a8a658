"""The exported web map in a real browser: Debian's chromium, headless, driven by Playwright.

Opened from file:// (and from web servers on loopback) with every request that leaves the machine
refused and recorded: the features drawn are the GeoPackage's items, the year slider shows exactly
the items active in that year (counted here from the GeoPackage with SQL), a district filter and a
popup work (with the item's contact when the data has one), the Dutch export speaks Dutch, the page
works copied to a static web host, a large programme's FlatGeobuf is read over HTTP (with and without
range requests) and from disk the page says it needs a web server, and the console has no errors.
Screenshots go to tests/artifacts/. Without chromium the tests are skipped, except under CI=true,
where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io import web_map
from gebiedsplugin.qgis_io.exporter import run_export

sys.path.insert(0, str(Path(__file__).resolve().parent))
from range_server import serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
LOCAL = ("file:", "data:", "blob:", "http://127.0.0.1:")  # the test servers listen on loopback only


def _need_browser():
    reason = ""
    if not os.path.exists(CHROMIUM):
        reason = "Debian's chromium is not installed (make setup installs it)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (make setup installs requirements-dev.txt)"
    if reason:
        if os.environ.get("GEBIED_QGIS_LANE"):  # the LTR root: the page is the same; the host lane tests it
            pytest.skip(reason + " (QGIS LTR root; the host lane runs the browser tests)")
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def exported(sample_master, tmp_path_factory):
    master, _ = sample_master
    folder = tmp_path_factory.mktemp("web_export")
    result = run_export(ExportRequest(str(master), str(folder), formats=("gpkg", "csv", "web")))
    nl = run_export(ExportRequest(str(master), str(folder / "nl"), formats=("web",), lang="nl"))
    return result, nl


class Browser:
    """One headless chromium (fresh profile) with a log of requests and console errors."""

    def __init__(self, context):
        self.context, self.requests, self.blocked, self.errors = context, [], [], []
        context.route("**/*", self._route)
        context.on("request", lambda r: self.requests.append(r.url))

    def _route(self, route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, index_html: str):
        """Open a page (a file, or an http:// url) and wait for its first complete render."""
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(index_html if index_html.startswith("http") else Path(index_html).as_uri())
        page.wait_for_function("window.gebiedView && window.gebiedView.ready", timeout=60000)
        return page


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium_profile")), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1400, "height": 900})
        try:
            yield Browser(context)
        finally:
            context.close()


DRAWN = """async (action) => {
  const m = window.gebiedMap;
  const idle = new Promise(r => m.once('idle', r));
  if (action) { eval(action); }
  m.triggerRepaint();
  await idle;
  const feats = m.queryRenderedFeatures({layers: window.gebiedView.itemLayers});
  const ids = new Map(feats.map(f => [f.id, window.gebiedView.uid(f.id)]));
  return Array.from(ids.values());
}"""


def _gpkg(result, sql, args=()):
    with sqlite3.connect(result.files["gpkg"][0]) as db:
        return db.execute(sql, args).fetchall()


def _click_point(page, want=None):
    """Click a point item that is on top where it is drawn (with *want*: one whose uid is in it); its uid."""
    target = page.evaluate("""(want) => {
      const m = window.gebiedMap, v = window.gebiedView;
      for (const f of m.queryRenderedFeatures({layers: ['items-point']})) {
        if (want && !want.includes(v.uid(f.id))) continue;
        const p = m.project(f.geometry.coordinates);
        const top = m.queryRenderedFeatures([p.x, p.y], {layers: v.itemLayers});
        if (top.length && top[0].id === f.id) return {uid: v.uid(f.id), x: p.x, y: p.y};
      }
      return null;
    }""", want)
    assert target is not None
    page.evaluate("window.gebiedView.popup && window.gebiedView.popup.remove()")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.locator(".maplibregl-popup .popup").wait_for(timeout=10000)
    return target["uid"]


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def test_web_map_in_chromium(exported, browser):
    result, _nl = exported
    page = browser.open(result.files["web"][0])
    all_uids = sorted(u for (u,) in _gpkg(result, "SELECT uid FROM unified_items"))
    counts = [n for t in ("unified_point", "unified_line", "unified_polygon")
              for (n,) in _gpkg(result, 'SELECT count(*) FROM "{}"'.format(t))]
    drawn = page.evaluate(DRAWN, "")
    assert len(drawn) == sum(counts) == len(all_uids)  # every item of the GeoPackage is drawn once
    assert sorted(drawn) == all_uids
    assert page.locator("#per-district tfoot td").nth(1).inner_text() == str(len(all_uids))
    _shot(page, "web_city.png")

    (lo, hi), = _gpkg(result, "SELECT min(start_year), max(end_year) FROM unified_items")
    for year in (lo + 1, (lo + hi) // 2 + 2):
        active = sorted(u for (u,) in _gpkg(result, "SELECT uid FROM unified_items WHERE coalesce(start_year, "
                                            "end_year) <= ? AND coalesce(end_year, start_year) >= ?", (year, year)))
        assert 0 < len(active) < len(all_uids)
        page.uncheck("#all-years")
        action = ("const s = document.getElementById('year'); s.value = '{}'; "
                  "s.dispatchEvent(new Event('input'));").format(year)
        assert sorted(page.evaluate(DRAWN, action)) == active, year
        assert page.locator("#year-value").inner_text() == str(year)
        _shot(page, "web_year_{}.png".format(year))
    page.check("#all-years")

    district, name = _gpkg(result, "SELECT district_id, name FROM districts ORDER BY name LIMIT 1")[0]
    in_district = sorted(u for (u,) in _gpkg(result, "SELECT uid FROM unified_items WHERE district_id = ?",
                                             (district,)))
    action = ("const s = document.getElementById('f-district'); s.value = '{}'; "
              "s.dispatchEvent(new Event('change'));").format(district)
    assert sorted(page.evaluate(DRAWN, action)) == in_district
    rows = page.locator("#per-district tbody tr").all_inner_texts()
    assert len(rows) == 1 and rows[0].split("\t")[0] == name
    _shot(page, "web_district.png")

    # A popup: click a point item where it is drawn; the popup tells that item's title, kind, budget.
    uid = _click_point(page)
    popup = page.locator(".maplibregl-popup .popup")
    (title, budget), = _gpkg(result, "SELECT title, budget FROM unified_items WHERE uid = ?", (uid,))
    assert popup.locator("h3").inner_text() == title
    text = popup.inner_text()
    assert "Budget (EUR)" in text and "District" in text and "{:,.0f}".format(budget) in text
    columns = [c for (_, c, *_rest) in _gpkg(result, "PRAGMA table_info(unified_items)")]
    contact = _gpkg(result, "SELECT contact FROM unified_items WHERE uid = ?", (uid,))[0][0] \
        if "contact" in columns else None
    assert ("Contact" in text) == bool(contact)  # no contact in the data: no empty row
    _shot(page, "web_popup.png")

    assert not browser.blocked and all(u.startswith(LOCAL) for u in browser.requests), browser.blocked
    assert not browser.errors, browser.errors
    page.close()


def test_dutch_web_map_speaks_dutch(exported, browser):
    _result, nl = exported
    page = browser.open(nl.files["web"][0])
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert "Fysiek · Interventie" in page.locator("#legend").inner_text()
    assert page.locator("#l-district").inner_text() == "Stadsdeel"
    assert page.locator("#downloads li").count() == 1  # only the schema beside it: no CSV or GeoPackage exported
    _shot(page, "web_nl.png")
    assert not browser.errors, browser.errors
    page.close()


def _with_contacts(folder, target, contacts: dict):
    """A copy of the web map in *folder* whose data has a contact column (*contacts*: uid -> text)."""
    shutil.copytree(folder, target)
    path = target / "data.js"
    text = path.read_text(encoding="utf-8")
    prefix = "window.{} = ".format(web_map.DATA_VARIABLE)
    data = json.loads(text[len(prefix):text.rstrip().rindex(";")])
    columns = data["items"]["columns"]
    uids = columns["uid"] if isinstance(columns["uid"], list) else [columns["uid"]["values"][i]
                                                                     for i in columns["uid"]["index"]]
    columns["contact"] = [contacts.get(u) for u in uids]
    path.write_text(prefix + json.dumps(data, ensure_ascii=False) + ";\n", encoding="utf-8")
    return target / "index.html"


def test_popup_shows_the_contact_when_the_data_has_one(exported, browser, tmp_path):
    """The export schema's contact field (schema v3) in the popup: shown when there, no row when empty."""
    result, _nl = exported
    uids = sorted(u for (u,) in _gpkg(result, "SELECT uid FROM unified_items"))
    contacts = {u: "Wijkteam {} – <b>{}</b>@example.nl".format(n, n) for n, u in enumerate(uids) if n % 2 == 0}
    page = browser.open(str(_with_contacts(Path(result.files["web"][0]).parent, tmp_path / "web", contacts)))
    with_contact = _click_point(page, list(contacts))
    popup = page.locator(".maplibregl-popup .popup")
    terms = popup.locator("dt").all_inner_texts()
    assert terms[-1] == "Contact" and popup.locator("dd").last.inner_text() == contacts[with_contact]  # as text
    _shot(page, "web_popup_contact.png")
    without = _click_point(page, [u for u in uids if u not in contacts])
    assert without not in contacts and "Contact" not in popup.locator("dt").all_inner_texts()
    assert not browser.errors, browser.errors
    page.close()


def test_web_map_on_a_static_host(exported, browser, tmp_path):
    """The export folder copied to another folder of a plain static web server: the same map, the links work."""
    result, _nl = exported
    source = Path(result.files["web"][0]).parent.parent
    site = tmp_path / "host" / "gemeente" / "kaart"
    shutil.copytree(source, site, ignore=shutil.ignore_patterns("nl"))
    server, base, log = serve(tmp_path / "host", ranges=False)
    try:
        page = browser.open(base + "gemeente/kaart/{}/index.html".format(Path(result.files["web"][0]).parent.name))
        uids = sorted(u for (u,) in _gpkg(result, "SELECT uid FROM unified_items"))
        assert sorted(page.evaluate(DRAWN, "")) == uids
        statuses = page.evaluate("""async () => Promise.all(Array.from(document.querySelectorAll('#downloads a'))
          .map(a => fetch(a.href, {method: 'HEAD'}).then(r => [a.getAttribute('href'), r.status])))""")
        assert sorted(h for h, _ in statuses) == sorted(["../programme_map_city.gpkg",
                                                         "../programme_map_city_items.csv",
                                                         "../programme_map_city_schema.json"])
        assert all(status == 200 for _, status in statuses), statuses
        _shot(page, "web_static_host.png")
        assert all(code in (200, 304) for _, code, _ in log), log
        assert not browser.blocked and not browser.errors, (browser.blocked, browser.errors)
        page.close()
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def large(sample_master, tmp_path_factory):
    """Voorbeeldstad exported as a large programme: the threshold lowered below its item count."""
    master, _ = sample_master
    folder = tmp_path_factory.mktemp("web_large")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(web_map, "LARGE_PROGRAMME", 100)
        result = run_export(ExportRequest(str(master), str(folder), formats=("gpkg", "csv", "web")))
        nl = run_export(ExportRequest(str(master), str(folder / "nl"), formats=("web",), lang="nl"))
    assert result.items > 100
    return result, nl


def test_large_programme_from_disk_says_it_needs_a_web_server(large, browser):
    result, nl = large
    page = browser.open(nl.files["web"][0])
    notice = page.locator("#notice")
    assert notice.is_visible()
    assert notice.inner_text().startswith("Dit programma heeft {} items".format(result.items))
    assert "webserver" in notice.inner_text() and "items.fgb" in notice.inner_text()
    assert page.evaluate(DRAWN, "") == []
    (districts,), = _gpkg(result, "SELECT count(*) FROM districts")
    drawn = page.evaluate("new Set(gebiedMap.queryRenderedFeatures({layers: ['districts-fill']})"
                          ".map(f => f.properties.district_id)).size")
    assert drawn == districts  # the districts are still the map
    _shot(page, "web_large_from_disk.png")
    assert not browser.errors, browser.errors
    page.close()


@pytest.mark.parametrize("ranges", [True, False], ids=["range-requests", "whole-file"])
def test_large_programme_over_http(large, browser, ranges):
    """Served with range requests (206: read through the spatial index) or by a server without them
    (python's http.server, 200: read as one stream): every item drawn, filters and popups work."""
    result, _nl = large
    folder = Path(result.files["web"][0]).parent
    server, base, log = serve(folder.parent, ranges=ranges)
    try:
        page = browser.open(base + folder.name + "/index.html")
        assert page.evaluate("window.gebiedView.rangeRequests") is ranges
        uids = sorted(u for (u,) in _gpkg(result, "SELECT uid FROM unified_items"))
        assert sorted(page.evaluate(DRAWN, "")) == uids and not page.locator("#notice").is_visible()
        reads = [(code, spec) for path, code, spec in log if path.endswith("/" + web_map.ITEMS_FILE)]
        size = (folder / web_map.ITEMS_FILE).stat().st_size
        if ranges:
            assert len(reads) >= 3 and all(code == 206 for code, _ in reads), reads  # probe, header+index, features
        else:
            assert reads == [(200, "bytes=0-7")], reads  # the probe's answer is the whole file, read once
        assert size > 0
        district, = _gpkg(result, "SELECT district_id FROM districts ORDER BY name LIMIT 1")[0]
        in_district = sorted(u for (u,) in _gpkg(result, "SELECT uid FROM unified_items WHERE district_id = ?",
                                                 (district,)))
        action = ("const s = document.getElementById('f-district'); s.value = '{}'; "
                  "s.dispatchEvent(new Event('change'));").format(district)
        assert sorted(page.evaluate(DRAWN, action)) == in_district
        uid = _click_point(page)
        (title,), = _gpkg(result, "SELECT title FROM unified_items WHERE uid = ?", (uid,))
        assert page.locator(".maplibregl-popup .popup h3").inner_text() == title
        _shot(page, "web_large_http_{}.png".format("ranges" if ranges else "whole"))
        assert not browser.blocked and not browser.errors, (browser.blocked, browser.errors)
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_page_inserts_user_text_as_text_only():
    """Titles and names are user text: the page never builds HTML from data (no innerHTML)."""
    from gebiedsplugin.toolbelt.resources import resource_path

    source = resource_path("web", "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source and "setHTML" not in source
