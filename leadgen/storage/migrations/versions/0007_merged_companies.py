"""merged_companies: where a merged-away company's id went

An id in last week's export or a CRM's ``leadgen id`` column, of a company merged since, was
only "no company with id 3": it now names the company that took its records.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merged_companies",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("into_id", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("merged_companies")
