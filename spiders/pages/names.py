"""Company names from © lines, labels, legal forms, titles; never an agency credit or a menu."""

from __future__ import annotations

import re

#: Legal forms that mark a company name in many countries.
LEGAL_SUFFIX = re.compile(
    r"(?:\b(?:Aktiengesellschaft|Gesellschaft mit beschränkter Haftung|Kommanditgesellschaft|"
    r"Public Limited Company|Limited Liability Company|Sociedad Limitada|Sociedad Anónima|"
    r"Besloten Vennootschap|Naamloze Vennootschap|Société Anonyme|Società per Azioni|"
    r"spółka z ograniczoną odpowiedzialnością|společnost s ručením omezeným|DAC|S\.L\.U\.|"
    r"Lda\.?|Ltda\.?|S\.A\.S\.|e\.\s?G\.|eG|Pvt\.? Ltd\.?|GmbH(?:\s*&\s*Co\.?\s*KG)?|"
    r"AG|KG|OHG|UG|e\.\s?K\.|e\.\s?V\.|mbH|SE|"
    r"s\.\s?r\.\s?o\.|a\.\s?s\.|spol\.\s?s\s?r\.\s?o\.|Sp\.\s?z\s?o\.\s?o\.|S\.A\.|SA|S\.p\.A\.|"
    r"S\.r\.l\.|Srl|SARL|SAS|S\.L\.|SL|B\.V\.|BV|N\.V\.|NV|Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|"
    r"Incorporated|Corp\.?|Corporation|Co\.,? Ltd\.?|PLC|plc|LLP|LP|Pty\.? Ltd\.?|Oy|AB|ApS|A/S|"
    r"AS|ASA|Kft\.?|Zrt\.?|d\.o\.o\.|OOO|ООО|ЗАО|ОАО|ПАО|АО|ИП|K\.K\.|Pte\.? Ltd\.?)(?![\w])|"
    r"(?:有限公司|有限责任公司|股份有限公司|集团|株式会社|有限會社|公司))"
)
#: Footer credits of the web agency or the shop software: never the company itself.
AGENCY_CREDIT = re.compile(
    r"(?:^|[\s|·•])(?:web\s?design|webdesign|diseño(?: web)?|design|realisatie|ontwerp|"
    r"réalisation|conception|webentwicklung|sviluppo|realizzazione|projekt|wykonanie|"
    r"agency|agentur|agencia|webbureau|hosting|seo)\s*[:：—–]|"
    r"(?:web\s?site|web|site|design|designed|developed|development|created|made|built|"
    r"powered|hosted|hosting|programmed|realised|realized|template|theme|seo|marketing)"
    r"(?:\s+\w+){0,2}\s+(?:by|von|door|par|od|przez)\b|"
    r"\b(?:realizace|realizacja|vytvořila?|vytvořil|webové stránky vytvořila|umsetzung|"
    r"gestaltung|webdesign|webdesign by|technische umsetzung|wykonanie|projekt i wykonanie|"
    r"网站建设|网站设计|技术支持|技術支援|制作)\s*[:：]?",
    re.IGNORECASE,
)
#: Menu and section labels that look like names in isolation.
MENU_LABELS = {
    "home", "contact", "contact us", "contacts", "kontakt", "kontakty", "impressum", "about",
    "about us", "über uns", "o nas", "o firmě", "address", "adresse", "anschrift", "location",
    "locations", "our location", "get in touch", "contact gegevens", "contactgegevens",
    "contact information", "contact info", "phone", "email", "e-mail", "fax", "hours",
    "opening hours", "öffnungszeiten", "openingstijden", "menu", "navigation", "search",
    "login", "sign in", "register", "cart", "shop", "news", "blog", "services", "products",
    "name", "nombre", "vorname", "nachname", "newsletter", "subscribe", "anmelden",
    "equipo", "equipe", "équipe", "squadra", "zespół", "tým", "medewerkers", "staff",
    "адреса", "адрес", "телефоны", "главная", "о компании", "магазины",
    "联系我们", "联系方式", "关于我们", "首页", "контакты", "kontaktdaten", "kontakt informace",
    "sídlo společnosti", "headquarters", "head office", "office", "offices", "main office",
    "view map", "map", "directions", "get directions", "send message", "submit",
}
#: Footer link labels printed right after the © holder without a separator.
_FOOTER_LINKS = re.compile(
    r"\s(?:Legal|Privacy|Terms|Imprint|Impressum|Datenschutz|Site ?map|Contact|Kontakt|Cookies?|"
    r"Disclaimer|AGB|Accessibility|Complaints|Careers|Jobs|About|Help|Mentions légales|"
    r"Aviso legal|Privacidad|Powered)\b"
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|&copy;|copyright)", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b(?:\s*[-–—/]\s*(?:19|20)?\d{2,4}\b)?")
_RIGHTS = re.compile(
    r"(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"všechna práva vyhrazena|wszelkie prawa zastrzeżone|alle rechten voorbehouden|"
    r"todos los derechos reservados|tutti i diritti riservati|все права защищены|"
    r"版权所有|版權所有|保留所有权利|all (?:the )?rights? reserved|rights reserved).*$",
    re.IGNORECASE,
)
_COMPANY_LABEL = re.compile(
    r"^\s*(?:company(?: name)?|firma|firmenname|název firmy|nazwa firmy|bedrijf|bedrijfsnaam|"
    r"société|empresa|azienda|компания|организация|"
    r"公\s*司(?:名称)?|企业名称|單位|单位名称|会社名|商号)\s*[:：]\s*(\S.*)$",
    re.IGNORECASE,
)


#: Section titles in several languages: a heading with one of these is not a company name.
GENERIC_WORDS = {
    "contact", "contacts", "contacto", "contatto", "contatti", "kontakt", "kontakty", "contactez",
    "address", "adres", "adresse", "dirección", "direccion", "indirizzo", "anschrift", "adresa",
    "impressum", "imprint", "aktuelles", "news", "noticias", "nieuws", "notizie", "actualités",
    "about", "über", "sobre", "over", "chi", "o", "empresa", "unternehmen", "team", "home",
    "inicio", "startseite", "welcome", "willkommen", "bienvenido", "bienvenue", "services",
    "leistungen", "produkte", "products", "productos", "producten", "prodotti", "phone",
    "telefon", "teléfono", "telefoon", "email", "e-mail", "correo", "fax", "membership",
    "category", "categories", "kategorie", "website", "web", "opening", "hours", "location",
    "standort", "ubicación", "locatie", "directions", "anfahrt", "map", "karte",
    "privacy", "datenschutz", "legal", "terms", "agb", "faq", "help", "hilfe", "jobs",
    "karriere", "careers", "blog", "presse", "press", "downloads", "gallery", "galerie",
    "partners", "partner", "referenzen", "references", "history", "geschichte", "us", "uns",
    "nosotros", "ons", "nous", "page", "seite", "details", "detail", "profile", "profil",
    "member", "members", "mitglieder", "exhibitor", "exhibitors", "aussteller", "search",
    "suche", "results", "ergebnisse", "sign", "login", "register", "cart", "checkout",
    "persona", "person", "ansprechpartner", "contactpersoon", "employees", "mitarbeiter",
    "equipo", "equipe", "équipe", "squadra", "zespół", "tým", "medewerkers", "staff",
    "联系我们", "联系方式", "关于我们", "公司简介", "新闻", "首页", "контакты", "о", "нас",
}
#: Words that open a section title or a sentence, never a company name ("Office Address",
#: "Return Policy", "We're Here To Help").
_SECTION_OPENERS = {
    "return", "returns", "policy", "order", "orders", "office", "support", "customer",
    "service", "shipping", "delivery", "payment", "general", "inquiries", "enquiries",
    "sales", "billing", "mailing", "postal", "visit", "find", "call", "write", "we", "we're",
    "our", "your", "my", "get", "send", "follow", "connect", "join", "questions", "store",
    "opening", "business", "head", "main", "registered", "corporate", "media", "technical",
    "unsere", "unser", "ihr", "ihre", "nuestra", "nuestro", "notre", "nos", "onze", "uw",
}
_PRONOUNS = {"we", "we're", "our", "your", "my", "us", "unsere", "unser", "ihr", "ihre",
             "nuestra", "nuestro", "notre", "nos", "onze", "uw", "get", "let's", "find"}
_CONNECTORS = {"&", "and", "und", "en", "y", "e", "et", "de", "van", "der", "den", "von", "di",
               "da", "do", "la", "le", "les", "du", "des", "of", "the", "del", "i", "a"}


def name_like(text: str | None) -> bool:
    """Does a short text read as a company name rather than a title, label or sentence?"""
    if not text or clean_name(text) is None or is_menu_label(text) or is_agency_credit(text):
        return False
    if re.search(r"[?!:：]$|@|https?://|\d{3}[-. ]\d{3,4}|^\d[-\d]{5,}", text):
        return False  # a question, an address, a URL, a phone number
    if LEGAL_SUFFIX.search(text):
        return len(text) <= 100
    words = re.findall(r"[^\s,/|()]+", text)
    if not words or len(words) > 8:
        return False
    folded = [w.lower().strip(".-–«»\"'") for w in words]
    if all(w in GENERIC_WORDS or w in _CONNECTORS for w in folded):
        return False
    if folded[0] in GENERIC_WORDS and len(words) <= 3:
        return False
    if folded[0] in _PRONOUNS:
        return False
    if folded[0] in _SECTION_OPENERS and not any(
        w[:1].isupper() and w.lower() not in GENERIC_WORDS | _SECTION_OPENERS for w in words[1:]
    ):
        return False
    # Sentences have lower-case words; brands like "eBay", "iContact" have capitals inside.
    lower = [
        w for w in words
        if w[:1].islower() and w.islower() and len(w) > 2 and w.lower() not in _CONNECTORS
        and not re.fullmatch(r"[\w-]+\.[a-z]{2,}", w)  # "inmykonos.com" is a site's name
    ]
    return not lower


#: Software and platforms whose © lines sit in the footers of sites built on them.
PLATFORMS = re.compile(
    r"\b(?:vBulletin|phpBB|XenForo|Invision|IPS Inc|Discuz|WordPress|Automattic|Joomla|"
    r"Drupal|Shopify|Wix\.com|Squarespace|Magento|PrestaShop|WooCommerce|Weebly|Jimdo|"
    r"Blogger|Tumblr|Vanilla Forums|MyBB|Simple Machines|DataLife Engine|uCoz|Bitrix|"
    r"Powered by|Elegant Themes|ThemeForest|StudioPress|Genesis Framework)\b",
    re.IGNORECASE,
)


def is_agency_credit(text: str) -> bool:
    """True for "Website by X", "Realizace: eBRÁNA", "© vBulletin Solutions" and friends."""
    return bool(AGENCY_CREDIT.search(text) or PLATFORMS.search(text))


def is_menu_label(text: str) -> bool:
    """True for menu and section labels ("Contact Us", "Kontakt", "联系我们")."""
    return text.strip(" :：-–|»›>").lower() in MENU_LABELS


_DATE = re.compile(
    r"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+\d{4})?$|"
    r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$",
    re.IGNORECASE,
)


_WELCOME = re.compile(
    r"^(?:欢迎(?:访问|光临|来到)|歡迎(?:訪問|光臨|來到)|welcome to|willkommen bei|"
    r"bienvenue chez|bienvenido a|welkom bij|benvenuti (?:da|in)|witamy w|"
    r"seja bem-vindo (?:à|ao|a)|bem-vindo (?:à|ao|a)|benvenuto (?:da|in|a))\s*",
    re.IGNORECASE,
)


_COPYRIGHT_PREFIX = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:(?<=\W)|^)(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?"
    r"\s+)?(?=\S)",
    re.IGNORECASE,
)
#: "Contact Bengt Lundin AB": a section word glued before a name.
_SECTION_PREFIX = re.compile(
    r"^(?:contact|kontakt|contacto|contatti|about|über|impressum)\s+(?=[A-ZÀ-ÖØ-Þ])",
    re.IGNORECASE,
)


def clean_name(text: str) -> str | None:
    """Strip decoration around a name; None when nothing name-like is left (or a date)."""
    text = re.sub(r"\s+", " ", text).strip(" \t|:：-–—,;•·*\"'“”„").lstrip(". ")
    text = _WELCOME.sub("", text).rstrip("!！。")
    text = _COPYRIGHT_PREFIX.sub("", text)
    text = _SECTION_PREFIX.sub("", text)
    if not text or len(text) > 120 or not re.search(r"[^\W\d_]", text) or _DATE.match(text):
        return None  # no letter at all ("$120.00", "50%"), or a date
    if re.fullmatch(r"[\d\s.,/+()-]+", text):
        return None
    return text


def copyright_name(text: str) -> str | None:
    """The holder named in a "© 2016 Acme GmbH. All rights reserved." line."""
    match = _COPYRIGHT.search(text)
    if not match or is_agency_credit(text[: match.start()]):
        return None
    rest = text[match.end() :]
    rest = re.split(r"\s[|•·]\s|\s\|\s?|\||-{2,}|—{2,}|,\s*\d", rest)[0]
    rest = _RIGHTS.sub("", rest)
    if not LEGAL_SUFFIX.search(rest):  # "Nevdaora Legal Inc." keeps its "Legal"
        rest = _FOOTER_LINKS.split(rest)[0]
    rest = re.sub(r"\b(?:by|by:)\s", " ", rest, flags=re.IGNORECASE)
    rest = _COPYRIGHT.sub(" ", rest)
    rest = _YEARS.sub(" ", rest)
    rest = re.split(r"\s(?:ICP|京ICP|粤ICP)|[\u4e00-\u9fff]ICP", rest)[0]
    # Cut the name at its first sentence end, keeping dots of legal forms ("Inc.", "s.r.o.").
    legal = LEGAL_SUFFIX.search(rest)
    if legal:
        rest = rest[: legal.end()]
    else:
        rest = re.split(r"(?<=[a-z]{3})\.\s|[.。]\s*$", rest)[0]
    # "Acme Homes Huntsville, AL": a trailing "City, ST" is the location, not the name.
    rest = re.sub(r"\s+[A-Z][a-z]+,\s[A-Z]{2}\s*$", "", rest.strip())
    name = clean_name(rest)
    if not name or is_agency_credit(name) or len(name.split()) > 8:
        return None
    return name


def labelled_company(text: str) -> str | None:
    """The value after a company label ("公 司：宁夏金丝路..." / "Firma: Acme GmbH")."""
    match = _COMPANY_LABEL.match(text)
    return clean_name(match.group(1)) if match else None


def legal_name_in(text: str) -> str | None:
    """A short line that is itself a company name with a legal form ("HS Flamingo s.r.o.")."""
    if len(text) > 80 or is_agency_credit(text) or "@" in text or _COPYRIGHT.search(text):
        return None
    if re.search(r"\d{3,}", text):
        return None  # "Adelaide SA 5000", "9728 LP Groningen": a postal line, not a name
    match = LEGAL_SUFFIX.search(text)
    if not match or match.end() < len(text.rstrip(" .,;)")) - 1 or match.start() == 0:
        return None  # the legal form ends a name line; "Limited Sources Justification" is prose
    return clean_name(text[: match.end()])


def title_parts(title: str) -> list[str]:
    """The pieces of a ``<title>`` split at the usual separators."""
    return [p.strip() for p in re.split(r"\s[|–—:·»-]\s|\s\|\s?|:\s", title) if p.strip()]
