"""E-mail addresses: syntax check (never a network call), role accounts, free-mail providers."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from leadgen.items import EmailAddress

#: Local parts that name a function, not a person.
ROLE_LOCAL_PARTS = frozenset(
    "info information contact contacts kontakt hello hi office sales vertrieb service support "
    "help admin administrator webmaster postmaster hostmaster enquiries enquiry inquiries inquiry "
    "marketing export import orders order mail email team jobs careers hr career press media "
    "billing accounts accounting invoice invoices buero buro bureau secretariat reception "
    "customerservice kundenservice noreply no-reply general shop store booking bookings "
    "reservations reservation welcome business biz trade purchasing procurement".split()
)
#: Free-mail providers: a shared domain that says nothing about the company.
FREE_MAIL_DOMAINS = frozenset(
    "gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.de yahoo.fr yahoo.co.jp yahoo.com.cn "
    "ymail.com hotmail.com hotmail.co.uk hotmail.de hotmail.fr outlook.com outlook.de live.com "
    "live.de msn.com aol.com aol.de icloud.com me.com mac.com gmx.de gmx.net gmx.at gmx.ch "
    "gmx.com web.de t-online.de freenet.de arcor.de posteo.de mailbox.org protonmail.com "
    "proton.me zoho.com yandex.ru yandex.com mail.ru rambler.ru qq.com foxmail.com 163.com "
    "126.com yeah.net sina.com sina.cn sohu.com 139.com 189.cn aliyun.com wp.pl onet.pl o2.pl "
    "interia.pl seznam.cz centrum.cz libero.it virgilio.it tin.it laposte.net orange.fr "
    "free.fr wanadoo.fr sfr.fr naver.com daum.net hanmail.net rediffmail.com "
    "bluewin.ch hetnet.nl ziggo.nl telenet.be skynet.be tutanota.com fastmail.com".split()
)


def normalize_email(raw: str) -> EmailAddress | None:
    """Syntax-check ``raw`` and return it with a lower-cased domain, or None when invalid.

    Deliverability is not checked here (no DNS): that is the enrichment stage's job.
    """
    if not raw:
        return None
    text = raw.strip().removeprefix("mailto:").split("?", 1)[0].strip().strip("<>")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return None
    domain = result.ascii_domain.lower()
    local = result.local_part
    # Lower-case the local part too: nearly every mail server treats it case-insensitively,
    # and a stable key matters more here than the RFC's theoretical case sensitivity.
    address = f"{local.lower()}@{domain}"
    base = local.lower().split("+", 1)[0]
    return EmailAddress(
        address=address,
        domain=domain,
        role=base.replace(".", "").replace("_", "") in ROLE_LOCAL_PARTS or base in ROLE_LOCAL_PARTS,
        free_mail=domain in FREE_MAIL_DOMAINS,
    )
