"""metadata.txt names no address that does not exist (qa4: an example.org email and github.com URLs of a
repository nobody made): the maintainer's email, repository, tracker and homepage are real addresses or, while
the plugin is not published, absent; the repository (the upload checks require one) then says so in words. A
real address later passes this test too: it checks for placeholders, not for a fixed text."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"(?i)\bexample\.(org|com|net)\b|github\.com/gebiedsplugin\b|\b(todo|fixme|changeme)\b")
NOT_PUBLISHED = "not yet published"


def metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def test_no_placeholder_addresses():
    meta = metadata()
    for key in ("email", "repository", "tracker", "homepage"):
        value = meta.get(key, "")
        assert not PLACEHOLDER.search(value), (key, value)
        if value and value != NOT_PUBLISHED:
            assert (re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value) if key == "email"
                    else value.startswith("https://")), (key, value)
    # qgis-plugin-analyzer's gate (scripts/analyze_package.py) requires a repository entry.
    assert meta.get("repository")
