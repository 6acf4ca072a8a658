"""A part of an export's progress: a child's 0-100 mapped onto a stretch of its parent's, cancel passed on."""

from __future__ import annotations

from qgis.core import QgsFeedback


class SubFeedback(QgsFeedback):
    """Maps a child's 0–100 progress onto [start, end] of the parent's, and passes cancel through."""

    def __init__(self, parent: QgsFeedback | None, start: float, end: float):
        super().__init__()
        self.parent, self.start, self.end = parent, start, end
        self.progressChanged.connect(self._forward)
        if parent is not None:
            parent.canceled.connect(self.cancel)
            if parent.isCanceled():
                self.cancel()

    def _forward(self, value: float) -> None:
        if self.parent is not None:
            self.parent.setProgress(self.start + (self.end - self.start) * value / 100.0)
