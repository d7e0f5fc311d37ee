"""Next-page links on listing pages: rel=next, "next" words and arrows, numbered pages,
``?page=N``, and load-more endpoints kept in ``data-*`` attributes."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from spiders.pages.dom import collapse
from spiders.pages.urls import absolute, base_url

_NEXT_WORDS = {
    "next", "next page", "next »", "next ›", "next >", "more results", "older posts",
    "weiter", "nächste", "nächste seite", "vor", "volgende", "volgende pagina", "suivant",
    "page suivante", "siguiente", "successivo", "successiva", "próxima", "seguinte",
    "dalej", "następna", "następna strona", "další", "další stránka", "следующая", "далее",
    "вперед", "вперёд", "下一页", "下一頁", "下页", "后页", "次へ", "次のページ", "다음",
    "›", "»", ">", ">>", "→", "⟩", "❯", "›› ", "»»",
}
#: Link texts that start (or end) like a next-page link: "Next entries »", "Pagina successiva".
_NEXT_TEXT = re.compile(
    r"^(?:next|nächste|weiter|older|ältere|volgende|suivant|page suivante|siguiente|"
    r"pagina successiva|successiv[ao]|próxima|następna|dalej|další|следующая|далее|вперед|"
    r"下一页|下一頁|次へ|다음)\b.{0,24}$|^(?:\S+\s){1,3}(?:»|›|→)$",
    re.IGNORECASE,
)
_NOT_NEXT = re.compile(r"\b(?:last|letzte|ende|poslední|ostatnia|последняя|dernière|última|"
                       r"laatste|ultima|末页|尾页|prev|previous|zurück|vorige|précédente|more|"
                       r"mehr|read|lesen|continue|weiterlesen|leggi|czytaj|více|подробнее|"
                       r"details|view|ansehen)\b|«|‹",
                       re.IGNORECASE)
_NEXT_ATTR = re.compile(r"\bnext\b|weiter|nächste|volgende|suivant|siguiente|下一页|下一頁|次へ",
                        re.IGNORECASE)
_NEXT_CLASS = re.compile(r"(?:^|[\s_-])next(?:$|[\s_-])|pagination-next|page-next|nextpage",
                         re.IGNORECASE)
_LOAD_MORE = re.compile(r"load.?more|show.?more|mehr laden|mehr anzeigen|meer laden|"
                        r"加载更多|更多|もっと見る|voir plus|więcej", re.IGNORECASE)
_DATA_URL_ATTRS = ("data-url", "data-href", "data-next", "data-next-url", "data-load-more",
                   "data-endpoint", "data-source", "data-ajax-url", "data-api", "data-more-url",
                   "data-next-page")
_PAGE_PARAMS = ("page", "p", "pg", "paged", "seite", "pagina", "strana", "strona", "start",
                "offset", "pageindex", "pagenum", "page_no", "pn")


def _usable(href: str | None) -> bool:
    return bool(href) and not (href or "").strip().startswith(
        ("#", "javascript:", "mailto:", "tel:")
    )


def _page_number(url: str) -> int | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    query = dict((k.lower(), v) for k, v in parse_qsl(parts.query))
    for key in _PAGE_PARAMS:
        if key in query and query[key].isdigit():
            return int(query[key])
    match = re.search(r"/(?:page|seite|strona|pagina)/(\d+)/?$", parts.path, re.I)
    return int(match.group(1)) if match else None


def _same_listing(a: str, b: str) -> bool:
    try:
        sa, sb = urlsplit(a), urlsplit(b)
    except ValueError:
        return False
    path_a = re.sub(r"/(?:page|seite|strona|pagina)/\d+/?$", "", sa.path)
    path_b = re.sub(r"/(?:page|seite|strona|pagina)/\d+/?$", "", sb.path)
    return sa.netloc == sb.netloc and path_a.rstrip("/") == path_b.rstrip("/")


def next_page_urls(root: etree._Element, url: str) -> list[str]:
    """Links to the next page of this listing, most certain first."""
    out: list[str] = []
    base = base_url(root, url)

    def add(href: str | None) -> None:
        resolved = absolute(base, href) if _usable(href) else None
        if resolved and resolved != url and resolved not in out:
            out.append(resolved)

    for el in root.iter("link", "a"):
        rel = (el.get("rel") or "").lower().split()
        if "next" in rel:
            add(el.get("href"))
    for a in root.iter("a"):
        href = a.get("href")
        if not _usable(href) or "#more" in (href or ""):
            continue
        text = collapse(a.text_content()).lower()
        if _NOT_NEXT.search(text):
            continue
        label = " ".join(a.get(k) or "" for k in ("aria-label", "title"))
        classes = " ".join([a.get("class") or "", (a.getparent().get("class") or "")
                            if a.getparent() is not None else ""])
        inner = " ".join(c.get("class") or "" for c in a.iterdescendants() if
                         isinstance(c.tag, str))
        if text in _NEXT_WORDS or _NEXT_TEXT.match(text) or _NEXT_ATTR.search(label) or (
            not text and _NEXT_CLASS.search(classes)
        ) or (_NEXT_CLASS.search(f"{a.get('class') or ''} {inner}") and len(text) <= 30):
            add(href)
    current = _page_number(url)
    numbered: list[tuple[int, str]] = []
    active = _active_page(root)
    for a in root.iter("a"):
        href = a.get("href")
        if not _usable(href):
            continue
        resolved = absolute(base, href)
        if not resolved:
            continue
        text = collapse(a.text_content())
        number = _page_number(resolved)
        if text.isdigit() and _same_listing(resolved, url):
            numbered.append((int(text), resolved))
        elif number is not None and _same_listing(resolved, url) and (
            current is None or number > current
        ):
            numbered.append((10_000 + number, resolved))
    if active is not None:
        following = [u for n, u in sorted(numbered) if n == active + 1]
        for u in following[:1]:
            add(u)
    elif current is not None:
        later = sorted((n, u) for n, u in numbered if 10_000 > n > current)
        for _, u in later[:1]:
            add(u)
    else:
        # No page marked as current and none in the URL: this is page 1, next is "2".
        for _, u in [(n, u) for n, u in numbered if n == 2][:1]:
            add(u)
    for u in load_more_urls(root, url):
        add(u)
    return out


def _active_page(root: etree._Element) -> int | None:
    for el in root.xpath(
        "//*[@aria-current='page' or contains(concat(' ',normalize-space(@class),' '),' active ')"
        " or contains(concat(' ',normalize-space(@class),' '),' current ')"
        " or contains(concat(' ',normalize-space(@class),' '),' selected ')]"
    ):
        text = collapse(el.text_content())
        if text.isdigit() and len(text) <= 4:
            return int(text)
    return None


def load_more_urls(root: etree._Element, url: str) -> list[str]:
    """Endpoints of "load more" buttons, from their ``data-*`` attributes."""
    out: list[str] = []
    base = base_url(root, url)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = {k: v for k, v in el.attrib.items() if k in _DATA_URL_ATTRS and v}
        if not attrs:
            continue
        text = collapse(el.text_content())
        marker = " ".join([text, el.get("class") or "", el.get("id") or ""])
        if not (_LOAD_MORE.search(marker) or "data-next" in attrs or "data-next-page" in attrs
                or "data-load-more" in attrs or "data-more-url" in attrs):
            continue
        for value in attrs.values():
            value = value.strip()
            if value.startswith(("/", "http://", "https://", "?")) or "/" in value:
                resolved = absolute(base, value)
                if resolved and resolved not in out:
                    out.append(resolved)
    return out
