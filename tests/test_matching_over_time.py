"""One company over time on two lists, and businesses that follow each other, as a table: the
United States, Great Britain, Germany, the Netherlands, China and Australia.

Each pair of one company is an old list's record and a newer list's record of a company that
changed in between: it moved (a new street and postal code in the same or a nearby town, the
same phone or website), it was renamed (a new name, the same website or e-mail domain, phone
and address: Hoffmann Antriebstechnik GmbH as HAT Drives GmbH, Daimler AG as Mercedes-Benz
Group AG), it changed its legal form (GmbH as GmbH & Co. KG, Ltd as plc, B.V. as N.V. after an
IPO, Pty Ltd as Limited, 有限公司 as 股份有限公司), it took a new phone number or moved its
website to a new domain, it was renamed after an acquisition ("Beta Sensors Ltd, an Acme
company") or is listed under a new name with its former one ("vormals", "voorheen",
"formerly", "fka", 原). Both lists write the company their own way: legal form spelled out,
shortened or dropped, capitals, diacritics, street words shortened, postal codes with or
without the state or a space, phones in national or international form. A pair of two
companies ("two") is one a careless matcher would glue: a new business at the old one's
address (a restaurant replaced by another, a shop taken over), the company that bought a
product line from another, two successive tenants of one office suite, a company and its
spin-off, a bankrupt company and its successor with a similar name. Each pair is imported into
a fresh SQLite database through the ingestor, as two lists' rows are, and the companies it
ends in are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pair_table import (
    CountryPair,
    Rec,
    assert_decided,
    assert_floors,
    country_scores,
    one,
    print_country_table,
    two,
    with_limits,
)

PAIRS = [
    # --- United States
    # moved to a nearby town, same phone and website
    one("US", Rec("Cascade Precision Machining, Inc.", "Portland", "(503) 281-4470",
                  "cascadeprecision.com", street="2215 NE Columbia Blvd", postal="97211"),
        Rec("Cascade Precision Machining", "Gresham", "503-281-4470",
            "www.cascadeprecision.com", street="1840 NW Eleven Mile Ave", postal="97030")),
    # renamed: same website, phone and suite
    one("US", Rec("Smith & Jones Engineering LLC", "Columbus", "(614) 442-1180", "sjeng.com",
                  street="4400 Easton Commons, Suite 210", postal="43219",
                  email="info@sjeng.com"),
        Rec("SJE Consulting Group", "Columbus", "614.442.1180", "https://www.sjeng.com",
            street="4400 Easton Commons Ste 210", postal="43219-6203")),
    # legal form: Inc. to LLC
    one("US", Rec("Blue Ridge Analytics, Inc.", "Charlotte", "(704) 338-9021",
                  "blueridgeanalytics.com", street="301 S Tryon Street, Suite 1500",
                  postal="28202"),
        Rec("Blue Ridge Analytics LLC", "Charlotte", "+1 704 338 9021", "blueridgeanalytics.com",
            street="301 South Tryon St., Ste. 1500", postal="28202")),
    # renamed, new domain: same phone and address
    one("US", Rec("Facebook, Inc.", "Menlo Park", "(650) 543-4800", "facebook.com",
                  street="1 Hacker Way", postal="94025"),
        Rec("Meta Platforms, Inc.", "Menlo Park", "+1 650-543-4800", "meta.com",
            street="1 Hacker Way", postal="94025-1456")),
    # a new phone number
    one("US", Rec("Lone Star Hydraulics Co.", "Houston", "(713) 921-5540",
                  "lonestarhydraulics.com", street="8110 Kempwood Dr", postal="77055"),
        Rec("Lone Star Hydraulics", "Houston", "(832) 604-7718", "www.lonestarhydraulics.com",
            street="8110 Kempwood Drive", postal="77055")),
    # a new website domain, same name and phone
    one("US", Rec("Acme Tool & Die Corporation", "Cleveland", "(216) 361-2290",
                  "acmetoolanddie.com", street="3520 Hamilton Ave", postal="44114"),
        Rec("Acme Tool and Die Corp.", "Cleveland", "216-361-2290", "acmetool.com")),
    # renamed after an acquisition
    one("US", Rec("Northfield Sensors, Inc.", "Plymouth", "(612) 378-1402",
                  "northfieldsensors.com", street="2900 Harbor Ln N", postal="55447"),
        Rec("Northfield Sensors, a Keller Controls Company", "Plymouth", "+1 (612) 378-1402",
            "northfieldsensors.com", street="2900 Harbor Lane North", postal="55447")),
    # listed with its former name (fka)
    one("US", Rec("Granite State Plastics, Inc.", "Manchester", "(603) 625-8841",
                  "gsplastics.com", street="155 Dow St", postal="03101"),
        Rec("Evergreen Molding Inc. (fka Granite State Plastics)", "Manchester", "603-625-8841",
            "evergreenmolding.com", street="155 Dow Street", postal="03101")),
    # a restaurant replaced by another at the same address
    two("US", Rec("Luigi's Trattoria", "Chicago", "(312) 944-2213", "luigistrattoria.com",
                  street="1120 N State St", postal="60610"),
        Rec("Sakura Ramen House", "Chicago", "(312) 787-6650", "sakuraramenchicago.com",
            street="1120 N. State Street", postal="60610")),
    # the company that bought a product line from the other
    two("US", Rec("Midwest Pump Systems, Inc.", "Milwaukee", "(414) 645-2210", "midwestpump.com",
                  street="5300 S Packard Ave", postal="53207"),
        Rec("Badger Pump Systems LLC", "Waukesha", "(262) 542-7730", "badgerpumpsystems.com",
            street="1200 Sunset Dr", postal="53189")),
    # two successive tenants of one office suite
    two("US", Rec("Pinnacle Wealth Advisors LLC", "Denver", "(303) 292-4410",
                  "pinnaclewealthco.com", street="1600 Stout St, Suite 1400", postal="80202"),
        Rec("Summit Legal Partners PC", "Denver", "(720) 441-3380", "summitlegalpartners.com",
            street="1600 Stout Street Ste 1400", postal="80202")),
    # a company and its spin-off
    two("US", Rec("Orion Data Systems, Inc.", "Austin", "(512) 835-2200", "oriondata.com",
                  street="9600 Great Hills Trl", postal="78759"),
        Rec("Orion Labs Inc.", "Austin", "(512) 693-4471", "orionlabs.ai",
            street="500 W 2nd St", postal="78701")),
    # --- Great Britain
    # moved to a nearby town, same phone and website
    one("GB", Rec("Pennine Laser Cutting Ltd", "Huddersfield", "01484 530 771",
                  "penninelaser.co.uk", street="Unit 4, Colne Bridge Road", postal="HD5 0RH"),
        Rec("Pennine Laser Cutting Limited", "Brighouse", "+44 1484 530771",
            "www.penninelaser.co.uk", street="Unit 12 Armytage Road Industrial Estate",
            postal="HD6 1QF")),
    # renamed: same website, e-mail domain, phone and address
    one("GB", Rec("Smith & Jones Ltd", "Leeds", "0113 245 6110", "sjengineering.co.uk",
                  street="14 Wellington Street", postal="LS1 4DL",
                  email="enquiries@sjengineering.co.uk"),
        Rec("SJ Engineering Ltd", "Leeds", "0113 2456110", "sjengineering.co.uk",
            street="14 Wellington St", postal="LS14DL")),
    # legal form: Limited to plc after a listing
    one("GB", Rec("Thames Valley Biologics Limited", "Reading", "0118 975 2200",
                  "tvbiologics.com", street="Green Park, 400 Longwater Avenue",
                  postal="RG2 6GP"),
        Rec("Thames Valley Biologics plc", "Reading", "+44 (0)118 975 2200", "tvbiologics.com",
            street="400 Longwater Ave, Green Park", postal="RG2 6GP")),
    # renamed, listed with its former name
    one("GB", Rec("CGNU plc", "London", "020 7283 2000", "cgnu.com",
                  street="St Helen's, 1 Undershaft", postal="EC3P 3DQ"),
        Rec("Aviva plc (formerly CGNU plc)", "London", "+44 20 7283 2000", "aviva.com",
            street="St. Helen's, 1 Undershaft", postal="EC3P3DQ")),
    # a new phone number
    one("GB", Rec("Hallam Joinery Ltd", "Sheffield", "0114 272 1189", "hallamjoinery.co.uk",
                  street="27 Sidney Street", postal="S1 4RG"),
        Rec("HALLAM JOINERY LTD", "Sheffield", "0114 399 0472", "www.hallamjoinery.co.uk",
            street="27 Sidney St", postal="S1 4RG")),
    # a new website domain, same name and phone
    one("GB", Rec("Brightwater Marine Services Ltd", "Southampton", "023 8063 4410",
                  "brightwater-marine-services.co.uk", street="Ocean Village, 3 Channel Way",
                  postal="SO14 3TG"),
        Rec("Brightwater Marine Services", "Southampton", "+44 23 8063 4410",
            "brightwatermarine.com")),
    # renamed after an acquisition
    one("GB", Rec("Beta Sensors Ltd", "Cambridge", "01223 421 900", "betasensors.co.uk",
                  street="Unit 7, Cambridge Science Park, Milton Road", postal="CB4 0FZ"),
        Rec("Beta Sensors Ltd, an Acme company", "Cambridge", "01223 421900",
            "betasensors.co.uk", street="Unit 7 Cambridge Science Park Milton Rd",
            postal="CB4 0FZ")),
    # legal form: a partnership to an LLP
    one("GB", Rec("Whitfield & Rowe", "Norwich", "01603 620 418", "whitfieldrowe.co.uk",
                  street="9 Upper King Street", postal="NR3 1RB"),
        Rec("Whitfield & Rowe Solicitors LLP", "Norwich", "01603 620418", "whitfieldrowe.co.uk",
            street="9 Upper King St", postal="NR3 1RB")),
    # a shop taken over under a new name, with a new phone
    two("GB", Rec("The Corner Bakehouse", "Bristol", "0117 924 3381", "cornerbakehouse.co.uk",
                  street="52 Gloucester Road", postal="BS7 8BH"),
        Rec("Gloucester Road Bakery Ltd", "Bristol", "0117 942 7765", "grbakery.co.uk",
            street="52 Gloucester Rd", postal="BS7 8BH")),
    # a company in administration and its successor with a similar name
    two("GB", Rec("Harrington Print Ltd", "Leicester", "0116 253 0091", "harringtonprint.co.uk",
                  street="Frog Island, 40 Northgate Street", postal="LE3 5BY"),
        Rec("Harrington Print (2019) Ltd", "Leicester", "0116 478 2210",
            "harringtonprint2019.co.uk", street="Unit 3 Troon Way Business Centre",
            postal="LE4 9HA")),
    # a company and its spin-off
    two("GB", Rec("Oxford Quantum Instruments Ltd", "Oxford", "01865 393 200", "oqi.co.uk",
                  street="Unit 2, Oxford Science Park, Robert Robinson Avenue",
                  postal="OX4 4GA"),
        Rec("OQI Cryogenics Ltd", "Oxford", "01865 987 410", "oqicryo.com",
            street="Begbroke Science Park, Begbroke Hill", postal="OX5 1PF")),
    # two successive tenants of one office suite
    two("GB", Rec("Lumen Recruitment Ltd", "Manchester", "0161 832 4400",
                  "lumenrecruitment.co.uk", street="Suite 5.02, 1 Spinningfields Square",
                  postal="M3 3AP"),
        Rec("Northern Quarter Analytics Ltd", "Manchester", "0161 504 2277", "nqanalytics.co.uk",
            street="Suite 5.02, 1 Spinningfields", postal="M3 3AP")),
    # --- Germany
    # moved to a nearby town, same phone and website
    one("DE", Rec("Schreinerei Weber GmbH", "Freiburg im Breisgau", "0761 4589120",
                  "schreinerei-weber.de", street="Lehener Straße 88", postal="79106"),
        Rec("Schreinerei Weber", "Gundelfingen", "+49 761 4589120", "www.schreinerei-weber.de",
            street="Gewerbestr. 14", postal="79194")),
    # renamed: same website, e-mail domain, phone and address
    one("DE", Rec("Hoffmann Antriebstechnik GmbH", "Bielefeld", "0521 9647 30", "hat-drives.de",
                  street="Eckendorfer Straße 91", postal="33609", email="info@hat-drives.de"),
        Rec("HAT Drives GmbH", "Bielefeld", "+49 521 964730", "hat-drives.de",
            street="Eckendorfer Str. 91", postal="33609")),
    # legal form: GmbH to GmbH & Co. KG
    one("DE", Rec("Krämer Logistik GmbH", "Duisburg", "0203 7285 410", "kraemer-logistik.de",
                  street="Hafenstraße 23", postal="47119"),
        Rec("Kraemer Logistik GmbH & Co. KG", "Duisburg", "0203 7285410",
            "www.kraemer-logistik.de", street="Hafenstr. 23", postal="47119")),
    # renamed, new domain: same phone and address
    one("DE", Rec("Daimler AG", "Stuttgart", "+49 711 17-0", "daimler.com",
                  street="Mercedesstraße 120", postal="70372"),
        Rec("Mercedes-Benz Group AG", "Stuttgart", "0711 170", "group.mercedes-benz.com",
            street="Mercedesstr. 120", postal="70372"),
        limit="a renamed company on a new domain, its former name not given: names unlike and"
              " two websites, so the shared line and address go to review"),
    # a new phone number
    one("DE", Rec("Elektro Brandt GmbH", "Kiel", "0431 5601 22", "elektro-brandt-kiel.de",
                  street="Holtenauer Straße 180", postal="24105"),
        Rec("Elektro Brandt GmbH", "Kiel", "0431 98 29 770", "elektro-brandt-kiel.de",
            street="Holtenauer Str. 180", postal="24105")),
    # a new website domain, same name and phone
    one("DE", Rec("Acme Werkzeuge GmbH", "Remscheid", "02191 46 27 0", "acme-tools.de",
                  street="Lenneper Straße 45", postal="42855"),
        Rec("ACME Werkzeuge GmbH", "Remscheid", "+49 2191 46270", "acme.de")),
    # listed with its former name (vormals)
    one("DE", Rec("Beta Messtechnik GmbH", "Jena", "03641 6589 0", "beta-messtechnik.de",
                  street="Carl-Zeiss-Promenade 10", postal="07745"),
        Rec("Optronic Systems GmbH (vormals Beta Messtechnik GmbH)", "Jena", "03641 65890",
            "optronic-systems.de", street="Carl-Zeiss-Promenade 10", postal="07745")),
    # renamed after an acquisition
    one("DE", Rec("Schulte Sensorik GmbH", "Dortmund", "0231 975 40 0", "schulte-sensorik.de",
                  street="Emil-Figge-Straße 80", postal="44227"),
        Rec("Schulte Sensorik GmbH, ein Unternehmen der Lindner Gruppe", "Dortmund",
            "+49 231 975400", "schulte-sensorik.de", street="Emil-Figge-Str. 80",
            postal="44227")),
    # an insolvent company and its successor with a similar name
    two("DE", Rec("Müller Maschinenbau GmbH", "Chemnitz", "0371 5347 20",
                  "mueller-maschinenbau.de", street="Annaberger Straße 240", postal="09125"),
        Rec("Müller Maschinenbau Neue GmbH", "Chemnitz", "0371 26 81 990", "mueller-mb-neu.de",
            street="Neefestraße 82", postal="09119")),
    # a restaurant replaced by another at the same address
    two("DE", Rec("Gasthaus Zum Löwen", "Heidelberg", "06221 16 33 41",
                  "zumloewen-heidelberg.de", street="Hauptstraße 122", postal="69117"),
        Rec("Trattoria Da Marco", "Heidelberg", "06221 7 25 88 10", "damarco-heidelberg.de",
            street="Hauptstr. 122", postal="69117")),
    # the company that bought a product line from the other
    two("DE", Rec("Vogt Hydraulik GmbH", "Mannheim", "0621 438 770", "vogt-hydraulik.de",
                  street="Industriestraße 31", postal="68169"),
        Rec("Rhein-Neckar Hydraulik GmbH", "Ludwigshafen am Rhein", "0621 597 3310",
            "rn-hydraulik.de", street="Brunckstraße 50", postal="67063")),
    # a company and its spin-off
    two("DE", Rec("Lumetrix Optik GmbH", "Dresden", "0351 8718 100", "lumetrix-optik.de",
                  street="Gostritzer Straße 61", postal="01217"),
        Rec("Lumetrix Photonics GmbH", "Dresden", "0351 4188 620", "lumetrix-photonics.de",
            street="Manfred-von-Ardenne-Ring 20", postal="01099")),
    # --- Netherlands
    # moved to a nearby town, same phone and website
    one("NL", Rec("Bakkerij Van der Meulen B.V.", "Utrecht", "030 231 4455",
                  "vandermeulenbakkerij.nl", street="Twijnstraat 41", postal="3511 ZH"),
        Rec("Bakkerij van der Meulen", "Nieuwegein", "+31 30 231 4455",
            "www.vandermeulenbakkerij.nl", street="Ravenswade 54", postal="3439LD")),
    # renamed: same website, e-mail domain, phone and address
    one("NL", Rec("De Vries & Bakker Installatietechniek B.V.", "Zwolle", "038 421 6677",
                  "dvbtechniek.nl", street="Marconistraat 12", postal="8013 PK",
                  email="info@dvbtechniek.nl"),
        Rec("DVB Techniek B.V.", "Zwolle", "038-4216677", "dvbtechniek.nl",
            street="Marconistr. 12", postal="8013PK")),
    # legal form: B.V. to N.V. after the IPO
    one("NL", Rec("Adyen B.V.", "Amsterdam", "020 240 1240", "adyen.com",
                  street="Simon Carmiggeltstraat 6-50", postal="1011 DJ"),
        Rec("Adyen N.V.", "Amsterdam", "+31 20 240 1240", "adyen.com",
            street="Simon Carmiggeltstraat 6-50", postal="1011DJ")),
    # renamed: same phone, website and address
    one("NL", Rec("Koninklijke Philips Electronics N.V.", "Amsterdam", "020 597 7777",
                  "philips.com", street="Amstelplein 2", postal="1096 BC"),
        Rec("Koninklijke Philips N.V.", "Amsterdam", "+31 20 59 77 777", "www.philips.com",
            street="Amstelplein 2, Breitner Center", postal="1096BC")),
    # a new phone number
    one("NL", Rec("Autobedrijf Jansen V.O.F.", "Eindhoven", "040 251 3344", "autojansen.nl",
                  street="Hastelweg 210", postal="5652 CN"),
        Rec("Autobedrijf Jansen", "Eindhoven", "040 780 1256", "autojansen.nl",
            street="Hastelweg 210", postal="5652CN")),
    # a new website domain, same name and phone
    one("NL", Rec("Hollandse Kaashandel B.V.", "Gouda", "0182 512 890",
                  "hollandse-kaashandel-gouda.nl", street="Markt 27", postal="2801 JJ"),
        Rec("Hollandse Kaashandel", "Gouda", "+31 182 512 890", "kaashandel.nl")),
    # renamed after an acquisition
    one("NL", Rec("Brabant Coatings B.V.", "Tilburg", "013 542 8800", "brabantcoatings.nl",
                  street="Kraaivenstraat 19", postal="5048 AB"),
        Rec("Brabant Coatings B.V. - a Van Wijk Group company", "Tilburg", "+31 13 542 8800",
            "brabantcoatings.nl", street="Kraaivenstr. 19", postal="5048AB"),
        limit="'- a Van Wijk Group company' after the name is not read as the group it belong"
              "s to, so it reads as a group word added"),
    # listed with its former name (voorheen)
    one("NL", Rec("Kuiper Transport B.V.", "Venlo", "077 354 2210", "kuipertransport.nl",
                  street="Celsiusweg 18", postal="5928 PR"),
        Rec("KTL Logistics B.V. (voorheen Kuiper Transport)", "Venlo", "077-3542210",
            "ktl-logistics.nl", street="Celsiusweg 18", postal="5928PR")),
    # a café replaced by another at the same address
    two("NL", Rec("Eetcafé De Zwaan", "Haarlem", "023 531 4420", "eetcafedezwaan.nl",
                  street="Grote Markt 9", postal="2011 RD"),
        Rec("Brasserie Het Anker", "Haarlem", "023 737 0918", "brasseriehetanker.nl",
            street="Grote Markt 9", postal="2011RD")),
    # two successive tenants of one office floor
    two("NL", Rec("Nexa Consultancy B.V.", "Rotterdam", "010 206 4410", "nexaconsultancy.nl",
                  street="Weena 505, 12e verdieping", postal="3013 AL"),
        Rec("Maasstad Legal B.V.", "Rotterdam", "010 820 3377", "maasstadlegal.nl",
            street="Weena 505", postal="3013AL")),
    # a company and its spin-off
    two("NL", Rec("Delft Photonics B.V.", "Delft", "015 278 4410", "delftphotonics.nl",
                  street="Molengraaffsingel 12", postal="2629 JD"),
        Rec("Delft Imaging Systems B.V.", "Delft", "015 744 0233", "delftimaging.nl",
            street="Schoemakerstraat 97", postal="2628 VK")),
    # a bankrupt company and its successor with a similar name
    two("NL", Rec("Van Dijk Meubelen B.V.", "Apeldoorn", "055 521 3380", "vandijkmeubelen.nl",
                  street="Europaweg 102", postal="7336 AL"),
        Rec("Van Dijk Meubelen Nieuw B.V.", "Apeldoorn", "055 737 4410", "vandijk-wonen.nl",
            street="Ecofactorijweg 9", postal="7325 WC")),
    # --- China
    # moved to another district, same phone and website
    one("CN", Rec("上海华信电子有限公司", "上海", "021-5080 3321", "huaxin-elec.com.cn",
                  street="浦东新区张江路665号", postal="201203"),
        Rec("上海华信电子有限公司", "上海市", "+86 21 5080 3321", "www.huaxin-elec.com.cn",
            street="闵行区莘庄工业区春东路508号", postal="201108")),
    # renamed: same website, e-mail domain, phone and address
    one("CN", Rec("深圳市宏达精密模具有限公司", "深圳", "0755-2671 4480", "hongda-mold.com",
                  street="南山区科技园南区高新南七道18号", postal="518057",
                  email="sales@hongda-mold.com"),
        Rec("深圳市宏达智能制造有限公司", "深圳市", "0755 26714480", "hongda-mold.com",
            street="南山区高新南七道18号", postal="518057")),
    # legal form: 有限公司 to 股份有限公司
    one("CN", Rec("杭州新视科技有限公司", "杭州", "0571-8688 2210", "xinshi-tech.com",
                  street="滨江区江南大道3888号", postal="310051"),
        Rec("杭州新视科技股份有限公司", "杭州市", "+86 571 8688 2210", "xinshi-tech.com",
            street="滨江区江南大道3888号", postal="310051")),
    # renamed: same phone, website and address
    one("CN", Rec("TCL集团股份有限公司", "惠州", "0752-228 8333", "tcl.com",
                  street="仲恺高新区惠风三路17号", postal="516006"),
        Rec("TCL科技集团股份有限公司", "惠州市", "0752 2288333", "www.tcl.com",
            street="仲恺高新技术开发区惠风三路17号TCL科技大厦", postal="516006")),
    # a new phone number
    one("CN", Rec("苏州恒远机械有限公司", "苏州", "0512-6531 2278", "hengyuan-mach.cn",
                  street="工业园区星湖街328号", postal="215123"),
        Rec("苏州恒远机械有限公司", "苏州市", "0512-6287 9901", "hengyuan-mach.cn",
            street="苏州工业园区星湖街328号", postal="215123")),
    # a new website domain, same name and phone
    one("CN", Rec("宁波瑞丰塑料制品有限公司", "宁波", "0574-8790 3316", "ruifeng-plastic.com.cn",
                  street="北仑区明州路168号", postal="315800"),
        Rec("宁波瑞丰塑料制品有限公司", "宁波市", "+86 574 8790 3316", "ruifengplastic.com")),
    # listed with its former name (原)
    one("CN", Rec("北京中科天元软件有限公司", "北京", "010-6250 1188", "zktianyuan.com",
                  street="海淀区中关村大街27号", postal="100080"),
        Rec("北京天元数智科技有限公司（原北京中科天元软件有限公司）", "北京市", "010 62501188",
            "tianyuan-ai.com", street="海淀区中关村大街27号", postal="100080")),
    # renamed after an acquisition, an exhibitor list in English
    one("CN", Rec("Guangzhou Lida Sensor Co., Ltd.", "Guangzhou", "+86 20 3229 8810",
                  "lida-sensor.com", street="11 Kaiyuan Avenue, Science City, Huangpu District",
                  postal="510530"),
        Rec("Lida Sensor (Guangzhou) Co., Ltd. - an Acme Group company", "Guangzhou",
            "020-32298810", "lida-sensor.com", street="No. 11 Kaiyuan Ave, Huangpu",
            postal="510530")),
    # a restaurant replaced by another at the same address
    two("CN", Rec("成都老码头火锅店", "成都", "028-8662 3310", None,
                  street="锦江区春熙路南段8号", postal="610016"),
        Rec("成都蜀香阁餐饮管理有限公司", "成都市", "028-8671 0925", "shuxiangge.cn",
            street="锦江区春熙路南段8号", postal="610016")),
    # a bankrupt company and its successor with a similar name
    two("CN", Rec("东莞市永昌五金制品有限公司", "东莞", "0769-8512 3340", "yongchang-hw.com",
                  street="长安镇乌沙社区兴发南路36号", postal="523860"),
        Rec("东莞市新永昌五金制品有限公司", "东莞市", "0769-8308 7712", "xinyongchang.com",
            street="长安镇锦厦社区振安中路128号", postal="523850")),
    # a company and its spin-off
    two("CN", Rec("武汉光谷激光技术有限公司", "武汉", "027-8752 1100", "ggjg-laser.com",
                  street="东湖新技术开发区光谷大道77号", postal="430074"),
        Rec("武汉光谷激光医疗科技有限公司", "武汉市", "027-8799 6630", "ggjg-medical.com",
            street="东湖新技术开发区高新大道666号", postal="430075")),
    # the company that bought a product line from the other
    two("CN", Rec("天津华宇焊接设备有限公司", "天津", "022-2388 1150", "huayu-weld.com",
                  street="西青区京福公路568号", postal="300380"),
        Rec("天津博力焊接技术有限公司", "天津市", "022-8398 6620", "boli-welding.com",
            street="滨海新区黄海路276号", postal="300457")),
    # --- Australia
    # moved to a nearby suburb, same phone and website
    one("AU", Rec("Coastal Plumbing Solutions Pty Ltd", "Nerang", "(07) 5532 4410",
                  "coastalplumbingsolutions.com.au", street="14 Lawrence Drive", postal="4211"),
        Rec("Coastal Plumbing Solutions", "Burleigh Heads", "07 5532 4410",
            "www.coastalplumbingsolutions.com.au", street="Unit 3, 22 Kortum Drive",
            postal="4220")),
    # renamed: same website, e-mail domain, phone and address
    one("AU", Rec("Henderson & Walsh Engineering Pty Ltd", "Welshpool", "(08) 9451 2270",
                  "hwengineering.com.au", street="37 Kewdale Road", postal="6106",
                  email="admin@hwengineering.com.au"),
        Rec("HW Engineering Group Pty Ltd", "Welshpool", "+61 8 9451 2270",
            "hwengineering.com.au", street="37 Kewdale Rd", postal="WA 6106")),
    # legal form: Pty Ltd to Limited after the listing
    one("AU", Rec("Southern Cross Biotech Pty Ltd", "Parkville", "(03) 9347 8810",
                  "scbiotech.com.au", street="Level 4, 343 Royal Parade", postal="3052"),
        Rec("Southern Cross Biotech Limited", "Parkville", "+61 3 9347 8810",
            "scbiotech.com.au", street="L4 343 Royal Pde", postal="VIC 3052")),
    # renamed, new domain: same phone and address
    one("AU", Rec("BHP Billiton Limited", "Melbourne", "+61 3 9609 3333", "bhpbilliton.com",
                  street="171 Collins Street", postal="3000"),
        Rec("BHP Group Limited", "Melbourne", "(03) 9609 3333", "bhp.com",
            street="171 Collins St", postal="VIC 3000"),
        limit="a renamed company on a new domain whose new name adds a group word reads as an"
              "other company of the group"),
    # a new phone number
    one("AU", Rec("Riverina Irrigation Supplies Pty Ltd", "Griffith", "(02) 6962 3318",
                  "riverinairrigation.com.au", street="112 Jondaryan Avenue", postal="2680"),
        Rec("Riverina Irrigation Supplies", "Griffith", "02 6964 7702",
            "riverinairrigation.com.au", street="112 Jondaryan Ave", postal="2680")),
    # a new website domain, same phone
    one("AU", Rec("Harbourside Dental Group Pty Ltd", "Sydney", "(02) 9251 4490",
                  "harboursidedentalgroup.com.au", street="Suite 3, 50 Pitt Street",
                  postal="2000"),
        Rec("Harbourside Dental Group", "Sydney", "+61 2 9251 4490",
            "harboursidedental.com.au")),
    # listed with its former name
    one("AU", Rec("Outback Solar Pty Ltd", "Alice Springs", "(08) 8952 6610",
                  "outbacksolar.com.au", street="8 Power Street", postal="0870"),
        Rec("Sunvolt Energy Pty Ltd (formerly Outback Solar)", "Alice Springs", "08 8952 6610",
            "sunvolt.com.au", street="8 Power St", postal="0870")),
    # renamed after an acquisition
    one("AU", Rec("Tasman Marine Electronics Pty Ltd", "Hobart", "(03) 6234 1150",
                  "tasmanmarine.com.au", street="21 Castray Esplanade", postal="7000"),
        Rec("Tasman Marine Electronics, part of the Halyard Group", "Hobart", "+61 3 6234 1150",
            "tasmanmarine.com.au", street="21 Castray Esp", postal="TAS 7000")),
    # a restaurant replaced by another at the same address
    two("AU", Rec("Mama Rosa's Pizzeria", "Fitzroy", "(03) 9417 2230", "mamarosas.com.au",
                  street="245 Brunswick Street", postal="3065"),
        Rec("Little Saigon Kitchen", "Fitzroy", "(03) 9419 8871", "littlesaigonkitchen.com.au",
            street="245 Brunswick St", postal="3065")),
    # a company and its spin-off
    two("AU", Rec("Kestrel Mining Services Pty Ltd", "Brisbane", "(07) 3368 2200",
                  "kestrelmining.com.au", street="Level 9, 300 Queen Street", postal="4000"),
        Rec("Kestrel Drone Technologies Pty Ltd", "Brisbane", "(07) 3088 4415",
            "kestreldrones.com.au", street="48 Costin Street, Fortitude Valley", postal="4006")),
    # a company in liquidation and its successor with a similar name
    two("AU", Rec("Jarrah Homes Pty Ltd", "Perth", "(08) 9381 2240", "jarrahhomes.com.au",
                  street="120 Hay Street, Subiaco", postal="6008"),
        Rec("Jarrah Homes WA Pty Ltd", "Perth", "(08) 6355 1120", "jarrahhomeswa.com.au",
            street="15 Walters Drive, Osborne Park", postal="6017")),
    # two successive tenants of one office suite
    two("AU", Rec("Acacia Financial Planning Pty Ltd", "Adelaide", "(08) 8231 4470",
                  "acaciafp.com.au", street="Suite 702, 45 Grenfell Street", postal="5000"),
        Rec("Banksia Migration Services", "Adelaide", "(08) 8212 9903",
            "banksiamigration.com.au", street="Suite 702/45 Grenfell St", postal="SA 5000")),
]


@pytest.mark.parametrize("pair", with_limits(PAIRS), ids=[pair.description for pair in PAIRS])
def test_one_company_on_two_lists_merges_two_stay_apart(pair: CountryPair, tmp_path: Path) -> None:
    assert_decided(pair, tmp_path / "pair.db")


#: The table's figures (precision, recall) per country and pooled, as reached: a change that
#: decides more pairs wrongly lowers one of them.
#: Blind (the table written before any name was looked at): 72 pairs, 48 one, 24 two;
#: precision 1.000, recall 0.854 (US 0.875, GB 0.875, DE 0.750, NL 0.875, CN 1.000,
#: AU 0.750), precision 1.000 in every country. Now recall 0.938 (US and GB 1.000, Germany
#: and Australia 0.875): a former name after the name ("fka", "formerly", "vormals") is one
#: of its names, and "VIC 3000" is postal code 3000.
FLOORS = {"all": (1.0, 0.937), "US": (1.0, 1.0), "GB": (1.0, 1.0), "DE": (1.0, 0.875),
          "NL": (1.0, 0.875), "CN": (1.0, 1.0), "AU": (1.0, 0.875)}


def test_table_scores_hold_their_floor(tmp_path: Path) -> None:
    assert_floors(country_scores(PAIRS, tmp_path), FLOORS)


if __name__ == "__main__":  # python -m tests.test_matching_over_time: the table's figures
    print_country_table(PAIRS)
