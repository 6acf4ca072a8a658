"""CSV cells a spreadsheet would run as a formula are escaped as OWASP advises; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from gebiedsplugin.toolbelt.csv_cells import safe_cell, safe_row

FORMULAS = ['=HYPERLINK("http://x","klik")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "=", "-", "- item"]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like_text_gets_a_leading_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Park aan de Spaarne", "", "1e3 trees", " =1+1", "'=quoted already", "a=b",
                                   "€ 5", "Zuid-West"])
def test_other_text_is_written_as_it_is(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [-12, -12.5, 0, 2025, 3.0e6, True, "-12", "-12.50", "+7", "-1e3", "-.5"])
def test_numbers_stay_numbers(value):
    assert safe_cell(value) == value


def test_none_is_an_empty_cell_and_rows_are_escaped_per_value():
    row = {"title": '=HYPERLINK("http://x","klik")', "budget": -5, "note": None, "theme": "green"}
    assert safe_row(row) == {"title": '\'=HYPERLINK("http://x","klik")', "budget": -5, "note": "", "theme": "green"}


def test_a_written_and_read_back_row_keeps_the_quote_and_the_double_quotes():
    title = '=HYPERLINK("http://x","klik")'
    out = io.StringIO()
    csv.writer(out).writerow([safe_cell(title), safe_cell(-5), safe_cell("a,b")])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'" + title, "-5", "a,b"]
