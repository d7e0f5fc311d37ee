"""The company's country and the phone region come from the strongest evidence, not the source."""

from __future__ import annotations

import pytest

from leadgen.items import Address, Lead, SourceMeta
from leadgen.normalize import normalize_lead

SOURCE = SourceMeta(source_id="de-directory", page_url="http://dir.example/1")

CASES = [
    # (description, lead fields, expected country, expected first phone)
    ("address country beats the source hint",
     {"address": Address(full="Calle Mayor 1, 28001 Madrid, Spain"), "phones": ["957 41 22 33"],
      "country_hint": "DE"}, "ES", "+34957412233"),
    ("international phone beats the source hint",
     {"phones": ["+44 20 4622 2512"], "country_hint": "DE"}, "GB", "+442046222512"),
    ("ccTLD beats the source hint",
     {"website": "http://www.lincazo.be/", "country_hint": "DE"}, "BE", None),
    # A page on a directory or a marketplace is no website of the company's own: its TLD
    # made an Italian firm German and its Milan number +49 2 1234 5678.
    ("a directory's TLD names no country",
     {"website": "https://www.europages.de/ROSSI-MECCANICA/00000001.html",
      "phones": ["02 1234 5678"], "country_hint": "IT"}, "IT", "+390212345678"),
    ("a marketplace's TLD names no country",
     {"website": "https://www.yelp.de/biz/acme", "phones": ["020 7946 0958"],
      "country_hint": "GB"}, "GB", "+442079460958"),
    ("the source hint is the last resort",
     {"phones": ["0571-8888 6666"], "country_hint": "CN"}, "CN", "+8657188886666"),
    ("explicit address country field",
     {"address": Address(street="Hauptstr. 1", country="Österreich"), "country_hint": "DE"},
     "AT", None),
    # No country named: a postal code of one country's own shape names it, and the phone is
    # read in that country's plan (a German list with a London office).
    ("a British postcode names Britain",
     {"address": Address(full="10 Downing Street, London SW1A 2AA"),
      "phones": ["020 7946 0000"], "country_hint": "DE"}, "GB", "+442079460000"),
    ("a US state and ZIP name the US",
     {"address": Address(full="350 Fifth Avenue, New York, NY 10118"),
      "phones": ["(212) 736-3100"], "country_hint": "DE"}, "US", "+12127363100"),
    # Taiwan, Hong Kong and Macau in Chinese script are not the mainland: their own phone
    # plans, also when a mainland list writes them in simplified characters or after 中国.
    ("a Taipei address in traditional characters is Taiwan",
     {"address": Address(full="台北市信義區信義路五段7號"), "phones": ["02-2345-6789"]},
     "TW", "+886223456789"),
    ("a Hong Kong address in simplified characters is Hong Kong",
     {"address": Address(full="香港九龙尖沙咀弥敦道100号"), "phones": ["2345 6789"]},
     "HK", "+85223456789"),
    ("中国台湾 is Taiwan's plan",
     {"address": Address(full="中国台湾台北市信义路1号"), "phones": ["02-2345-6789"]},
     "TW", "+886223456789"),
    ("a city column naming Taichung",
     {"address": Address(city="台中市"), "phones": ["04-2345-6789"]}, "TW", "+886423456789"),
    ("a Shenzhen address stays the mainland's",
     {"address": Address(full="广东省深圳市福田区华强北路1号"), "phones": ["0755-83212345"]},
     "CN", "+8675583212345"),
    ("a Canadian postal code column names Canada",
     {"address": Address(street="505 College Street", city="Toronto", postal_code="M6G 1A4"),
      "country_hint": "US"}, "CA", None),
    ("a British postcode column names Britain",
     {"address": Address(street="57 Broughton St", city="Edinburgh", postal_code="EH1 3RJ"),
      "phones": ["0131 556 7717"], "country_hint": "US"}, "GB", "+441315567717"),
    ("a Dutch postal code column names the Netherlands",
     {"address": Address(street="Keizersgracht 1", postal_code="1015CJ"), "country_hint": "DE"},
     "NL", None),
    ("a Canadian code after the city, without the province, names Canada",
     {"address": Address(full="69 Kensington Avenue, Toronto M5T 2K2"), "country_hint": "US"},
     "CA", None),
    ("a house number range is no Polish postal code",
     {"address": Address(full="97-101 Dalry Road"), "country_hint": "GB"}, "GB", None),
    ("a US ZIP+4 column names no other country",
     {"address": Address(street="1 Main St", postal_code="28205-1234"), "country_hint": "US"},
     "US", None),
    ("a state and a ZIP code column name the US, and its phone is read there",
     {"address": Address(full="121 E Main St", city="Sun Prairie", region="WI",
                         postal_code="53590"), "phones": ["(608) 837-5036"]}, "US",
     "+16088375036"),
    ("a state and a four-digit postcode name Australia",
     {"address": Address(street="1 Martin Place", city="Sydney", region="NSW",
                         postal_code="2000"), "phones": ["(02) 9876 5432"], "country_hint": "DE"},
     "AU", "+61298765432"),
    ("five digits name no country: the source hint stands",
     {"address": Address(full="Hauptstr. 5, 10115 Berlin"), "phones": ["030 1234567"],
      "country_hint": "DE"}, "DE", "+49301234567"),
    # An old European postal code's prefix names its country, and a European list's country
    # column may give the vehicle sign (each was no country: the phone went unread).
    ("a D- prefix before the postal code names Germany",
     {"address": Address(full="Hauptstr. 5, D-80331 München"), "phones": ["089 1234567"]},
     "DE", "+49891234567"),
    ("a town-first address with an A- prefix names Austria",
     {"address": Address(full="A-1010 Wien, Kärntner Straße 5"), "phones": ["01 5123456"],
      "country_hint": "DE"}, "AT", "+4315123456"),
    ("a CH- prefix in the postal code column names Switzerland",
     {"address": Address(street="Bahnhofstrasse 1", postal_code="CH-8001", city="Zürich"),
      "phones": ["044 123 45 67"]}, "CH", "+41441234567"),
    ("a country column of the vehicle sign D names Germany",
     {"address": Address(street="Hauptstr. 5", postal_code="80331", city="München",
                         country="D"), "phones": ["089 1234567"]}, "DE", "+49891234567"),
    ("a CZ prefix after a spaced dash names Czechia",
     {"address": Address(full="Václavské nám. 1, CZ - 110 00 Praha"),
      "phones": ["224 123 456"]}, "CZ", "+420224123456"),
    ("a unit's letter and number is no prefix",
     {"address": Address(full="Building D-1203, Dubai"), "phones": ["04 123 4567"],
      "country_hint": "AE"}, "AE", "+97141234567"),
    ("a unit's letter and number before the town is no prefix either",
     {"address": Address(full="Building D-1203 Dubai"), "phones": ["04 123 4567"],
      "country_hint": "AE"}, "AE", "+97141234567"),
    ("the prefix of the postal code read, after a unit's",
     {"address": Address(full="Hall B-2051 Messe, D-60327 Frankfurt"),
      "phones": ["069 1234567"]}, "DE", "+49691234567"),
]


@pytest.mark.parametrize(("label", "fields", "country", "phone"), CASES,
                         ids=[case[0] for case in CASES])
def test_country_evidence_order(label: str, fields: dict, country: str, phone: str | None) -> None:
    lead = normalize_lead(Lead(name="Acme", source=SOURCE, **fields))
    assert lead.country == country
    assert (lead.phones[0].e164 if lead.phones else None) == phone
