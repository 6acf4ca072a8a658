"""Give memory that was freed back to the system, where the C library keeps it (glibc on Linux).

glibc keeps what a program frees for its next allocations, but of its main heap it returns only a free
top to the system. The export frees the programme (dicts of every record, hundreds of MB at 100,000
items) while the layers and page images it made later still sit above it, so those pages stayed
resident to the export's end, on top of everything drawn after (#18: its peak). malloc_trim hands the
free pages in the middle back (madvise) without moving anything; they are mapped again when reused.
Other platforms' allocators behave otherwise and have no malloc_trim: there it does nothing.
"""

from __future__ import annotations

import ctypes
from typing import Optional

_trim: Optional[object] = None
_looked = False


def _malloc_trim():
    global _trim, _looked
    if not _looked:
        _looked = True
        try:
            function = ctypes.CDLL(None).malloc_trim  # this process's C library (None: not on Windows)
        except (AttributeError, OSError, TypeError):
            function = None
        if function is not None:
            function.argtypes = [ctypes.c_size_t]
            function.restype = ctypes.c_int
        _trim = function
    return _trim


def give_back() -> bool:
    """Return the free pages of every malloc arena to the system (glibc); False where there is no such call.
    Python's lock is let go meanwhile (ctypes)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
