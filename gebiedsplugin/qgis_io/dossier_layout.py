"""The district dossier as a print layout (A4 landscape) written to PDF: main thread only.

Page 1: title, the summary line, a map of the district (interventions coloured by funding status)
and the small tables that fit beside it. Then the sections flow down the pages. A section's rows are
cut into one QgsLayoutItemManualTable per page, by an estimate of each row's wrapped height (header
on every page): QGIS renders one long multi-frame table in time growing with rows x frames (2,000
rows: 51 s), page-sized tables keep it linear. Each table's frame is ``RepeatUntilFinished``: should
its rows need more room than estimated, the frame is stretched to the page's bottom and then repeated
on new pages until every row is shown, so no row is ever lost. After
a table that broke like that the next starts on a fresh page. Texts are user data: labels get them as
expression literals (``layout_text``), table cells are printed as they are. The tables' texts, widths,
row heights and cells: dossier_table; the district map: dossier_map; the type: dossier_fonts.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
)
from qgis.PyQt.QtCore import Qt

from gebiedsplugin.core import dossier as content
from gebiedsplugin.core import dossier_texts
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.dossier_fonts import font, text_format
from gebiedsplugin.qgis_io.dossier_map import district_map
from gebiedsplugin.qgis_io.dossier_table import column_widths, fill_table, printed_texts, row_heights
from gebiedsplugin.qgis_io.layout_text import label_literal
from gebiedsplugin.toolbelt.files import atomic_path
from gebiedsplugin.toolbelt.i18n import tr

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
MARGIN = 12.0
FOOTER = 8.0  # mm kept free at the bottom for the page footer
BODY_BOTTOM = PAGE_H - MARGIN - FOOTER + 4.0
TITLE_H = 6.0
GAP = 5.0
MIN_ROOM = 30.0  # less room than this on a page: the next section starts on a new page
MAP_RECT = (MARGIN, 30.0, 130.0, 160.0)  # x, y, width, height on page 1
SIDE_X = MARGIN + 130.0 + 7.0
FIRST_PAGE_SECTIONS = ("funding", "per_theme", "per_domain", "per_kind")


class DossierLayout:
    """One district's dossier laid out; ``export(path)`` writes the PDF."""

    def __init__(self, dossier: content.Dossier, map_data=None):
        self.dossier = dossier
        self.project = QgsProject()
        self.layers: list = []
        self.layout = QgsPrintLayout(self.project)
        self.layout.initializeDefaults()
        self.layout.undoStack().blockCommands(True)  # built once, never edited: no undo history
        self.layout.setName(dossier_texts.text("title", dossier.lang))
        self.pages = self.layout.pageCollection()
        self.pages.page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
        self.page = 0
        self.y = MARGIN
        placed = self._first_page(map_data)
        for section in dossier.sections:
            if section.key not in placed:
                self.place(section, PAGE_W - 2 * MARGIN, MARGIN)
        self._footers()

    # --- pages and positions ------------------------------------------------------------------
    def _new_page(self) -> int:
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
        self.pages.addPage(page)
        return self.pages.pageCount() - 1

    def _label(self, text: str, x: float, y: float, w: float, h: float, points: float, bold: bool = False,
               page: int = None, align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
        label = QgsLayoutItemLabel(self.layout)
        label.setText(label_literal(text))
        if hasattr(label, "setTextFormat"):
            label.setTextFormat(text_format(points, bold))
        else:  # QGIS < 3.24
            label.setFont(font(points, bold))
        label.setHAlign(align)
        label.setVAlign(Qt.AlignmentFlag.AlignTop)
        self.layout.addLayoutItem(label)
        label.attemptMove(QgsLayoutPoint(x, y), page=self.page if page is None else page)
        label.attemptResize(QgsLayoutSize(w, h))
        return label

    # --- page 1 -----------------------------------------------------------------------------------
    def _first_page(self, map_data) -> set:
        """Title, map and the small tables that fit beside the map; the keys of those placed."""
        d = self.dossier
        self._label("{} · {}".format(dossier_texts.text("title", d.lang), d.name), MARGIN, MARGIN, PAGE_W - 2 * MARGIN,
                    10, 18, True)
        made = dossier_texts.text("made", d.lang).format(dossier_texts.date_text(d.made, d.lang))
        subtitle = "{} · {}".format(d.programme, made)
        self._label(subtitle, MARGIN, MARGIN + 9, PAGE_W - 2 * MARGIN, 5, 9)
        self._label(d.summary(), MARGIN, MARGIN + 13.5, PAGE_W - 2 * MARGIN, 5, 9, True)
        if map_data is not None:
            self.layers = district_map(self.layout, self.project, map_data, d.lang, MAP_RECT)
        self.y = MAP_RECT[1]
        width = PAGE_W - MARGIN - SIDE_X
        placed = set()
        for key in FIRST_PAGE_SECTIONS:
            section = d.section(key)
            if section is None or not self.place(section, width, SIDE_X, keep_page=True):
                break  # the rest follows on page 2, in order
            placed.add(key)
        self.page, self.y = self._new_page(), MARGIN
        return placed

    # --- tables -----------------------------------------------------------------------------------
    def place(self, section: content.Section, width: float, x: float, keep_page: bool = False) -> bool:
        """The section's title and table at the cursor, paginated (see the module). With *keep_page*
        a table that does not fit the page is not placed (False)."""
        rows = section.rows or [[dossier_texts.text("no_rows", self.dossier.lang)] + [""] * (len(section.columns) - 1)]
        texts = printed_texts(section, rows, self.dossier.lang)
        widths = column_widths(section.columns, width, texts)
        heights = row_heights(texts, widths)  # header first
        if BODY_BOTTOM - self.y < MIN_ROOM and not keep_page:
            self.page, self.y = self._new_page(), MARGIN
        top = TITLE_H + (4.5 if section.note else 0.0)
        if keep_page and self.y + top + sum(heights) > BODY_BOTTOM:
            return False
        self._label(section.title, x, self.y, width, TITLE_H, 10, True)
        self.y += TITLE_H
        if section.note:
            self._label(section.note, x, self.y, width, 4, 7)
            self.y += 4.5
        # One table per page, of the rows estimated to fit: QGIS renders a long multi-frame table
        # in time growing with rows x frames; page-sized tables keep it linear.
        start = 0
        while True:
            room = BODY_BOTTOM - self.y
            end, used = start, heights[0]
            while end < len(rows) and (end == start or used + heights[end + 1] <= room):
                used += heights[end + 1]
                end += 1
            if used > room and self.y > MARGIN + 0.1:  # not one row fits here
                self.page, self.y = self._new_page(), MARGIN
                continue
            self._table(section, texts, widths, start, end, x, width, used)
            start = end
            if start >= len(rows):
                return True
            self.page, self.y = self._new_page(), MARGIN

    def _table(self, section, texts, widths, start: int, end: int, x: float, width: float, estimate: float) -> None:
        """Rows start..end as one table at the cursor. Should they need more room than estimated, the
        frame is first stretched to the page's bottom, then repeated on new pages until every row is
        shown (``RepeatUntilFinished``): no row is lost."""
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        fill_table(table, section, texts[start + 1:end + 1], widths, start)
        room = BODY_BOTTOM - self.y
        first = QgsLayoutFrame(self.layout, table)
        first.attemptResize(QgsLayoutSize(width, min(estimate, room)))
        first.attemptMove(QgsLayoutPoint(x, self.y), page=self.page)
        table.addFrame(first)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
        table.recalculateFrameSizes()
        if table.frameCount() > 1 and first.rect().height() < room:
            # longer than estimated: fill this page before breaking, not a few rows on the next
            first.attemptResize(QgsLayoutSize(width, room))
            table.recalculateFrameSizes()
            self.page, self.y = self.pages.pageCount() - 1, BODY_BOTTOM
        elif table.frameCount() == 1 and self.pages.pageCount() - 1 == self.page:
            self.y += first.rect().height() + GAP
        else:
            # where the table ended is not known: what follows takes a new page
            self.page, self.y = self.pages.pageCount() - 1, BODY_BOTTOM

    def _footers(self) -> None:
        d = self.dossier
        count = self.pages.pageCount()
        for page in range(count):
            text = "{} · {} · {} {} / {}".format(dossier_texts.text("title", d.lang), d.name,
                                                 dossier_texts.text("page", d.lang), page + 1, count)
            self._label(text, MARGIN, PAGE_H - MARGIN - 2, PAGE_W - 2 * MARGIN, 5, 7, page=page,
                        align=Qt.AlignmentFlag.AlignRight)

    def export(self, path: str, overwrite: bool = False) -> int:
        """Write the PDF (atomically); the number of pages."""
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = True
        settings.dpi = 200
        settings.textRenderFormat = _ALWAYS_TEXT  # text stays text: searchable, copyable, small
        with atomic_path(path, overwrite) as tmp:
            result = QgsLayoutExporter(self.layout).exportToPdf(tmp, settings)
            if result != QgsLayoutExporter.ExportResult.Success:
                raise ProgrammeError(tr("{} could not be written.").format(path))
        return self.pages.pageCount()


_ALWAYS_TEXT = Qgis.TextRenderFormat.AlwaysText  # text, not outlines: searchable (3.22 has it too)
