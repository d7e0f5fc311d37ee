"""The patterns addresses are read with: postal codes per country, street words, labels,
country names, and where an address line ends."""

from __future__ import annotations

import re

import pycountry

LETTER = r"[A-Za-zÀ-ɏЀ-ӿ]"  # a Latin or Cyrillic letter, including accented ones
CITY = rf"{LETTER}[{LETTER[1:-1]}'’.\- ]*{LETTER}\.?"
#: A city after a bare (weak) postal code must be capitalized: "80335 München", not "1227 Views".
UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž\u0400-\u042f]"
CITY_JOIN = r"(?:im|am|an|bei|ob|in|de|la|le|sur|aan|den)\b"
CITY_CAP = (
    rf"{UPPER}[{LETTER[1:-1]}'’.\-]+(?:\s(?:{UPPER}|{CITY_JOIN})[{LETTER[1:-1]}'’.\-]*){{0,3}}"
    # a river, or Turkey's province after its district: "Frankfurt/Main", "Beyoğlu/İstanbul"
    rf"(?:\s?/\s?{UPPER}[{LETTER[1:-1]}.]+)?"
)

#: The US states' and DC's codes.
US_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()

#: A country's prefix before a postal code, as European lists write it: "NL-", "CZ - ", "S-".
PREFIX = r"(?:\b[A-Z]{1,3}\s?[-–]\s?)?"

#: Postal code + city patterns; "strong" ones are specific enough to stand alone.
POSTAL_PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    # US/Canada: "Garland, TX 75041", "Fremont CA 94538", "Toronto, ON M5V 2T6" (a state's
    # code only: "3. OG, 10115 Berlin" is a floor, "CS 20001" a French mail box)
    ("US", re.compile(rf"\b(?:{'|'.join(US_STATE_CODES)})\.?,?\s+\d{{5}}(?:-\d{{4}})?\b"),
     True),
    ("CA", re.compile(r"\b[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"), True),
    # Ireland (Eircode): "Dublin D02 X285"
    ("IE", re.compile(r"\b[AC-FHKNPRTV-Y]\d{2}\s?[A-Z\d]{4}\b"), True),
    # Australia: "Adelaide SA 5000"
    ("AU", re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}\b"), True),
    # UK: "London SW1A 1AA"
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"), True),
    # Netherlands: "3311 JX DORDRECHT" (each of these four also after a country's prefix,
    # "NL-3311 JX", as the prefixed codes below, so it is not left in the street)
    ("NL", re.compile(rf"{PREFIX}\b\d{{4}}\s?[A-Z]{{2}}\s+{CITY_CAP}"), True),
    # Poland: "32-005 Niepołomice", "PL-32-005 Niepołomice"
    ("PL", re.compile(rf"{PREFIX}\b\d{{2}}-\d{{3}}\s+{CITY_CAP}"), True),
    # Portugal: "1100-053 Lisboa"
    ("PT", re.compile(rf"{PREFIX}\b\d{{4}}-\d{{3}}\s+{CITY_CAP}"), True),
    # Czechia, Slovakia, Sweden, Greece: "CZ - 550 01 Broumov", "110 00 Praha 1", "S-111 22"
    ("CZ", re.compile(rf"{PREFIX}\b\d{{3}}\s\d{{2}}\s+{CITY_CAP}"), True),
    # Japan: "〒100-0001"
    ("JP", re.compile(r"〒\s?\d{3}-\d{4}"), True),
    # Country-prefixed codes: "DE-93437 Furth im Wald", "CH-8000 Zürich", "A-1010 Wien"
    ("EU", re.compile(rf"\b[A-Z]{{1,2}}\s?[-–]\s?\d{{4,5}}\s+{CITY_CAP}"), True),
    # Five digits + city (DE, FR, IT, ES, FI, ...): "80335 München"; weak: needs a street line
    ("EU5", re.compile(rf"(?<![\d.,/-])\b\d{{5}}\s+{CITY_CAP}"), False),
    # Four digits + city (CH, AT, BE, DK, NO, HU, AU...): weak
    ("EU4", re.compile(rf"(?<![\d.,/-])\b\d{{4}}\s+{CITY_CAP}"), False),
    # Russia and others with six digits: "101000, Москва"
    ("RU", re.compile(rf"(?<![\d.,/-])\b\d{{6}},?\s+(?:г\.\s?)?{CITY_CAP}"), False),
]

STREET_WORDS = (
    r"street|st|avenue|ave|av|road|rd|drive|dr|court|ct|lane|ln|boulevard|blvd|way|place|pl|"
    r"parkway|pkwy|highway|hwy|circle|cir|square|sq|terrace|ter|trail|trl|suite|ste|floor|"
    r"plaza|alley|row|crescent|close|quay|wharf|broadway|pike|turnpike|expressway|freeway|"
    r"park|estate|centre|center|business park|industrial estate|common|commons|loop|path|"
    r"mews|gardens|heights|pointe|landing|crossing|cove|glen|ridge|hollow|"
    r"straße|strasse|str|weg|platz|gasse|allee|ring|damm|ufer|chaussee|markt|steig|"
    r"laan|straat|plein|gracht|kade|singel|dreef|dijk|hof|"
    r"ul|ulica|al|aleja|os|plac|třída|náměstí|nám|ulice|nábřeží|"
    r"rue|boulevard|chemin|allée|quai|impasse|via|viale|piazza|corso|calle|avda|avenida|"
    r"plaça|rua|praça|vej|gade|väg|gatan|vägen|gata|katu|tie|utca|út|"
    r"улица|ул|проспект|пр|переулок|пер|шоссе|дом|д"
)
STREET_US = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:{LETTER}[\w'’.\-]*\s+){{1,5}}(?:{STREET_WORDS})\b\.?"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?",
    re.IGNORECASE,
)
STREET_EU = re.compile(
    rf"(?:(?:{STREET_WORDS})\.?\s+)?{LETTER}[\w'’.\- ]{{1,40}}?\s\d{{1,5}}[A-Za-z]?"
    rf"(?:\s?[-/]\s?\d{{1,5}}[A-Za-z]?)?(?![\d.,:]?\d)",
)
STREET_HINT = re.compile(
    rf"(?:^|\s|\d)(?:{STREET_WORDS})(?:\.|\b)|\w(?:straße|strasse|str\.|weg|platz|gasse|allee|"
    r"damm|laan|straat|plein|gracht|dreef|vej|gade|vägen|gatan|katu|utca)\b",
    re.IGNORECASE,
)

ADDRESS_LABEL = re.compile(
    r"^\s*(?:address|adresse|anschrift|adres|adresa|indirizzo|dirección|direccion|endereço|"
    r"adresas|osoite|postadresse|besøksadresse|sídlo(?: společnosti)?|sídlo firmy|siedziba|"
    r"адрес|地\s*址|住\s*所|所在地|公司地址|通讯地址|通訊地址)\s*(?:[:：]\s*|$)",
    re.IGNORECASE,
)
CJK_LABEL = re.compile(r"^[\u3000-\u9fff\uff00-\uffef\s]{1,8}[:：]")
#: Where an address ends inside a line: a contact label, a separator, or page prose.
CUT = re.compile(
    r"\s*(?:\||•|·|\bphone\b|\btel\b|\btelefon|\bfax\b|\be-?mail\b|\bemail\b|\bmobil|"
    r"\bhours\b|\buse of\b|\ball rights\b|\bcall\b|电话|傳真|传真|邮编|邮箱|☎|✆|\bph\b|"
    r"\bphone:|\bt:|\bf:|\be:|\s[TtFfMm][.:]?\s+(?=[+(]|\d{2}))",
    re.IGNORECASE,
)
#: Country names as printed (English, local, short forms) -> ISO 3166-1 alpha-2.
COUNTRY_CODES: dict[str, str] = {}
for _c in pycountry.countries:
    for _attr in ("name", "common_name", "official_name"):
        _value = getattr(_c, _attr, None)
        if _value:
            COUNTRY_CODES[_value.lower()] = _c.alpha_2
            COUNTRY_CODES[_value.split(",")[0].lower()] = _c.alpha_2
COUNTRY_CODES.update({
    "usa": "US", "u.s.a.": "US", "us": "US", "u.s.": "US", "united states of america": "US",
    "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "deutschland": "DE", "österreich": "AT", "schweiz": "CH", "suisse": "CH", "svizzera": "CH",
    "polska": "PL", "česká republika": "CZ", "česko": "CZ", "czech republic": "CZ",
    "slovensko": "SK", "nederland": "NL", "the netherlands": "NL", "holland": "NL",
    "belgië": "BE", "belgique": "BE", "españa": "ES", "italia": "IT", "россия": "RU",
    "中国": "CN", "中华人民共和国": "CN", "ελλάδα": "GR", "magyarország": "HU", "sverige": "SE",
    "danmark": "DK", "norge": "NO", "suomi": "FI", "türkiye": "TR", "turkey": "TR",
    "south korea": "KR", "korea": "KR", "日本": "JP", "台灣": "TW", "taiwan": "TW",
    "hong kong": "HK", "香港": "HK", "russia": "RU", "vietnam": "VN", "iran": "IR",
})
COUNTRY_NAMES = set(COUNTRY_CODES)
COUNTRY_TAIL = re.compile(
    r"^[,\s]*(" + "|".join(re.escape(n) for n in sorted(COUNTRY_NAMES, key=len, reverse=True))
    + r")\b\.?",
    re.IGNORECASE,
)

MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|"
    r"juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|stycznia|lutego|marca|kwietnia|maja|czerwca|"
    r"lipca|sierpnia|września|października|listopada|grudnia|ledna|února|března|dubna|"
    r"května|června|července|srpna|září|října|listopadu|prosince)\b\.?",
    re.IGNORECASE,
)


STREET_WORD_START = re.compile(
    r"(?:(?<=\s)|^)(?:ul|ulica|al|aleja|os|plac|třída|náměstí|nám|ulice|rue|boulevard|chemin|"
    r"allée|quai|impasse|via|viale|piazza|piazzale|corso|largo|calle|avda|avenida|paseo|plaça|"
    r"rua|praça|avenue|улица|ул|проспект|пр|переулок|шоссе)\b\.?\s",
    re.IGNORECASE,
)
#: "6B Liberty, Suite 200": a number-first street without a street word, made sure by a unit.
STREET_WITH_UNIT = re.compile(
    rf"^\s*\d{{1,6}}[A-Za-z]?\s+{LETTER}[\w'’.\-]*(?:\s+{LETTER}[\w'’.\-]*){{0,3}},?\s+"
    r"(?:suite|ste|unit|#)\.?\s*[\w-]+",
    re.IGNORECASE,
)
MONTHS_GLUED = re.compile(r"(?<=\d)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*",
                           re.IGNORECASE)

UNIT_TAIL = re.compile(
    r"^[,.\s]*(?:(?:suite|ste|unit|apt|apartment|floor|fl|bldg|building|room|rm|no|nr|#|"
    r"piso|étage|etage|stock|og|eg|c/o|box|po box)\.?\s*[\w/-]*[,.\s]*)*$",
    re.IGNORECASE,
)


UNIT_LINE = re.compile(
    r"^\s*(?:(?:suite|ste|unit|apt|floor|fl|bldg|building|room|rm|piso|étage|etage|stock|"
    r"c/o|p\.?\s?o\.?\s?box|postfach|box)\b\.?\s*[\w/#-]*|"
    r"\d{1,3}(?:st|nd|rd|th|\.)?\s+(?:floor|fl|étage|etage|stock|og|piso))\s*$",
    re.IGNORECASE,
)

CODE_BY_TAG = {
    "US": r"\d{5}(?:-\d{4})?", "CA": r"[A-Z]\d[A-Z]\s?\d[A-Z]\d",
    "GB": r"[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}", "IE": r"[A-Z]\d{2}\s?[A-Z\d]{4}", "AU": r"\d{4}",
    "NL": r"\d{4}\s?[A-Z]{2}", "PL": r"\d{2}-\d{3}", "PT": r"\d{4}-\d{3}",
    "CZ": r"\d{3}\s\d{2}", "JP": r"\d{3}-\d{4}", "EU": r"\d{4,5}", "EU5": r"\d{5}",
    "EU4": r"\d{4}", "RU": r"\d{6}",
}

#: Patterns for an address that is all of its text (a one-line address column), tried before
#: and after :data:`POSTAL_PATTERNS` (which also find addresses inside page text, where a
#: capitalized word after a code may be a label: "TX 75041 Phone ...").
ONE_LINE_FIRST: list[tuple[str, re.Pattern[str], bool]] = [
    # Brazil (CEP, before the US pattern took "SP, 01310" of "São Paulo - SP, 01310-100")
    ("BR", re.compile(r"(?:\bCEP:?\s*)?(?<![\d-])\d{5}-\d{3}(?![\d-])"), True),
    # A European country code and a space before the code: "DE 80331 München", "CH 8001
    # Zürich" (the US pattern read "DE 80331" as Delaware)
    ("EU", re.compile(rf"\b(?:D|DE|A|AT|CH|F|FR|I|IT|B|BE|L|LU|NL|DK|S|SE|N|NO|FIN|FI|E|ES|"
                      rf"P|PT|PL|CZ|H|HU|SK)\s\d{{4,5}}\s+{CITY_CAP}$"), True),
]
ONE_LINE_LAST: list[tuple[str, re.Pattern[str], bool]] = [
    # The city, then its code at the end, after a comma: "..., Shanghai 200001", "...,
    # Singapore 238858", "..., Bangalore 560001", "..., Tokyo 100-0005", "..., Moscow 125009"
    # (or after a dash or a comma: "..., Bangalore - 560038", "..., Moskva, 125009")
    ("END", re.compile(rf",\s*{CITY_CAP}(?:\s+|\s*[-–,]\s*)(?:\d{{5,6}}|\d{{3}}-\d{{4}})$"),
     True),
    # India's PIN code in two groups, as only India writes it: "..., Mumbai - 400 021"
    ("IN", re.compile(rf",\s*{CITY_CAP}(?:\s+|\s*[-–,]\s*)\d{{3}}\s\d{{3}}$"), True),
    # Taiwan: a city or county and its code of 3, 5 or 6 digits: "..., Da'an Dist., Taipei
    # City 106", "..., Hsinchu County 30274"
    ("TW", re.compile(rf",\s*{CITY_CAP}(?:(?<=City)|(?<=County))\s+\d{{3}}(?:\d{{2,3}})?$"),
     True),
    # Canada without the province: "..., Vaughan L4K 2Y7"
    ("CAN", re.compile(rf",\s*{CITY_CAP}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d$"), True),
]
ONE_LINE_CODES = {"BR": r"\d{5}-\d{3}", "END": r"(?:\d{5,6}|\d{3}-\d{4})$",
                  "IN": r"\d{3}\s\d{3}$", "TW": r"\d{3}(?:\d{2,3})?$",
                  "CAN": r"[A-Z]\d[A-Z]\s?\d[A-Z]\d$"}
#: Italy's province codes, which follow the city ("20121 Milano MI").
IT_PROVINCES = frozenset(
    "AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CL CN CO CR CS CT CZ "
    "EN FC FE FG FI FM FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU "
    "OR PA PC PD PE PG PI PN PO PR PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR SS SU SV "
    "TA TE TN TO TP TR TS TV UD VA VB VC VE VI VR VT VV".split())

NOT_ADDRESS = re.compile(r"©|\bcopyright\b|rights reserved|\bISBN\b", re.IGNORECASE)

#: China's prefecture-level cities and the county-level ones lists name like them (义乌,
#: 昆山), as addresses write them without 市 ("广州天河区…", "北京朝阳区…"); 朝阳, also a
#: district of Beijing, is left out. Traditional forms of the trading cities follow.
CHINESE_CITIES = (
    "北京 上海 天津 重庆 "
    "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 "
    "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁 "
    "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 "
    "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛 "
    "长春 吉林 四平 辽源 通化 白山 松原 白城 延吉 "
    "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 "
    "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 "
    "昆山 江阴 张家港 常熟 太仓 宜兴 "
    "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 "
    "义乌 慈溪 余姚 乐清 瑞安 诸暨 海宁 永康 "
    "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 "
    "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 晋江 石狮 福清 "
    "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 "
    "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 "
    "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 "
    "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 "
    "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 "
    "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 "
    "潮州 揭阳 云浮 "
    "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 "
    "海口 三亚 儋州 "
    "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 "
    "贵阳 六盘水 遵义 安顺 毕节 铜仁 "
    "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 "
    "拉萨 日喀则 "
    "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 "
    "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 "
    "西宁 海东 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密 "
    "重慶 廣州 東莞 蘇州 無錫 寧波 溫州 廈門 汕頭 江門 青島 瀋陽 長沙 長春 鄭州 濟南 廣元"
).split()
