"""Hostnames, source ids and robots.txt rules of the demo web: the one place that names them."""

from __future__ import annotations

ASSOCIATION_HOST = "www.packaging-association.org"
EXPO_HOST = "expo.packtech-fair.com"
YELLOW_HOST = "www.bizdirectory-online.com"
CN_HOST = "www.zhongguo-gongying.cn"

#: Source id (as used in profiles and in the truth's ``listings``) -> directory host.
SOURCE_HOSTS: dict[str, str] = {
    "demo-association": ASSOCIATION_HOST,
    "demo-expo": EXPO_HOST,
    "demo-yellowpages": YELLOW_HOST,
    "demo-cn-directory": CN_HOST,
}

#: Entry URL paths of each directory.
START_PATHS: dict[str, list[str]] = {
    "demo-association": ["/members"],
    "demo-expo": ["/exhibitors"],
    "demo-yellowpages": ["/categories"],
    "demo-cn-directory": ["/list_1.html"],
}

#: Web agencies whose footer credit appears on company sites (a trap: not the company's e-mail).
AGENCIES: list[tuple[str, str, str]] = [
    ("Pixelwerk Media", "pixelwerk-media.de", "hello"),
    ("Blue Fern Digital", "bluefern-digital.co.uk", "studio"),
    ("Studio Kraanwater", "kraanwater.nl", "info"),
    ("Webcraft Solutions", "webcraft-solutions.com", "contact"),
    ("杭州云帆网络科技", "yunfan-web.cn", "service"),
]

PAGE_SIZES: dict[str, int] = {
    "demo-association": 20,
    "demo-expo": 25,
    "demo-yellowpages": 15,
    "demo-cn-directory": 20,
}


def association_robots(crawl_delay: float) -> str:
    """robots.txt of the association: a Crawl-delay and two disallowed areas."""
    delay = f"{crawl_delay:g}"
    return (
        "# Packaging Association robots\n"
        "User-agent: *\n"
        f"Crawl-delay: {delay}\n"
        "Disallow: /members/search\n"
        "Disallow: /private/\n"
    )


YELLOW_ROBOTS = (
    "User-agent: *\n"
    "Disallow: /admin/\n"
    "Disallow: /company/*/print\n"
    "\n"
    "User-agent: BadBot\n"
    "Disallow: /\n"
)

EXPO_ROBOTS = "User-agent: *\nDisallow: /api/internal/\nDisallow: /cart\n"

CN_ROBOTS = "User-agent: *\nDisallow: /member/\nDisallow: /search\n"

COMPANY_ROBOTS = "User-agent: *\nDisallow: /wp-admin/\nAllow: /\n"

#: Disallowed path prefixes per directory host (the truth's ``disallowed``; '*' as in robots).
DISALLOWED: dict[str, list[str]] = {
    ASSOCIATION_HOST: ["/members/search", "/private/"],
    YELLOW_HOST: ["/admin/", "/company/*/print"],
    EXPO_HOST: ["/api/internal/", "/cart"],
    CN_HOST: ["/member/", "/search"],
}
