"""drop contacts(company_id), the prefix of uq_contact (company_id, kind, value)

Every ingested lead adds two or three contacts; looking them up by company uses the unique
constraint's index, so the separate company_id index only cost a third B-tree insert per row.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_contacts_company_id", table_name="contacts")


def downgrade() -> None:
    op.create_index("ix_contacts_company_id", "contacts", ["company_id"])
