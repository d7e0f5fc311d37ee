"""Each company's own website: home, contact, about, imprint, team, news (with traps)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from leadgen.demoweb import phones
from leadgen.demoweb.hosts import COMPANY_ROBOTS
from leadgen.demoweb.html import (
    Response,
    email_html,
    html_response,
    jsonld,
    not_found,
    page,
    path_quote,
    tel_html,
    text_response,
)
from leadgen.demoweb.model import Core, Details
from leadgen.demoweb.sites.company_text import COUNTRY_LOCAL, PATHS, SOCIAL_LABEL, WORDS

if TYPE_CHECKING:
    from leadgen.demoweb.world import DemoWorld

GERMAN_SPEAKING = ("DE", "AT", "CH")


def site_paths(lang: str, country: str, team: bool, variant: int = 0) -> dict[str, str]:
    """The pages one company site has: name -> path (unquoted)."""
    paths = {"home": "/"}
    for key, options in PATHS[lang].items():
        paths[key] = options[variant % len(options)]
    if not team:
        paths.pop("team")
    if country not in GERMAN_SPEAKING:
        paths.pop("impressum", None)
    return paths


class _Site:
    """Renders the pages of one company site."""

    def __init__(self, world: DemoWorld, index: int) -> None:
        self.world = world
        self.core: Core = world.cores[index]
        self.det: Details = world.details(index)
        self.lang = self.det.lang
        self.words = WORDS[self.lang]
        self.paths = site_paths(self.lang, self.core.country, bool(self.det.site.get("team")),
                                int(str(self.det.site["path_variant"])))
        self.charset = "gbk" if self.det.site.get("gbk") else "utf-8"
        # Many Chinese sites label GBK pages "gb2312" in a meta tag only, with no HTTP charset.
        self.legacy_label = bool(self.det.site.get("gbk")) and self.core.index % 3 == 0

    # -- shared parts ------------------------------------------------------------------------
    def phone(self, e164: str) -> str:
        style = str(self.det.site["phone_style"])
        return tel_html(phones.display(e164, self.core.country, style), e164,
                        bool(self.det.site["phone_link"]))

    def email(self, address: str) -> str:
        return email_html(address, str(self.det.site["email_style"]), self.words["write"])

    def nav(self) -> str:
        links = [f'<a href="/">{self.words["home"]}</a>']
        for key in ("about", "team", "news", "contact", "impressum"):
            if key in self.paths:
                links.append(f'<a href="{path_quote(self.paths[key])}">{self.words[key]}</a>')
        return (f'<header><a class="brand" href="/">{escape(self.core.short_name)}</a>'
                f'<nav>{" ".join(links)}</nav></header>\n')

    def footer(self) -> str:
        w, det = self.words, self.det
        parts = [f"<p>© 2026 {escape(self.core.name)} · "
                 + " · ".join(escape(x) for x in det.address_lines) + "</p>"]
        if det.social:
            links = []
            for url in det.social:
                label = next((v for k, v in SOCIAL_LABEL.items() if k in url), url)
                links.append(f'<a href="{url}" rel="noopener" target="_blank">{label}</a>')
            parts.append(f'<p class="social">{w["follow"]}: ' + " ".join(links) + "</p>")
        agency = det.site.get("agency")
        if isinstance(agency, tuple):
            name, domain, box = agency
            parts.append(f'<p class="credit">{w["agency"]} <a href="http://www.{domain}/">'
                         f"{escape(name)}</a> — {box}@{domain}</p>")
        if self.core.country == "CN":
            parts.append(f"<p>{det.site['icp']}</p>")
        return '<footer>\n' + "\n".join(parts) + "\n</footer>"

    def honeypot(self) -> str:
        trap = self.det.site.get("honeypot")
        if not isinstance(trap, tuple):
            return ""
        address, kind = trap
        if kind == "comment":
            return f"<!-- old: {address} -->\n"
        return (f'<div class="hp" style="display:none" aria-hidden="true">'
                f'<a href="mailto:{address}">{address}</a></div>\n')

    def doc(self, title: str, main: str, head: str = "", status: int = 200) -> Response:
        body = self.nav() + f"<main>\n{main}\n</main>\n" + self.honeypot() + self.footer()
        text = page(f"{title} – {self.core.short_name}", body, lang=self.lang, head=head,
                    charset="gb2312" if self.legacy_label else self.charset)
        response = html_response(text, status, charset=self.charset)
        if self.legacy_label:
            response.content_type = "text/html"
        return response

    # -- pages -------------------------------------------------------------------------------
    def home(self) -> Response:
        core, det = self.core, self.det
        url = core.website or "/"
        head = (f'<meta name="description" content="{escape(det.description)}">\n'
                f'<meta property="og:title" content="{escape(core.short_name)}">\n'
                f'<meta property="og:description" content="{escape(det.description)}">\n'
                f'<meta property="og:url" content="{url}">\n'
                f'<meta property="og:site_name" content="{escape(core.short_name)}">\n'
                '<meta property="og:type" content="website">\n')
        if det.site.get("jsonld"):
            head += jsonld(self.organization())
        main = (f"<h1>{escape(self.words['welcome'].format(name=core.short_name))}</h1>\n"
                f'<p class="lead">{escape(det.description)}</p>\n'
                f'<p><a href="{path_quote(self.paths["contact"])}">{self.words["contact"]}</a>'
                "</p>")
        if det.emails:
            main += f'\n<p class="mail">{self.words["email"]}: {self.email(det.emails[0])}</p>'
        return self.doc(self.words["home"], main, head)

    def organization(self) -> dict[str, object]:
        core, det = self.core, self.det
        data: dict[str, object] = {
            "@context": "https://schema.org", "@type": "Organization",
            "name": core.short_name, "legalName": core.name, "url": core.website,
            "foundingDate": str(core.founded_year),
            "numberOfEmployees": {"@type": "QuantitativeValue", "value": core.employees},
            "telephone": det.phone,
            "address": {"@type": "PostalAddress", "streetAddress": det.street,
                        "postalCode": det.postal_code, "addressLocality": det.city,
                        "addressCountry": core.country},
        }
        if det.emails:
            data["email"] = det.emails[0]
        if det.social:
            data["sameAs"] = det.social
        return data

    def contact(self) -> Response:
        w, det = self.words, self.det
        rows = [(w["address"], "<br>".join(escape(x) for x in det.address_lines)
                 + f"<br>{COUNTRY_LOCAL[self.core.country]}"),
                (w["phone"], self.phone(det.phone))]
        for extra in det.extra_phones:
            label = w["mobile"] if phones.is_mobile(extra) else w["extra"]
            rows.append((label, self.phone(extra)))
        if det.fax:
            rows.append((w["fax"], escape(phones.display(det.fax, self.core.country,
                                                         "national"))))
        for address in det.emails:
            rows.append((w["email"], self.email(address)))
        dl = "\n".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
        main = f"<h1>{w['contact']}</h1>\n<dl class=\"contact\">\n{dl}\n</dl>"
        if det.people and "team" not in self.paths:
            main += f"\n<h2>{w['person']}</h2>\n" + self.people_html()
        return self.doc(w["contact"], main)

    def people_html(self) -> str:
        cards = []
        for person in self.det.people:
            mail = f"<p>{email_html(person.email, 'mailto')}</p>" if person.email else ""
            cards.append(f'<div class="team-member"><h3>{escape(person.name)}</h3>'
                         f'<p class="title">{escape(person.title)}</p>{mail}</div>')
        return '<div class="team">\n' + "\n".join(cards) + "\n</div>"

    def about(self) -> Response:
        core, w = self.core, self.words
        founded = w["founded"].format(year=core.founded_year, name=core.short_name,
                                      employees=core.employees)
        main = (f"<h1>{w['about']}</h1>\n<p>{escape(self.det.description)}</p>\n"
                f'<p class="facts">{escape(founded)}</p>')
        resp = self.doc(w["about"], main)
        if self.det.site.get("about_slow"):
            resp.delay = self.world.slow_delay
        return resp

    def team(self) -> Response:
        return self.doc(self.words["team"], f"<h1>{self.words['team']}</h1>\n" + self.people_html())

    def news(self) -> Response:
        if self.det.site.get("news_500"):
            return html_response(page("500", "<h1>500 Internal Server Error</h1>"), 500)
        main = f"<h1>{self.words['news']}</h1>\n<article><p>{self.words['news_text']}</p></article>"
        return self.doc(self.words["news"], main)

    def impressum(self) -> Response:
        core, det = self.core, self.det
        boss = det.people[0] if det.people else None
        lines = ["<h1>Impressum</h1>", f"<p><strong>{escape(core.name)}</strong><br>"
                 + "<br>".join(escape(x) for x in det.address_lines) + "</p>"]
        if boss:
            lines.append(f"<p>{escape(boss.title)}: {escape(boss.name)}</p>")
        lines.append(f"<p>Telefon: {escape(phones.display(det.phone, core.country, 'national'))}"
                     "</p>")
        if det.emails:
            lines.append(f"<p>E-Mail: {self.email(det.emails[0])}</p>")
        ids = legal_ids(core, det)
        labels = {"DE": ("Registergericht", "Registernummer", "Umsatzsteuer-Identifikationsnummer"),
                  "AT": ("Firmenbuchgericht", "Firmenbuchnummer", "UID"),
                  "CH": ("Handelsregisteramt", "Unternehmens-Identifikationsnummer", "MWST")}
        court, register, vat = labels[core.country]
        lines.append(f"<p>{court}: {escape(ids['register_court'])}<br>"
                     f"{register}: {ids['register']}<br>{vat}: {ids['vat']}</p>")
        return self.doc("Impressum", "\n".join(lines))


def legal_ids(core: Core, det: Details) -> dict[str, str]:
    """Registry and tax numbers a site shows (imprint of DE/AT/CH, ICP licence in China)."""
    digits = str(det.site["vat"])
    if core.country == "DE":
        return {"register_court": f"Amtsgericht {det.city}", "register": str(det.site["register"]),
                "vat": f"DE{digits}"}
    if core.country == "AT":
        return {"register_court": f"Landesgericht {det.city}", "register": f"FN {digits[:6]}a",
                "vat": f"ATU{digits[:8]}"}
    if core.country == "CH":
        uid = f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:9]}"
        return {"register_court": f"Handelsregisteramt {det.city}", "register": uid,
                "vat": f"{uid} MWST"}
    if core.country == "CN":
        return {"icp": str(det.site["icp"])}
    return {}


def handle(world: DemoWorld, index: int, path: str, params: dict[str, str]) -> Response:
    """Answer one request to the company site of ``index``."""
    if path == "/robots.txt":
        return text_response(COMPANY_ROBOTS)
    site = _Site(world, index)
    if path in ("", "/", "/index.html"):
        return site.home()
    path = path.rstrip("/")
    pages = {site.paths[k].rstrip("/"): k for k in site.paths}
    key = pages.get(path)
    if key is None:
        return not_found(site.lang)
    render = getattr(site, key)
    response: Response = render()
    return response
