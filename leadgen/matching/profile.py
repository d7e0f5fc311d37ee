"""The comparison view of a record or a company: the few values matching looks at.

A company's profile is the union of its records' profiles (every name variant, phone and domain
it was seen with), so a new record is compared with the best-matching variant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from leadgen.items import NormalizedLead
from leadgen.matching.rules import MatchingRules
from leadgen.normalize.address import (
    CHINESE_PROVINCES,
    POST_BOX,
    STATE_NAMES,
    AddressParts,
    address_parts,
    city_aliases,
    country_name_ends,
    country_of_key,
    korean_road_key,
    street_key,
)
from leadgen.normalize.name import (
    former_name,
    legal_form_key,
    normalize_name,
    other_script_name,
    trade_name,
    without_place,
)
from leadgen.normalize.name import name_key as key_of_name
from leadgen.normalize.phone import NATIONAL_KINDS
from leadgen.normalize.registry import registry_keys
from leadgen.normalize.romanize import latin_skeleton, loanword_key, romanized
from leadgen.normalize.text import (
    has_cjk,
    pinyin_syllables,
    pinyin_word_length,
    simplified_chinese,
    spell_out_umlauts,
)
from leadgen.normalize.website import registered_domain

#: Name words too common to block on ("the", legal-ish words left in names, trade words).
STOP_TOKENS = frozenset(
    "the and of a de la le der die das und et y du des von van cafe restaurant bar grill "
    "company group international trading industries industry services service solutions "
    "technology technologies systems products manufacturing system product solution".split()
)
_MAX_VALUES = 12  # a company seen with more name variants than this keeps the first ones
_SHARED_MAX = 100_000
_SHARED: dict[tuple[str, ...], tuple[str, ...]] = {}


def shared(values: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple object per distinct value of a field with few values (city, postal code,
    country): a million profiles would otherwise hold a million copies of ``("DE",)`` (about
    190 bytes per profile for the three). Past ``_SHARED_MAX`` values new ones are not kept."""
    found = _SHARED.get(values)
    if found is not None:
        return found
    if len(_SHARED) < _SHARED_MAX:
        _SHARED[values] = values
    return values


class MatchProfile(NamedTuple):
    """Values compared between records and companies (all already normalized).

    A tuple of tuples of strings: the garbage collector stops tracking such tuples, which
    matters with a million companies' profiles in memory.
    """

    names: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    streets: tuple[str, ...] = ()
    postals: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    """Register and tax numbers as keys ("vat:DE136695976", see
    :mod:`leadgen.normalize.registry`)."""
    states: tuple[str, ...] = ()
    """States and provinces as ISO 3166-2 codes ("US-IL"), where town names repeat across
    them (:data:`leadgen.normalize.address.STATE_KEY_COUNTRIES`)."""
    mailboxes: tuple[str, ...] = ()
    """Free-mail addresses ("brightsmiledental@gmail.com"): a small business's own mailbox,
    though its domain says nothing."""
    forms: tuple[str, ...] = ()
    """Legal forms the names came with, keyed ("gmbh", "株式会社"): a name with one is a
    register name, a legal company's (levels ``when: both_legal_forms`` ask for them)."""

    def values(self, field: str) -> tuple[str, ...]:
        return getattr(self, FIELD_ATTR[field])  # type: ignore[no-any-return]

    def merged(self, other: MatchProfile) -> MatchProfile:
        """The union of two profiles (order kept, capped)."""
        if other == self:
            return self
        return MatchProfile._make(map(_union, self, other))

    def to_json(self) -> dict[str, list[str]]:
        return {attr: list(values) for attr, values in zip(_ATTRS, self, strict=True) if values}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> MatchProfile:
        data = data or {}
        (names, domains, phones, streets, postals, cities, countries, ids, states, mailboxes,
         forms) = (tuple(data.get(attr, ())) for attr in _ATTRS)
        return cls(names, domains, phones, streets, shared(postals), shared(cities),
                   shared(countries), ids, shared(states), mailboxes, shared(forms))


_ATTRS = MatchProfile._fields  # ("names", "domains", ...), in the tuple's order
#: The profile attribute of each field the rules name.
FIELD_ATTR = {
    "name": "names", "domain": "domains", "phone": "phones", "street": "streets",
    "postal": "postals", "city": "cities", "country": "countries", "registry": "ids",
    "state": "states", "mailbox": "mailboxes",
}


def _union(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...]:
    if not right or right == left or set(right) <= set(left):
        return left
    out = list(left)
    for value in right:
        if value not in out and len(out) < _MAX_VALUES:
            out.append(value)
    return tuple(out)


def profile_of(lead: NormalizedLead, rules: MatchingRules,
               parts: AddressParts | None = None) -> MatchProfile:
    """The profile of one normalized lead. Weak domains (directories, free mail) are left out.
    ``parts``: the lead's :func:`address_parts`, when the caller has them."""
    domains: list[str] = []
    page_domain = _page_domain(lead.lead.source.page_url)
    website_domain = lead.registered_domain
    candidates = [website_domain] + [
        website_domain if website_domain and (
            e.domain == website_domain or e.domain.endswith("." + website_domain))
        else registered_domain(e.domain)
        for e in lead.emails if not e.free_mail
    ]
    for domain in candidates:
        # A "website" on the directory's own domain is the listing page, not the company's site.
        if domain and domain not in rules.weak_domains and domain != page_domain:
            if domain not in domains:
                domains.append(domain)
    address = lead.lead.address
    # A one-line address gives its street part ("Marienplatz 1, 80331 München"), or stands in
    # for the street whole when it cannot be split ("435 S. La Cienega Blvd., Los Angeles").
    if parts is None:
        parts = address_parts(address)
    street = street_key(parts.street or address.full) if address else None
    names = name_variants(lead.name_key, lead.display_name)
    if lead.country in _CHINESE_COUNTRIES and names and names[0].isascii():
        # "Qingdao Hao Yu Rubber" as "qingdao haoyu rubber", as most lists write it
        names = tuple(dict.fromkeys(_pinyin_joined(name) or name for name in names))
    gloss = other_script_name(lead.lead.name)
    if gloss and (gloss_key := normalize_name(gloss).name_key) and gloss_key not in names:
        names += (gloss_key,)  # "华强电子 (Huaqiang Electronics Co., Ltd.)": both names
    for spelling in romanized(lead.display_name, lead.country) if names else ():
        if (latin := key_of_name(spelling)) and latin not in names:
            names += (latin,)  # "ООО «Ромашка»": also "romashka", as an English list has it
    trade = trade_name(lead.lead.name)
    if trade and (trade_key := normalize_name(trade).name_key) and trade_key not in names:
        names += (trade_key,)  # "Acme Inc. d/b/a Acme Tools": the company and its trade name
    former = former_name(lead.lead.name)
    if former and (former_key := normalize_name(former).name_key) and former_key not in names:
        names += (former_key,)  # "Aviva plc (formerly CGNU plc)": an old list's "CGNU plc"
    if names and lead.country and (bare := without_country(names[0], lead.country)) and (
            bare not in names):
        names += (bare,)  # "IBM Deutschland" in Germany: also "ibm" ("IBM Germany" too)
    if names and lead.country and (rest := without_form_first(names[0], lead.country)) and (
            rest not in names):
        if names[0].partition(" ")[0] in _PROPRIETOR_FORMS:
            names = (rest, *names[1:])  # "IP Sidorenko A.V.": the owner's name alone
        else:
            names += (rest,)  # "AB Volvo" in Sweden: also "volvo", as "Volvo AB" is read
    cities = city_aliases(lead.city)
    streets: tuple[str, ...] = (street,) if street else ()
    if street and cities and POST_BOX.match(street):
        street = f"{street} {cities[0]}"  # a box number is its post office's: "po box 1500 dubai"
        streets = (street,)
    elif street and cities and (box := _BOX_IN_STREET.search(street)):
        # "baniyas rd deira po box 777": a Gulf address gives its street and its box, another
        # list the box alone
        streets = (street, f"{box.group()} {cities[0]}")
    if street and lead.country == "KR" and (road := korean_road_key(street)) and (
            road not in streets):
        streets += (road,)  # "여의대로 128" and "128 Yeoui-daero": both "128 yeouidaero"
    local = without_place(lead.display_name, cities, street) if cities or street else None
    if local and local not in names:
        names += (local,)  # "Coyote Cafe (Las Vegas)" in Las Vegas: also "coyote cafe"
    if names and lead.country in _CHINESE_COUNTRIES and names[0].isascii() and (
            english := _translated(names[0], rules)) and english not in names:
        names += (english,)  # "Yueqing Tianzheng Dianqi": also "yueqing tianzheng electric"
    if names and cities and lead.country == "CN" and (
            core := without_town(names[0], cities, rules.generic_name_words)) and (
            core not in names):
        names += (core,)  # "深圳华强电子" in Shenzhen: also "华强电子"
    return MatchProfile(
        names=names,
        domains=tuple(domains),
        # a toll-free or national number is an organization's, not a place's: no evidence
        phones=tuple(phone.e164 for phone in lead.phones if phone.kind not in NATIONAL_KINDS),
        streets=streets,
        postals=shared((lead.postal_code,)) if lead.postal_code else (),
        cities=shared(cities),
        countries=shared((lead.country,)) if lead.country else (),
        ids=registry_keys(lead.lead.extra, lead.country) if lead.lead.extra else (),
        states=shared((lead.state,)) if lead.state else (),
        mailboxes=tuple(e.address for e in lead.emails if e.free_mail),
        forms=shared((legal_form_key(lead.legal_form),)) if lead.legal_form else (),
    )


#: Countries whose companies' English names may spell a trade word in pinyin.
_CHINESE_COUNTRIES = frozenset({"CN", "HK", "TW", "MO"})
#: Per rules object: the pinyin trade words of ``translated_words`` -> their English word.
_TRANSLATIONS: dict[int, tuple[MatchingRules, dict[str, str]]] = {}


def _pinyin_joined(name_key: str) -> str | None:
    """A Latin name key with a brand's pinyin syllables written apart joined ("qingdao hao yu
    rubber" -> "qingdao haoyu rubber", "zhuji hong sheng knitting" -> "zhuji hongsheng
    knitting"), as most lists write them; None when no two syllables stand apart."""
    words = name_key.split()
    out: list[str] = []
    run = False  # whether out[-1] ends with a syllable written alone, which a next one joins
    for word in words:
        syllable = len(word) <= 6 and pinyin_word_length(word) == 1
        if syllable and run:
            out[-1] += word
        else:
            out.append(word)
        run = syllable
    return " ".join(out) if len(out) < len(words) else None


def _translated(name_key: str, rules: MatchingRules) -> str | None:
    """A Chinese company's Latin name key with its pinyin trade words in English, as its
    English name writes them ("yueqing tianzheng dianqi" -> "yueqing tianzheng electric",
    "jiaxing meiyi fuzhuang" -> "jiaxing meiyi garment"), or None without one. A pinyin
    word that is part of another of the same English word's ("dian" of "dianqi") is a
    phrase's part, not translated alone."""
    cached = _TRANSLATIONS.get(id(rules))
    if cached is None or cached[0] is not rules:
        english: dict[str, str] = {}
        for word, pinyins in rules.translated_words.items():
            for pinyin in sorted(pinyins):
                if not any(pinyin != other and pinyin in other for other in pinyins):
                    english.setdefault(pinyin, word)
        cached = _TRANSLATIONS[id(rules)] = (rules, english)
    table = cached[1]
    words = name_key.split()
    if not any(word in table for word in words[1:]):
        return None  # (a town or brand comes first: "Jixie" alone is a name)
    return " ".join([words[0], *(table.get(word, word) for word in words[1:])])


#: A post-office box after a street in its key ("baniyas rd deira po box 777").
_BOX_IN_STREET = re.compile(r"(?<=\s)(?:p ?o ?box|postfach) ?\d+$")


def without_town(name_key: str, towns: tuple[str, ...], generic: frozenset[str],
                 ) -> str | None:
    """A Chinese company's name key without its town before it or, in an English name, after
    it, as registered names put it ("深圳华强电子", "shenzhen huaqiang electronic" and
    "huaqiang electronic shenzhen" in Shenzhen: "华强电子", "huaqiang electronic"); None when
    no town of ``towns`` (the lead's city keys) is there or too little is left."""
    for town in towns:
        if has_cjk(name_key):
            if not has_cjk(town):
                continue
            key = name_key
            if not key.startswith(town) and (province := _PROVINCE_FIRST.match(key)):
                key = key[province.end():]  # "浙江宁波佳利" in Ningbo: "宁波佳利"
            if key.startswith(town):
                core = key[len(town):].removeprefix("市")
                if short_cjk_core(core):
                    return core  # "深圳市..." as "深圳...", "青岛海尔" in Qingdao as "海尔"
                if key != name_key and core:
                    return key  # too little left without the town: without the province
            continue
        words = name_key.split()
        if len(words) > 2 and words[0] in STATE_NAMES["CN"] and words[1] == town:
            words = words[1:]  # "zhejiang ningbo jiali" in Ningbo
        if town in (words[0], words[-1]) and len(words) > 1:
            rest = words[1:] if words[0] == town else words[:-1]
            if any(word not in generic for word in rest):
                return " ".join(rest)
    return None


#: A Chinese province before the town in a company's name ("浙江宁波…", "Zhejiang Ningbo …"):
#: registered names may lead with both.
_PROVINCE_FIRST = re.compile(f"(?:{CHINESE_PROVINCES})省?")


def without_country(name_key: str, country: str) -> str | None:
    """``name_key`` without its last word(s) where they name ``country``, the lead's own: a
    national company named after its country ("ibm deutschland", "acme germany", "bosch
    china" in China) is the company's name there; None otherwise. "bank of china" keeps its
    name."""
    words = name_key.rsplit(" ", 2)
    if len(words) < 2 or (words[-1] not in country_name_ends()
                          and words[-1] not in _SHORT_NAMES):
        return None  # (most names: a look-up, no country's name to join and try)
    for count in (2, 1):
        if len(words) > count and _names_country(" ".join(words[-count:])) == country:
            rest = " ".join(words[:-count])
            if rest.rpartition(" ")[2] not in _LINKING_WORDS and len(rest) >= 3:
                return rest
    return None


def without_form_first(name_key: str, country: str) -> str | None:
    """``name_key`` without a first word that is a legal form of ``country``, the lead's own,
    which the name normalizer leaves unless a quoted name follows ("AB Dick", "AS Roma" and
    "SIA Engineering" are names the world over): "ab volvo" in Sweden, "as tallinna vesi" in
    Estonia, "sia latvijas balzams" in Latvia; None otherwise."""
    first, _, rest = name_key.partition(" ")
    return rest if rest and country in _FORMS_FIRST.get(first, ()) else None


#: Legal forms written before the name, keyed, and the countries whose forms they are:
#: Sweden's and Lithuania's "AB" (aktiebolag, akcinė bendrovė), the "AS" of Estonia, Latvia and
#: Norway (aktsiaselts, akciju sabiedrība, aksjeselskap), Latvia's "SIA", a sole proprietor's.
_FORMS_FIRST: dict[str, frozenset[str]] = {
    "ab": frozenset({"SE", "LT"}), "as": frozenset({"EE", "LV", "NO"}),
    "sia": frozenset({"LV"}),
    # a sole proprietor's "ИП" (individual entrepreneur) and Ukraine's "ФОП", "ФЛП" in Latin
    # letters, before the owner's name ("IP Sidorenko A.V.", "FOP Kovalenko O.P.")
    "ip": frozenset({"RU", "BY", "KZ", "KG", "TJ", "UZ"}), "fop": frozenset({"UA"}),
    "flp": frozenset({"UA"})}
#: Of those, the forms a name is never without in its country: a name key they start is
#: read without them (none other is named "IP ..." there).
_PROPRIETOR_FORMS = frozenset({"ip", "fop", "flp"})


#: Words that tie a country to the name before it ("Bank of China", "Banco de España").
_LINKING_WORDS = frozenset({"of", "de", "del", "do", "da", "du", "des", "der", "von", "van",
                            "the", "and", "for", "fur", "in"})


def _names_country(words: str) -> str | None:
    """The country ``words`` (keyed) name ("deutschland", "germany", "united kingdom", "usa",
    "nz"), or None; other codes ("de", "can", "ger") are no country's name here."""
    return _SHORT_NAMES.get(words) or (country_of_key(words) if len(words) >= 4 else None)


#: Countries' short names that end company names as their country's names do ("Air NZ" for
#: "Air New Zealand", "Acme UK Ltd", "Acme HK"), though codes otherwise name none.
_SHORT_NAMES = {"usa": "US", "uae": "AE", "prc": "CN", "uk": "GB", "nz": "NZ", "hk": "HK"}


#: A Chinese name's place qualifiers: "(深圳)" after the name, "广东省深圳市" before it.
_CJK_PLACE_IN_PARENS = re.compile(r"\s*\([^()]*\)\s*")
#: A place in brackets after a Chinese trade name, as registered names put it ("华强电子(深圳)").
_CJK_PLACE_AFTER = re.compile(r"\(([\u4e00-\u9fff]{2,6})\)")
#: 市 after a town's name: not in a word of its own ("超市" supermarket, "城市" city, "都市",
#: "门市" shop, "夜市", "股市", "菜市", "集市", "花市", "鱼市", "黑市"; "市场" market).
_CITY_MARK = r"(?<![超城都门夜股菜集花鱼黑])市(?!场)"
_CJK_PLACE_PREFIX = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{2,3}}省)?(?:[\u4e00-\u9fff]{{2,3}}{_CITY_MARK})?")
#: Trade words a Chinese name is not made of alone: "北京银行" without its town is no name.
_CJK_TRADE_WORDS = frozenset(
    "银行 电子 科技 化工 机械 贸易 实业 商贸 电器 服装 食品 建材 五金 塑料 纺织 物流 印刷 包装 "
    "家具 玩具 照明 电气 汽车 制药 医药 钢铁 工贸 集团 控股 投资 置业 地产 建设 工程 设备 材料 "
    "制造 能源 环保 网络 信息 软件 文化 传媒 广告 酒店 餐饮 超市 商场 百货 进出口 国际 发展 技术 "
    "服务 咨询 管理 生物 电力 水务 燃气 交通 港口 保险 证券 农业 矿业 石油 化学 纸业 陶瓷 玻璃 "
    "模具 电机 光电 通信 电缆 家电 日用 礼品 工艺 饰品 啤酒 银行股份 商业银行 农商银行".split())


def short_cjk_core(core: str) -> bool:
    """Whether ``core``, a Chinese name left after its town, is a name of its own though
    short: a brand of two or three characters ("华为", "海尔", "美的"), not a trade word."""
    return len(core) >= 2 and core not in _CJK_TRADE_WORDS


#: The place in a Chinese name's key: after it, from brackets ("佳利塑料 宁波"), or before it
#: with 市, a province before that ("宁波市佳利塑料", "浙江省宁波市佳利塑料").
_KEY_PLACE_AFTER = re.compile(r" ([\u4e00-\u9fff]{2,4}?)市?$")
_KEY_PLACE_BEFORE = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{2,3}}省)?([\u4e00-\u9fff]{{2,3}}){_CITY_MARK}")


def cjk_place_length(name_key: str) -> int:
    """How many characters the place before a Chinese name's key takes, 市 and a province
    before it included ("深圳市格灵" and "广东省深圳市格灵": 3 and 6), or 0."""
    found = _KEY_PLACE_BEFORE.match(name_key)
    return found.end() if found else 0


def cjk_place(name_key: str) -> str | None:
    """The city a Chinese name's key names, without 市 ("佳利塑料 宁波" and "宁波市佳利塑料":
    "宁波"), or None ("北京超市连锁" is a supermarket chain: too little follows "北京超市")."""
    if name_key.isascii():
        return None
    if found := _KEY_PLACE_AFTER.search(name_key):
        return found[1]
    found = _KEY_PLACE_BEFORE.match(name_key)
    return found[1] if found and short_cjk_core(name_key[found.end():]) else None


def name_variants(name_key: str, display_name: str) -> tuple[str, ...]:
    """The name key and:

    - for a name with German umlauts, the key of its spelled-out form: "Müller & Söhne"
      gives "muller and sohne" and "mueller and soehne" (lists write it both ways);
    - for a Chinese name, the key without its place qualifiers: "华强电子科技(深圳)" and
      "深圳市华强电子科技" both give "华强电子科技" (the same company registered with the
      city in parentheses or as a prefix); and for a place in brackets, the key with the place
      first: "佳利塑料(宁波)" gives "宁波佳利塑料", as a list names it without "市" (whose
      town no rule tells from the name without a city to go by).
    """
    if not name_key:
        return ()
    if not has_cjk(name_key):
        spelled = spell_out_umlauts(display_name)
        if spelled is None:
            return (name_key,)
        spelled_key = key_of_name(spelled)
        return (name_key, spelled_key) if spelled_key and spelled_key != name_key else (
            name_key,)
    core = _CJK_PLACE_IN_PARENS.sub("", display_name).strip()
    stripped = _CJK_PLACE_PREFIX.sub("", core)
    if stripped != core and short_cjk_core(stripped):  # "深圳市华为": "华为"
        core = stripped
    placed = None
    if (place := _CJK_PLACE_AFTER.search(display_name)) and core == _CJK_PLACE_IN_PARENS.sub(
            "", display_name).strip():
        placed = simplified_chinese(place[1].removesuffix("市") + core).casefold()
    core = simplified_chinese(core).casefold()  # as the name key has it
    if len(core) < 2 or core == name_key or not has_cjk(core):
        return (name_key,)
    return (name_key, core, placed) if placed and placed != name_key else (name_key, core)


def _page_domain(url: str) -> str | None:
    scheme, sep, rest = url.partition("://")
    if sep and scheme.isalpha():
        netloc = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    else:
        try:
            netloc = urlsplit(url).netloc
        except ValueError:
            return None
    return _netloc_domain(netloc.lower()) if netloc else None


@lru_cache(maxsize=4096)
def _netloc_domain(netloc: str) -> str | None:
    return registered_domain(f"http://{netloc}/")


def _name_tokens(profile: MatchProfile) -> tuple[str, ...]:
    tokens: dict[str, None] = {}
    for name in profile.names:
        for token in name.split():
            if len(token) >= 3 and token not in STOP_TOKENS:
                tokens[token] = None
    if not tokens:  # CJK names have no spaces: block on the leading characters
        return tuple(dict.fromkeys(
            [name[:4] for name in profile.names if len(name) >= 2 and " " not in name]))
    return tuple(tokens)


def _joined_names(profile: MatchProfile) -> tuple[str, ...]:
    """Name keys, and the same without their spaces: "Little Town" meets "Littletown", "Chop
    Stick House" "Chopstick House", "Jiang Su Best Fashion" "Jiangsu Best Fashion" (the keys
    as they are stay: a suppressed name key finds its company by them)."""
    names = profile.names
    joined = dict.fromkeys(names)
    for name in names:
        joined[name.replace(" ", "")] = None
    return tuple(joined)


def _phone_tails(profile: MatchProfile) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p[-7:] for p in profile.phones if len(p) >= 9))


#: Countries whose companies' Latin names are often pinyin ("Shenzhen Lilong Consulting").
_PINYIN_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})
_PINYIN_SYLLABLES = 6  # a Chinese name's brand comes early: n-grams of its first six syllables


def _pinyin_keys(profile: MatchProfile) -> tuple[str, ...]:
    """Pinyin that a Chinese name and its Latin spelling share: runs of two to four syllables
    of a CJK name ("广州中光食品" -> "guangzhou", "zhongguang", "zhongguangshi", ...), and the
    words of a Latin name that are pinyin of two or more syllables ("zhongguang"), for a
    company from a Chinese-speaking country or of unknown country."""
    keys: list[str] = []
    for name in profile.names:
        if has_cjk(name):
            syllables = pinyin_syllables(name)[:_PINYIN_SYLLABLES]
            keys.extend("".join(syllables[start:end]) for start in range(len(syllables))
                        for end in range(start + 2, min(start + 4, len(syllables)) + 1))
        elif not profile.countries or profile.countries[0] in _PINYIN_COUNTRIES:
            keys.extend(word for word in name.split()
                        if len(word) >= 4 and 2 <= pinyin_word_length(word) <= 4)
    return tuple(dict.fromkeys(keys))


#: Countries whose companies a local list names in Cyrillic, Greek, Hangul or kana and an
#: English list in Latin letters.
_ROMANIZED_COUNTRIES = frozenset(
    {"RU", "UA", "BY", "BG", "KZ", "KG", "TJ", "UZ", "RS", "MK", "ME", "MN", "GR", "CY", "KR",
     "JP"})


def _romanized_keys(profile: MatchProfile) -> tuple[str, ...]:
    """The Latin names as every transliteration system spells them ("khimprom" and
    "himprom": "himprom"; see :func:`latin_skeleton`) of a company named in Cyrillic, Greek,
    Hangul or kana (its names hold their Latin spelling), or from a country that writes in
    them or of unknown country: what a name and its Latin spelling in another system share."""
    names = profile.names
    if (profile.countries and profile.countries[0] not in _ROMANIZED_COUNTRIES
            and all(name.isascii() for name in names)):
        return ()
    keys = [latin_skeleton(name).replace(" ", "") for name in names
            if name.isascii() and len(name) >= 3]
    if profile.countries and profile.countries[0] == "JP":
        # "ソフトバンク" ("sofutobanku") and "SoftBank": a katakana loanword without the
        # vowels it adds to the English word ("sohtbank"; see loanword_key)
        keys += [key for name in names if name.isascii() and len(
            key := loanword_key(name)) >= 3]
    return tuple(dict.fromkeys(keys))


#: Blocking fields that are not a profile attribute: how to derive them.
_DERIVED: dict[str, Callable[[MatchProfile], tuple[str, ...]]] = {
    "name_token": _name_tokens, "name_joined": _joined_names, "phone_tail": _phone_tails,
    "pinyin": _pinyin_keys, "romanized": _romanized_keys,
}


def _field_values(profile: MatchProfile, field: str) -> tuple[str, ...]:
    attr = FIELD_ATTR.get(field)
    if attr is not None:
        return getattr(profile, attr)  # type: ignore[no-any-return]
    derive = _DERIVED.get(field)
    if derive is not None:
        return derive(profile)
    return profile.values(field)  # raises for an unknown field


#: Per rules object: each blocking rule as (key kind, one value getter per field).
_PLANS: dict[int, tuple[MatchingRules, tuple[tuple[str, tuple[Getter, ...]], ...]]] = {}
Getter = Callable[[MatchProfile], tuple[str, ...]]


def _plan(rules: MatchingRules) -> tuple[tuple[str, tuple[Getter, ...]], ...]:
    cached = _PLANS.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    plan = tuple(
        (rule.key, tuple(
            _DERIVED.get(field) or itemgetter(MatchProfile._fields.index(FIELD_ATTR[field]))
            for field in rule.fields))
        for rule in rules.blocking
    )
    if len(_PLANS) > 32:
        _PLANS.clear()
    _PLANS[id(rules)] = (rules, plan)  # holding ``rules`` keeps its id unique
    return plan


def key_list(profile: MatchProfile, rules: MatchingRules) -> tuple[tuple[str, str], ...]:
    """Every ``(kind, value)`` blocking key of a profile, strongest rule first, no repeats
    (what the ingestor looks up and stores for each record)."""
    keys: dict[tuple[str, str], None] = {}  # (a dict: in order, without repeats)
    for kind, getters in _plan(rules):
        if len(getters) == 1:  # most rules: one field, no combinations to build
            for value in getters[0](profile):
                keys[kind, value[:320]] = None
            continue
        combos: list[str] = [""]
        for getter in getters:
            values = getter(profile)
            if not values:
                break
            combos = [f"{combo}|{value}" if combo else value for combo in combos
                      for value in values]
        else:
            for combo in combos:
                keys[kind, combo[:320]] = None
    return tuple(keys)


def blocking_keys(profile: MatchProfile, rules: MatchingRules) -> Iterator[tuple[str, str]]:
    """Every ``(kind, value)`` blocking key of a profile, per the rules' blocking section."""
    yield from key_list(profile, rules)
