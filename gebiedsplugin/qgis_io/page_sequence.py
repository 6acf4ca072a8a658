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
                 stop: int | None = None):
        """*ahead(index)*: called before the atlas moves to its feature *index* (AtlasBuilder.ahead).
        *first*, *stop*: only the atlas features first..stop-1 (and their summaries), for a PDF in pieces."""
        super().__init__()
        self.atlas = atlas
        self.summaries = summaries
        self.ahead = ahead
        self.first, self.stop = first, stop
        self.index = -1
        self.on_summary = False
        self.printed: list = []
        self._area = ""

    def beginRender(self) -> bool:  # noqa: N802 - QGIS API
        self.index, self.on_summary, self.printed = self.first - 1, False, []
        # A later piece of a PDF in pieces: the atlas is still rendering from the first piece (no end and
        # begin between pieces: an end resets the layers and item table the next page narrows again).
        return self.atlas.beginRender() if self.first == 0 else True

    def endRender(self) -> bool:  # noqa: N802
        if self.stop is not None and self.stop < self.atlas.count():
            return True  # the next piece goes on from here; AtlasBuilder.export_pdf ends the render
        return self.atlas.endRender()

    def _indices(self) -> range:
        return range(self.first, self.atlas.count() if self.stop is None else min(self.stop, self.atlas.count()))

    def count(self) -> int:
        indices = self._indices()
        return len(indices) + (sum(map(self.summaries.has, indices)) if self.summaries is not None else 0)

    def next(self) -> bool:
        if not self.on_summary and self.index >= self.first and self.summaries is not None and \
                self.summaries.has(self.index):
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
        self._area = self.atlas.layout().reportContext().feature()["area_id"] or ""
        self._record()
        return True

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
