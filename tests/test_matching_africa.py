"""One company of Africa or the Gulf on two lists, and two look-alike companies, as a table.

Each pair is two lists' records of South African, Nigerian, Kenyan, Egyptian, Moroccan, Saudi or
Emirati companies (Latin-script lists; a few records in Arabic script): one company ("one")
written as two lists write it (legal forms spelled differently: "(Pty) Ltd", "Pty Ltd" and
"Proprietary Limited", "(RF)", "Ltd" and "Limited", "Plc" and "PLC", "S.A.E." and "Egyptian Joint
Stock Company", "SARL AU" and "S.A.R.L. A.U.", "LLC" and "L.L.C.", "FZE", "FZ-LLC", "DMCC",
"PJSC", "Est." and "Establishment"; capitals, "&" and "and", street words shortened (Rd, St.,
Ave, Bd., Sharia), P.O. Boxes for streets, phones national and international), sharing what
such lists share: a phone, a website or an address, not always all; or two companies ("two") a
careless matcher would glue: one city and trade word, sister companies of one group at one head
office, free-zone tenants of one building and P.O. Box, a franchise's two shops, namesakes in
two towns. Each pair is imported into a fresh SQLite database through the ingestor, as two
lists' rows are, and the companies it ends in are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pair_table import (
    CountryPair,
    Rec,
    assert_floors,
    country_scores,
    one,
    print_scores,
    two,
    with_limits,
)
from tests.pair_table import ingest_country_pair as companies_of

PAIRS = [
    # --- South Africa: (Pty) Ltd / Pty Ltd / Proprietary Limited, (RF), NPC, Inc
    one("ZA", Rec("Shoprite Checkers (Pty) Ltd", "Brackenfell", "+27 21 980 4000",
                  "shoprite.co.za", street="Cnr William Dabs and Old Paarl Roads",
                  postal="7560"),
        Rec("SHOPRITE CHECKERS PTY LTD", "Brackenfell", "021 980 4000",
            street="Cnr William Dabs & Old Paarl Rd")),
    one("ZA", Rec("Mr Price Group Ltd", "Durban", "+27 31 310 8000", "mrpricegroup.com",
                  street="65 Masabalala Yengwa Avenue", postal="4001"),
        Rec("Mr Price Group Limited", "Durban", website="www.mrpricegroup.com",
            street="65 Masabalala Yengwa Ave", postal="4001")),
    one("ZA", Rec("Mthembu Plumbing Services (Pty) Ltd", "Soweto", "011 938 1234"),
        Rec("Mthembu Plumbing Services Proprietary Limited", "Soweto", "+27 11 938 1234")),
    one("ZA", Rec("Discovery Health (RF) (Pty) Ltd", "Sandton", "+27 11 529 2888",
                  "discovery.co.za", street="1 Discovery Place", postal="2196"),
        Rec("Discovery Health (Pty) Ltd", "Sandton", street="1 Discovery Pl", postal="2196")),
    one("ZA", Rec("Cape Town Society for the Blind NPC", "Cape Town", "021 447 1170",
                  street="50 Salt River Road", postal="7925"),
        Rec("Cape Town Society For The Blind", "Cape Town",
            street="50 Salt River Rd, Salt River", postal="7925")),
    one("ZA", Rec("Van der Merwe & Seuns Boerdery (Pty) Ltd", "Stellenbosch", "+27 21 887 1234"),
        Rec("Van Der Merwe and Seuns Boerdery Pty Ltd", "STELLENBOSCH", "0218871234")),
    one("ZA", Rec("Pick n Pay Retailers (Pty) Ltd", "Cape Town", "+27 21 658 1000", "pnp.co.za",
                  street="101 Rosmead Avenue, Kenilworth", postal="7708"),
        Rec("Pick 'n Pay Retailers", "Cape Town", website="https://www.pnp.co.za",
            street="101 Rosmead Ave, Kenilworth")),
    two("ZA", Rec("Mthembu Plumbing Services (Pty) Ltd", "Soweto", "011 938 1234"),
        Rec("Mthembu Electrical Services (Pty) Ltd", "Soweto", "011 938 5678")),
    two("ZA", Rec("Spur Steak Ranch Menlyn", "Pretoria", "012 348 1122", "spur.co.za",
                  street="Shop 45, Menlyn Park, Atterbury Road"),
        Rec("Spur Steak Ranch Hatfield", "Pretoria", "012 362 3344", "spur.co.za",
            street="1122 Burnett Street, Hatfield")),
    two("ZA", Rec("Naidoo Attorneys Inc", "Durban", "031 304 5566"),
        Rec("Naidoo Attorneys Inc", "Johannesburg", "011 333 7788")),
    # --- Nigeria: Ltd / Limited / Plc / PLC, "Nig.", plots, "Off ... Road", 6-digit codes
    one("NG", Rec("Dangote Cement Plc", "Lagos", "+234 1 448 0815", "dangotecement.com",
                  street="Union Marble House, 1 Alfred Rewane Road, Ikoyi", postal="101233"),
        Rec("DANGOTE CEMENT PLC", "Ikoyi, Lagos", "01 448 0815",
            street="1 Alfred Rewane Rd, Ikoyi")),
    one("NG", Rec("Zenith Bank Plc", "Lagos", "+234 1 278 7000", "zenithbank.com",
                  street="Plot 84, Ajose Adeogun Street, Victoria Island"),
        Rec("Zenith Bank PLC", "Victoria Island, Lagos", website="www.zenithbank.com",
            street="Plot 84 Ajose Adeogun St")),
    one("NG", Rec("Adebayo & Sons Nigeria Limited", "Ibadan", "+234 803 456 7890"),
        Rec("Adebayo and Sons Nig. Ltd", "Ibadan", "08034567890")),
    one("NG", Rec("Chi Limited", "Lagos", "+234 1 280 6000", "chilimited.com",
                  street="14 Chivita Avenue, Ajao Estate"),
        Rec("CHI LTD", "Lagos", "01 280 6000",
            street="14 Chivita Ave, Off Oshodi-Apapa Expressway, Ajao Estate")),
    one("NG", Rec("Okonkwo Pharmaceuticals Ltd", "Onitsha", "0803 123 4567",
                  street="12 New Market Road", postal="434101"),
        Rec("Okonkwo Pharmaceuticals Limited", "ONITSHA", street="12 New Market Rd",
            postal="434101")),
    one("NG", Rec("Flour Mills of Nigeria Plc", "Lagos", "+234 1 271 5200", "fmnplc.com",
                  street="2 Old Dock Road, Apapa"),
        Rec("Flour Mills of Nig. PLC", "Apapa, Lagos", website="http://www.fmnplc.com")),
    one("NG", Rec("Julius Berger Nigeria Plc", "Abuja", "+234 9 461 0000", "julius-berger.com",
                  street="Plot 10, Kukwaba", postal="900211"),
        Rec("Julius Berger Nig. Plc", "Abuja FCT", "09 461 0000")),
    # (added after the blind run: a pair that shares only a landline written before 2024)
    one("NG", Rec("Nigerian Breweries Plc", "Lagos", "+234 1 271 5000",
                  street="Iganmu House, Abebe Village Road, Iganmu"),
        Rec("NB Plc", "Lagos", "01 271 5000")),
    two("NG", Rec("Adebayo & Sons Nigeria Limited", "Ibadan", "+234 803 456 7890"),
        Rec("Adeyemi & Sons Nigeria Limited", "Ibadan", "+234 805 111 2233")),
    two("NG", Rec("Dangote Cement Plc", "Lagos", "01 448 0815",
                  street="1 Alfred Rewane Road, Ikoyi"),
        Rec("Dangote Sugar Refinery Plc", "Lagos", "01 448 0800",
            street="1 Alfred Rewane Road, Ikoyi")),
    two("NG", Rec("Chicken Republic Ikeja", "Lagos", "0803 222 1111", "chicken-republic.com",
                  street="12 Allen Avenue, Ikeja"),
        Rec("Chicken Republic Surulere", "Lagos", "0803 222 3333", "chicken-republic.com",
            street="45 Adeniran Ogunsanya Street, Surulere")),
    # --- Kenya: Ltd / Limited / PLC, P.O. Box 10921-00100, 5-digit codes
    one("KE", Rec("Safaricom PLC", "Nairobi", "+254 20 427 3272", "safaricom.co.ke",
                  street="Safaricom House, Waiyaki Way, Westlands", postal="00800"),
        Rec("Safaricom Limited", "Nairobi", website="www.safaricom.co.ke", street="Waiyaki Way",
            postal="00800")),
    one("KE", Rec("East African Breweries Limited", "Nairobi", "+254 20 286 4000", "eabl.com",
                  street="Garden City Business Park, Thika Road", postal="00100"),
        Rec("East African Breweries Ltd", "Nairobi", "020 286 4000", street="Thika Rd, Ruaraka")),
    one("KE", Rec("Kamau Hardware & General Stores Ltd", "Nakuru", "0722 123 456"),
        Rec("Kamau Hardware and General Stores Limited", "Nakuru", "+254 722 123456")),
    one("KE", Rec("Bamburi Cement Plc", "Nairobi", "+254 20 289 3000", "bamburicement.com",
                  street="Kenya-Re Towers, Upper Hill", postal="00100"),
        Rec("BAMBURI CEMENT LTD", "Nairobi", "020 2893000", street="P.O. Box 10921-00100")),
    one("KE", Rec("Otieno & Associates Advocates", "Kisumu", "057 202 3456",
                  street="Oginga Odinga Street", postal="40100"),
        Rec("Otieno and Associates Advocates", "Kisumu", "+254 57 2023456",
            street="Oginga Odinga St")),
    one("KE", Rec("Nation Media Group PLC", "Nairobi", "+254 20 328 8000", "nationmedia.com",
                  street="Nation Centre, Kimathi Street", postal="00100"),
        Rec("Nation Media Group Ltd", "Nairobi", website="https://www.nationmedia.com",
            street="Nation Centre, Kimathi St")),
    one("KE", Rec("Mwangi Transporters Ltd", "Eldoret", "0733 456 789", street="Uganda Road",
                  postal="30100"),
        Rec("Mwangi Transporters Limited", "ELDORET", "+254733456789")),
    two("KE", Rec("Kamau Hardware & General Stores Ltd", "Nakuru", "0722 123 456"),
        Rec("Kamau Hardware & General Stores Ltd", "Thika", "0733 987 654")),
    two("KE", Rec("Mombasa Cement Limited", "Mombasa", "041 222 0011"),
        Rec("Mombasa Maize Millers Limited", "Mombasa", "041 249 5000")),
    two("KE", Rec("Centum Investment Company PLC", "Nairobi", "+254 20 228 6000", "centum.co.ke",
                  street="International House, Mama Ngina Street", postal="00100"),
        Rec("Centum Real Estate Limited", "Nairobi", "+254 20 228 6000",
            street="International House, Mama Ngina Street", postal="00100")),
    # --- Egypt: S.A.E. / SAE / Egyptian Joint Stock Company, Sharia / St., 5-digit codes
    one("EG", Rec("Commercial International Bank (Egypt) S.A.E.", "Giza", "+20 2 3747 2000",
                  "cibeg.com", street="Nile Tower, 21/23 Charles de Gaulle Street"),
        Rec("Commercial International Bank Egypt SAE", "Giza", "02 3747 2000",
            website="www.cibeg.com")),
    one("EG", Rec("Orascom Construction S.A.E.", "Cairo", website="orascom.com",
                  street="Nile City Towers, 2005A Corniche El Nil", postal="11221"),
        Rec("Orascom Construction", "Cairo", "+20 2 2461 1111",
            street="2005A Corniche El Nil, Ramlet Beaulac", postal="11221")),
    one("EG", Rec("El Sewedy Electric Company S.A.E.", "Cairo", "+20 2 2759 9700",
                  "elsewedyelectric.com"),
        Rec("Elsewedy Electric Co. SAE", "CAIRO", "02 27599700")),
    one("EG", Rec("Juhayna Food Industries", "6th of October City", "+20 2 3828 8888",
                  "juhayna.com"),
        Rec("Juhayna Food Industries S.A.E.", "6th October", website="https://juhayna.com")),
    one("EG", Rec("Abdel Rahman Trading Company", "Alexandria", "03 486 1234",
                  street="15 Shari' Fouad", postal="21131"),
        Rec("Abdel Rahman Trading Co.", "Alexandria", "+20 3 486 1234",
            street="15 Fouad Street")),
    one("EG", Rec("Eastern Company S.A.E.", "Giza", "+20 2 3386 1000",
                  street="450 Sharia El Haram", postal="12111"),
        Rec("Eastern Company Egyptian Joint Stock Company", "Giza", "02 33861000",
            street="450 El Haram St.")),
    one("EG", Rec("Al Ahram Beverages Company S.A.E.", "Giza", "+20 2 3539 5000"),
        Rec("شركة الأهرام للمشروبات", "الجيزة", "02 35395000")),
    two("EG", Rec("El Sewedy Electric Company S.A.E.", "Cairo", "02 2759 9700",
                  street="Plot 27, 1st District, 5th Settlement, New Cairo"),
        Rec("El Sewedy Cables S.A.E.", "Cairo", "02 2759 9800",
            street="Plot 27, 1st District, 5th Settlement, New Cairo")),
    two("EG", Rec("Abdel Rahman Trading Company", "Alexandria", "03 486 1234"),
        Rec("Abdel Rahman Trading Company", "Tanta", "040 333 4455")),
    two("EG", Rec("El Ezaby Pharmacy Heliopolis", "Cairo", "02 2414 5555",
                  "elezabypharmacy.com", street="12 Sharia El Merghany, Heliopolis"),
        Rec("El Ezaby Pharmacy Maadi", "Cairo", "02 2358 6666", "elezabypharmacy.com",
            street="Road 9, Maadi")),
    # --- Morocco: SA / S.A., SARL / SARL AU / S.A.R.L. A.U., Bd. / Av., 5-digit codes
    one("MA", Rec("Maroc Telecom SA", "Rabat", "+212 537 71 21 21", "iam.ma",
                  street="Avenue Annakhil, Hay Riad", postal="10100"),
        Rec("MAROC TELECOM", "Rabat", "0537 71 21 21", street="Av. Annakhil Hay Riad",
            postal="10100")),
    one("MA", Rec("Attijariwafa Bank SA", "Casablanca", "+212 522 29 88 88",
                  "attijariwafabank.com", street="2 Boulevard Moulay Youssef", postal="20000"),
        Rec("Attijariwafa bank S.A.", "Casablanca", website="www.attijariwafabank.com",
            street="2 Bd Moulay Youssef", postal="20000")),
    one("MA", Rec("Menuiserie Benali SARL AU", "Fès", "0535 64 12 34"),
        Rec("Menuiserie Benali S.A.R.L. A.U.", "Fes", "+212 535 641234")),
    one("MA", Rec("Transports Alami et Fils SARL", "Tanger", "+212 539 94 55 66",
                  street="45 Boulevard Mohammed V", postal="90000"),
        Rec("Transports Alami & Fils", "Tangier", street="45 Bd. Mohammed V", postal="90000")),
    one("MA", Rec("Cosumar SA", "Casablanca", "+212 522 67 83 00", "cosumar.co.ma",
                  street="8 Rue El Mouatamid Ibnou Abbad", postal="20300"),
        Rec("COSUMAR S.A.", "Casablanca", "05 22 67 83 00")),
    one("MA", Rec("Riad Dar Zitoune SARL", "Marrakech", "0524 38 77 66",
                  street="Derb Sidi Ahmed Soussi, Medina"),
        Rec("Riad Dar Zitoune", "Marrakesh", "+212524387766")),
    one("MA", Rec("Société Marocaine de Distribution SARL", "Agadir", "0528 84 22 11",
                  street="Avenue Hassan II", postal="80000"),
        Rec("Ste Marocaine de Distribution", "Agadir", street="Av. Hassan II", postal="80000")),
    two("MA", Rec("Menuiserie Benali SARL AU", "Fès", "0535 64 12 34"),
        Rec("Menuiserie Bennani SARL", "Fès", "0535 65 98 76")),
    two("MA", Rec("Alami Immobilier SARL", "Casablanca", "0522 27 11 22",
                  street="12 Rue Ibn Batouta", postal="20250"),
        Rec("Alami Promotion SARL", "Casablanca", "0522 27 11 30", street="12 Rue Ibn Batouta",
            postal="20250")),
    two("MA", Rec("Pharmacie Al Amal", "Rabat", "0537 70 11 22"),
        Rec("Pharmacie Al Amal", "Oujda", "0536 68 33 44")),
    # --- Saudi Arabia: Co. / Company / Ltd., Est. / Establishment, P.O. Box, 920 numbers
    one("SA", Rec("Saudi Basic Industries Corporation", "Riyadh", "+966 11 225 8000",
                  "sabic.com", street="P.O. Box 5101", postal="11422"),
        Rec("SABIC", "Riyadh", "011 225 8000"),
        limit="'SABIC' is the initials of the former name (Saudi Arabian Basic Industries "
              "Corporation), not of the register's ('SBI'): names unlike outweigh the phone "
              "and town they share"),
    one("SA", Rec("Almarai Company", "Riyadh", "+966 11 470 0005", "almarai.com",
                  street="Exit 7, North Ring Road, Al Izdihar District", postal="11492"),
        Rec("Al Marai Co.", "Riyadh", website="www.almarai.com")),
    one("SA", Rec("Abdul Latif Jameel Co. Ltd.", "Jeddah", "+966 12 660 3000"),
        Rec("Abdul Latif Jameel Company Limited", "Jeddah", "012 660 3000")),
    one("SA", Rec("Mohammed Al Qahtani Trading Est.", "Dammam", "013 833 4455",
                  street="King Saud Street", postal="32241"),
        Rec("Mohammed Al-Qahtani Trading Establishment", "Dammam", "+966 13 833 4455")),
    one("SA", Rec("Jarir Marketing Company", "Riyadh", "920000089", "jarir.com"),
        Rec("Jarir Marketing Co.", "Riyadh", "+966 920000089", website="https://www.jarir.com")),
    one("SA", Rec("Savola Group Company", "Jeddah", "+966 12 268 7700"),
        Rec("مجموعة صافولا", "جدة", "012 268 7700")),
    one("SA", Rec("Al Rajhi Banking & Investment Corporation", "Riyadh", "+966 11 211 6000",
                  "alrajhibank.com.sa", street="8467 King Fahd Road, Al Muruj",
                  postal="12263-2743"),
        Rec("Al-Rajhi Bank", "Riyadh", website="alrajhibank.com.sa",
            street="King Fahd Rd, Al Muruj District", postal="12263")),
    two("SA", Rec("Mohammed Al Qahtani Trading Est.", "Dammam", "013 833 4455"),
        Rec("Mohammed Al Qahtani Contracting Est.", "Dammam", "013 833 9900")),
    two("SA", Rec("Abdul Latif Jameel Motors", "Jeddah", "+966 12 660 3100",
                  street="P.O. Box 248", postal="21411"),
        Rec("Abdul Latif Jameel Real Estate", "Jeddah", "+966 12 660 3200",
            street="P.O. Box 248", postal="21411")),
    two("SA", Rec("Al Baik Al Nahda", "Riyadh", "920001000", "albaik.com",
                  street="Prince Mohammed bin Salman Road"),
        Rec("Al Baik Al Olaya", "Riyadh", "920001000", "albaik.com", street="Olaya Street")),
    # --- United Arab Emirates: LLC / L.L.C., PJSC / P.J.S.C., FZE, FZ-LLC, DMCC, P.O. Box
    one("AE", Rec("Emaar Properties PJSC", "Dubai", "+971 4 366 1688", "emaar.com",
                  street="Emaar Square, Building 3, Downtown Dubai"),
        Rec("EMAAR PROPERTIES P.J.S.C.", "Dubai", "04 366 1688", street="P.O. Box 9440")),
    one("AE", Rec("Al Futtaim Motors LLC", "Dubai", "+971 4 206 6000", "alfuttaim.com",
                  street="Al Futtaim Auto Centre, Sheikh Zayed Road"),
        Rec("Al-Futtaim Motors L.L.C.", "Dubai", "04 2066000", street="Sheikh Zayed Rd")),
    one("AE", Rec("Gulf Trading FZE", "Jebel Ali", "+971 4 881 2345",
                  street="LOB 15, Office 412, JAFZA"),
        Rec("Gulf Trading F.Z.E.", "Dubai", "04 881 2345",
            street="Jebel Ali Free Zone, P.O. Box 17890")),
    one("AE", Rec("Falcon Eye Software FZ-LLC", "Dubai", "+971 4 391 5566", "falconeye-soft.ae",
                  street="Building 5, Dubai Internet City"),
        Rec("Falcon Eye Software FZ LLC", "Dubai", website="www.falconeye-soft.ae")),
    one("AE", Rec("Desert Rose Gold Trading DMCC", "Dubai", "04 552 1010",
                  street="Unit 2304, Jumeirah Business Centre 1, Cluster G, JLT"),
        Rec("Desert Rose Gold Trading D.M.C.C.", "Dubai", "+971 4 552 1010",
            street="JBC 1, Cluster G, Jumeirah Lakes Towers")),
    one("AE", Rec("Al Mansoori Specialized Engineering Co. LLC", "Abu Dhabi", "02 555 1234"),
        Rec("Al Mansoori Specialized Engineering Company L.L.C.", "Abu Dhabi",
            "+97125551234")),
    one("AE", Rec("Al Noor Foodstuff Trading Co. (L.L.C.)", "Sharjah", "06 533 4455",
                  street="Industrial Area 13"),
        Rec("Al Noor Foodstuff Trading", "Sharjah", "+971 6 533 4455")),
    two("AE", Rec("Al Futtaim Motors LLC", "Dubai", "04 206 6000",
                  street="Al Futtaim HQ, Dubai Festival City"),
        Rec("Al Futtaim Electronics LLC", "Dubai", "04 206 6100",
            street="Al Futtaim HQ, Dubai Festival City")),
    two("AE", Rec("Orion Logistics FZE", "Dubai", "04 881 3001",
                  street="JAFZA View 18, P.O. Box 261888"),
        Rec("Orion Marine Services FZE", "Dubai", "04 881 3077",
            street="JAFZA View 18, P.O. Box 261888")),
    two("AE", Rec("Al Noor Pharmacy", "Dubai", "04 222 3344", street="Al Rigga Road, Deira"),
        Rec("Al Noor Pharmacy", "Al Ain", "03 765 4321", street="Main Street")),
]


@pytest.mark.parametrize("pair", with_limits(PAIRS), ids=[pair.description for pair in PAIRS])
def test_one_company_merges_two_stay_apart(pair: CountryPair, tmp_path: Path) -> None:
    left, right, evidence = companies_of(pair, tmp_path / "pair.db")
    assert ("one" if left == right else "two") == pair.expected, evidence


#: The figures the table reaches (precision, recall of the merges), per country and pooled:
#: a change that decides a pair otherwise shows here as in the pair's own test. (Written
#: blind, the table's 70 pairs first reached 1.000/0.837 pooled, NG and EG 1.000/0.571, ZA
#: and SA 1.000/0.857.)
FLOORS = {"all": (1.0, 0.98), "ZA": (1.0, 1.0), "NG": (1.0, 1.0), "KE": (1.0, 1.0),
          "EG": (1.0, 1.0), "MA": (1.0, 1.0), "SA": (1.0, 0.857), "AE": (1.0, 1.0)}


def test_country_figures_hold_their_floor(tmp_path: Path) -> None:
    assert_floors(country_scores(PAIRS, tmp_path), FLOORS)


if __name__ == "__main__":  # python -m tests.test_matching_africa: the table's figures
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print_scores(country_scores(PAIRS, Path(tmp)), PAIRS, lambda pair: pair.country)
