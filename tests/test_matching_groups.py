"""A group's companies at one head office, and one company's look-alike names, as a table.

Each pair is two lists' records of one site (street, postal code, switchboard, often a web
domain): two companies of one group that must stay apart ("two"), or one company written two
ways that must merge ("one"). Each pair is imported into a fresh SQLite database through the
ingestor, as two lists' rows are, and the companies it ends in are read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from leadgen.items import Address, Lead, SourceMeta
from tests.pair_table import companies_of as ingest_pair
from tests.pair_table import merge_scores


@dataclass(frozen=True)
class Site:
    street: str
    postal: str
    city: str
    country: str
    phone: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Pair:
    description: str
    expected: str  # "one" company or "two"
    left: str
    right: str
    site: Site
    right_site: dict[str, Any] = field(default_factory=dict)
    """What the right record has otherwise (its own phone or website)."""
    limit: str | None = None
    """Why the pair is still decided wrongly (a known limit), or None."""


PUMA = Site("PUMA Way 1", "91074", "Herzogenaurach", "DE", "+49 9132 810", "puma.com")
SHELL = Site("Shell Centre, York Road", "SE1 7NA", "London", "GB", "+44 20 7934 1234",
             "shell.com")
BLOOMBERG = Site("731 Lexington Avenue", "10022", "New York", "US", "+1 212 318 2000",
                 "bloomberg.com")
SOFTBANK = Site("海岸1-7-1", "105-7529", "東京都港区", "JP", "03-6889-2000", "softbank.jp")
DENSAN = Site("日置江1丁目58番地", "501-6196", "岐阜市", "JP", "058-279-3456",
              "densan-s.co.jp")
BELIEVE = Site("Rivergreen Centre, Aykley Heads", "DH1 5TS", "Durham", "GB",
               "+44 191 374 1111", "believehousing.co.uk")
DANCE = Site("ul. Puławska 12 lok. 19", "02-566", "Warszawa", "PL", "+48 22 123 45 67",
             "dancestore.pl")
SIEMENS = Site("Werner-von-Siemens-Straße 1", "80333", "München", "DE", "+49 89 636 00",
               "siemens.com")
BOSCH = Site("Robert-Bosch-Platz 1", "70839", "Gerlingen", "DE", "+49 711 400 40990",
             "bosch.com")
KESSLER = Site("Industriestraße 12", "73037", "Göppingen", "DE", "+49 7161 12345",
               "kessler-gruppe.de")
HUAWEI = Site("坂田华为基地", "518129", "深圳", "CN", "0755-28780808", "huawei.com")
MITSUBISHI = Site("丸の内2-7-3", "100-8310", "東京都千代田区", "JP", "03-3218-2111",
                  "mitsubishielectric.co.jp")
HOFMANN = Site("Gewerbestraße 5", "97980", "Bad Mergentheim", "DE", "+49 7931 5550",
               "hofmann-gruppe.de")
INFOSYS = Site("Electronics City, Hosur Road", "560100", "Bengaluru", "IN",
               "+91 80 2852 0261", "infosys.com")
RELIANCE = Site("Maker Chambers IV, Nariman Point", "400021", "Mumbai", "IN",
                "+91 22 3555 5000", "ril.com")
ITAU = Site("Praça Alfredo Egydio de Souza Aranha, 100", "04344-902", "São Paulo", "BR",
            "+55 11 2794 3547", "itau.com.br")
GERDAU = Site("Av. Dra. Ruth Cardoso, 8501", "05425-070", "São Paulo", "BR",
              "+55 11 3094 6300", "gerdau.com")
FUTTAIM = Site("Dubai Festival City, Crescent Drive", "", "Dubai", "AE", "+971 4 206 6000",
               "alfuttaim.com")
EMAAR = Site("Emaar Square, Building 3", "", "Dubai", "AE", "+971 4 367 3333", "emaar.com")
HAIER = Site("海尔路1号", "266101", "青岛", "CN", "0532-8893-9999", "haier.com")
VWFS = Site("Gifhorner Straße 57", "38112", "Braunschweig", "DE", "+49 531 212 0",
            "vwfs.de")
PANASONIC = Site("大字門真1006番地", "571-8501", "門真市", "JP", "06-6908-1121",
                 "panasonic.com")
SONY = Site("1-7-1 Konan, Minato-ku", "108-0075", "Tokyo", "JP", "+81 3 6748 2111",
            "sony.com")
ALPHABET = Site("1600 Amphitheatre Parkway", "94043", "Mountain View", "US",
                "+1 650 253 0000", "abc.xyz")
MIDEA = Site("北滘镇美的大道6号", "528311", "佛山", "CN", "0757-2633-8888", "midea.com")
MUELLER = Site("Hafenstraße 20", "28217", "Bremen", "DE", "+49 421 380 20", "mueller-log.de")
TATA = Site("Bombay House, 24 Homi Mody Street", "400001", "Mumbai", "IN",
            "+91 22 6665 8282", "tata.com")
ACME = Site("Hauptstraße 5", "10115", "Berlin", "DE", "+49 30 1234567", "acme-packaging.de")
NORDWIND = Site("Am Sandtorkai 40", "20457", "Hamburg", "DE", "+49 40 3008 100",
                "nordwind.de")
NORDSTERN = Site("1 Harbour Exchange Square", "E14 9GE", "London", "GB", "+44 20 7510 4000",
                 "nordstern.co.uk")
JIALI = Site("南山区科技园南区高新南一道8号", "518057", "深圳", "CN", "0755-8612-3456",
             "jiali-tech.com")
PORSCHE = Site("Porscheplatz 1", "70435", "Stuttgart", "DE", "+49 711 911 0", "porsche.com")
ALPHA = Site("Robert-Koch-Straße 9", "82152", "Planegg", "DE", "+49 89 8563 200",
             "alpha-antriebe.de")
HUAQIANG = Site("福田区华强北路1019号", "518031", "深圳", "CN", "0755-8321-2345",
                "huaqiang.com.cn")
MASCHINENBAU = Site("Industriepark 3", "33334", "Gütersloh", "DE", "+49 5241 9010",
                    "mueller-maschinenbau.de")
HEYL = Site("Max-Planck-Straße 11", "31135", "Hildesheim", "DE", "+49 5121 8800",
            "heyl-berlin.de")
SILVA = Site("Rua Voluntários da Pátria, 455", "22270-000", "Rio de Janeiro", "BR",
             "+55 21 2537 1234", "silvaalimentos.com.br")
WIPRO = Site("Doddakannelli, Sarjapur Road", "560035", "Bengaluru", "IN", "+91 80 2844 0011",
             "wipro.com")
ZAMIL = Site("Zamil House, Prince Turki Street", "", "Al Khobar", "SA", "+966 13 882 4444",
             "zamil.com")

PAIRS = [
    # Two companies of one group at one head office
    Pair("a group's SE and its European GmbH", "two", "PUMA SE", "PUMA Europe GmbH", PUMA),
    Pair("a plc and its holdings company", "two", "SHELL PLC", "SHELL QGC HOLDINGS LIMITED",
         SHELL),
    Pair("a partnership and a corporation of one name", "two", "Bloomberg L.P.",
         "Bloomberg Inc.", BLOOMBERG,
         limit="one name key; legal forms alone decide nothing (GmbH and AG are a list's "
               "mistake as often)"),
    Pair("an operating company and its group (Japanese)", "two", "ソフトバンク株式会社",
         "ソフトバンクグループ株式会社", SOFTBANK, {"website": "group.softbank"}),
    Pair("an operating company and its holdings (Japanese)", "two", "株式会社電算システム",
         "株式会社電算システムホールディングス", DENSAN),
    Pair("a housing holdings company and its operating company", "two",
         "Believe Housing Holdings Limited", "Believe Housing Limited", BELIEVE),
    Pair("a country subsidiary and its parent, two rooms", "two", "DanceStore Polska Sp. z o.o.",
         "DanceStore S.A.", DANCE, {"street": "ul. Puławska 12 lok. 21"},
         limit="'DanceStore Polska' in Poland is also 'DanceStore', as 'IBM Deutschland' is "
               "'IBM' in Germany: one name key; its two kinds of company (Sp. z o.o., S.A.) "
               "weigh the name and website nothing, but the line and address still merge it"),
    Pair("a group and its listed subsidiary", "two", "Siemens AG", "Siemens Healthineers AG",
         SIEMENS, {"website": "siemens-healthineers.com"}),
    Pair("a group's GmbH and its AG with a word of its own", "two", "Robert Bosch GmbH",
         "Bosch Rexroth AG", BOSCH, {"website": "boschrexroth.com"}),
    Pair("a holding and its operating GmbH", "two", "Kessler Holding GmbH", "Kessler GmbH",
         KESSLER),
    Pair("two Chinese companies of one brand", "two", "华为技术有限公司", "华为终端有限公司",
         HUAWEI, limit="技术 is a trade word: 华为 with a word added, one domain"),
    Pair("two Japanese companies of one group, one building", "two", "三菱商事株式会社",
         "三菱電機株式会社", MITSUBISHI,
         {"phone": "03-3210-2121", "website": "mitsubishicorp.com"}),
    Pair("family firms differing by trade words, one switchboard", "two", "Hofmann Bau GmbH",
         "Hofmann Logistik GmbH", HOFMANN,
         limit="two trade words may be one word in two languages (Verpackung, Packaging)"),
    Pair("an Indian company and its BPO subsidiary", "two", "Infosys Limited",
         "Infosys BPM Limited", INFOSYS, {"website": "infosysbpm.com"}),
    Pair("an Indian group and its retail company", "two", "Reliance Industries Limited",
         "Reliance Retail Limited", RELIANCE, {"website": "relianceretail.com"}),
    Pair("a Brazilian bank and its holding", "two", "Itaú Unibanco Holding S.A.",
         "Itaú Unibanco S.A.", ITAU),
    Pair("a Brazilian group and its steel company", "two", "Gerdau S.A.",
         "Gerdau Aços Longos S.A.", GERDAU,
         limit="a name going on after the other on one domain merges, as a list's short "
               "register name must ('Gebr. Heyl GmbH')"),
    Pair("a Gulf group and its motors company", "two", "Al-Futtaim Group LLC",
         "Al-Futtaim Motors LLC", FUTTAIM),
    Pair("a Gulf developer's two companies", "two", "Emaar Properties PJSC",
         "Emaar Development PJSC", EMAAR),
    Pair("a Chinese group and its listed company", "two", "海尔集团公司",
         "海尔智家股份有限公司", HAIER),
    Pair("a carmaker's bank and its leasing company", "two", "Volkswagen Bank GmbH",
         "Volkswagen Leasing GmbH", VWFS),
    Pair("a Japanese holdings and its operating company", "two",
         "パナソニック ホールディングス株式会社", "パナソニック株式会社", PANASONIC),
    Pair("a Japanese group corporation and its operating corporation", "two",
         "Sony Group Corporation", "Sony Corporation", SONY),
    Pair("a parent and its best-known subsidiary", "two", "Alphabet Inc.", "Google LLC",
         ALPHABET, {"website": "google.com"},
         limit="names unlike on one switchboard: a company renamed at its own address"),
    Pair("a Chinese group and its operating company", "two", "美的集团股份有限公司",
         "广东美的制冷设备有限公司", MIDEA),
    Pair("a KG's general partner and its logistics company", "two",
         "Müller Verwaltungs-GmbH", "Müller Logistik GmbH & Co. KG", MUELLER),
    Pair("a group's holding and its IT company", "two", "Tata Sons Private Limited",
         "Tata Consultancy Services Limited", TATA),
    Pair("a group and its international trading company", "two", "Zamil Group Holding Co.",
         "Zamil International Trading Co.", ZAMIL),
    Pair("an IT company and its holding", "two", "Wipro Limited", "Wipro Holdings Limited",
         WIPRO),
    # One company written two ways
    Pair("a legal form on one list only", "one", "Acme Packaging GmbH", "ACME Packaging", ACME),
    Pair("a legal form spelled out", "one", "Acme Packaging GmbH",
         "ACME PACKAGING Gesellschaft mit beschränkter Haftung", ACME),
    Pair("GmbH and AG: a list's mistake", "one", "Acme Packaging GmbH", "Acme Packaging AG",
         ACME),
    Pair("Deutschland dropped", "one", "Nordwind Deutschland GmbH", "Nordwind GmbH", NORDWIND),
    Pair("Germany for Deutschland", "one", "Nordwind Germany GmbH", "Nordwind Deutschland GmbH",
         NORDWIND),
    Pair("Intl. for International", "one", "Nordstern Intl. Trading Ltd.",
         "Nordstern International Trading Limited", NORDSTERN),
    Pair("Co., Ltd. and Company Limited", "one", "Shenzhen Jiali Technology Co., Ltd.",
         "Shenzhen Jiali Technology Company Limited", JIALI),
    Pair("a Chinese name and its English name", "one", "深圳市佳利科技有限公司",
         "Shenzhen Jiali Technology Co., Ltd.", JIALI),
    Pair("有限公司 and 股份有限公司: a list's mistake", "one", "深圳市华强电子有限公司",
         "深圳华强电子股份有限公司", HUAQIANG),
    Pair("a register name and its short name, first words left out", "one",
         "Dr. Ing. h.c. F. Porsche AG", "Porsche AG", PORSCHE),
    Pair("a register name and its short name, the founder left out", "one",
         "Robert Bosch GmbH", "Bosch GmbH", BOSCH),
    Pair("a company renamed at its own address", "one", "Alpha Antriebstechnik GmbH",
         "Nexon Drives GmbH", ALPHA),
    Pair("a register name and a website's group name", "one", "Kessler GmbH", "Kessler Gruppe",
         KESSLER),
    Pair("a name with its trade word left out", "one", "Müller Maschinenbau GmbH",
         "Müller GmbH", MASCHINENBAU),
    Pair("a KG written as its GmbH", "one", "Gebr. Heyl Analysentechnik GmbH & Co. KG",
         "Gebr. Heyl GmbH", HEYL),
    Pair("a company and its initials", "one", "Tata Consultancy Services Limited", "TCS Ltd",
         TATA),
    Pair("a Brazilian company's size suffix", "one", "Comercial de Alimentos Silva Ltda.",
         "Comercial de Alimentos Silva Ltda. ME", SILVA),
    Pair("a Gulf name hyphenated or not", "one", "Al-Futtaim Motors LLC",
         "Al Futtaim Motors L.L.C.", FUTTAIM),
    Pair("a Japanese name and its English name", "one", "ソニーグループ株式会社",
         "Sony Group Corporation", SONY),
    Pair("a Japanese form abbreviated", "one", "(株)電算システム", "株式会社電算システム", DENSAN),
    Pair("a Chinese name with a trade word added", "one", "深圳市华强电子有限公司",
         "深圳市华强电子科技有限公司", HUAQIANG),
    Pair("Holdings and Holding", "one", "Kessler Holding GmbH", "Kessler Holdings GmbH",
         KESSLER),
    Pair("a holding's name with and without its form", "one", "Wipro Holdings Limited",
         "Wipro Holdings", WIPRO),
    Pair("a group word and its abbreviation", "one", "Zamil Group Holding Co.",
         "Zamil Grp. Hldgs. Co.", ZAMIL),
    Pair("an Indian name with Pvt. Ltd. and Private Limited", "one",
         "Tata Sons Private Limited", "Tata Sons Pvt. Ltd.", TATA),
    Pair("a company's name in capitals with its form", "one", "Gerdau S.A.", "GERDAU SA",
         GERDAU),
]


def _lead(name: str, site: Site, source: str, **other: Any) -> Lead:
    values = {"street": site.street, "postal": site.postal, "city": site.city,
              "phone": site.phone, "website": site.website, **other}
    return Lead(name=name, source=SourceMeta(source_id=source, page_url=f"http://{source}.test/",
                                             record_id=name),
                phones=[values["phone"]] if values["phone"] else [],
                website=values["website"], country_hint=site.country,
                address=Address(street=values["street"], city=values["city"],
                                postal_code=values["postal"] or None, country=site.country))


def companies_of(pair: Pair, database: Path) -> tuple[int, int, dict[str, Any]]:
    """The company ids the pair's two records end in, as two lists' rows (see
    :func:`tests.pair_table.companies_of`)."""
    return ingest_pair(_lead(pair.left, pair.site, "list-a"),
                       _lead(pair.right, pair.site, "list-b", **pair.right_site), database)


@pytest.mark.parametrize("pair", [
    pytest.param(pair, marks=pytest.mark.xfail(reason=pair.limit, strict=True))
    if pair.limit else pair for pair in PAIRS], ids=[pair.description for pair in PAIRS])
def test_group_companies_stay_apart_and_one_company_merges(pair: Pair, tmp_path: Path) -> None:
    left, right, evidence = companies_of(pair, tmp_path / "pair.db")
    found = "one" if left == right else "two"
    assert found == pair.expected, evidence


def pair_scores(work: Path) -> tuple[float, float, list[Pair]]:
    """Precision and recall of the merges over the table ("one" pairs are the positives),
    and the pairs decided wrongly."""
    decided = []
    for number, pair in enumerate(PAIRS):
        left, right, _ = companies_of(pair, work / f"pair{number}.db")
        decided.append((left == right, pair.expected == "one"))
    wrong = [pair for pair, (merged, one) in zip(PAIRS, decided, strict=True) if merged != one]
    return (*merge_scores(decided), wrong)


if __name__ == "__main__":  # python -m tests.test_matching_groups: the table's figures
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        precision, recall, wrong = pair_scores(Path(tmp))
    ones = sum(pair.expected == "one" for pair in PAIRS)
    print(f"{len(PAIRS)} pairs ({ones} one, {len(PAIRS) - ones} two): precision "
          f"{precision:.3f} recall {recall:.3f}")
    for pair in wrong:
        print(f"  wrong: {pair.expected}: {pair.left} / {pair.right} ({pair.description})")
