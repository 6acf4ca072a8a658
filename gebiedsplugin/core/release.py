"""Keep the main thread's turns while a worker holds a large programme in memory.

Python's lock (the GIL) passes between threads every few milliseconds, except while one long step runs
without letting go of it. Two such steps come with a programme of 100,000 items (millions of objects):
- freeing it at once: free_gradually() empties the lists a slice at a time instead;
- the cycle collector's full pass, which walks every live object in one go (0.4 to 1.9 s measured in a
  100k check, the QGIS window standing still meanwhile): collection_paused() holds it off while a
  worker builds and drops such data, which is freed by reference counting anyway (no cycles).
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

CHUNK = 2000

_pause_lock = threading.Lock()
_pauses = {"count": 0, "was_enabled": False}


def free_gradually(*lists) -> None:
    """Empty each of *lists* (lists or dicts) from the end, CHUNK items per step."""
    for rows in lists:
        if isinstance(rows, dict):
            for _ in range(len(rows)):  # one item per step: a dict has no slice to drop
                rows.popitem()
            continue
        while rows:
            del rows[-CHUNK:]


@contextmanager
def collection_paused(keep: bool = False):
    """No cycle collection while the block runs (nested and concurrent blocks count: the collector
    comes back, as it was, when the last one ends). Garbage cycles made meanwhile wait for the next
    collection; plain garbage is freed at once as always.

    *keep*: what the block made stays long (the Overview's prepared programme): it is moved out of the
    collector's sight (gc.freeze) as the block ends, so no later pass walks it (each would hold the
    lock for as long as walking 100,000 items takes); reference counting still frees it when dropped."""
    with _pause_lock:
        if _pauses["count"] == 0:
            _pauses["was_enabled"] = gc.isenabled()
            gc.disable()
        _pauses["count"] += 1
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        with _pause_lock:
            _pauses["count"] -= 1
            if _pauses["count"] == 0 and _pauses["was_enabled"]:
                gc.enable()
