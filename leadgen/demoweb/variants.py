"""How directories misprint a company: legal-suffix spellings, '&' vs 'and', typos, websites."""

from __future__ import annotations

import random

from leadgen.demoweb.model import Core
from leadgen.demoweb.pools import COUNTRIES

#: Other spellings of each legal form seen in directories.
ALT_FORMS: dict[str, tuple[str, ...]] = {
    "GmbH": ("G.m.b.H.", "Gmbh", "GMBH"),
    "AG": ("Aktiengesellschaft",),
    "GmbH & Co. KG": ("GmbH & Co KG", "GmbH und Co. KG"),
    "B.V.": ("BV", "B.V"),
    "N.V.": ("NV",),
    "NV": ("N.V.",),
    "BV": ("B.V.",),
    "Ltd": ("Limited", "Ltd."),
    "PLC": ("plc", "Public Limited Company"),
    "DAC": ("Designated Activity Company",),
    "Inc.": ("Inc", "Incorporated"),
    "LLC": ("L.L.C.", "Llc"),
    "Corp.": ("Corporation", "Corp"),
    "Pty Ltd": ("Pty. Ltd.", "Proprietary Limited"),
    "S.L.": ("SL", "S.L.U."),
    "S.A.": ("SA",),
}
#: Words directories abbreviate, with the abbreviations seen.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "International": ("Intl.", "Int'l"), "Manufacturing": ("Mfg.", "Mfg"),
    "Brothers": ("Bros.", "Bros"), "Gebrüder": ("Gebr.",), "Gebroeders": ("Gebr.",),
    "Hermanos": ("Hnos.",),
}
_AND = {"de": "und", "en": "and", "nl": "en", "es": "y"}


def _typo(rng: random.Random, brand: str) -> str:
    """Swap two adjacent letters inside the brand, like a hurried clerk."""
    if len(brand) < 5:
        return brand
    k = rng.randint(1, len(brand) - 3)
    return brand[:k] + brand[k + 1] + brand[k] + brand[k + 2:]


def western_variant(rng: random.Random, core: Core, keep_legal: float) -> str:
    """A realistic misprint of a non-Chinese company's name."""
    lang = COUNTRIES[core.country].lang
    short = core.short_name
    if "&" in short and rng.random() < 0.4:
        short = short.replace("&", _AND[lang])
    for word, shorter in ABBREVIATIONS.items():
        if word in short and rng.random() < 0.5:
            short = short.replace(word, rng.choice(shorter))
    brand = core.brand
    if rng.random() < 0.04:
        short = short.replace(brand, _typo(rng, brand), 1)
    elif rng.random() < 0.04:
        short = short.replace(brand, brand.upper(), 1)
    if rng.random() < 0.03 and short.startswith(brand + " ") and "&" not in core.short_name:
        short = short.replace(" ", "-", 1)
    roll = rng.random()
    if roll < keep_legal:
        if lang == "en" and rng.random() < 0.15:
            return f"{short}, {core.legal_form}"
        return f"{short} {core.legal_form}"
    if roll < keep_legal + (1 - keep_legal) / 2 and core.legal_form in ALT_FORMS:
        return f"{short} {rng.choice(ALT_FORMS[core.legal_form])}"
    if core.legal_form == "GmbH & Co. KG" and rng.random() < 0.5:
        return f"{short} GmbH"
    return short


def english_cn_variant(rng: random.Random, core: Core) -> str:
    """The English name of a Chinese company as exhibitor lists print it."""
    assert core.name_en is not None
    base = core.name_en.removesuffix(" Co., Ltd.")
    city, _, rest = base.partition(" ")
    return rng.choice((
        f"{base} Co., Ltd.",
        f"{base} Co., Ltd.",
        f"{base} Co. Ltd",
        f"{base.upper()} CO.,LTD",
        f"{rest} ({city}) Co., Ltd.",
        f"{base} Company Limited",
    ))


def chinese_variant(rng: random.Random, core: Core) -> str:
    """The Chinese name as the Chinese directory prints it (sometimes with 市 after the city)."""
    if rng.random() < 0.15:
        for city in COUNTRIES["CN"].cities:
            if core.name.startswith(city.name):
                return city.name + "市" + core.name[len(city.name):]
    return core.name


def listed_name(seed: int, core: Core, source: str) -> str:
    """The name under which ``core`` is listed on ``source`` (stable per seed)."""
    rng = random.Random(f"name:{seed}:{core.index}:{source}")
    if core.country == "CN":
        if source == "demo-cn-directory":
            return chinese_variant(rng, core)
        return english_cn_variant(rng, core)
    keep = {"demo-association": 0.75, "demo-expo": 0.5}.get(source, 0.45)
    name = western_variant(rng, core, keep)
    if source == "demo-expo" and rng.random() < 0.1:
        name = name.upper()
    return name


def listed_website(seed: int, core: Core, source: str) -> str | None:
    """The company's website as a directory prints it: with/without www, scheme, slash."""
    if core.domain is None:
        return None
    rng = random.Random(f"web:{seed}:{core.index}:{source}")
    host = core.host if rng.random() < 0.7 else (
        core.domain if core.www else f"www.{core.domain}")
    return rng.choice((f"http://{host}/", f"http://{host}", f"{host}", f"http://{host}/"))


def listed_phone_style(seed: int, core: Core, source: str) -> str:
    """Which print style ``source`` uses for this company's phone."""
    rng = random.Random(f"tel:{seed}:{core.index}:{source}")
    if core.country == "CN":
        return rng.choice(("local", "cn_intl", "international", "national"))
    return rng.choice(("national", "international", "local", "intl_trunk"))
