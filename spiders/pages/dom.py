"""Parse HTML and render what a person sees: visible lines, each tied to its block element."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

#: Elements whose content a visitor never reads as page text.
_SKIP_TAGS = {
    "script", "style", "noscript", "template", "head", "title", "select", "option", "textarea",
    "iframe", "svg", "object", "embed", "canvas", "map", "datalist", "button", "label",
}
#: Elements that start a new line when rendered.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "label",
    "legend", "menu",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Utility classes that hide an element from sighted visitors (Bootstrap, Tailwind, WordPress).
_HIDDEN_CLASSES = frozenset({
    "hidden", "d-none", "hide", "is-hidden", "visually-hidden", "sr-only", "screen-reader-text",
    "invisible", "display-none", "u-hidden", "visuallyhidden", "element-invisible",
})
_WS = re.compile(r"[ \t\r\n\f\u00a0\u200b\u3000]+")


@dataclass
class Line:
    """One rendered line of visible text and the block element it belongs to."""

    text: str
    block: etree._Element
    index: int = 0
    soft: bool = False
    """True when a ``<br>`` (not a new block) ended the previous line: same paragraph."""
    elements: list[etree._Element] = field(default_factory=list)


def parse_html(html: str) -> lxml.html.HtmlElement:
    """Parse HTML text into an lxml tree (an empty document for empty input)."""
    html = html.lstrip("\ufeff")
    # lxml refuses str input with an XML encoding declaration; drop it, the text is decoded.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        html = "<html><body></body></html>"
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def is_hidden(el: etree._Element) -> bool:
    """True when the element itself is hidden by attribute or inline style."""
    if not isinstance(el.tag, str):
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" and not el.text_content():
        return True
    if el.tag == "input" and (el.get("type") or "").lower() == "hidden":
        return True
    classes = el.get("class")
    if classes and not _HIDDEN_CLASSES.isdisjoint(classes.lower().split()):
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def is_visible(el: etree._Element) -> bool:
    """True when neither the element nor an ancestor is hidden or a non-text element."""
    node: etree._Element | None = el
    while node is not None:
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS or is_hidden(node):
            return False
        node = node.getparent()
    return True


def collapse(text: str) -> str:
    """Collapse HTML whitespace to single spaces and strip."""
    return _WS.sub(" ", text).strip()


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buf: list[str] = []
        self.block: etree._Element | None = None
        self.elements: list[etree._Element] = []
        self.soft = False
        self.next_soft = False

    def flush(self, soft: bool = False) -> None:
        text = collapse("".join(self.buf))
        if text and self.block is not None:
            self.lines.append(
                Line(text, self.block, len(self.lines), self.soft, list(self.elements))
            )
            self.soft = soft
        elif not text:
            self.soft = self.soft and soft
        self.buf = []
        self.elements = []

    def walk(self, el: etree._Element, block: etree._Element) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                self.text(el.tail, block)
            return
        tag = el.tag.lower()
        if tag in _SKIP_TAGS or is_hidden(el):
            if el.tail:
                self.text(el.tail, block)
            return
        if tag == "br":
            self.flush(soft=True)
            if el.tail:
                self.text(el.tail, block)
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            self.flush()
            self.soft = False
            inner_block = el
        else:
            inner_block = block
        if el.text:
            self.text(el.text, inner_block, el)
        for child in el:
            self.walk(child, inner_block)
        if is_block:
            self.flush()
            self.soft = False
        elif tag in ("td", "th"):
            self.buf.append(" ")
        if el.tail:
            self.text(el.tail, block)

    def text(self, text: str, block: etree._Element, el: etree._Element | None = None) -> None:
        if self.block is not block and self.buf and collapse("".join(self.buf)):
            self.flush()
            self.soft = False
        self.block = block
        if el is not None:
            self.elements.append(el)
        self.buf.append(text)


def visible_lines(root: etree._Element) -> list[Line]:
    """Render the visible text of a parsed page as lines (block boundaries and ``<br>``)."""
    body = root.find(".//body")
    start = body if body is not None else root
    renderer = _Renderer()
    renderer.block = start
    renderer.walk(start, start)
    renderer.flush()
    return renderer.lines


def visible_text(el: etree._Element) -> str:
    """The visible text of one element as lines joined with newlines."""
    renderer = _Renderer()
    renderer.block = el
    renderer.walk(el, el)
    renderer.flush()
    return "\n".join(line.text for line in renderer.lines)


def page_title(root: etree._Element) -> str | None:
    """The page's ``<title>`` text, collapsed."""
    title = root.find(".//title")
    if title is None:
        return None
    return collapse(title.text_content()) or None


def page_lang(root: etree._Element) -> str | None:
    """The page language from ``<html lang>`` or a content-language ``<meta>``."""
    lang = root.get("lang") or root.get("xml:lang")
    if not lang:
        for meta in root.iterfind(".//meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                lang = meta.get("content")
                break
    return lang.strip().lower() if lang else None
