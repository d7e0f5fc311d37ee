"""Company register and tax numbers as match keys: one key per company, whichever number a
list or an imprint prints.

A VAT ID ("DE 136 695 976", "ATU12345678", "GB980780684"), China's unified social credit
code (统一社会信用代码), France's SIREN and SIRET, Switzerland's UID, India's GSTIN, Brazil's
CNPJ and Australia's ABN are checked by their check digits (python-stdnum, offline) and
written as one key: "vat:DE136695976", "uscc:91110000600037341L", "siren:732829320" (a
SIRET and a French VAT ID name the company's SIREN), "uid:CHE116281710" (its VAT ID "...
MWST" too), "cnpj:11222333" (a head office's or a branch's CNPJ names the company's root),
"pan:AAPFU0939F" (a GSTIN per state names the company's PAN); in their country a British
VAT number without "GB", a Swedish organisationsnummer, a Norwegian organisasjonsnummer
("NO 923 609 016 MVA" anywhere), an Indian PAN, a Mexican company's RFC, Taiwan's
unified business number (統一編號) and Japan's corporate number (法人番号, also as the
invoice registration number "T" and its 13 digits, anywhere) are read too. A
number that is none of these, or fails its check, is no key: a wrong key would glue two
companies, a missing one only leaves the other evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from stdnum import get_cc_module
from stdnum.au import abn
from stdnum.br import cnpj
from stdnum.ch import uid
from stdnum.cn import uscc
from stdnum.eu import vat as eu_vat
from stdnum.fr import siren, siret
from stdnum.gb import vat as gb_vat
from stdnum.in_ import gstin, pan
from stdnum.jp import cn as jp_cn
from stdnum.mx import rfc
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr
from stdnum.tw import ubn

from leadgen.normalize.memo import CACHE_SIZE

#: The keys of :attr:`leadgen.items.Lead.extra` that hold such numbers (as the page
#: extractors and the import name them).
REGISTRY_KEYS = frozenset({
    "vat", "vatid", "vat_id", "vatno", "ustid", "ustidnr", "uid", "tax_id", "btw", "cif",
    "nip", "dic", "siret", "siren", "abn", "uscc", "gstin", "cnpj", "rfc", "registry_id",
})
#: A label before the number, with a colon ("USt-IdNr.: DE…") or without one ("NIP 525…",
#: "VAT No. GB980…"): the words before the first digit but a country's letters written with
#: the number ("DE 136…", "NO 923…", "CHE-116…", "ATU1…").
_LABEL = re.compile(r"^[^\d:：]*[:：]\s*")
_BARE_LABEL = re.compile(r"^\D*?(?=(?:\b(?:[A-Za-z]{2}|CHE|ATU)[\s.-]?|[A-Za-z]*-?)\d)")
#: The VAT word Switzerland and Norway write after the number.
_VAT_AFTER = re.compile(r"\s*(?:MWST|TVA|IVA|MVA)\.?$", re.IGNORECASE)
_NOISE = re.compile(r"[\s.\-/]")


@lru_cache(maxsize=CACHE_SIZE)
def registry_key(raw: str, country: str | None = None) -> str | None:
    """The key of one register or tax number ("DE 136 695 976" -> "vat:DE136695976"), read
    in ``country`` when the number does not name its own; None when it is none of the
    numbers this module knows or fails its check."""
    text = _VAT_AFTER.sub("", _BARE_LABEL.sub("", _LABEL.sub("", raw.strip()), count=1))
    number = _NOISE.sub("", text).upper()
    if len(number) < 8 or len(number) > 20 or not any(char.isdigit() for char in number):
        return None
    if uid.is_valid(number):
        return f"uid:{uid.compact(number)}"
    if number.startswith("FR") and eu_vat.is_valid(number):
        return f"siren:{number[-9:]}"  # "FR44 732829320": the company's SIREN
    if eu_vat.is_valid(number):
        return f"vat:{eu_vat.compact(number)}"
    if number.startswith("GB") and gb_vat.is_valid(number):
        return f"vat:{number}"
    if len(number) == 18 and uscc.is_valid(number):
        return f"uscc:{number}"
    if len(number) == 15 and gstin.is_valid(number):
        return f"pan:{number[2:12]}"  # one company's GSTINs in two states share its PAN
    if len(number) == 10 and country == "IN" and pan.is_valid(number):
        return f"pan:{number}"
    if number.isdigit() and (key := _digits_key(number, (country or "").upper())):
        return key
    if country and (module := _vat_module(country.lower())) and module.is_valid(number):
        return f"vat:{country.upper()}{module.compact(number)}"  # "136695976" in Germany
    if country == "GB" and gb_vat.is_valid(number):
        return f"vat:GB{number}"  # a British VAT number without its "GB"
    if country == "SE" and len(number) == 10 and orgnr.is_valid(number):
        return f"vat:SE{number}01"  # an organisationsnummer: the company's VAT ID
    if len(number) == 11 and number.startswith("NO") and no_orgnr.is_valid(number[2:]):
        return f"vat:{number}"  # "NO 923 609 016 MVA": an organisasjonsnummer as VAT ID
    if country == "NO" and len(number) == 9 and no_orgnr.is_valid(number):
        return f"vat:NO{number}"
    if country == "MX" and len(number) == 12 and rfc.is_valid(number,
                                                             validate_check_digits=True):
        return f"rfc:{number}"  # a company's RFC (a person's has 13 characters)
    if country == "TW" and len(number) == 8 and ubn.is_valid(number):
        return f"ubn:{number}"  # Taiwan's unified business number (統一編號)
    if len(number) == 14 and number.startswith("T") and jp_cn.is_valid(number[1:]):
        return f"jpcn:{number[1:]}"  # an invoice registration number: "T" and the number
    if country == "JP" and len(number) == 13 and jp_cn.is_valid(number):
        return f"jpcn:{number}"  # Japan's corporate number (法人番号)
    return None


def _digits_key(number: str, country: str) -> str | None:
    """A number of digits alone: a SIRET or SIREN (France), a CNPJ (Brazil), an ABN
    (Australia), or None."""
    if len(number) == 14 and country in ("FR", "") and siret.is_valid(number):
        return f"siren:{number[:9]}"
    if len(number) == 14 and country in ("BR", "") and cnpj.is_valid(number):
        return f"cnpj:{number[:8]}"  # the root: the company, its head office and branches
    if len(number) == 9 and country == "FR" and siren.is_valid(number):
        return f"siren:{number}"
    if len(number) == 11 and country == "AU" and abn.is_valid(number):
        return f"abn:{number}"
    return None


@lru_cache(maxsize=64)
def _vat_module(country: str) -> Any:
    """python-stdnum's VAT module of an EU country, or None."""
    if country not in eu_vat.MEMBER_STATES or country == "fr":
        return None
    return get_cc_module(country, "vat")


def register_of(key: str) -> str:
    """The register a key's number is in: its kind, and for a VAT ID its country ("vat:DE":
    a German company may hold an Austrian VAT ID too)."""
    kind, _, number = key.partition(":")
    return f"{kind}:{number[:2]}" if kind == "vat" else kind


def registry_keys(extra: Mapping[str, Any], country: str | None = None) -> tuple[str, ...]:
    """The keys of every register or tax number in a lead's ``extra`` (a value, or a list of
    them, under one of :data:`REGISTRY_KEYS`), in order, without repeats."""
    keys: list[str] = []
    for name, value in extra.items():
        if name not in REGISTRY_KEYS or not value:
            continue
        for raw in value if isinstance(value, list) else (value,):
            if isinstance(raw, str) and (key := registry_key(raw, country)) and key not in keys:
                keys.append(key)
    return tuple(keys)
