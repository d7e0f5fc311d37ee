"""The profile-independent facts about every lead, computed once into columnar (numpy) form.

Scoring a million leads after a profile change must not re-read a million descriptions, so the
facts the rules look at are extracted once: text as token ids over one vocabulary (per field, in
coordinate form), size signals as float columns, categorical values as codes, contact facts as
flags from one ``GROUP BY`` over contacts. The result is cached beside the database and reused
while a fingerprint of the data (row counts, newest ids and times, status counts) is unchanged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection, Engine

from enrich.scoring.text import Vocabulary, fold, tokens
from leadgen.normalize.email import is_free_mail
from leadgen.storage.models import Company, ContactPoint, Suppression

log = logging.getLogger(__name__)

FEATURES_VERSION = 2  # 2: free mail read by is_free_mail (yahoo.co.in, ISP mailboxes)
TEXT_FIELDS = ("name", "description", "categories", "products")
CATEGORICAL = ("country", "region", "status", "outcome", "domain", "membership_tier", "booth_size")
NUMERIC = ("employees", "founded_year", "revenue", "booth_sqm")
FLAGS = (
    "decision_maker", "person", "verified_email", "any_email", "valid_phone", "any_phone",
    "live_website", "website", "free_mail_only", "suppressed",
)
#: What the data-completeness score counts, each worth the same.
COMPLETENESS_FACTS = (
    "website", "any_email", "any_phone", "address", "country", "categories", "description",
    "employees", "founded_year", "decision_maker", "verified_email",
)
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")
_REVENUE_UNIT = re.compile(
    r"(billion|bn|mrd|milliarde\w*|亿|million\w*|mio|mn|m\b|万|thousand|k\b|tsd)", re.I
)
_UNIT_MILLIONS = {"亿": 100.0, "万": 0.01}


@dataclass
class FeatureSet:
    """Columnar facts about ``n`` companies (row ``i`` is company ``ids[i]``)."""

    ids: np.ndarray
    vocab: Vocabulary
    text: dict[str, tuple[np.ndarray, np.ndarray]]
    """Per text field: (row index, token id) pairs, one per distinct token in the row."""
    categorical: dict[str, tuple[np.ndarray, list[str]]]
    """Per field: codes (-1 = unknown) and the values they index."""
    numeric: dict[str, np.ndarray]
    """Per field: float values, NaN when unknown."""
    flags: dict[str, np.ndarray]
    completeness: np.ndarray
    fingerprint: str = ""
    build_seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    _indexes: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        """Number of companies."""
        return int(self.ids.shape[0])

    def codes_of(self, name: str, values: Iterable[str]) -> np.ndarray:
        """Codes of ``values`` in categorical column ``name`` (values not present are skipped)."""
        if name not in self._indexes:
            self._indexes[name] = {v: i for i, v in enumerate(self.categorical[name][1])}
        index = self._indexes[name]
        return np.asarray([index[v] for v in values if v in index], dtype=np.int64)

    def in_values(self, name: str, values: Iterable[str]) -> np.ndarray:
        """Boolean mask: the categorical column ``name`` is one of ``values``."""
        codes = self.categorical[name][0]
        return np.isin(codes, self.codes_of(name, values))

    def known(self, name: str) -> np.ndarray:
        """Boolean mask: the categorical column ``name`` has a value."""
        return self.categorical[name][0] >= 0


def parse_number(text: Any) -> float | None:
    """The first number in ``text`` ("36 sqm" -> 36.0, "1.200" -> 1200.0)."""
    if text is None:
        return None
    if isinstance(text, int | float):
        return float(text)
    match = _NUMBER.search(str(text))
    if not match:
        return None
    raw = match.group(1)
    # "1.200" / "1,200" is a thousands separator, "2.5" a decimal.
    if re.fullmatch(r"\d{1,3}[.,]\d{3}", raw):
        return float(raw.replace(".", "").replace(",", ""))
    return float(raw.replace(",", "."))


def parse_revenue_millions(text: Any) -> float | None:
    """Lower bound of a revenue band in millions ("EUR 10-50M" -> 10, "5000万" -> 50)."""
    value = parse_number(text)
    if value is None or isinstance(text, int | float):
        return value / 1e6 if value is not None else None
    unit = _REVENUE_UNIT.search(str(text))
    if unit is None:
        return value / 1e6 if value >= 10_000 else value
    word = unit.group(1).lower()
    if word in _UNIT_MILLIONS:
        return value * _UNIT_MILLIONS[word]
    if word.startswith(("b", "mrd", "milliard")):
        return value * 1000.0
    if word.startswith(("thousand", "k", "tsd")):
        return value / 1000.0
    return value


def parse_booth_sqm(text: Any) -> float | None:
    """Booth area in square metres ("36 sqm", "20 m²", "400 sq ft")."""
    value = parse_number(text)
    if value is None:
        return None
    if isinstance(text, str) and re.search(r"sq\.?\s*f|ft", text, re.I):
        return round(value * 0.0929, 1)
    return value


def parse_employees(size: dict[str, Any]) -> float | None:
    """Employees as stated, else the lower bound of the employee band ("50-199" -> 50)."""
    value = size.get("employees")
    if isinstance(value, int | float) and value >= 0:
        return float(value)
    return parse_number(size.get("employees_band"))


def fingerprint(connection: Connection) -> str:
    """A cheap digest of the data the features depend on; changes when leads change."""
    parts: list[Any] = [FEATURES_VERSION]
    parts.append(connection.execute(select(
        func.count(), func.max(Company.id), func.max(Company.last_seen),
        func.max(Company.enriched_at),
    )).one())
    parts.append(sorted(connection.execute(
        select(Company.status, Company.outcome, func.count()).group_by(
            Company.status, Company.outcome
        )
    ).all(), key=str))
    # New contacts get new ids; re-checked ones a new checked_at.
    parts.append(connection.execute(select(
        func.count(), func.max(ContactPoint.id), func.max(ContactPoint.checked_at),
    )).one())
    parts.append(connection.execute(select(func.count(), func.max(Suppression.id))).one())
    digest = json.dumps([list(p) if isinstance(p, tuple) else p for p in parts], default=str)
    return hashlib.sha1(digest.encode()).hexdigest()


class _Categories:
    """Grows a categorical column: value -> code."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.codes: list[int] = []

    def add(self, value: str | None) -> None:
        if value is None or value == "":
            self.codes.append(-1)
        else:
            self.codes.append(self.index.setdefault(value, len(self.index)))

    def result(self) -> tuple[np.ndarray, list[str]]:
        return np.asarray(self.codes, dtype=np.int32), list(self.index)


def _contact_flags(connection: Connection, id_index: dict[int, int], n: int) -> dict[str, Any]:
    """Contact facts per company from one GROUP BY (set-based, no row-by-row queries)."""
    c = ContactPoint

    def flag(condition: Any) -> Any:
        return func.max(case((condition, 1), else_=0))

    query = select(
        c.company_id,
        flag((c.kind == "person") & c.decision_maker.is_(True)),
        flag(c.kind == "person"),
        flag((c.kind == "email") & (c.status == "valid")),
        flag(c.kind == "email"),
        flag((c.kind == "phone") & (c.status == "valid")),
        flag(c.kind == "phone"),
        flag((c.kind == "website") & (c.status == "valid")),
        flag(c.kind == "website"),
    ).group_by(c.company_id)
    names = FLAGS[:8]
    flags = {name: np.zeros(n, dtype=bool) for name in names}
    for row in connection.execute(query):
        i = id_index.get(row[0])
        if i is None:
            continue
        for name, value in zip(names, row[1:], strict=True):
            if value:
                flags[name][i] = True
    emails: dict[int, list[str]] = {}
    for company_id, value in connection.execute(
        select(c.company_id, c.value).where(c.kind == "email")
    ):
        emails.setdefault(company_id, []).append(value)
    return {"flags": flags, "emails": emails}


def build_features(engine: Engine) -> FeatureSet:
    """Read every company once and compute its features (the slow, cache-miss path)."""
    import time

    started = time.perf_counter()
    with engine.connect() as connection:
        stamp = fingerprint(connection)
        ids = np.asarray(
            connection.execute(select(Company.id).order_by(Company.id)).scalars().all(),
            dtype=np.int64,
        )
        n = len(ids)
        id_index = {int(company_id): i for i, company_id in enumerate(ids.tolist())}
        contact = _contact_flags(connection, id_index, n)
        suppressed_by_kind: dict[str, set[str]] = {}
        for kind, value in connection.execute(select(Suppression.kind, Suppression.value)):
            suppressed_by_kind.setdefault(kind, set()).add(value.lower())
        features = _read_companies(connection, n, contact, suppressed_by_kind)
    features.ids = ids
    features.fingerprint = stamp
    features.build_seconds = time.perf_counter() - started
    return features


def _read_companies(
    connection: Connection, n: int, contact: dict[str, Any], suppressed: dict[str, set[str]]
) -> FeatureSet:
    vocab_index: dict[str, int] = {}
    # Compact int32 buffers: a million descriptions make tens of millions of (row, token) pairs.
    text_rows = {name: array("i") for name in TEXT_FIELDS}
    text_cols = {name: array("i") for name in TEXT_FIELDS}
    cats = {name: _Categories() for name in CATEGORICAL}
    nums = {name: np.full(n, np.nan) for name in NUMERIC}
    flags: dict[str, np.ndarray] = dict(contact["flags"])
    flags["free_mail_only"] = np.zeros(n, dtype=bool)
    flags["suppressed"] = np.zeros(n, dtype=bool)
    facts = {name: np.zeros(n, dtype=bool) for name in ("address", "categories", "description")}
    emails_of: dict[int, list[str]] = contact["emails"]
    c = Company
    query = select(
        c.id, c.display_name, c.legal_name, c.registered_domain, c.website, c.email, c.phone,
        c.street, c.city, c.region, c.country, c.categories, c.description, c.size, c.extra,
        c.status, c.outcome, c.name_key,
    ).order_by(c.id)
    result = connection.execution_options(yield_per=20_000).execute(query)
    for i, row in enumerate(result):
        (company_id, name, legal_name, domain, website, email, phone, street, city, region,
         country, categories, description, size, extra, status, outcome, name_key) = row
        categories = categories if isinstance(categories, list) else []
        extra = extra if isinstance(extra, dict) else {}
        size = size if isinstance(size, dict) else {}
        products = extra.get("products") or []
        texts = {
            "name": " ".join(filter(None, (name, legal_name))),
            "description": description,
            "categories": " | ".join(str(x) for x in categories),
            "products": products if isinstance(products, str) else " | ".join(map(str, products)),
        }
        for field_name, text in texts.items():
            found = tokens(text)
            if found:
                text_rows[field_name].extend([i] * len(found))
                text_cols[field_name].extend(
                    [vocab_index.setdefault(token, len(vocab_index)) for token in found]
                )
        cats["country"].add(country.upper() if country else None)
        cats["region"].add(fold(region) if region else None)
        cats["status"].add(status)
        cats["outcome"].add(outcome)
        cats["domain"].add(domain.lower() if domain else None)
        cats["membership_tier"].add(fold(str(size["membership_tier"]))
                                    if size.get("membership_tier") else None)
        cats["booth_size"].add(fold(str(size["booth_size"])) if size.get("booth_size") else None)
        nums["employees"][i] = _nan(parse_employees(size))
        nums["founded_year"][i] = _nan(parse_number(size.get("founded_year")))
        nums["revenue"][i] = _nan(parse_revenue_millions(size.get("revenue_band")))
        nums["booth_sqm"][i] = _nan(parse_booth_sqm(size.get("booth_size")))
        addresses = [e.lower() for e in emails_of.get(company_id, [])]
        if email:
            addresses.append(email.lower())
        domains = {a.rsplit("@", 1)[-1] for a in addresses}
        flags["free_mail_only"][i] = bool(domains) and all(map(is_free_mail, domains))
        if website:
            flags["website"][i] = True
        if addresses:
            flags["any_email"][i] = True
        if phone:
            flags["any_phone"][i] = True
        facts["address"][i] = bool(street or city)
        facts["categories"][i] = bool(categories)
        facts["description"][i] = bool(description)
        flags["suppressed"][i] = bool(
            (domain and domain.lower() in suppressed.get("domain", ()))
            or (phone and phone.lower() in suppressed.get("phone", ()))
            or (name_key and name_key.lower() in suppressed.get("name_key", ()))
            or any(a in suppressed.get("email", ()) for a in addresses)
        )
    vocab = Vocabulary(list(vocab_index))
    text = {
        name: (np.frombuffer(text_rows[name], dtype=np.int32).copy(),
               np.frombuffer(text_cols[name], dtype=np.int32).copy())
        for name in TEXT_FIELDS
    }
    categorical = {name: cat.result() for name, cat in cats.items()}
    known = {
        "website": flags["website"], "any_email": flags["any_email"],
        "any_phone": flags["any_phone"], "address": facts["address"],
        "country": categorical["country"][0] >= 0, "categories": facts["categories"],
        "description": facts["description"], "employees": ~np.isnan(nums["employees"]),
        "founded_year": ~np.isnan(nums["founded_year"]),
        "decision_maker": flags["decision_maker"], "verified_email": flags["verified_email"],
    }
    completeness = (
        100.0 * np.sum([known[name] for name in COMPLETENESS_FACTS], axis=0)
        / len(COMPLETENESS_FACTS)
    ).astype(np.float32) if n else np.zeros(0, dtype=np.float32)
    return FeatureSet(
        ids=np.zeros(0, dtype=np.int64), vocab=vocab, text=text, categorical=categorical,
        numeric=nums, flags=flags, completeness=completeness,
    )


def _nan(value: float | None) -> float:
    return np.nan if value is None else value


def load_features(engine: Engine, rebuild: bool = False, cache: bool = True) -> FeatureSet:
    """The features of every company: from the cache when the data is unchanged, else built."""
    from enrich.scoring.cache import cache_path, load_cached, save_features

    path = cache_path(engine)
    if cache and not rebuild:
        with engine.connect() as connection:
            stamp = fingerprint(connection)
        cached = load_cached(path, stamp)
        if cached is not None:
            cached.extra["cache"] = "hit"
            return cached
    features = build_features(engine)
    features.extra["cache"] = "rebuilt" if rebuild else "miss"
    if cache:
        try:
            save_features(features, path)
        except OSError as exc:
            log.warning("cannot write scoring feature cache %s: %s", path, exc)
    return features
