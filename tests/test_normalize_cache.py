"""The memoized normalizers give what the plain library calls give, cold or warm.

Normalizers memoize results and take shortcuts (one phone parse, a per-domain e-mail check, a
per-word legal-form squash). These tests compare them with the straightforward library calls
and with themselves across cleared and warm memos, and check that a caller mutating a result
cannot change a later call's result.
"""

from __future__ import annotations

import json
import random
import re

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import NumberParseException, PhoneNumberFormat

from leadgen.items import Address, Lead, PhoneNumber, SourceMeta
from leadgen.normalize import (
    clear_caches,
    memo,
    normalize_email,
    normalize_lead,
    normalize_name,
    normalize_phone,
)
from leadgen.normalize import email as _email
from leadgen.normalize import phone as _phone
from leadgen.normalize.email import check_syntax
from leadgen.normalize.email import library_syntax as reference_syntax
from leadgen.normalize.lead import phone_country
from leadgen.normalize.name import _split_latin_suffix, _split_latin_suffix_general
from leadgen.normalize.phone import _KINDS, phone_text
from tests.bench.bench_ingest import generate
from tests.paths import REAL_PAGES

REGIONS = (None, "DE", "CN", "US", "GB", "CH", "IT", "RU", "de", "XX", "001")

CHINESE = ["杭州娃哈哈集团有限公司", "北京字节跳动科技有限公司", "深圳市腾讯计算机系统有限公司",
           "株式会社トヨタ", "삼성전자 주식회사"]
GERMAN = ["Müller & Söhne GmbH & Co. KG", "Bäckerei Groß e.K.", "Straßenbau Köln AG",
          "ÖKO-Tec UG (haftungsbeschränkt)", "Gebr. Schäfer GmbH"]
OTHER = ["The Acme Company, Inc.", "ACME Sp. z o.o.", "Rossi S.r.l.", "Van Dijk B.V.",
         "Smith & Sons Ltd.", "Acme(GmbH)", "GmbH", "A"]
# Text saved as GBK and read back as Latin-1 (mojibake a crawler meets on old Chinese sites).
GBK = [name.encode("gbk").decode("latin-1") for name in CHINESE[:3]]
PHONES = ["0571 8888 6666", "+86 571 8888 6666", "0086-571-88886666", "+86 400 820 8820",
          "400-820-8820", "电话：０５７１－８８８８６６６６", "Tel.: 030 1234567",
          "+49 (0)30 1234567 ext. 12", "030 1234567 ext. 12", "0800 1234567", "0151 23456789",
          "1-800-624-4488", "800-624-4488", "+800 1234 5678", "(212) 555-0199", "310/246-1501",
          "0/00000", "00000", "+0", "12", "n/a", "call us", "+7 800 555 3535",
          "+44 1624 123456", "+1 242 555 1234", "0049-6251-1035-99*8 Rappen", "+39 06 1234 5678",
          "tel:+4930123456", "030-1234567;ext=7", "116 000", "112",
          "0755-83212345转808", "0755-83212345-808", "(089) 123456 Durchwahl 12",
          "+49 89 123456 / Fax +49 89 123457", "传真：0755-83212346 电话：0755-83212345"]
EMAILS = ["Info@ACME.de", "mailto:Sales@Acme.COM", " kontakt@müller.de ", "wang@163.com",
          "john.smith@gmail.com", "x@localhost", "bad@", "@acme.com", "a b@acme.com",
          "José@例子.中国", "\"quoted\"@acme.de", "Postmaster@ACME.DE", "x@acme.de.",
          "x@xn--mller-kva.de", "Name <x@acme.de>", "x@[1.2.3.4]", "x@acme.de?subject=hi"]


def reference_phone(raw: str, region: str | None) -> PhoneNumber | None:
    """The unmemoized algorithm: a valid number before a note in words (in a field listing no
    other); else the text as one number; else a valid number followed by a dash and an
    extension; else the first valid number of a field listing several (fax numbers left
    out), else the one before a note there."""
    if not raw:
        return None
    text, region = phone_text(raw, region)
    if _phone._NOT_A_NUMBER.fullmatch(text):  # a date or a tax id
        return None
    found = None
    several = _phone._SEPARATORS.search(raw.translate(_phone._FULLWIDTH)) is not None
    note = _phone._TRAILING_NOTE.match(text)
    if note and not several:  # a valid number before a note in words
        found = _reference_number(note.group(1), region, valid_only=True)
    if found is None:
        found = _reference_number(text, region, valid_only=False)
        if found is not None and re.search(r"[^\W\d_]", text) and found.kind not in (
                "toll_free", "premium_rate", "shared_cost", "uan", "personal", "voip"):
            # letters read as keypad digits, and no vanity number: a word, not digits
            national = str(phonenumbers.parse(found.e164, None).national_number)
            if len(national) > sum(char.isdigit() for char in text):
                found = None
    trunk_zero = region in {"DE", "AT", "CH", "FR", "GB", "NL", "BE", "SE", "FI", "JP", "KR",
                            "AU", "NZ", "TR", "TW", "ZA"} and text[:1] in "123456789"
    if ((found is None or found.kind is None) and region is not None) or (
            found is not None and found.kind is not None and trunk_zero):
        # No valid number of the region, or one written without the 0 all of its numbers
        # start with: the number it is elsewhere, if valid there.
        abroad = None
        if re.match(r"[1-9][0-9]{0,2}[ .-]|\([1-9][0-9]{0,2}\)", text):  # a country code
            bare = text.replace("(", "", 1).replace(")", " ", 1)  # without "+", or in brackets
            abroad = _reference_number("+" + bare, None, valid_only=True)
        if abroad is None and region != "CN" and re.fullmatch(
                r"1[3-9][0-9]([ -]?[0-9]{4}){2}", text):  # a Chinese mobile without +86
            abroad = _reference_number(text, "CN", valid_only=True)
        found = abroad or found
    if found is None and (match := _phone._TRAILING_EXTENSION.match(text)):
        head = _reference_number(match.group(1), region, valid_only=True)
        if head is not None and head.extension is None:
            found = head.model_copy(update={"extension": match.group(2)})
    parts = _phone._SEPARATORS.split(raw.translate(_phone._FULLWIDTH))
    for part in parts if found is None and len(parts) > 1 else []:
        if part and not _phone._FAX_LABEL.match(part):
            found = _reference_number(phone_text(part, None)[0], region, valid_only=True)
            if found is not None:
                break
    if found is None and note and several:
        found = _reference_number(note.group(1), region, valid_only=True)
    plain = raw.translate(_phone._FULLWIDTH)
    if found is None and sum(char.isdigit() for char in text) > 15:
        # Numbers side by side: the first valid one phonenumbers finds, unless a fax label
        # or an extension word stands between it and the number before.
        end = 0
        for match in phonenumbers.PhoneNumberMatcher(plain, region,
                                                     leniency=phonenumbers.Leniency.VALID):
            between, end = plain[end:match.start], match.end
            if re.search(r"fax|传真|факс|팩스|t[ée]l[ée]copie|ファックス|ファクス"
                         r"|(?<![^\W\d_])f\s*[.:：]?\s*$", between, re.IGNORECASE) or re.search(
                    r"(?:(?<![a-z])(?:ext|extension|extn|x|durchwahl|dw|nebenstelle|apparat|"
                    r"app|poste|interno|wewn|wew|intern|dahili|ramal|toestel|anknytning|linka|"
                    r"extensión)|转|轉|分机|分機|内线|內線|内線|내선|доб|ต่อ|máy lẻ)\s*[.:：#]?\s*$",
                    between, re.IGNORECASE):
                continue
            found = _reference_number(phonenumbers.format_number(
                match.number, phonenumbers.PhoneNumberFormat.E164), None, valid_only=True)
            if found is not None and match.number.extension:
                found = found.model_copy(update={"extension": match.number.extension})
            break
    if found is not None and found.kind is None and region == "CN" and not text.startswith("+"):
        return None  # an invalid number written the Chinese way: incomplete, not kept
    return None if found is None else found.model_copy(update={"raw": raw.strip()})


def _reference_number(text: str, region: str | None, *, valid_only: bool,
                      ) -> PhoneNumber | None:
    """Parse, check, re-parse the E.164, then validity and type."""
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    valid = phonenumbers.is_valid_number(number)
    if not phonenumbers.is_possible_number(number) or (valid_only and not valid):
        return None
    if not valid and number.national_number < 100_000:  # too short to be a number
        return None
    if number.country_code == 86 and len(str(number.national_number)) < 10:
        return None  # China's numbers have ten digits or more
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    try:
        again = phonenumbers.parse(e164, None)
    except NumberParseException:
        return None
    if not (phonenumbers.is_possible_number(again)
            and phonenumbers.format_number(again, PhoneNumberFormat.E164) == e164):
        return None
    kind = _KINDS.get(phonenumbers.number_type(number)) if valid else None
    return PhoneNumber(e164=e164, raw=text, extension=number.extension or None, kind=kind)


def reference_phone_country(e164: str) -> str | None:
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region and region != "001" else None


def real_page_values() -> dict[str, list[str]]:
    if not REAL_PAGES.is_dir():
        pytest.skip(f"no shared real pages at {REAL_PAGES}")
    values: dict[str, list[str]] = {"names": [], "phones": [], "emails": [], "websites": [],
                                    "addresses": []}
    for path in sorted(REAL_PAGES.glob("*.gt.json")):
        for record in json.loads(path.read_text(encoding="utf-8")).get("records", []):
            values["names"].append(record.get("name") or "")
            values["phones"] += record.get("phones", []) + record.get("fax", [])
            values["emails"] += record.get("emails", [])
            values["websites"] += record.get("websites", [])
            values["addresses"].append(record.get("address") or "")
    return values


def random_phones(rng: random.Random, count: int) -> list[str]:
    prefixes = ["", "+", "00", "0", "+86 ", "+49 ", "+1 ", "+44 ", "+39 0", "tel:", "Tel.: ",
                "电话：", "(0)", "+800 "]
    glue = ["", " ", "-", "/", ".", " ext. 12", " x3", "#5", ";ext=7"]
    out = []
    for _ in range(count):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 14)))
        cut = rng.randint(0, len(digits))
        out.append(rng.choice(prefixes) + digits[:cut] + rng.choice(glue) + digits[cut:])
    return out


def varied_leads() -> list[Lead]:
    """Generated leads plus leads mixing real-page values and hard cases, seeded."""
    rng = random.Random(4)
    real = real_page_values()
    names = [n for n in real["names"] if n.strip()] + CHINESE + GERMAN + OTHER + GBK
    phones = real["phones"] + PHONES + random_phones(rng, 400)
    emails = real["emails"] + EMAILS
    websites = real["websites"] + ["WWW.Acme.co.uk/", "acme.cn", "http://127.0.0.1:8080/x", None]
    cities = ["Frankfurt a. M.", "München", "杭州市", "Köln", "SÃO PAULO", "Garland", None]
    leads = [lead for lead, _ in generate(2000)]
    for index in range(1500):
        leads.append(Lead(
            name=rng.choice(names), website=rng.choice(websites),
            source=SourceMeta(source_id="mix", page_url="https://mix.example/",
                              record_id=str(index)),
            emails=rng.sample(emails, 2), phones=rng.sample(phones, 3),
            address=Address(city=rng.choice(cities), postal_code=rng.choice(["d-10115 ", "75041",
                                                                              None]),
                            country=rng.choice([None, "DE", "China", "中国", "US", "uk"]),
                            full=rng.choice([None, rng.choice(real["addresses"]) or None])),
            country_hint=rng.choice([None, "CN", "de"]),
        ))
    return leads


def normalize_all(leads: list[Lead]) -> list[dict[str, object]]:
    return [normalize_lead(lead, region).model_dump(exclude={"lead"})
            for lead in leads for region in ("DE", None)]


def test_cold_and_warm_runs_agree() -> None:
    leads = varied_leads()
    clear_caches()
    cold = normalize_all(leads)
    warm = normalize_all(leads)
    assert warm == cold
    # Memos filled in another order (later leads first) give the same results too.
    clear_caches()
    backwards = normalize_all(leads[::-1])
    assert backwards[::-1] == [pair for i in range(0, len(cold), 2)
                               for pair in (cold[i + 1], cold[i])]


def test_tiny_memos_evict_and_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    leads = varied_leads()[::3]
    clear_caches()
    roomy = normalize_all(leads)
    monkeypatch.setattr(memo, "CACHE_SIZE", 20)
    clear_caches()
    assert normalize_all(leads) == roomy
    assert 0 < max(len(_phone._PHONES), len(_phone._FACTS), len(_email._EMAILS)) <= 20


def test_phones_equal_the_library_cold_and_warm() -> None:
    phones = real_page_values()["phones"] + PHONES + random_phones(random.Random(9), 1500)
    expected = [reference_phone(raw, region) for raw in phones for region in REGIONS]
    assert any(expected) and not all(expected)
    for _ in ("cold", "warm"):
        if _ == "cold":
            clear_caches()
        got = [normalize_phone(raw, region) for raw in phones for region in REGIONS]
        assert got == expected
    e164s = sorted({phone.e164 for phone in expected if phone})
    assert [phone_country(e164) for e164 in e164s] == [reference_phone_country(e164)
                                                       for e164 in e164s]
    clear_caches()  # phone_country without the region remembered by normalize_phone
    odd = e164s[:50] + ["+0", "garbage", "+80012345678", "+1800", "+999"]
    assert [phone_country(e164) for e164 in odd] == [reference_phone_country(e) for e in odd]


TRICKY_LOCALS = ("info", "Info", "john.smith", "a+b", '"quoted"', '"a b"', "x..y",
                 ".x", "x.", "über", "José", "名字", "", "a" * 70, "a" * 64, "Postmaster",
                 "ABUSE", "o'neil", "a_b", "ｆｕｌｌ", "e\u0301")
TRICKY_DOMAINS = ("acme.de", "ACME.DE", "müller.de", "xn--mller-kva.de", "localhost",
                  "acme.de.", "ac me.de", "gmail.com", "例子.中国", "a..b.com",
                  "-a.com", "ab--c.com", "xn--zz.com", "[1.2.3.4]", "test",
                  "example.invalid", "a.b.local", "x" * 64 + ".com", "é.com",
                  "ＡＣＭＥ．ＤＥ", "acme.123", "ǅ.com", "acme.ⓒom", "x" * 250 + ".de",
                  "MÜLLER.de", "straße.de", "xn--.com", "a.b.c.d.e.f.org",
                  ".".join(["x" * 60] * 4) + ".com")
_LOCALS = st.sampled_from(TRICKY_LOCALS)
_DOMAINS = st.sampled_from(TRICKY_DOMAINS)
_TEXT = st.lists(st.sampled_from([*"aZ.-_+@\" <>[]ü例。１\u0301", "xn--", "com", "de"]),
                 max_size=20).map("".join)


def test_email_fast_path_equals_validate_email_on_tricky_addresses() -> None:
    addresses = [f"{local}@{domain}" for local in TRICKY_LOCALS for domain in TRICKY_DOMAINS]
    expected = [reference_syntax(address) for address in addresses]
    assert any(expected) and not all(expected)
    clear_caches()
    assert [check_syntax(address) for address in addresses] == expected
    assert [check_syntax(address) for address in reversed(addresses)] == expected[::-1]
    assert [normalize_email(address) for address in addresses] == [
        normalize_email(address) for address in addresses]


@settings(max_examples=400, deadline=None)
@given(local=st.one_of(_LOCALS, _TEXT), domain=st.one_of(_DOMAINS, _TEXT),
       other=st.one_of(_LOCALS, _TEXT), whole=st.one_of(st.emails(), _TEXT))
def test_email_fast_path_equals_validate_email(local: str, domain: str, other: str,
                                               whole: str) -> None:
    address = f"{local}@{domain}"
    clear_caches()
    assert check_syntax(address) == reference_syntax(address)  # domain memo cold
    check_syntax(f"{other}@{domain}")
    assert check_syntax(address) == reference_syntax(address)  # domain memo warm
    assert check_syntax(whole) == reference_syntax(whole)
    assert check_syntax(f"Name <{address}>") == reference_syntax(f"Name <{address}>")


_WORDS = st.sampled_from(["Acme", "GmbH", "&", "Co.", "KG", "Ltd.", "Co.,", "Ltd", "Inc",
                          "S.r.l.", "B.V.", "Sp.", "z", "o.o.", "(GmbH)", ",", "AG", "and",
                          "Holding", "The", "", "e.K.", "UG", "(haftungsbeschränkt)", "LLC",
                          "S.A.", "-", "Pty", "`s", "A/S"])


@settings(max_examples=400, deadline=None)
@given(words=st.lists(_WORDS, min_size=1, max_size=8))
def test_ascii_legal_form_split_equals_general(words: list[str]) -> None:
    name = " ".join(words)
    top = min(5, len(words) - 1)
    general = _split_latin_suffix_general(words, top) if top >= 1 else None
    assert _split_latin_suffix(name) == general


def test_mutating_results_does_not_change_later_calls() -> None:
    clear_caches()
    phone = normalize_phone("+49 (0)30 1234567 ext. 12", None)
    email = normalize_email("Info@ACME.de")
    assert phone is not None and email is not None
    expected_phone, expected_email = phone.model_copy(), email.model_copy()
    phone.e164, phone.extension, phone.kind = "+1", None, "mobile"
    email.address, email.role = "x@y.z", False
    assert normalize_phone("+49 (0)30 1234567 ext. 12", None) == expected_phone
    assert normalize_email("Info@ACME.de") == expected_email

    lead = Lead(name="Müller GmbH", source=SourceMeta(source_id="s", page_url="https://s.example/"),
                emails=["Info@ACME.de"], phones=["030 1234567"], website="https://acme.de/")
    first = normalize_lead(lead, "DE")
    expected = first.model_dump()
    first.phones[0].e164 = "+1"
    first.phones.append(first.phones[0])
    first.emails[0].domain = "evil.example"
    first.emails.clear()
    assert normalize_lead(lead, "DE").model_dump() == expected
    parts = normalize_name("Müller GmbH")
    with pytest.raises(AttributeError):
        parts.name_key = "x"  # type: ignore[misc]  # NamedTuple: immutable, safe to share
