"""Per-source selectors from hints: CSS or XPath, evaluated with parsel-free lxml."""

from __future__ import annotations

from lxml import etree
from lxml.cssselect import CSSSelector

from leadgen.exceptions import ConfigError
from spiders.pages.dom import collapse

_XPATH_STARTS = ("/", "(", "./", "@", "text()", "string(")


def select(el: etree._Element, selector: str) -> list[etree._Element]:
    """Elements matching a CSS selector, or an XPath one when it starts with ``/`` or ``(``."""
    try:
        if selector.lstrip().startswith(_XPATH_STARTS):
            found = el.xpath(selector)
        else:
            found = CSSSelector(selector)(el)
    except Exception as exc:  # lxml raises several unrelated classes for a bad selector
        raise ConfigError(
            f"hint selector {selector!r} is not valid CSS or XPath ({exc}); fix it in the profile"
        ) from exc
    return [f for f in found if isinstance(f, etree._Element)] if isinstance(found, list) else []


def select_text(el: etree._Element, selector: str) -> str | None:
    """The text of the first element (or attribute/text XPath result) a selector finds."""
    if selector.lstrip().startswith(_XPATH_STARTS):
        try:
            found = el.xpath(selector)
        except etree.XPathError as exc:
            raise ConfigError(f"hint selector {selector!r} is not valid XPath ({exc})") from exc
        for item in found if isinstance(found, list) else [found]:
            text = collapse(item if isinstance(item, str) else item.text_content())
            if text:
                return text
        return None
    for node in select(el, selector):
        text = collapse(node.text_content())
        if text:
            return text
    return None
