"""The print order of the atlas PDF: each atlas page, followed by its district summary page when it
has one (summary_pages), for ``QgsLayoutExporter.exportToPdf``; a piece of it for a PDF in pieces
(AtlasBuilder.export_pdf). Main thread or the export's worker, on the export's own layouts.
"""

from __future__ import annotations

from qgis.core import QgsAbstractLayoutIterator

from gebiedsplugin.qgis_io.pdf_pages import PrintedPage
from gebiedsplugin.qgis_io.summary_pages import SummaryPages


class PageSequence(QgsAbstractLayoutIterator):
    """The atlas pages in order, each followed by its summary page when it has one (for exportToPdf).

    *printed* lists every page the PDF receives (table continuation pages included) with its area
    and paper size, in print order: the page images are cut from the PDF by it (pdf_pages).
    """

    def __init__(self, atlas, summaries: SummaryPages | None = None, ahead=None, first: int = 0,
                 stop: int | None = None, lead: bool = False, last_summary: bool = True):
        """*ahead(index)*: called before the atlas moves to its feature *index* (AtlasBuilder.ahead).
        *first*, *stop*: only the atlas features first..stop-1 (and their summaries), for a PDF in pieces.
        *lead*: the piece begins with the summary of feature first-1, whose atlas page ended the previous
        piece; *last_summary* False: the summary of feature stop-1 is left to the next piece."""
        super().__init__()
        self.atlas = atlas
        self.summaries = summaries
        self.ahead = ahead
        self.first, self.stop = first, stop
        self.lead, self.last_summary = lead, last_summary
        self.index = -1
        self.on_summary = False
        self.printed: list = []
        self._area = ""

    def beginRender(self) -> bool:  # noqa: N802 - QGIS API
        self.index, self.on_summary, self.printed = self.first - 1, False, []
        # A later piece of a PDF in pieces: the atlas is still rendering from the first piece (no end and
        # begin between pieces: an end resets the layers and item table the next page narrows again). It is
        # still on feature first-1, whose summary a leading piece prints first.
        if self.first == 0:
            return self.atlas.beginRender()
        self._area = self._current_area()
        return True

    def endRender(self) -> bool:  # noqa: N802
        count = self.atlas.count()
        if (self.stop is not None and self.stop < count) or not (self.last_summary or not self._has(count - 1)):
            return True  # the next piece goes on from here; AtlasBuilder.export_pdf ends the render
        return self.atlas.endRender()

    def _indices(self) -> range:
        return range(self.first, self.atlas.count() if self.stop is None else min(self.stop, self.atlas.count()))

    def _has(self, index: int) -> bool:
        return self.summaries is not None and self.summaries.has(index)

    def _summarised(self) -> range:
        """The atlas features whose summary page this piece prints."""
        indices = self._indices()
        start = self.first - 1 if self.lead else self.first
        end = indices.stop if self.last_summary else indices.stop - 1
        return range(max(start, 0), end)

    def count(self) -> int:
        return len(self._indices()) + sum(map(self._has, self._summarised()))

    def next(self) -> bool:
        if not self.on_summary and self.index in self._summarised() and self._has(self.index):
            self.summaries.show(self.index)
            self.on_summary = True
            self._record()
            return True
        if self.index + 1 not in self._indices():
            return False
        if self.ahead is not None:
            self.ahead(self.index + 1)
        if not self.atlas.seekTo(self.index + 1):  # next() after the first piece's pages: the same page
            return False
        self.index += 1
        self.on_summary = False
        self._area = self._current_area()
        self._record()
        return True

    def _current_area(self) -> str:
        return self.atlas.layout().reportContext().feature()["area_id"] or ""

    def _record(self) -> None:
        """The pages the current layout will print (its frames are laid out by now)."""
        layout = self.layout()
        collection = layout.pageCollection()
        for p in range(collection.pageCount()):
            size = layout.convertToLayoutUnits(collection.page(p).sizeWithUnits())
            self.printed.append(PrintedPage(str(self._area), size.width(), size.height()))

    def filePath(self, baseFilePath: str, extension: str) -> str:  # noqa: N802,N803
        return baseFilePath + extension

    def layout(self):
        return self.summaries.layout if self.on_summary else self.atlas.layout()
