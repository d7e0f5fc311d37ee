"""The bundled domain and name lists behind the checks (data files, never downloaded)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from leadgen.normalize.email import is_free_mail as free_mail

DATA_DIR = Path(__file__).with_name("data")


@cache
def load_list(name: str) -> frozenset[str]:
    """Lines of ``data/<name>.txt``, lower-cased, without comments and blanks."""
    lines = (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def is_free_mail(domain: str) -> bool:
    """True for free-mail providers (gmail.com, qq.com, web.de, yahoo.co.in, ...): the
    normalizer's list (:func:`leadgen.normalize.email.is_free_mail`)."""
    return free_mail(domain.lower().rstrip("."))


def is_disposable(domain: str) -> bool:
    """True for disposable mailbox providers, including their subdomains."""
    domain = domain.lower().rstrip(".")
    disposable = load_list("disposable")
    parts = domain.split(".")
    return any(".".join(parts[i:]) in disposable for i in range(len(parts) - 1))


def is_role_account(local_part: str) -> bool:
    """True for team mailboxes such as info@, sales@, einkauf@, biuro@."""
    local = local_part.lower()
    roles = load_list("role_accounts")
    return local in roles or local.split("+")[0] in roles
