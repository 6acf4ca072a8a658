"""Work of an export done in a thread of its own beside the critical path, one job after another.

Once the working GeoPackage's rows are in, the export queues Python work on the programme in memory
(the Overview, the CSVs) in one, and the GeoJSON (GDAL, which lets go of Python's lock) in another,
while GDAL builds the spatial indexes and then the layout renders (both without the lock). No job
touches a layer or a layout. wait() re-raises the first failure; close() drops what has not begun.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Optional


class BesideJobs:
    """A queue of callables run in order in one thread; *seconds*: their time in all."""

    def __init__(self):
        self.pool: Optional[ThreadPoolExecutor] = None
        self.futures: list = []
        self.seconds = 0.0

    def start(self, jobs: list) -> None:
        """Queue *jobs* after those queued before (one thread: they run in the order given)."""
        if not jobs:
            return
        if self.pool is None:
            self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-beside")
        self.futures += [self.pool.submit(self._timed, job) for job in jobs]

    def _timed(self, job) -> None:
        t0 = time.perf_counter()
        try:
            job()
        finally:
            self.seconds += time.perf_counter() - t0

    def wait(self) -> None:
        for future in self.futures:
            future.result()

    def close(self) -> None:
        """Drop what has not begun, wait for what runs (nothing runs after this)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
