"""drop indexes that duplicate a unique constraint's prefix

Every ingested lead adds about four company keys and one source record; the (kind, value) and
(source_id) indexes duplicated the leading columns of uq_company_key and uq_source_record, so
each insert updated an index no query needs.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_company_keys_lookup", table_name="company_keys")
    op.drop_index("ix_source_records_source_id", table_name="source_records")


def downgrade() -> None:
    op.create_index("ix_source_records_source_id", "source_records", ["source_id"])
    op.create_index("ix_company_keys_lookup", "company_keys", ["kind", "value"])
