"""The default region of an import that names none (no ``--region``): what the file says.

Numbers written without a country code ("310/246-1501", "0571-8888 6666") can only be read
in some country's plan; without one they are left out and every phone match of the file is
lost. Many lists never name their country because all their rows are in one. So the first
rows are asked: their country column, website and e-mail domains (``.de``, ``.co.uk``), and
failing those, the way their numbers are written (:func:`likely_region`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from leadgen.normalize.address import normalize_country
from leadgen.normalize.lead import region_from_domain
from leadgen.normalize.phone import likely_region
from leadgen.normalize.website import first_website, registered_domain

#: Rows read to guess from, and how many must name a country (at least four in five of them
#: the same) before their country is taken.
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
    for row in rows:
        found = set()
        for column in fields.get("country", ()):
            if country := normalize_country(row.get(column)):
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
    told = sum(named.values())
    if told >= LEAST_ROWS:
        country, count = named.most_common(1)[0]
        if count >= SHARE * told:
            return RegionChoice(country, f"{count} of {told} sampled rows that name a country "
                                         f"by column, web or e-mail domain name {country}")
    guess = likely_region(phones)
    if guess is None:
        return None
    return RegionChoice(guess.region, f"{guess.valid} of {guess.sampled} sampled phone numbers "
                                      f"without a country code are written as {guess.region} "
                                      "numbers")
