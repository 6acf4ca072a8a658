"""Codes made from names: stable, readable, unique identifiers such as district ids."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus accents (NFKD would drop them).
_TRANSLITERATION = str.maketrans({
    "ß": "ss", "ẞ": "ss", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "Þ": "Th", "þ": "th", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "Ħ": "H", "ħ": "h", "ı": "i",
    "Ŋ": "N", "ŋ": "n", "Ŧ": "T", "ŧ": "t", "ĸ": "k", "Ŀ": "L", "ŀ": "l", "ſ": "s",
})


def slug(name: str) -> str:
    """'Zuid-West' -> 'zuid_west', 'Łódź' -> 'lodz', 'Straße' -> 'strasse': letters transliterated to
    ASCII, accents dropped, anything else but letters and digits to '_'."""
    spelled = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATION))
    ascii_name = "".join(c for c in spelled if not unicodedata.combining(c)).encode("ascii", "ignore").decode("ascii")
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
