"""Normalized values of what a website shows: e-mails, phones, social profile URLs.

E-mails, phones and websites use :mod:`leadgen.normalize` (the same keys matching uses); social
profile URLs are canonicalized here so that one profile linked three ways is stored once.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from leadgen.normalize import normalize_email, normalize_phone
from leadgen.normalize.website import SOCIAL_NETWORKS

#: Links that are buttons of a network, not a company profile on it.
_NOT_PROFILE = re.compile(
    r"/(?:sharer|share|intent|plugins|dialog|login|signup|home\.php|hashtag|search)\b"
    r"|/shareArticle|/embed/|/watch\?|^/?$",
    re.I,
)
_KEEP_QUERY = {"id", "gid"}  # facebook.com/profile.php?id=..., linkedin groups?gid=...


#: A WeChat account shown as text ("微信：acme_pack"): stored as ``wechat:<id>``.
_WECHAT_ACCOUNT = r"[A-Za-z][-_A-Za-z0-9]{5,19}"
WECHAT_ID = re.compile(
    rf"(?:微信(?:号|公众号)?|wechat(?:\s*id)?|weixin)\s*[:：]\s*({_WECHAT_ACCOUNT})\b", re.I
)


def wechat_ids(text: str) -> list[str]:
    """WeChat accounts named in text, as ``wechat:<id>``."""
    return [f"wechat:{m.group(1)}" for m in WECHAT_ID.finditer(text)]


def social_network(url: str) -> str | None:
    """The network a URL belongs to ("linkedin"), or None when it is not a social host."""
    if url.lower().startswith("wechat:"):
        return "wechat"
    host = (urlsplit(url if "://" in url else "https://" + url).hostname or "").lower()
    for suffix, network in SOCIAL_NETWORKS.items():
        if host == suffix or host.endswith("." + suffix):
            return network
    return None


def normalize_social(raw: str) -> str | None:
    """Canonical profile URL: https, no ``www.``/``m.``, no tracking query, no trailing slash.

    Returns None for share buttons and bare network home pages.
    """
    text = raw.strip()
    if text.lower().startswith("wechat:"):
        account = text.split(":", 1)[1].strip()
        return f"wechat:{account}" if re.fullmatch(_WECHAT_ACCOUNT, account) else None
    if text.startswith("//"):
        text = "https:" + text
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if not social_network(host):
        return None
    for prefix in ("www.", "m.", "mobile.", "de.", "en.", "zh.", "cn."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    path = re.sub(r"/+", "/", parts.path).rstrip("/")
    if _NOT_PROFILE.search(path + ("?" + parts.query if parts.query else "")) or not path:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k in _KEEP_QUERY])
    return f"https://{host}{path}" + (f"?{query}" if query else "")


def email_value(raw: str) -> str | None:
    """The stored form of an e-mail (lower-cased), or None when it is not an address."""
    email = normalize_email(raw)
    return email.address if email else None


def phone_value(raw: str, region: str | None) -> str | None:
    """The E.164 form of a phone number, or None when it is not a possible number."""
    phone = normalize_phone(raw, region)
    return phone.e164 if phone else None
