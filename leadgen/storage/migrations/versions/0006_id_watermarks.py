"""id_watermarks: ids of companies and possible matches are never given twice on SQLite

SQLite gives a new row max(id) + 1: when a merge deleted the company with the highest id,
the next new company got that id, so "company 3" in last week's export (``leadgen mark 3``,
a CRM's leadgen id, a review sheet's pair) named another company. A trigger on each table
keeps the highest id it deleted; new ids are taken above it. PostgreSQL's sequences never
give an id twice: the table exists there too (one schema), without triggers.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: The tables whose ids users see and type.
TABLES = ("companies", "possible_matches")


def upgrade() -> None:
    op.create_table(
        "id_watermarks",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("top", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_deleted_id AFTER DELETE ON {table} "
            f"WHEN OLD.id > coalesce((SELECT top FROM id_watermarks WHERE name = '{table}'), 0) "
            f"BEGIN INSERT INTO id_watermarks (name, top) VALUES ('{table}', OLD.id) "
            "ON CONFLICT (name) DO UPDATE SET top = excluded.top; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_deleted_id")
    op.drop_table("id_watermarks")
