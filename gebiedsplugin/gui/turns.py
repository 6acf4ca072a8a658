"""Work done a step at a time between turns of the event loop, so that QGIS keeps its turns (#18: the main
thread never blocked over 100 ms).

The work is a generator: each step yields; Turns runs steps for TURN_SECONDS a turn, and a step that
yields TURN ends its turn there (what follows it comes in the next one)."""

from __future__ import annotations

import time

from qgis.PyQt.QtCore import QObject, QTimer

TURN = object()  # yielded by a step: end this turn here
TURN_SECONDS = 0.04


class Turns(QObject):
    """Runs one generator of steps at a time between turns; a new start() replaces the one under way."""

    def __init__(self, parent=None, seconds: float = TURN_SECONDS):
        super().__init__(parent)
        self.seconds = seconds
        self._steps = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # 1 ms, not 0: Qt 5 runs zero-time timers as posted events, and a chain of them kept a 20 ms
        # timer from firing for half a second (open5's heartbeat).
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._turn)

    def busy(self) -> bool:
        """True while steps are left."""
        return self._steps is not None

    def stop(self) -> None:
        """Drop the steps under way (they are not finished)."""
        self._timer.stop()
        self._steps = None

    def start(self, steps, at_once: bool = False) -> None:
        """Run *steps* from the next turn on, or all of them now with *at_once* (a small list)."""
        self.stop()
        self._steps = steps
        if not at_once:
            self._timer.start()
            return
        for _ in steps:
            if self._steps is not steps:  # replaced or stopped by one of its own steps
                return
        if self._steps is steps:
            self._steps = None

    def _turn(self) -> None:
        steps = self._steps
        if steps is None:
            return
        until = time.perf_counter() + self.seconds
        for step in steps:
            if self._steps is not steps:
                return
            if step is TURN or time.perf_counter() > until:
                self._timer.start()
                return
        if self._steps is steps:
            self._steps = None
