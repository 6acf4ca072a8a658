"""Codes made from names: stable, readable, unique identifiers such as district ids."""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    """'Zuid-West' -> 'zuid_west'; accents dropped, anything else but letters and digits to '_'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def unique_codes(names, reserved=("city",)) -> list:
    """A slug per name, with _2, _3 … where a slug is taken (by an earlier name or *reserved*)."""
    taken = set(reserved)
    codes = []
    for name in names:
        base = slug(name) or "area"
        code, n = base, 1
        while code in taken:
            n += 1
            code = "{}_{}".format(base, n)
        taken.add(code)
        codes.append(code)
    return codes
