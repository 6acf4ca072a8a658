"""Free large lists a slice at a time, in a worker thread.

Freed at once (when a worker drops a programme of 100,000 items) their millions of objects hold
Python's lock for about half a second, and the main thread (the QGIS window) stands still meanwhile;
between slices the lock passes to it.
"""

from __future__ import annotations

CHUNK = 2000


def free_gradually(*lists: list) -> None:
    """Empty each of *lists* from the end, CHUNK items per step."""
    for rows in lists:
        while rows:
            del rows[-CHUNK:]
