"""One company of South-East and South Asia on two lists, and two look-alike companies, as a table.

Each pair is two lists' records of Vietnamese, Indonesian, Malaysian, Thai (Latin-script
lists), Philippine, Pakistani, Bangladeshi or Singaporean companies: one company ("one")
written as two lists write it (legal forms spelled differently, "PT ... Tbk" and "PT. ...",
"Sdn Bhd" and "Sendirian Berhad", "Công ty TNHH" and "Co., Ltd", Vietnamese diacritics
dropped, capitals, address words abbreviated, phones national and international), sharing
what such lists share: a phone, a website or an address, not always all; or two companies
("two") a careless matcher would glue: one city and trade word, sister companies of one group,
a business park's tenants at one address, two branches. Each pair is imported into a fresh
SQLite database through the ingestor, as two lists' rows are, and the companies it ends in
are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pair_table import CountryPair, Rec, one, print_scores, scores_by, two, with_limits
from tests.pair_table import ingest_country_pair as companies_of

PAIRS = [
    # --- Vietnam: Công ty TNHH / Co., Ltd, Công ty Cổ phần / JSC, diacritics dropped
    one("VN", Rec("Công ty Cổ phần Tập đoàn Hòa Phát", "Hà Nội", "+84 24 6284 8666"),
        Rec("HOA PHAT GROUP JOINT STOCK COMPANY", "Ha Noi", "024 6284 8666")),
    one("VN", Rec("Công ty Cổ phần FPT", "Hà Nội",
                  street="Số 17 Duy Tân, Phường Dịch Vọng Hậu, Quận Cầu Giấy", postal="100000"),
        Rec("FPT Corporation", "Hanoi", street="17 Duy Tan St., Dich Vong Hau Ward, Cau Giay "
            "District", postal="100000")),
    one("VN", Rec("Công ty Cổ phần Vinhomes", "Hà Nội", "+84 24 3974 9999"),
        Rec("Vinhomes JSC", "Hanoi", "024 3974 9999", "vinhomes.vn")),
    one("VN", Rec("Công ty Cổ phần Vinhomes", "Hà Nội",
                  street="Số 7 Đường Bằng Lăng 1, Phường Việt Hưng, Quận Long Biên"),
        Rec("Vinhomes Joint Stock Company", "Ha Noi",
            street="7 Bang Lang 1 St., Viet Hung Ward, Long Bien Dist.")),
    one("VN", Rec("Công ty Cổ phần Tập đoàn Masan", "TP. Hồ Chí Minh", "+84 28 6256 3862"),
        Rec("Masan Group Corporation", "Ho Chi Minh City", "028 6256 3862")),
    one("VN", Rec("Công ty TNHH Sản xuất Thương mại Minh Long", "TP. Hồ Chí Minh",
                  street="123 Đường Lê Văn Sỹ, Phường 13, Quận 3", postal="700000"),
        Rec("CONG TY TNHH SAN XUAT THUONG MAI MINH LONG", "Ho Chi Minh",
            street="123 Le Van Sy, P.13, Q.3", postal="700000")),
    one("VN", Rec("Công ty TNHH Nestlé Việt Nam", "Đồng Nai", "+84 251 383 6133"),
        Rec("Nestle Vietnam Ltd.", "Dong Nai", "0251 383 6133")),
    one("VN", Rec("Công ty TNHH Điện Máy Thành Công", "Đà Nẵng", website="thanhcong-dm.vn"),
        Rec("Thanh Cong Electric Co., Ltd", "Da Nang", website="www.thanhcong-dm.vn"),
        limit="a translated trade word ('Điện Máy' = 'Electric') in another word order"),
    one("VN", Rec("Công ty Cổ phần Sữa Việt Nam", "TP. Hồ Chí Minh", website="vinamilk.com.vn"),
        Rec("Vietnam Dairy Products Joint Stock Company", "Ho Chi Minh City",
            website="https://www.vinamilk.com.vn/"),
        limit="a name translated whole ('Sữa Việt Nam' = 'Vietnam Dairy Products')"),
    two("VN", Rec("Công ty TNHH Ống Thép Hòa Phát", "Hà Nội", "+84 24 3628 6888", "hoaphat.com.vn",
                  street="66 Nguyễn Du, Quận Hai Bà Trưng"),
        Rec("Hoa Phat Furniture JSC", "Hanoi", "024 3974 7475", "hoaphat.com.vn",
            street="66 Nguyen Du, Hai Ba Trung Dist.")),
    two("VN", Rec("Công ty TNHH Thương mại Dịch vụ Minh Anh", "TP. Hồ Chí Minh",
                  "+84 28 3930 1122"),
        Rec("Minh An Trading Service Co., Ltd", "Ho Chi Minh City", "028 3811 4455",
            "minhan-trading.vn")),
    two("VN", Rec("Công ty TNHH Tư vấn Sao Việt", "TP. Hồ Chí Minh", "+84 28 3915 6600",
                  street="Tầng 25, Tòa nhà Bitexco, 2 Hải Triều, Phường Bến Nghé, Quận 1",
                  postal="700000"),
        Rec("Sao Mai Consulting Co., Ltd", "Ho Chi Minh City", "028 3915 7700",
            street="25F Bitexco Financial Tower, 2 Hai Trieu St., Ben Nghe Ward, District 1",
            postal="700000")),
    # --- Indonesia: PT ... Tbk / PT. / Perseroan Terbatas, Jalan / Jln. / Jl.
    one("ID", Rec("PT Bank Central Asia Tbk", "Jakarta", "(021) 2358 8000"),
        Rec("PT. BANK CENTRAL ASIA TBK", "Jakarta Pusat", "+62 21 2358 8000")),
    one("ID", Rec("PT Bank Central Asia Tbk", "Jakarta",
                  street="Menara BCA, Jalan M.H. Thamrin No. 1", postal="10310"),
        Rec("Bank Central Asia", "Jakarta", street="Jl. MH Thamrin No.1", postal="10310")),
    one("ID", Rec("PT Unilever Indonesia Tbk", "Tangerang",
                  street="Jalan BSD Boulevard Barat, Green Office Park Kav. 3",
                  postal="15345"),
        Rec("Unilever Indonesia", "Tangerang", street="Jl. BSD Boulevard Barat Kav. 3",
            postal="15345")),
    one("ID", Rec("PT Indofood Sukses Makmur Tbk", "Jakarta", website="indofood.com"),
        Rec("Indofood Sukses Makmur", "Jakarta", website="www.indofood.com")),
    one("ID", Rec("PT Astra International Tbk", "Jakarta", "+62 21 508 43 888"),
        Rec("Perseroan Terbatas Astra International", "Jakarta Utara", "021-50843888")),
    one("ID", Rec("PT Astra International Tbk", "Jakarta",
                  street="Jl. Gaya Motor Raya No. 8, Sunter II", postal="14330"),
        Rec("ASTRA INTERNATIONAL TBK", "Jakarta", street="Jln. Gaya Motor Raya 8",
            postal="14330")),
    one("ID", Rec("PT Telkom Indonesia (Persero) Tbk", "Bandung", website="telkom.co.id"),
        Rec("PT Telekomunikasi Indonesia Tbk", "Bandung", website="www.telkom.co.id")),
    one("ID", Rec("CV Sinar Jaya Abadi", "Surabaya", street="Jl. Raya Darmo No. 45",
                  postal="60241"),
        Rec("CV. SINAR JAYA ABADI", "Surabaya", street="Jalan Raya Darmo 45", postal="60241")),
    one("ID", Rec("PT Gudang Garam Tbk", "Kediri", "(0354) 682091"),
        Rec("Gudang Garam", "Kediri", "+62 354 682091")),
    two("ID", Rec("PT Sinar Mas Agro Resources and Technology Tbk", "Jakarta",
                  "(021) 5033 8899", street="Sinar Mas Land Plaza, Jl. M.H. Thamrin No. 51",
                  postal="10350"),
        Rec("PT Sinar Mas Multiartha Tbk", "Jakarta", "+62 21 392 5660",
            street="Jl. MH Thamrin No. 51", postal="10350")),
    two("ID", Rec("PT Maju Jaya Elektronik", "Jakarta", "(021) 6230 1122"),
        Rec("PT. Maju Bersama Elektronik", "Jakarta", "+62 21 6231 9988", "majubersama.co.id")),
    two("ID", Rec("PT Astra Honda Motor", "Jakarta", "(021) 651 8080",
                  street="Jl. Laksda Yos Sudarso, Sunter I", postal="14350"),
        Rec("PT Astra Daihatsu Motor", "Jakarta", "+62 21 651 0300",
            street="Jl. Gaya Motor III No. 5, Sunter II", postal="14330")),
    two("ID", Rec("CV Sinar Jaya Abadi", "Surabaya", "(031) 567 1234"),
        Rec("CV. Sinar Jaya Makmur", "Surabaya", "+62 31 599 8877")),
    # --- Malaysia: Sdn Bhd / Sdn. Bhd. / Sendirian Berhad, Bhd / Berhad, Jalan / Jln.
    one("MY", Rec("Malayan Banking Berhad", "Kuala Lumpur", "+60 3-2070 8833"),
        Rec("MALAYAN BANKING BHD", "Kuala Lumpur", "03-2070 8833")),
    one("MY", Rec("Malayan Banking Berhad", "Kuala Lumpur",
                  street="Menara Maybank, 100 Jalan Tun Perak", postal="50050"),
        Rec("Malayan Banking Bhd.", "KL", street="100 Jln Tun Perak", postal="50050")),
    one("MY", Rec("Top Glove Corporation Bhd", "Shah Alam",
                  street="Level 21, Top Glove Tower, 16 Persiaran Setia Dagang, Setia Alam",
                  postal="40170"),
        Rec("Top Glove Corp. Berhad", "Shah Alam", street="16, Persiaran Setia Dagang",
            postal="40170")),
    one("MY", Rec("Chong Hing Trading Sdn Bhd", "Bayan Lepas",
                  street="No. 23, Jalan Kampung Jawa", postal="11900"),
        Rec("CHONG HING TRADING SDN. BHD.", "Bayan Lepas", street="23 Jln Kampung Jawa",
            postal="11900")),
    one("MY", Rec("Petronas Chemicals Group Berhad", "Kuala Lumpur",
                  website="petronaschemicals.com"),
        Rec("Petronas Chemicals Group Bhd", "Kuala Lumpur",
            website="https://www.petronaschemicals.com")),
    one("MY", Rec("Hup Seng Perusahaan Makanan (M) Sdn Bhd", "Batu Pahat", "+60 7-431 1222"),
        Rec("Hup Seng Perusahaan Makanan (Malaysia) Sendirian Berhad", "Batu Pahat",
            "07-431 1222")),
    one("MY", Rec("Gardenia Bakeries (KL) Sdn Bhd", "Shah Alam",
                  street="Lot 3, Jalan Pelabur 23/1, Seksyen 23", postal="40300"),
        Rec("Gardenia Bakeries (K.L.) Sdn. Bhd.", "Shah Alam",
            street="Lot 3 Jln Pelabur 23/1 Sek. 23", postal="40300")),
    one("MY", Rec("Syarikat Perniagaan Kim Huat Sdn Bhd", "Johor Bahru", "+60 7-223 4567"),
        Rec("Kim Huat Sdn. Bhd.", "Johor Bahru", "07-223 4567")),
    two("MY", Rec("Sime Darby Plantation Berhad", "Petaling Jaya", "+60 3-7848 4000",
                  "simedarbyplantation.com"),
        Rec("Sime Darby Property Berhad", "Petaling Jaya", "03-7849 5000",
            "simedarbyproperty.com")),
    two("MY", Rec("YTL Corporation Berhad", "Kuala Lumpur", "+60 3-2117 0088",
                  street="11th Floor, Yeoh Tiong Lay Plaza, 55 Jalan Bukit Bintang",
                  postal="55100"),
        Rec("YTL Power International Berhad", "Kuala Lumpur", "03-2117 0088",
            street="55 Jalan Bukit Bintang", postal="55100")),
    two("MY", Rec("Chong Hing Trading Sdn Bhd", "Bayan Lepas", "+60 4-643 1188"),
        Rec("Chong Heng Trading Sdn. Bhd.", "Bayan Lepas", "04-644 2299")),
    two("MY", Rec("Kim Huat Hardware Sdn Bhd", "Johor Bahru", "+60 7-223 4567",
                  street="No. 12, Jalan Molek 1/29, Taman Molek", postal="81100"),
        Rec("Kim Huat Furniture Sdn. Bhd.", "Johor Bahru", "07-351 9900",
            street="12 Jln Molek 1/29, Tmn Molek", postal="81100")),
    # --- Thailand, Latin-script lists: Co., Ltd. / Public Company Limited / PCL
    one("TH", Rec("PTT Exploration and Production Public Company Limited", "Bangkok",
                  "+66 2 537 4000"),
        Rec("PTT Exploration & Production PCL", "Bangkok", "02-537-4000")),
    one("TH", Rec("The Siam Cement Public Company Limited", "Bangkok",
                  street="1 Siam Cement Road, Bangsue", postal="10800"),
        Rec("Siam Cement PCL", "Bangkok", street="1 Thanon Siam Cement, Bang Sue",
            postal="10800")),
    one("TH", Rec("Charoen Pokphand Foods Public Company Limited", "Bangkok",
                  website="cpfworldwide.com"),
        Rec("CHAROEN POKPHAND FOODS PCL", "Bangkok", website="www.cpfworldwide.com")),
    one("TH", Rec("Thai Union Group Public Company Limited", "Samut Sakhon",
                  street="72/1 Moo 7, Sethakit 1 Road, Tambon Tarsrai", postal="74000"),
        Rec("Thai Union Group PCL", "Samutsakorn", street="72/1 Moo 7, Sethakit 1 Rd.",
            postal="74000")),
    one("TH", Rec("Siam Makro Public Company Limited", "Bangkok", "+66 2 067 8999"),
        Rec("Siam Makro PCL", "Bangkok", "02 067 8999")),
    one("TH", Rec("Bangkok Dusit Medical Services Public Company Limited", "Bangkok",
                  street="2 Soi Soonvijai 7, New Petchburi Road", postal="10310"),
        Rec("Bangkok Dusit Medical Services PCL", "Bangkok",
            street="2 Soi Soonvijai 7, New Phetchaburi Rd.", postal="10310")),
    one("TH", Rec("Sahapat Foods Co., Ltd.", "Samut Prakan", "+66 2 709 1234"),
        Rec("Sahapat Foods Company Limited", "Samut Prakan", "02-709-1234")),
    two("TH", Rec("Siam Cement Public Company Limited", "Bangkok", "+66 2 586 3333",
                  "scg.com"),
        Rec("Siam Makro PCL", "Bangkok", "02 067 8999", "siammakro.co.th")),
    two("TH", Rec("Bangkok Glass Co., Ltd.", "Pathum Thani", "+66 2 834 7000"),
        Rec("Bangkok Steel Industry Co., Ltd.", "Pathum Thani", "02-529-1234")),
    two("TH", Rec("Central Pattana Public Company Limited", "Bangkok", "+66 2 667 5555",
                  street="999/9 Rama I Road, Pathumwan", postal="10330"),
        Rec("Central Retail Corporation PCL", "Bangkok", "02-650-3600",
            street="999/9 Rama 1 Rd., Pathum Wan", postal="10330")),
    # --- Philippines: Inc. / Incorporated, Corporation / Corp., Barangay / Brgy.
    one("PH", Rec("San Miguel Corporation", "Mandaluyong City", "+63 2 8632 3000"),
        Rec("San Miguel Corp.", "Mandaluyong", "(02) 8632-3000")),
    one("PH", Rec("Jollibee Foods Corporation", "Pasig City",
                  street="10/F Jollibee Plaza Building, 10 F. Ortigas Jr. Road, Ortigas Center",
                  postal="1605"),
        Rec("JOLLIBEE FOODS CORP", "Pasig City",
            street="Jollibee Plaza, 10 F. Ortigas Jr. Rd., Ortigas Center", postal="1605")),
    one("PH", Rec("Ayala Land, Inc.", "Makati City", website="ayalaland.com.ph"),
        Rec("Ayala Land Inc", "Makati", website="www.ayalaland.com.ph")),
    one("PH", Rec("Universal Robina Corporation", "Quezon City", "+63 2 8633 7631"),
        Rec("Universal Robina Corp.", "Quezon City", "02-8633-7631")),
    one("PH", Rec("Mercury Drug Corporation", "Quezon City",
                  street="7 Mercury Avenue, Barangay Bagumbayan", postal="1110"),
        Rec("Mercury Drug Corp.", "Quezon City", street="#7 Mercury Ave., Brgy. Bagumbayan",
            postal="1110")),
    one("PH", Rec("Globe Telecom, Inc.", "Taguig City", "+63 2 7730 1000"),
        Rec("Globe Telecom Incorporated", "Taguig", "(02) 7730-1000")),
    two("PH", Rec("Ayala Land, Inc.", "Makati City", "+63 2 7908 3111", "ayalaland.com.ph",
                  street="31F Tower One and Exchange Plaza, Ayala Triangle, Ayala Avenue",
                  postal="1226"),
        Rec("Ayala Corporation", "Makati City", "(02) 7908-3000", "ayala.com",
            street="32F Tower One and Exchange Plaza, Ayala Triangle, Ayala Ave.",
            postal="1226")),
    two("PH", Rec("San Miguel Brewery Inc.", "Mandaluyong City", "+63 2 8632 2000",
                  street="40 San Miguel Avenue", postal="1550"),
        Rec("San Miguel Foods, Inc.", "Mandaluyong City", "(02) 8702-7000",
            street="40 San Miguel Ave.", postal="1550")),
    two("PH", Rec("Golden Dragon Trading Inc.", "Manila", "+63 2 8242 1188"),
        Rec("Golden Phoenix Trading Inc.", "Manila", "(02) 8241-5566")),
    two("PH", Rec("Mercury Drug Corporation", "Quezon City", "+63 2 8911 5071",
                  "mercurydrug.com", street="Tomas Morato Avenue corner Scout Madriñan",
                  postal="1103"),
        Rec("Mercury Drug Corp.", "Quezon City", "(02) 8426-1234", "mercurydrug.com",
            street="Katipunan Avenue, Loyola Heights", postal="1108")),
    # --- Pakistan: (Pvt) Ltd / (Private) Limited, Limited / Ltd.
    one("PK", Rec("Engro Corporation Limited", "Karachi", "+92 21 3529 7501"),
        Rec("Engro Corp. Ltd.", "Karachi", "021-35297501")),
    one("PK", Rec("Lucky Cement Limited", "Karachi",
                  street="6-A, Mohammad Ali Housing Society, A. Aziz Hashim Tabba Street",
                  postal="75350"),
        Rec("LUCKY CEMENT LTD", "Karachi",
            street="6-A Muhammad Ali Society, Abdul Aziz Hashim Tabba St.", postal="75350")),
    one("PK", Rec("Habib Bank Limited", "Karachi", website="hbl.com"),
        Rec("Habib Bank Ltd.", "Karachi", website="www.hbl.com")),
    one("PK", Rec("Nishat Mills Limited", "Lahore", "+92 42 3636 0154"),
        Rec("Nishat Mills Ltd", "Lahore", "042-36360154")),
    one("PK", Rec("Shan Foods (Private) Limited", "Karachi", "+92 21 3256 9571"),
        Rec("Shan Foods (Pvt.) Ltd.", "Karachi", "(021) 32569571")),
    one("PK", Rec("Interloop (Pvt) Ltd", "Faisalabad", website="interloop-pk.com"),
        Rec("Interloop Private Limited", "Faisalabad", website="https://interloop-pk.com/")),
    two("PK", Rec("Habib Bank Limited", "Karachi", "+92 21 3242 1111"),
        Rec("Habib Metropolitan Bank Limited", "Karachi", "021-111-141-414",
            "habibmetro.com")),
    two("PK", Rec("Nishat Mills Limited", "Lahore", "+92 42 3636 0154"),
        Rec("Nishat Chunian Limited", "Lahore", "042-35761730", "nishat.net")),
    two("PK", Rec("Al-Fatah Textile (Pvt) Ltd", "Faisalabad", "+92 41 878 1234"),
        Rec("Al-Falah Textile (Pvt.) Ltd.", "Faisalabad", "041-876 5432")),
    # --- Bangladesh: Ltd. / Limited / PLC
    one("BD", Rec("Square Pharmaceuticals PLC", "Dhaka", "+880 2 883 3047"),
        Rec("Square Pharmaceuticals Ltd.", "Dhaka", "02-8833047")),
    one("BD", Rec("Square Pharmaceuticals PLC", "Dhaka",
                  street="Square Centre, 48 Mohakhali C/A", postal="1212"),
        Rec("SQUARE PHARMACEUTICALS LIMITED", "Dhaka", street="48, Mohakhali C/A",
            postal="1212")),
    one("BD", Rec("Beximco Pharmaceuticals Limited", "Dhaka", website="beximcopharma.com"),
        Rec("BEXIMCO PHARMACEUTICALS LTD", "Dhaka", website="www.beximcopharma.com")),
    one("BD", Rec("PRAN Foods Ltd.", "Dhaka", street="PRAN-RFL Center, 105 Middle Badda",
                  postal="1212"),
        Rec("Pran Foods Limited", "Dhaka", street="105 Middle Badda, Pragati Sarani",
            postal="1212")),
    one("BD", Rec("Grameenphone Ltd.", "Dhaka", website="grameenphone.com"),
        Rec("GrameenPhone Limited", "Dhaka", website="https://www.grameenphone.com")),
    one("BD", Rec("Akij Food & Beverage Ltd.", "Dhaka", "+880 2 9851100"),
        Rec("Akij Food and Beverage Limited", "Dhaka", "02-9851100")),
    two("BD", Rec("Beximco Pharmaceuticals Limited", "Dhaka", "+880 2 5861 1001",
                  street="17 Dhanmondi R/A, Road No. 2", postal="1205"),
        Rec("Beximco Textiles Limited", "Dhaka", "02-5861 1891",
            street="17 Dhanmondi R/A, Road No. 2", postal="1205")),
    two("BD", Rec("PRAN Foods Ltd.", "Dhaka", "+880 2 9881792",
                  street="PRAN-RFL Center, 105 Middle Badda", postal="1212"),
        Rec("PRAN Dairy Ltd.", "Dhaka", "02-9881792", street="105 Middle Badda",
            postal="1212")),
    two("BD", Rec("Rahman Textiles Ltd.", "Narayanganj", "+880 2 763 1234"),
        Rec("Rahim Textiles Ltd.", "Narayanganj", "02-763 9876")),
    # --- Singapore: Pte Ltd / Pte. Ltd. / Private Limited
    one("SG", Rec("DBS Bank Ltd.", "Singapore", "+65 6878 8888"),
        Rec("DBS Bank Limited", "Singapore", "6878 8888")),
    one("SG", Rec("Keppel Corporation Limited", "Singapore",
                  street="1 HarbourFront Avenue, #18-01 Keppel Bay Tower", postal="098632"),
        Rec("Keppel Corp Ltd", "Singapore", street="1 Harbourfront Ave #18-01",
            postal="098632")),
    one("SG", Rec("Tan Brothers Trading Pte Ltd", "Singapore",
                  street="10 Ubi Crescent, #05-12 Ubi Techpark", postal="408564"),
        Rec("TAN BROTHERS TRADING PTE. LTD.", "Singapore", street="10 Ubi Cres. #05-12",
            postal="408564")),
    one("SG", Rec("Ya Kun International Pte Ltd", "Singapore", "+65 6438 3638"),
        Rec("Ya Kun International Private Limited", "Singapore", "6438 3638")),
    one("SG", Rec("Sheng Siong Supermarket Pte. Ltd.", "Singapore", street="6 Mandai Link",
                  postal="728652"),
        Rec("Sheng Siong Supermarket Private Limited", "Singapore", street="6 Mandai Link",
            postal="728652")),
    one("SG", Rec("Hock Seng Engineering Pte Ltd", "Singapore", website="hockseng.com.sg"),
        Rec("Hock Seng Engineering Private Ltd", "Singapore", website="www.hockseng.com.sg")),
    one("SG", Rec("Singapore Telecommunications Limited", "Singapore", website="singtel.com"),
        Rec("SINGTEL", "Singapore", website="https://www.singtel.com/"),
        limit="a brand made of the name's syllables ('Singtel'), not its initials"),
    two("SG", Rec("Tan Brothers Trading Pte Ltd", "Singapore", "+65 6741 2233",
                  street="10 Ubi Crescent, #05-12 Ubi Techpark", postal="408564"),
        Rec("Lim Brothers Trading Pte. Ltd.", "Singapore", "6745 8899",
            street="10 Ubi Crescent #03-45", postal="408564")),
    two("SG", Rec("Keppel Corporation Limited", "Singapore", "+65 6270 6666",
                  street="1 HarbourFront Avenue, #18-01 Keppel Bay Tower", postal="098632"),
        Rec("Keppel Land Limited", "Singapore", "6338 8111",
            street="1 HarbourFront Avenue, #18-01 Keppel Bay Tower", postal="098632")),
    two("SG", Rec("Hock Seng Engineering Pte Ltd", "Singapore", "+65 6861 2345"),
        Rec("Hock Seng Construction Pte. Ltd.", "Singapore", "6862 9988",
            "hocksengconstruction.sg")),
]

@pytest.mark.parametrize("pair", with_limits(PAIRS), ids=[pair.description for pair in PAIRS])
def test_one_company_merges_two_stay_apart(pair: CountryPair, tmp_path: Path) -> None:
    left, right, evidence = companies_of(pair, tmp_path / "pair.db")
    assert ("one" if left == right else "two") == pair.expected, evidence


def country_scores(work: Path) -> dict[str, tuple[float, float, list[CountryPair]]]:
    """Per country (and "all"): precision and recall of the merges ("one" pairs are the
    positives), and the pairs decided wrongly."""
    def merged(number: int, pair: CountryPair) -> bool:
        left, right, _ = companies_of(pair, work / f"pair{number}.db")
        return left == right

    return scores_by(PAIRS, lambda pair: pair.country, merged)


#: The figures the table reaches (precision, recall of the merges), per country and pooled:
#: a change that decides a pair otherwise shows here as in the pair's own test. (Written
#: blind, the table first reached 1.000/0.862 pooled, VN 1.000/0.333 and MY 1.000/0.875.)
FLOORS = {"all": (1.0, 0.948), "VN": (1.0, 0.778), "ID": (1.0, 1.0), "MY": (1.0, 1.0),
          "TH": (1.0, 1.0), "PH": (1.0, 1.0), "PK": (1.0, 1.0), "BD": (1.0, 1.0),
          "SG": (1.0, 0.857)}


def test_country_figures_hold_their_floor(tmp_path: Path) -> None:
    scores = country_scores(tmp_path)
    assert set(scores) == set(FLOORS)
    for country, (precision, recall, wrong) in scores.items():
        assert precision >= FLOORS[country][0] and recall >= FLOORS[country][1] - 5e-4, (
            country, [pair.description for pair in wrong])


if __name__ == "__main__":  # python -m tests.test_matching_asia: the table's figures
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print_scores(country_scores(Path(tmp)), PAIRS, lambda pair: pair.country)
