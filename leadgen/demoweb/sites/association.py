"""The trade-association member directory (www.packaging-association.org)."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from leadgen.demoweb import phones
from leadgen.demoweb.generate import describe
from leadgen.demoweb.hosts import ASSOCIATION_HOST, PAGE_SIZES, association_robots
from leadgen.demoweb.html import (
    Response,
    email_html,
    html_response,
    jsonld,
    not_found,
    page,
    tel_html,
    text_response,
)
from leadgen.demoweb.industries import INDUSTRY_BY_KEY
from leadgen.demoweb.pools import COUNTRIES, MEMBER_TIERS
from leadgen.demoweb.sites.common import pagination, safe_int

if TYPE_CHECKING:
    from leadgen.demoweb.world import DemoWorld

SOURCE = "demo-association"
NAV = (
    '<header><a class="logo" href="/">Packaging Association</a><nav>'
    '<a href="/">Home</a> <a href="/members">Member directory</a> '
    '<a href="/members/search?q=">Advanced search</a> '
    '<a href="/events/calendar?month=2026-11">Events</a> <a href="/news">News</a> '
    '<a href="/private/login">Member login</a></nav></header>\n'
)
FOOTER = (
    "<footer><p>© 2026 Packaging Association e.V. · Secretariat: +49 69 2573 8800 · "
    'office@packaging-association.org</p><p><a href="/imprint">Imprint</a> '
    '<a href="/privacy">Privacy</a></p></footer>'
)


def tier(world: DemoWorld, index: int) -> str:
    core = world.cores[index]
    if core.employees >= 500:
        return MEMBER_TIERS[0]
    if core.employees >= 100:
        return MEMBER_TIERS[1]
    services = ("consulting", "law", "software")
    return MEMBER_TIERS[3] if core.industry in services else MEMBER_TIERS[2]


def _shell(title: str, body: str, head: str = "") -> str:
    return page(f"{title} | Packaging Association", NAV + f"<main>\n{body}\n</main>\n" + FOOTER,
                head=head)


def handle(world: DemoWorld, path: str, params: dict[str, str]) -> Response:
    if path == "/robots.txt":
        return text_response(association_robots(world.crawl_delay))
    if path == "/":
        return html_response(_shell("Home", (
            "<h1>Packaging Association</h1><p>The international association of packaging "
            "users and suppliers. Browse our <a href=\"/members\">member directory</a>.</p>")))
    if path == "/members":
        return _members(world, safe_int(params.get("page"), 1))
    if path.startswith("/members/search"):
        return html_response(_shell("Search", "<h1>Search members</h1><form></form>"))
    if path.startswith("/members/"):
        index = world.by_slug.get(path.removeprefix("/members/").strip("/"))
        if index is None or not world.cores[index].in_association:
            return not_found()
        return _detail(world, index)
    if path == "/events/calendar":
        return _calendar(params.get("month", "2026-11"))
    if path == "/news":
        return html_response(_shell("Error", "<h1>Internal Server Error</h1>"), 500)
    if path.startswith("/private/"):
        return html_response(_shell("Login", "<h1>Member login</h1><form></form>"))
    if path in ("/imprint", "/privacy"):
        return html_response(_shell(path[1:].title(), f"<h1>{path[1:].title()}</h1>"))
    return not_found()


def _members(world: DemoWorld, page_no: int) -> Response:
    size = PAGE_SIZES[SOURCE]
    pages = max(1, -(-len(world.members) // size))
    if page_no < 1 or page_no > pages:
        return not_found()
    cards = []
    for index in world.members[(page_no - 1) * size: page_no * size]:
        core, det = world.cores[index], world.details(index)
        name = world.listed_name(index, SOURCE)
        cards.append(
            f'<article class="member-card">\n'
            f'  <h3><a href="/members/{core.slug}">{escape(name)}</a></h3>\n'
            f'  <p class="location">{escape(det.city_latin)}, '
            f"{escape(COUNTRIES[core.country].name_en)}</p>\n"
            f'  <p class="category">{escape(world.industry_label(index, "en"))}</p>\n'
            f'  <span class="tier">{tier(world, index)}</span>\n</article>'
        )
    nav = pagination("/members?page={}", page_no, pages)
    head = ""
    if page_no > 1:
        head += f'<link rel="prev" href="/members?page={page_no - 1}">\n'
    if page_no < pages:
        head += f'<link rel="next" href="/members?page={page_no + 1}">\n'
    body = (f"<h1>Member directory</h1><p>{len(world.members)} members · page {page_no} of "
            f'{pages} · <a href="/members/search?q=">Advanced search</a></p>\n'
            f'<section class="members">\n' + "\n".join(cards) + "\n</section>\n" + nav)
    return html_response(_shell(f"Members – page {page_no}", body, head))


def _detail(world: DemoWorld, index: int) -> Response:
    core, det = world.cores[index], world.details(index)
    name = world.listed_name(index, SOURCE)
    country = COUNTRIES[core.country].name_en
    address = "<br>".join(escape(x) for x in det.address_lines_en) + f"<br>{escape(country)}"
    style = world.phone_style(index, SOURCE)
    tel = phones.display(det.phone, core.country, style)
    rows = [("Address", address), ("Phone", tel_html(tel, det.phone, True))]
    if det.fax:
        rows.append(("Fax", escape(phones.display(det.fax, core.country, style))))
    if det.emails:
        rows.append(("E-mail", email_html(det.emails[0], "mailto")))
    site = world.listed_website(index, SOURCE)
    if site:
        href = site if site.startswith("http") else f"http://{site}"
        rows.append(("Website", f'<a href="{escape(href)}" rel="nofollow">{escape(site)}</a>'))
    if det.people and not core.domain:
        p = det.people[0]
        rows.append(("Contact", f"{escape(p.name)}, {escape(p.title)}"))
    rows.append(("Membership", tier(world, index)))
    rows.append(("Category", escape(world.industry_label(index, "en"))))
    dl = "\n".join(f"  <dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    head = ""
    if index % 2 == 0:  # structured data on some detail pages only
        data: dict[str, object] = {
            "@context": "https://schema.org", "@type": "Organization", "name": name,
            "telephone": det.phone,
            "address": {"@type": "PostalAddress", "streetAddress": det.street,
                        "addressLocality": det.city_latin, "postalCode": det.postal_code,
                        "addressCountry": core.country},
        }
        if core.website:
            data["url"] = core.website
        if det.emails:
            data["email"] = det.emails[0]
        head = jsonld(data)
    body = (f'<article class="member-detail">\n<h1>{escape(name)}</h1>\n'
            f"<dl>\n{dl}\n</dl>\n<p class=\"description\">{escape(_english(world, index))}</p>\n"
            f'<p><a href="/members">Back to the directory</a></p>\n</article>')
    return html_response(_shell(name, body, head))


def _english(world: DemoWorld, index: int) -> str:
    core, det = world.cores[index], world.details(index)
    ind = INDUSTRY_BY_KEY[core.industry]
    return describe("en", core, ind.label["en"], ind.products["en"], det.city_latin)


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _calendar(month: str) -> Response:
    """An endless event calendar: every month links to the next and the previous one."""
    match = _MONTH.match(month)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return not_found()
    year, mon = int(match.group(1)), int(match.group(2))
    prev_m = f"{year - (mon == 1):04d}-{(mon - 2) % 12 + 1:02d}"
    next_m = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}"
    body = (f"<h1>Events – {month}</h1><p>No events this month.</p>"
            f'<p><a rel="prev" href="/events/calendar?month={prev_m}">« {prev_m}</a> '
            f'<a rel="next" href="/events/calendar?month={next_m}">{next_m} »</a></p>')
    return html_response(_shell(f"Events {month}", body))


HOST = ASSOCIATION_HOST
