"""hCard microformats read straight from the parsed tree.

mf2py copies the document for every card it meets, which takes seconds on forum pages with a
card per post author; companies need only a few class names, read here in one pass.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from spiders.pages.dom import collapse, is_visible

_MAX_CARDS = 30


def _has_class(el: etree._Element, name: str) -> bool:
    return name in (el.get("class") or "").split()


def _texts(card: etree._Element, name: str) -> list[str]:
    out: list[str] = []
    for el in card.iter():
        if isinstance(el.tag, str) and _has_class(el, name):
            text = collapse(el.get("title") or "") if el.tag == "abbr" else ""
            text = text or collapse(el.text_content())
            if text and text not in out:
                out.append(text)
    return out


def _links(card: etree._Element, name: str) -> list[str]:
    out: list[str] = []
    for el in card.iter():
        if isinstance(el.tag, str) and _has_class(el, name):
            href = (el.get("href") or "").strip()
            if href and href not in out:
                out.append(href)
    return out


def hcard_items(root: etree._Element) -> list[dict[str, Any]]:
    """Visible ``.vcard``/``.h-card`` elements as dicts shaped like mf2py's output."""
    items: list[dict[str, Any]] = []
    for card in root.iter():
        if len(items) >= _MAX_CARDS:
            break
        if not isinstance(card.tag, str) or not (_has_class(card, "vcard") or
                                                  _has_class(card, "h-card")):
            continue
        if not is_visible(card):
            continue
        org = _texts(card, "org") or _texts(card, "p-org")
        fn = _texts(card, "fn") or _texts(card, "p-name")
        adr = _texts(card, "adr") or _texts(card, "h-adr") or _texts(card, "p-adr")
        emails = [h.removeprefix("mailto:") for h in _links(card, "email")] or _texts(
            card, "email"
        )
        item: dict[str, Any] = {
            "@type": ["h-card"],
            "org": org,
            "name": fn,
            "tel": _texts(card, "tel") or _texts(card, "p-tel"),
            "email": emails,
            "url": _links(card, "url") or _links(card, "u-url"),
            "adr": [{"value": a} for a in adr],
        }
        items.append(item)
    return items
