"""The status column of leadgen's own export, read back on import.

``leadgen export`` writes each company's status (``customer``, ``excluded``, ...). Imported
into another database, a row's status marks the company it joins as ``leadgen mark`` would,
and a ``customer`` row is a record of a customer, as a row of a list imported ``--as
customers`` is (stored under a run of customers: :func:`leadgen.storage.runs.
customer_record_ids`), so ``leadgen split`` and ``leadgen dedupe`` keep the customer with it.

Only leadgen's own column is read: ``status`` beside the columns every export format writes
with it (``sources``, ``first_seen``, ``last_seen``), or a CRM column set's ``leadgen status``.
Another tool's "Status" ("Open", "Active") or a CRM's "Lead Status" says something else, and a
list's own ``Status`` column of "customer" may mean a customer of someone else.
"""

from __future__ import annotations

from leadgen.columns import column_key
from leadgen.storage.models import COMPANY_STATUSES, STATUS_PRECEDENCE

#: The columns leadgen's export writes in every format (CSV, .xlsx, JSON, JSON Lines) beside
#: its ``status``: a header holding all of them is leadgen's own.
EXPORT_SIGNATURE = frozenset({"status", "sources", "first_seen", "last_seen"})
#: A CRM column set's status column (``crm_columns.yaml``), as :func:`column_key` writes it.
_CRM_SET_STATUS = "leadgen_status"


def status_column(header: list[str]) -> str | None:
    """The column of ``header`` that holds leadgen's status, or None."""
    if EXPORT_SIGNATURE <= set(header):
        return "status"
    return next((column for column in header if column_key(column) == _CRM_SET_STATUS), None)


def row_status(cell: object) -> tuple[str | None, bool]:
    """The status a cell gives a company (None for ``new`` or an empty cell: nothing to
    mark), and whether the cell is one of leadgen's statuses (an empty one counts as such)."""
    value = str(cell or "").strip().casefold()
    if not value:
        return None, True
    if value not in COMPANY_STATUSES:
        return None, False
    return (None if value == "new" else value), True


def strongest(*statuses: str | None) -> str | None:
    """The strongest of ``statuses`` (:data:`STATUS_PRECEDENCE`), None when none is given."""
    given = {status for status in statuses if status}
    return next((status for status in STATUS_PRECEDENCE if status in given), None)
