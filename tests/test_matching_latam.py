"""One company of Mexico, Colombia, Argentina, Chile, Peru or Brazil on two lists, as a table.

Each pair is two lists' records: a register-like list naming the company with its legal form
and accents as it writes them (Cemex, S.A.B. de C.V.; Ferretería El Tornillo S.A.S.; Arcor
S.A.I.C.; Alicorp S.A.A.; Padaria Pão Dourado Ltda.) and a second list writing it its own way:
the legal form spelled out or shortened otherwise (SA de CV, Sociedad Anónima de Capital
Variable, S. de R.L. de C.V., Sociedad por Acciones Simplificada, Limitada, SRL, Sociedad
Anónima Cerrada, E.I.R.L., SpA, S/A, Ltda ME, EPP, EIRELI), accents dropped, capitals, street
types shortened (Av., Avda., C., Col., Cra., Kr., Cl., Dg., Tv., Jr., R., Pdte.), Colombian
numbers written "# 71-21" or "No. 71-21", floors and offices (Piso, P., Of., sl), postal codes
with or without their city, letters or dash ("C.P. 06600", "C1106BKK", "Lima 15074",
"01310-100"), phones in national or international form. A pair of one company shares what such
lists share: a phone, a website or an address, not always all. A pair of two companies ("two")
is one a careless matcher would glue: one city and trade word, sister companies of one family
name or group at one address, a chain's two shops, namesakes in two towns. Each pair is
imported into a fresh SQLite database through the ingestor, as two lists' rows are, and the
companies it ends in are read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pair_table import CountryPair, Rec, one, print_scores, scores_by, two, with_limits
from tests.pair_table import ingest_country_pair as companies_of

PAIRS = [
    # --- Mexico
    one("MX", Rec("Cemex, S.A.B. de C.V.", "San Pedro Garza García", "+52 81 8888 8888",
                  "cemex.com", street="Av. Ricardo Margáin Zozaya 325, Col. Valle del Campestre",
                  postal="66265"),
        Rec("CEMEX SAB DE CV", "San Pedro Garza Garcia", "(81) 8888-8888")),
    one("MX", Rec("Grupo Bimbo, S.A.B. de C.V.", "Ciudad de México", "+52 55 5268 6600",
                  "grupobimbo.com", street="Prolongación Paseo de la Reforma 1000, "
                  "Col. Peña Blanca Santa Fe", postal="01210"),
        Rec("Grupo Bimbo SAB de CV", "CDMX", website="https://www.grupobimbo.com")),
    one("MX", Rec("Taller Mecánico Hernández S.A. de C.V.", "Guadalajara", "33 3614 2233",
                  street="Avenida Juárez 450, Colonia Centro", postal="44100"),
        Rec("TALLER MECANICO HERNANDEZ SA DE CV", "Guadalajara",
            street="Av. Juarez 450, Col. Centro", postal="C.P. 44100")),
    one("MX", Rec("Distribuidora Ramírez S. de R.L. de C.V.", "Puebla", "222 242 1188"),
        Rec("Distribuidora Ramirez Sociedad de Responsabilidad Limitada de Capital Variable",
            "Puebla", "+52 222 242 1188")),
    one("MX", Rec("Constructora López y Asociados, Sociedad Anónima de Capital Variable",
                  "Querétaro", street="Calle 5 de Mayo 32, Centro", postal="76000"),
        Rec("Constructora Lopez y Asociados SA de CV", "Queretaro", "442 212 3344",
            street="C. 5 de Mayo #32", postal="76000")),
    one("MX", Rec("Aerovías de México, S.A. de C.V.", "Ciudad de México", "01 800 021 4000",
                  "aeromexico.com"),
        Rec("AEROVIAS DE MEXICO SA DE CV", "Mexico City", "+52 800 021 4000")),
    one("MX", Rec("Papelería La Esperanza", "Mérida", "999 923 4567",
                  street="Calle 60 No. 512 x 63 y 65, Centro", postal="97000"),
        Rec("Papeleria La Esperanza SA de CV", "Merida", "+52 999 923 4567")),
    one("MX", Rec("Inmobiliaria Tres Ríos, S.A.P.I. de C.V.", "Culiacán", "667 712 3344"),
        Rec("Inmobiliaria Tres Rios SAPI de CV", "Culiacan", "+52 667 712 3344")),
    two("MX", Rec("Taller Mecánico Hernández S.A. de C.V.", "Guadalajara", "33 3614 2233"),
        Rec("Taller Mecánico Fernández S.A. de C.V.", "Guadalajara", "33 3615 9900")),
    two("MX", Rec("Inmobiliaria Garza S.A. de C.V.", "Monterrey", "81 8340 1100",
                  street="Av. Constitución 2050 Pte., Col. Centro", postal="64000"),
        Rec("Constructora Garza S.A. de C.V.", "Monterrey", "81 8340 1199",
            street="Av. Constitución 2050 Pte., Col. Centro", postal="64000")),
    two("MX", Rec("Sanborns Madero", "Ciudad de México", "55 5512 1331", "sanborns.com.mx",
                  street="Av. Francisco I. Madero 4, Col. Centro", postal="06000"),
        Rec("Sanborns Perisur", "Ciudad de México", "55 5606 4411", "sanborns.com.mx",
            street="Anillo Periférico Sur 4690, Col. Jardines del Pedregal", postal="04500")),
    two("MX", Rec("Ferretería La Palma", "Monterrey", "81 8375 2020"),
        Rec("Ferretería La Palma", "Oaxaca de Juárez", "951 516 2020")),
    # --- Colombia
    one("CO", Rec("Bancolombia S.A.", "Medellín", "+57 604 404 1000", "bancolombia.com",
                  street="Carrera 48 # 26-85", postal="050015"),
        Rec("BANCOLOMBIA SA", "Medellin", "(604) 4041000", street="Cra. 48 No. 26-85")),
    one("CO", Rec("Cementos Argos S.A.", "Medellín", "+57 604 319 8700", "argos.co",
                  street="Carrera 43A # 1A Sur-143", postal="050022"),
        Rec("Cementos Argos Sociedad Anónima", "Medellin", website="www.argos.co",
            street="Kr 43A No. 1A Sur 143")),
    one("CO", Rec("Alpina Productos Alimenticios S.A.", "Sopó", "+57 601 423 8600", "alpina.com"),
        Rec("ALPINA PRODUCTOS ALIMENTICIOS SA", "Sopo", "(1) 423 8600")),
    one("CO", Rec("Ferretería El Tornillo S.A.S.", "Bogotá", "+57 601 345 6789",
                  street="Calle 13 # 15-20", postal="110311"),
        Rec("Ferreteria El Tornillo Sociedad por Acciones Simplificada", "Bogota D.C.",
            street="Cl. 13 No. 15-20", postal="110311")),
    one("CO", Rec("Transportes Gómez Ltda.", "Cali", "602 555 1234"),
        Rec("TRANSPORTES GOMEZ LIMITADA", "Santiago de Cali", "+57 602 5551234")),
    one("CO", Rec("Almacenes Éxito S.A.", "Envigado", "+57 604 604 9696", "grupoexito.com.co",
                  street="Carrera 48 # 32B Sur-139"),
        Rec("Almacenes Exito SA", "Envigado", website="https://www.grupoexito.com.co",
            street="Cr 48 #32B Sur 139")),
    one("CO", Rec("Panadería La Espiga SAS", "Bucaramanga", street="Diagonal 15 # 55-32",
                  postal="680003"),
        Rec("Panaderia La Espiga S.A.S.", "Bucaramanga", "607 634 2211",
            street="Dg. 15 No. 55-32", postal="680003")),
    one("CO", Rec("Clínica Dental Sonrisas S.A.S.", "Barranquilla", "+57 605 358 9900",
                  street="Transversal 44 # 100-21"),
        Rec("Clinica Dental Sonrisas SAS", "Barranquilla", "605 3589900",
            street="Tv 44 No 100 - 21")),
    one("CO", Rec("Empresas Públicas de Medellín E.S.P.", "Medellín", "+57 604 444 4115",
                  "epm.com.co"),
        Rec("Empresas Publicas de Medellin ESP", "Medellin", website="www.epm.com.co")),
    two("CO", Rec("Cementos Argos S.A.", "Medellín", "+57 604 319 8700", "argos.co",
                  street="Carrera 43A # 1A Sur-143"),
        Rec("Celsia S.A.", "Medellín", "+57 604 326 6600", "celsia.com",
            street="Calle 12 Sur # 18-168")),
    two("CO", Rec("Alpina Productos Alimenticios S.A.", "Sopó", "+57 601 423 8600", "alpina.com",
                  street="Km 3 Vía Briceño Sopó"),
        Rec("Alpina Alimentos S.A.S.", "Sopó", "+57 601 423 8700",
            street="Km 3 Vía Briceño Sopó")),
    two("CO", Rec("Crepes & Waffles Usaquén", "Bogotá", "+57 601 676 7600", "crepesywaffles.com",
                  street="Carrera 6 # 119-24"),
        Rec("Crepes & Waffles Chapinero", "Bogotá", "+57 601 212 5500", "crepesywaffles.com",
            street="Carrera 13 # 63-40")),
    two("CO", Rec("Ferretería El Constructor", "Pereira", "606 335 1122"),
        Rec("Ferretería El Constructor", "Manizales", "606 884 1122")),
    # --- Argentina
    one("AR", Rec("YPF S.A.", "Buenos Aires", "+54 11 5441 2000", "ypf.com",
                  street="Macacha Güemes 515", postal="C1106BKK"),
        Rec("YPF SOCIEDAD ANONIMA", "Ciudad Autónoma de Buenos Aires", "011 5441-2000",
            street="Macacha Guemes 515", postal="1106")),
    one("AR", Rec("Arcor S.A.I.C.", "Córdoba", "+54 351 420 8200", "arcor.com"),
        Rec("Arcor SAIC", "Cordoba", website="www.arcor.com")),
    one("AR", Rec("Panadería La Nueva Espiga S.R.L.", "Rosario", "0341 421-5566",
                  street="Av. Pellegrini 1234", postal="S2000"),
        Rec("Panaderia La Nueva Espiga SRL", "Rosario", "+54 341 421 5566")),
    one("AR", Rec("Estudio Contable Fernández & Asociados", "Mendoza",
                  street="Avenida San Martín 1050, Piso 3, Of. 5", postal="M5500AAB"),
        Rec("Estudio Contable Fernandez y Asociados", "Mendoza", "0261 423 4455",
            street="Av. San Martin 1050 3° Of. 5", postal="5500")),
    one("AR", Rec("Transportes Rodríguez Sociedad de Responsabilidad Limitada", "La Plata",
                  "0221 482 3344"),
        Rec("Transportes Rodriguez S.R.L.", "La Plata", "+54 221 482-3344")),
    one("AR", Rec("MercadoLibre S.R.L.", "Buenos Aires", website="mercadolibre.com.ar",
                  street="Av. Caseros 3039, Piso 2", postal="C1264AAO"),
        Rec("Mercado Libre SRL", "CABA", street="Avenida Caseros 3039 P. 2", postal="1264")),
    one("AR", Rec("Bodega Catena Zapata S.A.", "Luján de Cuyo", "+54 261 413 1100",
                  "catenazapata.com"),
        Rec("BODEGA CATENA ZAPATA", "Lujan de Cuyo", "0261 413-1100")),
    one("AR", Rec("Servicios Digitales del Sur S.A.U.", "Córdoba", "0351 468 9900",
                  street="Bv. San Juan 250", postal="X5000"),
        Rec("Servicios Digitales del Sur Sociedad Anónima Unipersonal", "Cordoba",
            "+54 351 468-9900")),
    two("AR", Rec("Panadería La Nueva Espiga S.R.L.", "Rosario", "0341 421-5566"),
        Rec("Panadería La Nueva Estrella S.R.L.", "Rosario", "0341 437-8899")),
    two("AR", Rec("Fernández Construcciones S.A.", "Córdoba", "0351 422 1100",
                  street="Bv. San Juan 250", postal="X5000"),
        Rec("Fernández Inmobiliaria S.A.", "Córdoba", "0351 422 1177",
            street="Bv. San Juan 250", postal="X5000")),
    two("AR", Rec("Havanna Recoleta", "Buenos Aires", "011 4804-1122", "havanna.com.ar",
                  street="Av. Callao 1800"),
        Rec("Havanna Palermo", "Buenos Aires", "011 4833-5566", "havanna.com.ar",
            street="Av. Santa Fe 3253")),
    two("AR", Rec("Farmacia del Pueblo", "Salta", "0387 421 1234"),
        Rec("Farmacia del Pueblo", "San Miguel de Tucumán", "0381 421 1234")),
    # --- Chile
    one("CL", Rec("Sociedad Química y Minera de Chile S.A.", "Santiago", "+56 2 2425 2000",
                  "sqm.com", street="El Trovador 4285", postal="7550079"),
        Rec("Sociedad Quimica y Minera de Chile SA", "Santiago", "(2) 2425 2000")),
    one("CL", Rec("Falabella S.A.", "Santiago", website="falabella.com",
                  street="Manuel Rodríguez Norte 730", postal="8340434"),
        Rec("FALABELLA SA", "Santiago", "+56 2 2380 2000", street="Manuel Rodriguez Nte. 730",
            postal="8340434")),
    one("CL", Rec("Constructora Soto y Compañía Limitada", "Concepción", "+56 41 222 3344"),
        Rec("Constructora Soto y Cia. Ltda.", "Concepcion", "(41) 2223344")),
    one("CL", Rec("Viña Concha y Toro S.A.", "Pirque", "+56 2 2476 5000", "conchaytoro.com"),
        Rec("Vina Concha y Toro SA", "Pirque", website="www.conchaytoro.com")),
    one("CL", Rec("Servicios Informáticos Araya SpA", "Valparaíso",
                  street="Avenida Brasil 1560, Oficina 402", postal="2340000"),
        Rec("Servicios Informaticos Araya Sociedad por Acciones", "Valparaiso", "32 225 6677",
            street="Av. Brasil 1560 Of. 402", postal="2340000")),
    one("CL", Rec("Transportes Muñoz E.I.R.L.", "Antofagasta", "55 226 7788"),
        Rec("Transportes Munoz Empresa Individual de Responsabilidad Limitada", "Antofagasta",
            "+56 55 2267788")),
    one("CL", Rec("Panadería Los Aromos Ltda.", "Temuco", "+56 45 221 3344",
                  street="Avenida Alemania 0456"),
        Rec("PANADERIA LOS AROMOS LIMITADA", "Temuco", street="Avda. Alemania 0456")),
    one("CL", Rec("LATAM Airlines Group S.A.", "Santiago", "+56 2 2565 2525", "latam.com",
                  street="Presidente Riesco 5711, Piso 20", postal="7561114"),
        Rec("Latam Airlines Group SA", "Las Condes", "(2) 2565 2525",
            street="Pdte. Riesco 5711 P. 20")),
    two("CL", Rec("Constructora Soto y Compañía Limitada", "Concepción", "+56 41 222 3344"),
        Rec("Constructora Sotomayor Ltda.", "Concepción", "+56 41 279 8800")),
    two("CL", Rec("Inversiones Larraín SpA", "Las Condes", "+56 2 2246 1100",
                  street="Av. Apoquindo 3000, Of. 1201", postal="7550000"),
        Rec("Inmobiliaria Larraín SpA", "Las Condes", "+56 2 2246 1190",
            street="Av. Apoquindo 3000, Of. 1201", postal="7550000")),
    two("CL", Rec("Farmacias Ahumada Providencia", "Santiago", "+56 2 2233 4455",
                  "farmaciasahumada.cl", street="Av. Providencia 2124"),
        Rec("Farmacias Ahumada Ñuñoa", "Santiago", "+56 2 2274 8899", "farmaciasahumada.cl",
            street="Av. Irarrázaval 3400")),
    two("CL", Rec("Ferretería El Sol", "Talca", "+56 71 223 4455"),
        Rec("Ferretería El Sol", "La Serena", "+56 51 223 4455")),
    # --- Peru
    one("PE", Rec("Alicorp S.A.A.", "Callao", "+51 1 315 0800", "alicorp.com.pe",
                  street="Av. Argentina 4793, Carmen de la Legua Reynoso"),
        Rec("ALICORP SOCIEDAD ANONIMA ABIERTA", "Callao", "(01) 315-0800")),
    one("PE", Rec("Gloria S.A.", "Lima", website="grupogloria.com",
                  street="Av. República de Panamá 2461, La Victoria", postal="Lima 13"),
        Rec("GLORIA SA", "Lima", "+51 1 470 7170", street="Av. Rep. de Panama 2461",
            postal="15034")),
    one("PE", Rec("Inversiones Quispe S.A.C.", "Arequipa", "054 22 3344"),
        Rec("Inversiones Quispe Sociedad Anónima Cerrada", "Arequipa", "+51 54 223344")),
    one("PE", Rec("Transportes Huamán E.I.R.L.", "Trujillo", "(044) 25 6677",
                  street="Jr. Pizarro 450"),
        Rec("Transportes Huaman Empresa Individual de Responsabilidad Limitada", "Trujillo",
            street="Jirón Pizarro 450")),
    one("PE", Rec("Restaurante El Chalán S.R.L.", "Lima", "+51 1 445 2233",
                  street="Calle Schell 120, Miraflores", postal="Lima 15074"),
        Rec("Restaurante El Chalan SRL", "Miraflores", "01 445 2233", postal="15074")),
    one("PE", Rec("Unión de Cervecerías Peruanas Backus y Johnston S.A.A.", "Lima",
                  "+51 1 311 3000", "backus.pe"),
        Rec("Union de Cervecerias Peruanas Backus y Johnston SAA", "Lima",
            website="www.backus.pe")),
    one("PE", Rec("Ferretería San Martín S.A.C.", "Cusco", street="Avenida de la Cultura 1020",
                  postal="08002"),
        Rec("Ferreteria San Martin SAC", "Cusco", "084 23 4455",
            street="Av. de la Cultura 1020", postal="08002")),
    one("PE", Rec("Clínica San Felipe S.A.", "Lima", "+51 1 219 0000", "clinicasanfelipe.com",
                  street="Av. Gregorio Escobedo 650, Jesús María", postal="Lima 11"),
        Rec("Clinica San Felipe SA", "Jesus Maria", "(01) 219-0000", postal="15072")),
    two("PE", Rec("Inversiones Quispe S.A.C.", "Arequipa", "054 22 3344"),
        Rec("Inversiones Quintana S.A.C.", "Arequipa", "054 28 7711")),
    two("PE", Rec("Constructora Vargas S.A.C.", "Lima", "+51 1 434 1100",
                  street="Av. Javier Prado Este 4200, Santiago de Surco", postal="15023"),
        Rec("Inmobiliaria Vargas S.A.C.", "Lima", "+51 1 434 1188",
            street="Av. Javier Prado Este 4200, Santiago de Surco", postal="15023")),
    two("PE", Rec("Pardos Chicken Miraflores", "Lima", "+51 1 446 3535", "pardoschicken.pe",
                  street="Av. José Larco 1102, Miraflores"),
        Rec("Pardos Chicken San Isidro", "Lima", "+51 1 421 6060", "pardoschicken.pe",
            street="Av. Conquistadores 560, San Isidro")),
    two("PE", Rec("Botica Santa Rosa", "Piura", "073 30 1122"),
        Rec("Botica Santa Rosa", "Chiclayo", "074 20 1122")),
    # --- Brazil
    one("BR", Rec("Petróleo Brasileiro S.A. - Petrobras", "Rio de Janeiro", "+55 21 3224 4477",
                  "petrobras.com.br", street="Avenida República do Chile, 65",
                  postal="20031-912"),
        Rec("PETROLEO BRASILEIRO SA PETROBRAS", "Rio de Janeiro", "(21) 3224-4477",
            street="Av. Rep. do Chile 65", postal="20031912")),
    one("BR", Rec("Natura Cosméticos S.A.", "São Paulo", website="natura.com.br",
                  street="Avenida Alexandre Colares, 1188", postal="05106-000"),
        Rec("Natura Cosmeticos SA", "Sao Paulo", "+55 11 4389 7317",
            street="Av. Alexandre Colares 1188", postal="05106000")),
    one("BR", Rec("Padaria Pão Dourado Ltda.", "Belo Horizonte", "(31) 3222-4455",
                  street="Rua da Bahia, 1020"),
        Rec("PADARIA PAO DOURADO LTDA ME", "Belo Horizonte", "+55 31 3222 4455",
            street="R. da Bahia 1020")),
    one("BR", Rec("Auto Peças Silva EIRELI", "Curitiba", "41 3333-2211"),
        Rec("Auto Pecas Silva Empresa Individual de Responsabilidade Limitada", "Curitiba",
            "+55 (41) 3333-2211")),
    one("BR", Rec("Construtora Oliveira Ltda. - EPP", "Porto Alegre",
                  street="Avenida Ipiranga, 6681, Sala 302", postal="90619-900"),
        Rec("Construtora Oliveira Ltda EPP", "Porto Alegre", "(51) 3320-1122",
            street="Av. Ipiranga 6681 sl 302", postal="90619900")),
    one("BR", Rec("Magazine Luiza S.A.", "Franca", "+55 16 3711 2002", "magazineluiza.com.br"),
        Rec("Magazine Luiza", "Franca - SP", website="www.magazineluiza.com.br")),
    one("BR", Rec("Embraer S.A.", "São José dos Campos", "+55 12 3927 4000", "embraer.com"),
        Rec("EMBRAER SA", "Sao Jose dos Campos", "(12) 3927-4000")),
    one("BR", Rec("Restaurante Sabor Mineiro Ltda.", "Salvador", "(71) 3241-5566",
                  street="Rua Chile, 20, Centro", postal="40020-000"),
        Rec("Restaurante Sabor Mineiro", "Salvador", street="R. Chile 20", postal="40020000")),
    one("BR", Rec("Itaú Unibanco S.A.", "São Paulo", website="itau.com.br",
                  street="Praça Alfredo Egydio de Souza Aranha, 100", postal="04344-902"),
        Rec("ITAU UNIBANCO S/A", "SAO PAULO", street="Pça. Alfredo Egydio de Souza Aranha 100",
            postal="04344902")),
    one("BR", Rec("Companhia Brasileira de Distribuição", "São Paulo", "+55 11 3886 0421",
                  "gpabr.com"),
        Rec("Cia. Brasileira de Distribuicao", "Sao Paulo", "(11) 3886-0421")),
    two("BR", Rec("Padaria Pão Dourado Ltda.", "Belo Horizonte", "(31) 3222-4455"),
        Rec("Padaria Pão de Ouro Ltda.", "Belo Horizonte", "(31) 3274-8811")),
    two("BR", Rec("Oliveira Participações S.A.", "Porto Alegre", "(51) 3320-1100",
                  street="Avenida Ipiranga, 6681, Sala 302", postal="90619-900"),
        Rec("Oliveira Engenharia Ltda.", "Porto Alegre", "(51) 3320-1177",
            street="Avenida Ipiranga, 6681, Sala 302", postal="90619-900")),
    two("BR", Rec("Drogaria São Paulo - Paulista", "São Paulo", "(11) 3283-1122",
                  "drogariasaopaulo.com.br", street="Av. Paulista, 1000"),
        Rec("Drogaria São Paulo - Pinheiros", "São Paulo", "(11) 3081-5566",
            "drogariasaopaulo.com.br", street="R. dos Pinheiros, 800")),
    two("BR", Rec("Farmácia Santa Luzia", "Recife", "(81) 3224-1122"),
        Rec("Farmácia Santa Luzia", "Fortaleza", "(85) 3224-1122")),
]


@pytest.mark.parametrize("pair", with_limits(PAIRS), ids=[pair.description for pair in PAIRS])
def test_one_company_on_two_lists_merges_two_stay_apart(pair: CountryPair, tmp_path: Path) -> None:
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
#: blind, the table first reached 0.944/1.000 pooled, AR and CL 0.889/1.000 and BR
#: 0.909/1.000: three namesakes in two towns merged on phones sharing their last 7 digits.)
FLOORS = {"all": (1.0, 1.0), "MX": (1.0, 1.0), "CO": (1.0, 1.0), "AR": (1.0, 1.0),
          "CL": (1.0, 1.0), "PE": (1.0, 1.0), "BR": (1.0, 1.0)}


def test_country_figures_hold_their_floor(tmp_path: Path) -> None:
    scores = country_scores(tmp_path)
    assert set(scores) == set(FLOORS)
    for country, (precision, recall, wrong) in scores.items():
        assert precision >= FLOORS[country][0] and recall >= FLOORS[country][1] - 5e-4, (
            country, [pair.description for pair in wrong])


if __name__ == "__main__":  # python -m tests.test_matching_latam: the table's figures
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print_scores(country_scores(Path(tmp)), PAIRS, lambda pair: pair.country)
