"""PDF files written by QGIS (Qt's PDF writer) joined into one, page after page, without drawing anything.

The atlas is written a piece at a time so that the page images of a piece are drawn while QGIS draws
the next (pdf_pages.PageImages); the pieces are joined here into the export's one PDF. Every QGIS has
Qt's writer, and it writes plain PDF 1.4: a classic cross-reference table, objects one after the other,
no object streams. Each piece's objects are copied byte for byte, renumbered after the previous
pieces' (references in dictionaries and arrays; stream data is copied as it is), and one page tree
lists every piece's pages. The first piece's catalog and document information are kept. A file of
another form raises PdfJoinError (the caller writes the PDF in one go instead).

Only small dictionaries are parsed in Python; stream data is passed on as memory views, so the thread
that joins never holds Python's lock for long.
"""

from __future__ import annotations

import re
from typing import BinaryIO

_REF = re.compile(rb"(\((?:\\.|[^\\)])*\))|(<[0-9A-Fa-f\s]*>)|(?<![\w.])(\d+) (\d+) R\b", re.DOTALL)
_OBJ = re.compile(rb"\s*(\d+) (\d+) obj\b")
_KEY_REF = rb"/%s\s+(\d+) \d+ R"
_INHERITED = (b"/Resources", b"/MediaBox", b"/CropBox", b"/Rotate")


class PdfJoinError(Exception):
    """A piece is not a PDF of the form this module joins."""


class _Piece:
    """One PDF file: its objects' byte spans, its catalog, document information and pages."""

    def __init__(self, path: str):
        self.path = path
        data = self.load()
        if not data.startswith(b"%PDF-"):
            raise PdfJoinError("{}: not a PDF".format(path))
        start = data.rfind(b"startxref")
        if start < 0:
            raise PdfJoinError("{}: no cross-reference".format(path))
        xref = int(data[start + 9:].split()[0])
        if not data.startswith(b"xref", xref):
            raise PdfJoinError("{}: a cross-reference stream (not Qt's plain table)".format(path))
        trailer = data.find(b"trailer", xref)
        if trailer < 0 or b"/Prev" in data[trailer:start]:
            raise PdfJoinError("{}: updated after it was written".format(path))
        self.offsets = {}  # object number -> offset
        lines = data[xref + 4:trailer].split()
        k = 0
        while k < len(lines):
            first, count = int(lines[k]), int(lines[k + 1])
            k += 2
            for n in range(first, first + count):
                offset, kind = int(lines[k]), lines[k + 2]
                k += 3
                if kind == b"n":
                    self.offsets[n] = offset
        self.size = max(self.offsets, default=0) + 1
        ends = sorted(self.offsets.values()) + [xref]
        self.spans = {}  # object number -> (start, end) of "n 0 obj ... endobj"
        following = dict(zip(ends, ends[1:]))
        for n, offset in self.offsets.items():
            self.spans[n] = (offset, following[offset])
        tail = data[trailer:start]
        self.root = self._ref(tail, b"Root")
        self.info = self._ref(tail, b"Info")
        catalog = self.body(self.root)
        self.pages_node = self._ref(catalog, b"Pages")
        node = self.body(self.pages_node)
        if any(key in node for key in _INHERITED):
            raise PdfJoinError("{}: pages inherit attributes from their tree".format(path))
        # the tree's own keys other than its kids (Qt: /ProcSet), kept on the joined tree
        extra = re.sub(rb"/(Type|Kids|Count)\b\s*(/Pages|\[[^\]]*\]|\d+)", b"", node)
        self.tree_extra = extra[extra.find(b"<<") + 2:extra.rfind(b">>")].strip()
        self.catalog = catalog
        self.info_entries = {m.group(1): m.group(2) for m in re.finditer(
            rb"/(\w+)\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", self.body(self.info))}
        kids = re.search(rb"/Kids\s*\[(.*?)\]", node, re.DOTALL)
        self.pages = [int(m.group(1)) for m in re.finditer(rb"(\d+) \d+ R", kids.group(1))] if kids else []
        for page in self.pages:
            if b"/Type /Pages" in self.body(page) or b"/Type/Pages" in self.body(page):
                raise PdfJoinError("{}: a page tree of more than one level".format(path))

        self.data = None  # read again when it is copied: one piece in memory at a time

    def load(self) -> bytes:
        with open(self.path, "rb") as f:
            self.data = f.read()
        return self.data

    def _ref(self, text: bytes, key: bytes) -> int:
        found = re.search(_KEY_REF % key, text)
        if found is None:
            raise PdfJoinError("no /{} in the PDF".format(key.decode()))
        return int(found.group(1))

    def body(self, n: int) -> bytes:
        """The object's text up to its stream data (the whole object when it has none)."""
        start, end = self.spans[n]
        text = self.data[start:end]
        stream = text.find(b"stream")
        return text if stream < 0 else text[:stream]


def _renumber(text: bytes, base: int, parent: bytes = b"") -> bytes:
    """References in *text* moved by *base*; strings left as they are."""
    def move(m):
        if m.group(3) is None:
            return m.group(0)
        return b"%d %s R" % (int(m.group(3)) + base, m.group(4))
    text = _REF.sub(move, text)
    if parent:
        text = re.sub(rb"/Parent\s+\d+ \d+ R", b"/Parent " + parent + b" 0 R", text, count=1)
    return text


def join_pdfs(paths: list, target: BinaryIO, info: dict | None = None) -> int:
    """The PDFs at *paths* (each written by Qt's PDF writer) into *target* (a file open for writing in
    binary), their pages in order; the number of pages. *info*: entries of the document information
    (Title, Author, Subject, Creator: text) over the first piece's (Qt's Producer and CreationDate)."""
    pieces, bases, base = [], [], 0
    for path in paths:
        piece = _Piece(path)
        pieces.append(piece)
        bases.append(base)
        base += piece.size
    tree, catalog_number, size = base, base + 1, base + 2
    first = pieces[0]
    with open(first.path, "rb") as f:
        header = f.read(min(first.offsets.values()))
    catalog = _catalog(first, bases[0], tree)
    target.write(header)
    written = len(header)
    offsets = {}
    kids = []
    for piece, base in zip(pieces, bases):
        skip = {piece.root, piece.pages_node} | ({piece.info} if piece is not first or info else set())
        pages = set(piece.pages)
        view = memoryview(piece.load())
        for n in sorted(piece.spans, key=lambda k: piece.spans[k][0]):
            if n in skip:
                continue
            start, end = piece.spans[n]
            head = piece.body(n)
            obj = _OBJ.match(head)
            if obj is None or int(obj.group(1)) != n:
                raise PdfJoinError("object {} is not where the cross-reference puts it".format(n))
            parent = str(tree).encode() if n in pages else b""
            text = b"%d 0 obj" % (n + base) + _renumber(head[obj.end():], base, parent)
            offsets[n + base] = written
            target.write(text)
            target.write(view[start + len(head):end])
            written += len(text) + end - start - len(head)
        kids += [n + base for n in piece.pages]
        view.release()
        piece.data = None
    objects = [
        (tree, b"<<\n/Type /Pages\n/Kids \n[\n" + b"".join(b"%d 0 R\n" % k for k in kids)
          + b"]\n/Count %d\n" % len(kids) + (first.tree_extra + b"\n" if first.tree_extra else b"") + b">>"),
        (catalog_number, catalog),
    ]
    if info:
        objects.append((first.info, _info(first.info_entries, info)))
    for n, body in objects:
        offsets[n] = written
        text = b"%d 0 obj\n" % n + body + b"\nendobj\n"
        target.write(text)
        written += len(text)
    xref = written
    rows = [b"xref\n0 %d\n" % size, b"0000000000 65535 f \n"]
    for n in range(1, size):
        rows.append(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 00000 f \n")
    rows.append(b"trailer\n<<\n/Size %d\n/Info %d 0 R\n/Root %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n"
                % (size, first.info + bases[0], catalog_number, xref))
    target.write(b"".join(rows))
    return len(kids)


def _catalog(piece: _Piece, base: int, tree: int) -> bytes:
    """The first piece's catalog, its page tree replaced by the joined one."""
    body = piece.catalog
    body = body[_OBJ.match(body).end():].strip()
    if body.endswith(b"endobj"):
        body = body[:-6].strip()
    body = re.sub(rb"/Pages\s+\d+ \d+ R", b"/Pages %d 0 R" % (tree - base), body, count=1)
    return _renumber(body, base)


def _info(entries: dict, info: dict) -> bytes:
    """The document information: *entries* (name -> PDF string as written) with *info*'s texts over them,
    in name order."""
    entries = dict(entries)
    for key, text in info.items():
        if text:
            entries[key.encode("ascii")] = _pdf_text(text)
    return b"<< " + b" ".join(b"/%s %s" % (k, v) for k, v in sorted(entries.items())) + b" >>"


def _pdf_text(text: str) -> bytes:
    """A PDF text string: literal when plain ASCII, else UTF-16 with its byte order mark, in hex."""
    if all(32 <= ord(c) < 127 for c in text) and not any(c in text for c in "()\\"):
        return b"(" + text.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"
