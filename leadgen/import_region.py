"""The default region of an import that names none (no ``--region``): what the file says.

Numbers written without a country code ("310/246-1501", "0571-8888 6666") can only be read
in some country's plan; without one they are left out and every phone match of the file is
lost. Many lists never name their country because all their rows are in one. So the first
rows are asked: their country column, website and e-mail domains (``.de``, ``.co.uk``), and
failing those, the way their numbers are written (:func:`likely_region`); where the numbers
fit several countries' plans alike ("030 1234567" is a number in Berlin and in Brescia), the
legal forms of the names decide among them (GmbH: Germany, Austria, Switzerland).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from leadgen.normalize.address import (
    normalize_country,
    one_line_country,
    postal_code_country,
    state_code_country,
    state_country,
    state_name_country,
)
from leadgen.normalize.lead import region_from_domain
from leadgen.normalize.name import countries_of_form, normalize_name
from leadgen.normalize.phone import RegionGuess, phone_regions, standout_region
from leadgen.normalize.website import first_website, registered_domain

#: Rows read to guess from, and how many must name a country (at least four in five of them
#: the same) before their country is taken (in a shorter file, all of its rows).
SAMPLE_ROWS = 200
LEAST_ROWS = 10
SHARE = 0.8


class RegionChoice(NamedTuple):
    region: str
    why: str
    """What the rows said, for the user: "37 of 40 sampled rows name DE (...)"."""


def guess_region(rows: Iterable[dict[str, str]], fields: dict[str, tuple[str, ...]],
                 ) -> RegionChoice | None:
    """The region most of ``rows`` (mapped by ``fields``: field -> columns) belong to, or
    None when they do not clearly say."""
    named: Counter[str] = Counter()
    phones: list[str] = []
    names: list[str] = []
    sampled = 0
    for row in rows:
        sampled += 1
        found = set()
        for column in fields.get("country", ()):
            if country := normalize_country(row.get(column)):
                found.add(country)
        if country := _address_country(row, fields):
            found.add(country)
        for column in fields.get("website", ()):
            site = first_website(row.get(column) or "")
            if site and (country := region_from_domain(site[1])):
                found.add(country)
        for column in fields.get("email", ()):
            _, at, domain = (row.get(column) or "").partition("@")
            if at and (country := region_from_domain(registered_domain(domain.strip()))):
                found.add(country)
        if len(found) == 1:
            named[found.pop()] += 1
        phones += [row.get(column) or "" for column in fields.get("phone", ())]
        names += [row.get(column) or "" for column in fields.get("name", ())]
    told = sum(named.values())
    # A short list is told by all its rows (two rows of .de e-mail domains name Germany).
    if told >= min(LEAST_ROWS, sampled) > 0:
        country, count = named.most_common(1)[0]
        if count >= SHARE * told:
            return RegionChoice(country, f"{count} of {told} sampled rows that name a country "
                                         "by column, address, web or e-mail domain name "
                                         f"{country}")
    regions = phone_regions(phones)
    guess = standout_region(regions)
    if guess is not None:
        return RegionChoice(guess.region, f"{guess.valid} of {guess.sampled} sampled phone "
                                          "numbers without a country code are written as "
                                          f"{guess.region} numbers")
    return _by_legal_forms({guess.region: guess for guess in regions}, names)


def _address_country(row: dict[str, str], fields: dict[str, tuple[str, ...]]) -> str | None:
    """The country a row's address names by itself: a state and a ZIP code ("WI", "53590"),
    a postal code of one country's shape ("M6G 1A4"), a one-line address ending in either, a
    state or province by its name ("Missouri") or by a code one country alone has ("MO")."""
    def first(field: str) -> str | None:
        return next((value for column in fields.get(field, ()) if (value := row.get(column))),
                    None)
    postal = first("postal_code")
    full = first("address")
    state = first("region")
    return (state_country(state, postal) or postal_code_country(postal)
            or (one_line_country(full) if full else None)
            or state_name_country(state) or state_code_country(state))


def _by_legal_forms(regions: dict[str, RegionGuess], names: list[str]) -> RegionChoice | None:
    """Among ``regions`` (those whose plan the numbers fit alike), the one most names' legal
    forms are registered in (at least four in five of the names with such a form, and none
    of the other regions as often)."""
    if len(regions) < 2:
        return None
    votes: Counter[str] = Counter()
    formed = 0
    for name in names:
        form = normalize_name(name).legal_form if name else None
        countries = countries_of_form(form) if form else None
        if countries:
            formed += 1
            votes.update(countries & regions.keys())
    if formed < LEAST_ROWS or not votes:
        return None
    (region, count), *others = votes.most_common(2)
    if count < SHARE * formed or (others and others[0][1] == count):
        return None
    guess, also = regions[region], sorted(set(regions) - {region})
    return RegionChoice(region, f"{guess.valid} of {guess.sampled} sampled phone numbers "
                                f"without a country code are written as {region} numbers "
                                f"(and as {', '.join(also[:3])} ones), and {count} of {formed} "
                                f"sampled names have a legal form of {region}")
