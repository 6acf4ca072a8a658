"""Signal connections made together and undone together (watchers of a programme's layers)."""

from __future__ import annotations


class Connections:
    """Remembers each connection it makes, so ``clear()`` disconnects exactly those."""

    def __init__(self):
        self._made: list = []

    def connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._made.append((signal, slot))

    def clear(self) -> None:
        for signal, slot in self._made:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):  # the layer is already gone
                pass
        self._made = []
