"""Words of the company websites in each language of the demo world."""

from __future__ import annotations

#: Page paths per language; each site picks one option per page (Chinese ones are
#: percent-encoded on the wire).
PATHS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"contact": ("/contact", "/contact-us", "/contact.html"),
           "about": ("/about", "/about-us", "/company"),
           "team": ("/team", "/our-team", "/people"), "news": ("/news", "/blog")},
    "de": {"contact": ("/kontakt", "/kontakt.html", "/kontakt/"),
           "about": ("/ueber-uns", "/unternehmen", "/ueber-uns.html"),
           "team": ("/team", "/ansprechpartner", "/team.html"),
           "news": ("/aktuelles", "/news"), "impressum": ("/impressum", "/impressum.html")},
    "nl": {"contact": ("/contact", "/contact.html"), "about": ("/over-ons", "/bedrijf"),
           "team": ("/ons-team", "/team"), "news": ("/nieuws",)},
    "es": {"contact": ("/contacto", "/contacto.html"),
           "about": ("/sobre-nosotros", "/empresa", "/quienes-somos"),
           "team": ("/equipo",), "news": ("/noticias",)},
    "zh": {"contact": ("/联系我们.html", "/contact.html", "/lxwm.html"),
           "about": ("/关于我们.html", "/about.html", "/gywm.html"),
           "team": ("/管理团队.html", "/team.html"), "news": ("/新闻中心.html", "/news.html")},
}

WORDS: dict[str, dict[str, str]] = {
    "en": {"home": "Home", "contact": "Contact", "about": "About us", "team": "Our team",
           "news": "News", "impressum": "Imprint", "phone": "Phone", "fax": "Fax",
           "email": "E-mail", "address": "Address", "person": "Contact person",
           "write": "Send us an e-mail", "extra": "Sales line", "mobile": "Mobile",
           "agency": "Website by", "welcome": "Welcome to {name}", "follow": "Follow us",
           "founded": "Founded in {year}, {name} today employs {employees} people.",
           "news_text": "Visit us at PackTech Fair 2026!"},
    "de": {"home": "Startseite", "contact": "Kontakt", "about": "Über uns", "team": "Team",
           "news": "Aktuelles", "impressum": "Impressum", "phone": "Telefon", "fax": "Fax",
           "email": "E-Mail", "address": "Anschrift", "person": "Ansprechpartner",
           "write": "E-Mail schreiben", "extra": "Vertrieb", "mobile": "Mobil",
           "agency": "Webdesign:", "welcome": "Willkommen bei {name}", "follow": "Folgen Sie uns",
           "founded": "Gegründet {year}, beschäftigt {name} heute {employees} Mitarbeiterinnen "
                      "und Mitarbeiter.",
           "news_text": "Besuchen Sie uns auf der PackTech Fair 2026!"},
    "nl": {"home": "Home", "contact": "Contact", "about": "Over ons", "team": "Ons team",
           "news": "Nieuws", "impressum": "Colofon", "phone": "Telefoon", "fax": "Fax",
           "email": "E-mail", "address": "Adres", "person": "Contactpersoon",
           "write": "Stuur ons een e-mail", "extra": "Verkoop", "mobile": "Mobiel",
           "agency": "Website door", "welcome": "Welkom bij {name}", "follow": "Volg ons",
           "founded": "Opgericht in {year}; {name} heeft vandaag {employees} medewerkers.",
           "news_text": "Bezoek ons op PackTech Fair 2026!"},
    "es": {"home": "Inicio", "contact": "Contacto", "about": "Sobre nosotros", "team": "Equipo",
           "news": "Noticias", "impressum": "Aviso legal", "phone": "Teléfono", "fax": "Fax",
           "email": "Correo electrónico", "address": "Dirección", "person": "Persona de contacto",
           "write": "Escríbanos", "extra": "Ventas", "mobile": "Móvil",
           "agency": "Diseño web:", "welcome": "Bienvenido a {name}", "follow": "Síganos",
           "founded": "Fundada en {year}, {name} cuenta hoy con {employees} empleados.",
           "news_text": "¡Visítenos en PackTech Fair 2026!"},
    "zh": {"home": "首页", "contact": "联系我们", "about": "关于我们", "team": "管理团队",
           "news": "新闻中心", "impressum": "法律声明", "phone": "电话", "fax": "传真",
           "email": "邮箱", "address": "地址", "person": "联系人", "write": "发送邮件",
           "extra": "销售热线", "mobile": "手机", "agency": "网站建设：",
           "welcome": "欢迎访问{name}", "follow": "关注我们",
           "founded": "{name}成立于{year}年，现有员工{employees}人。",
           "news_text": "欢迎莅临2026国际包装技术展览会！"},
}

COUNTRY_LOCAL = {
    "DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz", "NL": "Nederland", "BE": "België",
    "GB": "United Kingdom", "IE": "Ireland", "US": "USA", "AU": "Australia", "ES": "España",
    "CN": "中国",
}

SOCIAL_LABEL = {"linkedin.com": "LinkedIn", "facebook.com": "Facebook", "x.com": "X",
                "instagram.com": "Instagram", "youtube.com": "YouTube", "weibo.com": "微博"}
