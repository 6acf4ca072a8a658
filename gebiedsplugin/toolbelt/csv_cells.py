"""Spreadsheet-safe CSV cells (OWASP "CSV Injection").

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and a leading
tab or carriage return can hide one), so an exported title such as ``=HYPERLINK("http://…","klik")``
would run on the desk of whoever opens the file. Text cells that start with one of those characters
get a leading single quote, as OWASP advises: the spreadsheet then shows the text as written (the
quote itself is hidden by Excel and LibreOffice, and stays visible in a text editor). Numbers stay
numbers: a Python int or float, or text that is just a decimal number such as ``-12.5``, cannot run
anything. Quoting of separators and double quotes is left to the ``csv`` module.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value):
    """*value* ready for a CSV cell: None as empty text, formula-like text prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: dict) -> dict:
    """Every value of *row* through safe_cell()."""
    return {key: safe_cell(value) for key, value in row.items()}
