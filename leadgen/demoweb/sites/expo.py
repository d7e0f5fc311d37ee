"""The trade-show exhibitor list (expo.packtech-fair.com): an HTML table plus a JSON API."""

from __future__ import annotations

import random
from html import escape
from typing import TYPE_CHECKING, Any

from leadgen.demoweb import phones
from leadgen.demoweb.hosts import EXPO_ROBOTS, PAGE_SIZES
from leadgen.demoweb.html import (
    Response,
    html_response,
    json_response,
    not_found,
    page,
    text_response,
)
from leadgen.demoweb.pools import COUNTRIES
from leadgen.demoweb.sites.common import pagination, safe_int

if TYPE_CHECKING:
    from leadgen.demoweb.world import DemoWorld

SOURCE = "demo-expo"
NAV = ('<header><a href="/">PackTech Fair 2026</a> · <a href="/exhibitors">Exhibitors</a> · '
       '<a href="/exhibitors/floorplan">Floor plan</a> · <a href="/cart">Tickets</a></header>\n')


def booth(world: DemoWorld, index: int) -> tuple[str, int]:
    """Hall/booth and booth size in m² (bigger companies take bigger booths)."""
    rng = random.Random(f"booth:{world.seed}:{index}")
    employees = world.cores[index].employees
    size = 9 * (1 + min(employees // 150, 10)) + rng.choice((0, 3, 6))
    return f"Hall {rng.randint(1, 8)} / {rng.choice('ABCDEFGH')}{rng.randint(1, 60):02d}", size


def _pages(world: DemoWorld) -> int:
    return max(1, -(-len(world.exhibitors) // PAGE_SIZES[SOURCE]))


def _slice(world: DemoWorld, page_no: int) -> list[int]:
    size = PAGE_SIZES[SOURCE]
    return world.exhibitors[(page_no - 1) * size: page_no * size]


def handle(world: DemoWorld, path: str, params: dict[str, str]) -> Response:
    if path == "/robots.txt":
        return text_response(EXPO_ROBOTS)
    if path == "/":
        body = (NAV + "<main><h1>PackTech Fair 2026</h1><p>The trade fair for packaging "
                'technology. See the <a href="/exhibitors">exhibitor list</a>.</p></main>')
        return html_response(page("PackTech Fair 2026", body))
    if path == "/exhibitors":
        return _table(world, safe_int(params.get("page"), 1))
    if path == "/api/exhibitors":
        return _api(world, safe_int(params.get("page"), 1))
    if path == "/exhibitors/floorplan":
        resp = html_response(page("Floor plan", NAV + "<main><h1>Floor plan</h1>"
                                  "<p>Interactive floor plan (loading slowly).</p></main>"))
        resp.delay = world.slow_delay
        return resp
    return not_found()


def _table(world: DemoWorld, page_no: int) -> Response:
    pages = _pages(world)
    if not 1 <= page_no <= pages:
        return not_found()
    rows = []
    for index in _slice(world, page_no):
        core = world.cores[index]
        stand, size = booth(world, index)
        site = world.listed_website(index, SOURCE)
        site_cell = ""
        if site:
            href = site if site.startswith("http") else f"http://{site}"
            site_cell = f'<a href="{escape(href)}" target="_blank">{escape(site)}</a>'
        rows.append(
            f'<tr class="exhibitor" data-id="{world.expo_id(index)}">'
            f'<td class="name">{escape(world.listed_name(index, SOURCE))}</td>'
            f"<td>{escape(COUNTRIES[core.country].name_en)}</td><td>{stand}</td>"
            f"<td>{size} m²</td><td>{site_cell}</td></tr>"
        )
    more = ""
    if page_no < pages:
        more = (f'<button class="load-more" data-load-more="/api/exhibitors?page={page_no + 1}">'
                "Load more exhibitors</button>")
    body = (NAV + f"<main><h1>Exhibitors</h1><p>{len(world.exhibitors)} exhibitors</p>\n"
            '<table class="exhibitors">\n<thead><tr><th>Company</th><th>Country</th>'
            "<th>Hall / Booth</th><th>Booth size</th><th>Website</th></tr></thead>\n<tbody>\n"
            + "\n".join(rows) + "\n</tbody>\n</table>\n" + more + "\n"
            + pagination("/exhibitors?page={}", page_no, pages) + "</main>")
    return html_response(page(f"Exhibitors – page {page_no} | PackTech Fair 2026", body))


def _api(world: DemoWorld, page_no: int) -> Response:
    pages = _pages(world)
    if not 1 <= page_no <= pages:
        return Response(404, b'{"error": "no such page"}', "application/json")
    items: list[dict[str, Any]] = []
    for index in _slice(world, page_no):
        core, det = world.cores[index], world.details(index)
        stand, size = booth(world, index)
        items.append({
            "id": world.expo_id(index),
            "name": world.listed_name(index, SOURCE),
            "country": core.country,
            "booth": stand,
            "boothSize": f"{size} m²",
            "website": world.listed_website(index, SOURCE),
            "phone": phones.display(det.phone, core.country, "international"),
            "email": det.emails[0] if det.emails else None,
        })
    nxt = f"/api/exhibitors?page={page_no + 1}" if page_no < pages else None
    return json_response({"page": page_no, "pages": pages, "total": len(world.exhibitors),
                          "items": items, "next": nxt})
