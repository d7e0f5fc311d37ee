"""Small HTML helpers and the response record every site renderer returns."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote


@dataclass
class Response:
    """What a demo host answers: status, body bytes, headers and an optional delay."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def html_response(text: str, status: int = 200, charset: str = "utf-8") -> Response:
    body = text.encode(charset, errors="xmlcharrefreplace")
    return Response(status, body, f"text/html; charset={charset}")


def text_response(text: str, status: int = 200) -> Response:
    return Response(status, text.encode(), "text/plain; charset=utf-8")


def json_response(data: object) -> Response:
    body = json.dumps(data, ensure_ascii=False, indent=1).encode()
    return Response(200, body, "application/json; charset=utf-8")


def redirect(location: str, status: int = 301) -> Response:
    return Response(status, b"", "text/html; charset=utf-8", {"Location": location})


def not_found(lang: str = "en") -> Response:
    title = {"de": "Seite nicht gefunden", "zh": "页面不存在"}.get(lang, "Page not found")
    return html_response(page(title, f"<h1>404 – {escape(title)}</h1>", lang=lang), 404)


def page(title: str, body: str, *, lang: str = "en", head: str = "", charset: str = "utf-8") -> str:
    """A whole HTML document."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="{charset}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def jsonld(data: dict[str, object]) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def entities(text: str) -> str:
    """Every character as a decimal HTML entity (a common e-mail obfuscation)."""
    return "".join(f"&#{ord(ch)};" for ch in text)


def email_html(address: str, style: str, label: str = "E-Mail") -> str:
    """An e-mail shown the way one site shows it; a human reads the same address in each."""
    if style == "mailto":
        return f'<a href="mailto:{address}">{escape(address)}</a>'
    if style == "mailto_text":
        return f'<a href="mailto:{address}">{escape(label)}</a>'
    if style == "obfuscated":
        local, _, domain = address.partition("@")
        return escape(f"{local} [at] {domain.replace('.', ' [dot] ')}")
    if style == "entities":
        return f'<a href="{entities("mailto:" + address)}">{entities(address)}</a>'
    return escape(address)


def tel_html(display: str, e164: str, link: bool) -> str:
    if link:
        return f'<a href="tel:{e164}">{escape(display)}</a>'
    return escape(display)


def path_quote(path: str) -> str:
    """Percent-encode a path with non-ASCII characters (/联系我们.html)."""
    return quote(path, safe="/;=?&")
