"""The web map's funding filter (funded / partly / unfunded / no budget) in headless chromium: the
items drawn are those of the GeoPackage export with that `funding_status`, counted here with SQL on
the budget and the programme's funding rows (not on the exported field)."""

from __future__ import annotations

import sqlite3

from tests.qgis.test_web_map_browser import DRAWN, browser, exported  # noqa: F401 (fixtures)


def test_funding_filter_draws_the_items_of_that_status(exported, browser, sample_master):  # noqa: F811
    result, _nl = exported
    master, _ = sample_master
    with sqlite3.connect(str(master)) as db:
        paid = dict(db.execute("SELECT intervention_uid, SUM(amount) FROM funding WHERE amount >= 0 "
                               "GROUP BY intervention_uid").fetchall())
    with sqlite3.connect(result.files["gpkg"][0]) as db:
        items = db.execute("SELECT uid, budget FROM unified_items WHERE source = 'intervention'").fetchall()
        assert db.execute("SELECT count(*) FROM unified_items WHERE source = 'programme' "
                          "AND funding_status IS NOT NULL").fetchone() == (0,)
    expected = {"funded": [], "partly_funded": [], "unfunded": [], "no_budget": []}
    for uid, budget in items:
        money = paid.get(uid, 0.0)
        state = ("no_budget" if budget is None else "funded" if budget - money <= 1 else
                 "unfunded" if money <= 1 else "partly_funded")
        expected[state].append(uid)
    page = browser.open(result.files["web"][0])
    options = page.eval_on_selector_all("#f-funding option", "os => os.map(o => [o.value, o.textContent])")
    assert options[1:] == [["funded", "Funded"], ["partly_funded", "Partly funded"], ["unfunded", "Unfunded"],
                           ["no_budget", "No budget"]]
    for state in ("funded", "partly_funded", "unfunded"):
        action = ("const s = document.getElementById('f-funding'); s.value = '{}'; "
                  "s.dispatchEvent(new Event('change'));").format(state)
        assert sorted(page.evaluate(DRAWN, action)) == sorted(expected[state]) and expected[state], state
    page.screenshot(path="tests/artifacts/web_funding_unfunded.png")
    assert not browser.errors, browser.errors
    page.close()
