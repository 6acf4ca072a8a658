"""Keep secrets out of messages and logs.

Text that reaches the message log or the message bar may quote a database's error, which can echo
a connection string. redact() masks passwords in the usual spellings (``password=…`` of libpq and
QGIS URIs, ``user:password@`` of URLs, ``'password': '…'`` of a dict) and any secret passed in.
"""

from __future__ import annotations

import re

MASK = "***"
_KEY_VALUE = re.compile(r"""(?i)(\b(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s'"]+)""")
_URL = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)([^@\s/]+)(@)")
_MAPPING = re.compile(r"""(?i)(['"](?:ssl)?password['"]\s*:\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")


def redact(text, *secrets) -> str:
    """*text* with every password in it replaced by ``***``; *secrets* are masked wherever they occur."""
    out = str(text)
    for secret in secrets:
        if secret:
            out = out.replace(str(secret), MASK)
    out = _KEY_VALUE.sub(lambda m: m.group(1) + MASK, out)
    out = _URL.sub(lambda m: m.group(1) + MASK + m.group(3), out)
    return _MAPPING.sub(lambda m: m.group(1) + "'" + MASK + "'", out)


def has_password(connection: str) -> bool:
    """True when a connection string or URL carries a password (even an empty ``password=``)."""
    text = str(connection)
    return bool(_KEY_VALUE.search(text) or re.search(r"(?i)(^|\s)(ssl)?password\s*=", text)
                or _URL.search(text))
