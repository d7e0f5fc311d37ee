"""Websites to a canonical URL and a registered domain (bundled public suffix list, no download)."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

import idna
import tldextract

from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.text import plain_text, without_tags

# suffix_list_urls=() keeps tldextract on its bundled snapshot: never a network call. The
# list's private section counts too: on a hosting platform each customer's site is its own
# registered domain ("acme.github.io", "shop.myshopify.com"), not the platform's, which would
# make every company hosted there share one domain key.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                 include_psl_private_domains=True)


#: Social networks by host suffix → network name (hosts are recorded, never crawled).
SOCIAL_NETWORKS: dict[str, str] = {
    "linkedin.com": "linkedin",
    "twitter.com": "x",
    "x.com": "x",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "instagram.com": "instagram",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "xing.com": "xing",
    "weibo.com": "weibo",
    "weibo.cn": "weibo",
    "weixin.qq.com": "wechat",
    "mp.weixin.qq.com": "wechat",
    "wechat.com": "wechat",
    "tiktok.com": "tiktok",
    "pinterest.com": "pinterest",
    "vk.com": "vk",
    "t.me": "telegram",
    "github.com": "github",
    "douyin.com": "douyin",
    "bilibili.com": "bilibili",
}


#: Marketplaces and site builders the public suffix list lacks, where each customer has a
#: host of their own: "acme.en.alibaba.com", "acme.jimdosite.com", "acme.business.site". The
#: customer's label and the platform are that company's domain ("acme.alibaba.com"); as the
#: platform's domain alone, every shop or site there would share one domain key.
SITE_PLATFORMS = frozenset({
    # B2B marketplaces: a supplier's storefront
    "alibaba.com", "1688.com", "made-in-china.com", "tmall.com", "taobao.com", "ec21.com",
    "ecplaza.net", "tradeindia.com", "exportersindia.com",
    # Site builders: a small business's whole website
    "business.site", "negocio.site", "squarespace.com", "jimdosite.com", "jimdofree.com",
    "jimdo.com", "weebly.com", "godaddysites.com", "wordpress.com", "strikingly.com",
    "mystrikingly.com", "site123.me", "webnode.page", "webnode.com", "hpage.com", "npage.de",
    "page.tl", "jouwweb.nl", "mozello.com", "ueniweb.com",
    # Blogs and shops by subdomain in Korea, Japan and Russia, and Odoo's hosted sites
    # ("flowersky.tistory.com", "acme.cafe24.com", "acme.fc2.com", "acme.tilda.ws")
    "tistory.com", "cafe24.com", "fc2.com", "tilda.ws", "odoo.com",
})
#: Hosts of the platform itself, not a customer's: "www.", a language ("en.alibaba.com"),
#: the platform's own services ("detail.1688.com", "offer.alibaba.com").
_PLATFORM_LABELS = frozenset(
    "www m en cn de fr es it ru jp kr pt ar tr vi th id nl pl www2 detail offer sale message "
    "login passport s search help i item list world page my app api mail shop store "
    "global".split())


def domain_parts(url_or_host: str) -> tldextract.tldextract.ExtractResult:
    """Subdomain, domain and public suffix of a URL or host (bundled suffix list, no download)."""
    return _EXTRACT(url_or_host)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"^(mailto|tel|javascript|data|ftp|file|sms|skype|whatsapp):",
                           re.IGNORECASE)


_HTTP = re.compile(r"^https?://", re.IGNORECASE)
_BROKEN_SCHEME = re.compile(r"^h{0,2}t{1,3}p(s?)\s*(?:[:;]\s*/{0,3}|/{1,3})(?=\w)",
                            re.IGNORECASE)
#: Query parameters a redirecting link carries its target in ("l.facebook.com/l.php?u=...",
#: "google.com/url?q=...", a directory's "/redirect?url=...").
_REDIRECT_PARAMS = ("u", "url", "q", "target", "dest", "destination", "redirect", "link",
                    "to")


def _redirect_target(url: str) -> str | None:
    """The web address a redirecting link points to, or None for any other link."""
    if "?" not in url or "http" not in url.split("?", 1)[1].lower():
        return None
    try:
        query = parse_qs(urlsplit(url).query)
    except ValueError:
        return None
    for name in _REDIRECT_PARAMS:
        for value in query.get(name, ()):
            if value.lower().startswith(("http://", "https://")):
                return value
    return None


_IPV4_CHARS = frozenset("0123456789.")


def _is_ip(host: str) -> bool:
    host = host.strip("[]")
    # IPv6 needs a colon and IPv4 only digits and dots: a host name fails fast, not by raising.
    if ":" not in host and not _IPV4_CHARS.issuperset(host):
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


#: What a path's end loses as the text's ends do: slashes, brackets, quotes and the spaces
#: ``str.strip`` takes ('"acme.de/x/ "' -> "/x", not "/x/ ", whose space a second reading took).
_PATH_END = "/<>\"'" + "".join(char for char in map(chr, range(0x3001)) if char.isspace())


@lru_cache(maxsize=CACHE_SIZE)
def normalize_website(raw: str) -> tuple[str, str] | None:
    """Return ``(canonical URL, registered domain)`` for ``raw``, or None if it is no web address.

    The canonical URL is lower-case scheme and host, no default port, no query or fragment,
    no trailing slash. A host without a public suffix (``localhost``, an IP) keeps ``host[:port]``
    as its "domain", so that local test sites still get one key per site.
    """
    if not raw:
        return None
    text = raw.strip().strip("<>\"'")  # "<http://acme.de>" as mail programs write it
    if _OTHER_SCHEME.match(text):
        return None
    if text.startswith("//"):
        text = "http:" + text
    if not _HTTP.match(text) and (broken := _BROKEN_SCHEME.match(text)):
        # "https//acme.de", "http:/acme.de", "htp://acme.de": a scheme mistyped
        text = ("https://" if broken.group(1) else "http://") + text[broken.end():]
    if not _SCHEME.match(text):
        text = "http://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc:
        return None
    host = (parts.hostname or "").rstrip(".").lower()
    if not host or " " in host:
        return None
    if not host.isascii():
        # "müller.de" as "xn--mller-kva.de": the form e-mail domains take (email-validator's
        # ASCII domain), so a company's site and its mail meet on one key.
        try:
            host = idna.encode(host, uts46=True).decode("ascii").rstrip(".")
        except idna.IDNAError:
            return None  # ("acme.de．": a full-width dot is a dot here, and a final one goes)
    if not _HOST.fullmatch(host):
        return None  # "www.acme.de;www.acme.com": two addresses, not one host
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = parts.path.rstrip(_PATH_END)  # (as the text's ends: "acme.de/x'/" -> "/x")
    canonical = f"{parts.scheme.lower()}://{netloc}{path}"
    if _is_ip(host) or host == "localhost":
        return canonical, netloc
    extracted = _EXTRACT(host)
    if not extracted.suffix or not extracted.domain:
        return None
    domain = f"{extracted.domain}.{extracted.suffix}"
    if domain in SITE_PLATFORMS and (customer := _customer_label(extracted.subdomain)):
        domain = f"{customer}.{domain}"
    return canonical, domain


def _customer_label(subdomain: str) -> str | None:
    """The customer's label of a platform host's subdomain ("acme.en" -> "acme", "www.acme"
    -> "acme"), or None for the platform's own hosts ("www", "en", "detail")."""
    for label in subdomain.split(".") if subdomain else ():
        if label not in _PLATFORM_LABELS:
            return label
    return None


_LIST_SEPARATORS = re.compile(r"[,;|\s，；、：]+")  # "：" after a label: "网址：www.acme.cn"
#: A host as a URL names it (IDNA applied): letters, digits, dots, hyphens (and underscores,
#: which DNS holds).
_HOST = re.compile(r"[a-z0-9._-]+")
#: A link's target in markup a field copied from a web page holds.
_HREF = re.compile(r"""href\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def first_website(field: str) -> tuple[str, str] | None:
    """:func:`normalize_website` of a field, or of the first web address in a field that lists
    several ("acme.de, acme.com") or labels it ("Website: acme.de", "网址：www.acme.cn") or
    holds markup ("<a href=...>", "acme.de<br>"); of
    the address a redirecting link in the field points to ("l.facebook.com/l.php?u=...").
    (:func:`normalize_website` keeps a link's own host: the enrichment crawler tells by it
    which host a request goes to.)"""
    field = plain_text(field)  # "www.acme.de&nbsp;", a zero-width space copied with it
    site = normalize_website(_redirect_target(field.strip()) or field)
    if site is None and "<" in field:  # "<a href="http://acme.de">Acme</a>", "acme.de<br>"
        link = _HREF.search(field)
        field = link.group(1) if link else without_tags(field)
        site = normalize_website(_redirect_target(field.strip()) or field)
    if site is None and _LIST_SEPARATORS.search(field.strip()):
        for part in _LIST_SEPARATORS.split(field.strip()):
            if part and (site := normalize_website(part)):
                break
    return site


def registered_domain(host_or_url: str) -> str | None:
    """The registered domain of a host, e-mail domain or URL ("shop.acme.co.uk" -> "acme.co.uk")."""
    result = normalize_website(host_or_url)
    return result[1] if result else None
