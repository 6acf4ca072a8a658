"""Table columns sized once from a sample of their texts, measured with the font's metrics: Qt's
ResizeToContents asks the model for every sampled cell again at each layout (seconds at 100,000 rows)."""

from __future__ import annotations

CELL_PADDING = 12  # px beside a cell's text: the delegate's margins and the grid line


def sampled_rows(count: int, first: int) -> list:
    """Of *count* rows, the first *first* and as many spread evenly over the rest."""
    step = max(1, count // first)
    return sorted(set(range(min(count, first))) | set(range(0, count, step)))


def column_width(title_metrics, title, header_padding: int, cells) -> int:
    """Pixels for a column headed *title* (plus *header_padding*) holding each (metrics, text) of *cells*."""
    width = title_metrics.horizontalAdvance(str(title)) + header_padding
    for metrics, text in cells:
        width = max(width, metrics.horizontalAdvance(str(text)) + CELL_PADDING)
    return width
