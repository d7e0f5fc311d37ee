"""The yellow-pages directory (www.bizdirectory-online.com), with session ids in its links."""

from __future__ import annotations

import hashlib
import itertools
import re
from html import escape
from typing import TYPE_CHECKING

from leadgen.demoweb import phones
from leadgen.demoweb.generate import slugify
from leadgen.demoweb.hosts import PAGE_SIZES, YELLOW_ROBOTS
from leadgen.demoweb.html import Response, html_response, not_found, page, text_response
from leadgen.demoweb.industries import INDUSTRIES, INDUSTRY_BY_KEY
from leadgen.demoweb.pools import COUNTRIES
from leadgen.demoweb.sites.common import pagination, safe_int

if TYPE_CHECKING:
    from leadgen.demoweb.world import DemoWorld

SOURCE = "demo-yellowpages"
#: Category slug -> industry key.
YELLOW_CATEGORIES = {slugify(ind.label["en"]): ind.key for ind in INDUSTRIES}
_views = itertools.count(1)
_DETAIL = re.compile(r"^/company/(\d+)-([a-z0-9-]+)(/print)?/?$")


def _session(world: DemoWorld) -> str:
    """A new session id per page view, as careless Java sites do."""
    token = f"{world.seed}:{next(_views)}".encode()
    return hashlib.blake2b(token, digest_size=12).hexdigest().upper()


def _shell(world: DemoWorld, title: str, body: str, sid: str) -> str:
    nav = (f'<header><a href="/;jsessionid={sid}">BizDirectory Online</a> · '
           f'<a href="/categories;jsessionid={sid}">All categories</a> · '
           f'<a href="/admin/login?sid={sid}">Admin</a></header>\n')
    foot = ('<footer><p>© 2026 BizDirectory Online Ltd · '
            '<a href="/about">About</a> · <a href="/admin/">Listing management</a></p></footer>')
    return page(f"{title} – BizDirectory Online", nav + f"<main>\n{body}\n</main>\n" + foot)


def handle(world: DemoWorld, path: str, params: dict[str, str]) -> Response:
    path = path.split(";", 1)[0]  # ;jsessionid=... never changes the content
    if path == "/robots.txt":
        return text_response(YELLOW_ROBOTS)
    sid = _session(world)
    if path in ("/", "/categories"):
        return _categories(world, sid)
    if path.startswith("/category/"):
        return _category(world, path.removeprefix("/category/").strip("/"),
                         safe_int(params.get("page"), 1), sid)
    match = _DETAIL.match(path)
    if match:
        index = int(match.group(1)) - 10000
        if not 0 <= index < len(world.cores) or not world.cores[index].in_yellow:
            return not_found()
        return _detail(world, index, sid, printable=bool(match.group(3)))
    if path.startswith("/admin/"):
        return html_response(_shell(world, "Admin", "<h1>Admin login</h1><form></form>", sid))
    if path == "/about":
        return html_response(_shell(world, "About", "<h1>About us</h1>", sid))
    return not_found()


def _categories(world: DemoWorld, sid: str) -> Response:
    items = []
    for slug, members in world.yellow.items():
        label = INDUSTRY_BY_KEY[_industry(slug)].label["en"]
        items.append(f'<li><a href="/category/{slug};jsessionid={sid}">{escape(label)}</a> '
                     f"({len(members)})</li>")
    body = ('<h1>Business categories</h1>\n<ul class="categories">\n'
            + "\n".join(items) + "\n</ul>")
    return html_response(_shell(world, "Categories", body, sid))


def _industry(slug: str) -> str:
    return YELLOW_CATEGORIES[slug]


def _address(world: DemoWorld, index: int) -> str:
    core, det = world.cores[index], world.details(index)
    return ", ".join([*det.address_lines_en, COUNTRIES[core.country].name_en])


def _category(world: DemoWorld, slug: str, page_no: int, sid: str) -> Response:
    if slug not in world.yellow:
        return not_found()
    members = world.yellow[slug]
    size = PAGE_SIZES[SOURCE]
    pages = max(1, -(-len(members) // size))
    if not 1 <= page_no <= pages:
        return not_found()
    label = INDUSTRY_BY_KEY[_industry(slug)].label["en"]
    items = []
    for index in members[(page_no - 1) * size: page_no * size]:
        core, det = world.cores[index], world.details(index)
        url = world.yellow_path(index).lstrip("/")
        tel = phones.display(det.phone, core.country, world.phone_style(index, SOURCE))
        items.append(
            f'<li class="listing">\n  <h2><a href="/{url};jsessionid={sid}">'
            f"{escape(world.listed_name(index, SOURCE))}</a></h2>\n"
            f'  <div class="addr">{escape(_address(world, index))}</div>\n'
            f'  <div class="phone">Tel: {escape(tel)}</div>\n</li>'
        )
    nav = pagination(f"/category/{slug}?page={{}}", page_no, pages, extra=f"&sid={sid}")
    body = (f"<h1>{escape(label)}</h1><p>{len(members)} businesses</p>\n"
            '<ul class="results">\n' + "\n".join(items) + "\n</ul>\n" + nav)
    return html_response(_shell(world, f"{label} – page {page_no}", body, sid))


def _detail(world: DemoWorld, index: int, sid: str, printable: bool) -> Response:
    core, det = world.cores[index], world.details(index)
    name = world.listed_name(index, SOURCE)
    tel = phones.display(det.phone, core.country, world.phone_style(index, SOURCE))
    parts = [f'<h1 class="business-name">{escape(name)}</h1>',
             f'<p class="category">{escape(world.industry_label(index, "en"))}</p>',
             f'<p class="address">{escape(_address(world, index))}</p>',
             f"<p>Phone: {escape(tel)}</p>"]
    if det.emails and (index % 3 != 0 or not core.domain):
        parts.append(f"<p>Email: {escape(det.emails[0])}</p>")
    site = world.listed_website(index, SOURCE)
    if site:
        href = site if site.startswith("http") else f"http://{site}"
        parts.append(f'<p>Web: <a href="{escape(href)}">{escape(site)}</a></p>')
    if det.people and not core.domain:
        parts.append(f"<p>Contact: {escape(det.people[0].name)} ({escape(det.people[0].title)})"
                     "</p>")
    parts.append(f"<p>Employees: {_band(core.employees)}</p>")
    base = world.yellow_path(index)
    if not printable:
        parts.append(f'<p><a href="{base}/print;jsessionid={sid}">Print this listing</a> · '
                     f'<a href="/admin/edit?id={world.yellow_id(index)}&sid={sid}">'
                     "Edit listing</a></p>")
    body = '<div class="business">\n' + "\n".join(parts) + "\n</div>"
    return html_response(_shell(world, name, body, sid))


def _band(employees: int) -> str:
    for low, high in ((1, 9), (10, 49), (50, 199), (200, 999)):
        if employees <= high:
            return f"{low}-{high}"
    return "1000+"
