"""A member directory with every trap a polite crawler must survive.

- ``/robots.txt``: ``Disallow: /private/`` and a ``Crawl-delay``;
- ``/members``, ``?page=2..4``: listing pages of member cards, ``rel=next`` and numbered
  pagination, links carrying session ids (``;jsessionid=``, ``?sid=``, ``PHPSESSID``);
  page 4 is slow;
- ``/member/<n>``: detail pages (phone, e-mail, website); member 9 answers 500, member 10 sends
  undecodable bytes, member 13 is broken HTML, member 6 is oversized (80 kB), member 7 sits
  under ``/private/``, member 12 is on another host (``localhost``);
- ``/events/<YYYY-MM>``: an endless calendar, each month a listing linking the next;
- ``/endless?page=N``: pagination that never ends, every page showing the same three members;
- ``/cat/<letter>?page=N``: categories sharing members (``CATEGORIES``): page 2 of ``b`` shows
  only members of ``a``, page 3 new ones;
- ``/az?l=<range>``: the directory split by initial, an A-Z bar in the header (``ALPHABET``);
- ``/api/members?page=N``: the same members as a JSON API (5 per page, ``page``/``pages``),
  ids ``1000 + n``.

``MEMBERS`` is the ground truth of the directory.
"""

from __future__ import annotations

import html
import json
import random
import re
import string
from dataclasses import dataclass

from tests.sites.server import Page


@dataclass(frozen=True)
class Member:
    number: int
    name: str
    phone: str
    email: str
    website: str


MEMBERS = [
    Member(n, name, f"+49 30 5550{n:03d}", f"info@{slug}.example", f"http://www.{slug}.example/")
    for n, name, slug in [
        (1, "Aachener Verpackung GmbH", "aachener-verpackung"),
        (2, "Berliner Folien AG", "berliner-folien"),
        (3, "Crimmitschau Kartonagen KG", "crimmitschau-kartonagen"),
        (4, "Dresdner Etiketten GmbH", "dresdner-etiketten"),
        (5, "Erfurter Dosen GmbH", "erfurter-dosen"),
        (6, "Flensburger Flaschen GmbH", "flensburger-flaschen"),
        (7, "Geheime Verpackung GmbH", "geheime-verpackung"),
        (8, "Hamburger Kisten GmbH", "hamburger-kisten"),
        (9, "Ingolstädter Paletten GmbH", "ingolstaedter-paletten"),
        (10, "Jenaer Glas Verpackung GmbH", "jenaer-glas"),
        (11, "Kieler Kunststoff GmbH", "kieler-kunststoff"),
        (12, "Leipziger Luftpolster GmbH", "leipziger-luftpolster"),
        (13, "Mainzer Membranen GmbH", "mainzer-membranen"),
        (14, "Nürnberger Netze GmbH", "nuernberger-netze"),
        (15, "Offenbacher Obstkisten GmbH", "offenbacher-obstkisten"),
    ]
]
BY_NUMBER = {member.number: member for member in MEMBERS}
#: Which members each listing page shows; member 1 appears twice (under two session ids).
PAGES = {1: [1, 2, 3, 7], 2: [4, 5, 6, 1, 9], 3: [8, 10, 11, 12], 4: [13, 14, 15]}
LAST_PAGE = max(PAGES)
#: Listing by initial: letter range -> members.
ALPHABET = {"a-c": [1, 2, 3], "d-f": [4, 5, 6], "g-i": [8], "j-l": [11], "m-o": [13, 14, 15]}
#: Category listings: category -> its pages' members.
CATEGORIES = {"a": [[1, 2, 3]], "b": [[4, 5, 6], [1, 2, 3], [8, 11, 14]]}
SLOW_PAGE = 4
SLOW_SECONDS = 1.2


def _next_token(token: str | None) -> str:
    """A pager link's token that changes on every page (a CSRF or cache-busting value), when
    the page came with one."""
    if token is None:
        return ""
    return "&t=" + "".join(random.choice(string.ascii_lowercase) for _ in range(6))


def _doc(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/members\">Mitglieder</a>"
        f"</nav></header><main>{body}</main><footer>© 2026 Verband der Verpackungsindustrie e.V."
        f"</footer></body></html>"
    ).encode()


class DirectorySite:
    """Routes of the directory; ``port`` is needed for the link to the other host."""

    def __init__(self, port: int, crawl_delay: float, slow_seconds: float = SLOW_SECONDS):
        self.port = port
        self.crawl_delay = crawl_delay
        self.slow_seconds = slow_seconds

    def detail_href(self, number: int, page: int) -> str:
        if number == 7:
            return "/private/member/7"
        if number == 12:
            return f"http://localhost:{self.port}/member/12"
        if number == 1:
            return "/member/1;jsessionid=A1B2C3D4E5" if page == 1 else "/member/1?sid=9f8e7d6c5b4a"
        return f"/member/{number}"

    def listing(self, page: int) -> Page:
        cards = []
        for number in PAGES[page]:
            member = BY_NUMBER[number]
            cards.append(
                f'<div class="member-card"><h3><a href="{self.detail_href(number, page)}">'
                f"{html.escape(member.name)}</a></h3><p>Tel. {member.phone}</p>"
                f'<p><a href="{self.detail_href(number, page)}">Profil ansehen</a></p></div>'
            )
        pager = " ".join(
            f'<a href="/members?page={n}">{n}</a>' for n in PAGES if n != page
        )
        if page < LAST_PAGE:
            pager += (
                f' <a rel="next" href="/members?page={page + 1}&amp;PHPSESSID=0123456789abcdef">'
                "Weiter »</a>"
            )
        body = (
            f"<h1>Mitgliederverzeichnis – Seite {page}</h1>"
            f'<div class="members">{"".join(cards)}</div><nav class="pagination">{pager}</nav>'
        )
        delay = self.slow_seconds if page == SLOW_PAGE else 0.0
        return Page(_doc(f"Mitglieder Seite {page}", body), delay=delay)

    def detail(self, number: int) -> Page:
        member = BY_NUMBER[number]
        if number == 9:
            return Page(b"<h1>Internal Server Error</h1>", status=500)
        if number == 10:
            # Declared UTF-8, but bytes that no charset decodes.
            return Page(b"\x00\x81\x8d\x8f\x90\x9d\xff" * 100)
        body = (
            f"<article><h1>{html.escape(member.name)}</h1>"
            f"<p>Telefon: {member.phone}</p>"
            f'<p>E-Mail: <a href="mailto:{member.email}">{member.email}</a></p>'
            f'<p>Web: <a href="{member.website}">{member.website}</a></p>'
            f"<p>Musterstraße {number}, 10115 Berlin</p></article>"
        )
        if number == 6:
            # Oversized: 80 kB of padding (tests set DOWNLOAD_MAXSIZE below that).
            return Page(_doc(member.name, body + "<!-- " + "x" * 80_000 + " -->"))
        if number == 13:
            # Broken HTML: unclosed tags, cut off in the middle of a tag.
            return Page(body.replace("</p>", "").replace("</article>", "").encode() + b"<div cla")
        return Page(_doc(member.name, body))

    def events(self, year: int, month: int) -> Page:
        nxt = (year + month // 12, month % 12 + 1)
        # Every month shows other exhibitors, so only the trap rules can end the walk.
        items = "".join(
            f'<div class="event"><h3>Messebau {year}-{month:02d}-{day:02d} GmbH</h3>'
            f"<p>{day}.{month}.{year}, Tel. +49 30 9{year % 100:02d}{month:02d}{day:02d}</p></div>"
            for day in (3, 10, 17)
        )
        body = (
            f"<h1>Veranstaltungen {month}/{year}</h1>{items}"
            f'<a rel="next" href="/events/{nxt[0]}-{nxt[1]:02d}">Nächster Monat »</a>'
        )
        return Page(_doc("Veranstaltungen", body))

    def endless(self, page: int, token: str | None = None) -> Page:
        cards = "".join(
            f'<div class="member-card"><h3><a href="/member/{m.number}">{html.escape(m.name)}'
            f"</a></h3><p>Tel. {m.phone}</p></div>"
            for m in MEMBERS[:3]
        )
        body = (
            f'<h1>Alle Mitglieder, Seite {page}</h1><div class="members">{cards}</div>'
            f'<a rel="next" href="/endless?page={page + 1}{_next_token(token)}">Weiter »</a>'
        )
        return Page(_doc(f"Seite {page}", body))

    def category(self, letter: str, page: int) -> Page:
        pages = CATEGORIES[letter]
        cards = "".join(
            f'<div class="member-card"><h3><a href="/member/{n}">{html.escape(BY_NUMBER[n].name)}'
            f"</a></h3><p>Tel. {BY_NUMBER[n].phone}</p></div>"
            for n in pages[page - 1]
        )
        nxt = f'<a rel="next" href="/cat/{letter}?page={page + 1}">Weiter »</a>'
        body = f'<h1>Kategorie {letter}</h1><div class="members">{cards}</div>'
        return Page(_doc(f"Kategorie {letter}", body + (nxt if page < len(pages) else "")))

    def alphabet(self, letters: str) -> Page:
        bar = " ".join(f'<a href="/az?l={key}">{key.upper()}</a>' for key in ALPHABET)
        cards = "".join(
            f'<div class="member-card"><h3><a href="/member/{n}">{html.escape(BY_NUMBER[n].name)}'
            f"</a></h3><p>Tel. {BY_NUMBER[n].phone}</p></div>"
            for n in ALPHABET[letters]
        )
        body = f'<nav class="az">{bar}</nav><h1>Mitglieder {letters.upper()}</h1>{cards}'
        return Page(_doc(f"Mitglieder {letters}", body))

    def api(self, page: int) -> Page:
        per_page = 5
        pages = -(-len(MEMBERS) // per_page)
        chunk = MEMBERS[(page - 1) * per_page : page * per_page]
        items = [
            {"id": 1000 + m.number, "name": m.name, "phone": m.phone, "email": m.email}
            for m in chunk
        ]
        data = {"items": items, "page": page, "pages": pages, "total": len(MEMBERS)}
        return Page(json.dumps(data).encode(), content_type="application/json")

    def __call__(self, path: str, query: dict[str, list[str]]) -> Page:
        path = path.split(";", 1)[0]
        if path == "/robots.txt":
            robots = f"User-agent: *\nDisallow: /private/\nCrawl-delay: {self.crawl_delay}\n"
            return Page(robots.encode(), content_type="text/plain")
        if path == "/members":
            page = int(query.get("page", ["1"])[0])
            return self.listing(page) if page in PAGES else Page(b"not found", status=404)
        if match := re.fullmatch(r"/(?:private/)?member/(\d+)", path):
            number = int(match.group(1))
            return self.detail(number) if number in BY_NUMBER else Page(b"", status=404)
        if match := re.fullmatch(r"/events/(\d{4})-(\d{2})", path):
            return self.events(int(match.group(1)), int(match.group(2)))
        if match := re.fullmatch(r"/cat/([a-z])", path):
            return self.category(match.group(1), int(query.get("page", ["1"])[0]))
        if path == "/az":
            letters = query.get("l", ["a-c"])[0]
            return self.alphabet(letters) if letters in ALPHABET else Page(b"", status=404)
        if path == "/endless":
            return self.endless(int(query.get("page", ["1"])[0]), query.get("t", [None])[0])
        if path == "/api/members":
            return self.api(int(query.get("page", ["1"])[0]))
        if path == "/":
            return Page(_doc("Verband", '<a href="/members">Mitglieder</a>'))
        return Page(b"not found", status=404)
