"""Industries of the demo world, with their words in every language; the fit label keys off
``Industry.target`` (packaging-heavy manufacturers)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Industry:
    """An industry with its words in every language of the demo world."""

    key: str
    target: bool
    weight: float
    label: dict[str, str]
    """Category label per language ("Food manufacturing", "Lebensmittelhersteller", "食品")."""
    name_words: dict[str, tuple[str, ...]]
    """Words used in company names per language."""
    products: dict[str, str]
    """What the company makes/does, per language, for descriptions."""


def _ind(key: str, target: bool, weight: float, label: dict[str, str],
         words: dict[str, tuple[str, ...]], products: dict[str, str]) -> Industry:
    return Industry(key, target, weight, label, words, products)


INDUSTRIES: tuple[Industry, ...] = (
    _ind("food", True, 12,
         {"en": "Food manufacturing", "de": "Lebensmittelhersteller",
          "nl": "Levensmiddelenproducent", "es": "Fabricante de alimentos", "zh": "食品加工"},
         {"en": ("Foods", "Fine Foods"), "de": ("Lebensmittel", "Feinkost"),
          "nl": ("Voeding", "Foods"), "es": ("Alimentos",), "zh": ("食品",)},
         {"en": "ready meals, sauces and snacks", "de": "Fertiggerichte, Saucen und Snacks",
          "nl": "kant-en-klaarmaaltijden, sauzen en snacks",
          "es": "platos preparados, salsas y aperitivos", "zh": "方便食品、调味酱和休闲食品"}),
    _ind("beverage", True, 8,
         {"en": "Beverages & brewing", "de": "Getränkehersteller & Brauerei",
          "nl": "Drankenproducent & brouwerij", "es": "Bebidas y cervecería", "zh": "饮料酒类"},
         {"en": ("Beverages", "Brewing"), "de": ("Getränke", "Brauerei"),
          "nl": ("Dranken", "Brouwerij"), "es": ("Bebidas", "Cervecera"), "zh": ("饮料", "啤酒")},
         {"en": "craft beer, soft drinks and juices", "de": "Bier, Erfrischungsgetränke und Säfte",
          "nl": "speciaalbier, frisdranken en sappen", "es": "cerveza, refrescos y zumos",
          "zh": "啤酒、饮料和果汁"}),
    _ind("cosmetics", True, 6,
         {"en": "Cosmetics manufacturing", "de": "Kosmetikhersteller",
          "nl": "Cosmeticaproducent", "es": "Fabricante de cosmética", "zh": "化妆品"},
         {"en": ("Cosmetics", "Skincare"), "de": ("Kosmetik", "Naturkosmetik"),
          "nl": ("Cosmetica",), "es": ("Cosmética",), "zh": ("化妆品", "日化")},
         {"en": "creams, shampoos and skincare products",
          "de": "Cremes, Shampoos und Hautpflegeprodukte",
          "nl": "crèmes, shampoos en huidverzorging", "es": "cremas, champús y cuidado de la piel",
          "zh": "护肤品、洗发水和化妆品"}),
    _ind("pharma", True, 6,
         {"en": "Pharmaceuticals", "de": "Pharmahersteller", "nl": "Farmaceutische industrie",
          "es": "Industria farmacéutica", "zh": "医药制造"},
         {"en": ("Pharmaceuticals", "Pharma"), "de": ("Pharma", "Arzneimittel"),
          "nl": ("Farma", "Pharma"), "es": ("Farmacéutica",), "zh": ("制药", "医药")},
         {"en": "tablets, capsules and generic medicines",
          "de": "Tabletten, Kapseln und Generika",
          "nl": "tabletten, capsules en generieke medicijnen",
          "es": "comprimidos, cápsulas y medicamentos genéricos", "zh": "片剂、胶囊和仿制药"}),
    _ind("dairy", True, 5,
         {"en": "Dairy products", "de": "Molkerei", "nl": "Zuivelproducent",
          "es": "Productos lácteos", "zh": "乳制品"},
         {"en": ("Dairy", "Creamery"), "de": ("Molkerei", "Milchwerke"), "nl": ("Zuivel",),
          "es": ("Lácteos",), "zh": ("乳业",)},
         {"en": "milk, yoghurt and cheese", "de": "Milch, Joghurt und Käse",
          "nl": "melk, yoghurt en kaas", "es": "leche, yogur y queso", "zh": "牛奶、酸奶和奶酪"}),
    _ind("confectionery", True, 5,
         {"en": "Confectionery", "de": "Süßwarenhersteller", "nl": "Zoetwarenproducent",
          "es": "Confitería", "zh": "糖果食品"},
         {"en": ("Confectionery", "Sweets"), "de": ("Süßwaren", "Confiserie"),
          "nl": ("Zoetwaren",), "es": ("Dulces", "Confitería"), "zh": ("糖果",)},
         {"en": "chocolate, biscuits and candy", "de": "Schokolade, Gebäck und Bonbons",
          "nl": "chocolade, koekjes en snoep", "es": "chocolate, galletas y caramelos",
          "zh": "巧克力、饼干和糖果"}),
    _ind("packaging_machinery", False, 5,
         {"en": "Packaging machinery", "de": "Verpackungsmaschinenbau",
          "nl": "Verpakkingsmachines", "es": "Maquinaria de envasado", "zh": "包装机械"},
         {"en": ("Packaging Systems", "Packaging Machinery"),
          "de": ("Verpackungstechnik", "Verpackungsmaschinen"), "nl": ("Verpakkingstechniek",),
          "es": ("Envasado",), "zh": ("包装机械",)},
         {"en": "filling, sealing and labelling machines",
          "de": "Abfüll-, Siegel- und Etikettiermaschinen",
          "nl": "vul-, sluit- en etiketteermachines",
          "es": "máquinas de llenado, sellado y etiquetado", "zh": "灌装机、封口机和贴标机"}),
    _ind("software", False, 8,
         {"en": "Software & IT services", "de": "Software & IT-Dienstleistungen",
          "nl": "Software & IT-diensten", "es": "Software y servicios TI", "zh": "软件和信息技术"},
         {"en": ("Software", "Digital"), "de": ("Software", "IT-Systeme"), "nl": ("Software",),
          "es": ("Software",), "zh": ("软件", "信息技术")},
         {"en": "business software and cloud services",
          "de": "Unternehmenssoftware und Cloud-Dienste",
          "nl": "bedrijfssoftware en clouddiensten", "es": "software empresarial y servicios cloud",
          "zh": "企业软件和云服务"}),
    _ind("logistics", False, 7,
         {"en": "Logistics & freight", "de": "Logistik & Spedition", "nl": "Logistiek & transport",
          "es": "Logística y transporte", "zh": "物流运输"},
         {"en": ("Logistics", "Freight"), "de": ("Logistik", "Spedition"),
          "nl": ("Logistiek", "Transport"), "es": ("Logística",), "zh": ("物流",)},
         {"en": "warehousing and road freight", "de": "Lagerlogistik und Straßentransport",
          "nl": "opslag en wegtransport", "es": "almacenaje y transporte por carretera",
          "zh": "仓储和公路运输"}),
    _ind("law", False, 4,
         {"en": "Law firm", "de": "Rechtsanwaltskanzlei", "nl": "Advocatenkantoor",
          "es": "Despacho de abogados", "zh": "律师事务所"},
         {"en": ("Legal", "Law"), "de": ("Rechtsanwälte",), "nl": ("Advocaten",),
          "es": ("Abogados",), "zh": ("法律咨询",)},
         {"en": "corporate and commercial law", "de": "Wirtschafts- und Gesellschaftsrecht",
          "nl": "ondernemingsrecht", "es": "derecho mercantil", "zh": "公司法和商法"}),
    _ind("construction", False, 7,
         {"en": "Construction", "de": "Bauunternehmen", "nl": "Bouwbedrijf", "es": "Construcción",
          "zh": "建筑工程"},
         {"en": ("Construction", "Builders"), "de": ("Bau", "Bauunternehmung"), "nl": ("Bouw",),
          "es": ("Construcciones",), "zh": ("建筑工程", "建设")},
         {"en": "commercial buildings and renovation", "de": "Gewerbebau und Sanierung",
          "nl": "bedrijfsgebouwen en renovatie", "es": "edificios comerciales y reformas",
          "zh": "商业建筑和装修工程"}),
    _ind("retail", False, 6,
         {"en": "Retail", "de": "Einzelhandel", "nl": "Detailhandel", "es": "Comercio minorista",
          "zh": "商贸零售"},
         {"en": ("Retail", "Stores"), "de": ("Handel", "Warenhaus"), "nl": ("Handel",),
          "es": ("Comercial",), "zh": ("商贸",)},
         {"en": "home and garden stores", "de": "Haus- und Gartenmärkte",
          "nl": "woon- en tuinwinkels", "es": "tiendas de hogar y jardín",
          "zh": "家居和园艺用品零售"}),
    _ind("consulting", False, 6,
         {"en": "Management consulting", "de": "Unternehmensberatung", "nl": "Managementadvies",
          "es": "Consultoría", "zh": "管理咨询"},
         {"en": ("Consulting", "Advisory"), "de": ("Beratung", "Consulting"), "nl": ("Advies",),
          "es": ("Consultores",), "zh": ("企业管理咨询",)},
         {"en": "strategy and operations consulting", "de": "Strategie- und Prozessberatung",
          "nl": "strategie- en procesadvies", "es": "consultoría de estrategia y operaciones",
          "zh": "战略和运营咨询"}),
    _ind("furniture", False, 5,
         {"en": "Furniture", "de": "Möbelhersteller", "nl": "Meubelfabrikant",
          "es": "Fabricante de muebles", "zh": "家具制造"},
         {"en": ("Furniture", "Interiors"), "de": ("Möbel", "Möbelwerkstätten"),
          "nl": ("Meubelen",), "es": ("Muebles",), "zh": ("家具",)},
         {"en": "office and home furniture", "de": "Büro- und Wohnmöbel",
          "nl": "kantoor- en woonmeubelen", "es": "muebles de oficina y hogar",
          "zh": "办公家具和家居家具"}),
)
INDUSTRY_BY_KEY = {ind.key: ind for ind in INDUSTRIES}

#: English words of Chinese industry names, for the English name ("Packaging Machinery").
CN_INDUSTRY_EN = {
    "食品": "Food", "饮料": "Beverage", "啤酒": "Brewery", "化妆品": "Cosmetics",
    "日化": "Daily Chemical", "制药": "Pharmaceutical", "医药": "Medicine", "乳业": "Dairy",
    "糖果": "Confectionery", "包装机械": "Packaging Machinery", "软件": "Software",
    "信息技术": "Information Technology", "物流": "Logistics", "法律咨询": "Legal Consulting",
    "建筑工程": "Construction Engineering", "建设": "Construction", "商贸": "Trading",
    "企业管理咨询": "Management Consulting", "家具": "Furniture",
}
