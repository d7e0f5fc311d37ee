"""Word pools of the demo web: countries, cities, industries, names, titles. Pure data."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class City:
    """A city with what its addresses and phone numbers look like."""

    name: str
    """Name as printed locally ("München", "杭州")."""
    latin: str
    """Latin-script name ("Munich", "Hangzhou")."""
    postal: str
    """Postal code pattern: ``#`` a digit, ``@`` a letter, anything else literal."""
    area: str
    """Area code without the trunk prefix ("89", "571")."""
    region: str = ""
    """State/province as printed (US states, Chinese provinces)."""


@dataclass(frozen=True)
class Country:
    """A country of the demo world."""

    code: str
    name_en: str
    lang: str
    tlds: tuple[str, ...]
    weight: float
    legal_forms: tuple[str, ...]
    cities: tuple[City, ...]
    streets: tuple[str, ...] = field(default=())


C = City
COUNTRIES: dict[str, Country] = {
    "DE": Country("DE", "Germany", "de", ("de",), 22,
                  ("GmbH", "GmbH", "GmbH", "AG", "GmbH & Co. KG"), (
        C("Hamburg", "Hamburg", "20###", "40"), C("München", "Munich", "80###", "89"),
        C("Köln", "Cologne", "50###", "221"), C("Frankfurt am Main", "Frankfurt", "60###", "69"),
        C("Stuttgart", "Stuttgart", "70###", "711"), C("Düsseldorf", "Dusseldorf", "40###", "211"),
        C("Hannover", "Hanover", "30###", "511"), C("Nürnberg", "Nuremberg", "90###", "911"),
        C("Bremen", "Bremen", "28###", "421"), C("Leipzig", "Leipzig", "04###", "341"),
        C("Bielefeld", "Bielefeld", "33###", "521"), C("Berlin", "Berlin", "10###", "30"),
    ), ("Industriestraße", "Hauptstraße", "Gewerbering", "Am Hafen", "Bahnhofstraße",
        "Lindenallee", "Werkstraße", "Mühlenweg", "Robert-Bosch-Straße", "Carl-Benz-Straße")),
    "AT": Country("AT", "Austria", "de", ("at",), 6, ("GmbH", "GmbH", "AG"), (
        C("Wien", "Vienna", "1###", "1"), C("Graz", "Graz", "80##", "316"),
        C("Linz", "Linz", "40##", "732"), C("Salzburg", "Salzburg", "50##", "662"),
        C("Innsbruck", "Innsbruck", "60##", "512"),
    ), ("Industriezeile", "Hauptplatz", "Gewerbepark", "Wiener Straße", "Landstraße")),
    "CH": Country("CH", "Switzerland", "de", ("ch",), 6, ("AG", "AG", "GmbH"), (
        C("Zürich", "Zurich", "80##", "44"), C("Basel", "Basel", "40##", "61"),
        C("Bern", "Bern", "30##", "31"), C("St. Gallen", "St. Gallen", "90##", "71"),
        C("Luzern", "Lucerne", "60##", "41"),
    ), ("Industriestrasse", "Bahnhofstrasse", "Seestrasse", "Gewerbestrasse", "Dorfstrasse")),
    "NL": Country("NL", "Netherlands", "nl", ("nl",), 8, ("B.V.", "B.V.", "N.V."), (
        C("Amsterdam", "Amsterdam", "10## @@", "20"), C("Rotterdam", "Rotterdam", "30## @@", "10"),
        C("Utrecht", "Utrecht", "35## @@", "30"), C("Eindhoven", "Eindhoven", "56## @@", "40"),
        C("Groningen", "Groningen", "97## @@", "50"),
    ), ("Industrieweg", "Havenstraat", "Kerkstraat", "Stationsweg", "Nijverheidsweg")),
    "BE": Country("BE", "Belgium", "nl", ("be",), 4, ("NV", "BV"), (
        C("Antwerpen", "Antwerp", "2000", "3"), C("Gent", "Ghent", "9000", "9"),
        C("Brugge", "Bruges", "8000", "50"), C("Leuven", "Leuven", "3000", "16"),
    ), ("Industrielaan", "Kerkstraat", "Stationsstraat", "Nijverheidsstraat")),
    "GB": Country("GB", "United Kingdom", "en", ("co.uk",), 10, ("Ltd", "Ltd", "Ltd", "PLC"), (
        C("London", "London", "EC1A #@@", "20"), C("Manchester", "Manchester", "M1 #@@", "161"),
        C("Birmingham", "Birmingham", "B1 #@@", "121"), C("Leeds", "Leeds", "LS1 #@@", "113"),
        C("Bristol", "Bristol", "BS1 #@@", "117"), C("Glasgow", "Glasgow", "G1 #@@", "141"),
    ), ("Station Road", "High Street", "Mill Lane", "Church Street", "Riverside Way",
        "Enterprise Park")),
    "IE": Country("IE", "Ireland", "en", ("ie",), 4, ("Ltd", "Ltd", "DAC"), (
        C("Dublin", "Dublin", "D02 @###", "1"), C("Cork", "Cork", "T12 @###", "21"),
        C("Galway", "Galway", "H91 @###", "91"),
    ), ("Main Street", "Dock Road", "Business Park", "Harbour Road")),
    "US": Country("US", "United States", "en", ("com",), 12, ("Inc.", "Inc.", "LLC", "Corp."), (
        C("Chicago", "Chicago", "606##", "312", "IL"),
        C("Columbus", "Columbus", "432##", "614", "OH"),
        C("Atlanta", "Atlanta", "303##", "404", "GA"),
        C("Minneapolis", "Minneapolis", "554##", "612", "MN"),
        C("Portland", "Portland", "972##", "503", "OR"),
        C("Milwaukee", "Milwaukee", "532##", "414", "WI"),
        C("Dallas", "Dallas", "752##", "214", "TX"),
    ), ("Industrial Pkwy", "Main Street", "Commerce Drive", "Oak Avenue", "Lakeview Blvd")),
    "AU": Country("AU", "Australia", "en", ("com.au",), 5, ("Pty Ltd",), (
        C("Sydney", "Sydney", "2000", "2", "NSW"), C("Melbourne", "Melbourne", "3000", "3", "VIC"),
        C("Brisbane", "Brisbane", "4000", "7", "QLD"), C("Adelaide", "Adelaide", "5000", "8", "SA"),
    ), ("George Street", "Industrial Drive", "Park Road", "Harbour Street")),
    "ES": Country("ES", "Spain", "es", ("es",), 7, ("S.L.", "S.L.", "S.A."), (
        C("Madrid", "Madrid", "280##", "91"), C("Barcelona", "Barcelona", "080##", "93"),
        C("Valencia", "Valencia", "460##", "96"), C("Sevilla", "Seville", "410##", "95"),
        C("Bilbao", "Bilbao", "480##", "94"),
    ), ("Calle Mayor", "Avenida de la Industria", "Calle del Comercio", "Polígono Industrial")),
    "CN": Country("CN", "China", "zh", ("cn", "com.cn", "com"), 16, ("有限公司", "有限公司",
                                                                   "股份有限公司"), (
        C("杭州", "Hangzhou", "3100##", "571", "浙江省"),
        C("上海", "Shanghai", "2000##", "21", ""),
        C("北京", "Beijing", "1000##", "10", ""),
        C("广州", "Guangzhou", "5100##", "20", "广东省"),
        C("深圳", "Shenzhen", "5180##", "755", "广东省"),
        C("宁波", "Ningbo", "3150##", "574", "浙江省"),
        C("苏州", "Suzhou", "2150##", "512", "江苏省"),
        C("青岛", "Qingdao", "2660##", "532", "山东省"),
        C("温州", "Wenzhou", "3250##", "577", "浙江省"),
        C("东莞", "Dongguan", "5230##", "769", "广东省"),
        C("佛山", "Foshan", "5280##", "757", "广东省"),
        C("天津", "Tianjin", "3000##", "22", ""),
        C("成都", "Chengdu", "6100##", "28", "四川省"),
        C("武汉", "Wuhan", "4300##", "27", "湖北省"),
        C("南京", "Nanjing", "2100##", "25", "江苏省"),
        C("厦门", "Xiamen", "3610##", "592", "福建省"),
    ), ("文三路", "滨江大道", "工业路", "建设路", "人民路", "科技路", "创业路", "新华路")),
}

#: Countries counted as target markets for the hidden fit label.
FIT_COUNTRIES = frozenset({"DE", "AT", "CH", "NL", "GB", "US", "CN"})


#: Syllables of invented brand names ("Varonex", "Kelmatik"); three-part names give ~110k.
BRAND_START = (
    "Va", "Ke", "Lo", "Mar", "Bel", "Tor", "Sa", "Ri", "Den", "Gal", "Hel", "Nor", "Ost", "Pra",
    "Quin", "Ros", "Sil", "Tem", "Ul", "Ver", "Wal", "Xan", "Yor", "Zel", "Al", "Bra", "Cor",
    "Dal", "El", "Fen", "Gro", "Hor", "Il", "Jor", "Kan", "Lin", "Mon", "Nev", "Or", "Pel", "Rad",
    "Sel", "Tan", "Ur", "Vil", "Wen", "Ar", "Ber",
)
BRAND_MIDDLE = (
    "ro", "la", "mi", "ne", "ta", "ri", "do", "ve", "sa", "li", "ko", "ma", "no", "te", "ra", "lu",
    "me", "di", "sto", "ba", "ni", "go", "pe", "vi", "ca", "re", "lo", "tu", "ge", "fa", "bo", "ze",
    "ke", "da", "mo", "si", "na", "to", "le", "pa", "ru", "ho", "ga", "se", "vo", "du", "ki", "mel",
)
BRAND_END = (
    "nex", "tec", "mar", "lux", "vo", "ra", "dia", "sol", "tex", "lan", "berg", "feld", "ton",
    "ika", "ano", "ex", "via", "tic", "on", "is", "ar", "um", "en", "io", "ix", "max", "form",
    "pak", "wood", "stein", "hof", "dal", "ver", "mont", "rix", "ora", "elle", "ando", "etto",
    "ino", "ius", "ona", "quin", "rex", "sen", "tus", "vin", "zo",
)

#: Chinese brand characters with unique pinyin (so pinyin domains stay unique).
CN_BRAND_CHARS = (
    ("华", "hua"), ("宇", "yu"), ("鑫", "xin"), ("达", "da"), ("盛", "sheng"), ("恒", "heng"),
    ("泰", "tai"), ("康", "kang"), ("金", "jin"), ("德", "de"), ("润", "run"), ("丰", "feng"),
    ("瑞", "rui"), ("源", "yuan"), ("龙", "long"), ("海", "hai"), ("天", "tian"), ("永", "yong"),
    ("嘉", "jia"), ("宏", "hong"), ("博", "bo"), ("美", "mei"), ("安", "an"), ("明", "ming"),
    ("光", "guang"), ("正", "zheng"), ("昌", "chang"), ("富", "fu"), ("荣", "rong"), ("通", "tong"),
    ("力", "li"), ("诚", "cheng"), ("和", "he"), ("中", "zhong"), ("兴", "xing"), ("百", "bai"),
    ("顺", "shun"), ("旺", "wang"), ("汇", "hui"), ("联", "lian"), ("创", "chuang"), ("凯", "kai"),
    ("威", "wei"), ("祥", "xiang"), ("东", "dong"), ("方", "fang"), ("春", "chun"), ("豪", "hao"),
    ("腾", "teng"), ("飞", "fei"), ("洁", "jie"), ("益", "yi"), ("万", "wan"), ("乐", "le"),
    ("科", "ke"), ("雅", "ya"), ("宁", "ning"), ("泉", "quan"), ("森", "sen"), ("林", "lin"),
    ("云", "yun"), ("晨", "chen"), ("航", "hang"), ("鹏", "peng"), ("卓", "zhuo"), ("越", "yue"),
    ("骏", "jun"), ("琪", "qi"), ("敏", "min"), ("欧", "ou"), ("蓝", "lan"), ("青", "qing"),
)


FIRST_NAMES = {
    "de": ("Thomas", "Michael", "Andreas", "Stefan", "Christian", "Sabine", "Claudia", "Petra",
           "Julia", "Katrin", "Markus", "Frank", "Anna", "Laura", "Jürgen", "Martina"),
    "en": ("James", "John", "Sarah", "Emma", "David", "Michael", "Laura", "Jessica", "Robert",
           "Daniel", "Olivia", "Sophie", "Mark", "Rachel", "Thomas", "Emily"),
    "nl": ("Jan", "Pieter", "Sanne", "Lotte", "Daan", "Bram", "Eva", "Anouk", "Thijs", "Femke",
           "Ruud", "Marieke"),
    "es": ("Carlos", "Javier", "María", "Lucía", "Antonio", "Elena", "Pablo", "Carmen", "Sergio",
           "Laura", "Manuel", "Ana"),
    "zh": ("伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
           "秀英", "建华", "志强", "晓东", "丽娟"),
}
LAST_NAMES = {
    "de": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
           "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
           "Braun", "Zimmermann", "Krüger", "Hartmann"),
    "en": ("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker", "Wright",
           "Thompson", "Roberts", "Clarke", "Hughes", "Green", "Baker", "Hall", "Miller",
           "Anderson"),
    "nl": ("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit",
           "Meijer", "de Boer", "Mulder", "Bos"),
    "es": ("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
           "Ruiz", "Hernández", "Díaz", "Moreno"),
    "zh": ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
           "郭"),
}

#: Job titles per language: (title, is decision maker).
TITLES = {
    "de": (("Geschäftsführer", True), ("Inhaber", True), ("Leiter Einkauf", True),
           ("Einkaufsleiterin", True), ("Vorstandsvorsitzender", True),
           ("Marketing-Assistentin", False), ("Praktikant", False), ("Vertriebsmitarbeiter", False),
           ("Buchhaltung", False), ("Empfang", False)),
    "en": (("CEO", True), ("Owner", True), ("Managing Director", True),
           ("Head of Purchasing", True),
           ("Purchasing Manager", True), ("Marketing Assistant", False), ("Intern", False),
           ("Sales Representative", False), ("Office Manager", False), ("HR Coordinator", False)),
    "nl": (("Algemeen directeur", True), ("Eigenaar", True), ("Inkoopmanager", True),
           ("Directeur", True), ("Marketingassistent", False), ("Stagiair", False),
           ("Binnendienst", False)),
    "es": (("Director General", True), ("Propietario", True), ("Jefe de Compras", True),
           ("Gerente", True), ("Asistente de Marketing", False), ("Becario", False),
           ("Comercial", False)),
    "zh": (("总经理", True), ("董事长", True), ("采购经理", True), ("采购总监", True),
           ("市场专员", False), ("实习生", False), ("销售代表", False), ("行政助理", False)),
}
#: First names read as female, for titles that have a feminine form.
FEMALE_FIRST = frozenset({
    "Sabine", "Claudia", "Petra", "Julia", "Katrin", "Anna", "Laura", "Martina", "Sarah", "Emma",
    "Jessica", "Olivia", "Sophie", "Rachel", "Emily", "Sanne", "Lotte", "Eva", "Anouk", "Femke",
    "Marieke", "María", "Lucía", "Elena", "Carmen", "Ana",
})
#: Masculine title -> feminine title (German and Spanish), and back.
FEMININE = {
    "Geschäftsführer": "Geschäftsführerin", "Inhaber": "Inhaberin",
    "Leiter Einkauf": "Leiterin Einkauf", "Einkaufsleiter": "Einkaufsleiterin",
    "Vorstandsvorsitzender": "Vorstandsvorsitzende", "Praktikant": "Praktikantin",
    "Vertriebsmitarbeiter": "Vertriebsmitarbeiterin",
    "Marketing-Assistent": "Marketing-Assistentin",
    "Director General": "Directora General", "Propietario": "Propietaria",
    "Jefe de Compras": "Jefa de Compras", "Becario": "Becaria",
    "Asistente de Marketing": "Asistente de Marketing",
}


_MASCULINE = {v: k for k, v in FEMININE.items()}


def gendered(title: str, female: bool) -> str:
    """The title in the person's grammatical gender."""
    return FEMININE.get(title, title) if female else _MASCULINE.get(title, title)


#: The managing-director title per language (the person in the imprint/contact block).
BOSS_TITLE = {"de": "Geschäftsführer", "en": "Managing Director", "nl": "Algemeen directeur",
              "es": "Director General", "zh": "总经理"}

ROLE_MAILBOXES = {
    "de": ("info", "vertrieb", "kontakt", "office"),
    "en": ("info", "sales", "hello", "enquiries"),
    "nl": ("info", "verkoop", "contact"),
    "es": ("info", "ventas", "contacto"),
    "zh": ("sales", "info", "service"),
}
FREE_MAIL = {"zh": ("163.com", "qq.com", "126.com"), "default": ("gmail.com", "outlook.com")}

MEMBER_TIERS = ("Gold member", "Silver member", "Standard member", "Associate member")
CN_DISTRICTS = ("高新区", "经济开发区", "工业园区", "滨江区", "城东新区")
#: Province (or municipality) -> the one-character abbreviation used in ICP licence numbers.
ICP_PREFIX = {"浙江省": "浙", "广东省": "粤", "江苏省": "苏", "山东省": "鲁", "四川省": "川",
              "湖北省": "鄂", "福建省": "闽", "上海": "沪", "北京": "京", "天津": "津"}
#: English forms for addresses of Chinese companies in English-language directories.
CN_EN = {
    "文三路": "Wensan Road", "滨江大道": "Binjiang Avenue", "工业路": "Gongye Road",
    "建设路": "Jianshe Road", "人民路": "Renmin Road", "科技路": "Keji Road",
    "创业路": "Chuangye Road", "新华路": "Xinhua Road", "高新区": "High-tech Zone",
    "经济开发区": "Economic Development Zone", "工业园区": "Industrial Park",
    "滨江区": "Binjiang District", "城东新区": "Chengdong New District", "浙江省": "Zhejiang",
    "广东省": "Guangdong", "江苏省": "Jiangsu", "山东省": "Shandong", "四川省": "Sichuan",
    "湖北省": "Hubei", "福建省": "Fujian",
}
