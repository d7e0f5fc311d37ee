"""Company names to a display name, a match key and a legal form.

Legal forms come from cleanco's multilingual term list plus our own table for forms cleanco
lacks or splits badly (CJK forms without spaces, "Sp. z o.o.", "GmbH & Co. KG", ...).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from cleanco.clean import prepare_default_terms

from leadgen.items import NAME_MAX_LENGTH
from leadgen.normalize.address import city_key, street_key
from leadgen.normalize.memo import CACHE_SIZE
from leadgen.normalize.text import (
    clean_spaces,
    fold,
    has_cjk,
    key_tokens,
    plain_text,
    without_tags,
)


class NameParts(NamedTuple):
    """A normalized company name."""

    display_name: str
    """The name as printed, legal form removed, spaces cleaned ("Acme Packaging")."""
    name_key: str
    """Match key: folded case and accents, no punctuation, "&" and "und" as "and"."""
    legal_form: str | None
    """The legal form that was split off ("GmbH & Co. KG", "有限公司"), or None."""


#: Our own additions (written as printed); matching ignores case, dots, commas and spaces.
EXTRA_LEGAL_FORMS = (
    "GmbH & Co. KG", "GmbH & Co. KGaA", "UG (haftungsbeschränkt)", "gGmbH", "e.K.", "e.V.",
    "Sp. z o.o.", "Sp. j.", "Sp. k.", "S.A.", "s.r.o.", "spol. s r.o.", "a.s.", "S.r.l.",
    "S.p.A.", "S.a.s.", "S.n.c.", "B.V.", "N.V.", "S.L.", "S.L.U.", "S.A.U.", "Ltda.", "Ltd.",
    "Co., Ltd.", "Co. Ltd.", "Company Limited", "Pty Ltd", "Pty. Ltd.", "Pvt. Ltd.",
    "Private Limited", "Inc.", "Incorporated", "LLC", "L.L.C.", "LLP", "PLC", "Corp.",
    "Corporation", "Company", "Co.", "AG", "KG", "OHG", "SE", "SAS", "SARL", "EURL", "Oy", "AB",
    "A/S", "ApS", "AS", "K.K.", "Kft.", "Zrt.", "d.o.o.", "OÜ", "UAB", "SIA", "Limited",
    "mbH", "Tbk.", "GmbH i.L.", "GmbH i.G.", "AG i.L.", "KG i.L.", "UG i.G.", "mbH i.L.",
    "GmbH u. Co. KG", "GmbH und Co. KG", "AG & Co. KG", "AG u. Co. KG", "SE & Co. KG",
    "UG & Co. KG", "UG (haftungsbeschränkt) & Co. KG", "Ltd. & Co. KG", "GmbH & Co. OHG",
    "e.Kfm.", "e.Kfr.", "e.Kffr.",
    # Austria ("Ges.m.b.H."), Sweden's public companies ("AB (publ)", and "(publ)" alone
    # after a name whose form is written first: "Aktiebolaget Volvo (publ)"), and the
    # "Co.,Limited" of Chinese and Hong Kong companies' English names
    "GesmbH", "Ges.m.b.H.", "Ges.mbH", "AB (publ)", "(publ)", "Co., Limited",
    # Spelled out (German, Polish), as registers and letterheads print them
    "Aktiengesellschaft", "Gesellschaft mit beschränkter Haftung", "Kommanditgesellschaft",
    "Kommanditgesellschaft auf Aktien", "offene Handelsgesellschaft", "eingetragener Verein",
    "eingetragene Genossenschaft", "eG", "Spółka Akcyjna",
    "Spółka z ograniczoną odpowiedzialnością", "Spółka jawna", "Spółka komandytowa",
    # Mexico and Latin America
    "S.A. de C.V.", "S.A.B. de C.V.", "S.A.P.I. de C.V.", "S. de R.L.", "S. de R.L. de C.V.",
    # "and company" in Spanish, alone and before a form (Ecuador's and Colombia's "Cía. Ltda.")
    "Cía. Ltda.", "Cia. Ltda.", "Cía. S.A.", "& Cía.", "y Cía.", "S. en C.", "S. en C.S.",
    "y Compañía", "& Compañía", "Compañía Limitada", "y Compañía S.A.", "y Cía. S.A.",
    # Canada's French forms ("Boulangerie Tremblay Ltée")
    "Ltée", "Ltee", "Limitée", "Limitee", "Inc. / Ltée",
    # Russia and the CIS in Latin letters, after the name ("Sberbank PJSC")
    "JSC", "PJSC", "OJSC", "CJSC",
    # Thailand: "... จำกัด (มหาชน)" (public limited), "... จำกัด" (limited)
    "จำกัด", "จำกัด (มหาชน)",
    # Turkey: limited and joint-stock companies, with the "industry and trade" most of them
    # carry before the form ("Acme Gıda San. ve Tic. Ltd. Şti.")
    "Ltd. Şti.", "Limited Şirketi", "A.Ş.", "Anonim Şirketi", "Tic. Ltd. Şti.", "Tic. A.Ş.",
    "San. ve Tic. Ltd. Şti.", "San. ve Tic. A.Ş.", "Sanayi ve Ticaret Ltd. Şti.",
    "Sanayi ve Ticaret A.Ş.", "Sanayi ve Ticaret Limited Şirketi",
    "Sanayi ve Ticaret Anonim Şirketi",
    # (its "industry" or "trade" alone, written out or short, and both without the "ve")
    "Ticaret Ltd. Şti.", "Ticaret A.Ş.", "Ticaret Limited Şirketi", "Ticaret Anonim Şirketi",
    "San. Ltd. Şti.", "San. A.Ş.", "Sanayi Ltd. Şti.", "Sanayi A.Ş.", "Sanayi Limited Şirketi",
    "Sanayi Anonim Şirketi", "San. Tic. Ltd. Şti.", "San. Tic. A.Ş.",
    # (and with its "Ltd. Şti." written "Ltd." as English lists do; not "San. Ltd." alone:
    # "Wing San Ltd." is a name)
    "Tic. Ltd.", "Ticaret Ltd.", "San. ve Tic. Ltd.", "San. Tic. Ltd.", "Sanayi ve Ticaret Ltd.",
    # Spelled out in English, French, Spanish, Portuguese, Italian, Dutch, the Nordic
    # languages and Japanese, as registers and letterheads print them
    "Limited Liability Company", "Limited Liability Partnership", "Limited Partnership",
    "Joint Stock Company", "Public Joint Stock Company", "Closed Joint Stock Company",
    "Public Limited Company", "Proprietary Limited", "Pty Limited",
    "Société Anonyme", "Société à responsabilité limitée", "Société par actions simplifiée",
    "Sociedad Anónima", "Sociedad Limitada", "Sociedad de Responsabilidad Limitada",
    "Sociedade Anónima", "Sociedade Anônima", "Sociedade Limitada",
    "Società per Azioni", "Società a responsabilità limitata", "Società in nome collettivo",
    "Besloten Vennootschap", "Naamloze Vennootschap", "Aktiebolag", "Aktieselskab",
    "Anpartsselskab", "Aksjeselskap", "Osakeyhtiö", "Kabushiki Kaisha", "Godo Kaisha",
    # Brazil
    "S/A", "EIRELI", "Ltda. ME", "Ltda. EPP", "EIRELI ME", "EIRELI EPP",
    "Indústria e Comércio Ltda.",
    "Ind. e Com. Ltda.", "Comércio e Indústria Ltda.",
    # The Gulf: free-zone establishments and companies, and "with limited liability"
    "FZE", "FZCO", "FZC", "FZ-LLC", "FZ LLC", "LLC-FZ", "DMCC", "W.L.L.",
    # the UAE's public shareholding companies, Kuwait's and Bahrain's shareholding
    # companies (public, closed), Oman's, Qatar's closed ones, single-person companies
    # (Bahrain, Oman, the UAE's "L.L.C - S.P.C") and Saudi Arabia's sole proprietorships
    # ("Al Rajhi Trading Est.")
    "P.S.C.", "K.S.C.P.", "K.S.C.C.", "K.S.C.", "K.P.S.C.", "B.S.C.", "B.S.C. (c)",
    "B.S.C. (closed)", "S.A.O.C.", "S.A.O.G.", "Q.C.S.C.", "Q.S.C.C.", "S.P.C.",
    "L.L.C. - S.P.C.", "L.L.C. S.P.C.", "W.L.L. - S.P.C.", "Est.", "Establishment",
    # India: "(P) Ltd" and "P. Ltd." for "Private Limited", and the one-person company
    "(P) Ltd.", "(P) Limited", "Pvt. Limited", "OPC Private Limited", "OPC Pvt. Ltd.",
    "Corpn.",  # "Indian Oil Corpn. Ltd."
    # "and Co." written out, France's "& Cie", Germany's UG typed without its umlaut
    "and Co.", "and Company", "& Cie.", "et Cie.", "UG", "UG (haftungsbeschraenkt)",
    # France: civil, professional and farming companies after the name ("Dupont SCI")
    "SCI", "SELARL", "SELAS", "SCEA", "EIRL",
    # Greece (AE, EPE, IKE, OE, EE), Italy's one-member and simplified companies, Malaysia,
    # Indonesia's state companies, Bulgaria, Qatar, Canada's unlimited companies, German and
    # US professional partnerships, Thailand's public companies in English, Turkey's "trade and
    # industry" the other way round, Mexico's S.A.S.
    "Α.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε.", "Ο.Ε.", "Ε.Ε.", "Μ.Ι.Κ.Ε.",
    "S.r.l. unipersonale", "S.r.l.s.", "S.r.l. a socio unico", "S.p.A. a socio unico",
    "(M) Sdn. Bhd.", "Berhad", "(M) Berhad", "(Persero)", "(Persero) Tbk.",
    "EOOD", "OOD", "EAD", "ЕООД", "ООД", "ЕАД", "АД", "Q.S.C.", "Q.P.S.C.", "ULC",
    "PartG mbB", "PartG", "P.A.", "PLLC", "Public Company Limited", "PCL",
    "Tic. ve San. Ltd. Şti.", "Tic. ve San. A.Ş.", "Ticaret ve Sanayi Ltd. Şti.",
    # Thailand's public companies shortened as lists shorten them; Vietnam's one-member
    # limited companies in English; Pakistan's single-member companies; Malaysia's and
    # Singapore's forms with the country in brackets, written out ("(M)" is Malaysia)
    "Public Co., Ltd.", "Public Co. Ltd.", "Public Company Ltd.",
    "One Member Limited Liability Company", "One Member Co., Ltd.",
    "One Member Company Limited", "(SMC-Pvt.) Ltd.", "(SMC-Private) Limited",
    "(SMC-Pvt.) Limited", "(Malaysia) Sdn. Bhd.", "(Malaysia) Berhad", "(Malaysia) Bhd.",
    "(Malaysia) Sendirian Berhad", "(M) Sendirian Berhad", "(M) Bhd.",
    "(S) Pte. Ltd.", "(Singapore) Pte. Ltd.",
    "S.A.S. de C.V.",
    # Austria's and Malaysia's forms spelled out, Peru's closed and open stock companies
    "Gesellschaft m.b.H.", "Gesellschaft mbH", "Sendirian Berhad", "S.A.C.", "S.A.A.",
    # The UK's community interest company spelled out (its "CIC" is cleanco's); Spain's
    # one-member companies spelled out
    "Community Interest Company", "Sociedad Limitada Unipersonal",
    "Sociedad Anónima Unipersonal",
    # Spain's professional companies ("Clínica Dental Peña S.L.P."), Turkey's older joint-stock
    # companies ("Türk Hava Yolları Anonim Ortaklığı"), Italy's and France's partnerships
    # spelled out
    "S.L.P.", "Sociedad Limitada Profesional", "Anonim Ortaklığı",
    "Società in accomandita semplice", "Société en nom collectif",
    # Israel's limited company (בע"מ, with a quote or the gershayim), the Arab countries'
    # limited liability, joint-stock and public companies as Arabic names write them after
    # the name (ذ.م.م in the Emirates, ش.م.م in Lebanon and Oman, ش.م.ع, ش.م.ب in Bahrain)
    'בע"מ', "בע״מ", "בעמ", "ذ.م.م", "ش.ذ.م.م", "ش.م.م", "ش.م.ع", "ش.م.ع.ع", "ش.م.ب",
    "ش.م.ك", "ش.م.ك.ع",
    # South Africa: a ring-fenced company's "(RF)" before its form ("Discovery Health (RF)
    # (Pty) Ltd"), "(Proprietary) Limited", a non-profit company ("NPC"); Egypt's joint-stock
    # company as registers spell "S.A.E." out; Morocco's one-member SARL ("SARL AU", "SARL à
    # associé unique")
    "(RF) (Pty) Ltd", "(RF) (Pty) Ltd.", "(RF) Pty Ltd", "(RF) (Pty) Limited",
    "(RF) Proprietary Limited", "(RF) Ltd", "(RF) Limited", "(RF) NPC",
    "(Proprietary) Limited", "(Proprietary) Ltd", "NPC",
    "Egyptian Joint Stock Company", "Egyptian Joint-Stock Company", "Egyptian Joint Stock Co.",
    "Egyptian Shareholding Company", "S.A.E.",
    "SARL AU", "S.A.R.L. A.U.", "SARLAU", "SARL à associé unique",
    "SARL d'associé unique",
    # Latin America's forms spelled out as registers print them, and the short ones lists
    # use: Mexico's variable-capital companies (S.A. de C.V., S.A.B., S.A.P.I., S. de R.L.
    # de C.V.), the simplified stock company of Colombia and Mexico (S.A.S.) and Chile's
    # (SpA), "Limitada" alone (Colombia, Chile), the one-person companies of Peru and Chile
    # (E.I.R.L.) and Brazil (EIRELI), Peru's open and closed stock companies and its S.R.L.;
    # Argentina's "industrial and commercial" stock companies (S.A.I.C., S.A.C.I., ...);
    # Colombia's public-utility ("E.S.P.") and benefit ("BIC") companies after the form
    # (the longer Mexican ones are read as their form and "de Capital Variable" after it)
    "Sociedad Anónima de Capital Variable", "de Capital Variable",
    "Sociedad Anónima Bursátil", "Sociedad Anónima Promotora de Inversión",
    "Sociedad por Acciones Simplificada", "Sociedad por Acciones", "Limitada",
    "Empresa Individual de Responsabilidad Limitada",
    "Empresa Individual de Responsabilidade Limitada",
    "Sociedad Anónima Abierta", "Sociedad Anónima Cerrada",
    "Sociedad Comercial de Responsabilidad Limitada",
    "S.A.I.C.", "S.A.C.I.", "S.A.I.C.F.", "S.A.C.I.F.", "S.A.I.C.A.", "S.A.C.I.F.I.A.",
    "S.A. E.S.P.", "S.A.S. E.S.P.", "E.S.P.", "S.A. BIC", "S.A.S. BIC",
    # Germany's non-profit GmbH spelled out, umlauts written or not ("Lebenshilfe Nürnberg
    # gemeinnützige GmbH"), and Belgium's public-law companies in Dutch and French
    # ("Proximus NV van publiek recht", "Proximus SA de droit public")
    "gemeinnützige GmbH", "gemeinnuetzige GmbH", "gemeinnützige Gesellschaft mbH",
    "gemeinnuetzige Gesellschaft mbH", "gemeinnützige Gesellschaft mit beschränkter Haftung",
    "gemeinnuetzige Gesellschaft mit beschraenkter Haftung",
    "Gesellschaft mit beschraenkter Haftung",
    "NV van publiek recht", "naamloze vennootschap van publiek recht", "SA de droit public",
    "société anonyme de droit public",
    # Portugal's one-member company, as registers and lists write it ("Auto Mendes -
    # Sociedade Unipessoal, Lda.", "Auto Mendes Unip. Lda"); the one-member SARL of the
    # OHADA countries of West and Central Africa ("Ndiaye Conseil SUARL", "... SARLU")
    "Sociedade Unipessoal, Lda.", "Sociedade Unipessoal Lda.", "Unipessoal, Lda.",
    "Unipessoal Lda.", "Unip. Lda.", "Unip., Lda.", "SUARL", "SARLU", "SARL U",
)
#: Japan's other corporations, each with the register's name as its legal form, and the
#: abbreviations lists and Japan Post print ("(有)山田商店", "（社）全国地方銀行協会", "㈶..."
#: read as "(財)"); longer first ("一般社団法人" before "社団法人", whose companies it now
#: names: the 2008 reform made every 社団法人 a 一般社団法人 or 公益社団法人).
JAPANESE_CORPORATIONS = (
    "一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "社団法人", "財団法人",
    "医療法人社団", "医療法人財団", "医療法人", "社会福祉法人", "学校法人",
    "特定非営利活動法人", "NPO法人", "宗教法人", "相互会社", "弁護士法人", "税理士法人",
    "司法書士法人", "行政書士法人", "社会保険労務士法人", "特許業務法人",
    *(f"{open_}{short}{close}" for short in ("有", "合", "名", "資", "一社", "公社", "一財",
                                              "公財", "社", "財", "医", "福", "学", "特非")
      for open_, close in (("(", ")"), ("（", "）"))),
)
#: Legal forms that name the countries they are registered in, keyed without dots, spaces and
#: case ("GmbH & Co. KG" -> "gmbh&cokg"). Forms used the world over (Ltd, Inc) name none.
FORM_COUNTRIES: dict[str, frozenset[str]] = {
    form: frozenset(countries.split()) for forms, countries in (
        ("gmbh mbh ag kg gmbh&cokg ag&cokg ohg gbr", "DE AT CH"),
        ("ek ekfm ekfr ug ug(haftungsbeschränkt) ggmbh eg ev", "DE"),
        ("srl spa snc sapa", "IT"),
        ("sas", "IT FR"),
        ("sarl eurl", "FR BE LU CH"),
        ("sl slu slp sociedadlimitadaprofesional", "ES"),
        ("bv nv vof", "NL BE"),
        ("spzoo", "PL"),
        ("sro", "CZ SK"),
        ("kft zrt nyrt", "HU"),
        ("oy oyj", "FI"),
        ("ab", "SE"),
        ("aps", "DK"),
        ("lda", "PT"),
        ("ltda ltdame ltdaepp eireli s/a indústriaecomércioltda indecomltda "
         "comércioeindústrialtda", "BR PT"),
        ("eirelime eireliepp me epp", "BR"),
        ("sociedadanónima sociedadlimitada sociedadderesponsabilidadlimitada", "ES"),
        ("sociedadeanónima sociedadeanônima sociedadelimitada", "PT BR"),
        ("sociétéanonyme sociétéàresponsabilitélimitée sociétéparactionssimplifiée "
         "sociétéennomcollectif",
         "FR BE LU CH"),
        ("societàperazioni societàaresponsabilitàlimitata societàinnomecollettivo "
         "societàinaccomanditasemplice", "IT"),
        ("beslotenvennootschap naamlozevennootschap", "NL BE"),
        ("aktiebolag aktiebolaget (publ) ab(publ) aktiebolaget(publ)", "SE"),
        ("aktieselskab aktieselskabet anpartsselskab", "DK"),
        ("aksjeselskap", "NO"),
        ("osakeyhtiö", "FI"),
        ("kabushikikaisha godokaisha", "JP"),
        ("fze fzco fzc fz-llc fzllc llc-fz dmcc", "AE"),
        ("wll", "BH QA KW AE"),
        ("psc", "AE"),
        ("kscp kscc ksc kpsc", "KW"),
        ("bsc bsc(c) bsc(closed)", "BH"),
        ("saoc saog", "OM"),
        ("qcsc qscc", "QA"),
        ("spc llc-spc llcspc wll-spc", "BH OM AE"),
        ("est establishment", "SA AE KW BH QA OM"),
        ("(rf)(pty)ltd (rf)ptyltd (rf)(pty)limited (rf)proprietarylimited (rf)ltd (rf)limited "
         "(rf)npc (proprietary)limited (proprietary)ltd npc", "ZA"),
        ("egyptianjointstockcompany egyptianjoint-stockcompany egyptianjointstockco "
         "egyptianshareholdingcompany sae", "EG"),
        ("sarlau sarlàassociéunique sarld'associéunique", "MA DZ TN"),
        ("ltdşti aş ticltdşti ticaş sanveticltdşti sanveticaş sanayiveticaretltdşti "
         "sanayiveticaretaş limitedşirketi anonimşirketi anonimortaklığı ticaretltdşti "
         "ticaretaş ticaretlimitedşirketi ticaretanonimşirketi sanltdşti sanaş sanayiltdşti "
         "sanayiaş sanayilimitedşirketi sanayianonimşirketi santicltdşti santicaş ticltd "
         "ticaretltd sanveticltd santicltd sanayiveticaretltd", "TR"),
        ("株式会社 有限会社 合同会社 合資会社 合名会社 (株) （株）", "JP"),
        (" ".join(JAPANESE_CORPORATIONS), "JP"),
        ("αε επε ικε οε εε μικε", "GR"),
        ("srlunipersonale srls srlasociounico spaasociounico", "IT"),
        ("(m)sdnbhd berhad (m)berhad sendirianberhad (malaysia)sdnbhd (malaysia)berhad "
         "(malaysia)bhd (malaysia)sendirianberhad (m)sendirianberhad (m)bhd", "MY"),
        ("(s)pteltd (singapore)pteltd", "SG"),
        ("(smc-pvt)ltd (smc-private)limited (smc-pvt)limited", "PK"),
        ("perseroanterbatas", "ID"),
        ("gesellschaftmbh", "AT DE"),
        ("sac saa sociedadanónimaabierta sociedadanónimacerrada "
         "sociedadcomercialderesponsabilidadlimitada", "PE"),
        ("sadecv sabdecv sapidecv sderldecv sociedadanónimadecapitalvariable decapitalvariable "
         "sociedadanónimabursátil sociedadanónimapromotoradeinversión", "MX"),
        ("sociedadporaccionessimplificada", "CO MX"),
        ("sociedadporacciones", "CL"),
        ("saic saci saicf sacif saica sacifia", "AR"),
        ("saesp sasesp esp sabic sasbic", "CO"),
        ("empresaindividualderesponsabilidadelimitada", "BR"),
        ("(persero) (persero)tbk", "ID"),
        ("eood ood ead еоод оод еад ад", "BG"),
        ("partgmbb partg", "DE"),
        ("gemeinnützigegmbh gemeinnuetzigegmbh gemeinnützigegesellschaftmbh "
         "gemeinnuetzigegesellschaftmbh gemeinnützigegesellschaftmitbeschränkterhaftung "
         "gemeinnuetzigegesellschaftmitbeschraenkterhaftung", "DE"),
        ("nvvanpubliekrecht naamlozevennootschapvanpubliekrecht sadedroitpublic "
         "sociétéanonymededroitpublic", "BE"),
        ("sociedadeunipessoallda sociedadeunipessoal,lda unipessoallda unipessoal,lda "
         "uniplda unip,lda", "PT"),
        ("suarl sarlu", "SN CI CM BF ML NE TG BJ GA CG CD TD CF GN GQ GW KM"),
        ("有限公司 股份有限公司 有限责任公司", "CN TW HK"),
    ) for form in forms.split()
}
_FORM_NOISE = re.compile(r"[\s.]")


def countries_of_form(form: str) -> frozenset[str] | None:
    """The countries whose legal form ``form`` is (as the name normalizer writes it:
    "GmbH & Co. KG", "San. ve Tic. Ltd. Şti."), or None."""
    return FORM_COUNTRIES.get(_FORM_NOISE.sub("", form.lower()))


#: What a list adds after a company's name that is no part of it: its owner ("Inh. Hans
#: Schmidt"), whom to write to ("c/o Regus", "z. Hd. Frau Meier", "Attn: Sales").
_ANNOTATION = re.compile(
    r"(?:[\s,;]+|^)(?:Inh\.|Inhaber(?:in)?\b|c/o\b|z\.\s?Hd\.|zu Händen\b|Attn\b\.?:?|"
    r"Attention:)\s*:?.*$", re.IGNORECASE)
#: What follows a name and names its former name, its stock listing or its winding-up: "Acme
#: GmbH (vormals Beta GmbH)", "Acme Inc. (NASDAQ: ACME)", "Acme Ltd (in liquidation)".
#: Words that introduce a company's former name ("vormals", "formerly", "fka").
_FORMER_WORDS = (r"vormals|ehemals|früher|formerly|previously|anciennement|antes|già|"
                 r"f\s?/\s?k\s?/\s?a|fka")
_FORMERLY = re.compile(
    rf"(?:\s+|\s*[(（\[]\s*)(?:(?:{_FORMER_WORDS}|"
    r"in\s+(?:liquidation|administration|receivership|insolvenz|abwicklung|liquidazione|"
    r"vereffening)|en\s+(?:liquidation|liquidación)|em\s+liquidação|w\s+likwidacji|"
    r"v\s+likvidaci|i\s+likvidation)\b|"
    r"(?:NASDAQ|NYSE|LSE|TSX|ASX|SIX|FWB|XETRA|SZSE|SSE|HKEX|SEHK|TSE)\s*:|"
    # the group it belongs to, in brackets: "Acme GmbH (ein Unternehmen der Beta AG)"
    r"(?<=[(（\[])\s*(?:ein\s+unternehmen\s+de[rs]|eine\s+tochter\w*\s+de[rs]|"
    r"a\s+(?:member|subsidiary|division|company)\s+of|part\s+of)\b|"
    r"(?:股票代码|股票代碼)\s*[:：]).*$", re.IGNORECASE)
#: A branch named after a company's name: "Acme GmbH - Niederlassung Berlin", "Acme GmbH,
#: Zweigniederlassung Hamburg", "Acme Ltd (UK Branch)". The company is the name before it;
#: its place is the address's. Taken after a separator, a bracket or a legal form only
#: ("Das Werk GmbH" is a name).
_BRANCH_WORDS = (
    r"(?:zweig)?niederlassung|filiale|zweigstelle|zweigbetrieb|werk|standort|"
    r"geschäftsstelle|vertriebsbüro|verkaufsbüro|büro|(?:[\w.]+\s+){0,2}branch(?:\s+office)?|"
    r"sales\s+office|regional\s+office|succursale|agence|sucursal|delegación|filial|"
    r"oddział|pobočka|organizační\s+složka|"
    # the head office, named as lists name branches: "Acme GmbH (Hauptsitz)"
    r"hauptsitz|zentrale|hauptverwaltung|firmensitz|head\s+office|headquarters|hq|"
    r"siège(?:\s+social)?|sede(?:\s+central)?")
_BRANCH = re.compile(
    rf"(?P<sep>\s*[,;\-–—|/]\s*|\s*[(（]\s*|\s+)(?:{_BRANCH_WORDS})\b[^()（）]*[)）]?\s*$",
    re.IGNORECASE)
#: A trade name after the company's name: "Acme Inc. d/b/a Acme Tools", "Smith Ltd t/a
#: Smith's Bakery", "Müller GmbH, handelnd als Bäckerei Müller". The company is the name
#: before it; matching compares the trade name too (see :func:`trade_name`).
_TRADE_NAME = re.compile(
    r"(?:[\s,;]+|\s*[(（]\s*)(?:d\s?/\s?b\s?/\s?a|d\.\s?b\.\s?a\.?|dba|t\s?/\s?a|trading\s+as|"
    r"doing\s+business\s+as|a\.k\.a\.?|a\s?/\s?k\s?/\s?a|(?-i:aka|AKA)|also\s+known\s+as|"
    r"handelnd\s+als|"
    r"firmierend\s+als)(?![\w/])[.:]?\s*(?P<trade>[^()（）]+?)\s*[)）]?\s*$", re.IGNORECASE)
#: A trade-show exhibitor's hall, stand or booth after its name, as exhibitor lists print it:
#: "Acme GmbH (Stand 3-205)", "Acme GmbH | Halle 5 Stand A12", "Acme Ltd. Booth No. 1234",
#: "…有限公司 展位号：5.1A12" (a number follows the word: "Stand Up Paddle GmbH" is a name).
_BOOTH = re.compile(
    r"(?:\s*[,;|/\-–—(（\[]\s*|\s+|(?<=[\u4e00-\u9fff]))(?:hall[e]?|stand(?:-?nr\.?)?|booth|"
    r"pavilion|pavillon|展位号?|展台)\b\s*(?:no\.?|nr\.?|#)?\s*[:：]?\s*"
    r"[\w.\-/]*\d[\w.\-/]*.*$", re.IGNORECASE)
#: What :data:`_ANNOTATION`, :data:`_FORMERLY` and :data:`_TRADE_NAME` need in a name to match
#: (searching with them is the slow part, and most names hold none of these).
_ANNOTATION_HINTS = ("inh", "c/o", "hd.", "händen", "attn", "attention", "vormals",
                     "ehemals", "früher", "formerly", "previously", "anciennement", "antes",
                     "già", "liquidation", "administration", "receivership", "insolvenz",
                     "abwicklung", "/a", "dba", "d.b.a", "ing as", "ess as", "own as", "a.k.a",
                     "fka", "liquida", "likwid", "likvid", "vereffening", "unternehmen de",
                     "tochter", "member of", "subsidiary of", "division of", "company of",
                     "part of",
                     "aka", "nd als", "hall", "stand", "booth", "pavil", "展位", "展台")


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of ``words`` in a text, written as a tree of their letters
    ("a(?:ka|ttn|...)|b..."): at each place in the text the search tries one branch per
    letter, not every word (twice as fast as testing each word with ``in``)."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a word ends here: the longer ones hold it
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return re.compile(pattern(tree))


_ANNOTATION_HINT = _any_of(_ANNOTATION_HINTS)
#: The hints again for an ASCII text with single spaces (as :func:`clean_spaces` leaves it):
#: "aka" only after what comes before it in :data:`_TRADE_NAME` ("Osaka Trading" holds none),
#: and the spaced slashes and dots the patterns allow ("t/ a", "d. b. a."), which a name with
#: "aka" in a word was searched for.
_CLEAN_ANNOTATION_HINT = _any_of((*(hint for hint in _ANNOTATION_HINTS if hint != "aka"),
                                  " aka", ",aka", ";aka", "(aka", "/ a", "d. b", "b. a"))


#: An Italian partnership's partners after its sign, before or after its form, as the
#: register writes them: "Bar Centrale S.n.c. di Bianchi Luca & C.", "Trattoria da Mario di
#: Bianchi Mario & C. S.n.c." (lists write the sign and form: "Trattoria da Mario snc"). The
#: sign keeps two words at least ("Autofficina di Rossi Mario S.n.c." stays as it is).
_PARTNERS = re.compile(
    r"^(?P<sign>\S+(?:\s+\S+)+?)\s+(?:(?P<form>S\.?\s?n\.?\s?c\.?|S\.?\s?a\.?\s?s\.?)\s+di\s+\S.*"
    r"|di\s+[^,;()]+?\s*(?:&|\be\b)\s*C\.?\s+(?P<end>(?:S\.?\s?n\.?\s?c|S\.?\s?a\.?\s?s)\.?))$",
    re.IGNORECASE)


def _may_be_annotated(name: str, clean: bool = False) -> bool:
    """Whether an owner, an addressee, a former name or a listing can follow the name
    (``clean``: its spaces are as :func:`clean_spaces` leaves them)."""
    if ":" in name or "：" in name:
        return True
    lowered = name.lower()
    if _ANNOTATION_HINT.search(lowered) is None:
        return False
    return not (clean and name.isascii() and "  " not in name) or (
        _CLEAN_ANNOTATION_HINT.search(lowered) is not None)


#: A Chinese company's branch after its legal form: "华强电子有限公司北京分公司"; a Japanese
#: company's branch, office, division or plant after its form (not after a form that starts
#: the name: "株式会社X本店" is a name), as Japan Post lists them: "DIC株式会社 大阪支店",
#: "加賀電子（株）EMS事業部".
_CJK_BRANCH = re.compile(
    r"(?<=公司)[\u4e00-\u9fff]{0,8}(?:分公司|办事处|辦事處|分厂|分廠)$"
    r"|(?:(?<=.株式会社)|(?<=.有限会社)|(?<=.合同会社)|(?<=.\(株\))|(?<=.\(有\)))"
    r"\s*[^\s()]{0,30}?(?:支店|支社|営業所|出張所|事業所|事業部|本部|本社|本店|工場)$")
_MARKS = str.maketrans("", "", "™®©℠")


def _unmarked(raw: str) -> str:
    """``raw`` without marks, invisible characters, entities, markup and quotes around it."""
    # "Acme™": NFKC makes it "AcmeTM"
    return _unquoted(without_tags(plain_text(raw.translate(_MARKS))))
#: A name followed by itself in the other script, in brackets: "深圳华强电子有限公司 (Shenzhen
#: Huaqiang Electronics Co., Ltd.)" or the other way round.
_GLOSS = re.compile(r"\s*[(（]([^()（）]+)[)）]\s*$")
#: Legal forms written before the name ("PT Astra International", "ООО «Ромашка»"), followed
#: by a space. (Indonesia's "CV." only with its dot: "CV Library" is a name.)
LATIN_PREFIXES = (
    "PT", "PT.", "CV.", "OOO", "ООО", "ОАО", "ЗАО", "ПАО", "АО", "ТОО", "ИП",
    "Perseroan Terbatas", "PERSEROAN TERBATAS",  # Indonesia's "PT" spelled out
    # Romania's "S.C. Popescu S.R.L." (with its dots), Japan's form spelled out first
    "S.C.", "Kabushiki Kaisha",
    # Sweden's and Denmark's forms in the definite, as old companies are registered with them
    # first ("Aktiebolaget Volvo", "Aktiebolaget SKF", "Aktieselskabet Schouw & Co.")
    "Aktiebolaget", "AKTIEBOLAGET", "Aktieselskabet", "AKTIESELSKABET",
    "JSC", "PJSC", "OJSC", "CJSC",  # "PJSC Gazprom"
    # Vietnam: "Công ty TNHH" (limited liability), "Công ty Cổ phần" (joint stock), in the
    # cases lists print them, with and without their diacritics ("CONG TY TNHH SAN XUAT
    # THUONG MAI MINH LONG" in an English-language list); the longer forms first
    *sorted((f"{company} {form}" for company in (
        "Công ty", "Công Ty", "CÔNG TY", "Cong ty", "Cong Ty", "CONG TY") for form in (
        "TNHH Một Thành Viên", "TNHH một thành viên", "TNHH MỘT THÀNH VIÊN",
        "TNHH Mot Thanh Vien", "TNHH mot thanh vien", "TNHH MOT THANH VIEN", "TNHH MTV",
        "TNHH", "Cổ phần", "Cổ Phần", "CỔ PHẦN", "Co phan", "Co Phan", "CO PHAN", "CP")),
        key=len, reverse=True),
    "CTCP",
    "บริษัท",  # Thailand: "บริษัท ... จำกัด" (company ... limited)
    "شركة",  # Arabic names: "شركة المراعي" (company ...)
    # Lithuania; Ukraine ("ТОВ «Ромашка»": limited, joint-stock, private, sole trader)
    "UAB", "ТОВ", "ТзОВ", "ПАТ", "ПрАТ", "АТ", "ПП", "ФОП",
    # and as Ukrainian and Russian lists write them in Latin letters ('TOV "Roshen"', 'PAO
    # "Severstal"'; "PAO" before a quoted name only: "PAO DE ACUCAR" is bread)
    "TOV", "TzOV", "PrAT", "PAO",
    # France, where lists and registers print the form first ("SARL Dupont Frères"), as
    # written and as a title-case list writes it; "LLC" as the CIS translate theirs
    "SARL", "SASU", "EURL", "SELARL", "SELAS", "GAEC", "SCEA", "EIRL",
    "Sarl", "Sasu", "Eurl", "Selarl", "Selas", "Gaec", "Scea", "Eirl", "LLC",
    # Latvia, Estonia, Lithuania and Sweden; France's forms that are words or names too
    # ("SAS Institute", "SCI Systems"): before a quoted name only (see below)
    "SIA", "AS", "AB", "SAS", "SCI", "SNC", "SCP", "EARL", "SA",
)
#: Legal forms that are before the name only when a quoted name follows: 'SIA "Acme"',
#: 'AS "Acme"', 'SAS « Dupont »' ("AS Roma", "SIA Engineering", "AB Dick" and "SAS
#: Institute" are names).
_QUOTED_ONLY_PREFIXES = frozenset({"SIA", "AS", "AB", "SAS", "SCI", "SNC", "SCP", "EARL", "SA",
                                   "PAO"})
_SPACED_PREFIXES = tuple(prefix + " " for prefix in LATIN_PREFIXES)
#: Whether a name starts with one of :data:`_SPACED_PREFIXES` (a search of their letters' tree
#: tries one of them, ``startswith`` each of them).
_SPACED_PREFIX = _any_of(_SPACED_PREFIXES)
#: CJK legal forms, longest first; they attach to the name without a space.
CJK_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限責任公司", "有限公司",
    "株式会社", "有限会社", "合同会社", "合资会社", "合名会社", "（株）", "(株)",
    *JAPANESE_CORPORATIONS,
    "주식회사", "유한회사", "(주)", "（주）", "公司",
)
CJK_PREFIXES = ("株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "（株）",
                *JAPANESE_CORPORATIONS,
                "주식회사", "(주)", "（주）", "유한회사", "(유)", "（유）")

#: Words lists shorten or spell several ways in company names, keyed as one: "&", "und",
#: "u." as "and"; "Acme Mfg." = "Acme Manufacturing", "Smith Bros." = "Smith Brothers", "Gebr.
#: Müller" = "Gebrüder Müller", "Sankt Georg" = "St. Georg", "Centre" = "Center", "BBQ" =
#: "Barbeque" = "Barbecue". (Keyed, as :func:`key_tokens` writes them.)
_KEY_WORDS = {
    "&": "and", "und": "and", "et": "and", "y": "and", "+": "and", "u": "and",
    "e": "and", "en": "and", "og": "and", "och": "and", "i": "and",  # it/pt, nl, no/da, sv, pl
    "mfg": "manufacturing", "mfrs": "manufacturers", "intl": "international",
    "bros": "brothers", "assoc": "associates", "assocs": "associates", "mgmt": "management",
    "natl": "national", "svcs": "services", "grp": "group", "hldgs": "holdings",
    "engg": "engineering", "gebr": "gebruder", "sankt": "st", "saint": "st",
    # Indian lists: "Kaapro Mgt Solutions", "Orient Paper and Inds", "Life Insurance Corpn.
    # of India"
    "mgt": "management", "inds": "industry", "corpn": "corporation",
    # Portuguese "Companhia" as its short form "Cia." (and Spanish "Compañía") is keyed
    "companhia": "compania",
    # "Ets" (établissements), "F.lli" (fratelli), "Hnos." (hermanos), "Gebrs." (gebroeders)
    "ets": "etablissements", "etablissement": "etablissements", "flli": "fratelli",
    "hnos": "hermanos", "gebrs": "gebroeders",
    # "Cía." (compañía), "Zn." (zonen, sons)
    "cia": "compania", "zn": "zonen",
    # French "Cie" (compagnie) before the name: "Cie de Saint-Gobain"
    "cie": "compagnie",
    "centre": "center", "bbq": "barbecue", "barbeque": "barbecue",
    # Chinese and Hong Kong companies' English names: "Imp. & Exp.", "Tech", "Electronic"
    # and "Electronics" for one trade (the plural of a trade word as its singular)
    "imp": "import", "exp": "export", "tech": "technology", "technologies": "technology",
    "electronics": "electronic", "industries": "industry", "products": "product",
    "systems": "system", "solutions": "solution", "materials": "material",
    "chemicals": "chemical", "textiles": "textile", "garments": "garment",
    "plastics": "plastic", "machines": "machine",
    # Nigerian companies' "Nigeria" as lists shorten it: "Flour Mills of Nig. Plc"
    "nig": "nigeria",
    # India's honorific before a deity's or founder's name, spelled three ways ("Shree
    # Ganesh", "Shri Ganesh", "Sree Ganesh"); "Hwy" in a US firm's name ("Coastal Hwy Vet")
    "shree": "shri", "sree": "shri", "hwy": "highway",
    # the goddess's name as India spells it two ways ("Laxmi", "Lakshmi"); a dental office
    # named for its trade two ways ("Smile Bright Family Dental", "... Family Dentistry")
    "lakshmi": "laxmi", "laksmi": "laxmi", "dentistry": "dental", "dentist": "dental",
    "dentists": "dental",
}
_TRAILING = re.compile(r"[\s,;:\-–—&/+(]+$")
#: An "and" a legal form leaves behind when it takes only the "company" after it ("Pérez y"
#: of "Pérez y Cía Ltda", "Verulam and" of "Verulam and Co. Limited").
_DANGLING_AND = re.compile(r"\s+(?:y|and|und|et|e|en|u\.)$", re.IGNORECASE)
#: An article written after the name, as alphabetical directories do ("Tillerman, The",
#: "Brücke, Die"; "Tillerman the" where the comma was lost).
_INVERTED_ARTICLE = re.compile(
    r"^(?P<name>.*?\S)\s*(?:,\s*|\(\s*)"
    r"(?P<article>the|die|der|das|le|la|les|el|los|las|il|lo|gli|het)\s*\)?"
    r"$|^(?P<bare>.*?\S)\s+(?P<the>the)$", re.IGNORECASE)
_ARTICLES = frozenset("the die der das le la les el los las il lo gli het".split())
_LEADING = re.compile(r"^[\s,;:\-–—&/+)]+")
_MAX_TERM_TOKENS = 5


_SQUASHED = re.compile(r"[\s.,\-()]")


@lru_cache(maxsize=CACHE_SIZE)
def legal_form_key(text: str) -> str:
    """A legal-form term as we compare it: folded, no dots, commas, spaces or hyphens."""
    return _SQUASHED.sub("", fold(text))


@lru_cache(maxsize=1)
def _latin_terms() -> frozenset[str]:
    terms = {"".join(parts) for _, parts in prepare_default_terms()}
    terms.update(legal_form_key(form) for form in EXTRA_LEGAL_FORMS)
    # cleanco lists words that are company names in their own right more often than legal forms.
    terms -= {"", "and", "&", "group", "holding", "holdings", "the", "partners", "partner",
              # name words and surnames more often than forms: "Fitness Unlimited", "Food
              # Coop", "Elite PT", "Acme Ent", "Pizza Da", "Lee & Ong", "Tan & Teo LLP"
              "unlimited", "coop", "pt", "ent", "da", "ca", "ok", "et", "vat", "ong", "teo"}
    return frozenset(terms)


@lru_cache(maxsize=1)
def _latin_term_ends() -> frozenset[str]:
    """Every ending of a term of :func:`_latin_terms`, the empty one and the whole too."""
    return frozenset(term[start:] for term in _latin_terms() for start in range(len(term) + 1))


def _split_latin_suffix(name: str) -> tuple[str, str] | None:
    """Split the longest trailing run of words that forms a legal term, if any."""
    words = name.split(" ")
    top = min(_MAX_TERM_TOKENS, len(words) - 1)
    if top < 1:
        return None
    if not name.isascii():
        return _split_latin_suffix_general(words, top)
    # ASCII folds and squashes character by character, so a tail's squashed form is its
    # words' squashed forms joined: each word is squashed once (and memoized), not per tail.
    # Tails are tried shortest first: no longer one is a term once one ends no term.
    terms, ends = _latin_terms(), _latin_term_ends()
    found, tail = 0, ""
    for count in range(1, top + 1):
        tail = legal_form_key(words[-count]) + tail
        if tail not in ends:
            break
        if tail in terms:
            found = count
    if not found:
        return None
    return _unless_bracketed(" ".join(words[:-found]), " ".join(words[-found:]))


def _unless_bracketed(head: str, tail: str) -> tuple[str, str] | None:
    """``(head, tail)`` as a name and its legal form, or None when the form closes a bracket
    the name opened: "Acme GmbH (Beta AG)" names its parent there, and "AG)" is no form of
    "Acme GmbH (Beta"."""
    if ")" in tail and head.count("(") > head.count(")"):
        return None
    return head, tail.strip(" ,")


def _split_latin_suffix_general(words: list[str], top: int) -> tuple[str, str] | None:
    """:func:`_split_latin_suffix` for any text: each candidate tail squashed as a whole."""
    terms = _latin_terms()
    for count in range(top, 0, -1):
        tail = " ".join(words[-count:])
        if legal_form_key(tail.lstrip(",")) in terms:
            return _unless_bracketed(" ".join(words[:-count]), tail)
    return None


#: A bracketed qualifier after the legal form: "Acme GmbH (Germany)", "某某贸易有限公司（上海）".
_QUALIFIER = re.compile(r"\s*[(（][^()（）]{1,40}[)）]$")
#: A Malaysian company's register number in brackets after its legal form, as its letters
#: and lists print it: "(123456-A)", "(Co. No. 123456-X)", "(202001012345)".
_COMPANY_NUMBER = re.compile(
    r"[(（]\s*(?:(?:co(?:mpany)?\.?\s*)?(?:no|reg(?:istration)?)\.?\s*(?:no\.?)?\s*:?\s*)?"
    r"(?:\d{1,7}\s?-\s?[A-Z]|\d{12})\s*[)）]", re.IGNORECASE)


#: A site's or unit's code after a legal form: "Sunvim Group Co Ltd Mill 2", "Jingjiang
#: Knitting Co Ltd-2", "Makalot Garment Co. Ltd. - MK2", "Smart Shirts Limited KAT 1".
_SITE_CODES = tuple(re.compile(rf"(?:\s*[-–—]\s*|\s+){word}[^\W\d_]{{0,4}}\d{{1,3}}[^\W\d_]?$")
                    for word in ("", r"[^\W\d_]{1,12}\s+"))  # the code alone first ("Ltd B2")
#: The code those patterns end in, after a space or a dash: searched from the last few
#: characters only, it rules most names out quickly ("Tako Stone 10837 S.r.l." has none).
_SITE_CODE_END = re.compile(r"(?:^|(?<=[\s\-–—]))[^\W\d_]{0,4}\d{1,3}[^\W\d_]?$")


def _strip_legal_form(name: str) -> tuple[str, list[str]]:
    """The name without its legal forms, and the forms (a qualifier in brackets after them
    stays with the name: "Acme GmbH (Germany)" -> "Acme (Germany)", "GmbH"; so does a site's
    code: "Sunvim Group Co Ltd Mill 2" -> "Sunvim Group Mill 2", "Co Ltd", which tells two
    mills apart as numbered otherwise)."""
    display, forms = _strip_forms(name)
    # (also before a form that ends the name, whatever form comes before the code: "Acme
    # GmbH 24 AG", "Acme Besloten Vennootschap 2 BV", as read again)
    if coded := _without_forms_before_code(display):
        return coded[0], coded[1] + forms
    if forms or not (qualifier := _QUALIFIER.search(name)):
        return display, forms
    head, forms = _strip_forms(name[:qualifier.start()])
    if not forms:
        return display, forms
    if _COMPANY_NUMBER.fullmatch(qualifier.group().strip()):
        return head, forms  # "Acme Sdn. Bhd. (123456-A)": its register number, no qualifier
    glue = "" if has_cjk(head[-1:]) else " "
    return head + glue + qualifier.group().strip(), forms


def _without_forms_before_code(display: str) -> tuple[str, list[str]] | None:
    """``display`` without the legal forms before a site's code at its end, and the forms
    (read until none is left: "Acme GmbH Mill Ltd 2" -> "Acme GmbH Mill 2" -> "Acme Mill
    2"), or None when it has none."""
    forms: list[str] = []
    while (display[-1:].isdigit() or display[-2:-1].isdigit()) and _SITE_CODE_END.search(
            display, max(0, len(display) - 9)) and (
            _without_branch(display) == display):  # (a branch, "GmbH Werk 2", is the company's)
        for pattern in _SITE_CODES:
            site = pattern.search(display)
            if site and site.start() > 0:
                head, more = _strip_forms(display[:site.start()])
                if more:
                    display, forms = f"{head} {site.group().strip(' -–—')}", more + forms
                    break
        else:
            break
    return (display, forms) if forms else None


#: A German legal form joined to the word before by a hyphen: "Acme Verwaltungs-GmbH",
#: "Müller Beteiligungs-GmbH & Co. KG", "Nord Immobilien-AG".
_HYPHENATED_FORM = re.compile(r"(?<=[^\W\d_])-(?=(?:g?GmbH|AG|KG|UG|mbH)\b)")
#: "Co., Ltd." joined to the word before by a dot, as exporters' lists type it: "Nantong
#: Hengkang Textile.co.Ltd", "GARMENT IND.CO.LTD".
_DOTTED_FORM = re.compile(r"(?<=[^\W\d_])\.(?=co\.?,?\s?ltd\.?$)", re.IGNORECASE)


#: A Brazilian micro or small company's mark after a dash, its only form on the register when
#: it is a sole trader's: "J F DA SILVA TRANSPORTES - ME", "Padaria Boa Vista - EPP".
_BR_SIZE = re.compile(r"\s+[-–]\s*(ME|EPP)$")


_KEYED_ASCII = re.compile(r"[A-Za-z0-9&]")


def _has_key(text: str) -> bool:
    """Whether :func:`key_tokens` finds a token in ``text``: in an ASCII text, whether it
    holds a letter, a digit or "&" (without folding and splitting it)."""
    if text.isascii():
        return _KEYED_ASCII.search(text) is not None
    return bool(key_tokens(text))


def _strip_forms(name: str) -> tuple[str, list[str]]:
    prefixes: list[str] = []
    forms: list[str] = []
    if name.endswith(("ME", "EPP")) and (size := _BR_SIZE.search(name)) and (
            _split_latin_suffix(name) is None) and _has_key(name[:size.start()]):
        forms.append(size.group(1))
        name = name[:size.start()]
    changed = True
    # Every CJK form holds a non-ASCII character: an ASCII name cannot start or end with one.
    cjk = not name.isascii()
    while changed:
        changed = False
        # (again after each form: "Acme.co.Ltd Ltd.", "Acme Verwaltungs-GmbH有限公司")
        if "-" in name:
            name = _HYPHENATED_FORM.sub(" ", name)
        if "." in name and "ltd" in name[-5:].lower():  # (the pattern ends in "Ltd.")
            name = _DOTTED_FORM.sub(" ", name)
        for prefix in CJK_PREFIXES if cjk else ():
            rest = _LEADING.sub("", name[len(prefix):]) if name.startswith(prefix) else ""
            if rest:
                forms.insert(0, prefix)
                name, changed = rest, True
                break
        for suffix in CJK_SUFFIXES if cjk else ():
            rest = _TRAILING.sub("", name[: -len(suffix)]) if name.endswith(suffix) else ""
            if rest:
                forms.insert(0, suffix)
                name, changed = rest, True
                break
        for prefix in LATIN_PREFIXES if _SPACED_PREFIX.match(name) else ():
            if name.startswith(prefix + " ") and _has_key(name[len(prefix) + 1:]) and (
                    prefix not in _QUOTED_ONLY_PREFIXES
                    or name[len(prefix) + 1:].lstrip()[:1] in _QUOTES):
                prefixes.append(prefix)
                name, changed = _unquoted(name[len(prefix) + 1:].lstrip()), True
                break
        split = _split_latin_suffix(name)
        if split:
            head = _TRAILING.sub("", _DANGLING_AND.sub("", split[0]))
            if head and _has_key(head):
                forms.insert(0, split[1])
                name, changed = head, True
    return name, prefixes + forms


#: Opening quotes and the quotes that close them.
_QUOTES = {"«": "»", "„": "“”", "“": "”", '"': '"', "'": "'", "「": "」", "《": "》"}


def _unquoted(name: str) -> str:
    """``name`` without quotes around all of it: '"Acme GmbH"', "„Acme GmbH“", "«Ромашка»"
    (also after its "ООО"); not '"Acme" und "Beta"', whose quotes are two names'."""
    stripped = name.strip()
    close = _QUOTES.get(stripped[:1])
    if close and len(stripped) > 2 and stripped[-1] in close:
        inner = stripped[1:-1]
        if key_tokens(inner) and not any(quote in inner for quote in (stripped[0], *close)):
            return inner.strip()
    return name


#: A label before the name, as a page or a list cell prints it: "Firma: Acme GmbH", "公司名称：…".
_NAME_LABEL = re.compile(
    r"^(?:firma|firmenname|unternehmen|aussteller|company(?:\s+name)?|exhibitor|name|"
    r"raison\s+sociale|empresa|ragione\s+sociale|公司名称|公司|企业名称|单位名称|厂商名称)"
    r"\s*[:：]\s*", re.IGNORECASE)


#: "Firma" or "Fa." before a German company's name, as letters and lists address it ("Firma
#: Müller GmbH"), and "M/s." ("Messrs.") before an Indian one ("M/s. Sharma Traders Pvt.
#: Ltd."): no part of the name.
_FIRMA = re.compile(r"^(?:firma|fa\.|m/s\b\.?|messrs\b\.?)\s*(?<=[\s.])\s*(?=\S)",
                    re.IGNORECASE)
_FIRMA_STARTS = ("fi", "fa", "m/", "me")


def _without_annotations(name: str) -> str:
    """``name`` without a label before it, an owner or addressee after it and its
    other-script form in brackets (kept when nothing would be left)."""
    while (":" in name or "：" in name) and (label := _NAME_LABEL.match(name)) and key_tokens(
            name[label.end():]):
        name = name[label.end():]
    while name[:2].lower() in _FIRMA_STARTS and (firma := _FIRMA.match(name)) and key_tokens(
            name[firma.end():]) and legal_form_key(name[firma.end():]) not in _latin_terms():
        name = name[firma.end():]  # ("Firma GmbH" stays: a legal form alone is no name)
    if not name.isascii() and (cjk := _CJK_BRANCH.search(name)):
        name = name[:cjk.start()]  # "华强电子有限公司北京分公司": before its legal form is read
    for pattern in (_BOOTH, _ANNOTATION, _FORMERLY, _TRADE_NAME) if _may_be_annotated(
            name, clean=True) else ():
        annotation = pattern.search(name)
        if annotation and annotation.start() > 0:
            head = _TRAILING.sub("", name[:annotation.start()])
            trade = annotation["trade"] if pattern is _TRADE_NAME else ""
            if (key_tokens(trade) and legal_form_key(head) in _latin_terms()
                    and legal_form_key(trade) not in _latin_terms()):
                # a form alone before it: "LLC d/b/a Joe's Pizza"; before the seat after it
                # ("LLC dba Joe's Pizza, Berlin" is Joe's Pizza LLC, Berlin)
                seat = _SEAT.search(trade) if "," in trade or " - " in trade else None
                at = seat.start() if seat and seat.start() > 0 else len(trade)
                name = f"{trade[:at]} {head}{trade[at:]}"
            elif key_tokens(head):
                # The legal form after an owner is the company's: "Acme Inh. Hans Müller
                # e.K." (after "c/o Regus GmbH" it is the host's)
                owner = annotation.group().strip(" ,;")
                owner_form = (_split_latin_suffix(owner) if pattern is _ANNOTATION
                              and owner[:3].lower() == "inh" else None)
                name = f"{head} {owner_form[1]}" if owner_form else head
    if " di " in name.lower() and (partners := _PARTNERS.match(name)):
        name = f"{partners['sign']} {partners['form'] or partners['end']}"
    gloss = _gloss(name)
    if gloss:
        name = _TRAILING.sub("", name[:gloss.start()]) or name[:gloss.start()]
    return name


def _without_branch(name: str) -> str:
    """``name`` without the branches after it (see :data:`_BRANCH`)."""
    while (shorter := _without_last_branch(name)) != name:
        name = shorter
    return name


#: What :data:`_BRANCH` needs in a name to match (its search is the slow part).
_BRANCH_HINTS = ("niederlassung", "filiale", "zweig", "werk", "standort", "geschäftsstelle",
                 "büro", "branch", "office", "succursale", "agence", "sucursal", "delegación",
                 "filial", "oddział", "pobočka", "složka", "hauptsitz", "zentrale",
                 "hauptverwaltung", "firmensitz", "headquarters", "hq", "siège", "sede")
_BRANCH_HINT = _any_of(_BRANCH_HINTS)


#: A town after a legal form and a comma, the company's seat: "Acme GmbH, Berlin", "Acme
#: GmbH, 10115 Berlin".
_SEAT = re.compile(
    r"(?:,|\s+[-–—]\s+)\s*(?:\d{4,5}\s+)?(?P<place>[^\W\d_]+(?:[ .'-]+[^\W\d_]+){0,2})"
    r"\.?\s*$")


#: A town after a former Yugoslav country's legal form with its dots, no comma between, as
#: registers there write the seat: "NIS a.d. Novi Sad", "Krka d.d. Novo mesto", "Acme d.o.o.
#: Beograd", "Нафтна индустрија Србије а.д. Нови Сад".
_SEAT_AFTER_FORM = re.compile(
    r"(?<=\s)(?P<form>d\.\s?o\.\s?o\.|a\.\s?d\.|d\.\s?d\.|д\.\s?о\.\s?о\.|а\.\s?д\.|д\.\s?д\.)\s+"
    r"[^\W\d_]+(?:[ '-]+[^\W\d_]+){0,2}\s*$", re.IGNORECASE)


def _without_last_branch(name: str) -> str:
    if not name.isascii() and (cjk := _CJK_BRANCH.search(name)):
        return name[:cjk.start()]
    if ("," in name or " - " in name or "–" in name or "—" in name) and (
            seat := _SEAT.search(name)) and seat.start() > 0:
        head = name[:seat.start()].rstrip()
        if (_split_latin_suffix(head) is not None
                and _split_latin_suffix(f"Acme {seat['place']}") is None):  # no form itself
            return head
    if _BRANCH_HINT.search(name.lower()) is None:
        return name
    position = 0
    while (branch := _BRANCH.search(name, position)) is not None:
        head = _TRAILING.sub("", name[:branch.start()])
        # A separator, or a space after a legal form; a hyphen or slash inside a word
        # ("Ingenieur-Büro Schmidt", "Holz-Werk") joins it, after a legal form too.
        if branch.start() > 0 and _has_key(head) and (
                (branch["sep"].strip() and branch["sep"] not in ("-", "/"))
                or _split_latin_suffix(head) is not None):
            return head
        position = branch.start() + 1
    return name


def _uninverted(name: str) -> str:
    """"Tillerman, The" -> "The Tillerman"."""
    match = _INVERTED_ARTICLE.match(name)
    if match is None:
        return name
    head = key_tokens(match["name"] or match["bare"])
    if not head or head[0] in _ARTICLES:
        return name  # ":, IL" has no name; "The Tillerman, The" has its article in front
    if match["name"]:
        return f"{match['article']} {_TRAILING.sub('', match['name'])}"
    return f"{match['the']} {_TRAILING.sub('', match['bare'])}"


def without_place(display_name: str, places: tuple[str, ...], street: str | None = None,
                  ) -> str | None:
    """The match key of ``display_name`` without a place in brackets after it that is one of
    ``places`` (city keys) or is in ``street`` (its key): "Coyote Cafe (Las Vegas)" in Las
    Vegas is "coyote cafe", "Starbucks (Union Square)" at 10 Union Square East "starbucks";
    None when it has no such place."""
    if ")" not in display_name and "）" not in display_name:
        return None  # (most names: no search)
    gloss = _GLOSS.search(display_name)
    if gloss is None or gloss.start() == 0:
        return None
    if city_key(gloss.group(1)) not in places and not (
            street and (words := street_key(gloss.group(1))) and set(words.split()).issubset(
                street.split())):
        return None
    return name_key(_uninverted(_TRAILING.sub("", display_name[:gloss.start()]))) or None


def _gloss(name: str) -> re.Match[str] | None:
    if not name.endswith((")", "）")):
        return None
    gloss = _GLOSS.search(name)
    if gloss and gloss.start() > 0 and name[gloss.start():].strip() not in CJK_SUFFIXES:
        head = name[:gloss.start()]
        if has_cjk(head) != has_cjk(gloss.group(1)) and key_tokens(head) and key_tokens(
                gloss.group(1)):
            return gloss
    return None


def trade_name(raw: str) -> str | None:
    """The trade name given after the company's name: "Acme Tools" for "Acme Inc. d/b/a Acme
    Tools"; None when there is none."""
    return _name_after(raw, _TRADE_NAME, "trade")


def former_name(raw: str) -> str | None:
    """The former name given after the company's name: "Granite State Plastics" for
    "Evergreen Molding Inc. (fka Granite State Plastics)", "Beta GmbH" for "Acme GmbH
    (vormals Beta GmbH)"; None when there is none. An old list has the company under it."""
    return _name_after(raw, _FORMER_NAME, "former")


def _name_after(raw: str, pattern: re.Pattern[str], group: str) -> str | None:
    """The name ``pattern``'s ``group`` finds after a company's name in ``raw``, or None."""
    if not _may_be_annotated(raw):
        return None
    found = pattern.search(clean_spaces(raw))
    if found is None or found.start() == 0 or not key_tokens(found[group]):
        return None
    return found[group]


#: A former name after the company's name, in brackets or not (see :data:`_FORMERLY`).
_FORMER_NAME = re.compile(
    rf"(?:\s+|\s*[(（\[]\s*)(?:{_FORMER_WORDS})(?![\w/])[.:]?\s*"
    r"(?P<former>[^()（）\[\]]+?)\s*[)）\]]?\s*$", re.IGNORECASE)


def other_script_name(raw: str) -> str | None:
    """The company's name in the other script, when ``raw`` gives it in brackets after its
    name: "Shenzhen Huaqiang Electronics Co., Ltd." for "深圳华强电子有限公司 (Shenzhen
    Huaqiang Electronics Co., Ltd.)"; matching compares both."""
    if raw.isascii():
        return None  # one of the two names is CJK (and a profile asks this of every lead)
    gloss = _gloss(clean_spaces(raw).rstrip())
    return gloss.group(1).strip() if gloss else None


#: India written "(I)" in Indian companies' names: "Apigee Technologies (I) Pvt Ltd" (a
#: bare "i" is "and" in Polish and Catalan, or a numeral).
_INDIA = re.compile(r"\(I\)")


#: Chinese exporters' "I/E" for "Import and Export" ("Shanghai Yuanda Textile I/E Corp").
_IMPORT_EXPORT = re.compile(r"(?<!\w)I\s*/\s*E(?!\w)", re.IGNORECASE)


def name_key(text: str) -> str:
    """The match key of a (legal-form-free) name."""
    if "(I)" in text:
        text = _INDIA.sub(" India ", text)
    if "/" in text and (found := _IMPORT_EXPORT.search(text)):
        text = f"{text[:found.start()]} Import and Export {text[found.end():]}"
    words = key_tokens(text.replace("&", " & "))
    tokens = [_KEY_WORDS.get(token, token) for token in words]
    if len(tokens) > 1 and tokens[-1] == "and" and words[-1] == "i":
        tokens[-1] = "i"  # a numeral, not Polish or Catalan "and": "Brazil Shipping I"
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    elif len(tokens) > 2 and tokens[0] == "tap" and tokens[1] == "doan":
        # Vietnamese "Tập đoàn Hòa Phát" is "Hoa Phat Group" in English: keyed as it
        tokens = [*tokens[2:], "group"]
    return " ".join(tokens)


@lru_cache(maxsize=CACHE_SIZE)
def normalize_name(raw: str) -> NameParts:
    """Split ``raw`` into display name, match key and legal form.

    ``normalize_name(parts.display_name)`` gives the same display name and key again: what
    one reading leaves is read again until nothing changes ("Acme The GmbH" -> "Acme The" ->
    "The Acme"), at most a few times. A text longer than a lead's name can be is not read for
    forms and annotations (that takes time in the square of its forms: region guessing and a
    legal form column read cells before a too long name is rejected)."""
    if len(raw) > NAME_MAX_LENGTH and len(text := clean_spaces(raw)) > NAME_MAX_LENGTH:
        return NameParts(text, name_key(text) or fold(text), None)
    parts, changed = _read_name(raw)
    for _ in range(3):
        if not changed or _settled(parts.display_name):
            break
        again, changed = _read_name(parts.display_name)
        if again[:2] == parts[:2]:
            break
        forms = " ".join(form for form in (again.legal_form, parts.legal_form) if form)
        parts = NameParts(again.display_name, again.name_key, forms or None)
    return parts


_PLAIN = re.compile(r"[A-Za-z0-9&'. -]*[A-Za-z0-9]")
#: Indonesia's "PT" after the name and a comma, as directories sort names: "Astra
#: International Tbk, PT".
_INVERTED_PT = re.compile(r"^(.*\w.*?)\s*,\s*PT\.?$")


def _settled(display: str) -> bool:
    """Whether a reading's display name is surely read as itself again, so the second
    reading (a fifth of an import's normalizing time) can be skipped: plain words (no comma,
    colon or bracket), no article first or last, and no word an owner, a former name or a
    listing follows (" vormals The" -> "The vormals"; "Acme vormals有限公司" -> "Acme
    vormals": both are read again), no "Firma" first that a form before it hid ("SARL
    Firma Acme" -> "Firma Acme" -> "Acme"), and no form written first that punctuation hid
    ("Kabushiki Kaisha: S.A. 2" -> "Kabushiki Kaisha 2" -> "2")."""
    if not _PLAIN.fullmatch(display) or _may_be_annotated(display, clean=True) or (
            display[:2].lower() in _FIRMA_STARTS and _FIRMA.match(display)) or (
            _SPACED_PREFIX.match(display)):
        return False
    words = display.lower().split()
    return words[0] not in _ARTICLES and words[-1] not in _ARTICLES


def _read_name(raw: str) -> tuple[NameParts, bool]:
    """One reading of a name, and whether it changed the text (a reading of text it leaves
    as it is gives the same again)."""
    raw = _unmarked(raw)
    cleaned = _TRAILING.sub("", clean_spaces(raw)) or clean_spaces(raw)
    cleaned = _uninverted(_without_annotations(cleaned))
    if cleaned.endswith(("PT", "PT.")) and (inverted := _INVERTED_PT.match(cleaned)):
        cleaned = f"PT {inverted.group(1)}"  # "Astra International Tbk, PT" (a directory's)
    if "." in cleaned and (seat := _SEAT_AFTER_FORM.search(cleaned)):
        cleaned = cleaned[:seat.end("form")]  # "NIS a.d. Novi Sad": the seat after the form
    # A bracketed legal form glued to the name ("Acme(GmbH)") is still a suffix.
    display, forms = _strip_legal_form(cleaned)
    # A branch after the name, before or after its legal form ("Acme GmbH - Niederlassung
    # Berlin", "Acme (UK Branch) Ltd"): taken off, and the legal form it exposes too.
    while (shorter := _without_branch(display)) != display:
        display, more = _strip_legal_form(shorter)
        forms = more + forms
    key = name_key(display) or name_key(cleaned) or fold(cleaned)
    # (a form after a dash is the form alone: "Acme - GmbH" is "Acme", "GmbH")
    forms = [form.lstrip(_FORM_SEPARATORS) for form in forms]
    return NameParts(display, key, " ".join(forms) if forms else None), display != raw


#: What may stand between a name and its legal form ("Acme - GmbH", "Acme – Lda.").
_FORM_SEPARATORS = " -–—,;:|/"


def clear_caches() -> None:
    """Forget every memoized name (tests compare cold and warm runs)."""
    normalize_name.cache_clear()
    legal_form_key.cache_clear()
