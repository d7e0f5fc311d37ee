"""Seeded generation of companies: a cheap :class:`Core` for all, :class:`Details` on demand."""

from __future__ import annotations

import math
import random
import re
import unicodedata
from itertools import accumulate

from leadgen.demoweb import phones
from leadgen.demoweb.hosts import AGENCIES
from leadgen.demoweb.industries import CN_INDUSTRY_EN, INDUSTRIES, INDUSTRY_BY_KEY
from leadgen.demoweb.model import Core, Details, Person
from leadgen.demoweb.pools import (
    BOSS_TITLE,
    BRAND_END,
    BRAND_MIDDLE,
    BRAND_START,
    CN_BRAND_CHARS,
    CN_DISTRICTS,
    CN_EN,
    COUNTRIES,
    FEMALE_FIRST,
    FIRST_NAMES,
    FIT_COUNTRIES,
    FREE_MAIL,
    ICP_PREFIX,
    LAST_NAMES,
    ROLE_MAILBOXES,
    TITLES,
    gendered,
)

_COUNTRY_CODES = list(COUNTRIES)
_COUNTRY_CUM = list(accumulate(COUNTRIES[c].weight for c in _COUNTRY_CODES))
_IND_KEYS = [ind.key for ind in INDUSTRIES]
_IND_CUM = list(accumulate(ind.weight for ind in INDUSTRIES))
_IND_CUM_CN = list(accumulate(0 if ind.key == "law" else ind.weight for ind in INDUSTRIES))
LABEL_NOISE = 0.03


def slugify(text: str) -> str:
    """ASCII slug: "Müller & Söhne GmbH" -> "mueller-soehne-gmbh"."""
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _brand(rng: random.Random) -> str:
    roll = rng.random()
    parts = [rng.choice(BRAND_START)]
    if roll < 0.85:
        parts.append(rng.choice(BRAND_MIDDLE))
    if roll > 0.7:
        parts.append(rng.choice(BRAND_MIDDLE))
    parts.append(rng.choice(BRAND_END))
    return "".join(parts).capitalize()


class CoreFactory:
    """Builds cores in index order, keeping names and domains unique across the world."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.brands: set[str] = set()
        self.domains: set[str] = set()

    def make(self, index: int) -> Core:
        rng = random.Random(f"core:{self.seed}:{index}")
        country = rng.choices(_COUNTRY_CODES, cum_weights=_COUNTRY_CUM)[0]
        cum = _IND_CUM_CN if country == "CN" else _IND_CUM
        industry = rng.choices(_IND_KEYS, cum_weights=cum)[0]
        employees = int(math.exp(rng.uniform(math.log(2), math.log(5000))))
        founded = rng.randint(1890, 2022) if employees > 200 else rng.randint(1950, 2023)
        has_site = rng.random() < (0.8 if country == "CN" else 0.88)
        city = rng.randrange(len(COUNTRIES[country].cities))
        names: tuple[str, str, str, str | None, str, str, str]
        if country == "CN":
            names = self._chinese(rng, industry, city)
        else:
            names = self._western(rng, country, industry)
        name, short, legal, name_en, domain, slug, brand = names
        fit = INDUSTRY_BY_KEY[industry].target and employees >= 20 and country in FIT_COUNTRIES
        if rng.random() < LABEL_NOISE:
            fit = not fit
        cn = country == "CN"
        assoc = rng.random() < (0.1 if cn else 0.5)
        expo = rng.random() < (0.35 if cn else 0.3)
        yellow = rng.random() < (0.1 if cn else 0.5)
        in_cn = cn and rng.random() < 0.85
        if not (assoc or expo or yellow or in_cn):
            in_cn, yellow = cn, not cn
        return Core(
            index=index, country=country, city=city, industry=industry, employees=employees,
            founded_year=founded, name=name, short_name=short, legal_form=legal,
            name_en=name_en, domain=domain if has_site else None, www=rng.random() < 0.7,
            slug=slug, fit=fit, in_association=assoc, in_expo=expo, in_yellow=yellow,
            in_cn=in_cn, brand=brand,
        )

    def _western(
        self, rng: random.Random, country: str, industry: str
    ) -> tuple[str, str, str, None, str, str, str]:
        info = COUNTRIES[country]
        lang = info.lang
        for _ in range(200):
            brand = _brand(rng)
            if brand not in self.brands:
                break
        else:
            brand = f"{_brand(rng)}{len(self.brands)}"
        self.brands.add(brand)
        word = rng.choice(INDUSTRY_BY_KEY[industry].name_words[lang])
        roll = rng.random()
        if roll < 0.55:
            short = f"{brand} {word}"
        elif roll < 0.7:
            short = f"{brand} & {rng.choice(LAST_NAMES[lang])} {word}"
        elif roll < 0.76:
            # family firms: words that directories like to abbreviate (Gebr., Bros., Hnos.)
            family = {"de": "Gebrüder {b} {w}", "nl": "Gebroeders {b} {w}",
                      "es": "Hermanos {b} {w}", "en": "{b} Brothers {w}"}[lang]
            short = family.format(b=brand, w=word)
        elif roll < 0.85 and lang == "en":
            suffix = rng.choice(("International", "Manufacturing"))
            short = f"{brand} {word} {suffix if industry in MAKERS else 'International'}"
        else:
            short = brand
        legal = rng.choice(info.legal_forms)
        plain = rng.random() < 0.5 or short == brand
        base = slugify(brand) if plain else slugify(f"{brand} {word}")
        domain = f"{base}.{info.tlds[0]}"
        if domain in self.domains:
            domain = f"{slugify(short)}.{info.tlds[0]}"
        self.domains.add(domain)
        name = f"{short} {legal}"
        return name, short, legal, None, domain, slugify(name), brand

    def _chinese(
        self, rng: random.Random, industry: str, city_index: int
    ) -> tuple[str, str, str, str, str, str, str]:
        info = COUNTRIES["CN"]
        city = info.cities[city_index]
        word = rng.choice(INDUSTRY_BY_KEY[industry].name_words["zh"])
        ind_en = CN_INDUSTRY_EN[word]
        tld = rng.choice(info.tlds)
        for attempt in range(300):
            chars = rng.sample(CN_BRAND_CHARS, 3 if attempt > 150 else 2)
            brand = "".join(c for c, _ in chars)
            pinyin = "".join(p for _, p in chars)
            key = f"{brand}{word}"
            domain = f"{pinyin}{slugify(ind_en).split('-')[0]}.{tld}"
            if key not in self.brands and domain not in self.domains:
                break
        self.brands.add(key)
        self.domains.add(domain)
        legal = rng.choice(info.legal_forms)
        short = f"{city.name}{brand}{word}"
        name_en = f"{city.latin} {pinyin.capitalize()} {ind_en} Co., Ltd."
        return f"{short}{legal}", short, legal, name_en, domain, slugify(name_en), brand


def _postal(rng: random.Random, pattern: str) -> str:
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randint(0, 9)))
        elif ch == "@":
            out.append(rng.choice("ABDEFGHJLNPRSTWXY"))
        else:
            out.append(ch)
    return "".join(out)


def _person_email(first: str, last: str, domain: str) -> str:
    return f"{slugify(first)}.{slugify(last).replace('-', '')}@{domain}"


def make_details(seed: int, core: Core) -> Details:
    """The details of ``core``, from its own random stream (so order of use does not matter)."""
    rng = random.Random(f"detail:{seed}:{core.index}")
    info = COUNTRIES[core.country]
    lang = info.lang
    city = info.cities[core.city]
    postal = _postal(rng, city.postal)
    number = rng.randint(1, 180)
    street = rng.choice(info.streets)
    if core.country == "CN":
        district = rng.choice(CN_DISTRICTS)
        prefix = city.region + city.name + "市"
        lines = [f"{prefix}{district}{street}{number}号"]
        street_line = f"{district}{street}{number}号"
        province = f", {CN_EN[city.region]}" if city.region else ""
        lines_en = [f"No. {number} {CN_EN[street]}, {CN_EN[district]}",
                    f"{city.latin}{province} {postal}"]
    elif core.country in ("GB", "IE", "US", "AU"):
        street_line = f"{number} {street}"
        if core.country == "US":
            lines = [street_line, f"{city.name}, {city.region} {postal}"]
        elif core.country == "AU":
            lines = [street_line, f"{city.name} {city.region} {postal}"]
        else:
            lines = [street_line, f"{city.name} {postal}"]
    else:
        street_line = f"{street} {number}"
        lines = [street_line, f"{postal} {city.name}"]

    if core.country != "CN":
        lines_en = lines
    phone = phones.fixed_line(rng, core.country, city.area)
    fax = phones.fixed_line(rng, core.country, city.area) if rng.random() < 0.5 else None
    extra: list[str] = []
    if rng.random() < 0.25:
        extra.append(phones.fixed_line(rng, core.country, city.area))
    mobile_p = 0.6 if core.country == "CN" else 0.15
    if rng.random() < mobile_p:
        mob = phones.mobile(rng, core.country)
        if mob:
            extra.append(mob)

    domain = core.domain
    if not domain and not core.in_cn:
        extra = []  # only a company site or the Chinese directory would show them
    emails: list[str] = []
    directory_email = None
    if domain:
        boxes = list(ROLE_MAILBOXES[lang])
        rng.shuffle(boxes)
        emails = [f"{boxes[0]}@{domain}"]
        if rng.random() < 0.4:
            emails.append(f"{boxes[1]}@{domain}")
    elif rng.random() < 0.5:
        free = rng.choice(FREE_MAIL.get(lang, FREE_MAIL["default"]))
        local = str(rng.randint(10**7, 10**9)) if free == "qq.com" else core.slug.split("-")[0]
        directory_email = f"{local}{rng.randint(1, 99) if free != 'qq.com' else ''}@{free}"
        emails = [directory_email]

    people: list[Person] = []
    firsts, lasts = FIRST_NAMES[lang], LAST_NAMES[lang]
    n_people = rng.choice((0, 1, 1, 2, 3, 4, 5, 6)) if domain else rng.choice((0, 1))
    if lang == "de" and domain:
        n_people = max(n_people, 1)  # an Impressum always names the Geschäftsführer
    used: set[str] = set()
    for k in range(n_people):
        first, last = rng.choice(firsts), rng.choice(lasts)
        full = f"{last}{first}" if lang == "zh" else f"{first} {last}"
        if full in used:
            continue
        used.add(full)
        if k == 0:
            title, dm = BOSS_TITLE[lang], True
            if core.legal_form == "AG":
                title = "Vorstandsvorsitzender"
        else:
            title, dm = rng.choice([t for t in TITLES[lang] if t[0] != BOSS_TITLE[lang]])
        title = gendered(title, first in FEMALE_FIRST)
        email = None
        if domain and lang != "zh" and rng.random() < 0.4:
            email = _person_email(first, last, domain)
        people.append(Person(full, title, dm, email))

    social: list[str] = []
    if domain:
        handle = domain.split(".")[0]
        odds = {"linkedin": 0.6, "facebook": 0.4, "x": 0.25, "instagram": 0.25, "youtube": 0.15}
        if core.industry in ("food", "cosmetics", "confectionery", "beverage"):
            odds["instagram"] = 0.5
        if core.country == "CN":
            odds = {"weibo": 0.5, "linkedin": 0.15}
        urls = {
            "linkedin": f"https://www.linkedin.com/company/{handle}",
            "facebook": f"https://www.facebook.com/{handle}",
            "x": f"https://x.com/{handle.replace('-', '_')}",
            "instagram": f"https://www.instagram.com/{handle.replace('-', '.')}/",
            "youtube": f"https://www.youtube.com/@{handle}",
            "weibo": f"https://weibo.com/{handle}",
        }
        social = [urls[k] for k, p in odds.items() if rng.random() < p]

    ind = INDUSTRY_BY_KEY[core.industry]
    site: dict[str, object] = {
        "email_style": rng.choice(("mailto", "plain", "obfuscated", "entities", "mailto_text")),
        "phone_link": rng.random() < 0.6,
        "phone_style": rng.choice(phones.PHONE_STYLES[:4]),
        "jsonld": rng.random() < 0.4,
        "team": len(people) >= 3 and rng.random() < 0.75,
        "about_slow": rng.random() < 0.05,
        "news_500": rng.random() < 0.1,
        "gbk": core.country == "CN" and rng.random() < 0.3,
        "path_variant": rng.randrange(6),
        "register": f"HRB {rng.randint(10000, 250000)}",
        "vat": rng.randint(100000000, 999999999),
        "icp": f"{ICP_PREFIX.get(city.region or city.name, '浙')}ICP备"
               f"{rng.randint(10**7, 10**8 - 1)}号",
    }
    trap_emails: list[str] = []
    if domain and rng.random() < 0.35:
        agency = AGENCIES[4] if lang == "zh" else rng.choice(AGENCIES[:4])
        site["agency"] = agency
        trap_emails.append(f"{agency[2]}@{agency[1]}")
    if domain and rng.random() < 0.3:
        box = rng.choice(("sales-old", "archiv", "webmaster-test", "bewerbung-alt", "trap"))
        site["honeypot"] = (f"{box}@{domain}", rng.choice(("hidden", "comment")))
        trap_emails.append(f"{box}@{domain}")
    description = describe(lang, core, ind.label[lang], ind.products[lang], city.name)
    return Details(
        city=city.name, city_latin=city.latin, region=city.region, postal_code=postal,
        street=street_line, address_lines=lines, address_lines_en=lines_en, phone=phone,
        fax=fax, extra_phones=extra,
        emails=emails, people=people, social=social, description=description, lang=lang,
        site=site, trap_emails=trap_emails, directory_email=directory_email,
    )


def describe(lang: str, core: Core, label: str, products: str, city: str) -> str:
    """One-sentence description in the site's language, naming the industry and products."""
    name = core.name_en if core.name_en and lang != "zh" else core.short_name
    maker = core.industry in MAKERS
    if lang == "de":
        verb = "produziert" if maker else "bietet"
        return f"{name} aus {city} – Branche: {label}. Wir {'fertigen' if maker else 'bieten'} " \
               f"{products}." if core.index % 2 else f"{name} ({label}, {city}) {verb} {products}."
    if lang == "nl":
        verb = "maakt" if maker else "levert"
        return f"{name} ({label.lower()}, {city}) {verb} {products}."
    if lang == "es":
        verb = "Fabricamos" if maker else "Ofrecemos"
        return f"{name} ({label.lower()}) con sede en {city}. {verb} {products}."
    if lang == "zh":
        return f"{core.name}位于{city}，是一家专业从事{products}的{label}企业。"
    verb = "making" if maker else "offering"
    return f"{name} is a {label.lower()} company based in {city}, {verb} {products}."


#: Industries whose companies manufacture goods (the rest offer services or trade).
MAKERS = frozenset({"food", "beverage", "cosmetics", "pharma", "dairy", "confectionery",
                    "packaging_machinery", "furniture"})
