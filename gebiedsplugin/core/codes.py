"""Codes made from names: stable, readable, unique identifiers such as district ids."""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    """'Zuid-West' -> 'zuid_west'; accents dropped, anything else but letters and digits to '_'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def unique_codes(names) -> list:
    """A slug per name, with _2, _3 … where two names give the same slug."""
    seen: dict = {}
    codes = []
    for name in names:
        base = slug(name) or "area"
        n = seen.get(base, 0) + 1
        seen[base] = n
        codes.append(base if n == 1 else "{}_{}".format(base, n))
    return codes
