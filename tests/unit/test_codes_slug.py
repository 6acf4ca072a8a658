"""core.codes.slug transliterates letters NFKD cannot decompose instead of dropping them (#14 item 7)."""

from __future__ import annotations

import pytest

from gebiedsplugin.core.codes import slug, unique_codes


@pytest.mark.parametrize("name, expected", [
    ("Łódź", "lodz"),  # Ł has no decomposition: the old slug gave "odz"
    ("Straße", "strasse"),  # ß: the old slug gave "strae"
    ("Ærøskøbing", "aeroskobing"),
    ("Đakovo", "dakovo"),
    ("Zürich", "zurich"),
    ("Zuid-West", "zuid_west"),
    ("Wijk 12 – Oost", "wijk_12_oost"),
    ("ĲSSELSTEIN", "ijsselstein"),
])
def test_slug_transliterates(name, expected):
    assert slug(name) == expected


def test_unique_codes_keep_transliterated_names_apart():
    # Before, "Łódź" and "Odź" both became "odz" and the second was numbered.
    assert unique_codes(["Łódź", "Odź", "Lodz"]) == ["lodz", "odz", "lodz_2"]
