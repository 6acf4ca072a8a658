"""native_heap.give_back: memory freed in the middle of glibc's heap goes back to the system."""

from __future__ import annotations

import platform

import pytest

from gebiedsplugin.toolbelt.native_heap import give_back

glibc = platform.libc_ver()[0] == "glibc"


def _resident_mb() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024.0


@pytest.mark.skipif(not glibc, reason="malloc_trim is glibc's")
def test_pages_freed_under_a_live_block_go_back_to_the_system():
    # 64 MB in 64,000 blocks of 1 KB (malloc's, not Python's small-object pools), then one more kept
    # above them: glibc cannot shrink its heap from the top, so freeing the rest leaves them resident
    blocks = [bytearray(1024) for _ in range(64_000)]
    kept = bytearray(1024)
    held = _resident_mb()
    del blocks
    before = _resident_mb()
    assert give_back()
    after = _resident_mb()
    assert held - before < 16  # freed, still resident
    assert before - after > 40  # given back
    assert len(kept) == 1024


@pytest.mark.skipif(glibc, reason="elsewhere there is no malloc_trim")
def test_without_glibc_it_does_nothing():
    assert give_back() is False
