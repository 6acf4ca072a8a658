"""One home for number texts (toolbelt/numbers.py, #19 item 8, #14 item 7): the UI locale's format
through QLocale, with thousands separators on amounts even where QGIS omits them by default;
an export in the other language gets that language's format. Expected texts written by hand."""

from __future__ import annotations

from gebiedsplugin.toolbelt.i18n import ui_language
from gebiedsplugin.toolbelt.numbers import amount, money_short, number, percent, seconds
from tests.qgis.locale_fixtures import *  # noqa: F401,F403 (ui_locale)

EXPECTED = {
    "en": {"ui": "en", "number": "65.8", "whole": "1,234", "amount": "€ 262,937,000", "seconds": "0.4",
           "short": "€ 1.2M", "k": "€ 950k", "percent": "42 %", "other_amount": "€ 262.937.000",
           "billion": "€ 1.2B", "edge_m": "€ 1.0M", "edge_b": "€ 1.0B", "small": "€ 999"},
    "nl": {"ui": "nl", "number": "65,8", "whole": "1.234", "amount": "€ 262.937.000", "seconds": "0,4",
           "short": "€ 1,2 mln", "k": "€ 950k", "percent": "42 %", "other_amount": "€ 262,937,000",
           "billion": "€ 1,2 mld", "edge_m": "€ 1,0 mln", "edge_b": "€ 1,0 mld", "small": "€ 999"},
}


def test_numbers_follow_the_ui_locale(ui_locale):
    want = EXPECTED[ui_locale]
    other = "en" if ui_locale == "nl" else "nl"
    assert ui_language() == want["ui"]
    assert number(65.8) == want["number"]
    assert number(1234) == want["whole"]
    assert number(None) == ""
    assert amount(262937000) == want["amount"]
    assert seconds(0.43) == want["seconds"]
    assert money_short(1_234_567, ui_locale) == want["short"]
    assert money_short(950_000) == want["k"]
    assert money_short(1_234_567_890, ui_locale) == want["billion"]
    # At each bound the text takes the next form rather than reading "€ 1000k" / "€ 1000,0 mln".
    assert money_short(999_600, ui_locale) == want["edge_m"]
    assert money_short(999_960_000, ui_locale) == want["edge_b"]
    assert money_short(999.4, ui_locale) == want["small"]
    assert percent(41.6) == want["percent"]
    assert amount(262937000, other) == want["other_amount"]  # an export in the other language


def test_timestamps_in_the_locale(ui_locale):
    from qgis.PyQt.QtCore import QDateTime, Qt

    # Expected: the same instant in local time, written by hand as each locale writes it (en_US: US order).
    local = QDateTime.fromString("2026-12-06T13:25:06Z", Qt.DateFormat.ISODate).toLocalTime()
    d, t = local.date(), local.time()
    if ui_locale == "nl":
        hand = "{:02d}-{:02d}-{} {:02d}:{:02d}".format(d.day(), d.month(), d.year(), t.hour(), t.minute())
    else:
        hour = t.hour() % 12 or 12
        hand = "{}/{}/{} {}:{:02d} {}".format(d.month(), d.day(), d.year() % 100, hour, t.minute(),
                                              "PM" if t.hour() >= 12 else "AM")
    from gebiedsplugin.toolbelt.numbers import date_time

    assert date_time("2026-12-06T13:25:06Z") == hand
    assert date_time(None) == "" and date_time("not a date") == "not a date"
