"""Pieces several demo sites share: pagination blocks, query parsing."""

from __future__ import annotations


def safe_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return -1


def pagination(pattern: str, current: int, pages: int, *, prev: str = "« Previous",
               next_: str = "Next »", extra: str = "") -> str:
    """Numbered pagination with rel=prev/next; ``pattern`` has one ``{}`` for the page."""
    links = []
    if current > 1:
        links.append(f'<a rel="prev" class="prev" href="{pattern.format(current - 1)}{extra}">'
                     f"{prev}</a>")
    window = sorted({1, pages, *range(max(1, current - 3), min(pages, current + 3) + 1)})
    last = 0
    for number in window:
        if number - last > 1:
            links.append('<span class="gap">…</span>')
        if number == current:
            links.append(f'<span class="current">{number}</span>')
        else:
            links.append(f'<a href="{pattern.format(number)}{extra}">{number}</a>')
        last = number
    if current < pages:
        links.append(f'<a rel="next" class="next" href="{pattern.format(current + 1)}{extra}">'
                     f"{next_}</a>")
    return '<nav class="pagination">' + " ".join(links) + "</nav>"
