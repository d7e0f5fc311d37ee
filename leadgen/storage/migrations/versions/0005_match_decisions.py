"""match_decisions: reviewers' same / different decisions, anchored on records

A merge or reject in ``leadgen review`` was kept only on the possible_matches row, which goes
with its companies (and company ids change when ``leadgen dedupe`` re-clusters): the next
dedupe split a reviewed merge again. Anchored on one record of each side, a decision outlives
company ids.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_a", sa.Integer(), nullable=False),
        sa.Column("record_b", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("via", sa.String(length=40), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["record_a"], ["source_records.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["record_b"], ["source_records.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_a", "record_b", name="uq_match_decision"),
    )
    op.create_index("ix_match_decisions_record_b", "match_decisions", ["record_b"])


def downgrade() -> None:
    op.drop_index("ix_match_decisions_record_b", table_name="match_decisions")
    op.drop_table("match_decisions")
